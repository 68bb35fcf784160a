import path from 'node:path';
import { z } from 'zod';

/**
 * The whole configuration, read from the environment once at boot and validated here.
 * Development gets working defaults; production refuses the insecure ones.
 */
const ZEnv = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  ONESTOP_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ONESTOP_DEMO: z.enum(['0', '1']).default('1'),
  ONESTOP_ALLOW_PGLITE_IN_PRODUCTION: z.enum(['0', '1']).default('0'),
  ONESTOP_PUBLIC_URL: z.string().url().optional(),
  ONESTOP_PAGE_CACHE_ENTRIES: z.coerce.number().int().min(0).default(5000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).optional(),
  ONESTOP_DATA_KEY: z.string().optional(),
  ONESTOP_MAIL_ADAPTER: z.enum(['log', 'smtp']).default('log'),
  ONESTOP_SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')
    .optional()
    .or(z.literal('').transform(() => undefined)),
  ONESTOP_MAIL_FROM: z.string().min(3).default('onestop <no-reply@localhost>'),
  ONESTOP_BLOB_STORE: z.enum(['local', 's3']).default('local'),
  ONESTOP_S3_BUCKET: z.string().min(1).optional().or(z.literal('').transform(() => undefined)),
  ONESTOP_S3_ENDPOINT: z.string().url().optional().or(z.literal('').transform(() => undefined)),
  ONESTOP_S3_REGION: z.string().min(1).default('us-east-1'),
  ONESTOP_UPLOAD_MAX_FILE_MB: z.coerce.number().positive().max(10_240).default(20),
  ONESTOP_UPLOAD_MAX_CASE_MB: z.coerce.number().positive().max(102_400).default(100),
  ONESTOP_CLAMAV: z
    .string()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}$/, 'must be host:port')
    .optional()
    .or(z.literal('').transform(() => undefined)),
});

/**
 * The fixed key development and tests use when ONESTOP_DATA_KEY is unset. It is public (it is in the
 * source), so it protects nothing: production refuses to start without a key of its own.
 */
export const DEV_DATA_KEY_TEXT = 'onestop-DEVELOPMENT-ONLY-key-32b';
const devDataKey = () => Buffer.from(DEV_DATA_KEY_TEXT, 'utf8');

