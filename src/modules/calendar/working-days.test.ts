import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, dayNumber, isIsoDate, isoDateOf, weekdayOf } from './dates.js';
import { makeNationalCalendar, nationalCalendar } from './national.js';
import {
  addWorkingDays,
  buildWorkingCalendar,
  countWorkingDays,
  coversRange,
  nonStandardDays,
  workingDaysAfter,
  type CalendarOverride,
} from './working-days.js';

const national = buildWorkingCalendar();
const PROVINCE = '330000';
const CITY = '330100';
const COUNTY = '330106';
const xihu = (overrides: CalendarOverride[]) => buildWorkingCalendar({ ancestors: [PROVINCE, CITY, COUNTY], overrides });
const override = (jurisdictionCode: string, day: string, kind: 'working' | 'rest', reason = '测试'): CalendarOverride => ({ jurisdictionCode, day, kind, reason });

/** Dates from 2024 to 2027: the last two years of the data and the first year past it. */
const arbDate = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2027-12-31') }).map(isoDateOf);

describe('dates', () => {
  it('accepts real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-9-01')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
  });
  it('knows the weekday', () => {
    expect(weekdayOf(dayNumber('2025-09-28'))).toBe(0);
    expect(weekdayOf(dayNumber('2025-10-11'))).toBe(6);
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
  });
});

describe('the national calendar (chinese-days)', () => {
  it('covers 2004 to 2026 and no further', () => {
    const years = [...nationalCalendar().years].sort();
    expect(years[0]).toBe(2004);
    expect(years[years.length - 1]).toBe(2026);
    expect(national.day('2026-12-31').coverage).toBe(true);
    expect(national.day('2027-01-01').coverage).toBe(false);
  });

  it('knows 国庆 2025 and its make-up Sunday and Saturday', () => {
    expect(national.day('2025-10-01')).toEqual({ date: '2025-10-01', working: false, kind: 'holiday', name: '国庆节', jurisdiction: null, coverage: true });
    expect(national.day('2025-10-06')).toMatchObject({ working: false, kind: 'holiday', name: '中秋' });
    expect(national.day('2025-09-28')).toMatchObject({ working: true, kind: 'make_up_workday', name: '国庆节' });
    expect(national.day('2025-10-11')).toMatchObject({ working: true, kind: 'make_up_workday' });
    expect(national.day('2025-10-09')).toMatchObject({ working: true, kind: 'workday', name: null });
    expect(national.day('2025-10-12')).toMatchObject({ working: false, kind: 'weekend' });
  });

  it('outside the covered years, weekends rest and weekdays work', () => {
    expect(national.day('2027-10-01')).toEqual({ date: '2027-10-01', working: true, kind: 'workday', name: null, jurisdiction: null, coverage: false });
    expect(national.day('2027-10-02')).toMatchObject({ working: false, kind: 'weekend', coverage: false });
    // 2027-01-01 (元旦, a Friday) counts as a working day until the data knows 2027: hence the flag.
    expect(workingDaysAfter(national, '2026-12-30', 3)).toEqual({ due: '2027-01-04', coverage: false });
    expect(workingDaysAfter(national, '2026-12-01', 3)).toEqual({ due: '2026-12-04', coverage: true });
    expect(coversRange(national, '2026-01-01', '2026-12-31')).toBe(true);
    expect(coversRange(national, '2026-12-01', '2027-01-31')).toBe(false);
  });
});

