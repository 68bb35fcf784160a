import { describe, expect, it } from 'vitest';
import { render } from 'preact-render-to-string';
import { FieldCrypto } from '../../../platform/crypto.js';
import { clientInputSchema, redirectUriProblem } from './clients.js';
import { generateSigningKey } from './keys.js';
import { ConsentsSection } from './pages/consents-section.js';
import { scopesToList } from './pages/interaction-pages.js';
import { cspAllowingFormTargets, preferencesOfCookieHeader } from './pages/shell.js';
import { issuerOf, pairwiseSubject } from './provider.js';
import { acrOf, levelOfAcr, requestedMinimumLevel } from './settings.js';

const PERSON = '0b6f1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b';
const COMPANY = '1c7a2d3f-4b5e-4f60-9bac-1d2e3f4a5b6c';
const OTHER = '2d8b3e4a-5c6f-4071-8cbd-2e3f4a5b6c7d';

describe('assurance levels as acr values', () => {
  it('maps levels to urn:onestop:loa:N and back', () => {
    expect(acrOf(2)).toBe('urn:onestop:loa:2');
    expect(acrOf(7)).toBe('urn:onestop:loa:3');
    expect(levelOfAcr('urn:onestop:loa:1')).toBe(1);
    expect(levelOfAcr('urn:onestop:loa:4')).toBeNull();
    expect(levelOfAcr('urn:mace:incommon:iap:silver')).toBeNull();
    expect(levelOfAcr(undefined)).toBeNull();
  });

  it('takes the lowest known level of acr_values as the minimum, ignoring unknown values', () => {
    expect(requestedMinimumLevel('urn:onestop:loa:2')).toBe(2);
    expect(requestedMinimumLevel('urn:onestop:loa:3 urn:onestop:loa:1')).toBe(1);
    expect(requestedMinimumLevel('urn:other urn:onestop:loa:2')).toBe(2);
    expect(requestedMinimumLevel('urn:other')).toBeNull();
    expect(requestedMinimumLevel(undefined)).toBeNull();
    expect(requestedMinimumLevel(['urn:onestop:loa:2'])).toBeNull();
  });
});

describe('pairwise sub', () => {
  const fields = new FieldCrypto(Buffer.alloc(32, 7));

  it('is stable, differs per sector and per person, and is the same whichever company the person acts for', () => {
    const plain = pairwiseSubject(fields, `person:${PERSON}`, 'tax.example');
    expect(plain).toMatch(/^[0-9a-f]{64}$/);
    expect(pairwiseSubject(fields, `person:${PERSON}`, 'tax.example')).toBe(plain);
    expect(pairwiseSubject(fields, `person:${PERSON}@company:${COMPANY}`, 'tax.example')).toBe(plain);
    expect(pairwiseSubject(fields, `person:${PERSON}`, 'fund.example')).not.toBe(plain);
    expect(pairwiseSubject(fields, `person:${OTHER}`, 'tax.example')).not.toBe(plain);
    expect(plain).not.toContain(PERSON.replace(/-/g, ''));
  });

  it('depends on the data key', () => {
    const other = new FieldCrypto(Buffer.alloc(32, 8));
    expect(pairwiseSubject(other, `person:${PERSON}`, 'tax.example')).not.toBe(pairwiseSubject(fields, `person:${PERSON}`, 'tax.example'));
  });
});

describe('clients', () => {
  it('accepts https redirect URIs, http ones outside production or to the machine itself, and nothing with a fragment', () => {
    expect(redirectUriProblem('https://tax.example/cb', true)).toBeNull();
    expect(redirectUriProblem('http://tax.example/cb', false)).toBeNull();
    expect(redirectUriProblem('http://tax.example/cb', true)).toMatch(/https/);
    expect(redirectUriProblem('http://127.0.0.1:8080/cb', true)).toBeNull();
    expect(redirectUriProblem('https://tax.example/cb#x', true)).toMatch(/fragment/);
    expect(redirectUriProblem('javascript:alert(1)', false)).toMatch(/https/);
    expect(redirectUriProblem('/cb', false)).toMatch(/absolute/);
  });

  it('parses scopes into a set that must hold openid and only known scopes', () => {
    const schema = clientInputSchema(true);
    const ok = schema.parse({ name: '税务', redirectUris: ['https://a.example/cb'], scopes: 'openid profile, profile', sector: 'A.Example' });
    expect(ok).toMatchObject({ scopes: ['openid', 'profile'], sector: 'a.example', type: 'confidential', postLogoutRedirectUris: [] });
    const bad = schema.safeParse({ name: '', redirectUris: [], scopes: 'profile email', sector: 'not a host' });
    expect(bad.success).toBe(false);
    const fields = bad.error!.issues.map((i) => i.path[0]);
    expect(fields).toEqual(expect.arrayContaining(['name', 'redirectUris', 'scopes', 'sector']));
  });
});

describe('signing keys', () => {
  it('makes an RS256 key whose public half holds no private parameter', () => {
    const key = generateSigningKey();
    expect(key.privateJwk).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: key.kid });
    expect((key.privateJwk as { d?: string }).d).toBeTruthy();
    expect(Object.keys(key.publicJwk).sort()).toEqual(['alg', 'e', 'kid', 'kty', 'n', 'use']);
  });
});

describe('pages', () => {
  it('widens only form-action of the CSP with the origins the flow ends at', () => {
    const csp = "default-src 'self';form-action 'self';frame-ancestors 'none'";
    expect(cspAllowingFormTargets(csp, ['https://tax.example/cb?x=1', 'not a url', 'javascript:x'])).toBe(
      "default-src 'self';form-action 'self' https://tax.example;frame-ancestors 'none'",
    );
    expect(cspAllowingFormTargets(csp, [])).toBe(csp);
    expect(cspAllowingFormTargets(undefined, ['https://tax.example'])).toBeUndefined();
  });

  it('reads the language from a raw Cookie header', () => {
    expect(preferencesOfCookieHeader('sid=x; lang=en; elder=1')).toEqual({ lang: 'en', elder: true });
    expect(preferencesOfCookieHeader(undefined)).toEqual({ lang: 'zh-CN', elder: false });
    expect(preferencesOfCookieHeader('lang=fr')).toEqual({ lang: 'zh-CN', elder: false });
  });

  it('lists only known scopes once', () => {
    expect(scopesToList('openid profile profile email phone')).toEqual(['openid', 'profile', 'phone']);
    expect(scopesToList(undefined)).toEqual([]);
  });

  it('renders the consents of the account page with a revoke form per system carrying the CSRF token', () => {
    const html = render(
      ConsentsSection({
        lang: 'zh-CN',
        csrfToken: 'tok',
        consents: [{ id: 'c1', clientId: 'os_1', clientName: '税务<系统>', scopes: ['openid', 'phone'], grantedAt: new Date('2026-11-01T08:00:00Z'), companyId: COMPANY }],
        companyNames: { [COMPANY]: '西湖科技有限公司' },
      }),
    );
    expect(html).toContain('action="/account/consents/c1/revoke"');
    expect(html).toContain('name="_csrf" value="tok"');
    expect(html).toContain('税务&lt;系统>');
    expect(html).toContain('您的手机号码');
    expect(html).toContain('代表「西湖科技有限公司」');
    expect(html).toContain('2026-11-01');
    expect(render(ConsentsSection({ lang: 'en', csrfToken: 't', consents: [] }))).toContain('You have not allowed any system yet.');
  });

  it('puts the issuer under /oidc of the public URL', () => {
    expect(issuerOf('https://zwfw.example.gov.cn/')).toBe('https://zwfw.example.gov.cn/oidc');
  });
});
