/** 个人用户注册 page and its "accepted" answer (the same for a new and an existing ID number). */
import type { ViewEnv } from '../../../web/layout.js';
import { CsrfField, FormErrors, TextField, type FormProblem } from './forms.js';
import { IdentityShell } from './shell.js';

export interface RegisterValues {
  name: string;
  idNumber: string;
  phone: string;
}

export function RegisterPage({ env, values, problems }: { env: ViewEnv; values?: RegisterValues; problems?: FormProblem[] }) {
  const t = env.m.identity.register;
  const p = problems ?? [];
  return (
    <IdentityShell env={env} title={t.title}>
      <p>{t.intro}</p>
      <FormErrors m={env.m} problems={p} />
      <form class="form" method="post" action="/register" aria-label={t.title} novalidate>
        <CsrfField token={env.csrfToken!} />
        <TextField id="name" name="name" label={t.name} hint={t.nameHint} value={values?.name} autocomplete="name" maxLength={50} required problems={p} />
        <TextField id="idNumber" name="idNumber" label={t.idNumber} hint={t.idNumberHint} value={values?.idNumber} autocomplete="off" maxLength={18} required spellcheck={false} problems={p} />
        <TextField id="phone" name="phone" label={t.phone} hint={t.phoneHint} value={values?.phone} type="tel" autocomplete="tel-national" inputMode="numeric" maxLength={11} required problems={p} />
        <TextField id="password" name="password" label={t.password} hint={t.passwordRules} type="password" autocomplete="new-password" maxLength={128} required problems={p} />
        <button type="submit">{t.submit}</button>
      </form>
      <ul class="form-links">
        <li>
          {t.haveAccount} <a href="/login">{env.m.identity.signIn}</a>
        </li>
      </ul>
    </IdentityShell>
  );
}

export function RegisteredPage({ env }: { env: ViewEnv }) {
  const t = env.m.identity.register;
  return (
    <IdentityShell env={env} title={t.acceptedTitle}>
      <p class="notice" role="status">
        {t.accepted}
      </p>
      <p>
        <a class="button" href="/login?next=%2Faccount%2Fverify-phone">
          {t.next}
        </a>
      </p>
    </IdentityShell>
  );
}
