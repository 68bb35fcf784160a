import { pino, type Logger } from 'pino';

/** Keys whose values never reach a log line: personal ID numbers, secrets, credentials. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'res.headers["set-cookie"]',
  '*.password',
  '*.idNumber',
  '*.id_number',
  '*.totp',
  '*.secret',
];

export function createLogger(level: string): Logger {
  return pino({ level, redact: { paths: REDACTED_PATHS, censor: '[redacted]' } });
}

/** Mask 18-digit citizen ID numbers anywhere in a string (e.g. a logged URL or message). */
export function maskIdNumbers(text: string): string {
  return text.replace(/\b(\d{4})\d{10}(\d{3}[\dXx])\b/g, '$1**********$2');
}

export type { Logger };
