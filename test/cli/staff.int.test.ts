/**
 * `onestop staff add`, spawned for real against a database of its own: the bootstrap of the first
 * platform admin in production. It prints the password and TOTP secret once, and they work for the
 * staff sign-in (password + TOTP) of the app on that database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generate } from 'otplib';
import { createApp } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import { FieldCrypto } from '../../src/platform/crypto.js';
import { createLogger } from '../../src/platform/log.js';
import { loadOneAgency } from '../support/one-agency.js';
import { blankDatabase, resultOf, runOnestop, withOpenDb, type BlankDatabase } from './run.js';

interface Added {
  id: string;
  loginName: string;
  agencyId: number;
  roles: string[];
  password: string;
  totpSecret: string;
  totpUri: string;
}

describe('onestop staff add', () => {
  let blank: BlankDatabase;
  let agencyId: number;
  const run = (...args: string[]) => runOnestop(args, blank.env);

  beforeAll(async () => {
    blank = await blankDatabase();
    expect((await run('migrate')).code).toBe(0);
    agencyId = await withOpenDb(blank, (db) => loadOneAgency(db, 'MB000201'));
  }, 120_000);
  afterAll(async () => {
    await blank?.drop();
  });

  it('adds a platform admin and prints the credentials once as JSON; they sign in with password and TOTP', { timeout: 60_000 }, async () => {
    const res = await run('staff', 'add', '--login', 'root.admin', '--name', '平台管理员', '--agency', String(agencyId), '--roles', 'platform_admin', '--json');
    expect(res.stderr).not.toMatch(/onestop:/);
    expect(res.code).toBe(0);
    const added = resultOf<Added>(res);
    expect(added).toMatchObject({ loginName: 'root.admin', agencyId, roles: ['platform_admin'] });
    expect(added.password).toHaveLength(16);
    expect(added.totpUri).toContain(added.totpSecret);

    const config = loadConfig({ NODE_ENV: 'test', ONESTOP_DEMO: '0', ...blank.env });
    await withOpenDb(blank, async (db) => {
      const [row] = await db.query<{ enc: string; hash: string; roles: string[] }>(
        `SELECT s.totp_secret_enc AS enc, s.password_hash AS hash, array_agg(r.role_code) AS roles
           FROM identity.staff s JOIN identity.staff_role r ON r.staff_id = s.id WHERE s.login_name = 'root.admin' GROUP BY s.id`,
      );
      expect(row!.roles).toEqual(['platform_admin']);
      expect(row!.enc).not.toContain(added.totpSecret);
      expect(new FieldCrypto(config.dataKey).decrypt(row!.enc)).toBe(added.totpSecret);
      expect(row!.hash).toMatch(/^\$argon2id\$/);
      const audit = await db.query<{ actor: string; detail: Record<string, unknown> }>("SELECT actor, detail FROM platform.audit_log WHERE action = 'identity.staff_created'");
      expect(audit).toEqual([{ actor: 'cli', detail: expect.objectContaining({ loginName: 'root.admin', roles: ['platform_admin'] }) }]);
      expect(JSON.stringify(audit)).not.toContain(added.password);

      const app = await createApp({ config, db, logger: createLogger('error') });
      try {
        const login = await app.http.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'root.admin', password: added.password, totp: await generate({ secret: added.totpSecret }) },
        });
        expect(login.statusCode, login.body).toBe(200);
        const sid = login.cookies.find((c) => c.name === 'sid')!.value;
        const me = await app.http.inject({ url: '/api/v1/staff/me', headers: { cookie: `sid=${sid}` } });
        expect(me.json()).toMatchObject({ loginName: 'root.admin', roles: ['platform_admin'], agency: { id: agencyId } });
      } finally {
        await app.close();
      }
    });
  });

  it('prints the credentials for people without --json', async () => {
    const res = await run('staff', 'add', '--login', 'second.admin', '--name', '第二管理员', '--agency', String(agencyId), '--roles', 'agency_admin,handler');
    expect(res.code).toBe(0);
    expect(res.stdout).toMatch(/password: +[A-Za-z0-9]{16}\n/);
    expect(res.stdout).toMatch(/TOTP secret: [A-Z2-7]+\n/);
    expect(res.stdout).toContain('otpauth://totp/');
  });

  it('refuses a taken login name, an unknown role, an unknown or malformed agency', { timeout: 60_000 }, async () => {
    const taken = await run('staff', 'add', '--login', 'root.admin', '--name', '重名', '--agency', String(agencyId), '--roles', 'handler');
    expect(taken.code).toBe(1);
    expect(taken.stderr).toMatch(/登录名已被使用.*\(conflict\)/);

    const role = await run('staff', 'add', '--login', 'x.role', '--name', '未知角色', '--agency', String(agencyId), '--roles', 'janitor');
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('janitor');

    const agency = await run('staff', 'add', '--login', 'x.agency', '--name', '无部门', '--agency', '987654', '--roles', 'handler');
    expect(agency.code).toBe(1);
    expect(agency.stderr).toContain('body.agencyId');

    const malformed = await run('staff', 'add', '--login', 'x.bad', '--name', '坏编号', '--agency', 'abc', '--roles', 'handler');
    expect(malformed.code).toBe(2);
    expect(malformed.stderr).toMatch(/--agency must be an agency id/);

    const rows = await withOpenDb(blank, (db) => db.query("SELECT 1 FROM identity.staff WHERE login_name LIKE 'x.%'"));
    expect(rows).toHaveLength(0);
  });
});
