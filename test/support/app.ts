import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/platform/config.js';
import type { Db } from '../../src/platform/db/index.js';
import { createLogger } from '../../src/platform/log.js';
import { openTestDb } from './db.js';
import type { Seed } from './templates.js';

export interface TestApp {
  app: App;
  db: Db;
  /** `app.http.inject`, bound: requests go through the whole Fastify stack without a socket. */
  inject: App['http']['inject'];
  close(): Promise<void>;
}

export interface TestAppOptions {
  /** 'empty': migrated, only the rows the migrations insert (code lists). 'demo': the Zhejiang demo catalogue. */
  seed: Seed;
  /** Extra environment for loadConfig, e.g. { ONESTOP_PAGE_CACHE_ENTRIES: '0' }. */
  env?: Record<string, string>;
  /** Requests per minute on /api/v1/; high by default so that tests never trip it. */
  apiRateLimit?: number;
}

/**
 * The whole app on a fresh database of its own (see openTestDb), for integration tests through HTTP:
 *
 *   let t: TestApp;
 *   beforeAll(async () => { t = await createTestApp({ seed: 'demo' }); });
 *   afterAll(() => t.close());
 *   it('…', async () => { const res = await t.inject({ url: '/api/v1/search?q=医保' }); … });
 */
export async function createTestApp(options: TestAppOptions): Promise<TestApp> {
  const testDb = await openTestDb(options.seed);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-app-'));
  const cleanUp = async () => {
    await testDb.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const config = loadConfig({
      NODE_ENV: 'test',
      ONESTOP_DATA_DIR: dataDir,
      ONESTOP_DEMO: '0',
      ...(testDb.databaseUrl ? { DATABASE_URL: testDb.databaseUrl } : {}),
      ...(process.env.LOG_LEVEL ? { LOG_LEVEL: process.env.LOG_LEVEL } : {}),
      ...options.env,
    });
    const app = await createApp({
      config,
      db: testDb.db,
      logger: createLogger(config.logLevel),
      apiRateLimit: options.apiRateLimit ?? 10_000,
    });
    await app.http.ready();
    let closed = false;
    return {
      app,
      db: testDb.db,
      inject: app.http.inject.bind(app.http) as App['http']['inject'],
      async close() {
        if (closed) return;
        closed = true;
        await app.close();
        await cleanUp();
      },
    };
  } catch (e) {
    await cleanUp();
    throw e;
  }
}
