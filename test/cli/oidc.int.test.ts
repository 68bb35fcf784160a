/**
 * `onestop oidc clients add` and `onestop keys rotate`, spawned for real against a database of their
 * own: the printed client works with the provider (its secret is kept encrypted, not in clear), and a
 * rotation makes a new current key while the old one stays for verification.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankDatabase, resultOf, runOnestop, withOpenDb, type BlankDatabase } from './run.js';

interface ClientsRow {
  client_id: string;
  secret_enc: string | null;
  type: string;
  redirect_uris: string[];
  scopes: string;
  sector_identifier: string;
}

describe('onestop oidc clients add / keys rotate', () => {
  let blank: BlankDatabase;
  const run = (...args: string[]) => runOnestop(args, blank.env);

  beforeAll(async () => {
    blank = await blankDatabase();
    expect((await run('migrate')).code).toBe(0);
  }, 120_000);
  afterAll(async () => {
    await blank?.drop();
  });

  it('adds a confidential client and prints {"client_id", "client_secret"} with --json; the secret is stored encrypted', { timeout: 60_000 }, async () => {
    const res = await run(
      'oidc', 'clients', 'add',
      '--name', '浙江省税务服务系统',
      '--redirect-uri', 'https://tax.example/cb', 'https://tax.example/cb2',
      '--scopes', 'openid profile phone',
      '--sector', 'tax.example',
      '--json',
    );
    expect(res.stderr).not.toMatch(/onestop:/);
    expect(res.code).toBe(0);
    const printed = resultOf<{ client_id: string; client_secret: string }>(res);
    expect(Object.keys(printed).sort()).toEqual(['client_id', 'client_secret']);
    expect(printed.client_secret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const rows = await withOpenDb(blank, (db) => db.query<ClientsRow>('SELECT * FROM oidc.client WHERE client_id = $1', [printed.client_id]));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ type: 'confidential', redirect_uris: ['https://tax.example/cb', 'https://tax.example/cb2'], scopes: 'openid profile phone', sector_identifier: 'tax.example' });
    expect(rows[0]!.secret_enc).toMatch(/^v1:/);
    expect(rows[0]!.secret_enc).not.toContain(printed.client_secret);
    const audit = await withOpenDb(blank, (db) => db.query<{ actor: string }>("SELECT actor FROM platform.audit_log WHERE action = 'identity.oidc_client_added'"));
    expect(audit).toEqual([{ actor: 'cli' }]);
  });

  it('adds a public client without a secret', { timeout: 60_000 }, async () => {
    const res = await run('oidc', 'clients', 'add', '--name', '掌上办事', '--redirect-uri', 'https://app.example/cb', '--scopes', 'openid', '--sector', 'app.example', '--public', '--json');
    expect(res.code).toBe(0);
    expect(resultOf<{ client_secret: unknown }>(res).client_secret).toBeNull();
  });

  it('refuses bad input with exit code 2 and a message per field', { timeout: 60_000 }, async () => {
    const res = await run('oidc', 'clients', 'add', '--name', 'x', '--redirect-uri', 'not a url', '--scopes', 'profile bogus', '--sector', 'Not A Host!', '--json');
    expect(res.code).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/--redirect-uris: 网址无效/);
    expect(res.stderr).toMatch(/--scopes: 未知的授权范围 \(unknown scopes\): bogus/);
    expect(res.stderr).toMatch(/--scopes: 必须包含 openid/);
    expect(res.stderr).toMatch(/--sector: /);
  });

  it('keys rotate: the new key becomes current, the old one is retired but kept until the longest token lifetime', { timeout: 60_000 }, async () => {
    const first = await run('keys', 'rotate');
    expect(first.code).toBe(0);
    const a = resultOf<{ kid: string; retired: string[] }>(first);
    expect(a.retired).toEqual([]);
    const second = await run('keys', 'rotate');
    const b = resultOf<{ kid: string; retired: string[]; retiredKeysExpireAt: string }>(second);
    expect(b.retired).toEqual([a.kid]);
    expect(b.kid).not.toBe(a.kid);

    const keys = await withOpenDb(blank, (db) =>
      db.query<{ kid: string; current: boolean; kept_days: number | null; private_jwk_enc: string; public_jwk: { d?: string; kty: string } }>(
        `SELECT kid, retired_at IS NULL AS current, round(extract(epoch FROM expires_at - retired_at) / 86400)::int AS kept_days, private_jwk_enc, public_jwk
           FROM oidc.signing_key ORDER BY created_at`,
      ),
    );
    expect(keys.map((k) => [k.kid, k.current, k.kept_days])).toEqual([
      [a.kid, false, 14],
      [b.kid, true, null],
    ]);
    for (const key of keys) {
      expect(key.private_jwk_enc).toMatch(/^v1:/);
      expect(key.public_jwk.kty).toBe('RSA');
      expect(key.public_jwk.d).toBeUndefined();
    }
  });
});
