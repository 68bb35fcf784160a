/**
 * The `onestop` command, spawned for real (`node bin/onestop.js …`) against a database of its own:
 * a new PGlite data directory, or with DATABASE_URL a new PostgreSQL database. The tests run in
 * order and share that database: migrate, seed, export, import, reindex, divisions, then the
 * single-process guard of PGlite.
 */
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { removeDocuments, searchItems } from '../../src/modules/search/index.js';
import { getJurisdiction } from '../../src/modules/catalog/index.js';
import { blankDatabase, REPO, resultOf, runOnestop, withOpenDb, type BlankDatabase } from './run.js';

const DIVISIONS_DIR = path.resolve(REPO, '../shared/data/divisions');
const hasDivisions = fs.existsSync(path.join(DIVISIONS_DIR, 'streets.csv'));
if (!hasDivisions) console.warn(`cli.int.test: skipping the divisions import, no NBS CSV files at ${DIVISIONS_DIR}`);

interface ItemsFile {
  items: { implementationCode: string; version: number }[];
  basicItems: unknown[];
}
const readItems = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8')) as ItemsFile;

describe('onestop (the command line)', () => {
  let blank: BlankDatabase;
  const run = (...args: string[]) => runOnestop(args, blank.env);
  const file = (name: string) => path.join(blank.dir, name);

  beforeAll(async () => {
    blank = await blankDatabase();
  });
  afterAll(async () => {
    await blank?.drop();
  });

  it('migrate applies every migration, and a second run says the database is up to date', async () => {
    const first = await run('migrate');
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/^applied: 0001_platform\.sql, /);
    const second = await run('migrate');
    expect(second.code).toBe(0);
    expect(second.stdout.trim()).toBe('the database is up to date');
  });

  it('seed without --demo or --scale exits 2 with a usage message', async () => {
    const res = await run('seed');
    expect(res.code).toBe(2);
    expect(res.stderr).toMatch(/onestop: say --demo or --scale zhejiang-full/);
  });

  it('seed --demo loads the Zhejiang demo catalogue and prints the counts as JSON', { timeout: 120_000 }, async () => {
    const res = await run('seed', '--demo');
    expect(res.code).toBe(0);
    const counts = resultOf<{ jurisdictions: number; agencies: number; basicItems: number; items: number }>(res);
    expect(counts.jurisdictions).toBe(102);
    expect(counts.basicItems).toBeGreaterThanOrEqual(300);
    expect(counts.items).toBeGreaterThanOrEqual(9000);
    const published = await withOpenDb(blank, (db) =>
      db.query<{ n: number }>('SELECT count(*)::int AS n FROM catalog.item WHERE published_version_id IS NOT NULL'),
    );
    expect(published[0]!.n).toBe(counts.items);
  });

  it('demo accounts --json lists every demo account, each of which the README lists too', async () => {
    const res = await run('demo', 'accounts', '--json');
    expect(res.code).toBe(0);
    const accounts = JSON.parse(res.stdout) as { username: string; password: string; kind: string; totpSecret?: string; roles?: string[]; agency?: { jurisdiction: string } }[];
    expect(new Set(accounts.map((a) => a.kind))).toEqual(new Set(['person', 'company', 'staff']));
    const staff = accounts.filter((a) => a.kind === 'staff');
    // Every role in agencies of the province, a city and a district.
    expect(new Set(staff.flatMap((a) => a.roles))).toEqual(
      new Set(['window_clerk', 'handler', 'reviewer', 'approver', 'agency_admin', 'catalogue_reviewer', 'supervisor', 'platform_admin']),
    );
    expect(new Set(staff.map((a) => a.agency!.jurisdiction))).toEqual(new Set(['330000', '330100', '330106']));
    const readme = fs.readFileSync(path.join(REPO, 'README.md'), 'utf8');
    for (const a of accounts) {
      expect(readme, a.username).toContain(`\`${a.username}\``);
      expect(readme, a.username).toContain(a.password);
      if (a.totpSecret) expect(readme, a.username).toContain(a.totpSecret);
    }
  });

  it('items export writes every published item, and --jurisdiction 330106 only that district and below', { timeout: 60_000 }, async () => {
    const all = await run('items', 'export', file('all.json'));
    expect(all.code).toBe(0);
    const allCounts = resultOf<{ items: number; basicItems: number }>(all);
    expect(readItems(file('all.json')).items).toHaveLength(allCounts.items);
    expect(allCounts.items).toBeGreaterThanOrEqual(9000);

    const xihu = await run('items', 'export', file('330106.json'), '--jurisdiction', '330106');
    expect(xihu.code).toBe(0);
    const exported = readItems(file('330106.json'));
    expect(resultOf<{ items: number }>(xihu).items).toBe(exported.items.length);
    expect(exported.items.length).toBeGreaterThan(0);
    expect(exported.items.length).toBeLessThan(allCounts.items);
    const expected = await withOpenDb(blank, (db) =>
      db.query<{ code: string }>(
        `SELECT i.implementation_code AS code FROM catalog.item i JOIN catalog.agency a ON a.id = i.agency_id
           JOIN catalog.jurisdiction j ON j.code = a.jurisdiction_code
          WHERE i.published_version_id IS NOT NULL AND j.ancestors @> ARRAY['330106'] ORDER BY 1`,
      ),
    );
    expect(exported.items.map((i) => i.implementationCode)).toEqual(expected.map((r) => r.code));

    const unknown = await run('items', 'export', file('none.json'), '--jurisdiction', '999999');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/999999/);
  });

  it('items import of an exported file publishes each item as a new version (round trip)', { timeout: 60_000 }, async () => {
    const before = readItems(file('330106.json'));
    const res = await run('items', 'import', file('330106.json'));
    expect(res.code).toBe(0);
    expect(resultOf(res)).toEqual({ items: before.items.length, published: before.items.length, drafts: 0, skipped: 0, errors: [] });

    const again = await run('items', 'export', file('330106-after.json'), '--jurisdiction', '330106');
    expect(again.code).toBe(0);
    const after = readItems(file('330106-after.json'));
    const versionBefore = new Map(before.items.map((i) => [i.implementationCode, i.version]));
    expect(after.items.map((i) => i.implementationCode)).toEqual(before.items.map((i) => i.implementationCode));
    for (const item of after.items) expect(item.version).toBe(versionBefore.get(item.implementationCode)! + 1);
  });

  it('items import refuses a file that is not an items file, with exit 1 and the reason', async () => {
    fs.writeFileSync(file('bad.json'), JSON.stringify({ hello: 'world' }));
    const res = await run('items', 'import', file('bad.json'));
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/不是 onestop\.items 第1版格式的文件/);
  });

  it('search reindex rebuilds an emptied search index from the published items', { timeout: 60_000 }, async () => {
    const search = (q: string) =>
      withOpenDb(blank, async (db) => (await searchItems(db, { q, page: 1, pageSize: 10 })).total);
    const before = await search('医保');
    expect(before).toBeGreaterThan(0);
    await withOpenDb(blank, async (db) => {
      const ids = (await db.query<{ id: number }>('SELECT id FROM catalog.item')).map((r) => r.id);
      await db.transaction((tx) => removeDocuments(tx, ids));
      const left = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search.document');
      expect(left[0]!.n).toBe(0);
    });
    expect(await search('医保')).toBe(0);

    const res = await run('search', 'reindex');
    expect(res.code).toBe(0);
    const published = readItems(file('all.json')).items.length;
    expect(resultOf<{ items: number; removed: number }>(res)).toMatchObject({ items: published, removed: 0 });
    expect(await search('医保')).toBe(before);
    await withOpenDb(blank, async (db) => {
      const docs = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search.document');
      expect(docs[0]!.n).toBe(published);
    });
  });

  it.skipIf(!hasDivisions)(
    'import divisions ../shared/data/divisions loads the whole country: 31 provinces, 41,352 townships (330106xxx under 西湖区)',
    { timeout: 120_000 },
    async () => {
      const res = await run('import', 'divisions', '../shared/data/divisions');
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(resultOf(res)).toMatchObject({ provinces: 31, townships: 41_352 });
      await withOpenDb(blank, async (db) => {
        const levels = await db.query<{ level: string; n: number }>('SELECT level, count(*)::int AS n FROM catalog.jurisdiction GROUP BY level');
        const count = Object.fromEntries(levels.map((l) => [l.level, l.n]));
        expect(count.province).toBe(31);
        expect(count.township).toBe(41_352);
        const xihu = await getJurisdiction(db, '330106');
        expect(xihu?.name).toBe('西湖区');
        const children = xihu!.children.map((c) => c.code);
        expect(xihu!.children.find((c) => c.code === '330106002')?.name).toBe('北山街道');
        expect(children.length).toBeGreaterThan(5);
        expect(children.every((c) => /^330106\d{3}$/.test(c))).toBe(true);
        const beijing = await getJurisdiction(db, '110000');
        expect(beijing?.name).toBe('北京市');
      });
    },
  );

  describe('PGlite is single-process: a held data directory is refused, never opened twice', () => {
    it.skipIf(!!process.env.DATABASE_URL)('migrate refuses with a clear message while another process holds the directory', { timeout: 60_000 }, async () => {
      const holder = await blank.open();
      try {
        const res = await run('migrate');
        expect(res.code).not.toBe(0);
        expect(res.stderr).toMatch(/is open in another onestop process \(pid \d+: vitest \d+\)/);
        expect(res.stderr).toMatch(/Stop that process first/);
        // The holder's database is untouched and still works.
        const rows = await holder.query<{ n: number }>('SELECT count(*)::int AS n FROM catalog.item');
        expect(rows[0]!.n).toBeGreaterThan(0);
      } finally {
        await holder.close();
      }
      expect(fs.existsSync(path.join(blank.dir, 'onestop.lock'))).toBe(false);
      const after = await run('migrate');
      expect(after.code).toBe(0);
      expect(after.stdout.trim()).toBe('the database is up to date');
    });

    it.skipIf(!!process.env.DATABASE_URL)('a lock left by a process that died is taken over', { timeout: 60_000 }, async () => {
      const deadPid = await new Promise<number>((resolve) => {
        const child = spawn(process.execPath, ['-e', '']);
        child.on('exit', () => resolve(child.pid!));
      });
      const lock = path.join(blank.dir, 'onestop.lock');
      fs.writeFileSync(lock, JSON.stringify({ pid: deadPid, holder: 'onestop serve (crashed)', since: new Date().toISOString() }));
      const res = await run('migrate');
      expect(res.stderr).toBe('');
      expect(res.code).toBe(0);
      expect(res.stdout.trim()).toBe('the database is up to date');
      expect(fs.existsSync(lock)).toBe(false);
    });

    it.skipIf(!process.env.DATABASE_URL)('on PostgreSQL the command works beside a process that has the database open', { timeout: 60_000 }, async () => {
      await withOpenDb(blank, async (server) => {
        const res = await run('migrate');
        expect(res.code).toBe(0);
        expect(res.stdout.trim()).toBe('the database is up to date');
        const rows = await server.query<{ n: number }>('SELECT count(*)::int AS n FROM catalog.item');
        expect(rows[0]!.n).toBeGreaterThan(0);
      });
    });
  });
});
