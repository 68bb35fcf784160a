import { describe, it, expect } from 'vitest';
import type { ItemElements } from './model.js';
import { computeStars } from './stars.js';
import { fiveStarElements } from './testing/fixtures.js';

const starsOf = (changes: Partial<ItemElements>, name = '食品经营许可') => computeStars({ ...fiveStarElements(), ...changes }, name);

describe('star rating', () => {
  it('gives 5★ to a fully online guide that meets every criterion', () => {
    expect(starsOf({})).toBe(5);
  });

  it('gives 0★ to an incomplete guide, whatever else it offers', () => {
    expect(starsOf({ acceptanceConditions: '' })).toBe(0);
    expect(starsOf({}, '')).toBe(0);
  });

  it('1★: complete, but no appointment or a form without blank form and sample', () => {
    expect(starsOf({ appointment: false })).toBe(1);
    const [form, licence] = fiveStarElements().materials;
    expect(starsOf({ materials: [{ ...form!, blankForm: null }, licence!] })).toBe(1);
  });

  it('2★: forms and appointment, but no unified login, online submission or progress query', () => {
    expect(starsOf({ unifiedLogin: false })).toBe(2);
    expect(starsOf({ onlineSubmission: false })).toBe(2);
    expect(starsOf({ onlineProgressQuery: false })).toBe(2);
  });

  it('3★: online application, but no pre-review or more than one visit', () => {
    expect(starsOf({ onlinePreReview: false })).toBe(3);
    expect(starsOf({ onlineDepth: '3', visits: 2, visitReason: '现场勘验' })).toBe(3);
  });

  it('4★: pre-review and at most one visit, but not fully online', () => {
    expect(starsOf({ onlineDepth: '3' })).toBe(4);
    expect(starsOf({ onlineDepth: '3', visits: 1, visitReason: '领取证书' })).toBe(4);
    expect(starsOf({ courierDelivery: false, results: [{ type: 'licence', name: '许可证', sample: 's', electronic: false }] })).toBe(4);
    expect(starsOf({ charged: true, onlinePayment: false, fees: [{ name: '工本费', standard: '10元', legalBasis: '依据' }] })).toBe(4);
    const [form, licence] = fiveStarElements().materials;
    expect(starsOf({ materials: [form!, { ...licence!, licenceType: null }] })).toBe(4);
  });

  it('5★ allows an electronic result without courier, a paid item with online payment and optional materials from the applicant', () => {
    expect(starsOf({ courierDelivery: false })).toBe(5);
    expect(starsOf({ charged: true, onlinePayment: true, fees: [{ name: '工本费', standard: '10元', legalBasis: '依据' }] })).toBe(5);
    const optional = { name: '其他说明材料', kind: 'copy', form: 'paper', required: false, sourceChannel: 'applicant', copies: 1 };
    expect(starsOf({ materials: [...fiveStarElements().materials, optional] })).toBe(5);
  });

  it('each level needs the previous ones: fully online without appointment is 1★', () => {
    expect(starsOf({ appointment: false, onlinePreReview: true })).toBe(1);
  });
});