/** A 32-byte key from 64 hex characters or base64 (standard or url-safe); undefined when it is neither. */
export function parseDataKey(text: string): Buffer | undefined {
  const trimmed = text.trim();
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) return Buffer.from(trimmed, 'hex');
  if (/^[A-Za-z0-9+/_-]{43}=?$/.test(trimmed)) {
    const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (key.length === 32) return key;
  }
  return undefined;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  isProduction: boolean;
  port: number;
  host: string;
  dataDir: string;
  /** PostgreSQL connection string; absent means embedded PGlite under dataDir/pglite. */
  databaseUrl: string | undefined;
  demo: boolean;
  publicUrl: string;
  pageCacheEntries: number;
  logLevel: string;
  /** 32-byte key for field encryption and lookup hashes (ONESTOP_DATA_KEY; a public dev key outside production). */
  dataKey: Buffer;
  /** How e-mail leaves the outbox (ONESTOP_MAIL_ADAPTER): `log` writes a log line, `smtp` sends through smtpUrl. */
  mailAdapter: 'log' | 'smtp';
  /** smtp://user:pass@host:port (ONESTOP_SMTP_URL); required with the smtp adapter. */
  smtpUrl: string | undefined;
  /** The From of outgoing e-mail (ONESTOP_MAIL_FROM). */
  mailFrom: string;
  /** Where uploaded files go (ONESTOP_BLOB_STORE): `local` files under dataDir/blobs, or `s3`. */
  blobStore: 'local' | 's3';
  /** The bucket with ONESTOP_BLOB_STORE=s3; credentials come from the standard AWS_* environment variables. */
  s3: { bucket: string; endpoint: string | undefined; region: string } | undefined;
  /** Largest single upload, in bytes (ONESTOP_UPLOAD_MAX_FILE_MB). */
  uploadMaxFileBytes: number;
  /** Largest total of the files one case may claim, in bytes (ONESTOP_UPLOAD_MAX_CASE_MB). */
  uploadMaxCaseBytes: number;
  /** clamd to scan uploads with (ONESTOP_CLAMAV=host:port); none: uploads are not virus-scanned. */
  clamav: { host: string; port: number } | undefined;
}

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZEnv.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const isProduction = e.NODE_ENV === 'production';
  if (isProduction && !e.DATABASE_URL && e.ONESTOP_ALLOW_PGLITE_IN_PRODUCTION !== '1') {
    throw new ConfigError(
      'Refusing to start in production on embedded PGlite: it does not fsync and can lose committed data.\n' +
        'Set DATABASE_URL to a PostgreSQL server, or set ONESTOP_ALLOW_PGLITE_IN_PRODUCTION=1 to accept the risk.',
    );
  }
  if (e.ONESTOP_MAIL_ADAPTER === 'smtp' && !e.ONESTOP_SMTP_URL) {
    throw new ConfigError('Invalid configuration:\n  ONESTOP_SMTP_URL: required when ONESTOP_MAIL_ADAPTER=smtp (smtp://user:pass@host:port)');
  }
  if (e.ONESTOP_BLOB_STORE === 's3' && !e.ONESTOP_S3_BUCKET) {
    throw new ConfigError('Invalid configuration:\n  ONESTOP_S3_BUCKET: required when ONESTOP_BLOB_STORE=s3');
  }
  const mebibytes = (n: number) => Math.floor(n * 1024 * 1024);
  return {
    blobStore: e.ONESTOP_BLOB_STORE,
    s3: e.ONESTOP_BLOB_STORE === 's3' ? { bucket: e.ONESTOP_S3_BUCKET!, endpoint: e.ONESTOP_S3_ENDPOINT, region: e.ONESTOP_S3_REGION } : undefined,
    uploadMaxFileBytes: mebibytes(e.ONESTOP_UPLOAD_MAX_FILE_MB),
    uploadMaxCaseBytes: mebibytes(e.ONESTOP_UPLOAD_MAX_CASE_MB),
    clamav: e.ONESTOP_CLAMAV ? { host: e.ONESTOP_CLAMAV.replace(/:\d+$/, ''), port: Number(e.ONESTOP_CLAMAV.replace(/^.*:/, '')) } : undefined,
    dataKey: resolveDataKey(e.ONESTOP_DATA_KEY, isProduction),
    mailAdapter: e.ONESTOP_MAIL_ADAPTER,
    smtpUrl: e.ONESTOP_SMTP_URL,
    mailFrom: e.ONESTOP_MAIL_FROM,
    env: e.NODE_ENV,
    isProduction,
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.ONESTOP_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    demo: e.ONESTOP_DEMO === '1',
    publicUrl: e.ONESTOP_PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    pageCacheEntries: e.ONESTOP_PAGE_CACHE_ENTRIES,
    logLevel: e.LOG_LEVEL ?? (e.NODE_ENV === 'test' ? 'silent' : 'info'),
  };
}

function resolveDataKey(text: string | undefined, isProduction: boolean): Buffer {
  if (text === undefined || text === '') {
    if (isProduction) {
      throw new ConfigError(
        'Refusing to start in production without ONESTOP_DATA_KEY: ID numbers and phones are encrypted with it.\n' +
          'Generate one with `openssl rand -hex 32` and keep it safe: losing it loses the encrypted data.',
      );
    }
    return devDataKey();
  }
  const key = parseDataKey(text);
  if (!key) throw new ConfigError('Invalid configuration:\n  ONESTOP_DATA_KEY: must be 32 bytes as 64 hex characters or base64');
  if (isProduction && key.equals(devDataKey())) {
    throw new ConfigError('Refusing to start in production with the public development ONESTOP_DATA_KEY.');
  }
  return key;
}
