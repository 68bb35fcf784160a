/**
 * Staff administration and in-person verification through HTTP: who may create, change, disable and
 * reset whom; the level-3 check at the window; audit records; the HTML forms with their CSRF token.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { citizenIdCheckChar, makeUscc } from '../../platform/checksums.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { loadCatalogue } from '../catalog/index.js';
import { createStaff, identityDeps, type CreatedStaff } from './index.js';

let t: TestApp;
let agencyA: number;
let agencyB: number;
beforeAll(async () => {
  t = await createTestApp({ seed: 'empty' });
  // Two agencies of the catalogue, one per jurisdiction; no items.
  const agency = (key: string, name: string, uscc: string, jurisdiction: string, phone: string) => ({
    key, name, uscc, jurisdiction, parentUscc: null, address: `${name}办公地址`, hours: '工作日 9:00-17:00', consultationPhone: phone, complaintPhone: '12345', nature: '1',
  });
  await loadCatalogue(
    t.db,
    {
      divisions: [
        { code: '330000', name: '浙江省', level: 'province', parent: null },
        { code: '330100', name: '杭州市', level: 'city', parent: '330000' },
        { code: '330106', name: '西湖区', level: 'county', parent: '330100' },
      ],
      agencies: [
        agency('a', '浙江省大数据发展管理局', makeUscc('11', '330000', 'MB000101'), '330000', '0571-88000001'),
        agency('b', '杭州市西湖区民政局', makeUscc('11', '330106', 'MB000102'), '330106', '0571-87000002'),
      ],
      basicItems: [],
      implementationItems: [],
    },
    { actor: 'test' },
  );
  const agencies = await t.db.query<{ id: number }>('SELECT id::int AS id FROM catalog.agency ORDER BY uscc');
  [agencyA, agencyB] = agencies.map((a) => a.id) as [number, number];
});
afterAll(() => t?.close());

const META = { ip: '127.0.0.1', userAgent: null, requestId: 'staff-int-test' };
const PASSWORD = '西湖边的三棵柳树2026';
const idNumber = (serial: string) => {
  const first17 = `33010619850512${serial}`;
  return first17 + citizenIdCheckChar(first17);
};

interface Session {
  cookie: string;
}

/** The code for the current 30 s step, or the next one (a code is accepted once: a second sign-in in the same step needs the next). */
const totpCode = (secret: string, step = 0) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + step * 30 });

async function signInStaff(loginName: string, password: string, totpSecret: string, step = 0): Promise<Session> {
  const res = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: loginName, password, totp: await totpCode(totpSecret, step) } });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: `sid=${res.cookies.find((c) => c.name === 'sid')!.value}` };
}

async function signInCitizen(id: string): Promise<Session> {
  const res = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: id, password: PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: `sid=${res.cookies.find((c) => c.name === 'sid')!.value}` };
}

const api = (method: 'GET' | 'POST' | 'PUT', url: string, session?: Session, payload?: object) =>
  t.inject({ method, url, ...(payload ? { payload } : {}), headers: session ? { cookie: session.cookie } : {} });

let platform: CreatedStaff;
let platformSession: Session;
let agencyAdmin: { id: string; password: string; totpSecret: string };
let agencyAdminSession: Session;

