import type { ModuleContext } from '../../../platform/context.js';
import { AppError } from '../../../platform/errors.js';
import { Layout, type ViewEnv } from '../../../web/layout.js';
import { Breadcrumbs } from '../../../web/components.js';
import type { PageInput } from '../page.js';
import { findJurisdiction, type Jurisdiction } from '../reads.js';
import { childLevel } from './agencies.js';

const REGION_CODE = /^[0-9]{6}([0-9]{3})?$/;

/**
 * /jurisdictions/{code}: the switcher, province → city → county. Each level lists the areas under
 * it; "在此地区办事" keeps the choice in the `region` cookie through a plain link (`/?region=`).
 */
export async function buildJurisdictionPage(ctx: ModuleContext, { request, env, region }: PageInput) {
  const { code } = request.params as { code: string };
  const shown = REGION_CODE.test(code) ? await findJurisdiction(ctx.db, code) : null;
  if (!shown) throw new AppError('not_found', { message: `No jurisdiction ${code}.` });
  const path: { code: string; name: string }[] = [];
  for (const ancestor of shown.ancestors.filter((c) => c !== shown.code)) {
    const found = await findJurisdiction(ctx.db, ancestor);
    if (found) path.push({ code: found.code, name: found.name });
  }
  return <JurisdictionPage env={env} shown={shown} path={path} isCurrent={shown.code === region.code} />;
}

function JurisdictionPage({ env, shown, path, isCurrent }: { env: ViewEnv; shown: Jurisdiction; path: { code: string; name: string }[]; isCurrent: boolean }) {
  const { m } = env;
  return (
    <Layout env={env} title={`${m.jurisdiction.title}${m.colon}${shown.name}`} section="jurisdictions">
      <Breadcrumbs
        m={m}
        trail={[...path.map((p) => ({ href: `/jurisdictions/${p.code}`, label: p.name })), { label: shown.name }]}
      />
      <h1>
        {m.jurisdiction.title}{m.colon}{shown.name}
      </h1>
      <div class="card">
        {isCurrent ? (
          <p>
            <strong>{m.jurisdiction.chosen}</strong>
          </p>
        ) : (
          <p>
            <a class="button" href={`/?region=${shown.code}`}>
              {m.jurisdiction.choose}{m.colon}{shown.name}
            </a>
          </p>
        )}
        {shown.parent ? (
          <p>
            <a href={`/jurisdictions/${shown.parent.code}`}>
              {m.jurisdiction.up}{m.colon}{shown.parent.name}
            </a>
          </p>
        ) : null}
      </div>
      {shown.children.length ? (
        <>
          <h2>{m.jurisdiction.children(m.jurisdiction.levels[childLevel(shown.level)] ?? '')}</h2>
          <ul class="link-grid">
            {shown.children.map((child) => (
              <li>
                <a href={`/jurisdictions/${child.code}`}>
                  <span class="link-grid-label">{child.name}</span>
                </a>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </Layout>
  );
}
