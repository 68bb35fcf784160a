/** 经办人授权: the representative lets a real-name-verified person act for the company. */
import { writeAudit } from '../../../platform/audit.js';
import { isValidCitizenId } from '../../../platform/checksums.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import type { IdentityDeps, RequestMeta } from '../deps.js';
import { companyRepresentedBy } from '../company-access.js';
import { findPersonIdentity, insertAgentGrant } from '../identity.repository.js';
import { LEVEL_REAL_NAME } from '../levels.js';

export interface AgentGrantInput {
  agentName: string;
  agentIdNumber: string;
  /** Implementation codes the agent may apply for; empty or absent: all items. */
  itemCodes?: string[];
  /** Last day of the grant (YYYY-MM-DD), today to five years ahead. */
  validUntil: string;
}

const MAX_YEARS = 5;

function dateProblems(validUntil: string, today: string): FieldError[] {
  const field = 'body.validUntil';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(validUntil) || Number.isNaN(Date.parse(`${validUntil}T00:00:00Z`))) {
    return [{ field, code: 'invalid_date', message: '日期格式应为 YYYY-MM-DD (date as YYYY-MM-DD)' }];
  }
  const latest = `${Number(today.slice(0, 4)) + MAX_YEARS}${today.slice(4)}`;
  if (validUntil < today) return [{ field, code: 'date_in_past', message: '授权截止日期不能早于今天 (the end date is in the past)' }];
  if (validUntil > latest) return [{ field, code: 'date_too_far', message: `授权期限最长 ${MAX_YEARS} 年 (at most ${MAX_YEARS} years)` }];
  return [];
}

export async function grantAgent(deps: IdentityDeps, representativeId: string, uscc: string, input: AgentGrantInput, meta: RequestMeta): Promise<{ grantId: string }> {
  const idNumber = input.agentIdNumber.trim().toUpperCase();
  const errors: FieldError[] = [];
  if (!isValidCitizenId(idNumber)) errors.push({ field: 'body.agentIdNumber', code: 'invalid_id_number', message: '公民身份号码无效 (invalid citizen ID number)' });
  errors.push(...dateProblems(input.validUntil, new Date().toISOString().slice(0, 10)));
  if (errors.length) throw new AppError('validation_failed', { message: '授权信息有误。', errors });

  const company = await companyRepresentedBy(deps.db, representativeId, uscc);
  const agent = await findPersonIdentity(deps.db, deps.fields.lookupHash('id_number', idNumber));
  if (!agent || agent.name !== input.agentName.trim()) {
    throw new AppError('validation_failed', {
      message: '未找到该经办人的账户：请核对姓名和身份证号，并请其先注册。',
      errors: [{ field: 'body.agentIdNumber', code: 'agent_not_found', message: '未找到姓名与身份证号一致的账户 (no account with this name and ID number)' }],
    });
  }
  if (agent.id === representativeId) throw new AppError('validation_failed', { message: '法定代表人无需授权给自己。', errors: [{ field: 'body.agentIdNumber', code: 'self_grant', message: '不能授权给自己 (cannot grant to yourself)' }] });
  if (agent.level < LEVEL_REAL_NAME) {
    throw new AppError('validation_failed', {
      message: '经办人需先完成实名认证（二级）。',
      errors: [{ field: 'body.agentIdNumber', code: 'agent_level_too_low', message: '经办人需先完成实名认证 (the agent must reach real-name level 2 first)' }],
    });
  }
  const itemCodes = input.itemCodes?.map((c) => c.trim()).filter(Boolean) ?? [];
  return deps.db.transaction(async (tx) => {
    const grantId = await insertAgentGrant(tx, { companyId: company.id, agentId: agent.id, itemCodes: itemCodes.length ? itemCodes : null, validUntil: input.validUntil, grantedBy: representativeId });
    await writeAudit(tx, {
      actor: `person:${representativeId}`,
      action: 'identity.agent_granted',
      subject: `company:${company.id}`,
      requestId: meta.requestId,
      detail: { grantId, agent: `person:${agent.id}`, items: itemCodes.length ? itemCodes : 'all', validUntil: input.validUntil },
    });
    return { grantId };
  });
}
