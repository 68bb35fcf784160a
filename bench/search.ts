import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { openDb, type Db } from '../src/platform/db/index.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createHttpServer } from '../src/platform/http/server.js';
import { createLogger } from '../src/platform/log.js';
import { loadConfig } from '../src/platform/config.js';
import { PageCache } from '../src/platform/page-cache.js';
import { seedScale } from '../src/modules/demo/index.js';
import { registerSearch, searchItems, type SearchParams } from '../src/modules/search/index.js';

/**
 * Search latency on the benchmark catalogue `zhejiang-full` (about 1,000,000 items: the demo
 * catalogue pushed down to every township as 业务办理项 sub-items, so a few thousand distinct names
 * each implemented hundreds of times), on PostgreSQL. It uses BENCH_DATABASE_URL when set, else a
 * database `onestop_scale` beside the one in DATABASE_URL, seeding it once when it is empty (several
 * minutes; it is kept for re-runs). Then ~1000 realistic queries drawn from the catalogue itself
 * (full item names, colloquial synonym terms, two-character words, multi-word queries, place names,
 * with and without a province, city or county scope, some with type or audience filters, some later
 * pages) run one at a time after a warm-up, through GET /api/v1/search (Fastify inject) and through
 * searchItems() directly.
 */
export interface SearchBenchOptions {
  databaseUrl: string;
  queries?: number;
  warmup?: number;
  /** Database name of the benchmark catalogue beside `databaseUrl` (when BENCH_DATABASE_URL is not set). */
  database?: string;
  log?: (line: string) => void;
}

export interface SearchBenchResult {
  items: number;
  queries: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The same queries through GET /api/v1/search (Fastify inject, no socket). */
  http: { p50Ms: number; p99Ms: number; maxMs: number };
}

/** Below this many documents the benchmark catalogue is (re)built. */
const MIN_ITEMS = 900_000;

const COLLOQUIAL = ['医保', '社保', '公积金', '驾照', '身份证', '户口', '开公司', '低保', '准生证', '房产证', '失业金', '港澳通行证',
  '结婚证', '个体户', '营业执照', '养老金', '残疾证', '社保卡', '护照', '居住证', '教师资格证', '换驾照', '提公积金', '上户口'];
const SHORT_WORDS = ['补贴', '登记', '许可', '证明', '备案', '变更', '注销', '申请', '救助', '津贴', '医疗', '养老', '就业', '培训', '税务', '车辆'];
const MULTI_WORD = ['住房公积金 提取', '医保 报销', '驾照 换证', '企业 设立', '残疾人 补贴', '失业 保险金', '结婚 登记', '养老保险 转移',
  '食品 经营 许可', '公积金 贷款', '户口 迁移', '出生 医学证明', '不动产 登记', '道路运输 许可', '高龄 津贴'];
const PREFIXES = ['', '', '', '我要', '怎么', '如何'];
const SUFFIXES = ['', '', '', '办理', '在哪里办', '需要什么材料'];

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function benchDatabaseUrl(adminUrl: string, name: string): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const admin = await openDb({ databaseUrl: adminUrl, poolSize: 1 });
  try {
    const [exists] = await admin.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_database WHERE datname = $1', [name]);
    if (!exists?.n) await admin.exec(`CREATE DATABASE ${name} TEMPLATE template0 ENCODING 'UTF8' LC_CTYPE 'C.UTF-8' LC_COLLATE 'C.UTF-8'`);
  } finally {
    await admin.close();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function documentCount(db: Db): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM search.document');
  return row?.n ?? 0;
}

/** Seed zhejiang-full when the database holds fewer than MIN_ITEMS documents, then VACUUM ANALYZE. */
async function ensureCatalogue(db: Db, log: (line: string) => void): Promise<number> {
  await migrate(db);
  let n = await documentCount(db);
  if (n < MIN_ITEMS) {
    log(`catalogue: ${n} documents, seeding zhejiang-full (several minutes) …`);
    const r = await seedScale(db, { progress: process.stdout.isTTY });
    log(`catalogue: ${r.items} items in ${r.townships} townships seeded in ${(r.ms / 1000).toFixed(0)} s`);
    await db.exec('VACUUM ANALYZE');
    n = await documentCount(db);
  }
  return n;
}

