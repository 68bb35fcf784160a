import crypto from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../platform/checksums.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { claimUploads, uploadsOf } from './index.js';
import { docxSample, jpegSample, ofdSample, pdfSample, pngSample, textSample } from './testing/samples.js';
import { EICAR, startFakeClamd } from './testing/fake-clamd.js';

/** Small on purpose: 0.05 MB = 52,428 bytes, so "too large" needs no big buffers. */
const MAX_FILE_BYTES = Math.floor(0.05 * 1024 * 1024);

let t: TestApp;
let clamd: Awaited<ReturnType<typeof startFakeClamd>>;
beforeAll(async () => {
  clamd = await startFakeClamd();
  t = await createTestApp({ seed: 'empty', env: { ONESTOP_UPLOAD_MAX_FILE_MB: '0.05', ONESTOP_CLAMAV: `127.0.0.1:${clamd.port}` } });
});
afterAll(async () => {
  await t?.close();
  await clamd?.close();
});

const PASSWORD = '西湖边的三棵柳树2026';
const idNumber = (serial: string) => {
  const first17 = `33010619900307${serial}`;
  return first17 + citizenIdCheckChar(first17);
};

interface Person {
  cookie: string;
  token: string;
  personId: string;
}

/** Register, sign in, and pick up a CSRF cookie and token from a page with a form. */
async function person(serial: string, phone: string): Promise<Person> {
  const id = idNumber(serial);
  const reg = await t.inject({ method: 'POST', url: '/api/v1/auth/register', payload: { name: '王五', idNumber: id, phone, password: PASSWORD } });
  expect(reg.statusCode).toBe(201);
  const login = await t.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username: id, password: PASSWORD }, remoteAddress: `10.0.0.${serial}` });
  expect(login.statusCode).toBe(200);
  const sid = login.cookies.find((c) => c.name === 'sid')!.value;
  const page = await t.inject({ url: '/login' });
  const csrf = page.cookies.find((c) => c.name === 'csrf')!.value;
  const token = /name="_csrf" value="([^"]+)"/.exec(page.body)![1]!;
  const me = await t.inject({ url: '/api/v1/me', headers: { cookie: `sid=${sid}` } });
  expect(me.statusCode).toBe(200);
  const [row] = await t.db.query<{ id: string }>('SELECT session.person_id AS id FROM identity.session WHERE person_id IS NOT NULL ORDER BY created_at DESC LIMIT 1');
  return { cookie: `sid=${sid}; csrf=${csrf}`, token, personId: row!.id };
}

