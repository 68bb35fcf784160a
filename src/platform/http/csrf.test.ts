import crypto from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifyFormbody from '@fastify/formbody';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import { CSRF_COOKIE, csrfTokenFor, needsCsrfCheck, registerCsrf } from './csrf.js';

const KEY = crypto.randomBytes(32);

async function appWith(dataKey: Buffer): Promise<{ app: FastifyInstance; changes: string[] }> {
  const changes: string[] = [];
  const app = Fastify();
  await app.register(fastifyCookie);
  await app.register(fastifyFormbody);
  registerCsrf(app, { dataKey, secure: false });
  app.setErrorHandler(async (error, _request, reply) => reply.code(isAppError(error) ? error.status : 500).send({ code: isAppError(error) ? error.code : 'internal' }));
  app.get('/form', async (request, reply) => ({ token: csrfTokenFor(request, reply), again: csrfTokenFor(request, reply) }));
  app.post('/change', async (request) => {
    changes.push(String((request.body as { value?: string }).value));
    return { ok: true };
  });
  app.post('/json', async () => ({ ok: true }));
  app.post('/server-to-server', { config: { csrf: false } }, async () => ({ ok: true }));
  await app.ready();
  return { app, changes };
}

/** The cookie and token a browser gets from a page with a form. */
async function formOf(app: FastifyInstance, cookie?: string): Promise<{ cookie: string; token: string; setCookie: string | undefined }> {
  const res = await app.inject({ url: '/form', headers: cookie ? { cookie: `${CSRF_COOKIE}=${cookie}` } : {} });
  const body = res.json() as { token: string; again: string };
  expect(body.again).toBe(body.token);
  const set = res.cookies.find((c) => c.name === CSRF_COOKIE);
  return { cookie: set?.value ?? cookie!, token: body.token, setCookie: res.headers['set-cookie'] as string | undefined };
}

const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();

describe('CSRF protection', () => {
  let app: FastifyInstance;
  let changes: string[];
  beforeAll(async () => ({ app, changes } = await appWith(KEY)));
  afterAll(() => app.close());

  it('sets an httpOnly SameSite=Lax cookie once and keeps it', async () => {
    const first = await formOf(app);
    expect(first.setCookie).toMatch(/HttpOnly/);
    expect(first.setCookie).toMatch(/SameSite=Lax/);
    expect(first.setCookie).not.toMatch(/Secure/);
    const again = await formOf(app, first.cookie);
    expect(again.setCookie).toBeUndefined();
    expect(again.token).toBe(first.token);
  });

  it('accepts a form post with the matching token', async () => {
    const { cookie, token } = await formOf(app);
    const res = await app.inject({
      method: 'POST',
      url: '/change',
      headers: { cookie: `${CSRF_COOKIE}=${cookie}`, 'content-type': 'application/x-www-form-urlencoded' },
      payload: form({ _csrf: token, value: 'a' }),
    });
    expect(res.statusCode).toBe(200);
    expect(changes).toContain('a');
  });

  it('refuses a form post without a token, with a wrong one or without the cookie, and nothing changes', async () => {
    const { cookie, token } = await formOf(app);
    const other = await formOf(app);
    const attempts: { headers: Record<string, string>; fields: Record<string, string> }[] = [
      { headers: { cookie: `${CSRF_COOKIE}=${cookie}` }, fields: { value: 'none' } },
      { headers: { cookie: `${CSRF_COOKIE}=${cookie}` }, fields: { _csrf: other.token, value: 'other-browser' } },
      { headers: { cookie: `${CSRF_COOKIE}=${cookie}` }, fields: { _csrf: `${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`, value: 'tampered' } },
      { headers: {}, fields: { _csrf: token, value: 'no-cookie' } },
    ];
    for (const attempt of attempts) {
      const res = await app.inject({
        method: 'POST',
        url: '/change',
        headers: { ...attempt.headers, 'content-type': 'application/x-www-form-urlencoded' },
        payload: form(attempt.fields),
      });
      expect(res.statusCode).toBe(403);
      expect(res.json()).toEqual({ code: 'csrf_failed' });
    }
    expect(changes).not.toContain('none');
    expect(changes).not.toContain('other-browser');
    expect(changes).not.toContain('tampered');
    expect(changes).not.toContain('no-cookie');
  });

  it('refuses text/plain posts, which a cross-site form can also send', async () => {
    const res = await app.inject({ method: 'POST', url: '/json', headers: { 'content-type': 'text/plain' }, payload: 'x' });
    expect(res.statusCode).toBe(403);
  });

  it('lets JSON requests and opted-out routes through', async () => {
    expect((await app.inject({ method: 'POST', url: '/json', payload: { a: 1 } })).statusCode).toBe(200);
    const s2s = await app.inject({ method: 'POST', url: '/server-to-server', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: 'a=1' });
    expect(s2s.statusCode).toBe(200);
  });

  it('derives the token from the data key: another process with the same key agrees, another key does not', async () => {
    const { cookie, token } = await formOf(app);
    const same = await appWith(Buffer.from(KEY));
    const different = await appWith(crypto.randomBytes(32));
    try {
      expect((await formOf(same.app, cookie)).token).toBe(token);
      expect((await formOf(different.app, cookie)).token).not.toBe(token);
    } finally {
      await same.app.close();
      await different.app.close();
    }
  });

  it('checks only unsafe methods with form-like bodies', () => {
    expect(needsCsrfCheck({ method: 'GET', headers: { 'content-type': 'application/x-www-form-urlencoded' } })).toBe(false);
    expect(needsCsrfCheck({ method: 'POST', headers: { 'content-type': 'application/json' } })).toBe(false);
    expect(needsCsrfCheck({ method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' } })).toBe(true);
    expect(needsCsrfCheck({ method: 'DELETE', headers: { 'content-type': 'Application/X-WWW-Form-Urlencoded' } })).toBe(true);
  });
});
