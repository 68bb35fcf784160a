import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clamavScanner, parseClamdReply, ScannerUnavailableError } from './scan.js';
import { EICAR, startFakeClamd } from './testing/fake-clamd.js';

describe('clamavScanner (INSTREAM) against a fake clamd', () => {
  let clamd: Awaited<ReturnType<typeof startFakeClamd>>;
  beforeAll(async () => {
    clamd = await startFakeClamd();
  });
  afterAll(() => clamd.close());

  it('passes clean content, sent whole in length-prefixed chunks', async () => {
    const big = Buffer.alloc(200 * 1024, 7);
    const result = await clamavScanner({ host: '127.0.0.1', port: clamd.port }).scan(Readable.from([big.subarray(0, 1000), big.subarray(1000)]));
    expect(result).toEqual({ clean: true });
    expect(clamd.received.at(-1)!.equals(big)).toBe(true);
  });

  it('reports the signature of infected content', async () => {
    const result = await clamavScanner({ host: '127.0.0.1', port: clamd.port }).scan(Readable.from([Buffer.from(EICAR)]));
    expect(result).toEqual({ clean: false, signature: 'Eicar-Test-Signature' });
  });

  it('fails closed when clamd is unreachable', async () => {
    const closed = await startFakeClamd();
    await closed.close();
    await expect(clamavScanner({ host: '127.0.0.1', port: closed.port }).scan(Readable.from([Buffer.from('x')]))).rejects.toBeInstanceOf(
      ScannerUnavailableError,
    );
  });
});

describe('parseClamdReply', () => {
  it('reads OK, FOUND, and nothing else', () => {
    expect(parseClamdReply('stream: OK')).toEqual({ clean: true });
    expect(parseClamdReply('stream: Win.Test.EICAR_HDB-1 FOUND')).toEqual({ clean: false, signature: 'Win.Test.EICAR_HDB-1' });
    expect(parseClamdReply('INSTREAM size limit exceeded. ERROR')).toBeNull();
  });
});
