/**
 * The staff pages: /staff (workbench), /admin/staff (staff administration), /staff/level3 (in-person
 * verification). Plain HTML forms with the CSRF token; thin handlers over the same actions as the API.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Config } from '../../../../platform/config.js';
import type { HttpServer } from '../../../../platform/http/server.js';
import { AppError } from '../../../../platform/errors.js';
import type { IdentityDeps } from '../../deps.js';
import { findStaff, listStaff } from '../../staff.repository.js';
import { AGENCY_ADMIN, PLATFORM_ADMIN, WINDOW_CLERK } from '../../staff-permissions.js';
import { STAFF_NOT_FOUND } from '../../staff-support.js';
import { staffMetaOf, withAgencies } from '../../staff-routes.js';
import { createStaff } from '../../actions/create-staff.js';
import { setStaffRoles } from '../../actions/set-staff-roles.js';
import { disableStaff, enableStaff } from '../../actions/disable-staff.js';
import { resetStaffCredentials } from '../../actions/reset-staff-credentials.js';
import { verifyInPerson } from '../../actions/verify-in-person.js';
import type { FormProblem } from '../forms.js';
import { AdminStaffPage, CredentialsPage, type NewStaffValues } from './admin.js';
import { Level3Page } from './level3.js';
import { WorkbenchPage } from './workbench.js';
import { listOf, loadRoles, problemsOf, sendStaffPage, staffPageInput, stringOf, type StaffPageInput } from './page.js';

const hidden = { schema: { hide: true } };
const ADMIN_ROLES = [PLATFORM_ADMIN, AGENCY_ADMIN];
const StaffId = z.uuid();
const NEW_STAFF_FIELDS = { 'body.loginName': 'loginName', 'body.name': 'name', 'body.agencyId': 'agencyId', 'body.roles': 'new-roles' };
const DONE = ['roles', 'disabled', 'enabled'] as const;

type Body = Record<string, unknown> | undefined;

function staffIdOf(request: FastifyRequest): string {
  const id = (request.params as { id?: string }).id;
  if (!StaffId.safeParse(id).success) throw new AppError('not_found', { message: STAFF_NOT_FOUND });
  return id!;
}

export async function registerStaffPages(http: HttpServer, deps: IdentityDeps, config: Config): Promise<void> {
  const pageInput = (request: FastifyRequest, reply: FastifyReply, roles: string[] = []) => staffPageInput(deps, config, request, reply, roles);

  /** The admin page, with the create form's values and problems after a failed submission. */
  async function renderAdmin(input: StaffPageInput, reply: FastifyReply, options: { agencyFilter: number | null; notice?: string; problems?: FormProblem[]; values?: NewStaffValues; status?: number }) {
    const isPlatform = input.actor.roles.includes(PLATFORM_ADMIN);
    const rows = await listStaff(deps.db, isPlatform ? options.agencyFilter : input.actor.agencyId);
    const page = (
      <AdminStaffPage
        input={input}
        staff={await withAgencies(deps, rows)}
        roles={await loadRoles(deps)}
        agencyFilter={isPlatform ? options.agencyFilter : null}
        notice={options.notice}
        problems={options.problems ?? []}
        {...(options.values ? { values: options.values } : {})}
      />
    );
    return sendStaffPage(reply, page, options.status);
  }

  http.get('/staff', hidden, async (request, reply) => {
    const input = await pageInput(request, reply);
    if (!input) return reply;
    const me = await findStaff(deps.db, input.actor.staffId);
    return sendStaffPage(reply, <WorkbenchPage input={input} loginName={me?.loginName ?? ''} roles={await loadRoles(deps)} />);
  });

  http.get('/admin/staff', hidden, async (request, reply) => {
    const input = await pageInput(request, reply, ADMIN_ROLES);
    if (!input) return reply;
    const query = request.query as Record<string, unknown>;
    const agency = stringOf(query.agency).trim();
    const done = stringOf(query.done) as (typeof DONE)[number];
    const t = input.m.staffAdmin;
    const notice = DONE.includes(done) ? { roles: t.doneRoles, disabled: t.doneDisabled, enabled: t.doneEnabled }[done] : undefined;
    return renderAdmin(input, reply, { agencyFilter: /^[1-9][0-9]{0,15}$/.test(agency) ? Number(agency) : null, ...(notice ? { notice } : {}) });
  });

  http.post('/admin/staff', hidden, async (request, reply) => {
    const input = await pageInput(request, reply, ADMIN_ROLES);
    if (!input) return reply;
    const body = request.body as Body;
    const values: NewStaffValues = {
      loginName: stringOf(body?.loginName).trim(),
      name: stringOf(body?.name).trim(),
      agencyId: stringOf(body?.agencyId).trim() || String(input.actor.agencyId),
      roles: listOf(body?.roles),
    };
    try {
      const problems: FormProblem[] = [];
      if (!values.name) problems.push({ field: 'name', message: input.m.staffAdmin.required(input.m.staffAdmin.name) });
      if (!/^[1-9][0-9]{0,15}$/.test(values.agencyId)) problems.push({ field: 'agencyId', message: input.m.staffAdmin.agencyIdHint });
      if (values.roles.length === 0) problems.push({ field: 'new-roles', message: input.m.staffAdmin.chooseRoles });
      if (problems.length > 0) return await renderAdmin(input, reply, { agencyFilter: null, problems, values, status: 400 });
      const created = await createStaff(
        deps,
        input.actor,
        { loginName: values.loginName, name: values.name, agencyId: Number(values.agencyId), roles: values.roles },
        staffMetaOf(request),
      );
      return sendStaffPage(
        reply,
        <CredentialsPage input={input} person={{ name: values.name, loginName: created.loginName }} credentials={{ password: created.password, totpSecret: created.totpSecret, totpUri: created.totpUri }} />,
        201,
      );
    } catch (e) {
      const { status, problems } = problemsOf(e, NEW_STAFF_FIELDS);
      return renderAdmin(input, reply, { agencyFilter: null, problems, values, status });
    }
  });

  http.post('/admin/staff/:id/roles', hidden, async (request, reply) => {
    const input = await pageInput(request, reply, ADMIN_ROLES);
    if (!input) return reply;
    const id = staffIdOf(request);
    await setStaffRoles(deps, input.actor, { staffId: id, roles: listOf((request.body as Body)?.roles) }, staffMetaOf(request));
    return reply.redirect(`/admin/staff?done=roles#staff-${id}`, 303);
  });

  http.post('/admin/staff/:id/disable', hidden, async (request, reply) => {
    const input = await pageInput(request, reply, ADMIN_ROLES);
    if (!input) return reply;
    const id = staffIdOf(request);
    await disableStaff(deps, input.actor, id, staffMetaOf(request));
    return reply.redirect(`/admin/staff?done=disabled#staff-${id}`, 303);
  });

  http.post('/admin/staff/:id/enable', hidden, async (request, reply) => {
    const input = await pageInput(request, reply, ADMIN_ROLES);
    if (!input) return reply;
    const id = staffIdOf(request);
    await enableStaff(deps, input.actor, id, staffMetaOf(request));
    return reply.redirect(`/admin/staff?done=enabled#staff-${id}`, 303);
  });

  http.post('/admin/staff/:id/credentials', hidden, async (request, reply) => {
    const input = await pageInput(request, reply, ADMIN_ROLES);
    if (!input) return reply;
    const id = staffIdOf(request);
    const what = stringOf((request.body as Body)?.what);
    const credentials = await resetStaffCredentials(
      deps,
      input.actor,
      { staffId: id, totp: what === 'totp' || what === 'both', password: what === 'password' || what === 'both' },
      staffMetaOf(request),
    );
    const person = await findStaff(deps.db, id);
    return sendStaffPage(reply, <CredentialsPage input={input} person={{ name: person?.name ?? '', loginName: person?.loginName ?? '' }} credentials={credentials} />);
  });

  http.get('/staff/level3', hidden, async (request, reply) => {
    const input = await pageInput(request, reply, [WINDOW_CLERK]);
    if (!input) return reply;
    return sendStaffPage(reply, <Level3Page input={input} />);
  });

  http.post('/staff/level3', hidden, async (request, reply) => {
    const input = await pageInput(request, reply, [WINDOW_CLERK]);
    if (!input) return reply;
    const body = request.body as Body;
    const name = stringOf(body?.name).trim().slice(0, 50);
    const idNumber = stringOf(body?.idNumber).trim().slice(0, 18);
    try {
      if (!name) {
        const message = input.m.staffAdmin.required(input.m.staffAdmin.name);
        throw new AppError('validation_failed', { message, errors: [{ field: 'body.name', code: 'required', message }] });
      }
      const result = await verifyInPerson(deps, input.actor, { name, idNumber }, staffMetaOf(request));
      const t = input.m.staffAdmin;
      return sendStaffPage(reply, <Level3Page input={input} done={result.changed ? t.level3Done(result.name) : t.level3Already(result.name)} />);
    } catch (e) {
      const { status, problems } = problemsOf(e, { 'body.name': 'name', 'body.idNumber': 'idNumber' });
      return sendStaffPage(reply, <Level3Page input={input} problems={problems} name={name} />, status);
    }
  });
}
