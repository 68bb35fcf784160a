import crypto from 'node:crypto';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { pino } from 'pino';
import { createApp, type App } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { FieldCrypto } from '../src/platform/crypto.js';
import { openDb, type Db } from '../src/platform/db/index.js';
import { migrate } from '../src/platform/db/migrate.js';
import { createLogger } from '../src/platform/log.js';
import { seedDemo } from '../src/modules/demo/index.js';
import { freePort } from '../test/support/free-port.js';

/**
 * The item guide page against nginx: the app (demo catalogue on in-memory PGlite, rate limit off)
 * and nginx (one worker, serving the very same bytes as a static file) each listen on loopback and
 * are measured by the same wrk command after a warm-up, in alternating order over several rounds
 * because other work on the machine moves the figures. Request logging is alike on both: off by
 * default (nginx `access_log off`, the app at `silent`); with a log level such as `info`, the app
 * writes its request log and nginx its access log, each to a file.
 */
const run = promisify(execFile);

export interface WrkResult {
  rps: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
}

export interface GuidePageRound {
  app: WrkResult;
  nginx: WrkResult;
  /** app rps / nginx rps in this round. */
  ratio: number;
  /** The 1-minute load average at the start and at the end of the round. */
  load: [number, number];
}

export interface GuidePageResult {
  path: string;
  bytes: number;
  logLevel: string;
  rounds: GuidePageRound[];
  /** The median of the rounds' ratios; the goal is ≥ 0.5. */
  ratio: number;
}

export interface GuidePageOptions {
  /** The page to measure; default: the guide of the first published 行政许可 item. */
  pagePath?: string;
  durationSeconds?: number;
  warmupSeconds?: number;
  connections?: number;
  /** Rounds of (app, nginx) measurements, the order alternating; default 3. */
  rounds?: number;
  /** The app's log level; anything but `silent` also turns nginx's access log on. Default `silent`. */
  logLevel?: string;
  log?: (line: string) => void;
}

export async function benchGuidePage(options: GuidePageOptions = {}): Promise<GuidePageResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const wrkArgs = { duration: options.durationSeconds ?? 10, warmup: options.warmupSeconds ?? 3, connections: options.connections ?? 50 };
  const rounds = options.rounds ?? 3;
  const logLevel = options.logLevel ?? 'silent';
  await ensureDebianPackages(['nginx', 'wrk'], log);

  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-bench-'));
  let db: Db | undefined;
  let app: App | undefined;
  let nginx: ChildProcess | undefined;
  try {
    log('starting the app: demo catalogue on in-memory PGlite …');
    db = await openDb({});
    await migrate(db);
    const config = loadConfig({
      NODE_ENV: 'production',
      ONESTOP_ALLOW_PGLITE_IN_PRODUCTION: '1', // the page comes from the page cache: the database is not what is measured
      ONESTOP_DATA_KEY: crypto.randomBytes(32).toString('hex'),
      ONESTOP_DATA_DIR: workDir,
      LOG_LEVEL: logLevel,
    });
    const seeded = await seedDemo(db, new FieldCrypto(config.dataKey), createLogger('silent'));
    log(`  seeded ${seeded.items} items in ${(seeded.ms / 1000).toFixed(1)} s`);
    const logFile = path.join(workDir, 'onestop.log');
    const logger = createLogger(logLevel, logLevel === 'silent' ? undefined : pino.destination({ dest: logFile, sync: true }));
    app = await createApp({ config, db, logger, apiRateLimit: 0 });
    await app.http.listen({ host: '127.0.0.1', port: 0 });
    const appBase = `http://127.0.0.1:${(app.http.server.address() as net.AddressInfo).port}`;

    const pagePath = options.pagePath ?? (await firstGuidePath(appBase));
    const page = await fetch(appBase + pagePath);
    if (page.status !== 200) throw new Error(`GET ${pagePath} answered ${page.status}`);
    const body = Buffer.from(await page.arrayBuffer());
    log(`  page ${pagePath}: ${body.length} bytes, ${page.headers.get('content-type')}`);

    const nginxPort = await freePort();
    nginx = await startNginx(workDir, nginxPort, body, logLevel !== 'silent');
    const nginxUrl = `http://127.0.0.1:${nginxPort}/page.html`;
    const copy = Buffer.from(await (await fetch(nginxUrl)).arrayBuffer());
    if (!copy.equals(body)) throw new Error('nginx does not serve the same bytes as the app');

    const appUrl = appBase + pagePath;
    log(`wrk -t1 -c${wrkArgs.connections} -d${wrkArgs.duration}s after a ${wrkArgs.warmup} s warm-up, ${rounds} rounds, app log level ${logLevel}`);
    await warmUp(appUrl, wrkArgs);
    await warmUp(nginxUrl, wrkArgs);
    const results: GuidePageRound[] = [];
    for (let round = 1; round <= rounds; round++) {
      const loadBefore = os.loadavg()[0]!;
      const appFirst = round % 2 === 1;
      const first = await measure(appFirst ? appUrl : nginxUrl, wrkArgs);
      const second = await measure(appFirst ? nginxUrl : appUrl, wrkArgs);
      const [appResult, nginxResult] = appFirst ? [first, second] : [second, first];
      results.push({ app: appResult, nginx: nginxResult, ratio: appResult.rps / nginxResult.rps, load: [loadBefore, os.loadavg()[0]!] });
      log(`  round ${round}: onestop ${appResult.rps.toFixed(0)} rps, nginx ${nginxResult.rps.toFixed(0)} rps, ratio ${(appResult.rps / nginxResult.rps).toFixed(2)}`);
    }
    return { path: pagePath, bytes: body.length, logLevel, rounds: results, ratio: median(results.map((r) => r.ratio)) };
  } finally {
    if (nginx) await stop(nginx);
    await app?.close();
    await db?.close();
    fs.rmSync(workDir, { recursive: true, force: true });
  }
}

