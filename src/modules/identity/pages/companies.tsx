/**
 * 企业与授权: bind a company as its legal representative, switch the acting identity, and — for a
 * representative — appoint agents (经办人) for all or chosen items until a date, and revoke them.
 */
import type { ViewEnv } from '../../../web/layout.js';
import type { ActingAs } from '../principal.js';
import { RowButton, StackTable } from './components.js';
import { CsrfField, FormErrors, Notice, TextField, type FormProblem } from './forms.js';
import { accountTrail, IdentityShell } from './shell.js';

export interface ActableCompany {
  uscc: string;
  name: string;
  role: 'representative' | 'agent';
  validUntil: string | null;
}

export interface GrantView {
  id: string;
  agentName: string;
  agentIdNumberMasked: string;
  itemCodes: string[] | null;
  validUntil: string;
  revokedAt: Date | null;
}

export interface RepresentedCompany {
  uscc: string;
  name: string;
  grants: GrantView[];
}

export interface GrantValues {
  agentName: string;
  agentIdNumber: string;
  scope: 'all' | 'items';
  items: string;
  validUntil: string;
}

export interface CompaniesView {
  actable: ActableCompany[];
  actingAs: ActingAs | null;
  represented: RepresentedCompany[];
  notice?: string | null;
  bind?: { uscc: string; problems: FormProblem[] };
  grant?: { uscc: string; values: GrantValues; problems: FormProblem[] };
}

export function CompaniesPage({ env, view }: { env: ViewEnv; view: CompaniesView }) {
  const t = env.m.identity.companies;
  const roleLabel = (role: string) => env.m.identity.actingRole[role] ?? role;
  return (
    <IdentityShell env={env} title={t.title} trail={accountTrail(env, t.title)} wide>
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <p>{t.intro}</p>

      <h2 id="mine">{t.mineTitle}</h2>
      {view.actable.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <StackTable
          name="companies"
          caption={t.mineTitle}
          captionHidden
          columns={[t.company, t.uscc, t.role, t.validUntil]}
          actions={env.m.identity.switchIdentity}
        >
          {view.actable.map((c) => (
            <tr>
              <th scope="row">{c.name}</th>
              <td data-label={t.uscc}>{c.uscc}</td>
              <td data-label={t.role}>{roleLabel(c.role)}</td>
              <td data-label={t.validUntil}>{c.validUntil ?? '—'}</td>
              <td class="cell-actions">
                {view.actingAs?.uscc === c.uscc ? (
                  <span class="current-marker">{t.actingNow}</span>
                ) : (
                  <RowButton
                    action="/account/acting-as"
                    csrfToken={env.csrfToken!}
                    fields={{ uscc: c.uscc }}
                    label={t.actAs}
                    context={env.m.inParens(c.name)}
                  />
                )}
              </td>
            </tr>
          ))}
        </StackTable>
      )}
      {view.actingAs ? (
        <form class="form" method="post" action="/account/acting-as">
          <CsrfField token={env.csrfToken!} />
          <input type="hidden" name="uscc" value="" />
          <button type="submit">{t.stopActing}</button>
        </form>
      ) : null}

      {view.represented.map((company, index) => (
        <CompanyGrants env={env} company={company} index={index} failed={view.grant?.uscc === company.uscc ? view.grant : undefined} />
      ))}

      <h2 id="bind">{t.bindTitle}</h2>
      <p>{t.bindIntro}</p>
      <FormErrors m={env.m} problems={view.bind?.problems ?? []} id="bind-errors" />
      <form class="form" method="post" action="/account/companies/bind" aria-labelledby="bind">
        <CsrfField token={env.csrfToken!} />
        <TextField id="uscc" name="uscc" label={t.uscc} hint={t.usccHint} value={view.bind?.uscc} autocomplete="off" maxLength={18} required spellcheck={false} problems={view.bind?.problems} />
        <button type="submit">{t.bind}</button>
      </form>
    </IdentityShell>
  );
}

function CompanyGrants({ env, company, index, failed }: { env: ViewEnv; company: RepresentedCompany; index: number; failed?: { values: GrantValues; problems: FormProblem[] } }) {
  const t = env.m.identity.companies;
  const id = (name: string) => `g${index}-${name}`;
  const problems = failed?.problems ?? [];
  const values = failed?.values;
  const live = company.grants.filter((g) => !g.revokedAt);
  const itemsError = problems.find((p) => p.field === id('items'))?.message;
  return (
    <section aria-labelledby={id('title')}>
      <h2 id={id('title')}>{t.grantsTitle(company.name)}</h2>
      {live.length === 0 ? (
        <p>{t.noGrants}</p>
      ) : (
        <StackTable
          name="grants"
          caption={t.grantsTitle(company.name)}
          captionHidden
          columns={[t.agent, t.agentIdNumber, t.scope, t.validUntil]}
          actions={t.revoke}
        >
          {live.map((g) => (
            <tr>
              <th scope="row">{g.agentName}</th>
              <td data-label={t.agentIdNumber}>{g.agentIdNumberMasked}</td>
              <td data-label={t.scope}>{g.itemCodes ? g.itemCodes.join(env.m.listSeparator) : t.allItems}</td>
              <td data-label={t.validUntil}>{g.validUntil}</td>
              <td class="cell-actions">
                <RowButton
                  action="/account/companies/agents/revoke"
                  csrfToken={env.csrfToken!}
                  fields={{ uscc: company.uscc, grantId: g.id }}
                  label={t.revoke}
                  context={env.m.inParens(g.agentName)}
                />
              </td>
            </tr>
          ))}
        </StackTable>
      )}
      <h3 id={id('grant')}>{t.grantTitle}</h3>
      <FormErrors m={env.m} problems={problems} id={id('errors')} />
      <form class="form" method="post" action="/account/companies/agents" aria-labelledby={id('grant')} novalidate>
        <CsrfField token={env.csrfToken!} />
        <input type="hidden" name="uscc" value={company.uscc} />
        <TextField id={id('agentName')} name="agentName" label={t.agentName} value={values?.agentName} autocomplete="off" maxLength={50} required problems={problems} />
        <TextField id={id('agentIdNumber')} name="agentIdNumber" label={t.agentIdNumber} value={values?.agentIdNumber} autocomplete="off" maxLength={18} required spellcheck={false} problems={problems} />
        <div class="field">
          <fieldset>
            <legend>{t.scope}</legend>
            <label class="choice">
              <input type="radio" name="scope" value="all" checked={(values?.scope ?? 'all') === 'all'} /> {t.scopeAll}
            </label>
            <label class="choice">
              <input type="radio" name="scope" value="items" checked={values?.scope === 'items'} /> {t.scopeItems}
            </label>
          </fieldset>
        </div>
        <div class="field">
          <label for={id('items')}>{t.items}</label>
          <span class="hint" id={id('items-hint')}>
            {t.itemsHint}
          </span>
          {itemsError ? (
            <span class="field-error" id={id('items-error')}>
              {itemsError}
            </span>
          ) : null}
          <textarea id={id('items')} name="items" rows={3} aria-describedby={`${id('items-hint')}${itemsError ? ` ${id('items-error')}` : ''}`} aria-invalid={itemsError ? 'true' : undefined}>
            {values?.items ?? ''}
          </textarea>
        </div>
        <TextField id={id('validUntil')} name="validUntil" label={t.until} hint={t.untilHint} type="date" value={values?.validUntil} required problems={problems} />
        <button type="submit">{t.grant}</button>
      </form>
    </section>
  );
}
