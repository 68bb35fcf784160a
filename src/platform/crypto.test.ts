import crypto from 'node:crypto';
import { describe, it, expect } from 'vitest';
import { FieldCrypto } from './crypto.js';
import { ConfigError, loadConfig, parseDataKey } from './config.js';

const key = crypto.randomBytes(32);
const fields = new FieldCrypto(key);

describe('FieldCrypto', () => {
  it('round-trips text, with a fresh IV each time', () => {
    const a = fields.encrypt('11010519491231002X');
    const b = fields.encrypt('11010519491231002X');
    expect(a).toMatch(/^v1:[A-Za-z0-9_-]{16}:[A-Za-z0-9_-]{22}:[A-Za-z0-9_-]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('11010519491231002X');
    expect(fields.decrypt(a)).toBe('11010519491231002X');
    expect(fields.decrypt(fields.encrypt('张三 13800000000'))).toBe('张三 13800000000');
  });

  it('refuses altered ciphertext and another key', () => {
    const value = fields.encrypt('secret');
    const [v, iv, tag, ct] = value.split(':') as [string, string, string, string];
    const flipped = Buffer.from(ct, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => fields.decrypt([v, iv, tag, flipped.toString('base64url')].join(':'))).toThrow();
    expect(() => new FieldCrypto(crypto.randomBytes(32)).decrypt(value)).toThrow();
    expect(() => fields.decrypt('plain text')).toThrow();
  });

  it('gives stable keyed lookup hashes, apart by purpose and by key', () => {
    const h = fields.lookupHash('id_number', '11010519491231002X');
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(fields.lookupHash('id_number', '11010519491231002X')).toBe(h);
    expect(fields.lookupHash('phone', '11010519491231002X')).not.toBe(h);
    expect(new FieldCrypto(crypto.randomBytes(32)).lookupHash('id_number', '11010519491231002X')).not.toBe(h);
  });

  it('wants a 32-byte key', () => {
    expect(() => new FieldCrypto(Buffer.alloc(16))).toThrow(RangeError);
  });
});

describe('ONESTOP_DATA_KEY', () => {
  it('reads hex and base64, and rejects other lengths', () => {
    expect(parseDataKey(key.toString('hex'))?.equals(key)).toBe(true);
    expect(parseDataKey(key.toString('base64'))?.equals(key)).toBe(true);
    expect(parseDataKey(key.toString('base64url'))?.equals(key)).toBe(true);
    expect(parseDataKey('abcd')).toBeUndefined();
    expect(() => loadConfig({ NODE_ENV: 'test', ONESTOP_DATA_KEY: 'too short' })).toThrow(ConfigError);
  });

  it('falls back to the dev key outside production and refuses to start in production without a real key', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).dataKey).toHaveLength(32);
    const production = { NODE_ENV: 'production', DATABASE_URL: 'postgres://x/y' };
    expect(() => loadConfig(production)).toThrow(/ONESTOP_DATA_KEY/);
    expect(() => loadConfig({ ...production, ONESTOP_DATA_KEY: Buffer.from('onestop-DEVELOPMENT-ONLY-key-32b').toString('hex') })).toThrow(ConfigError);
    expect(loadConfig({ ...production, ONESTOP_DATA_KEY: key.toString('hex') }).dataKey.equals(key)).toBe(true);
  });
});
