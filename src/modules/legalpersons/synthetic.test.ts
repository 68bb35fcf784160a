import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../../platform/checksums.js';
import { generateResidents } from '../population/index.js';
import { DEMO_LEGAL_PERSONS, generateLegalPersons } from './synthetic.js';

describe('generateLegalPersons', () => {
  const residents = generateResidents();
  const people = generateLegalPersons(residents);
  const byId = new Map(residents.map((r) => [r.idNumber, r]));

  it('makes 300 legal persons with valid, unique USCCs represented by residents', () => {
    expect(people).toHaveLength(300);
    expect(new Set(people.map((p) => p.uscc)).size).toBe(300);
    expect(new Set(people.map((p) => p.name)).size).toBe(300);
    for (const p of people) {
      expect(isValidUscc(p.uscc), p.uscc).toBe(true);
      expect(p.uscc.slice(2, 8)).toBe(p.divisionCode);
      expect(byId.get(p.representativeIdNumber)?.name).toBe(p.representativeName);
    }
    const cancelled = people.filter((p) => p.status === 'cancelled').length;
    expect(cancelled).toBeGreaterThan(0);
    expect(cancelled).toBeLessThan(40);
  });

  it('is deterministic', () => {
    expect(generateLegalPersons(generateResidents())).toEqual(people);
    expect(DEMO_LEGAL_PERSONS).toEqual(people.slice(0, 10));
  });
});
