import { describe, it, expect } from 'vitest';
import { LEGAL_MAX_EXTENSION_DAYS, caseRulesOf, workflowLinks } from './item-rules.js';

/** The links of a demo 行政许可 item (src/modules/demo/generate.ts). */
const LICENSING_LINKS = [
  { name: '受理', role: 'window_clerk' },
  { name: '审核', role: 'reviewer' },
  { name: '审批', role: 'approver' },
  { name: '办结', role: 'handler' },
  { name: '送达', role: 'handler' },
];

describe('workflowLinks', () => {
  it('keeps the links between acceptance and the decision: 受理 is accept, 办结 the decision, 送达 deliver', () => {
    expect(workflowLinks({ caseType: '2', links: LICENSING_LINKS })).toEqual([
      { name: '审核', role: 'reviewer' },
      { name: '审批', role: 'approver' },
    ]);
  });

  it('without an approver link the last remaining link decides; unknown or missing roles become handler', () => {
    expect(
      workflowLinks({
        caseType: '2',
        links: [{ name: '受理', role: 'window_clerk' }, { name: '核定', role: 'supervisor' }, { name: '办结' }, { name: '送达', role: 'handler' }],
      }),
    ).toEqual([
      { name: '核定', role: 'handler' },
      { name: '办结', role: 'handler' },
    ]);
  });

  it('falls back to 承办 → 审核 → 批准, or for 即办件 to one window link', () => {
    const none = [{ name: '受理', role: 'window_clerk' }, { name: '送达' }];
    expect(workflowLinks({ caseType: '2', links: none }).map((l) => `${l.name}:${l.role}`)).toEqual(['承办:handler', '审核:reviewer', '批准:approver']);
    expect(workflowLinks({ caseType: '1', links: none })).toEqual([{ name: '办结', role: 'window_clerk' }]);
    expect(workflowLinks({ caseType: '1', links: [] })).toEqual([{ name: '办结', role: 'window_clerk' }]);
  });
});

describe('caseRulesOf', () => {
  it('segregation of duties is on by default, off by default for 即办件, and the item can set it', () => {
    expect(caseRulesOf({ caseType: '2', links: LICENSING_LINKS }).segregationOfDuties).toBe(true);
    expect(caseRulesOf({ caseType: '9', links: LICENSING_LINKS }).segregationOfDuties).toBe(true);
    expect(caseRulesOf({ caseType: '1', links: [] }).segregationOfDuties).toBe(false);
    expect(caseRulesOf({ caseType: '1', links: [] }, { segregationOfDuties: true }).segregationOfDuties).toBe(true);
    expect(caseRulesOf({ caseType: '2', links: [] }, { segregationOfDuties: false }).segregationOfDuties).toBe(false);
  });

  it('the extension maximum is 10 working days unless the item says more; rights come from the item', () => {
    expect(LEGAL_MAX_EXTENSION_DAYS).toBe(10);
    expect(caseRulesOf({ caseType: '2', links: [] }).maxExtensionDays).toBe(10);
    expect(caseRulesOf({ caseType: '2', links: [] }, { maxExtensionDays: 15 }).maxExtensionDays).toBe(15);
    expect(caseRulesOf({ caseType: '2', links: [], reviewBody: '西湖区人民政府', litigationBody: '西湖区人民法院' }).rights).toEqual({
      reviewBody: '西湖区人民政府',
      litigationBody: '西湖区人民法院',
    });
    expect(caseRulesOf({ caseType: '2', links: [], reviewBody: '西湖区人民政府', litigationBody: '' }).rights).toBeNull();
    expect(caseRulesOf({ caseType: '1', links: [] }).immediate).toBe(true);
  });
});
