import type { ModuleContext } from '../../../platform/context.js';
import { Layout, type ViewEnv } from '../../../web/layout.js';
import { Breadcrumbs } from '../../../web/components.js';
import type { Labels, PageInput } from '../page.js';
import { powersByAgency, type AgencyPowers } from '../reads.js';

/** /transparency (阳光政务): the power list of each agency of the current jurisdiction, counted by item type. */
export async function buildTransparencyPage(ctx: ModuleContext, { env, region, labels }: PageInput) {
  await labels.load('item_type');
  const rows = await powersByAgency(ctx.db, region.code);
  return <TransparencyPage env={env} regionName={region.name} rows={rows} labels={labels} />;
}

function TransparencyPage({ env, regionName, rows, labels }: { env: ViewEnv; regionName: string; rows: AgencyPowers[]; labels: Labels }) {
  const { m } = env;
  const used = new Set(rows.flatMap((r) => r.counts.filter((c) => c.count > 0).map((c) => c.typeCode)));
  const types = labels.entries('item_type').filter((t) => used.has(t.code));
  const countOf = (row: AgencyPowers, type: string) => row.counts.find((c) => c.typeCode === type)?.count ?? 0;
  return (
    <Layout env={env} title={m.transparency.title} section="transparency">
      <Breadcrumbs m={m} trail={[{ label: m.transparency.title }]} />
      <h1>{m.transparency.title}</h1>
      <p>{m.transparency.intro(regionName)}</p>
      <div class="table-wrap" role="region" aria-labelledby="powers-caption" tabIndex={0}>
        <table>
          <caption id="powers-caption">{m.transparency.caption}</caption>
          <thead>
            <tr>
              <th scope="col">{m.transparency.agency}</th>
              {types.map((t) => (
                <th scope="col" class="num">
                  <a href={`/types/${t.code}`}>{labels.of('item_type', t.code)}</a>
                </th>
              ))}
              <th scope="col" class="num">
                {m.transparency.total}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <th scope="row">
                  <a href={`/agencies/${row.agency.id}`}>{row.agency.name}</a>
                </th>
                {types.map((t) => (
                  <td class="num">{countOf(row, t.code)}</td>
                ))}
                <td class="num">
                  <strong>{row.total}</strong>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Layout>
  );
}
