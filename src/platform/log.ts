import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

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

/** Mask 18-digit citizen ID numbers anywhere in a string (e.g. a logged URL or message). */
export function maskIdNumbers(text: string): string {
  return text.replace(/\b(\d{4})\d{10}(\d{3}[\dXx])\b/g, '$1**********$2');
}

/** The parts of a request Fastify logs (its own default), with ID numbers in the URL masked. */
interface LoggedRequest {
  method: string;
  url: string;
  host?: string;
  ip?: string;
  headers?: Record<string, unknown>;
  socket?: { remotePort?: number };
}

/**
 * A URL such as /api/v1/persons/330106199001011234 would otherwise put a citizen's ID number in
 * every log line of the request; so would an error message that quotes it.
 */
const SERIALIZERS = {
  req: (req: LoggedRequest) => ({
    method: req.method,
    url: maskIdNumbers(req.url),
    version: req.headers?.['accept-version'],
    host: req.host,
    remoteAddress: req.ip,
    remotePort: req.socket?.remotePort,
  }),
  err: (err: Error) => {
    const out = stdSerializers.err(err);
    return { ...out, message: maskIdNumbers(out.message), ...(out.stack ? { stack: maskIdNumbers(out.stack) } : {}) };
  },
};

/** `destination` is for tests that capture the lines; by default pino writes to stdout. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    {
      level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      serializers: SERIALIZERS,
      hooks: {
        // Messages are masked too: `log.info('no item ' + url)` must not leak an ID number either.
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === 'string' ? maskIdNumbers(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

export type { Logger };
