/** 登录 page: the shared sign-in form with the page around it. */
import type { ViewEnv } from '../../../web/layout.js';
import { Notice } from './forms.js';
import { IdentityShell } from './shell.js';
import { SignInForm } from './sign-in-form.js';

export interface LoginView {
  step: 'password' | 'totp';
  username?: string;
  challenge?: string;
  error?: string | null;
  next: string | null;
  notice?: string | null;
}

export function LoginPage({ env, view }: { env: ViewEnv; view: LoginView }) {
  const t = env.m.identity.login;
  return (
    <IdentityShell env={env} title={view.step === 'totp' ? t.totpTitle : t.title}>
      {view.notice ? <Notice>{view.notice}</Notice> : null}
      {view.step === 'password' ? <p>{t.intro}</p> : null}
      <SignInForm
        m={env.m}
        action="/login"
        csrfToken={env.csrfToken!}
        step={view.step}
        username={view.username}
        challenge={view.challenge}
        error={view.error}
        hidden={view.next ? { next: view.next } : undefined}
      />
    </IdentityShell>
  );
}

/** /logout without JavaScript: a page with the sign-out button. */
export function LogoutPage({ env }: { env: ViewEnv }) {
  const t = env.m.identity;
  return (
    <IdentityShell env={env} title={t.signOut}>
      <form class="form" method="post" action="/logout">
        <input type="hidden" name="_csrf" value={env.csrfToken!} />
        <button type="submit">{t.signOut}</button>
      </form>
    </IdentityShell>
  );
}
