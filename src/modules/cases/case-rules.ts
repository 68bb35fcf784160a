/**
 * What a case keeps of its item at submission (`cases.case.rules`): the workflow rules, the clock limits, the
 * agency and the jurisdiction whose working calendar counts. Frozen, so that republishing an item never changes
 * the process or the limits of a case already running.
 */
import type { ItemGuide, TimeLimit } from '../catalog/index.js';
import type { ClockLimits } from './case-clock.js';
import { caseRulesOf } from './item-rules.js';
import type { CaseRules } from './workflow.js';

export interface CaseRecordRules {
  workflow: CaseRules;
  limits: ClockLimits;
  agency: { id: number; name: string };
  jurisdiction: { code: string; name: string; ancestors: string[] };
  /** 在线预审: the case waits in `submitted` for a window clerk to receive it; otherwise it is received at once. */
  onlinePreReview: boolean;
}

/** Working days of a limit; 即办 is 0. Natural-day limits (ND) are taken as working days for now (README: left). */
const daysOf = (limit: TimeLimit): number => (limit.unit === 'IMMEDIATE' || limit.value === null ? 0 : limit.value);

/** 承诺时限 capped by 法定时限 (art. 42); the promised one alone when the legal one is 即办 or unset. */
export function decisionDays(promised: TimeLimit, legal: TimeLimit): number {
  const p = daysOf(promised);
  const l = daysOf(legal);
  return l === 0 ? p : Math.min(p, l);
}

export function caseRecordRules(guide: ItemGuide): CaseRecordRules {
  const elements = guide.elements;
  const workflow = caseRulesOf({
    caseType: elements.caseType,
    links: elements.links.map((link) => ({ name: link.name, role: link.role ?? null })),
    reviewBody: elements.reviewBody,
    litigationBody: elements.litigationBody,
  });
  const linkDays = workflow.links.map((link) => {
    const source = elements.links.find((l) => l.name === link.name);
    return source && source.timeLimit.unit === 'WD' && source.timeLimit.value !== null ? source.timeLimit.value : null;
  });
  return {
    workflow,
    limits: { decisionDays: workflow.immediate ? 0 : decisionDays(elements.promisedLimit, elements.legalLimit), linkDays },
    agency: { id: guide.agency.id, name: guide.agency.name },
    jurisdiction: guide.jurisdiction,
    onlinePreReview: elements.onlinePreReview,
  };
}
