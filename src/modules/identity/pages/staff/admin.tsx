/**
 * /admin/staff: the staff an admin manages (their agency's, or every agency's for a platform admin), the
 * form to add one, and per person: roles, disable/enable, reset credentials. New credentials are shown
 * once, on the page that answers the form (CredentialsPage), never in a URL.
 */
import { Layout } from '../../../../web/layout.js';
import type { Role, StaffRow } from '../../staff.repository.js';
import { canManageStaff, PLATFORM_ADMIN, ungrantableRoles } from '../../staff-permissions.js';
import { CsrfField, FormErrors, Notice, TextField, type FormProblem } from '../forms.js';
import { roleLabel, type StaffPageInput } from './page.js';

export type ListedStaff = StaffRow & { agencyName: string };

export interface NewStaffValues {
  loginName: string;
  name: string;
  agencyId: string;
  roles: string[];
}

export interface AdminPageProps {
  input: StaffPageInput;
  staff: ListedStaff[];
  roles: Role[];
  /** The agency filter of a platform admin (null: all agencies). */
  agencyFilter: number | null;
  notice?: string | undefined;
  problems?: FormProblem[];
  values?: NewStaffValues;
}

function RoleChoices({ input, roles, idPrefix, checked }: { input: StaffPageInput; roles: Role[]; idPrefix: string; checked: readonly string[] }) {
  const grantable = roles.filter((r) => ungrantableRoles(input.actor, [r.code]).length === 0 || checked.includes(r.code));
  return (
    <>
      {grantable.map((role) => {
        const locked = ungrantableRoles(input.actor, [role.code]).length > 0;
        return (
          <label class="choice" for={`${idPrefix}-${role.code}`}>
            <input
              type="checkbox"
              id={`${idPrefix}-${role.code}`}
              name="roles"
              value={role.code}
              checked={checked.includes(role.code)}
              disabled={locked}
            />
            {roleLabel(roles, role.code, input.env.lang)}
          </label>
        );
      })}
    </>
  );
}

function StaffCard({ input, person, roles }: { input: StaffPageInput; person: ListedStaff; roles: Role[] }) {
  const { m, csrf, actor, env } = input;
  const t = m.staffAdmin;
  const isMe = person.id === actor.staffId;
  const disabled = person.disabledAt !== null;
  return (
    <li class="staff-card" id={`staff-${person.id}`}>
      <h3>
        {person.name} <code>{person.loginName}</code>
        {isMe ? t.you : null}
      </h3>
      <dl class="staff-facts">
        <dt>{t.agency}</dt>
        <dd>{person.agencyName}</dd>
        <dt>{t.roles}</dt>
        <dd>{person.roles.map((code) => roleLabel(roles, code, env.lang)).join(m.listSeparator) || '—'}</dd>
        <dt>{t.status}</dt>
        <dd>{disabled ? <strong>{t.disabled}</strong> : t.active}</dd>
      </dl>
      {canManageStaff(actor, person) ? (
        <details>
          <summary>
            {t.manage}
            <span class="visually-hidden">
              {m.colon}
              {person.name}
            </span>
          </summary>
          <form class="form" method="post" action={`/admin/staff/${person.id}/roles`}>
            <CsrfField token={csrf} />
            <fieldset class="field role-choices">
              <legend>{t.roles}</legend>
              <RoleChoices input={input} roles={roles} idPrefix={`roles-${person.id}`} checked={person.roles} />
            </fieldset>
            <button type="submit">{t.saveRoles}</button>
          </form>
          <form class="staff-action" method="post" action={`/admin/staff/${person.id}/${disabled ? 'enable' : 'disable'}`}>
            <CsrfField token={csrf} />
            <button type="submit" class="button-secondary">
              {disabled ? t.enable : t.disable}
            </button>
          </form>
          <form class="staff-action button-row" method="post" action={`/admin/staff/${person.id}/credentials`} aria-label={t.resetTitle}>
            <CsrfField token={csrf} />
            <button type="submit" class="button-secondary" name="what" value="totp">
              {t.resetTotp}
            </button>
            <button type="submit" class="button-secondary" name="what" value="password">
              {t.resetPassword}
            </button>
          </form>
        </details>
      ) : null}
    </li>
  );
}

