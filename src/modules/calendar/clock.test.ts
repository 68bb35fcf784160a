import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { colour, colourOf, dueDate, isOverdue, readClock, remaining, type ClockPause, type ClockState } from './clock.js';
import { addDays, dayNumber, isoDateOf } from './dates.js';
import { addWorkingDays, buildWorkingCalendar, countWorkingDays } from './working-days.js';

const calendar = buildWorkingCalendar();
const state = (start: string, limitDays: number, pauses: ClockPause[] = [], extensionDays = 0): ClockState => ({ start, limitDays, pauses, extensionDays });

describe('due date', () => {
  it('is the start plus the limit in working days', () => {
    expect(dueDate(state('2025-09-30', 5), calendar)).toBe('2025-10-14');
    expect(dueDate(state('2025-09-30', 0), calendar)).toBe('2025-09-30');
  });

  it('a pause stops the clock after its first day, up to and including its last', () => {
    // Counted: 10-09 (the notice day), 10-11 (make-up Saturday), 10-13, 10-14, 10-15; 10-10 is paused.
    expect(dueDate(state('2025-09-30', 5, [{ from: '2025-10-09', to: '2025-10-10' }]), calendar)).toBe('2025-10-15');
    // A pause that starts and ends on the same day stops nothing.
    expect(dueDate(state('2025-09-30', 5, [{ from: '2025-10-09', to: '2025-10-09' }]), calendar)).toBe('2025-10-14');
    // A pause over rest days only stops nothing either.
    expect(dueDate(state('2025-09-30', 5, [{ from: '2025-10-01', to: '2025-10-08' }]), calendar)).toBe('2025-10-14');
  });

  it('is unknown (null) while a pause is open, and known again when it ends', () => {
    expect(dueDate(state('2025-09-30', 5, [{ from: '2025-10-09', to: null }]), calendar)).toBeNull();
    expect(dueDate(state('2025-09-30', 5, [{ from: '2025-10-09', to: '2025-10-20' }]), calendar)).toBe('2025-10-24');
  });

  it('a pause that starts after the due date changes nothing', () => {
    expect(dueDate(state('2025-09-30', 5, [{ from: '2025-10-20', to: null }]), calendar)).toBe('2025-10-14');
  });

  it('an extension adds working days (art. 42: +10)', () => {
    expect(dueDate(state('2025-09-30', 5, [], 2), calendar)).toBe('2025-10-16');
    expect(dueDate(state('2025-11-03', 20, [], 10), calendar)).toBe(dueDate(state('2025-11-03', 30), calendar));
  });

  it('refuses malformed states', () => {
    expect(() => dueDate(state('2025-09-30', 5, [{ from: '2025-10-09', to: '2025-10-08' }]), calendar)).toThrow(RangeError);
    expect(() => dueDate(state('2025-09-30', 5, [{ from: '2025-09-29', to: null }]), calendar)).toThrow(RangeError);
    expect(() => dueDate(state('2025-09-30', -1), calendar)).toThrow(RangeError);
    expect(() => dueDate(state('2025-09-30', 5, [], 0.5), calendar)).toThrow(RangeError);
  });
});

describe('reading the clock', () => {
  const fiveDays = state('2025-09-30', 5);

  it('counts down in working days, yellow at one day left, red after the due date', () => {
    expect(readClock(fiveDays, calendar, '2025-09-30')).toEqual({
      due: '2025-10-14', totalDays: 5, elapsedDays: 0, remainingDays: 5, overdue: false, paused: false, coverage: true, colour: 'green',
    });
    expect(readClock(fiveDays, calendar, '2025-10-08')).toMatchObject({ elapsedDays: 0, remainingDays: 5, colour: 'green' });
    expect(readClock(fiveDays, calendar, '2025-10-13')).toMatchObject({ elapsedDays: 4, remainingDays: 1, colour: 'yellow' });
    expect(readClock(fiveDays, calendar, '2025-10-14')).toMatchObject({ remainingDays: 0, overdue: false, colour: 'yellow' });
    expect(readClock(fiveDays, calendar, '2025-10-15')).toMatchObject({ remainingDays: -1, overdue: true, colour: 'red' });
    expect(remaining(fiveDays, calendar, '2025-10-13')).toBe(1);
    expect(isOverdue(fiveDays, calendar, '2025-10-15')).toBe(true);
  });

  it('a reading before the start counts nothing', () => {
    expect(readClock(fiveDays, calendar, '2025-09-01')).toMatchObject({ elapsedDays: 0, remainingDays: 5, colour: 'green' });
  });

  it('yellow at 20% left of a longer limit', () => {
    const twenty = state('2025-11-03', 20);
    expect(colour(twenty, calendar, addDays('2025-11-03', 21))).toBe('green'); // 15 working days counted, 5 left
    expect(readClock(twenty, calendar, addDays('2025-11-03', 22))).toMatchObject({ remainingDays: 4, colour: 'yellow' });
  });

  it('overdue on the rest day after a Friday deadline, with no working day lost yet', () => {
    const oneDay = state('2025-11-20', 1);
    expect(readClock(oneDay, calendar, '2025-11-22')).toMatchObject({ due: '2025-11-21', remainingDays: 0, overdue: true, colour: 'red' });
  });

  it('a same-day limit (即办) is yellow on the day and red the next', () => {
    expect(colour(state('2025-11-20', 0), calendar, '2025-11-20')).toBe('yellow');
    expect(colour(state('2025-11-20', 0), calendar, '2025-11-21')).toBe('red');
  });

  it('stops while paused: frozen remaining days, never overdue meanwhile', () => {
    const paused = state('2025-09-30', 5, [{ from: '2025-10-09', to: null }]);
    expect(readClock(paused, calendar, '2025-10-08')).toMatchObject({ paused: false, remainingDays: 5 });
    expect(readClock(paused, calendar, '2025-10-09')).toMatchObject({ paused: true, remainingDays: 4 });
    expect(readClock(paused, calendar, '2025-12-31')).toMatchObject({ due: null, elapsedDays: 1, remainingDays: 4, overdue: false, paused: true, colour: 'green' });
    const resumed = state('2025-09-30', 5, [{ from: '2025-10-09', to: '2025-10-10' }]);
    expect(readClock(resumed, calendar, '2025-10-10')).toMatchObject({ paused: false, elapsedDays: 1 });
  });

  it('flags readings that need days outside the national data', () => {
    expect(readClock(state('2026-12-20', 10), calendar, '2026-12-21').coverage).toBe(false);
    expect(readClock(state('2026-11-20', 10), calendar, '2026-11-21').coverage).toBe(true);
  });

  it('the yellow rule is a parameter', () => {
    const reading = { overdue: false, remainingDays: 5, totalDays: 20 };
    expect(colourOf(reading)).toBe('green');
    expect(colourOf({ ...reading, remainingDays: 4 })).toBe('yellow');
    expect(colourOf(reading, { days: 5, fraction: 0 })).toBe('yellow');
    expect(colourOf(reading, { days: 0, fraction: 0.25 })).toBe('yellow');
    expect(colourOf({ ...reading, overdue: true }, { days: 0, fraction: 0 })).toBe('red');
  });
});

