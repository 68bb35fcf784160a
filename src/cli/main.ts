import crypto from 'node:crypto';
import { Command } from 'commander';
import cliProgress from 'cli-progress';
import { ConfigError, loadConfig, type Config } from '../platform/config.js';
import { FieldCrypto } from '../platform/crypto.js';
import { openDb, type Db } from '../platform/db/index.js';
import { DataDirLockedError } from '../platform/db/data-dir-lock.js';
import { migrate, MigrationError } from '../platform/db/migrate.js';
import { createLogger } from '../platform/log.js';
import { serve } from '../serve.js';
import { createStaff, type IdentityDeps } from '../modules/identity/index.js';
import { listDemoAccounts, seedDemo, seedScale } from '../modules/demo/index.js';
import { importDivisions, exportItems, importItems, isCatalogueEmpty, reindexSearch } from '../modules/catalog/index.js';
import { purgeExpiredIdentityData } from '../modules/identity/index.js';
import { addOidcClient, oidcClientInputSchema, rotateSigningKeys } from '../modules/identity/index.js';
import { chinaToday, deemAcceptedCases } from '../modules/cases/index.js';

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
        console.log(JSON.stringify(await seedDemo(db, new FieldCrypto(config.dataKey), logger)));
      }
    });
  });

const demo = program.command('demo').description('the demo data');
demo
  .command('accounts')
  .description('list the demo accounts and their credentials (demo data only)')
  .option('--json', 'one JSON array: {username, password, totpSecret?, kind, level?, agency?, roles?}')
  .action(async (opts: { json?: boolean }) => {
    const config = loadConfig();
    await withDb(config, 'demo accounts', async (db) => {
      if (await isCatalogueEmpty(db)) throw new UsageError('the demo is not seeded here: run `onestop seed --demo` or start the server once');
      const accounts = await listDemoAccounts(db);
      if (opts.json) return console.log(JSON.stringify(accounts, null, 2));
      for (const a of accounts) {
        const where = a.agency ? ` ${a.agency.name} [${a.roles!.join(',')}]` : a.level !== undefined ? ` level ${a.level}` : '';
        console.log(`${a.kind.padEnd(7)} ${a.username.padEnd(20)} ${a.password.padEnd(14)} ${a.totpSecret ? `TOTP ${a.totpSecret} ` : ''}${a.name}${where}`);
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

const staff = program.command('staff').description('staff accounts (工作人员)');
staff
  .command('add')
  .description('add a staff member (the first platform admin, in production): prints the initial password and TOTP secret once')
  .requiredOption('--login <name>', 'login name: 3-32 lowercase letters, digits, . _ -, starting with a letter')
  .requiredOption('--name <name>', 'the person\'s name')
  .requiredOption('--agency <id>', 'the agency (catalogue agency id)')
  .requiredOption('--roles <codes>', 'comma-separated role codes, e.g. platform_admin or agency_admin,handler')
  .option('--json', 'print {"id", "loginName", "agencyId", "roles", "password", "totpSecret", "totpUri"}')
  .action(async (opts: { login: string; name: string; agency: string; roles: string; json?: boolean }) => {
    const config = loadConfig();
    if (!/^[1-9][0-9]{0,15}$/.test(opts.agency)) throw new UsageError(`--agency must be an agency id (a positive number), not '${opts.agency}'`);
    const roles = opts.roles.split(',').map((r) => r.trim()).filter(Boolean);
    if (roles.length === 0) throw new UsageError('--roles needs at least one role code');
    await withDb(config, 'staff add', async (db) => {
      const deps: IdentityDeps = { db, fields: new FieldCrypto(config.dataKey), logger: createLogger(config.logLevel), config };
      const meta = { ip: 'cli', userAgent: 'onestop staff add', requestId: crypto.randomUUID() };
      const agencyId = Number(opts.agency);
      const created = await createStaff(deps, 'cli', { loginName: opts.login, name: opts.name, agencyId, roles }, meta);
      if (opts.json) {
        console.log(JSON.stringify({ id: created.staffId, loginName: created.loginName, agencyId, roles, password: created.password, totpSecret: created.totpSecret, totpUri: created.totpUri }));
        return;
      }
      console.log(`工作人员已创建 staff member created: ${created.loginName} (${created.staffId})`);
      console.log(`初始密码 password:       ${created.password}`);
      console.log(`动态口令密钥 TOTP secret: ${created.totpSecret}`);
      console.log(`otpauth URI:             ${created.totpUri}`);
      console.log('以上信息只显示这一次。Shown this once: hand them over in person.');
    });
  });

const identity = program.command('identity').description('unified identity maintenance');
identity
  .command('purge')
  .description('delete ended sessions (30 days), old sign-in events (180 days), spent one-time codes and MFA challenges, delivered notifications (90 days)')
  .action(async () => {
    const config = loadConfig();
    await withDb(config, 'identity purge', async (db) => console.log(JSON.stringify(await purgeExpiredIdentityData(db, { actor: 'cli' }))));
  });

const cases = program.command('cases').description('cases (办件) maintenance');
cases
  .command('deem-accepted')
  .description('视为受理 (art. 32): accept the received cases nobody acted on within 5 working days, as the server loop does')
  .option('--today <date>', 'the day to judge by (YYYY-MM-DD, China time); default today')
  .action(async (opts: { today?: string }) => {
    const config = loadConfig();
    if (opts.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.today)) throw new UsageError('--today must be YYYY-MM-DD');
    await withDb(config, 'cases deem-accepted', async (db) =>
      console.log(JSON.stringify(await deemAcceptedCases({ db, logger: createLogger(config.logLevel) }, opts.today ?? chinaToday()))),
    );
  });

const keys = program.command('keys').description('OpenID Connect signing keys (签名密钥)');
keys
  .command('rotate')
  .description('make a new signing key current; the old one stays published for verification until the longest token lifetime has passed')
  .action(async () => {
    const config = loadConfig();
    await withDb(config, 'keys rotate', async (db) => console.log(JSON.stringify(await rotateSigningKeys({ db, fields: new FieldCrypto(config.dataKey) }, 'cli'))));
  });

const oidcCmd = program.command('oidc').description('single sign-on for agency systems (OpenID Connect)');
oidcCmd
  .command('clients')
  .description('the systems that sign their users in through onestop (接入系统)')
  .command('add')
  .description('register a system; prints its client_id and (for a confidential client) its secret, once')
  .requiredOption('--name <name>', 'the system\'s name, shown on the consent screen')
  .requiredOption('--redirect-uri <uri...>', 'redirect URIs, matched exactly')
  .requiredOption('--scopes <scopes>', 'space-separated scopes: openid (required) profile phone identity legal_person offline_access')
  .requiredOption('--sector <host>', 'sector of the pairwise sub, a host name such as tax.zj.gov.cn')
  .option('--post-logout-redirect-uri <uri...>', 'where RP-initiated logout may return to')
  .option('--public', 'a public client (browser or mobile app): no secret, PKCE only')
  .option('--json', 'print {"client_id": …, "client_secret": …}')
  .action(async (opts: { name: string; redirectUri: string[]; scopes: string; sector: string; postLogoutRedirectUri?: string[]; public?: boolean; json?: boolean }) => {
    const config = loadConfig();
    const parsed = oidcClientInputSchema(config.isProduction).safeParse({
      name: opts.name,
      redirectUris: opts.redirectUri,
      postLogoutRedirectUris: opts.postLogoutRedirectUri ?? [],
      scopes: opts.scopes,
      sector: opts.sector,
      type: opts.public ? 'public' : 'confidential',
    });
    if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${i.message}`).join('\n  '));
    await withDb(config, 'oidc clients add', async (db) => {
      const added = await addOidcClient({ db, fields: new FieldCrypto(config.dataKey) }, parsed.data, { actor: 'cli' });
      if (opts.json) return console.log(JSON.stringify({ client_id: added.clientId, client_secret: added.clientSecret }));
      console.log(`接入系统已登记 client registered: ${parsed.data.name}`);
      console.log(`client_id:     ${added.clientId}`);
      console.log(`client_secret: ${added.clientSecret ?? '(public client: none, use PKCE)'}`);
      if (added.clientSecret) console.log('密钥只显示这一次。The secret is shown this once.');
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
