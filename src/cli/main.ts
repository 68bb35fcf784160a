import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type Config } from '../platform/config.js';
import { openDb, type Db } from '../platform/db/index.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { migrate, MigrationError } from '../platform/db/migrate.js';
import { createLogger } from '../platform/log.js';
import { serve } from '../serve.js';
import { seedDemo, seedScale } from '../modules/demo/index.js';
import { importDivisions, exportItems, importItems, reindexSearch } from '../modules/catalog/index.js';

/** Open the configured database for one command, migrated, and close it afterwards. */
async function withDb<T>(config: Config, command: string, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: `onestop ${command}`, poolSize: 4 });
  try {
    await migrate(db);
    return await fn(db);
  } finally {
    await db.close();
  }
}

const program = new Command('onestop').description('onestop: the one-stop government service platform').showHelpAfterError();

program
  .command('serve')
  .description('serve the portal and API (seeds the demo catalogue on first start unless ONESTOP_DEMO=0)')
  .action(async () => serve(loadConfig()));

program
  .command('migrate')
  .description('apply pending database migrations')
  .action(async () => {
    const config = loadConfig();
    const db = await openDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, holder: 'onestop migrate' });
    try {
      const applied = await migrate(db);
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'the database is up to date');
    } finally {
      await db.close();
    }
  });

program
  .command('seed')
  .description('load demo data')
  .option('--demo', 'the Zhejiang demo catalogue (over 14,000 published items)')
  .option('--scale <name>', "a benchmark catalogue: 'zhejiang-full' (about 1,000,000 items, PostgreSQL)")
  .action(async (opts: { demo?: boolean; scale?: string }) => {
    const config = loadConfig();
    if (!opts.demo && !opts.scale) throw new UsageError('say --demo or --scale zhejiang-full');
    await withDb(config, 'seed', async (db) => {
      const logger = createLogger(config.logLevel);
      if (opts.scale) {
        if (opts.scale !== 'zhejiang-full') throw new UsageError(`unknown scale '${opts.scale}' (known: zhejiang-full)`);
        console.log(JSON.stringify(await seedScale(db, { progress: true })));
      } else {
        console.log(JSON.stringify(await seedDemo(db, logger)));
      }
    });
  });

const importCmd = program.command('import').description('import reference data');
importCmd
  .command('divisions <dir>')
  .description('import national division codes from the NBS CSV layout (provinces.csv, cities.csv, areas.csv, streets.csv)')
  .action(async (dir: string) => {
    const config = loadConfig();
    await withDb(config, 'import divisions', async (db) => console.log(JSON.stringify(await importDivisions(db, dir, { progress: process.stderr.isTTY ?? false }))));
  });

const items = program.command('items').description('export or import implementation items (JSON)');
items
  .command('export <file>')
  .description('write published items to a JSON file')
  .option('--jurisdiction <code>', 'only this jurisdiction and those under it')
  .action(async (file: string, opts: { jurisdiction?: string }) => {
    const config = loadConfig();
    await withDb(config, 'items export', async (db) => console.log(JSON.stringify(await exportItems(db, file, opts))));
  });
items
  .command('import <file>')
  .description('read items from a JSON file: each becomes a new version, published if it passes the publishing rules')
  .action(async (file: string) => {
    const config = loadConfig();
    await withDb(config, 'items import', async (db) => console.log(JSON.stringify(await importItems(db, file))));
  });

const search = program.command('search').description('maintain the search index');
search
  .command('reindex')
  .description('rebuild the search index from the published items (with a progress bar)')
  .action(async () => {
    const config = loadConfig();
    // cli-progress draws only on a terminal; redirected output gets just the result line.
    const bar = new cliProgress.SingleBar({ format: '搜索索引 search index [{bar}] {value}/{total}', stream: process.stderr }, cliProgress.Presets.shades_classic);
    await withDb(config, 'search reindex', async (db) => {
      const result = await reindexSearch(db, {
        onProgress: (done, total) => (done === 0 ? bar.start(total, 0) : bar.update(done)),
      });
      bar.stop();
      console.log(JSON.stringify(result));
    });
  });

class UsageError extends Error {}

try {
  await program.parseAsync(process.argv);
} catch (e) {
  if (e instanceof ConfigError || e instanceof DataDirLockedError || e instanceof MigrationError || e instanceof UsageError) {
    console.error(`onestop: ${e.message}`);
    process.exit(2);
  }
  const err = e as Error & { code?: string; errors?: { field: string; message: string }[] };
  if (err.code && err.name === 'AppError') {
    console.error(`onestop: ${err.message} (${err.code})`);
    for (const f of err.errors ?? []) console.error(`  ${f.field}: ${f.message}`);
    process.exit(1);
  }
  throw e;
}
