import { describe, it, expect } from 'vitest';
import { decisionDays } from './case-rules.js';

describe('decision limit', () => {
  it('is the promised limit capped by the legal one', () => {
    expect(decisionDays({ value: 5, unit: 'WD' }, { value: 20, unit: 'WD' })).toBe(5);
    expect(decisionDays({ value: 30, unit: 'WD' }, { value: 20, unit: 'WD' })).toBe(20);
  });
  it('is 0 for 即办 and the legal limit when nothing is promised', () => {
    expect(decisionDays({ value: null, unit: 'IMMEDIATE' }, { value: 3, unit: 'WD' })).toBe(0);
    expect(decisionDays({ value: 7, unit: 'WD' }, { value: null, unit: 'IMMEDIATE' })).toBe(7);
  });
});