describe('clock properties', () => {
  const arbDate = fc.integer({ min: dayNumber('2024-01-01'), max: dayNumber('2027-06-30') }).map(isoDateOf);
  const arbPause = (start: string) =>
    fc.tuple(fc.nat(60), fc.option(fc.nat(40), { nil: null })).map(([offset, length]): ClockPause => {
      const from = addDays(start, offset);
      return { from, to: length === null ? null : addDays(from, length) };
    });
  const arbState = arbDate.chain((start) =>
    fc.record({
      start: fc.constant(start),
      limitDays: fc.nat(45),
      pauses: fc.array(arbPause(start), { maxLength: 3 }),
      extensionDays: fc.nat(15),
    }),
  );
  /** A later date, with null (still paused) as the latest of all. */
  const notEarlier = (a: string | null, b: string | null) => b === null || (a !== null && a <= b);

  it('pausing never shortens a deadline', () => {
    fc.assert(
      fc.property(arbState, fc.nat(60), fc.option(fc.nat(40), { nil: null }), (s, offset, length) => {
        const from = addDays(s.start, offset);
        const pause = { from, to: length === null ? null : addDays(from, length) };
        return notEarlier(dueDate(s, calendar), dueDate({ ...s, pauses: [...s.pauses, pause] }, calendar));
      }),
    );
  });

  it('one closed pause moves the due date by exactly the working days it holds back', () => {
    fc.assert(
      fc.property(arbState, fc.nat(60), fc.nat(40), (s, offset, length) => {
        const plain = { ...s, pauses: [] };
        const total = s.limitDays + s.extensionDays;
        const before = dueDate(plain, calendar)!;
        const from = addDays(s.start, offset);
        const to = addDays(from, length);
        // The model: days counted up to the pause's first day, then the rest from the day after its last.
        const expected = from >= before ? before : addWorkingDays(calendar, to, total - countWorkingDays(calendar, s.start, from));
        expect(dueDate({ ...plain, pauses: [{ from, to }] }, calendar)).toBe(expected);
      }),
    );
  });

  it('a longer limit or extension never gives an earlier due date', () => {
    fc.assert(
      fc.property(arbState, fc.nat(10), fc.nat(10), (s, more, extra) => {
        return notEarlier(dueDate(s, calendar), dueDate({ ...s, limitDays: s.limitDays + more, extensionDays: s.extensionDays + extra }, calendar));
      }),
    );
  });

  it('the due date of a positive limit is a working day on which exactly nothing remains', () => {
    fc.assert(
      fc.property(arbState.filter((s) => s.limitDays + s.extensionDays > 0), (s) => {
        const due = dueDate(s, calendar);
        if (due === null) return;
        expect(calendar.isWorkingDay(due)).toBe(true);
        expect(readClock(s, calendar, due)).toMatchObject({ remainingDays: 0, overdue: false });
        expect(readClock(s, calendar, addDays(due, 1)).overdue).toBe(true);
        expect(readClock(s, calendar, addDays(due, -1)).remainingDays).toBeGreaterThanOrEqual(0);
      }),
    );
  });

  it('remaining days never go up as days pass', () => {
    fc.assert(
      fc.property(arbState, fc.nat(90), fc.nat(30), (s, offset, step) => {
        const today = addDays(s.start, offset);
        return remaining(s, calendar, addDays(today, step)) <= remaining(s, calendar, today);
      }),
    );
  });
});