export function AdminStaffPage({ input, staff, roles, agencyFilter, notice, problems = [], values }: AdminPageProps) {
  const { env, m, csrf, actor } = input;
  const t = m.staffAdmin;
  const isPlatform = actor.roles.includes(PLATFORM_ADMIN);
  const v: NewStaffValues = values ?? { loginName: '', name: '', agencyId: String(actor.agencyId), roles: [] };
  return (
    <Layout env={env} title={t.adminTitle} section="none">
      <p>
        <a href="/staff">{t.workbenchTitle}</a>
      </p>
      <h1>{t.adminTitle}</h1>
      <p class="muted">{isPlatform ? (agencyFilter === null ? t.allAgencies : `${t.agencyId} ${agencyFilter}`) : actor.agencyName}</p>
      {notice ? <Notice>{notice}</Notice> : null}
      {isPlatform ? (
        <form class="form" method="get" action="/admin/staff">
          <div class="field">
            <label for="agency-filter">{t.filterAgency}</label>
            <input id="agency-filter" name="agency" type="text" inputMode="numeric" value={agencyFilter === null ? '' : String(agencyFilter)} maxLength={16} />
          </div>
          <button type="submit">{t.filter}</button>
        </form>
      ) : null}
      <h2>{t.listHeading(staff.length)}</h2>
      {staff.length === 0 ? (
        <p>{t.noStaff}</p>
      ) : (
        <ul class="staff-list">
          {staff.map((person) => (
            <StaffCard input={input} person={person} roles={roles} />
          ))}
        </ul>
      )}
      <h2 id="create">{t.createTitle}</h2>
      <div class="form-page">
        <FormErrors m={m} problems={problems} />
        <form class="form" method="post" action="/admin/staff">
          <CsrfField token={csrf} />
          <TextField id="loginName" name="loginName" label={t.loginName} hint={t.loginNameHint} value={v.loginName} problems={problems} maxLength={32} required autocomplete="off" spellcheck={false} />
          <TextField id="name" name="name" label={t.name} value={v.name} problems={problems} maxLength={50} required autocomplete="off" />
          {isPlatform ? (
            <TextField id="agencyId" name="agencyId" label={t.agencyId} hint={t.agencyIdHint} value={v.agencyId} problems={problems} inputMode="numeric" maxLength={16} required />
          ) : (
            <p>
              {t.agency}
              {m.colon}
              {actor.agencyName}
            </p>
          )}
          <fieldset class="field role-choices" id="new-roles" aria-describedby={problems.some((p) => p.field === 'new-roles') ? 'new-roles-error' : undefined}>
            <legend>{t.roles}</legend>
            {problems
              .filter((p) => p.field === 'new-roles')
              .map((p) => (
                <span class="field-error" id="new-roles-error">
                  {p.message}
                </span>
              ))}
            <RoleChoices input={input} roles={roles} idPrefix="new-role" checked={v.roles} />
          </fieldset>
          <button type="submit">{t.create}</button>
        </form>
      </div>
    </Layout>
  );
}

/** The answer to creating a staff member or resetting credentials: shown this once. */
export function CredentialsPage({
  input,
  person,
  credentials,
}: {
  input: StaffPageInput;
  person: { name: string; loginName: string };
  credentials: { password: string | null; totpSecret: string | null; totpUri: string | null };
}) {
  const { env, m } = input;
  const t = m.staffAdmin;
  return (
    <Layout env={env} title={t.credentialsTitle} section="none">
      <div class="form-page">
        <h1>{t.credentialsTitle}</h1>
        <p>
          {person.name} <code>{person.loginName}</code>
        </p>
        <Notice>{t.credentialsOnce}</Notice>
        <dl class="staff-facts credentials">
          {credentials.password ? (
            <>
              <dt>{t.password}</dt>
              <dd>
                <code data-credential="password">{credentials.password}</code>
              </dd>
            </>
          ) : null}
          {credentials.totpSecret ? (
            <>
              <dt>{t.totpSecret}</dt>
              <dd>
                <code data-credential="totp-secret">{credentials.totpSecret}</code>
              </dd>
              <dt>{t.totpUri}</dt>
              <dd>
                <code data-credential="totp-uri">{credentials.totpUri}</code>
              </dd>
            </>
          ) : null}
        </dl>
        <p>
          <a href="/admin/staff">{t.backToList}</a>
        </p>
      </div>
    </Layout>
  );
}
