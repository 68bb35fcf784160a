/** 我的账户: who I am, my assurance level and how to reach the next, and links to the rest. */
import type { ComponentChildren } from 'preact';
import type { ViewEnv } from '../../../web/layout.js';
import { Facts } from '../../../web/components.js';
import type { Principal } from '../principal.js';
import { Notice } from './forms.js';
import { IdentityShell } from './shell.js';

export function AccountPage({ env, principal, notice, extra }: { env: ViewEnv; principal: Principal; notice?: string | null; extra?: ComponentChildren }) {
  const t = env.m.identity.account;
  const links: [href: string, label: string][] = [
    ['/account/sessions', t.sessions],
    ['/account/history', t.history],
    ['/account/password', t.password],
  ];
  if (principal.staff) {
    return (
      <IdentityShell env={env} title={t.staffTitle} wide>
        {notice ? <Notice>{notice}</Notice> : null}
        <Facts
          rows={[
            [t.name, principal.name],
            [t.agency, principal.staff.agencyName],
            [t.roles, principal.staff.roles.join(env.m.listSeparator)],
          ]}
        />
        <AccountLinks env={env} links={links} />
        {extra}
      </IdentityShell>
    );
  }
  const level = principal.level;
  if (level < 1) links.unshift(['/account/verify-phone', t.verifyPhone]);
  if (level < 2) links.unshift(['/account/real-name', t.realName]);
  links.push(['/account/companies', t.companies]);
  return (
    <IdentityShell env={env} title={t.title} wide>
      {notice ? <Notice>{notice}</Notice> : null}
      <Facts
        rows={[
          [t.name, principal.name],
          [t.idNumber, principal.idNumberMasked],
          [t.phone, principal.phoneMasked],
          [t.email, <a href="/account/email">{principal.email ? env.m.identity.email.current(principal.email.masked, principal.email.verified) : t.emailNone}</a>],
          [
            t.level,
            <span>
              <span class="level-badge">{t.levelValue(level)}</span> {t.levels[level]}
            </span>,
          ],
        ]}
      />
      <h2 id="next-level">{t.nextStep}</h2>
      <NextLevel env={env} level={level} />
      <h2 id="levels">{t.levelExplainTitle}</h2>
      {/* Each entry names its level ("0 级：…"), so the list carries no numbers of its own. */}
      <ul class="levels">
        {t.levelExplain.map((text, n) => (
          <li aria-current={n === level ? 'true' : undefined}>{text}</li>
        ))}
      </ul>
      <AccountLinks env={env} links={links} />
      {extra}
    </IdentityShell>
  );
}

function NextLevel({ env, level }: { env: ViewEnv; level: number }) {
  const t = env.m.identity.account;
  if (level === 0) return <p><a href="/account/verify-phone">{t.toLevel1}</a></p>;
  if (level === 1) return <p><a href="/account/real-name">{t.toLevel2}</a></p>;
  if (level === 2) return <p>{t.toLevel3}</p>;
  return <p>{t.topLevel}</p>;
}

function AccountLinks({ env, links }: { env: ViewEnv; links: [string, string][] }) {
  return (
    <>
      <h2 id="manage">{env.m.identity.account.links}</h2>
      <ul class="account-links-list">
        {links.map(([href, label]) => (
          <li>
            <a href={href}>{label}</a>
          </li>
        ))}
      </ul>
    </>
  );
}
