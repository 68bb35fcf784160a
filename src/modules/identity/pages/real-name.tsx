/** 实名认证 (→ level 2): name and ID number from the account plus a bank or social security card, checked against the population register. */
import type { ViewEnv } from '../../../web/layout.js';
import { CsrfField, FormErrors, TextField, type FormProblem } from './forms.js';
import { accountTrail, IdentityShell } from './shell.js';

export type CardFactor = 'bankCard' | 'socialSecurityCard';

export function RealNamePage({ env, level, factor, problems }: { env: ViewEnv; level: number; factor?: CardFactor; problems?: FormProblem[] }) {
  const t = env.m.identity.realName;
  const p = problems ?? [];
  const chosen = factor ?? 'bankCard';
  let body;
  if (level >= 2) {
    body = (
      <p>
        {t.already} <a href="/account">{env.m.identity.account.title}</a>
      </p>
    );
  } else if (level < 1) {
    body = (
      <p>
        {t.needPhone} <a href="/account/verify-phone">{env.m.identity.account.verifyPhone}</a>
      </p>
    );
  } else {
    body = (
      <>
        <p>{t.intro}</p>
        <FormErrors m={env.m} problems={p} />
        <form class="form" method="post" action="/account/real-name" aria-label={t.title}>
          <CsrfField token={env.csrfToken!} />
          <div class="field">
            <fieldset>
              <legend>{t.factor}</legend>
              <label class="choice">
                <input type="radio" name="factor" value="bankCard" checked={chosen === 'bankCard'} /> {t.bankCard}
              </label>
              <label class="choice">
                <input type="radio" name="factor" value="socialSecurityCard" checked={chosen === 'socialSecurityCard'} /> {t.socialSecurityCard}
              </label>
            </fieldset>
          </div>
          <TextField id="number" name="number" label={t.number} hint={t.numberHint} autocomplete="off" inputMode="numeric" maxLength={32} required problems={p} />
          <button type="submit">{t.submit}</button>
        </form>
      </>
    );
  }
  return (
    <IdentityShell env={env} title={t.title} trail={accountTrail(env, t.title)}>
      {body}
    </IdentityShell>
  );
}
