/** Lookups shared by the item actions, failing with the module's stable error codes. */
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import { findItem, findOpenVersion, type ItemRef } from './catalog.repository.js';

const STATUS_ZH = { draft: '草稿', in_review: '审核中' } as const;

export async function requireItem(tx: Queryable, implementationCode: string): Promise<ItemRef> {
  const item = await findItem(tx, implementationCode);
  if (!item) throw new AppError('not_found', { message: `实施编码为 ${implementationCode} 的事项不存在。` });
  return item;
}

/** The item's open version, which must be in `status`; locked for the transaction. */
export async function requireOpenVersion(tx: Queryable, item: ItemRef, status: 'draft' | 'in_review'): Promise<{ id: number; version: number }> {
  const open = await findOpenVersion(tx, item.id);
  if (!open) throw new AppError('invalid_transition', { message: `事项 ${item.implementationCode} 没有${STATUS_ZH[status]}版本。` });
  if (open.status !== status) {
    throw new AppError('invalid_transition', {
      message: `事项 ${item.implementationCode} 的第 ${open.version} 版处于${STATUS_ZH[open.status as 'draft' | 'in_review']}状态，不是${STATUS_ZH[status]}。`,
    });
  }
  return open;
}
