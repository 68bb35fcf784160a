/** /staff/level3: a window clerk's form to raise a person to level 3 after checking their ID card (现场核验). */
import { Layout } from '../../../../web/layout.js';
import { CsrfField, FormErrors, Notice, TextField, type FormProblem } from '../forms.js';
import type { StaffPageInput } from './page.js';

export function Level3Page({ input, problems = [], done, name }: { input: StaffPageInput; problems?: FormProblem[]; done?: string; name?: string }) {
  const { env, m, csrf } = input;
  const t = m.staffAdmin;
  return (
    <Layout env={env} title={t.level3Title} section="none">
      <div class="form-page">
        <p>
          <a href="/staff">{t.workbenchTitle}</a>
        </p>
        <h1>{t.level3Title}</h1>
        {done ? <Notice>{done}</Notice> : null}
        <FormErrors m={m} problems={problems} />
        <p>{t.level3Intro}</p>
        <form class="form" method="post" action="/staff/level3">
          <CsrfField token={csrf} />
          <TextField id="name" name="name" label={t.name} value={name ?? ''} problems={problems} maxLength={50} required autocomplete="off" />
          {/* The ID number is never shown back: after a submission the field is empty again. */}
          <TextField id="idNumber" name="idNumber" label={t.idNumber} problems={problems} maxLength={18} required autocomplete="off" spellcheck={false} />
          <button type="submit">{t.verify}</button>
        </form>
      </div>
    </Layout>
  );
}
