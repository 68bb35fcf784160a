/**
 * An API client with an OIDC access token (Authorization: Bearer) uploads without a CSRF token: a cross-site page
 * cannot attach a Bearer header, so there is nothing to forge. Through a real port, with openid-client as the
 * relying party (test/support/oidc-rp.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenIdCheckChar } from '../../platform/checksums.js';
import { DEV_DATA_KEY_TEXT } from '../../platform/config.js';
import { FieldCrypto } from '../../platform/crypto.js';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { freePort } from '../../../test/support/free-port.js';
import { Browser, SsoFlow } from '../../../test/support/oidc-rp.js';
import { addOidcClient, oidcClientInputSchema } from '../identity/index.js';
import { pdfSample } from './testing/samples.js';

const PASSWORD = '钱塘江边的大潮2026';
const first17 = '33010619850412377';
const person = { idNumber: first17 + citizenIdCheckChar(first17), name: '沈晓雯', phone: '13905710377' };

describe('uploads with a Bearer access token', () => {
  let t: TestApp;
  let base: string;
  let accessToken: string;

  beforeAll(async () => {
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    t = await createTestApp({ seed: 'empty', env: { ONESTOP_PUBLIC_URL: base } });
    await t.app.http.listen({ port, host: '127.0.0.1' });
    const registered = await fetch(`${base}/api/v1/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...person, password: PASSWORD }),
    });
    expect(registered.status).toBe(201);
    const input = oidcClientInputSchema(false).parse({
      name: '材料上传客户端',
      redirectUris: ['https://client.example/cb'],
      postLogoutRedirectUris: ['https://client.example/signed-out'],
      scopes: 'openid offline_access profile phone identity',
      sector: 'client.example',
      type: 'confidential',
    });
    const client = { ...(await addOidcClient({ db: t.db, fields: new FieldCrypto(Buffer.from(DEV_DATA_KEY_TEXT, 'utf8')) }, input, { actor: 'test' })), redirect: 'https://client.example/cb' };
    const sso = new SsoFlow(base);
    const config = await sso.config(client);
    const browser = new Browser();
    const started = await sso.start(browser, config, client);
    const callback = await sso.authorize(browser, { username: person.idNumber, password: PASSWORD }, started);
    accessToken = (await sso.exchange(config, started, callback)).access_token;
  });
  afterAll(() => t?.close());

  it('uploads without a CSRF token and reads the file back with the token', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdfSample())], { type: 'application/pdf' }), '申请书.pdf');
    const res = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${accessToken}` }, body: form });
    expect(res.status).toBe(201);
    const { id, mediaType } = (await res.json()) as { id: string; mediaType: string };
    expect(mediaType).toBe('application/pdf');

    const got = await fetch(`${base}/api/v1/uploads/${id}`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(pdfSample())).toBe(true);
    expect(got.headers.get('content-disposition')).toContain(`filename*=UTF-8''${encodeURIComponent('申请书.pdf')}`);
  });

  it('refuses a made-up Bearer token with 401, not a CSRF error', async () => {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(pdfSample())], { type: 'application/pdf' }), 'a.pdf');
    const res = await fetch(`${base}/api/v1/uploads`, { method: 'POST', headers: { authorization: `Bearer ${'A'.repeat(43)}` }, body: form });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { code: string }).code).toBe('unauthenticated');
  });
});
