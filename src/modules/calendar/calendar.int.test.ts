import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/support/app.js';
import { AppError } from '../../platform/errors.js';
import { loadCatalogue } from '../catalog/index.js';
import { addWorkingDays, listCalendarOverrides, loadWorkingCalendar, removeCalendarOverride, setCalendarOverride } from './index.js';

// An empty database with a few jurisdictions: the calendar needs the catalogue's divisions only.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ seed: 'empty' });
  await loadCatalogue(
    t.db,
    {
      divisions: [
        { code: '330000', name: '浙江省', level: 'province', parent: null },
        { code: '330100', name: '杭州市', level: 'city', parent: '330000' },
        { code: '330106', name: '西湖区', level: 'county', parent: '330100' },
        { code: '330102', name: '上城区', level: 'county', parent: '330100' },
        { code: '110000', name: '北京市', level: 'province', parent: null },
      ],
      agencies: [],
      basicItems: [],
      implementationItems: [],
    },
    { actor: 'test' },
  );
});
afterAll(() => t?.close());

const due = async (query: string) => {
  const res = await t.inject({ url: `/api/v1/calendar/working-days?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { due: string; coverage: boolean };
};
const problem = async (url: string, status: number) => {
  const res = await t.inject({ url });
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  return res.json() as { code: string; errors?: { field: string }[] };
};
const auditOf = (subject: string) =>
  t.db.query<{ actor: string; action: string; detail: Record<string, unknown> }>(
    'SELECT actor, action, detail FROM platform.audit_log WHERE subject = $1 ORDER BY id',
    [subject],
  );

describe('GET /api/v1/calendar/working-days', () => {
  it('counts from the day after, over 国庆 2025 and its make-up days', async () => {
    expect(await due('from=2025-09-30&days=5&jurisdiction=330106')).toEqual({ due: '2025-10-14', coverage: true });
    expect(await due('from=2025-09-26&days=1&jurisdiction=330106')).toEqual({ due: '2025-09-28', coverage: true });
    expect(await due('from=2025-09-30&days=5')).toEqual({ due: '2025-10-14', coverage: true });
    expect(await due('from=2025-10-01&days=0')).toEqual({ due: '2025-10-01', coverage: true });
  });

  it('says when the national data does not cover a counted day', async () => {
    expect(await due('from=2026-12-30&days=3')).toEqual({ due: '2027-01-04', coverage: false });
  });

  it('bad input is a 400 problem naming the field', async () => {
    expect((await problem('/api/v1/calendar/working-days?from=2025-02-30&days=1', 400)).errors?.map((e) => e.field)).toEqual(['querystring.from']);
    expect((await problem('/api/v1/calendar/working-days?from=2025-02-01&days=-1', 400)).errors?.map((e) => e.field)).toEqual(['querystring.days']);
    expect((await problem('/api/v1/calendar/working-days?from=2025-02-01&days=1.5', 400)).code).toBe('validation_failed');
    expect((await problem('/api/v1/calendar/working-days?from=2025-02-01&days=1001', 400)).code).toBe('validation_failed');
    expect((await problem('/api/v1/calendar/working-days?from=2025-02-01', 400)).errors?.map((e) => e.field)).toEqual(['querystring.days']);
    expect((await problem('/api/v1/calendar/working-days?from=2025-02-01&days=1&jurisdiction=xihu', 400)).errors?.map((e) => e.field)).toEqual([
      'querystring.jurisdiction',
    ]);
  });

  it('an unknown jurisdiction is a 404 problem', async () => {
    expect((await problem('/api/v1/calendar/working-days?from=2025-09-30&days=5&jurisdiction=330199', 404)).code).toBe('not_found');
  });

  it('is in the OpenAPI document under the calendar tag', async () => {
    const doc = (await t.inject({ url: '/api/openapi.json' })).json() as { paths: Record<string, { get?: { tags?: string[]; summary?: string } }> };
    for (const path of ['/api/v1/calendar/working-days', '/api/v1/calendar/days']) {
      expect(doc.paths[path]?.get?.tags).toEqual(['calendar']);
      expect(doc.paths[path]?.get?.summary).toBeTruthy();
    }
  });
});

describe('local overrides (地方调整)', () => {
  it('a province override applies to its descendants, the deeper one wins, others are untouched; each change is audited', async () => {
    const set = await setCalendarOverride(t.db, {
      override: { jurisdictionCode: '330000', day: '2025-10-09', kind: 'rest', reason: ' 台风停工 ' },
      actor: 'staff:test-admin',
      requestId: 'req-1',
    });
    expect(set).toMatchObject({ jurisdictionCode: '330000', day: '2025-10-09', kind: 'rest', reason: '台风停工', createdBy: 'staff:test-admin' });
    expect(await due('from=2025-09-30&days=5&jurisdiction=330106')).toEqual({ due: '2025-10-15', coverage: true });
    expect(await due('from=2025-09-30&days=5&jurisdiction=330102')).toEqual({ due: '2025-10-15', coverage: true });
    expect(await due('from=2025-09-30&days=5&jurisdiction=110000')).toEqual({ due: '2025-10-14', coverage: true });
    expect(await due('from=2025-09-30&days=5')).toEqual({ due: '2025-10-14', coverage: true });

    await setCalendarOverride(t.db, {
      override: { jurisdictionCode: '330106', day: '2025-10-08', kind: 'working', reason: '区内补班' },
      actor: 'staff:test-admin',
    });
    expect(await due('from=2025-09-30&days=5&jurisdiction=330106')).toEqual({ due: '2025-10-14', coverage: true });
    expect(await due('from=2025-09-30&days=5&jurisdiction=330102')).toEqual({ due: '2025-10-15', coverage: true });

    // The county overrides the province on the same day.
    await setCalendarOverride(t.db, {
      override: { jurisdictionCode: '330106', day: '2025-10-09', kind: 'working', reason: '区内照常上班' },
      actor: 'staff:test-admin',
    });
    expect((await loadWorkingCalendar(t.db, ['330000', '330100', '330106'])).day('2025-10-09')).toMatchObject({ working: true, jurisdiction: '330106' });
    expect(addWorkingDays(await loadWorkingCalendar(t.db, ['330000', '330100', '330102']), '2025-09-30', 5)).toBe('2025-10-15');

    expect(await auditOf('330000/2025-10-09')).toEqual([
      { actor: 'staff:test-admin', action: 'calendar.override.set', detail: { kind: 'rest', reason: '台风停工', previous: null } },
    ]);
  });

  it('replacing an override keeps one row and audits the previous value', async () => {
    await setCalendarOverride(t.db, { override: { jurisdictionCode: '330100', day: '2025-11-20', kind: 'rest', reason: '第一次' }, actor: 'cli' });
    await setCalendarOverride(t.db, { override: { jurisdictionCode: '330100', day: '2025-11-20', kind: 'working', reason: '第二次' }, actor: 'cli' });
    expect(await listCalendarOverrides(t.db, '330100')).toMatchObject([{ day: '2025-11-20', kind: 'working', reason: '第二次' }]);
    expect((await auditOf('330100/2025-11-20')).map((a) => a.detail)).toEqual([
      { kind: 'rest', reason: '第一次', previous: null },
      { kind: 'working', reason: '第二次', previous: { kind: 'rest', reason: '第一次' } },
    ]);
  });

  it('refuses bad input and unknown jurisdictions, storing and auditing nothing', async () => {
    const refused = async (override: { jurisdictionCode: string; day: string; kind: string; reason: string }) => {
      const error = await setCalendarOverride(t.db, { override, actor: 'cli' }).then(
        () => expect.unreachable('expected a validation error'),
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(AppError);
      expect((error as AppError).code).toBe('validation_failed');
      return (error as AppError).errors?.map((e) => `${e.field}:${e.code}`);
    };
    expect(await refused({ jurisdictionCode: '330199', day: '2025-12-01', kind: 'rest', reason: '无' })).toEqual(['jurisdictionCode:unknown_jurisdiction']);
    expect(await refused({ jurisdictionCode: '330106', day: '2025-02-30', kind: 'holiday', reason: '  ' })).toEqual([
      'day:custom',
      'kind:invalid_value',
      'reason:too_small',
    ]);
    expect(await listCalendarOverrides(t.db, '330199')).toEqual([]);
    expect(await auditOf('330199/2025-12-01')).toEqual([]);
  });

  it('removing an override restores the day and is audited; removing it again is not_found', async () => {
    await setCalendarOverride(t.db, { override: { jurisdictionCode: '110000', day: '2025-12-01', kind: 'rest', reason: '临时休息' }, actor: 'cli' });
    expect(await due('from=2025-11-28&days=1&jurisdiction=110000')).toEqual({ due: '2025-12-02', coverage: true });
    expect(await removeCalendarOverride(t.db, { jurisdictionCode: '110000', day: '2025-12-01', actor: 'staff:test-admin' })).toMatchObject({
      kind: 'rest',
      reason: '临时休息',
    });
    expect(await due('from=2025-11-28&days=1&jurisdiction=110000')).toEqual({ due: '2025-12-01', coverage: true });
    expect((await auditOf('110000/2025-12-01')).map((a) => a.action)).toEqual(['calendar.override.set', 'calendar.override.removed']);
    await expect(removeCalendarOverride(t.db, { jurisdictionCode: '110000', day: '2025-12-01', actor: 'cli' })).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('GET /api/v1/calendar/days', () => {
  it('lists holidays, make-up days and the overrides that apply', async () => {
    const res = await t.inject({ url: '/api/v1/calendar/days?from=2025-09-27&to=2025-10-12&jurisdiction=330106' });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json() as { coverage: boolean; days: { date: string; kind: string; working: boolean; name: string | null; jurisdiction: string | null }[] };
    expect(body.coverage).toBe(true);
    expect(body.days.map((d) => `${d.date}:${d.kind}`)).toEqual([
      '2025-09-28:make_up_workday',
      '2025-10-01:holiday',
      '2025-10-02:holiday',
      '2025-10-03:holiday',
      '2025-10-04:holiday',
      '2025-10-05:holiday',
      '2025-10-06:holiday',
      '2025-10-07:holiday',
      '2025-10-08:override_working',
      '2025-10-09:override_working',
      '2025-10-11:make_up_workday',
    ]);
    expect(body.days[1]).toEqual({ date: '2025-10-01', working: false, kind: 'holiday', name: '国庆节', jurisdiction: null, coverage: true });
    expect(body.days[8]).toMatchObject({ working: true, name: '区内补班', jurisdiction: '330106' });
  });

  it('flags an uncovered year, and refuses reversed or overlong ranges', async () => {
    const res = await t.inject({ url: '/api/v1/calendar/days?from=2026-12-01&to=2027-01-31' });
    expect(res.json()).toMatchObject({ coverage: false, days: [] });
    expect((await problem('/api/v1/calendar/days?from=2025-10-02&to=2025-10-01', 400)).errors?.map((e) => e.field)).toEqual(['querystring.to']);
    expect((await problem('/api/v1/calendar/days?from=2025-01-01&to=2027-01-02', 400)).errors?.map((e) => e.field)).toEqual(['querystring.to']);
    expect((await problem('/api/v1/calendar/days?from=2025-01-01&to=2025-01-02&jurisdiction=330199', 404)).code).toBe('not_found');
  });
});
