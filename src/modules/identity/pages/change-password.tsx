/** 修改密码: the current password and a new one; the other signed-in devices are signed out. */
import type { ViewEnv } from '../../../web/layout.js';
import { CsrfField, FormErrors, TextField, type FormProblem } from './forms.js';
import { accountTrail, IdentityShell } from './shell.js';

export function ChangePasswordPage({ env, problems }: { env: ViewEnv; problems?: FormProblem[] }) {
  const t = env.m.identity.changePassword;
  const p = problems ?? [];
  return (
    <IdentityShell env={env} title={t.title} trail={accountTrail(env, t.title)}>
      <p>{t.intro}</p>
      <FormErrors m={env.m} problems={p} />
      <form class="form" method="post" action="/account/password" aria-label={t.title} novalidate>
        <CsrfField token={env.csrfToken!} />
        <TextField id="currentPassword" name="currentPassword" label={t.current} type="password" autocomplete="current-password" maxLength={128} required problems={p} />
        <TextField id="newPassword" name="newPassword" label={t.new} hint={env.m.identity.register.passwordRules} type="password" autocomplete="new-password" maxLength={128} required problems={p} />
        <button type="submit">{t.submit}</button>
      </form>
    </IdentityShell>
  );
}
