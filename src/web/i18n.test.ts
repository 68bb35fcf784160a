import { describe, expect, it } from 'vitest';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { messagesFor, readPreferences, resolvePreferences } from './i18n.js';

function request(query: Record<string, string>, cookies: Record<string, string> = {}): FastifyRequest {
  return { query, cookies } as unknown as FastifyRequest;
}

function recordingReply() {
  const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
  const reply = { setCookie: (name: string, value: string, options: Record<string, unknown>) => set.push({ name, value, options }) };
  return { reply: reply as unknown as FastifyReply, set };
}

describe('preferences', () => {
  it('defaults to zh-CN, standard text and 浙江省', () => {
    expect(readPreferences(request({}))).toEqual({ lang: 'zh-CN', elder: false, region: '330000' });
  });

  it('takes ?lang= over the cookie, and the cookie over the default', () => {
    expect(readPreferences(request({ lang: 'en' }, { lang: 'zh-CN' })).lang).toBe('en');
    expect(readPreferences(request({}, { lang: 'en' })).lang).toBe('en');
    expect(readPreferences(request({ lang: 'fr' }, {})).lang).toBe('zh-CN');
  });

  it('ignores malformed region codes', () => {
    expect(readPreferences(request({ region: "330100' OR 1=1" })).region).toBe('330000');
    expect(readPreferences(request({ region: '330106' })).region).toBe('330106');
  });

  it('keeps a requested change in a one-year Lax httpOnly cookie, Secure in production', () => {
    const { reply, set } = recordingReply();
    const prefs = resolvePreferences(request({ lang: 'en', elder: '1' }), reply, true);
    expect(prefs).toMatchObject({ lang: 'en', elder: true, changed: true });
    expect(set.map((c) => `${c.name}=${c.value}`)).toEqual(['lang=en', 'elder=1']);
    expect(set[0]!.options).toMatchObject({ maxAge: 365 * 24 * 3600, sameSite: 'lax', httpOnly: true, secure: true, path: '/' });
  });

  it('sets nothing when the request only repeats the stored preferences', () => {
    const { reply, set } = recordingReply();
    const prefs = resolvePreferences(request({ lang: 'en' }, { lang: 'en' }), reply, false);
    expect(prefs.changed).toBe(false);
    expect(set).toEqual([]);
  });
});

describe('message catalogue', () => {
  it('has the same keys in both languages', () => {
    const keys = (o: object, prefix = ''): string[] =>
      Object.entries(o).flatMap(([k, v]) => (v && typeof v === 'object' ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));
    expect(keys(messagesFor('en')).sort()).toEqual(keys(messagesFor('zh-CN')).sort());
  });
});
