/**
 * Brute-force limits on sign-in. Failures are counted in identity.sign_in_event (so the limit holds
 * across server processes), over a 15-minute window: per account (the username's lookup hash, failures
 * since its last success) and per client address. From the threshold on, each further failure doubles
 * the wait before the next attempt (progressive delay), capped at the window.
 */
export const FAILURE_WINDOW_MINUTES = 15;
export const ACCOUNT_FAILURE_THRESHOLD = 5;
export const ADDRESS_FAILURE_THRESHOLD = 20;
const FIRST_DELAY_SECONDS = 30;
const MAX_DELAY_SECONDS = FAILURE_WINDOW_MINUTES * 60;

export interface FailureCount {
  failures: number;
  /** Epoch milliseconds of the latest counted failure; null when there is none. */
  lastFailureAt: number | null;
}

/** Seconds the client must wait before it may try again, or 0 when it may try now. */
export function retryAfterSeconds(count: FailureCount, threshold: number, now: number): number {
  if (count.failures < threshold || count.lastFailureAt === null) return 0;
  const delay = Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (count.failures - threshold));
  return Math.max(0, Math.ceil((count.lastFailureAt + delay * 1000 - now) / 1000));
}
