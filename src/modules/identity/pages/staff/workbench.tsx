/** /staff: the workbench landing (工作台): who is signed in, their agency and roles, and the work they can do here. */
import { Layout } from '../../../../web/layout.js';
import type { Role } from '../../staff.repository.js';
import { AGENCY_ADMIN, PLATFORM_ADMIN, WINDOW_CLERK } from '../../staff-permissions.js';
import { roleLabel, type StaffPageInput } from './page.js';

export function WorkbenchPage({ input, loginName, roles }: { input: StaffPageInput; loginName: string; roles: Role[] }) {
  const { env, m, actor } = input;
  const t = m.staffAdmin;
  const tasks: { href: string; label: string }[] = [];
  if (actor.roles.includes(PLATFORM_ADMIN) || actor.roles.includes(AGENCY_ADMIN)) tasks.push({ href: '/admin/staff', label: t.adminTitle });
  if (actor.roles.includes(WINDOW_CLERK)) tasks.push({ href: '/staff/level3', label: t.level3Title });
  return (
    <Layout env={env} title={t.workbenchTitle} section="none">
      <div class="form-page">
        <h1>{t.workbenchTitle}</h1>
        <h2>{t.whoAmI}</h2>
        <dl class="staff-facts">
          <dt>{t.name}</dt>
          <dd>{actor.name}</dd>
          <dt>{t.loginName}</dt>
          <dd>
            <code>{loginName}</code>
          </dd>
          <dt>{t.agency}</dt>
          <dd>{actor.agencyName}</dd>
          <dt>{t.roles}</dt>
          <dd>{actor.roles.map((code) => roleLabel(roles, code, env.lang)).join(m.listSeparator)}</dd>
        </dl>
        <h2>{t.tasks}</h2>
        {tasks.length > 0 ? (
          <ul class="account-links-list">
            {tasks.map((task) => (
              <li>
                <a href={task.href}>{task.label}</a>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t.noTasks}</p>
        )}
      </div>
    </Layout>
  );
}
