import os from 'node:os';
import { parseArgs } from 'node:util';
import { benchGuidePage } from './guide-page.js';

/**
 * `npm run bench`: the item guide page against nginx serving the same bytes (goal ≥ 0.5 of nginx),
 * then, with DATABASE_URL set, search latency on the large catalogue (goal p99 ≤ 15 ms).
 * Everything listens on loopback only. Method and recorded figures: docs/performance.md.
 *
 *   npm run bench -- [--page /items/<code>] [--duration 10] [--rounds 3] [--connections 50] [--log-level silent]
 *                    [--skip-page] [--skip-search]
 */
const { values } = parseArgs({
  options: {
    page: { type: 'string' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '3' },
    connections: { type: 'string', default: '50' },
    rounds: { type: 'string', default: '3' },
    'log-level': { type: 'string', default: 'silent' },
    'skip-page': { type: 'boolean', default: false },
    'skip-search': { type: 'boolean', default: false },
  },
});

const fmt = (n: number, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : '–');

async function main(): Promise<void> {
  console.log(`onestop bench: node ${process.version}, ${os.availableParallelism()} CPUs, ${new Date().toISOString()}`);
  let failed = false;

  if (!values['skip-page']) {
    const r = await benchGuidePage({
      pagePath: values.page,
      durationSeconds: Number(values.duration),
      warmupSeconds: Number(values.warmup),
      connections: Number(values.connections),
      rounds: Number(values.rounds),
      logLevel: values['log-level'],
    });
    console.log('');
    console.log(`guide page ${r.path} (${r.bytes} bytes), app log level ${r.logLevel}`);
    console.log(`  round  server   rps         p50 ms   p99 ms   errors   load avg (1 min)`);
    r.rounds.forEach((round, i) => {
      for (const [name, w] of [['onestop', round.app], ['nginx', round.nginx]] as const) {
        const load = name === 'onestop' ? `${fmt(round.load[0])} → ${fmt(round.load[1])}` : `ratio ${fmt(round.ratio)}`;
        console.log(`  ${String(i + 1).padStart(5)}  ${name.padEnd(8)} ${fmt(w.rps, 0).padStart(9)}   ${fmt(w.p50Ms).padStart(6)}   ${fmt(w.p99Ms).padStart(6)}   ${String(w.errors).padStart(6)}   ${load}`);
      }
    });
    const errors = r.rounds.reduce((sum, round) => sum + round.app.errors, 0);
    const ok = r.ratio >= 0.5 && errors === 0;
    console.log(`  ratio onestop/nginx, median of ${r.rounds.length} rounds: ${fmt(r.ratio)} (goal ≥ 0.50) ${ok ? 'OK' : 'MISSED'}`);
    failed ||= !ok;
  }

  if (!values['skip-search']) {
    const databaseUrl = process.env.DATABASE_URL;
    if (!databaseUrl) {
      console.log('\nsearch: skipped (set DATABASE_URL to a PostgreSQL server; bench/search.ts builds its 1M-item catalogue beside it)');
    } else {
      const { benchSearch } = await import('./search.js'); // loaded only when there is PostgreSQL to measure
      const s = await benchSearch({ databaseUrl });
      console.log('');
      console.log(`search on ${s.items} items, ${s.queries} queries`);
      console.log(`  searchItems()        p50 ${fmt(s.p50Ms)} ms, p99 ${fmt(s.p99Ms)} ms`);
      const ok = s.http.p99Ms <= 15;
      console.log(`  GET /api/v1/search   p50 ${fmt(s.http.p50Ms)} ms, p99 ${fmt(s.http.p99Ms)} ms (goal p99 ≤ 15 ms) ${ok ? 'OK' : 'MISSED'}`);
      failed ||= !ok;
    }
  }
  process.exitCode = failed ? 1 : 0;
}

await main();