describe('addWorkingDays (art. 82: counting starts on the day after)', () => {
  it('2025-09-30 + 5 working days = 2025-10-14', () => {
    expect(addWorkingDays(national, '2025-09-30', 5)).toBe('2025-10-14');
  });

  it('2025-09-26 + 1 working day = 2025-09-28, a make-up Sunday', () => {
    expect(addWorkingDays(national, '2025-09-26', 1)).toBe('2025-09-28');
  });

  it('an ordinary week: Friday + 1 = Monday, Monday + 5 = next Monday', () => {
    expect(addWorkingDays(national, '2025-11-14', 1)).toBe('2025-11-17');
    expect(addWorkingDays(national, '2025-11-17', 5)).toBe('2025-11-24');
  });

  it('n = 0 is the day itself, even a holiday', () => {
    expect(addWorkingDays(national, '2025-10-01', 0)).toBe('2025-10-01');
  });

  it('refuses a negative or fractional count', () => {
    expect(() => addWorkingDays(national, '2025-10-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(national, '2025-10-01', 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(national, '2025-02-30', 1)).toThrow(RangeError);
  });

  it('countWorkingDays is its inverse', () => {
    expect(countWorkingDays(national, '2025-09-30', '2025-10-14')).toBe(5);
    expect(countWorkingDays(national, '2025-10-14', '2025-09-30')).toBe(0);
  });
});

describe('local overrides', () => {
  it('apply to the jurisdiction and its descendants, not to others', () => {
    const overrides = [override(PROVINCE, '2025-11-20', 'rest', '台风停工')];
    expect(xihu(overrides).day('2025-11-20')).toMatchObject({ working: false, kind: 'override_rest', name: '台风停工', jurisdiction: PROVINCE });
    expect(buildWorkingCalendar({ ancestors: ['110000', '110100', '110101'], overrides }).isWorkingDay('2025-11-20')).toBe(true);
  });

  it("the deeper jurisdiction's override wins, whatever the order given", () => {
    const overrides = [override(COUNTY, '2025-11-22', 'working', '区补班'), override(PROVINCE, '2025-11-22', 'rest', '省休息')];
    expect(xihu(overrides).day('2025-11-22')).toMatchObject({ working: true, jurisdiction: COUNTY });
    expect(xihu([...overrides].reverse()).day('2025-11-22')).toMatchObject({ working: true, jurisdiction: COUNTY });
    expect(buildWorkingCalendar({ ancestors: [PROVINCE, CITY], overrides }).day('2025-11-22')).toMatchObject({ working: false, jurisdiction: PROVINCE });
  });

  it('override a national holiday, and move a due date', () => {
    const calendar = xihu([override(CITY, '2025-10-08', 'working', '市内补班')]);
    expect(calendar.isWorkingDay('2025-10-08')).toBe(true);
    expect(addWorkingDays(calendar, '2025-09-30', 5)).toBe('2025-10-13');
  });

  it('lists the non-standard days of a range', () => {
    const days = nonStandardDays(xihu([override(COUNTY, '2025-10-13', 'rest', '区休息')]), '2025-09-27', '2025-10-13');
    expect(days.map((d) => `${d.date}:${d.kind}`)).toEqual([
      '2025-09-28:make_up_workday',
      ...['01', '02', '03', '04', '05', '06', '07', '08'].map((d) => `2025-10-${d}:holiday`),
      '2025-10-11:make_up_workday',
      '2025-10-13:override_rest',
    ]);
  });
});

describe('properties', () => {
  const arbOverrides = fc.array(
    fc.record({
      jurisdictionCode: fc.constantFrom(PROVINCE, CITY, COUNTY, '110000'),
      day: arbDate,
      kind: fc.constantFrom<'working' | 'rest'>('working', 'rest'),
      reason: fc.constant('r'),
    }),
    { maxLength: 20 },
  );
  const arbCalendar = fc.oneof(fc.constant(national), arbOverrides.map(xihu));

  it('more days give a later or equal due date', () => {
    fc.assert(
      fc.property(arbCalendar, arbDate, fc.nat(60), fc.nat(60), (calendar, from, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        return addWorkingDays(calendar, from, low) <= addWorkingDays(calendar, from, high);
      }),
    );
  });

  it('a later start gives a later or equal due date', () => {
    fc.assert(
      fc.property(arbCalendar, arbDate, fc.nat(30), fc.nat(60), (calendar, from, shift, n) => {
        return addWorkingDays(calendar, from, n) <= addWorkingDays(calendar, addDays(from, shift), n);
      }),
    );
  });

  it('the due date of n ≥ 1 days is a working day, after from, with exactly n working days counted', () => {
    fc.assert(
      fc.property(arbCalendar, arbDate, fc.integer({ min: 1, max: 60 }), (calendar, from, n) => {
        const due = addWorkingDays(calendar, from, n);
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(due > from).toBe(true);
        expect(countWorkingDays(calendar, from, due)).toBe(n);
      }),
    );
  });

  it('a make-up Saturday or Sunday counts as a working day', () => {
    const makeUps = [...nationalCalendar().makeUpWorkdays.keys()].filter((d) => d >= '2020-01-01');
    fc.assert(
      fc.property(fc.constantFrom(...makeUps), (day) => {
        expect([0, 6]).toContain(weekdayOf(dayNumber(day)));
        expect(national.isWorkingDay(day)).toBe(true);
        expect(addWorkingDays(national, addDays(day, -1), 1)).toBe(day);
      }),
    );
  });

  it('with no data, the calendar is the standard week', () => {
    const bare = buildWorkingCalendar({ national: makeNationalCalendar({ holidays: {}, workdays: {} }) });
    fc.assert(
      fc.property(arbDate, (date) => {
        const weekday = weekdayOf(dayNumber(date));
        expect(bare.day(date)).toMatchObject({ working: weekday >= 1 && weekday <= 5, coverage: false });
      }),
    );
  });
});
