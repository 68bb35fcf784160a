import type { ModuleContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { Layout, type ViewEnv } from '../../../web/layout.js';
import { Breadcrumbs, Facts, ItemHitList, PhoneLink } from '../../../web/components.js';
import type { Labels, PageInput } from '../page.js';
import { agenciesOf, browseListing, findAgency, type Agency, type ItemHit, type Jurisdiction } from '../reads.js';
import { hitViews } from './topics.js';

/** A shop lists this many items of each type; a type with more links to the filtered search. */
const SHOP_ITEMS_PER_TYPE = 50;

/** /agencies: the agencies of the current jurisdiction itself, with links to the areas under it. */
export async function buildAgencyList(ctx: ModuleContext, { env, region }: PageInput) {
  const agencies = await agenciesOf(ctx.db, region.code);
  return <AgencyListPage env={env} region={region} agencies={agencies} />;
}

function AgencyListPage({ env, region, agencies }: { env: ViewEnv; region: Jurisdiction; agencies: Agency[] }) {
  const { m } = env;
  return (
    <Layout env={env} title={m.agency.listTitle} section="agencies">
      <Breadcrumbs m={m} trail={[{ label: m.agency.listTitle }]} />
      <h1>{m.agency.listTitle}</h1>
      <p class="muted">{region.name}</p>
      <ul class="agency-list">
        {agencies.map((agency) => (
          <li>
            <a href={`/agencies/${agency.id}`}>{agency.name}</a>
          </li>
        ))}
      </ul>
      {region.children.length ? (
        <>
          <h2>{m.jurisdiction.children(m.jurisdiction.levels[childLevel(region.level)] ?? '')}</h2>
          <ul class="agency-list">
            {region.children.map((child) => (
              <li>
                <a href={`/jurisdictions/${child.code}`}>{child.name}</a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}

export function childLevel(level: Jurisdiction['level']): string {
  return level === 'province' ? 'city' : level === 'city' ? 'county' : 'township';
}

/** /agencies/{id}: the agency's shop: contacts, numbers and its items grouped by type. */
export async function buildAgencyShop(ctx: ModuleContext, { request, env, labels }: PageInput) {
  const { id } = request.params as { id: string };
  const agency = /^[1-9][0-9]{0,15}$/.test(id) ? await findAgency(ctx.db, Number(id)) : null;
  if (!agency) throw new AppError('not_found', { message: `No agency ${id}.` });
  await labels.load('item_type');
  const typeOrder = labels.entries('item_type').map((e) => e.code);
  const counts = [...agency.itemCounts].filter((c) => c.count > 0).sort((a, b) => typeOrder.indexOf(a.typeCode) - typeOrder.indexOf(b.typeCode));
  const groups: ShopGroup[] = [];
  for (const { typeCode, count } of counts) {
    const listing = await browseListing(ctx.db, { jurisdiction: agency.jurisdiction.code, agency: agency.id, type: typeCode }, 1, SHOP_ITEMS_PER_TYPE);
    groups.push({ typeCode, count, hits: listing.hits });
  }
  return <AgencyShopPage env={env} agency={agency} groups={groups} labels={labels} />;
}

interface ShopGroup {
  typeCode: string;
  count: number;
  hits: ItemHit[];
}

function AgencyShopPage({ env, agency, groups, labels }: { env: ViewEnv; agency: Agency; groups: ShopGroup[]; labels: Labels }) {
  const { m } = env;
  const itemTotal = groups.reduce((sum, g) => sum + g.count, 0);
  return (
    <Layout env={env} title={agency.name} section="agencies">
      <Breadcrumbs m={m} trail={[{ href: '/agencies', label: m.agency.listTitle }, { label: agency.name }]} />
      <h1>{agency.name}</h1>
      <p class="muted">
        {m.agency.jurisdiction}{m.colon}<a href={`/jurisdictions/${agency.jurisdiction.code}`}>{agency.jurisdiction.name}</a>
      </p>
      <div class="sections">
        <section class="section-block" aria-labelledby="shop-contacts">
          <h2 id="shop-contacts">{m.agency.contacts}</h2>
          <Facts
            rows={[
              [m.agency.address, agency.address],
              [m.agency.hours, agency.hours],
              [m.agency.consultationPhone, <PhoneLink phone={agency.consultationPhone} />],
              [m.agency.complaintPhone, <PhoneLink phone={agency.complaintPhone} />],
              [m.agency.uscc, <code>{agency.uscc}</code>],
              [m.agency.parent, agency.parent ? <a href={`/agencies/${agency.parent.id}`}>{agency.parent.name}</a> : ''],
            ]}
          />
        </section>
        <section class="section-block" aria-labelledby="shop-numbers">
          <h2 id="shop-numbers">{m.agency.numbers}</h2>
          <Facts
            rows={[
              [m.agency.totalItems, String(itemTotal)],
              ...groups.map((g): [string, string] => [labels.of('item_type', g.typeCode), String(g.count)]),
            ]}
          />
        </section>
      </div>
      <h2>{m.agency.items}</h2>
      {groups.length === 0 ? <p>{m.agency.none}</p> : null}
      {groups.map((group) => (
        <section aria-labelledby={`type-${group.typeCode}`}>
          <h3 id={`type-${group.typeCode}`}>
            {labels.of('item_type', group.typeCode)}
            {m.inParens(group.count)}
          </h3>
          <ItemHitList m={m} hits={hitViews(group.hits, labels)} headingLevel={4} />
          {group.count > group.hits.length ? (
            <p class="more">
              <a href={`/search?agency=${agency.id}&type=${group.typeCode}&jurisdiction=${agency.jurisdiction.code}`}>{m.search.resultCount(group.count)}</a>
            </p>
          ) : null}
        </section>
      ))}
    </Layout>
  );
}
