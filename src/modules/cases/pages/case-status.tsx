/** 办件查询: the public lookup form (case number + 查询码) and, when found, the status and the clock only. */
import { Layout, type ViewEnv } from '../../../web/layout.js';
import { Breadcrumbs } from '../../../web/components.js';

export interface CaseStatusResult {
  number: string;
  statusLabel: { zh: string; en: string };
  item: { name: string };
  submittedAt: string | Date | null;
  clock: { due: string | null; remainingDays: number | null; overdue: boolean; paused: boolean } | null;
}

export interface CaseStatusView {
  number: string;
  result: CaseStatusResult | null;
  /** True when a lookup was made and nothing matched (same answer for a wrong code and an unknown number). */
  notFound: boolean;
}


export function CaseStatusPage({ env, view }: { env: ViewEnv; view: CaseStatusView }) {
  const t = env.m.caseStatus;
  const r = view.result;
  return (
    <Layout env={env} title={t.title} section="none">
      <Breadcrumbs m={env.m} trail={[{ label: t.title }]} />
      <div class="form-page">
        <h1>{t.title}</h1>
        {view.notFound ? (
          <div class="problems" role="alert">
            <p>{t.notFound}</p>
          </div>
        ) : null}
        <form method="post" action="/case-status">
          <p>{t.hint}</p>
          <p>
            <label for="case-number">{t.number}</label>
            <input id="case-number" name="number" type="text" value={view.number} required maxLength={64} autocomplete="off" spellcheck={false} />
          </p>
          <p>
            <label for="case-code">{t.code}</label>
            <input id="case-code" name="queryCode" type="text" required maxLength={64} autocomplete="off" spellcheck={false} />
          </p>
          <p>
            <button type="submit">{t.submit}</button>
          </p>
        </form>
        {r ? (
          <section aria-labelledby="case-status-result">
            <h2 id="case-status-result">{r.number}</h2>
            <dl>
              <dt>{t.item}</dt>
              <dd>{r.item.name}</dd>
              <dt>{t.status}</dt>
              <dd>{env.lang === 'en' ? r.statusLabel.en : r.statusLabel.zh}</dd>
              {r.submittedAt ? (
                <>
                  <dt>{t.submitted}</dt>
                  <dd>{new Date(r.submittedAt).toISOString().slice(0, 10)}</dd>
                </>
              ) : null}
              {r.clock ? (
                <>
                  <dt>{t.due}</dt>
                  <dd>
                    {r.clock.due ?? '—'}
                    {r.clock.overdue ? ` — ${t.overdue}` : r.clock.remainingDays !== null ? ` — ${t.remaining(r.clock.remainingDays)}` : ''}
                    {r.clock.paused ? `（${t.paused}）` : ''}
                  </dd>
                </>
              ) : null}
            </dl>
          </section>
        ) : null}
      </div>
    </Layout>
  );
}
