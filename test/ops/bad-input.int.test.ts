/**
 * No bad input gets a 5xx: every operation in the OpenAPI document, anonymous and signed in as a
 * citizen and as staff, is sent malformed JSON, wrong types, over-long strings and nonsense path
 * parameters. Each answer must be a 4xx problem+json (or a success that ignores the junk).
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { generate } from 'otplib';
import { createTestApp, type TestApp } from '../support/app.js';
import { listDemoAccounts } from '../../src/modules/demo/index.js';

let t: TestApp;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp({ seed: 'demo', apiRateLimit: 100_000 });
  const accounts = await listDemoAccounts(t.db);
  const person = accounts.find((a) => a.kind === 'person' && a.level === 2)!;
  const staff = accounts.find((a) => a.username === 'platform.admin')!;
  const sidOf = (res: { cookies: { name: string; value: string }[] }) => res.cookies.find((c) => c.name === 'sid')!.value;
  cookies.person = sidOf(await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: person.username, password: person.password }, remoteAddress: '10.77.0.1' }));
  cookies.staff = sidOf(
    await t.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { username: staff.username, password: staff.password, totp: await generate({ secret: staff.totpSecret! }) },
      remoteAddress: '10.77.0.2',
    }),
  );
});
afterAll(() => t?.close());

const LONG = '长'.repeat(20_000);
const BODIES: (string | undefined)[] = [
  undefined,
  '{',
  '[]',
  'null',
  '"text"',
  '{"a":1}',
  JSON.stringify({ username: LONG, password: LONG, name: LONG, idNumber: LONG, uscc: LONG, code: LONG, email: LONG, phone: LONG }),
  JSON.stringify({ username: 1, password: [], uscc: {}, idNumber: true, roles: 'x', agencyId: 'x', validUntil: 5 }),
];
const PARAM_VALUES = ['x', '0', '-1', '..%2F..%2Fetc', '%00', 'ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff', 'a'.repeat(3000)];

interface Operation {
  method: string;
  path: string;
}

describe('bad input never gets a 5xx', () => {
  it('holds for every API operation, anonymous, as a citizen and as staff', { timeout: 600_000 }, async () => {
    const doc = (await t.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
    const operations: Operation[] = [];
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const method of Object.keys(item)) if (['get', 'post', 'put', 'patch', 'delete'].includes(method)) operations.push({ method: method.toUpperCase(), path });
    }
    expect(operations.length).toBeGreaterThan(20);
    const failures: string[] = [];
    let requests = 0;
    for (const op of operations) {
      const paramsIn = (op.path.match(/\{[^}]+\}/g) ?? []).length;
      const urls = paramsIn === 0 ? [op.path] : PARAM_VALUES.map((v) => op.path.replace(/\{[^}]+\}/g, v));
      // Signing out would leave the rest of the run anonymous: that one is sent anonymously only.
      for (const who of op.path.endsWith('/logout') ? [undefined] : ([undefined, 'person', 'staff'] as const)) {
        for (const url of urls) {
          for (const body of op.method === 'GET' || op.method === 'DELETE' ? [undefined] : BODIES) {
            const res = await t.inject({
              method: op.method as 'GET',
              url: `${url}${op.method === 'GET' ? `?q=${encodeURIComponent(LONG.slice(0, 500))}&page=-1&limit=abc` : ''}`,
              headers: { ...(who ? { cookie: `sid=${cookies[who]}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
              ...(body !== undefined ? { payload: body } : {}),
              remoteAddress: `10.78.${requests % 250}.${Math.floor(requests / 250) % 250}`,
            });
            requests++;
            if (res.statusCode >= 500) failures.push(`${op.method} ${url.slice(0, 80)} as ${who ?? 'anonymous'} body ${body?.slice(0, 30)} → ${res.statusCode} ${res.body.slice(0, 200)}`);
            else if (res.statusCode >= 400 && !String(res.headers['content-type']).match(/problem\+json|text\/html/)) {
              failures.push(`${op.method} ${url.slice(0, 80)} → ${res.statusCode} without problem+json (${res.headers['content-type']})`);
            }
          }
        }
      }
    }
    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThan(200);
  });
});
