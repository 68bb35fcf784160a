import fastifyStatic from '@fastify/static';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Config } from './platform/config.js';
import type { Db } from './platform/db/index.js';
import { pendingMigrations } from './platform/db/migrate.js';
import type { Logger } from './platform/log.js';
import { PageCache } from './platform/page-cache.js';
import { watchGenerations } from './platform/generation.js';
import { createHttpServer, type HttpServer } from './platform/http/server.js';
import { registerCsrf } from './platform/http/csrf.js';
import type { ModuleContext } from './platform/context.js';
import { renderErrorPage } from './web/error-page.js';
import { registerCatalog } from './modules/catalog/index.js';
import { registerSearch } from './modules/search/index.js';
import { registerPortal } from './modules/portal/index.js';
import { registerIdentity } from './modules/identity/index.js';
import { registerCalendar } from './modules/calendar/index.js';
import { registerForms } from './modules/forms/index.js';
import { registerUploads } from './modules/uploads/index.js';
import { registerCases } from './modules/cases/index.js';

export const VERSION = '0.1.0';
const ASSETS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'web/assets');

export interface App {
  http: HttpServer;
  context: ModuleContext;
  close(): Promise<void>;
}

/**
 * The composition root: platform first (health, security, metrics, docs), then each module's
 * routes and pages, the error handler last (inside createHttpServer).
 */
export async function createApp(deps: { config: Config; db: Db; logger: Logger; apiRateLimit?: number }): Promise<App> {
  const { config, db, logger } = deps;
  const pageCache = new PageCache(config.pageCacheEntries);
  const http = await createHttpServer({
    logger,
    renderErrorPage,
    apiRateLimit: deps.apiRateLimit ?? 600,
    isProduction: config.isProduction,
    version: VERSION,
    pageCache,
  });
  const context: ModuleContext = { config, db, logger, pageCache };
  registerCsrf(http, { dataKey: config.dataKey, secure: config.isProduction });

  http.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  http.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    try {
      const pending = await pendingMigrations(db);
      if (pending.length > 0) return reply.code(503).send({ status: 'migrations pending', pending });
      return { status: 'ready', database: db.kind };
    } catch {
      return reply.code(503).send({ status: 'database unreachable' });
    }
  });
  await http.register(fastifyStatic, { root: ASSETS_DIR, prefix: '/assets/', maxAge: '1d', immutable: false });

  await registerCatalog(http, context);
  await registerSearch(http, context);
  await registerPortal(http, context);
  const identity = await registerIdentity(http, context);
  await registerCalendar(http, context);
  await registerForms(http, context, identity);
  await registerUploads(http, context, identity);
  await registerCases(http, context, identity);

  const watcher = watchGenerations(db, 1000, () => pageCache.clear());
  return {
    http,
    context,
    async close() {
      watcher.stop();
      await http.close();
    },
  };
}
