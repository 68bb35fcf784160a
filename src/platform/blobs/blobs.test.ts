import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BlobTooLargeError, LocalBlobStore, S3BlobStore, sweepStaging, type BlobStore } from './index.js';

const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const text = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};
/** A stream of `count` chunks of `size` bytes, that fails after them when `fail` is set (a client gone mid-upload). */
function chunks(count: number, size: number, fail = false): Readable {
  let i = 0;
  return new Readable({
    read() {
      if (i < count) this.push(Buffer.alloc(size, i++ % 256));
      else if (fail) this.destroy(new Error('connection reset'));
      else this.push(null);
    },
  });
}
/** Every file under `dir`, recursively. */
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : [];

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'onestop-blobs-'));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

/** The behaviour every store shares; `stored` lists what the backing storage holds, `staging` the staging folder. */
function behavesAsABlobStore(name: string, make: () => { store: BlobStore; stored: () => string[]; staging: string }) {
  describe(name, () => {
    it('stores by SHA-256, gives the content back, and keeps equal content once', async () => {
      const { store, stored } = make();
      const before = stored().length;
      const bytes = Buffer.from('材料 material '.repeat(1000));
      const put = await store.put(Readable.from([bytes.subarray(0, 100), bytes.subarray(100)]));
      expect(put).toEqual({ sha256: sha(bytes), size: bytes.length });
      expect(await store.has(put.sha256)).toBe(true);
      expect((await text((await store.get(put.sha256))!)).equals(bytes)).toBe(true);
      await store.put(Readable.from([bytes]));
      expect(stored().length).toBe(before + 1);
    });

    it('knows nothing of absent or malformed addresses', async () => {
      const { store } = make();
      expect(await store.has(sha(Buffer.from('never stored')))).toBe(false);
      expect(await store.get(sha(Buffer.from('never stored')))).toBeNull();
      expect(await store.get('../../etc/passwd')).toBeNull();
    });

    it('refuses a stream past the limit and keeps no trace of it', async () => {
      const { store, stored, staging } = make();
      const before = stored();
      await expect(store.put(chunks(10, 1024), { maxBytes: 5000 })).rejects.toBeInstanceOf(BlobTooLargeError);
      expect(stored()).toEqual(before);
      expect(filesUnder(staging)).toEqual([]);
    });

    it('keeps nothing of a stream that breaks off half-way', async () => {
      const { store, stored, staging } = make();
      const before = stored();
      await expect(store.put(chunks(5, 1024, true))).rejects.toThrow(/connection reset/);
      expect(stored()).toEqual(before);
      expect(filesUnder(staging)).toEqual([]);
    });

    it('stages without storing until commit, and discard leaves nothing', async () => {
      const { store, staging } = make();
      const bytes = Buffer.from('staged then dropped');
      const staged = await store.stage(Readable.from([bytes]));
      expect((await text(staged.open())).equals(bytes)).toBe(true);
      expect(await store.has(staged.sha256)).toBe(false);
      await staged.discard();
      expect(await store.has(staged.sha256)).toBe(false);
      expect(filesUnder(staging)).toEqual([]);
      const kept = await store.stage(Readable.from([bytes]));
      await kept.commit();
      expect(await store.has(kept.sha256)).toBe(true);
      expect(filesUnder(staging)).toEqual([]);
    });
  });
}

const localRoot = path.join(root, 'local');
behavesAsABlobStore('LocalBlobStore', () => ({
  store: new LocalBlobStore(localRoot),
  stored: () => filesUnder(localRoot).filter((f) => !f.startsWith('tmp')),
  staging: path.join(localRoot, 'tmp'),
}));

it('LocalBlobStore lays blobs out as ab/cd/<sha256>', async () => {
  const store = new LocalBlobStore(path.join(root, 'layout'));
  const { sha256 } = await store.put(Readable.from([Buffer.from('layout')]));
  expect(fs.existsSync(path.join(root, 'layout', sha256.slice(0, 2), sha256.slice(2, 4), sha256))).toBe(true);
});

/**
 * A tiny S3 stand-in (PUT, GET, HEAD object, path-style) that records what it was sent, so the adapter's
 * requests are checked as S3 would see them: method, bucket and key in the path, a plain body of the
 * declared length, and a SigV4 Authorization header.
 */
describe('S3BlobStore against an S3-shaped HTTP server', () => {
  const objects = new Map<string, Buffer>();
  const requests: { method: string; url: string; authorization: string; contentLength?: string; encoding?: string }[] = [];
  let server: http.Server;
  let endpoint: string;

  beforeAll(async () => {
    server = http.createServer(async (req, res) => {
      const body = await text(req);
      requests.push({
        method: req.method!,
        url: req.url!,
        authorization: String(req.headers.authorization ?? ''),
        contentLength: req.headers['content-length'],
        encoding: req.headers['content-encoding'],
      });
      const key = decodeURIComponent(new URL(req.url!, 'http://x').pathname);
      const notFound = () => {
        res.writeHead(404, { 'content-type': 'application/xml' });
        res.end(req.method === 'HEAD' ? undefined : '<?xml version="1.0"?><Error><Code>NoSuchKey</Code><Message>nope</Message></Error>');
      };
      if (req.method === 'PUT') {
        objects.set(key, body);
        res.writeHead(200, { etag: '"x"' }).end();
      } else if (req.method === 'HEAD' || req.method === 'GET') {
        const found = objects.get(key);
        if (!found) return notFound();
        res.writeHead(200, { 'content-length': String(found.length), 'content-type': 'application/octet-stream' });
        res.end(req.method === 'GET' ? found : undefined);
      } else {
        res.writeHead(405).end();
      }
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const staging = path.join(root, 's3-staging');
  behavesAsABlobStore('S3BlobStore', () => ({
    store: new S3BlobStore({ bucket: 'materials', endpoint, region: 'cn-east-1', stagingDir: staging, credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' } }),
    stored: () => [...objects.keys()],
    staging,
  }));

  it('puts the object at /<bucket>/sha256/<hex> with a plain body of its length, signed', async () => {
    const store = new S3BlobStore({ bucket: 'materials', endpoint, region: 'cn-east-1', stagingDir: staging, credentials: { accessKeyId: 'test', secretAccessKey: 'test-secret' } });
    const bytes = Buffer.from('request shape');
    const { sha256 } = await store.put(Readable.from([bytes]));
    const put = requests.filter((r) => r.method === 'PUT').at(-1)!;
    expect(put.url.split('?')[0]).toBe(`/materials/sha256/${sha256}`);
    expect(put.contentLength).toBe(String(bytes.length));
    expect(put.encoding ?? '').not.toMatch(/aws-chunked/);
    expect(put.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=test\/\d{8}\/cn-east-1\/s3\/aws4_request/);
    expect(objects.get(`/materials/sha256/${sha256}`)!.equals(bytes)).toBe(true);
    store.close();
  });
});

describe('sweepStaging', () => {
  it('removes staging files older than the cut-off and leaves newer ones', async () => {
    const dir = path.join(root, 'sweep');
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'old.part'), 'x');
    fs.writeFileSync(path.join(dir, 'new.part'), 'y');
    const dayAgo = new Date(Date.now() - 25 * 3600_000);
    fs.utimesSync(path.join(dir, 'old.part'), dayAgo, dayAgo);
    expect(await sweepStaging(dir, 24 * 3600_000)).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['new.part']);
    expect(await sweepStaging(path.join(root, 'no-such-dir'), 0)).toBe(0);
  });
});