describe('staff administration', () => {
  it('documents every staff and admin route in the OpenAPI document, with a summary and response schemas', async () => {
    const doc = (await t.inject({ url: '/api/openapi.json' })).json();
    const routes: [path: string, method: string][] = [
      ['/api/v1/staff/me', 'get'],
      ['/api/v1/staff/persons/level3', 'post'],
      ['/api/v1/admin/roles', 'get'],
      ['/api/v1/admin/staff', 'get'],
      ['/api/v1/admin/staff', 'post'],
      ['/api/v1/admin/staff/{id}', 'get'],
      ['/api/v1/admin/staff/{id}/roles', 'put'],
      ['/api/v1/admin/staff/{id}/disable', 'post'],
      ['/api/v1/admin/staff/{id}/enable', 'post'],
      ['/api/v1/admin/staff/{id}/credentials', 'post'],
    ];
    for (const [path, method] of routes) {
      const op = doc.paths[path]?.[method];
      expect(op?.tags, `${method} ${path}`).toEqual(['staff']);
      expect(op.summary).toBeTruthy();
      expect(Object.keys(op.responses ?? {}).length, `${method} ${path} responses`).toBeGreaterThan(0);
    }
  });

  it('the command-line bootstrap creates a platform admin with a password and an encrypted TOTP secret', async () => {
    platform = await createStaff(identityDeps(t.app.context), 'cli', { loginName: 'test.platform', name: '平台管理员', agencyId: agencyA, roles: ['platform_admin'] }, META);
    expect(platform.password).toHaveLength(16);
    expect(platform.totpUri).toMatch(/^otpauth:\/\/totp\//);
    const [row] = await t.db.query<{ totpSecretEnc: string; passwordHash: string }>(
      'SELECT totp_secret_enc AS "totpSecretEnc", password_hash AS "passwordHash" FROM identity.staff WHERE id = $1',
      [platform.staffId],
    );
    expect(row!.totpSecretEnc).not.toContain(platform.totpSecret);
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    platformSession = await signInStaff('test.platform', platform.password, platform.totpSecret);
  });

  it('a platform admin creates an agency admin in any agency', async () => {
    const res = await api('POST', '/api/v1/admin/staff', platformSession, { loginName: 'b.admin', name: '部门管理员乙', agencyId: agencyB, roles: ['agency_admin'] });
    expect(res.statusCode, res.body).toBe(201);
    const body = res.json();
    expect(body).toMatchObject({ loginName: 'b.admin' });
    expect(res.headers['cache-control']).toBe('no-store');
    agencyAdmin = { id: body.id, password: body.password, totpSecret: body.totpSecret };
    agencyAdminSession = await signInStaff('b.admin', agencyAdmin.password, agencyAdmin.totpSecret);

    const me = await api('GET', '/api/v1/staff/me', agencyAdminSession);
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ loginName: 'b.admin', agency: { id: agencyB }, roles: ['agency_admin'] });
  });

  it('an agency admin creates a handler in their own agency, which signs in with TOTP', async () => {
    const res = await api('POST', '/api/v1/admin/staff', agencyAdminSession, { loginName: 'b.handler', name: '承办人', roles: ['handler'] });
    expect(res.statusCode, res.body).toBe(201);
    const handler = res.json();
    const session = await signInStaff('b.handler', handler.password, handler.totpSecret);
    const me = await api('GET', '/api/v1/staff/me', session);
    expect(me.json()).toMatchObject({ agency: { id: agencyB }, roles: ['handler'] });

    const list = await api('GET', '/api/v1/admin/staff', agencyAdminSession);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as { loginName: string; agency: { id: number } }[];
    expect(items.map((s) => s.loginName).sort()).toEqual(expect.arrayContaining(['b.admin', 'b.handler']));
    expect(items.every((s) => s.agency.id === agencyB)).toBe(true);
  });

  it('an agency admin cannot create staff in another agency, grant platform_admin, or change their own roles', async () => {
    const elsewhere = await api('POST', '/api/v1/admin/staff', agencyAdminSession, { loginName: 'a.intruder', name: '越权', agencyId: agencyA, roles: ['handler'] });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().code).toBe('forbidden');

    const escalate = await api('POST', '/api/v1/admin/staff', agencyAdminSession, { loginName: 'b.super', name: '越权', roles: ['platform_admin'] });
    expect(escalate.statusCode).toBe(403);

    const own = await api('PUT', `/api/v1/admin/staff/${agencyAdmin.id}/roles`, agencyAdminSession, { roles: ['agency_admin', 'approver'] });
    expect(own.statusCode).toBe(403);

    // Another agency's staff are not even visible to them.
    const other = await api('GET', `/api/v1/admin/staff/${platform.staffId}`, agencyAdminSession);
    expect(other.statusCode).toBe(404);
    const list = await api('GET', `/api/v1/admin/staff?agencyId=${agencyA}`, agencyAdminSession);
    expect(list.statusCode).toBe(403);

    const created = await t.db.query("SELECT 1 FROM identity.staff WHERE login_name IN ('a.intruder', 'b.super')");
    expect(created).toHaveLength(0);
  });

  it('roles come from the role table; a taken login name or a malformed one is refused', async () => {
    const unknown = await api('POST', '/api/v1/admin/staff', platformSession, { loginName: 'x.unknown', name: '未知角色', agencyId: agencyA, roles: ['janitor'] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.roles', code: 'unknown_role' });

    const taken = await api('POST', '/api/v1/admin/staff', platformSession, { loginName: 'b.admin', name: '重名', agencyId: agencyA, roles: ['handler'] });
    expect(taken.statusCode).toBe(409);

    const malformed = await api('POST', '/api/v1/admin/staff', platformSession, { loginName: 'Bad Name', name: '坏名字', agencyId: agencyA, roles: ['handler'] });
    expect(malformed.statusCode).toBe(400);

    const noAgency = await api('POST', '/api/v1/admin/staff', platformSession, { loginName: 'x.noagency', name: '无部门', agencyId: 987654321, roles: ['handler'] });
    expect(noAgency.statusCode).toBe(400);
    expect(noAgency.json().errors[0]).toMatchObject({ field: 'body.agencyId' });
  });

  it('an agency admin changes the roles of their staff; the change applies at the next request', async () => {
    const created = await api('POST', '/api/v1/admin/staff', agencyAdminSession, { loginName: 'b.reviewer', name: '审核人', roles: ['handler'] });
    const reviewer = created.json();
    const session = await signInStaff('b.reviewer', reviewer.password, reviewer.totpSecret);

    const res = await api('PUT', `/api/v1/admin/staff/${reviewer.id}/roles`, agencyAdminSession, { roles: ['reviewer', 'handler'] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().roles).toEqual(['handler', 'reviewer']);
    expect((await api('GET', '/api/v1/staff/me', session)).json().roles).toEqual(['handler', 'reviewer']);

    const grantSuper = await api('PUT', `/api/v1/admin/staff/${reviewer.id}/roles`, agencyAdminSession, { roles: ['platform_admin'] });
    expect(grantSuper.statusCode).toBe(403);
  });

  it('a disabled staff member cannot sign in and their session is gone; enabled again, they can', async () => {
    const created = await api('POST', '/api/v1/admin/staff', agencyAdminSession, { loginName: 'b.leaver', name: '离职人员', roles: ['handler'] });
    const leaver = created.json();
    const session = await signInStaff('b.leaver', leaver.password, leaver.totpSecret);
    expect((await api('GET', '/api/v1/staff/me', session)).statusCode).toBe(200);

    expect((await api('POST', `/api/v1/admin/staff/${leaver.id}/disable`, agencyAdminSession)).statusCode).toBe(204);
    expect((await api('GET', '/api/v1/staff/me', session)).statusCode).toBe(401);
    const live = await t.db.query('SELECT 1 FROM identity.session WHERE staff_id = $1 AND revoked_at IS NULL', [leaver.id]);
    expect(live).toHaveLength(0);

    const again = await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: 'b.leaver', password: leaver.password, totp: await totpCode(leaver.totpSecret, 1) },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().code).toBe('invalid_credentials');

    expect((await api('GET', `/api/v1/admin/staff/${leaver.id}`, agencyAdminSession)).json().disabled).toBe(true);
    expect((await api('POST', `/api/v1/admin/staff/${leaver.id}/enable`, agencyAdminSession)).statusCode).toBe(204);
    await signInStaff('b.leaver', leaver.password, leaver.totpSecret, 1);
  });

  it('resetting credentials gives a new TOTP secret and password, once, and ends the sessions', async () => {
    const created = await api('POST', '/api/v1/admin/staff', agencyAdminSession, { loginName: 'b.lostphone', name: '丢了手机', roles: ['handler'] });
    const lost = created.json();
    const session = await signInStaff('b.lostphone', lost.password, lost.totpSecret);

    const res = await api('POST', `/api/v1/admin/staff/${lost.id}/credentials`, agencyAdminSession, { totp: true, password: true });
    expect(res.statusCode, res.body).toBe(200);
    const fresh = res.json();
    expect(fresh.totpSecret).not.toBe(lost.totpSecret);
    expect(fresh.totpUri).toContain(fresh.totpSecret);
    expect(fresh.password).toHaveLength(16);
    expect((await api('GET', '/api/v1/staff/me', session)).statusCode).toBe(401);

    const old = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: 'b.lostphone', password: lost.password, totp: await totpCode(lost.totpSecret, 1) } });
    expect(old.statusCode).toBe(401);
    await signInStaff('b.lostphone', fresh.password, fresh.totpSecret);

    const nothing = await api('POST', `/api/v1/admin/staff/${lost.id}/credentials`, agencyAdminSession, {});
    expect(nothing.statusCode).toBe(400);
  });

  it('a citizen gets 403 and an anonymous caller 401 on every staff and admin endpoint', async () => {
    const id = idNumber('201');
    expect((await api('POST', '/api/v1/auth/register', undefined, { name: '王五', idNumber: id, phone: '13900001111', password: PASSWORD })).statusCode).toBe(201);
    const citizen = await signInCitizen(id);
    const target = agencyAdmin.id;
    const calls: [method: 'GET' | 'POST' | 'PUT', url: string, payload?: object][] = [
      ['GET', '/api/v1/staff/me'],
      ['POST', '/api/v1/staff/persons/level3', { name: '王五', idNumber: id }],
      ['GET', '/api/v1/admin/roles'],
      ['GET', '/api/v1/admin/staff'],
      ['POST', '/api/v1/admin/staff', { loginName: 'x.citizen', name: '冒充', agencyId: agencyA, roles: ['handler'] }],
      ['GET', `/api/v1/admin/staff/${target}`],
      ['PUT', `/api/v1/admin/staff/${target}/roles`, { roles: ['handler'] }],
      ['POST', `/api/v1/admin/staff/${target}/disable`],
      ['POST', `/api/v1/admin/staff/${target}/enable`],
      ['POST', `/api/v1/admin/staff/${target}/credentials`, { totp: true }],
    ];
    for (const [method, url, payload] of calls) {
      const asCitizen = await api(method, url, citizen, payload);
      expect(asCitizen.statusCode, `${method} ${url} as a citizen`).toBe(403);
      const anonymous = await api(method, url, undefined, payload);
      expect(anonymous.statusCode, `${method} ${url} anonymously`).toBe(401);
    }
    const [row] = await t.db.query<{ disabled: boolean }>('SELECT disabled_at IS NOT NULL AS disabled FROM identity.staff WHERE id = $1', [target]);
    expect(row!.disabled).toBe(false);
  });

  it('a handler (no admin role) gets 403 on the admin endpoints', async () => {
    const created = await api('POST', '/api/v1/admin/staff', agencyAdminSession, { loginName: 'b.plain', name: '普通承办', roles: ['handler'] });
    const plain = created.json();
    const session = await signInStaff('b.plain', plain.password, plain.totpSecret);
    expect((await api('GET', '/api/v1/admin/staff', session)).statusCode).toBe(403);
    expect((await api('POST', `/api/v1/admin/staff/${agencyAdmin.id}/disable`, session)).statusCode).toBe(403);
  });
});

