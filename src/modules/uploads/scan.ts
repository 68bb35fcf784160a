/**
 * The scanning hook (病毒扫描): every upload passes a scanner before it is kept. Without ONESTOP_CLAMAV the
 * hook lets everything through; with it, clamd scans the bytes over TCP (INSTREAM). An unreachable or
 * confused scanner refuses the upload (fail closed) rather than keep an unscanned file.
 */
import net from 'node:net';
import type { Readable } from 'node:stream';

export type ScanResult = { clean: true } | { clean: false; signature: string };

export interface UploadScanner {
  scan(content: Readable): Promise<ScanResult>;
}

/** The scanner scanned nothing it could vouch for: unreachable, timed out, or an answer we do not know. */
export class ScannerUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ScannerUnavailableError';
  }
}

export const noScanner: UploadScanner = { scan: async () => ({ clean: true }) };

/** clamd's largest INSTREAM chunk is set by StreamMaxLength; 64 KiB chunks stay far below any setting. */
const CHUNK = 64 * 1024;

export function clamavScanner(options: { host: string; port: number; timeoutMs?: number }): UploadScanner {
  return {
    scan: (content) =>
      new Promise<ScanResult>((resolve, reject) => {
        const socket = net.connect({ host: options.host, port: options.port });
        const replies: Buffer[] = [];
        let done = false;
        const fail = (e: unknown) => {
          if (done) return;
          done = true;
          socket.destroy();
          content.destroy();
          reject(e instanceof ScannerUnavailableError ? e : new ScannerUnavailableError('clamd unavailable', { cause: e }));
        };
        socket.setTimeout(options.timeoutMs ?? 30_000, () => fail(new ScannerUnavailableError('clamd timed out')));
        socket.on('error', fail);
        socket.on('data', (data) => replies.push(data));
        socket.on('end', () => {
          if (done) return;
          done = true;
          socket.destroy();
          const reply = Buffer.concat(replies).toString('utf8').replace(/\0/g, '').trim();
          const result = parseClamdReply(reply);
          if (result) resolve(result);
          else reject(new ScannerUnavailableError(`clamd answered: ${reply.slice(0, 200)}`));
        });
        socket.on('connect', () => {
          void (async () => {
            socket.write('zINSTREAM\0');
            for await (const chunk of content) {
              const bytes = chunk as Buffer;
              for (let at = 0; at < bytes.length; at += CHUNK) {
                const part = bytes.subarray(at, at + CHUNK);
                const length = Buffer.alloc(4);
                length.writeUInt32BE(part.length);
                if (!socket.write(Buffer.concat([length, part]))) await new Promise((r) => socket.once('drain', r));
                if (done) return;
              }
            }
            socket.end(Buffer.alloc(4));
          })().catch(fail);
        });
      }),
  };
}

/** clamd's reply to INSTREAM: `stream: OK`, `stream: <signature> FOUND`; anything else (an ERROR) is null. */
export function parseClamdReply(reply: string): ScanResult | null {
  if (/^stream: OK$/.test(reply)) return { clean: true };
  const found = /^stream: (.+) FOUND$/.exec(reply);
  return found ? { clean: false, signature: found[1]! } : null;
}
