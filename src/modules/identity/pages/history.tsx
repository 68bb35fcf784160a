/** 登录记录: my sign-in history from identity.sign_in_event, newest first, paginated. */
import type { ViewEnv } from '../../../web/layout.js';
import { Pagination } from '../../../web/components.js';
import { StackTable } from './components.js';
import { accountTrail, IdentityShell } from './shell.js';

export interface HistoryView {
  page: number;
  pageSize: number;
  total: number;
  items: { at: Date; ip: string; outcome: string }[];
}

export function HistoryPage({ env, history }: { env: ViewEnv; history: HistoryView }) {
  const t = env.m.identity.history;
  return (
    <IdentityShell env={env} title={t.title} trail={accountTrail(env, t.title)} wide>
      <p>{t.intro}</p>
      {history.items.length === 0 ? (
        <p>{t.none}</p>
      ) : (
        <StackTable name="history" caption={t.caption} columns={[t.at, t.outcome, t.address]}>
          {history.items.map((e) => (
            <tr>
              <td data-label={t.at}>{env.m.identity.time(e.at)}</td>
              <td data-label={t.outcome}>{t.outcomes[e.outcome] ?? e.outcome}</td>
              <td data-label={t.address}>{e.ip}</td>
            </tr>
          ))}
        </StackTable>
      )}
      <Pagination m={env.m} url={env.url} page={history.page} pageSize={history.pageSize} total={history.total} />
    </IdentityShell>
  );
}
