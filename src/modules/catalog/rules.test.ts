import { describe, it, expect } from 'vitest';
import { makeUscc } from '../../platform/checksums.js';
import type { ItemElements } from './model.js';
import { agencyProblems, publishingProblems } from './rules.js';
import { fiveStarElements } from './testing/fixtures.js';

const LICENSING = '01';
const CONFIRMATION = '07';

function codesOf(changes: Partial<ItemElements>, typeCode = LICENSING, name = '食品经营许可'): string[] {
  return publishingProblems({ typeCode, name, elements: { ...fiveStarElements(), ...changes } }).map((e) => e.code);
}

function problemsOf(changes: Partial<ItemElements>, typeCode = LICENSING) {
  return publishingProblems({ typeCode, name: '食品经营许可', elements: { ...fiveStarElements(), ...changes } });
}

describe('publishing rules', () => {
  it('accepts the complete licensing guide of the fixtures', () => {
    expect(problemsOf({})).toEqual([]);
  });

  it('required elements: a blank element fails with the field named', () => {
    expect(codesOf({ place: '  ' })).toEqual(['required']);
    expect(problemsOf({ place: '' })[0]).toMatchObject({ field: 'place', code: 'required', message: '办理地点不能为空' });
    expect(codesOf({}, LICENSING, '')).toEqual(['required']);
  });

  it('time_limit_invalid: days must be a positive integer, 即办 has none', () => {
    expect(codesOf({ legalLimit: { value: 0, unit: 'WD' } })).toContain('time_limit_invalid');
    expect(codesOf({ legalLimit: { value: 3, unit: 'IMMEDIATE' } })).toContain('time_limit_invalid');
    expect(codesOf({ legalLimit: { value: 3, unit: 'ND' } })).not.toContain('time_limit_invalid');
  });

  it('promised_exceeds_legal: the promised limit is at most the legal one', () => {
    expect(codesOf({ promisedLimit: { value: 21, unit: 'WD' } })).toEqual(['promised_exceeds_legal']);
    expect(codesOf({ promisedLimit: { value: 20, unit: 'WD' } })).toEqual([]);
    // 25 working days always span more than 20 calendar days
    expect(codesOf({ legalLimit: { value: 20, unit: 'ND' }, promisedLimit: { value: 25, unit: 'WD' } })).toEqual(['promised_exceeds_legal']);
    expect(codesOf({ legalLimit: { value: 20, unit: 'WD' }, promisedLimit: { value: 25, unit: 'ND' } })).toEqual([]);
  });

  it('promised_limit_immediate_mismatch: 即办 if and only if the case type is 即办件', () => {
    expect(codesOf({ promisedLimit: { value: null, unit: 'IMMEDIATE' } })).toEqual(['promised_limit_immediate_mismatch']);
    expect(codesOf({ caseType: '1' })).toEqual(['promised_limit_immediate_mismatch']);
    expect(codesOf({ caseType: '1', promisedLimit: { value: null, unit: 'IMMEDIATE' } })).toEqual([]);
  });

  it('visit_reason_required: visits other than 0 need a reason', () => {
    const offline = { onlineDepth: '3' };
    expect(codesOf({ ...offline, visits: 1, visitReason: null })).toEqual(['visit_reason_required']);
    expect(codesOf({ ...offline, visits: 1, visitReason: '须现场核验原件' })).toEqual([]);
  });

  it('depth4_requires_zero_visits: 全程网办 means no visit', () => {
    expect(codesOf({ visits: 1, visitReason: '须现场核验原件' })).toEqual(['depth4_requires_zero_visits']);
    expect(codesOf({ visits: 0 })).toEqual([]);
  });

  it('postal_required: 0 visits without online application needs postal application', () => {
    const notOnline = { onlineDepth: '2', postalApplication: false };
    expect(codesOf(notOnline)).toEqual(['postal_required']);
    expect(codesOf({ ...notOnline, postalApplication: true })).toEqual([]);
    expect(codesOf({ postalApplication: false })).toEqual([]); // depth Ⅳ with an online form applies online
  });

  it('fee_basis_required: every fee names its legal basis', () => {
    const charged = { charged: true, onlinePayment: true };
    expect(codesOf({ ...charged, fees: [{ name: '工本费', standard: '10元/证', legalBasis: '' }] })).toEqual(['fee_basis_required']);
    expect(codesOf({ ...charged, fees: [{ name: '工本费', standard: '10元/证', legalBasis: '发改价格〔2019〕1号' }] })).toEqual([]);
  });

  it('fee_item_required and fee_items_mismatch: a charged item lists named fees, a free one lists none', () => {
    expect(codesOf({ charged: true, onlinePayment: true, fees: [] })).toEqual(['fee_items_mismatch']);
    expect(codesOf({ fees: [{ name: '工本费', standard: '10元', legalBasis: '依据' }] })).toEqual(['fee_items_mismatch']);
    expect(codesOf({ charged: true, onlinePayment: true, fees: [{ name: '', standard: '10元', legalBasis: '依据' }] })).toEqual(['fee_item_required']);
  });

  it('fee_requires_online_payment: a charged item can be paid online', () => {
    const fees = [{ name: '工本费', standard: '10元/证', legalBasis: '发改价格〔2019〕1号' }];
    expect(codesOf({ charged: true, onlinePayment: false, fees })).toEqual(['fee_requires_online_payment']);
    expect(codesOf({ charged: true, onlinePayment: true, fees })).toEqual([]);
  });

  it('no_fee_forbids_online_payment: a free item offers no online payment', () => {
    expect(codesOf({ charged: false, onlinePayment: true })).toEqual(['no_fee_forbids_online_payment']);
    expect(codesOf({ charged: false, onlinePayment: false })).toEqual([]);
  });

  it('phones_must_differ: consultation and complaint phones differ, ignoring separators', () => {
    expect(codesOf({ consultationPhone: '0571 12345', complaintPhone: '0571-12345' })).toEqual(['phones_must_differ']);
    expect(codesOf({ consultationPhone: '0571-87000001', complaintPhone: '0571-12345' })).toEqual([]);
  });

  it('licensing_faq_required: a 行政许可 item has at least one FAQ; other types need none', () => {
    expect(codesOf({ faq: [] })).toEqual(['licensing_faq_required']);
    expect(codesOf({ faq: [] }, CONFIRMATION)).toEqual([]);
  });

  it('licensing_links_required: a 行政许可 item has the five links 受理, 审核, 审批, 办结, 送达', () => {
    const links = fiveStarElements().links;
    const problems = problemsOf({ links: links.filter((l) => l.name !== '送达') });
    expect(problems.map((p) => p.code)).toEqual(['licensing_links_required']);
    expect(problems[0]!.message).toContain('缺少：送达');
    expect(codesOf({ links: links.slice(0, 2) }, CONFIRMATION)).toEqual([]);
  });

  it('result_sample_required: every result has a sample', () => {
    const problems = problemsOf({ results: [{ type: 'licence', name: '食品经营许可证', sample: null }] });
    expect(problems).toEqual([{ field: 'results[0].sample', code: 'result_sample_required', message: '审批结果“食品经营许可证”须提供结果样本' }]);
    expect(codesOf({ results: [] })).toEqual([]);
  });

  it('audience_topic_mismatch: service objects agree with the person and business topics', () => {
    expect(problemsOf({ serviceObjects: ['1', '2'] })).toMatchObject([{ field: 'personTopics', code: 'audience_topic_mismatch' }]);
    expect(problemsOf({ personTopics: ['05'] })).toMatchObject([{ field: 'personTopics', code: 'audience_topic_mismatch' }]);
    expect(problemsOf({ businessTopics: [] })).toMatchObject([{ field: 'businessTopics', code: 'audience_topic_mismatch' }]);
    expect(codesOf({ serviceObjects: ['1', '2'], personTopics: ['04'] })).toEqual([]);
  });
});

