/** 验证码: six-digit codes sent by SMS or e-mail, kept only as keyed hashes. */
import crypto from 'node:crypto';
import { AppError } from '../../platform/errors.js';
import type { Queryable } from '../../platform/db/index.js';
import type { IdentityDeps } from './deps.js';
import { countRecentCodes, insertOneTimeCode, markCodeUsed, takeCodeAttempt, type CodePurpose } from './identity.repository.js';
import { queueEmail, queueSms } from './notify.js';

const CODE_LIFETIME_SECONDS = 10 * 60;
/** One code a minute and ten a day per person and purpose: SMS costs money and invites abuse. */
const MIN_INTERVAL_SECONDS = 60;
const DAILY_LIMIT = 10;

function codeHash(deps: IdentityDeps, personId: string, purpose: CodePurpose, code: string): string {
  return deps.fields.lookupHash('one_time_code', `${personId}:${purpose}:${code}`);
}

/** Where a code goes: an SMS to a phone, or an e-mail. */
export type CodeChannel = { sms: string } | { email: string; subject: string };

/** Send a new code in the caller's transaction; 429 when the person asked too often. */
export async function sendCode(tx: Queryable, deps: IdentityDeps, c: { personId: string; purpose: CodePurpose; to: CodeChannel; text: (code: string) => string }): Promise<void> {
  const [lastMinute, lastDay] = [
    await countRecentCodes(tx, c.personId, c.purpose, MIN_INTERVAL_SECONDS),
    await countRecentCodes(tx, c.personId, c.purpose, 24 * 60 * 60),
  ];
  if (lastMinute > 0 || lastDay >= DAILY_LIMIT) {
    const wait = lastDay >= DAILY_LIMIT ? 24 * 60 * 60 : MIN_INTERVAL_SECONDS;
    throw new AppError('rate_limited', {
      message: lastDay >= DAILY_LIMIT ? '今日验证码发送次数已达上限，请明天再试。Daily limit reached: try again tomorrow.' : '验证码已发送，请 1 分钟后再试。A code was just sent: wait a minute.',
      headers: { 'retry-after': String(wait) },
    });
  }
  const code = crypto.randomInt(0, 1_000_000).toString().padStart(6, '0');
  await insertOneTimeCode(tx, { personId: c.personId, purpose: c.purpose, codeHash: codeHash(deps, c.personId, c.purpose, code), lifetimeSeconds: CODE_LIFETIME_SECONDS });
  if ('sms' in c.to) await queueSms(tx, deps, c.to.sms, c.text(code));
  else await queueEmail(tx, deps, c.to.email, c.to.subject, c.text(code));
}

const INVALID_CODE = (field: string) =>
  new AppError('validation_failed', {
    message: '验证码错误或已失效。The code is wrong or has expired.',
    errors: [{ field, code: 'invalid_code', message: '验证码错误或已失效，请重新获取 (wrong or expired code: request a new one)' }],
  });

/**
 * Check a code against the person's latest live one, spending an attempt (committed at once, so
 * that a wrong guess counts even though the caller's change is not made); returns the code's id for
 * `useCode`. Throws a field error when it is wrong, expired or out of attempts.
 */
export async function checkCode(deps: IdentityDeps, c: { personId: string; purpose: CodePurpose; code: string; field: string }): Promise<string> {
  const live = await takeCodeAttempt(deps.db, c.personId, c.purpose);
  const given = Buffer.from(codeHash(deps, c.personId, c.purpose, c.code.trim()));
  if (!live || !crypto.timingSafeEqual(Buffer.from(live.codeHash), given)) throw INVALID_CODE(c.field);
  return live.id;
}

/** Use a checked code up in the caller's transaction; of two requests racing with one code, one wins. */
export async function useCode(tx: Queryable, codeId: string, field: string): Promise<void> {
  if (!(await markCodeUsed(tx, codeId))) throw INVALID_CODE(field);
}
