/** 验证手机号码 (→ level 1): send a code to the phone on record, then enter it. */
import type { ViewEnv } from '../../../web/layout.js';
import { CsrfField, FormErrors, Notice, TextField, type FormProblem } from './forms.js';
import { accountTrail, IdentityShell } from './shell.js';

export function VerifyPhonePage({ env, phoneMasked, verified, notice, problems }: { env: ViewEnv; phoneMasked: string; verified: boolean; notice?: string | null; problems?: FormProblem[] }) {
  const t = env.m.identity.verifyPhone;
  const p = problems ?? [];
  return (
    <IdentityShell env={env} title={t.title} trail={accountTrail(env, t.title)}>
      {notice ? <Notice>{notice}</Notice> : null}
      {verified ? (
        <p>
          {t.already} <a href="/account">{env.m.identity.account.title}</a>
        </p>
      ) : (
        <>
          <FormErrors m={env.m} problems={p} />
          <p>{t.intro(phoneMasked)}</p>
          <form class="form" method="post" action="/account/verify-phone/send" aria-label={t.send}>
            <CsrfField token={env.csrfToken!} />
            <button type="submit">{t.send}</button>
          </form>
          <form class="form" method="post" action="/account/verify-phone" aria-label={t.confirm}>
            <CsrfField token={env.csrfToken!} />
            <TextField id="code" name="code" label={t.code} hint={t.codeHint} autocomplete="one-time-code" inputMode="numeric" maxLength={6} required problems={p} />
            <button type="submit">{t.confirm}</button>
          </form>
        </>
      )}
    </IdentityShell>
  );
}