describe('agency checks', () => {
  const agency = { name: '杭州市西湖区民政局', uscc: makeUscc('11', '330106', 'MB000002'), consultationPhone: '0571-87000002', complaintPhone: '12345' };

  it('accepts a valid agency', () => {
    expect(agencyProblems(agency)).toEqual([]);
    expect(agencyProblems({ ...agency, uscc: '91110000600037341L' })).toEqual([]);
  });

  it('uscc_format, uscc_check and uscc_org_check: the USCC is checked by GB 32100 and GB 11714', () => {
    expect(agencyProblems({ ...agency, uscc: '91110000600037341' }).map((e) => e.code)).toEqual(['uscc_format']);
    expect(agencyProblems({ ...agency, uscc: '91110000600037341M' }).map((e) => e.code)).toEqual(['uscc_check']);
    // A valid GB 32100 check character around an organisation code whose own check is wrong.
    expect(agencyProblems({ ...agency, uscc: '91110000600037342P' }).map((e) => e.code)).toEqual(['uscc_org_check']);
  });

  it('phones_must_differ: the consultation and complaint phones of an agency differ', () => {
    expect(agencyProblems({ ...agency, complaintPhone: agency.consultationPhone })).toMatchObject([{ field: 'complaintPhone', code: 'phones_must_differ' }]);
  });
});
