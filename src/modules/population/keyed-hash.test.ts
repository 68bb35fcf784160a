import { describe, expect, it } from 'vitest';
import { dataKey, keyedHash } from './keyed-hash.js';

describe('keyedHash', () => {
  it('depends on the key and on the kind of number', () => {
    const key = 'k'.repeat(32);
    expect(keyedHash('phone', '13800000000', key)).toMatch(/^[0-9a-f]{64}$/);
    expect(keyedHash('phone', '13800000000', key)).toBe(keyedHash('phone', '13800000000', key));
    expect(keyedHash('phone', '13800000000', key)).not.toBe(keyedHash('bank_card', '13800000000', key));
    expect(keyedHash('phone', '13800000000', key)).not.toBe(keyedHash('phone', '13800000000', 'j'.repeat(32)));
  });
  it('takes ONESTOP_DATA_KEY, refuses a short one, and has no default in production', () => {
    expect(dataKey({ ONESTOP_DATA_KEY: 'x'.repeat(40) })).toBe('x'.repeat(40));
    expect(() => dataKey({ ONESTOP_DATA_KEY: 'short' })).toThrow(/at least 32/);
    expect(() => dataKey({ NODE_ENV: 'production' })).toThrow(/required in production/);
    expect(dataKey({ NODE_ENV: 'development' })).toMatch(/DEVELOPMENT-ONLY/);
  });
});
