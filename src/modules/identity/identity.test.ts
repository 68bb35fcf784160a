import { describe, it, expect } from 'vitest';
import { maskIdNumber, maskPhone } from './masking.js';
import { COMMON_PASSWORDS } from './common-passwords.js';
import { hashPassword, passwordProblems, Semaphore, verifyAgainstDecoy, verifyPassword } from './passwords.js';
import { retryAfterSeconds } from './sign-in-limits.js';

describe('password policy', () => {
  it('refuses short passwords and common ones, in any case', () => {
    expect(passwordProblems('Ab3$xyz').map((p) => p.code)).toEqual(['password_too_short']);
    expect(passwordProblems('woaini1314').map((p) => p.code)).toEqual(['password_too_common']);
    expect(passwordProblems('PASSWORD123').map((p) => p.code)).toEqual(['password_too_common']);
    expect(passwordProblems('西湖边的三棵柳树2026')).toEqual([]);
    expect(COMMON_PASSWORDS.size).toBeGreaterThanOrEqual(100);
  });

  it('hashes with argon2id and verifies', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'wrong horse battery')).toBe(false);
    expect(await verifyPassword('not a hash', 'x')).toBe(false);
    expect(await verifyAgainstDecoy('anything')).toBe(false);
  });
});

describe('Semaphore', () => {
  it('runs at most `limit` tasks at once', async () => {
    const slots = new Semaphore(2);
    let running = 0;
    let peak = 0;
    const task = () =>
      slots.run(async () => {
        peak = Math.max(peak, ++running);
        await new Promise((resolve) => setTimeout(resolve, 5));
        running--;
      });
    await Promise.all([task(), task(), task(), task(), task()]);
    expect(peak).toBe(2);
  });
});

describe('masking', () => {
  it('keeps the region prefix and the last four', () => {
    expect(maskIdNumber('33010619900307123X')).toBe('3301**********123X');
    expect(maskPhone('13812345678')).toBe('138****5678');
  });
});

describe('retryAfterSeconds', () => {
  const now = 1_000_000_000;
  it('lets a client try while under the threshold', () => {
    expect(retryAfterSeconds({ failures: 4, lastFailureAt: now }, 5, now)).toBe(0);
  });
  it('doubles the wait with each failure past the threshold, up to the window', () => {
    expect(retryAfterSeconds({ failures: 5, lastFailureAt: now }, 5, now)).toBe(30);
    expect(retryAfterSeconds({ failures: 6, lastFailureAt: now }, 5, now)).toBe(60);
    expect(retryAfterSeconds({ failures: 50, lastFailureAt: now }, 5, now)).toBe(900);
    expect(retryAfterSeconds({ failures: 5, lastFailureAt: now - 20_000 }, 5, now)).toBe(10);
    expect(retryAfterSeconds({ failures: 5, lastFailureAt: now - 31_000 }, 5, now)).toBe(0);
  });
});
