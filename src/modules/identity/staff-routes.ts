/**
 * The staff JSON API: /api/v1/staff/… (any staff member: who am I, in-person verification) and
 * /api/v1/admin/… (platform and agency admins: the staff of their agencies). Thin handlers over the actions.
 */
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpServer } from '../../platform/http/server.js';
import { AppError } from '../../platform/errors.js';
import { getAgency } from '../catalog/index.js';
import type { IdentityDeps, RequestMeta } from './deps.js';
import { requireStaff } from './principal.js';
import { findStaff, listRoles, listStaff, type StaffRow } from './staff.repository.js';
import { AGENCY_ADMIN, PLATFORM_ADMIN, WINDOW_CLERK, type StaffActor } from './staff-permissions.js';
import { LOGIN_NAME, STAFF_NOT_FOUND } from './staff-support.js';
import { createStaff } from './actions/create-staff.js';
import { setStaffRoles } from './actions/set-staff-roles.js';
import { disableStaff, enableStaff } from './actions/disable-staff.js';
import { resetStaffCredentials } from './actions/reset-staff-credentials.js';
import { verifyInPerson } from './actions/verify-in-person.js';

const tags = ['staff'];

export const staffMetaOf = (request: FastifyRequest): RequestMeta => ({
  ip: request.ip,
  userAgent: request.headers['user-agent']?.slice(0, 300) ?? null,
  requestId: request.id,
});

/**
 * The signed-in staff member holding one of `roles`, as an actor: 401 without a session, 403 for a
 * citizen or missing role. Administration needs a session of its own: an access token that an
 * agency system obtained through single sign-on does not administer anything (403).
 */
export async function staffActorOf(deps: IdentityDeps, request: FastifyRequest, ...roles: string[]): Promise<StaffActor & { name: string; agencyName: string }> {
  const p = await requireStaff(deps, request, ...roles);
  if (p.sessionId === null) throw new AppError('forbidden', { message: '请登录工作台后操作。Sign in to the workbench to do this.' });
  return { staffId: p.account.staffId, agencyId: p.staff.agencyId, roles: p.staff.roles, name: p.name, agencyName: p.staff.agencyName };
}

export const adminActorOf = (deps: IdentityDeps, request: FastifyRequest) => staffActorOf(deps, request, PLATFORM_ADMIN, AGENCY_ADMIN);

/** Staff rows with their agencies' names (from the catalogue, one lookup per agency). */
export async function withAgencies(deps: IdentityDeps, rows: StaffRow[]): Promise<(StaffRow & { agencyName: string })[]> {
  const names = new Map<number, string>();
  for (const id of new Set(rows.map((r) => r.agencyId))) names.set(id, (await getAgency(deps.db, id))?.name ?? String(id));
  return rows.map((r) => ({ ...r, agencyName: names.get(r.agencyId)! }));
}

const LoginName = z.string().trim().regex(LOGIN_NAME, '登录名须以小写字母开头，3–32 位小写字母、数字或 . _ - (3–32 lowercase letters, digits, . _ -)');
const RoleCodes = z.array(z.string().max(40)).min(1).max(20);
const StaffIdParams = z.object({ id: z.uuid() });
const ZStaff = z.object({
  id: z.string(),
  loginName: z.string(),
  name: z.string(),
  agency: z.object({ id: z.number().int(), name: z.string() }),
  roles: z.array(z.string()),
  disabled: z.boolean(),
  createdAt: z.string(),
});
const NoContent = z.null().describe('Done: no body');
const ZCredentials = z.object({ password: z.string().nullable(), totpSecret: z.string().nullable(), totpUri: z.string().nullable() });

const presentStaff = (s: StaffRow & { agencyName: string }): z.infer<typeof ZStaff> => ({
  id: s.id,
  loginName: s.loginName,
  name: s.name,
  agency: { id: s.agencyId, name: s.agencyName },
  roles: s.roles,
  disabled: s.disabledAt !== null,
  createdAt: s.createdAt.toISOString(),
});