/** ~`count` queries drawn from the catalogue: its names (popular ones more often), synonyms, words, places and scopes. */
async function queryMix(db: Db, count: number, seed: number): Promise<SearchParams[]> {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const names = (await db.query<{ name: string }>('SELECT name FROM search.suggestion ORDER BY popularity DESC, name LIMIT 2000')).map((r) => r.name);
  const places = await db.query<{ code: string; name: string; level: string }>(
    `SELECT code, name, level FROM catalog.jurisdiction WHERE level IN ('province', 'city', 'county') ORDER BY code`,
  );
  const cities = places.filter((p) => p.level === 'city');
  const counties = places.filter((p) => p.level === 'county');
  const province = places.find((p) => p.level === 'province')!;
  const popularName = () => names[Math.floor(names.length * random() ** 2)]!;
  return Array.from({ length: count }, (): SearchParams => {
    const r = random();
    const q =
      r < 0.25 ? popularName()
      : r < 0.32 ? popularName().replace(/（.*）$/, '')
      : r < 0.52 ? `${pick(PREFIXES)}${pick(COLLOQUIAL)}${pick(SUFFIXES)}`
      : r < 0.67 ? pick(SHORT_WORDS)
      : r < 0.82 ? pick(MULTI_WORD)
      : r < 0.9 ? `${pick(cities).name.replace(/市$/, '')}${pick(COLLOQUIAL)}`
      : `${pick(COLLOQUIAL)} ${pick(SHORT_WORDS)}`;
    const s = random();
    const jurisdiction = s < 0.55 ? undefined : s < 0.65 ? province.code : s < 0.82 ? pick(cities).code : pick(counties).code;
    const f = random();
    return {
      q,
      page: random() < 0.85 ? 1 : 2 + Math.floor(random() * 3),
      pageSize: 20,
      ...(jurisdiction ? { jurisdiction } : {}),
      ...(f < 0.08 ? { type: pick(['01', '07', '20']) } : f < 0.14 ? { audience: pick(['1', '2']) } : {}),
    };
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]!;
}

/** Latencies in ms, sorted, and the slowest queries (for the log). */
async function time(queries: SearchParams[], run: (p: SearchParams) => Promise<unknown>): Promise<number[] & { slowest?: string[] }> {
  const timed: [number, SearchParams][] = [];
  for (const params of queries) {
    const t0 = performance.now();
    await run(params);
    timed.push([performance.now() - t0, params]);
  }
  timed.sort((a, b) => a[0] - b[0]);
  return Object.assign(timed.map(([ms]) => ms), { slowest: timed.slice(-5).reverse().map(([ms, p]) => `${ms.toFixed(1)} ms ${JSON.stringify(p)}`) });
}

export async function benchSearch(opts: SearchBenchOptions): Promise<SearchBenchResult> {
  const log = opts.log ?? ((line: string) => console.log(line));
  const url = await benchDatabaseUrl(opts.databaseUrl, opts.database ?? 'onestop_scale');
  const db = await openDb({ databaseUrl: url, poolSize: 4 });
  try {
    const items = await ensureCatalogue(db, log);
    const queries = await queryMix(db, opts.queries ?? 1000, 7);
    const warmup = await queryMix(db, opts.warmup ?? 300, 11);

    const logger = createLogger('silent');
    const http = await createHttpServer({ logger, renderErrorPage: (_req, reply, e) => reply.code(e.status).send(e.message), apiRateLimit: 0, isProduction: false, version: 'bench' });
    await registerSearch(http, { config: loadConfig({ NODE_ENV: 'test', ONESTOP_DATA_DIR: '/tmp' }), db, logger, pageCache: new PageCache(0) });
    await http.ready();
    const viaHttp = (p: SearchParams) => async () => {
      const res = await http.inject({ url: '/api/v1/search', query: Object.fromEntries(Object.entries(p).map(([k, v]) => [k, String(v)])) });
      if (res.statusCode !== 200) throw new Error(`search ${JSON.stringify(p)} → ${res.statusCode} ${res.body}`);
    };
    // Other work on the machine moves the tail a lot: the load average goes with every figure.
    const loadBefore = os.loadavg()[0]!;
    await time(warmup, (p) => viaHttp(p)());
    const overHttp = await time(queries, (p) => viaHttp(p)());
    const direct = await time(queries, (p) => searchItems(db, p));
    await http.close();

    const result: SearchBenchResult = {
      items,
      queries: queries.length,
      p50Ms: percentile(direct, 50),
      p99Ms: percentile(direct, 99),
      maxMs: direct.at(-1)!,
      http: { p50Ms: percentile(overHttp, 50), p99Ms: percentile(overHttp, 99), maxMs: overHttp.at(-1)! },
    };
    log(`search on ${items} items, ${queries.length} queries (load average ${loadBefore.toFixed(2)} → ${os.loadavg()[0]!.toFixed(2)}): ` +
      `GET /api/v1/search p50 ${result.http.p50Ms.toFixed(2)} ms, ` +
      `p99 ${result.http.p99Ms.toFixed(2)} ms, max ${result.http.maxMs.toFixed(1)} ms; searchItems() p50 ${result.p50Ms.toFixed(2)} ms, ` +
      `p99 ${result.p99Ms.toFixed(2)} ms, max ${result.maxMs.toFixed(1)} ms`);
    log(`slowest over HTTP:\n  ${overHttp.slowest?.join('\n  ')}`);
    return result;
  } finally {
    await db.close();
  }
}

// `npx tsx bench/search.ts` runs it alone against BENCH_DATABASE_URL or DATABASE_URL's server.
if (process.argv[1]?.endsWith('search.ts') && (process.env.BENCH_DATABASE_URL || process.env.DATABASE_URL)) {
  await benchSearch({ databaseUrl: process.env.DATABASE_URL ?? process.env.BENCH_DATABASE_URL!, queries: Number(process.env.BENCH_QUERIES ?? 1000) });
}
