/**
 * Operations: `onestop serve` as a child process (health, readiness, request ids and masked ID
 * numbers in its log lines, graceful SIGTERM, configuration refusals), and through HTTP in-process
 * (readiness with a pending migration, the API rate limit, security headers), plus the demo seed
 * of servers that start together on one PostgreSQL database.
 */
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemoIfEmpty } from '../../src/modules/demo/index.js';
import { loadConfig } from '../../src/platform/config.js';
import { FieldCrypto } from '../../src/platform/crypto.js';
import { openDb } from '../../src/platform/db/index.js';
import { createLogger } from '../../src/platform/log.js';
import { createTestApp, type TestApp } from '../support/app.js';
import { openTestDb } from '../support/db.js';
import { blankDatabase, runOnestop, spawnOnestop, type BlankDatabase } from '../cli/run.js';
import { freePort } from '../support/free-port.js';

const onPostgres = !!process.env.DATABASE_URL;
const ID_NUMBER = '330106199001011234';
const MASKED_ID = '3301**********1234';


interface Served {
  child: ChildProcess;
  base: string;
  /** Every line the server wrote to stdout so far (pino JSON). */
  lines: string[];
  exited: Promise<number | null>;
}

/** Start `onestop serve` and wait until /readyz answers 200 (or the process exits). */
async function serve(env: Record<string, string>): Promise<Served> {
  const port = await freePort();
  const child = spawnOnestop(['serve'], { PORT: String(port), HOST: '127.0.0.1', ONESTOP_DEMO: '0', ...env });
  const lines: string[] = [];
  let buffered = '';
  child.stdout!.on('data', (d: Buffer) => {
    buffered += d.toString();
    const parts = buffered.split('\n');
    buffered = parts.pop()!;
    lines.push(...parts);
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  let exitCode: number | null | undefined;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve((exitCode = code))));
  const base = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exitCode !== undefined) throw new Error(`onestop serve exited with ${exitCode}: ${stderr}`);
    const ready = await fetch(`${base}/readyz`).then((r) => r.status === 200, () => false);
    if (ready) return { child, base, lines, exited };
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`onestop serve did not get ready within 60 s: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('onestop serve (a child process)', () => {
  let blank: BlankDatabase;
  let served: Served;

  beforeAll(async () => {
    blank = await blankDatabase();
    served = await serve(blank.env);
  });
  afterAll(async () => {
    if (served && served.child.exitCode === null) served.child.kill('SIGKILL');
    await blank?.drop();
  });

  it('GET /healthz is alive and GET /readyz is ready on the migrated database', async () => {
    const health = await fetch(`${served.base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const ready = await fetch(`${served.base}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toEqual({ status: 'ready', database: blank.kind });
  });

  it('holds the PGlite data directory with a lock that names it', async () => {
    const lock = path.join(blank.dir, 'onestop.lock');
    if (blank.kind === 'postgres') {
      expect(fs.existsSync(lock)).toBe(false);
      return;
    }
    const info = JSON.parse(fs.readFileSync(lock, 'utf8')) as { pid: number; holder: string };
    expect(info.pid).toBe(served.child.pid);
    expect(info.holder).toMatch(/^onestop serve/);
  });

  it('echoes x-request-id and writes it in the log lines of that request', async () => {
    const res = await fetch(`${served.base}/healthz`, { headers: { 'x-request-id': 'ops-test-request-0001' } });
    expect(res.headers.get('x-request-id')).toBe('ops-test-request-0001');
    const invented = await fetch(`${served.base}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(invented.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await expect.poll(() => served.lines.filter((l) => l.includes('"reqId":"ops-test-request-0001"')).length).toBeGreaterThanOrEqual(2);
    const line = JSON.parse(served.lines.find((l) => l.includes('"reqId":"ops-test-request-0001"'))!) as { req?: { url: string } };
    expect(line.req?.url).toBe('/healthz');
  });

  it('never writes an ID number in its logs: URLs and messages show it masked', async () => {
    const api = await fetch(`${served.base}/api/v1/items/${ID_NUMBER}`, { headers: { 'x-request-id': 'ops-test-id-number-api' } });
    expect(api.status).toBeLessThan(500);
    const page = await fetch(`${served.base}/no-such-page/${ID_NUMBER}?q=${ID_NUMBER}`, { headers: { 'x-request-id': 'ops-test-id-number-page' } });
    expect(page.status).toBe(404);
    await expect.poll(() => served.lines.filter((l) => l.includes('ops-test-id-number-')).length).toBeGreaterThanOrEqual(4);
    expect(served.lines.filter((l) => l.includes(ID_NUMBER))).toEqual([]);
    const urls = served.lines.filter((l) => l.includes('ops-test-id-number-')).map((l) => (JSON.parse(l) as { req?: { url: string } }).req?.url);
    expect(urls).toContain(`/api/v1/items/${MASKED_ID}`);
    expect(urls).toContain(`/no-such-page/${MASKED_ID}?q=${MASKED_ID}`);
  });

  it('SIGTERM stops it gracefully: exit code 0, "stopped" logged, the data directory lock released', { timeout: 30_000 }, async () => {
    served.child.kill('SIGTERM');
    expect(await served.exited).toBe(0);
    expect(served.lines.some((l) => l.includes('"msg":"stopped"'))).toBe(true);
    expect(fs.existsSync(path.join(blank.dir, 'onestop.lock'))).toBe(false);
    // The database closed cleanly: a command can open it straight away.
    const migrate = await runOnestop(['migrate'], blank.env);
    expect(migrate.code).toBe(0);
    expect(migrate.stdout.trim()).toBe('the database is up to date');
  });
});