export async function registerStaffRoutes(http: HttpServer, deps: IdentityDeps): Promise<void> {
  const app = http.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/staff/me',
    {
      schema: {
        tags,
        summary: 'The signed-in staff member (工作人员): agency and roles',
        response: { 200: z.object({ id: z.string(), loginName: z.string(), name: z.string(), agency: z.object({ id: z.number().int(), name: z.string() }), roles: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const actor = await staffActorOf(deps, request);
      const me = await findStaff(deps.db, actor.staffId);
      if (!me) throw new AppError('not_found', { message: STAFF_NOT_FOUND });
      return { id: me.id, loginName: me.loginName, name: me.name, agency: { id: actor.agencyId, name: actor.agencyName }, roles: me.roles };
    },
  );

  app.post(
    '/api/v1/staff/persons/level3',
    {
      schema: {
        tags,
        summary: 'Verify a person in person (现场核验): a window clerk who has checked the ID card raises the account to level 3',
        body: z.object({ name: z.string().trim().min(1).max(50), idNumber: z.string().trim().max(18) }),
        response: {
          200: z.object({ personId: z.string(), name: z.string(), fromLevel: z.number().int(), level: z.number().int(), changed: z.boolean() }),
        },
      },
    },
    async (request) => {
      const actor = await staffActorOf(deps, request, WINDOW_CLERK);
      return verifyInPerson(deps, actor, request.body, staffMetaOf(request));
    },
  );

  app.get(
    '/api/v1/admin/roles',
    {
      schema: {
        tags,
        summary: 'The staff role code list (岗位角色)',
        response: { 200: z.object({ items: z.array(z.object({ code: z.string(), nameZh: z.string(), nameEn: z.string() })) }) },
      },
    },
    async (request) => {
      await adminActorOf(deps, request);
      return { items: await listRoles(deps.db) };
    },
  );

  app.get(
    '/api/v1/admin/staff',
    {
      schema: {
        tags,
        summary: "Staff you administer (工作人员): your agency's, or every agency's for a platform admin (optionally one agency)",
        querystring: z.object({ agencyId: z.coerce.number().int().positive().optional() }),
        response: { 200: z.object({ items: z.array(ZStaff) }) },
      },
    },
    async (request) => {
      const actor = await adminActorOf(deps, request);
      const isPlatform = actor.roles.includes(PLATFORM_ADMIN);
      const wanted = request.query.agencyId ?? null;
      if (!isPlatform && wanted !== null && wanted !== actor.agencyId) throw new AppError('forbidden', { message: '您只能查看本部门的工作人员。Your own agency only.' });
      const rows = await listStaff(deps.db, isPlatform ? wanted : actor.agencyId);
      return { items: (await withAgencies(deps, rows)).map(presentStaff) };
    },
  );

  app.post(
    '/api/v1/admin/staff',
    {
      schema: {
        tags,
        summary: 'Create a staff member (新增工作人员); the answer holds the initial password and TOTP secret, shown this once',
        body: z.object({
          loginName: LoginName,
          name: z.string().trim().min(1).max(50),
          agencyId: z.number().int().positive().optional(),
          roles: RoleCodes,
        }),
        response: {
          201: z.object({ id: z.string(), loginName: z.string(), password: z.string(), totpSecret: z.string(), totpUri: z.string() }),
        },
      },
    },
    async (request, reply) => {
      const actor = await adminActorOf(deps, request);
      const body = request.body;
      const created = await createStaff(deps, actor, { ...body, agencyId: body.agencyId ?? actor.agencyId }, staffMetaOf(request));
      reply.header('cache-control', 'no-store');
      return reply.code(201).send({ id: created.staffId, loginName: created.loginName, password: created.password, totpSecret: created.totpSecret, totpUri: created.totpUri });
    },
  );

  app.get(
    '/api/v1/admin/staff/:id',
    { schema: { tags, summary: 'One staff member you administer', params: StaffIdParams, response: { 200: ZStaff } } },
    async (request) => {
      const actor = await adminActorOf(deps, request);
      const row = await findStaff(deps.db, request.params.id);
      if (!row || (!actor.roles.includes(PLATFORM_ADMIN) && row.agencyId !== actor.agencyId)) throw new AppError('not_found', { message: STAFF_NOT_FOUND });
      return presentStaff((await withAgencies(deps, [row]))[0]!);
    },
  );

  app.put(
    '/api/v1/admin/staff/:id/roles',
    {
      schema: {
        tags,
        summary: "Replace a staff member's roles (设置岗位角色); never your own",
        params: StaffIdParams,
        body: z.object({ roles: RoleCodes }),
        response: { 200: z.object({ roles: z.array(z.string()) }) },
      },
    },
    async (request) => {
      const actor = await adminActorOf(deps, request);
      return { roles: await setStaffRoles(deps, actor, { staffId: request.params.id, roles: request.body.roles }, staffMetaOf(request)) };
    },
  );

  app.post(
    '/api/v1/admin/staff/:id/disable',
    { schema: { tags, summary: 'Disable a staff member (停用): no more sign-ins, live sessions end', params: StaffIdParams, response: { 204: NoContent } } },
    async (request, reply) => {
      const actor = await adminActorOf(deps, request);
      await disableStaff(deps, actor, request.params.id, staffMetaOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/staff/:id/enable',
    { schema: { tags, summary: 'Enable a disabled staff member again (启用)', params: StaffIdParams, response: { 204: NoContent } } },
    async (request, reply) => {
      const actor = await adminActorOf(deps, request);
      await enableStaff(deps, actor, request.params.id, staffMetaOf(request));
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/api/v1/admin/staff/:id/credentials',
    {
      schema: {
        tags,
        summary: 'Reset credentials (重置凭据): a new TOTP secret and/or a temporary password, shown this once; live sessions end',
        params: StaffIdParams,
        body: z.object({ totp: z.boolean().default(false), password: z.boolean().default(false) }),
        response: { 200: ZCredentials },
      },
    },
    async (request, reply) => {
      const actor = await adminActorOf(deps, request);
      const result = await resetStaffCredentials(deps, actor, { staffId: request.params.id, ...request.body }, staffMetaOf(request));
      reply.header('cache-control', 'no-store');
      return result;
    },
  );
}
