/** 登录设备管理: my live sessions, the current one marked, each with a revoke button. */
import type { ViewEnv } from '../../../web/layout.js';
import { RowButton, StackTable } from './components.js';
import { Notice } from './forms.js';
import { accountTrail, IdentityShell } from './shell.js';

export interface SessionView {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  ip: string | null;
  current: boolean;
}

/** A short, readable browser name from a User-Agent header. */
export function browserOf(userAgent: string | null): string | null {
  if (!userAgent) return null;
  const browser = /(Edg|OPR|Firefox|Chrome|Chromium|Safari|MicroMessenger|HeadlessChrome)\/[\d.]+/.exec(userAgent)?.[0]?.split('.')[0] ?? null;
  const system = /(Windows NT [\d.]+|Android [\d.]+|iPhone OS [\d_]+|Mac OS X [\d_]+|Linux|HarmonyOS)/.exec(userAgent)?.[0]?.replace(/_/g, '.') ?? null;
  const parts = [browser, system].filter(Boolean);
  return parts.length ? parts.join(' · ') : userAgent.slice(0, 60);
}

export function SessionsPage({ env, sessions, notice }: { env: ViewEnv; sessions: SessionView[]; notice?: string | null }) {
  const t = env.m.identity.sessions;
  const time = env.m.identity.time;
  return (
    <IdentityShell env={env} title={t.title} trail={accountTrail(env, t.title)} wide>
      {notice ? <Notice>{notice}</Notice> : null}
      <p>{t.intro}</p>
      <StackTable name="sessions" caption={t.caption} columns={[t.device, t.address, t.signedInAt, t.lastSeen]} actions={t.revoke}>
        {sessions.map((s) => (
          <tr class={s.current ? 'current-session' : undefined}>
            <th scope="row">
              {browserOf(s.userAgent) ?? t.unknownDevice} {s.current ? <span class="current-marker">{t.current}</span> : null}
            </th>
            <td data-label={t.address}>{s.ip ?? ''}</td>
            <td data-label={t.signedInAt}>{time(s.createdAt)}</td>
            <td data-label={t.lastSeen}>{time(s.lastSeenAt)}</td>
            <td class="cell-actions">
              <RowButton
                action="/account/sessions/revoke"
                csrfToken={env.csrfToken!}
                fields={{ id: s.id }}
                label={t.revoke}
                context={env.m.inParens(time(s.createdAt))}
              />
            </td>
          </tr>
        ))}
      </StackTable>
    </IdentityShell>
  );
}