/** The guide page of the first published 行政许可 (type 01) item, found through the public API. */
async function firstGuidePath(base: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/items?type=01&pageSize=1`);
  if (res.status !== 200) throw new Error(`GET /api/v1/items answered ${res.status}; pass --page <path> instead`);
  const list = (await res.json()) as { items: Array<{ code?: string; implementationCode?: string }> };
  const first = list.items[0];
  const code = first?.code ?? first?.implementationCode;
  if (!code) throw new Error('the demo catalogue has no published 行政许可 item; pass --page <path> instead');
  return `/items/${encodeURIComponent(code)}`;
}

async function ensureDebianPackages(commands: string[], log: (line: string) => void): Promise<void> {
  const missing: string[] = [];
  for (const command of commands) {
    if (!(await onPath(command))) missing.push(command);
  }
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) throw new Error(`missing ${missing.join(', ')}: run apt-get install -y ${missing.join(' ')} as root`);
  log(`installing ${missing.join(', ')} from Debian …`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const big = { env, maxBuffer: 64 * 1024 * 1024 };
  await run('apt-get', ['update'], big);
  await run('apt-get', ['install', '-y', '--no-install-recommends', ...missing], big);
}

async function onPath(command: string): Promise<boolean> {
  try {
    await run('sh', ['-c', `command -v ${command}`]);
    return true;
  } catch {
    return false;
  }
}


/**
 * nginx in the foreground with everything (config, pid, logs, temp dirs) in `dir`, one worker and
 * sendfile on: the reference a static file server reaches on this machine. The access log is off
 * unless the app logs its requests too.
 */
async function startNginx(dir: string, port: number, body: Buffer, accessLog: boolean): Promise<ChildProcess> {
  const root = path.join(dir, 'www');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'page.html'), body);
  // Workers run as nobody when started by root: they must be able to read the file.
  for (const p of [dir, root]) fs.chmodSync(p, 0o755);
  fs.chmodSync(path.join(root, 'page.html'), 0o644);
  const conf = path.join(dir, 'nginx.conf');
  fs.writeFileSync(
    conf,
    `worker_processes 1;
daemon off;
pid ${dir}/nginx.pid;
error_log ${dir}/nginx-error.log warn;
events { worker_connections 1024; }
http {
  access_log ${accessLog ? `${dir}/access.log` : 'off'};
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
  types { text/html html; }
  charset utf-8;
  server {
    listen 127.0.0.1:${port};
    root ${root};
  }
}
`,
  );
  const child = spawn('nginx', ['-p', dir, '-e', `${dir}/nginx-error.log`, '-c', conf], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const deadline = Date.now() + 5000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`nginx exited: ${stderr}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/page.html`);
      await res.arrayBuffer();
      if (res.status === 200) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGTERM');
      throw new Error(`nginx did not start on 127.0.0.1:${port}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGQUIT'); // nginx: graceful stop of master and worker
  });
}

async function warmUp(url: string, args: { warmup: number; connections: number }): Promise<void> {
  await run('wrk', ['-t1', `-c${args.connections}`, `-d${args.warmup}s`, url], { timeout: (args.warmup + 30) * 1000 });
}

async function measure(url: string, args: { duration: number; connections: number }): Promise<WrkResult> {
  const { stdout } = await run('wrk', ['-t1', `-c${args.connections}`, `-d${args.duration}s`, '--latency', url], { timeout: (args.duration + 30) * 1000 });
  return parseWrk(stdout);
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Requests/sec, the 50% and 99% latency lines, and any non-2xx or socket errors from wrk's report. */
export function parseWrk(report: string): WrkResult {
  const rps = Number(/Requests\/sec:\s+([\d.]+)/.exec(report)?.[1]);
  if (!Number.isFinite(rps)) throw new Error(`could not read wrk's report:\n${report}`);
  const non2xx = Number(/Non-2xx or 3xx responses:\s+(\d+)/.exec(report)?.[1] ?? 0);
  const socket = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(report);
  const socketErrors = socket ? socket.slice(1).reduce((sum, n) => sum + Number(n), 0) : 0;
  return { rps, p50Ms: latencyMs(report, '50%'), p99Ms: latencyMs(report, '99%'), errors: non2xx + socketErrors };
}

function latencyMs(report: string, percentile: string): number {
  const match = new RegExp(`^\\s*${percentile}\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(report);
  if (!match) return Number.NaN;
  const value = Number(match[1]);
  return match[2] === 'us' ? value / 1000 : match[2] === 's' ? value * 1000 : value;
}