describe('onestop serve refuses a bad configuration', () => {
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-ops-'));
  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('NODE_ENV=production without DATABASE_URL refuses to start on PGlite, naming the override', async () => {
    const res = await runOnestop(['serve'], { NODE_ENV: 'production', ONESTOP_DATA_DIR: scratch, PORT: '0' });
    expect(res.code).not.toBe(0);
    expect(res.stderr).toMatch(/Refusing to start in production on embedded PGlite/);
    expect(res.stderr).toMatch(/ONESTOP_ALLOW_PGLITE_IN_PRODUCTION=1/);
    expect(fs.existsSync(path.join(scratch, 'pglite'))).toBe(false);
  });

  it.skipIf(onPostgres)('NODE_ENV=production starts on PGlite with ONESTOP_ALLOW_PGLITE_IN_PRODUCTION=1', { timeout: 90_000 }, async () => {
    const served = await serve({ NODE_ENV: 'production', ONESTOP_ALLOW_PGLITE_IN_PRODUCTION: '1', ONESTOP_DATA_KEY: 'ab'.repeat(32), ONESTOP_DATA_DIR: scratch });
    try {
      const res = await fetch(`${served.base}/healthz`);
      expect(res.status).toBe(200);
      // Production turns HSTS on.
      expect(res.headers.get('strict-transport-security')).toMatch(/max-age=\d+/);
    } finally {
      served.child.kill('SIGTERM');
      expect(await served.exited).toBe(0);
    }
  });

  it('an invalid PORT stops the start with a message naming it', async () => {
    for (const port of ['abc', '70000']) {
      const res = await runOnestop(['serve'], { PORT: port, ONESTOP_DATA_DIR: scratch });
      expect(res.code).toBe(2);
      expect(res.stderr).toMatch(/^onestop: Invalid configuration:\n {2}PORT: /);
    }
  });
});

describe('operations through HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'empty' });
  });
  afterAll(() => t?.close());

  it('sets the security headers: CSP with frame-ancestors none, nosniff, no framing', async () => {
    for (const url of ['/healthz', '/api/v1/nope']) {
      const res = await t.inject({ method: 'GET', url });
      const csp = String(res.headers['content-security-policy']);
      expect(csp).toMatch(/default-src 'self'/);
      expect(csp).toMatch(/frame-ancestors 'none'/);
      expect(csp).toMatch(/script-src 'self'/);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
      expect(res.headers['strict-transport-security']).toBeUndefined(); // HSTS only in production
    }
  });

  it('echoes a sane x-request-id and replaces one that is not', async () => {
    const kept = await t.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'abc-123_def.456' } });
    expect(kept.headers['x-request-id']).toBe('abc-123_def.456');
    const replaced = await t.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': '<script>' } });
    expect(replaced.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('GET /readyz is 503 and lists the migration when one is pending', async () => {
    const [last] = await t.db.query<{ name: string }>('SELECT name FROM platform_migration ORDER BY name DESC LIMIT 1');
    await t.db.query('DELETE FROM platform_migration WHERE name = $1', [last!.name]);
    const res = await t.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ status: 'migrations pending', pending: [last!.name] });
  });
});

describe('the API rate limit', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ seed: 'empty', apiRateLimit: 5 });
  });
  afterAll(() => t?.close());

  it('answers 429 problem+json with Retry-After once a client exceeds it; pages are not limited', async () => {
    const url = '/api/v1/jurisdictions/330000';
    for (let i = 0; i < 5; i++) expect((await t.inject({ method: 'GET', url })).statusCode).not.toBe(429);
    const limited = await t.inject({ method: 'GET', url });
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limited' });
    // Operations endpoints stay reachable for the monitoring that watches an overloaded API.
    expect((await t.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
  });
});

describe.skipIf(!onPostgres)('the demo seed when servers start together (PostgreSQL)', () => {
  it('two seedDemoIfEmpty calls at once on one empty database load the demo exactly once', { timeout: 180_000 }, async () => {
    const testDb = await openTestDb('empty');
    const first = await openDb({ databaseUrl: testDb.databaseUrl, poolSize: 2 });
    const second = await openDb({ databaseUrl: testDb.databaseUrl, poolSize: 2 });
    try {
      const logger = createLogger('silent');
      const fields = new FieldCrypto(loadConfig({ NODE_ENV: 'test' }).dataKey);
      const results = await Promise.all([seedDemoIfEmpty(first, fields, logger), seedDemoIfEmpty(second, fields, logger)]);
      const seeded = results.filter((r) => r !== null);
      expect(seeded).toHaveLength(1);
      const [counts] = await testDb.db.query<{ items: number; versions: number; documents: number; loads: number }>(
        `SELECT (SELECT count(*)::int FROM catalog.item) AS items, (SELECT count(*)::int FROM catalog.item_version) AS versions,
                (SELECT count(*)::int FROM search.document) AS documents,
                (SELECT count(*)::int FROM platform.audit_log WHERE action = 'catalog.catalogue.loaded') AS loads`,
      );
      expect(counts).toEqual({ items: seeded[0]!.items, versions: seeded[0]!.items, documents: seeded[0]!.items, loads: 1 });
    } finally {
      await first.close();
      await second.close();
      await testDb.close();
    }
  });
});
