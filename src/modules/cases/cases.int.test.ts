/** The cases API's edges on an empty catalogue; the journeys on the demo data are in test/cases/. */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'empty' });
});
afterAll(() => t?.close());

const NUMBER = `${'9'.repeat(18)}4${'0'.repeat(12)}202611250001`;

describe('cases API without a session', () => {
  it('asks for sign-in to submit, to read a case and to list my cases', async () => {
    const submit = await t.inject({ method: 'POST', url: '/api/v1/cases', headers: { 'idempotency-key': 'k-12345678' }, payload: { item: '9'.repeat(31), form: {}, materials: [] } });
    expect(submit.statusCode).toBe(401);
    expect((await t.inject({ url: `/api/v1/cases/${NUMBER}` })).statusCode).toBe(401);
    expect((await t.inject({ url: '/api/v1/me/cases' })).statusCode).toBe(401);
  });

  it('answers a malformed case number with 400 and an unknown one in the public lookup with 404', async () => {
    const bad = await t.inject({ url: '/api/v1/cases/short' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('validation_failed');
    const unknown = await t.inject({ url: `/api/v1/case-status?number=${NUMBER}&queryCode=ABCDEFGH` });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    const garbage = await t.inject({ url: '/api/v1/case-status?number=x&queryCode=y' });
    expect(garbage.statusCode).toBe(404);
  });

  it('lists the cases API in the OpenAPI document', async () => {
    const paths = Object.keys((await t.inject({ url: '/api/openapi.json' })).json().paths);
    for (const p of ['/api/v1/cases', '/api/v1/cases/{number}', '/api/v1/cases/{number}/timeline', '/api/v1/cases/{number}/actions', '/api/v1/me/cases', '/api/v1/case-status']) {
      expect(paths).toContain(p);
    }
  });
});
