/** 电子邮箱: set an address (a code is mailed to it), then enter the code to verify it. */
import type { ViewEnv } from '../../../web/layout.js';
import { CsrfField, FormErrors, Notice, TextField, type FormProblem } from './forms.js';
import { accountTrail, IdentityShell } from './shell.js';

export interface EmailView {
  email: { masked: string; verified: boolean } | null;
  notice?: string | null;
  problems?: FormProblem[];
  /** What the visitor typed, shown again after an error. */
  address?: string;
}

export function EmailPage({ env, view }: { env: ViewEnv; view: EmailView }) {
  const t = env.m.identity.email;
  const p = view.problems ?? [];
  return (
    <IdentityShell env={env} title={t.title} trail={accountTrail(env, t.title)}>
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      <FormErrors m={env.m} problems={p} />
      <p>{t.intro}</p>
      {view.email ? <p>{t.current(view.email.masked, view.email.verified)}</p> : null}
      <form class="form" method="post" action="/account/email" aria-label={t.set}>
        <CsrfField token={env.csrfToken!} />
        <TextField id="email" name="email" type="email" label={t.address} hint={t.addressHint} autocomplete="email" maxLength={254} value={view.address} required problems={p} />
        <button type="submit">{t.set}</button>
      </form>
      {view.email && !view.email.verified ? (
        <form class="form" method="post" action="/account/email/confirm" aria-label={t.confirm}>
          <CsrfField token={env.csrfToken!} />
          <TextField id="code" name="code" label={t.code} hint={t.codeHint} autocomplete="one-time-code" inputMode="numeric" maxLength={6} required problems={p} />
          <button type="submit">{t.confirm}</button>
        </form>
      ) : null}
    </IdentityShell>
  );
}
