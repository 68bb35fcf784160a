/**
 * 我的办件: a person's cases, newest first. Acting for a company, the company's cases (an agent only those
 * of the items the grant covers); otherwise the cases the person filed.
 */
import { accountIdOf, agentItemScope, type PersonPrincipal } from '../../identity/index.js';
import { chinaToday } from '../case-number.js';
import { calendarCache, clockView, summaryOf } from '../case-view.js';
import { listCases, type CaseListFilter } from '../cases.repository.js';
import type { CasesDeps } from '../deps.js';

export async function listMyCases(deps: CasesDeps, principal: PersonPrincipal, page: { page: number; pageSize: number }, now?: Date) {
  const acting = principal.actingAs;
  let filter: CaseListFilter = { applicant: accountIdOf({ kind: 'person', personId: principal.account.personId }) };
  if (acting) {
    const scope = acting.role === 'agent' ? await agentItemScope(deps.db, principal.account.personId, acting.companyId) : null;
    filter = { companyId: acting.companyId, itemCodes: scope === undefined ? [] : scope };
  }
  const { total, items } = await listCases(deps.db, filter, page.pageSize, (page.page - 1) * page.pageSize);
  const calendarOf = calendarCache(deps.db);
  const today = chinaToday(now);
  return {
    total,
    page: page.page,
    pageSize: page.pageSize,
    items: await Promise.all(items.map(async (record) => ({ ...summaryOf(record), clock: await clockView(record, calendarOf, today) }))),
  };
}