const BOUNDARY = '----onestop-test-boundary';
/** A multipart/form-data body: the fields first (as a browser sends a form's hidden inputs), then the file. */
function multipart(file: { name: string; type?: string; bytes: Buffer } | null, fields: Record<string, string> = {}): Buffer {
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (file) {
    parts.push(
      Buffer.from(`--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type ?? 'application/pdf'}\r\n\r\n`),
      file.bytes,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${BOUNDARY}--\r\n`));
  return Buffer.concat(parts);
}

const upload = (who: Person | null, file: { name: string; type?: string; bytes: Buffer } | null, options: { header?: boolean; fields?: Record<string, string> } = {}) =>
  t.inject({
    method: 'POST',
    url: '/api/v1/uploads',
    headers: {
      'content-type': `multipart/form-data; boundary=${BOUNDARY}`,
      ...(who ? { cookie: who.cookie } : {}),
      ...(who && options.header !== false ? { 'x-csrf-token': who.token } : {}),
    },
    payload: multipart(file, options.fields),
  });

const sha = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');
const blobsDir = () => path.join(t.app.context.config.dataDir, 'blobs');
const filesUnder = (dir: string): string[] =>
  fs.existsSync(dir) ? (fs.readdirSync(dir, { recursive: true }) as string[]).filter((f) => fs.statSync(path.join(dir, f)).isFile()) : [];
const storedBlobs = () => filesUnder(blobsDir()).filter((f) => !f.startsWith('tmp'));
const stagedFiles = () => filesUnder(path.join(blobsDir(), 'tmp'));
const rowCount = async () => (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM uploads.upload'))[0]!.n;

let alice: Person;
let bob: Person;
beforeAll(async () => {
  alice = await person('201', '13800000201');
  bob = await person('202', '13800000202');
});

describe('POST /api/v1/uploads', () => {
  it('stores a PDF by its SHA-256, records it for its owner, audits it without its name, and gives it back to the owner', async () => {
    const bytes = pdfSample();
    const res = await upload(alice, { name: '营业执照 330106199003072011.pdf', bytes });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body).toEqual({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), sha256: sha(bytes), size: bytes.length, mediaType: 'application/pdf' });
    expect(storedBlobs()).toContain(path.join(body.sha256.slice(0, 2), body.sha256.slice(2, 4), body.sha256));
    expect(stagedFiles()).toEqual([]);

    const [row] = await t.db.query<Record<string, unknown>>('SELECT owner, name, attached_to FROM uploads.upload WHERE id = $1', [body.id]);
    expect(row).toEqual({ owner: `person:${alice.personId}`, name: '营业执照 330106199003072011.pdf', attached_to: null });
    const [audit] = await t.db.query<{ detail: unknown; actor: string }>(
      "SELECT actor, detail FROM platform.audit_log WHERE action = 'uploads.upload.received' AND subject = $1",
      [`upload:${body.id}`],
    );
    expect(audit!.actor).toBe(`person:${alice.personId}`);
    expect(JSON.stringify(audit!.detail)).not.toMatch(/330106199003072011|营业执照/);

    const got = await t.inject({ url: `/api/v1/uploads/${body.id}`, headers: { cookie: alice.cookie } });
    expect(got.statusCode).toBe(200);
    expect(got.headers['content-type']).toBe('application/pdf');
    expect(got.headers['content-disposition']).toMatch(/^inline;/);
    expect(got.rawPayload.equals(bytes)).toBe(true);
  });

  it.each([
    ['PNG', pngSample(), 'image/png'],
    ['JPEG', jpegSample(), 'image/jpeg'],
    ['DOCX', docxSample(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['OFD', ofdSample(), 'application/ofd'],
  ])('accepts %s, typed by its content whatever its name', async (_kind, bytes, mediaType) => {
    const res = await upload(alice, { name: 'scan.bin', type: 'application/octet-stream', bytes });
    expect(res.statusCode).toBe(201);
    expect(res.json().mediaType).toBe(mediaType);
  });

  it('takes the token as a form field before the file, as a page form sends it', async () => {
    const res = await upload(alice, { name: 'a.png', bytes: pngSample() }, { header: false, fields: { _csrf: alice.token } });
    expect(res.statusCode).toBe(201);
  });

  it('refuses a session-cookie upload without the CSRF token, keeping nothing', async () => {
    const before = await rowCount();
    const bytes = Buffer.concat([pdfSample(), Buffer.from('csrf-less')]);
    const res = await upload(alice, { name: 'a.pdf', bytes }, { header: false });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('csrf_failed');
    expect(await rowCount()).toBe(before);
    expect(storedBlobs().some((f) => f.endsWith(sha(bytes)))).toBe(false);
  });

  it('answers 413 for a file over the limit and keeps nothing, not even the partial file', async () => {
    const before = await rowCount();
    const bytes = Buffer.concat([pdfSample(), Buffer.alloc(MAX_FILE_BYTES, 0x20)]);
    const res = await upload(alice, { name: 'big.pdf', bytes });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe('payload_too_large');
    expect(await rowCount()).toBe(before);
    expect(storedBlobs().some((f) => f.endsWith(sha(bytes)))).toBe(false);
    expect(stagedFiles()).toEqual([]);
  });

  it('accepts a file of exactly the limit', async () => {
    const bytes = Buffer.concat([pdfSample(), Buffer.alloc(MAX_FILE_BYTES - pdfSample().length, 0x20)]);
    expect((await upload(alice, { name: 'edge.pdf', bytes })).statusCode).toBe(201);
  });

  it('answers 415 for text named .pdf and keeps nothing', async () => {
    const before = await rowCount();
    const bytes = textSample();
    const res = await upload(alice, { name: '申请书.pdf', type: 'application/pdf', bytes });
    expect(res.statusCode).toBe(415);
    expect(res.json().code).toBe('unsupported_media_type');
    expect(await rowCount()).toBe(before);
    expect(storedBlobs().some((f) => f.endsWith(sha(bytes)))).toBe(false);
  });

  it('refuses a file the scanner flags with 422 upload_rejected, keeping nothing', async () => {
    const before = await rowCount();
    const bytes = Buffer.concat([pdfSample(), Buffer.from(EICAR)]);
    const res = await upload(alice, { name: 'x.pdf', bytes });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('upload_rejected');
    expect(clamd.received.some((b) => b.equals(bytes))).toBe(true);
    expect(await rowCount()).toBe(before);
    expect(storedBlobs().some((f) => f.endsWith(sha(bytes)))).toBe(false);
    expect(stagedFiles()).toEqual([]);
  });

  it('answers 401 to an anonymous upload and 400 when the file is missing', async () => {
    const anonymous = await upload(null, { name: 'a.pdf', bytes: pdfSample() });
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.json().code).toBe('unauthenticated');
    const missing = await upload(alice, null);
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors).toEqual([expect.objectContaining({ field: 'file', code: 'required' })]);
  });

  it('leaves no row and no blob when the client breaks off half-way', async () => {
    const address = await t.app.http.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const before = await rowCount();
    const blobsBefore = storedBlobs();
    const head = Buffer.from(
      `--${BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="half.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
    );
    const socket = net.connect({ port: Number(port), host: '127.0.0.1' });
    await new Promise((resolve) => socket.once('connect', resolve));
    socket.write(
      `POST /api/v1/uploads HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: ${alice.cookie}\r\nx-csrf-token: ${alice.token}\r\n` +
        `Content-Type: multipart/form-data; boundary=${BOUNDARY}\r\nContent-Length: ${head.length + MAX_FILE_BYTES - 100}\r\n\r\n`,
    );
    socket.write(head);
    socket.write(Buffer.concat([pdfSample(), Buffer.alloc(20_000, 0x41)]));
    // The server has begun staging the file; then the client goes away.
    await until(() => stagedFiles().length > 0);
    socket.destroy();
    await until(() => stagedFiles().length === 0);
    expect(await rowCount()).toBe(before);
    expect(storedBlobs()).toEqual(blobsBefore);
  });
});

