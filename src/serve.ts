import type { Config } from './platform/config.js';
import { FieldCrypto } from './platform/crypto.js';
import { openDb } from './platform/db/index.js';
import { migrate } from './platform/db/migrate.js';
import { createLogger } from './platform/log.js';
import { createApp } from './app.js';
import { seedDemoIfEmpty } from './modules/demo/index.js';

/** Start the portal: open the database, migrate, seed the demo on first start, listen, stop cleanly. */
export async function serve(config: Config): Promise<void> {
  const logger = createLogger(config.logLevel);
  const db = await openDb({
    databaseUrl: config.databaseUrl,
    dataDir: config.dataDir,
    holder: `onestop serve (http://${config.host}:${config.port})`,
  });
  const applied = await migrate(db);
  if (applied.length) logger.info({ applied }, 'migrations applied');
  if (config.demo) {
    const seeded = await seedDemoIfEmpty(db, new FieldCrypto(config.dataKey), logger);
    if (seeded) logger.info(seeded, 'demo catalogue seeded');
  }
  const app = await createApp({ config, db, logger });
  await app.http.listen({ port: config.port, host: config.host });
  logger.info({ database: db.kind, url: config.publicUrl }, 'onestop is serving');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down: finishing requests in flight');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await app.close();
    await db.close();
    logger.info('stopped');
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop('SIGTERM'));
  process.once('SIGINT', () => void stop('SIGINT'));
}
