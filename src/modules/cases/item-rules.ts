/**
 * The workflow rules of a case (CaseRules) from its item's published elements. Structural input, so that
 * this file needs nothing from the catalogue module: the caller passes the item version's elements.
 */
import type { CaseRules, WorkflowLink, WorkflowRole } from './workflow.js';

/** Art. 42: the decision limit may be extended once by at most 10 working days, unless a law provides more. */
export const LEGAL_MAX_EXTENSION_DAYS = 10;

const WORKFLOW_ROLES: readonly string[] = ['window_clerk', 'handler', 'reviewer', 'approver'];
const IMMEDIATE_CASE_TYPE = '1';

/** The parts of a catalogue item version (ItemElements) the workflow reads. */
export interface ItemWorkflowElements {
  /** 办件类型 code: 1 即办件, 2 承诺件, 9 其他 */
  caseType: string;
  /** 办理环节, in order */
  links: readonly { name: string; role?: string | null }[];
  reviewBody?: string;
  litigationBody?: string;
}

export interface CaseRulesOptions {
  /** 岗位分离; default on, except for 即办件 (decided on the spot by one clerk, art. 34). */
  segregationOfDuties?: boolean;
  /** Default 10 (art. 42); an item whose law allows more sets it. */
  maxExtensionDays?: number;
}

const roleOf = (role: string | null | undefined): WorkflowRole => (role && WORKFLOW_ROLES.includes(role) ? (role as WorkflowRole) : 'handler');

/**
 * The links a case runs through between acceptance and decision. The catalogue lists the whole process
 * (受理, 审核, 审批, 办结, 送达): 受理 is the `accept` action and 送达 the `deliver` action, so they are dropped;
 * the decision is taken in the last approver link, so links after it (办结) are part of the decision.
 */
export function workflowLinks(elements: ItemWorkflowElements): WorkflowLink[] {
  const immediate = elements.caseType === IMMEDIATE_CASE_TYPE;
  let links = elements.links.filter((link) => link.name !== '送达');
  while (links[0] && (links[0].name === '受理' || links[0].role === 'window_clerk')) links = links.slice(1);
  const lastApprover = links.map((link) => link.role).lastIndexOf('approver');
  if (lastApprover >= 0) links = links.slice(0, lastApprover + 1);
  if (links.length > 0) return links.map((link) => ({ name: link.name, role: roleOf(link.role) }));
  return immediate
    ? [{ name: '办结', role: 'window_clerk' }]
    : [
        { name: '承办', role: 'handler' },
        { name: '审核', role: 'reviewer' },
        { name: '批准', role: 'approver' },
      ];
}

export function caseRulesOf(elements: ItemWorkflowElements, options: CaseRulesOptions = {}): CaseRules {
  const immediate = elements.caseType === IMMEDIATE_CASE_TYPE;
  const rights =
    elements.reviewBody && elements.litigationBody ? { reviewBody: elements.reviewBody, litigationBody: elements.litigationBody } : null;
  return {
    links: workflowLinks(elements),
    immediate,
    segregationOfDuties: options.segregationOfDuties ?? !immediate,
    maxExtensionDays: options.maxExtensionDays ?? LEGAL_MAX_EXTENSION_DAYS,
    rights,
  };
}
