/** A case as its applicant or its agency's staff see it (GET /api/v1/cases/{number}); 404 for anyone else. */
import type { Principal } from '../../identity/index.js';
import { requireActorOnCase } from '../case-access.js';
import { chinaToday } from '../case-number.js';
import { calendarCache, clockView, summaryOf } from '../case-view.js';
import { findCaseByNumber, listCaseEvents, listCaseMaterials, type CaseRecord } from '../cases.repository.js';
import type { CasesDeps } from '../deps.js';
import { allowedActions, type CaseAction } from '../workflow.js';

export async function viewCase(deps: CasesDeps, principal: Principal, number: string, now?: Date) {
  const { record, actor } = await requireActorOnCase(deps.db, principal, await findCaseByNumber(deps.db, number));
  return presentCase(deps, record, allowedActions(record.state, actor, record.rules.workflow), now);
}

export async function presentCase(deps: CasesDeps, record: CaseRecord, allowed: CaseAction[], now?: Date) {
  const state = record.state;
  const links = record.rules.workflow.links;
  return {
    ...summaryOf(record),
    version: record.version,
    company: record.companyUscc ? { uscc: record.companyUscc } : null,
    clock: await clockView(record, calendarCache(deps.db), chinaToday(now)),
    progress: {
      link: state.linkIndex === null ? null : { index: state.linkIndex, name: links[state.linkIndex]?.name ?? '', role: links[state.linkIndex]?.role ?? '' },
      links: links.map((l) => ({ name: l.name, role: l.role })),
      deemedAccepted: state.deemedAccepted,
      correctionRounds: state.correctionRounds,
      extendedDays: state.extendedDays,
      special: state.special,
      outcome: state.outcome,
      pendingMaterials: state.pendingMaterials,
      deliveryMethod: state.deliveryMethod,
    },
    formVersion: record.formVersion,
    form: record.form,
    materials: await listCaseMaterials(deps.db, record.id),
    allowedActions: allowed,
  };
}

/** The timeline (办理过程) of a case, oldest first; same access as viewCase. */
export async function caseTimeline(deps: CasesDeps, principal: Principal, number: string) {
  const { record } = await requireActorOnCase(deps.db, principal, await findCaseByNumber(deps.db, number));
  return { number: record.number, events: await listCaseEvents(deps.db, record.id) };
}
