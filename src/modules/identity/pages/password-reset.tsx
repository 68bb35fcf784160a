/** 找回密码: ID number + verified phone or e-mail → code → new password. The first step never says whether an account matched. */
import type { ViewEnv } from '../../../web/layout.js';
import { CsrfField, FormErrors, Notice, TextField, type FormProblem } from './forms.js';
import { IdentityShell } from './shell.js';

export type ResetView =
  | { step: 'request'; idNumber?: string; phone?: string; email?: string; problems?: FormProblem[] }
  | { step: 'confirm'; idNumber: string; notice?: string | null; problems?: FormProblem[] }
  | { step: 'done' };

export function PasswordResetPage({ env, view }: { env: ViewEnv; view: ResetView }) {
  const t = env.m.identity.reset;
  if (view.step === 'done') {
    return (
      <IdentityShell env={env} title={t.title}>
        <Notice>{t.done}</Notice>
        <p>
          <a class="button" href="/login">
            {env.m.identity.signIn}
          </a>
        </p>
      </IdentityShell>
    );
  }
  const p = view.problems ?? [];
  if (view.step === 'confirm') {
    return (
      <IdentityShell env={env} title={t.title}>
        {view.notice ? <Notice>{view.notice}</Notice> : null}
        <FormErrors m={env.m} problems={p} />
        <form class="form" method="post" action="/password-reset/confirm" aria-label={t.submit} novalidate>
          <CsrfField token={env.csrfToken!} />
          <input type="hidden" name="idNumber" value={view.idNumber} />
          <TextField id="code" name="code" label={t.code} autocomplete="one-time-code" inputMode="numeric" maxLength={6} required problems={p} />
          <TextField id="password" name="password" label={t.newPassword} hint={env.m.identity.register.passwordRules} type="password" autocomplete="new-password" maxLength={128} required problems={p} />
          <button type="submit">{t.submit}</button>
        </form>
        <ul class="form-links">
          <li>
            <a href="/password-reset">{t.send}</a>
          </li>
        </ul>
      </IdentityShell>
    );
  }
  return (
    <IdentityShell env={env} title={t.title}>
      <p>{t.intro}</p>
      <FormErrors m={env.m} problems={p} />
      <form class="form" method="post" action="/password-reset" aria-label={t.title} novalidate>
        <CsrfField token={env.csrfToken!} />
        <TextField id="idNumber" name="idNumber" label={t.idNumber} value={view.idNumber} autocomplete="off" maxLength={18} required spellcheck={false} problems={p} />
        <p id="contact-hint" class="hint">{t.contactHint}</p>
        <TextField id="phone" name="phone" label={t.phone} value={view.phone} type="tel" autocomplete="tel-national" inputMode="numeric" maxLength={11} problems={p} />
        <TextField id="email" name="email" label={t.email} value={view.email} type="email" autocomplete="email" maxLength={254} problems={p} />
        <button type="submit">{t.send}</button>
      </form>
    </IdentityShell>
  );
}
