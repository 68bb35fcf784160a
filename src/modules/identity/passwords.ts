import { hash, verify } from '@node-rs/argon2';
import type { FieldError } from '../../platform/errors.js';
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** Field errors for a new password (empty when it is acceptable), in Chinese first. */
export function passwordProblems(password: string, field = 'body.password'): FieldError[] {
  if ([...password].length < PASSWORD_MIN_LENGTH) {
    return [{ field, code: 'password_too_short', message: `密码至少 ${PASSWORD_MIN_LENGTH} 位 (at least ${PASSWORD_MIN_LENGTH} characters)` }];
  }
  if (COMMON_PASSWORDS.has(password.toLowerCase())) {
    return [{ field, code: 'password_too_common', message: '密码过于常见，请换一个 (this password is too common)' }];
  }
  return [];
}

/**
 * At most `limit` argon2 computations at once: each takes ~19 MiB and a thread for tens of
 * milliseconds, so a burst of sign-ins queues here instead of exhausting memory and the libuv pool.
 */
export class Semaphore {
  #free: number;
  readonly #waiting: (() => void)[] = [];

  constructor(limit: number) {
    this.#free = limit;
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((resolve) => this.#waiting.push(resolve));
    try {
      return await fn();
    } finally {
      const next = this.#waiting.shift();
      if (next) next();
      else this.#free++;
    }
  }
}

const argon2Slots = new Semaphore(4);

/** argon2id (the library's default algorithm and cost: 19 MiB, 2 passes; the unit test checks the prefix). */
export function hashPassword(password: string): Promise<string> {
  return argon2Slots.run(() => hash(password));
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return argon2Slots.run(() => verify(passwordHash, password).catch(() => false));
}

let decoyHash: Promise<string> | undefined;
/** Spend the same argon2 work as a real check, for usernames that match no account. */
export async function verifyAgainstDecoy(password: string): Promise<false> {
  decoyHash ??= hashPassword('decoy password that no account has');
  await verifyPassword(await decoyHash, password);
  return false;
}
