/**
 * 办件查询 without signing in: the case number and its 查询码 give the status and the clock, nothing else.
 * A wrong code and an unknown number get the same 404.
 */
import crypto from 'node:crypto';
import { caseNotFound } from '../case-access.js';
import { chinaToday, isCaseNumber, queryCodeSubject } from '../case-number.js';
import { calendarCache, clockView, summaryOf } from '../case-view.js';
import { findCaseByNumber } from '../cases.repository.js';
import type { CasesDeps } from '../deps.js';
import { QUERY_CODE_PURPOSE } from './submit-case.js';

export async function lookUpCaseStatus(deps: CasesDeps, number: string, queryCode: string, now?: Date) {
  const record = isCaseNumber(number) ? await findCaseByNumber(deps.db, number) : undefined;
  const given = Buffer.from(deps.fields.lookupHash(QUERY_CODE_PURPOSE, queryCodeSubject(number, queryCode)));
  const stored = Buffer.from(record?.queryCodeHash ?? '');
  if (!record || stored.length !== given.length || !crypto.timingSafeEqual(stored, given)) throw caseNotFound();
  return { ...summaryOf(record), clock: await clockView(record, calendarCache(deps.db), chinaToday(now)) };
}