describe('in-person verification (level 3)', () => {
  const id = idNumber('301');
  let clerkSession: Session;
  let handlerSession: Session;

  beforeAll(async () => {
    expect((await api('POST', '/api/v1/auth/register', undefined, { name: '李四', idNumber: id, phone: '13900002222', password: PASSWORD })).statusCode).toBe(201);
    const clerk = (await api('POST', '/api/v1/admin/staff', platformSession, { loginName: 'a.clerk', name: '窗口人员', agencyId: agencyA, roles: ['window_clerk'] })).json();
    clerkSession = await signInStaff('a.clerk', clerk.password, clerk.totpSecret);
    const handler = (await api('POST', '/api/v1/admin/staff', platformSession, { loginName: 'a.handler', name: '承办人甲', agencyId: agencyA, roles: ['handler'] })).json();
    handlerSession = await signInStaff('a.handler', handler.password, handler.totpSecret);
  });

  it('a handler without the window_clerk role gets 403 and nothing changes', async () => {
    const res = await api('POST', '/api/v1/staff/persons/level3', handlerSession, { name: '李四', idNumber: id });
    expect(res.statusCode).toBe(403);
    const [person] = await t.db.query<{ level: number }>('SELECT level FROM identity.person WHERE name = $1', ['李四']);
    expect(person!.level).toBe(0);
  });

  it('a wrong name or unknown ID number is not found; a bad check character is a field error', async () => {
    expect((await api('POST', '/api/v1/staff/persons/level3', clerkSession, { name: '李五', idNumber: id })).statusCode).toBe(404);
    expect((await api('POST', '/api/v1/staff/persons/level3', clerkSession, { name: '李四', idNumber: idNumber('399') })).statusCode).toBe(404);
    const bad = await api('POST', '/api/v1/staff/persons/level3', clerkSession, { name: '李四', idNumber: `${id.slice(0, 17)}${id[17] === '0' ? '1' : '0'}` });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'body.idNumber', code: 'invalid_id_number' });
  });

  it('a window clerk raises the person to level 3, recorded with the clerk, audited without the ID number', async () => {
    const res = await api('POST', '/api/v1/staff/persons/level3', clerkSession, { name: '李四', idNumber: id.toLowerCase() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: '李四', fromLevel: 0, level: 3, changed: true });
    expect(res.body).not.toContain(id);

    const me = await api('GET', '/api/v1/me', await signInCitizen(id));
    expect(me.json().level).toBe(3);

    const changes = await t.db.query<{ method: string; toLevel: number; loginName: string }>(
      `SELECT c.method, c.to_level AS "toLevel", s.login_name AS "loginName"
         FROM identity.level_change c JOIN identity.staff s ON s.id = c.staff_id WHERE c.person_id = $1`,
      [res.json().personId],
    );
    expect(changes).toEqual([{ method: 'in_person', toLevel: 3, loginName: 'a.clerk' }]);

    const again = await api('POST', '/api/v1/staff/persons/level3', clerkSession, { name: '李四', idNumber: id });
    expect(again.json()).toMatchObject({ level: 3, changed: false });
  });

  it('every change is audited, with no secret and no ID number in the details', async () => {
    const audit = await t.db.query<{ action: string; actor: string; detail: Record<string, unknown> }>(
      "SELECT action, actor, detail FROM platform.audit_log WHERE action IN ('identity.staff_created', 'identity.staff_roles_changed', 'identity.staff_disabled', 'identity.staff_enabled', 'identity.staff_credentials_reset', 'identity.level_changed') ORDER BY id",
    );
    const actions = new Set(audit.map((a) => a.action));
    expect([...actions].sort()).toEqual([
      'identity.level_changed',
      'identity.staff_created',
      'identity.staff_credentials_reset',
      'identity.staff_disabled',
      'identity.staff_enabled',
      'identity.staff_roles_changed',
    ]);
    expect(audit.find((a) => a.action === 'identity.staff_created' && a.detail.loginName === 'test.platform')?.actor).toBe('cli');
    expect(audit.find((a) => a.action === 'identity.level_changed')).toMatchObject({ detail: { from: 0, to: 3, method: 'in_person' } });
    const text = JSON.stringify(audit);
    expect(text).not.toContain(id);
    expect(text).not.toContain(platform.totpSecret);
    expect(text).not.toContain(platform.password);
  });
});

