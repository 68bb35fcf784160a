/**
 * The sign-in form (登录表单), shared by /login and the OIDC interaction page. Outside tools drive it by
 * its field names, which therefore never change: `username`, `password`; on the staff's second step `totp`
 * with the hidden `challenge` from the first step. Every form also carries the hidden `_csrf` token.
 */
import type { Messages } from '../../../web/i18n.js';
import { CsrfField, FormErrors, TextField, type FormProblem } from './forms.js';

export interface SignInFormProps {
  m: Messages;
  /** Where the form posts (e.g. '/login', or the OIDC interaction's URL). */
  action: string;
  csrfToken: string;
  /** 'password' (first step) or 'totp' (staff's second step, needs `challenge`). */
  step?: 'password' | 'totp';
  /** The username typed before, shown again after an error (never the password). */
  username?: string;
  challenge?: string;
  /** A generic message for the whole form (wrong username or password, rate limit, wrong code). */
  error?: string | null;
  /** Extra hidden fields posted with the form, e.g. { next: '/account' }. */
  hidden?: Record<string, string>;
  /** Links under the form (register, reset password); shown on /login, not needed in every flow. */
  showLinks?: boolean;
}

export function SignInForm({ m, action, csrfToken, step = 'password', username, challenge, error, hidden, showLinks = true }: SignInFormProps) {
  const t = m.identity.login;
  const problems: FormProblem[] = error ? [{ field: null, message: error }] : [];
  const hiddenFields = Object.entries(hidden ?? {}).map(([name, value]) => <input type="hidden" name={name} value={value} />);
  if (step === 'totp') {
    return (
      <div class="sign-in">
        <FormErrors m={m} problems={problems} id="sign-in-errors" />
        <p>{t.totpIntro}</p>
        <form class="form" method="post" action={action} aria-label={t.totpTitle}>
          <CsrfField token={csrfToken} />
          <input type="hidden" name="challenge" value={challenge ?? ''} />
          {hiddenFields}
          <TextField
            id="totp"
            name="totp"
            label={t.totp}
            hint={t.totpHint}
            autocomplete="one-time-code"
            inputMode="numeric"
            maxLength={6}
            required
            problems={error ? [{ field: 'totp', message: error }] : []}
          />
          <button type="submit">{t.totpSubmit}</button>
        </form>
        <ul class="form-links">
          <li>
            <a href={action}>{t.restart}</a>
          </li>
        </ul>
      </div>
    );
  }
  return (
    <div class="sign-in">
      <FormErrors m={m} problems={problems} id="sign-in-errors" />
      <form class="form" method="post" action={action} aria-label={t.title}>
        <CsrfField token={csrfToken} />
        {hiddenFields}
        <TextField id="username" name="username" label={t.username} hint={t.usernameHint} value={username} autocomplete="username" maxLength={64} required spellcheck={false} />
        <TextField id="password" name="password" label={t.password} type="password" autocomplete="current-password" maxLength={200} required />
        <button type="submit">{t.submit}</button>
      </form>
      {showLinks ? (
        <ul class="form-links">
          <li>
            {t.noAccount} <a href="/register">{t.registerLink}</a>
          </li>
          <li>
            {t.forgot} <a href="/password-reset">{t.resetLink}</a>
          </li>
        </ul>
      ) : null}
    </div>
  );
}