/** Wait for a condition the server reaches on its own (no timing is asserted; the test times out if it never holds). */
async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

describe('GET /api/v1/uploads/{id}', () => {
  it('gives 404 for another person’s upload, an unknown id and a malformed one', async () => {
    const mine = (await upload(alice, { name: 'a.png', bytes: pngSample() })).json().id as string;
    expect((await t.inject({ url: `/api/v1/uploads/${mine}`, headers: { cookie: bob.cookie } })).statusCode).toBe(404);
    expect((await t.inject({ url: `/api/v1/uploads/${crypto.randomUUID()}`, headers: { cookie: alice.cookie } })).statusCode).toBe(404);
    expect((await t.inject({ url: '/api/v1/uploads/not-a-uuid', headers: { cookie: alice.cookie } })).statusCode).toBe(404);
    expect((await t.inject({ url: `/api/v1/uploads/${mine}` })).statusCode).toBe(401);
  });
});

describe('claimUploads', () => {
  const owner = (p: Person) => `person:${p.personId}`;
  const newUpload = async (p: Person, extra: string) =>
    (await upload(p, { name: `${extra}.pdf`, bytes: Buffer.concat([pdfSample(), Buffer.from(extra)]) })).json() as { id: string; size: number };
  const claim = (input: Parameters<typeof claimUploads>[1]) => t.db.transaction((tx) => claimUploads(tx, input));
  const fieldErrorsOf = async (p: Promise<unknown>) => {
    const e = (await p.then(() => null, (error: unknown) => error)) as { code?: string; errors?: { field: string; code: string }[] } | null;
    expect(e?.code).toBe('validation_failed');
    return e!.errors!.map(({ field, code }) => ({ field, code }));
  };

  it('attaches the owner’s uploads to a case once, and lists them for the case', async () => {
    const a = await newUpload(alice, 'claim-a');
    const b = await newUpload(alice, 'claim-b');
    const claimed = await claim({ owner: owner(alice), uploadIds: [a.id, b.id], caseRef: 'case-1' });
    expect(claimed.map((u) => u.id)).toEqual([a.id, b.id]);
    expect(claimed[0]).toMatchObject({ mediaType: 'application/pdf', name: 'claim-a.pdf', size: a.size });
    expect((await uploadsOf(t.db, 'case-1')).map((u) => u.id).sort()).toEqual([a.id, b.id].sort());

    expect(await fieldErrorsOf(claim({ owner: owner(alice), uploadIds: [a.id], caseRef: 'case-2' }))).toEqual([
      { field: 'uploads.0', code: 'upload_attached' },
    ]);
    expect(await uploadsOf(t.db, 'case-2')).toEqual([]);
  });

  it('refuses another person’s upload, an unknown id and a repeated one, listing all at once and attaching none', async () => {
    const mine = await newUpload(alice, 'mine');
    const theirs = await newUpload(bob, 'theirs');
    const errors = await fieldErrorsOf(
      claim({
        owner: owner(alice),
        uploadIds: [mine.id, theirs.id, crypto.randomUUID(), 'garbage', mine.id],
        caseRef: 'case-3',
        fieldOf: (i) => `materials.${i}.upload`,
      }),
    );
    expect(errors).toEqual([
      { field: 'materials.1.upload', code: 'unknown_upload' },
      { field: 'materials.2.upload', code: 'unknown_upload' },
      { field: 'materials.3.upload', code: 'unknown_upload' },
      { field: 'materials.4.upload', code: 'duplicate_upload' },
    ]);
    expect(await uploadsOf(t.db, 'case-3')).toEqual([]);
    // Nothing was attached: the good one can still be claimed.
    expect(await claim({ owner: owner(alice), uploadIds: [mine.id], caseRef: 'case-4' })).toHaveLength(1);
  });

  it('lets exactly one of two simultaneous claims of one upload win', async () => {
    const a = await newUpload(alice, 'race');
    const results = await Promise.allSettled([
      claim({ owner: owner(alice), uploadIds: [a.id], caseRef: 'race-1' }),
      claim({ owner: owner(alice), uploadIds: [a.id], caseRef: 'race-2' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(loser.reason.errors).toEqual([expect.objectContaining({ code: 'upload_attached' })]);
    const attached = [...(await uploadsOf(t.db, 'race-1')), ...(await uploadsOf(t.db, 'race-2'))];
    expect(attached.map((u) => u.id)).toEqual([a.id]);
  });

  it('refuses files that together exceed the per-case limit', async () => {
    const a = await newUpload(alice, 'total-a');
    const b = await newUpload(alice, 'total-b');
    expect(await fieldErrorsOf(claim({ owner: owner(alice), uploadIds: [a.id, b.id], caseRef: 'case-5', maxTotalBytes: a.size + b.size - 1 }))).toEqual([
      { field: 'uploads', code: 'case_too_large' },
    ]);
    expect(await claim({ owner: owner(alice), uploadIds: [a.id, b.id], caseRef: 'case-5', maxTotalBytes: a.size + b.size })).toHaveLength(2);
  });
});