describe('staff pages', () => {
  /** GET a page as a signed-in staff member; returns the page and its CSRF token and cookie. */
  async function page(url: string, session: Session) {
    const res = await t.inject({ url, headers: { cookie: session.cookie } });
    const token = /name="_csrf" value="([^"]+)"/.exec(res.body)?.[1];
    const csrf = res.cookies.find((c) => c.name === 'csrf')?.value;
    return { res, token, cookie: csrf ? `${session.cookie}; csrf=${csrf}` : session.cookie };
  }
  const form = (url: string, cookie: string, fields: Record<string, string | string[]>) => {
    const body = new URLSearchParams();
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
    return t.inject({ method: 'POST', url, headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, payload: body.toString() });
  };

  it('the workbench shows who is signed in; anonymous visitors are sent to sign in', async () => {
    const { res } = await page('/staff', agencyAdminSession);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('部门管理员乙');
    expect(res.body).toContain('href="/admin/staff"');
    expect(res.headers['cache-control']).toBe('no-store');
    const anonymous = await t.inject({ url: '/staff' });
    expect(anonymous.statusCode).toBe(303);
    expect(anonymous.headers.location).toBe('/login?next=%2Fstaff');
  });

  it('an agency admin adds staff through the form (with the CSRF token) and sees the credentials once', async () => {
    const { res, token, cookie } = await page('/admin/staff', agencyAdminSession);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('b.handler');
    expect(res.body).not.toContain('test.platform'); // another agency
    expect(res.body).not.toContain('value="platform_admin"'); // not grantable by an agency admin

    const refused = await form('/admin/staff', cookie, { loginName: 'b.form', name: '表单新增', roles: ['handler', 'reviewer'] });
    expect(refused.statusCode).toBe(403);

    const created = await form('/admin/staff', cookie, { _csrf: token!, loginName: 'b.form', name: '表单新增', roles: ['handler', 'reviewer'] });
    expect(created.statusCode, created.body).toBe(201);
    const secret = /data-credential="totp-secret">([A-Z2-7]+)</.exec(created.body)?.[1];
    const password = /data-credential="password">([^<]+)</.exec(created.body)?.[1];
    await signInStaff('b.form', password!, secret!);

    const duplicate = await form('/admin/staff', cookie, { _csrf: token!, loginName: 'b.form', name: '重复', roles: ['handler'] });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.body).toContain('class="form-error"');
  });

  it('a window clerk raises a person to level 3 through the form; the ID number is not echoed', async () => {
    const id = idNumber('401');
    expect((await api('POST', '/api/v1/auth/register', undefined, { name: '赵六', idNumber: id, phone: '13900003333', password: PASSWORD })).statusCode).toBe(201);
    const clerk = (await api('POST', '/api/v1/admin/staff', platformSession, { loginName: 'a.clerk2', name: '窗口人员二', agencyId: agencyA, roles: ['window_clerk'] })).json();
    const session = await signInStaff('a.clerk2', clerk.password, clerk.totpSecret);
    const { token, cookie } = await page('/staff/level3', session);
    const res = await form('/staff/level3', cookie, { _csrf: token!, name: '赵六', idNumber: id });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('赵六');
    expect(res.body).toContain('role="status"');
    expect(res.body).not.toContain(id);
    const [person] = await t.db.query<{ level: number }>('SELECT level FROM identity.person WHERE name = $1', ['赵六']);
    expect(person!.level).toBe(3);

    expect((await t.inject({ url: '/staff/level3', headers: { cookie: agencyAdminSession.cookie } })).statusCode).toBe(403);
  });
});
