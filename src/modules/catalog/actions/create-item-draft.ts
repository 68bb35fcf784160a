/**
 * Start a draft version of an implementation item: a new item (version 1), or a new version copied
 * from the published one. A published version never changes; edits go to the draft.
 */
import type { Db, Queryable } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit.js';
import { basicItemTypes, ensureItems, findItem, findOpenVersion, getAgency, getVersion, insertVersions, type VersionDetails } from '../catalog.repository.js';
import type { ItemElements } from '../model.js';
import { requireItem } from '../item-lookup.js';
import { computeStars } from '../stars.js';

export interface NewItem {
  basicCode: string;
  agencyId: number;
  /** 行使层级 digit (exercise_level list). */
  level: string;
  name: string;
  bodyNature: string;
  powerSource: string;
  elements: ItemElements;
}

export type CreateItemDraftInput = ({ item: NewItem } | { implementationCode: string }) & { actor: string; requestId?: string };

export async function createItemDraft(db: Db, input: CreateItemDraftInput): Promise<VersionDetails> {
  return db.transaction(async (tx) => {
    const { itemId, content } = 'item' in input ? await newItem(tx, input.item) : await copyOfPublished(tx, input.implementationCode);
    const [versionId] = await insertVersions(tx, [{ itemId, status: 'draft', ...content, stars: computeStars(content.elements, content.name) }]);
    const draft = (await getVersion(tx, versionId!))!;
    await writeAudit(tx, {
      actor: input.actor,
      action: 'catalog.item.draft_created',
      subject: draft.implementationCode,
      requestId: input.requestId,
      detail: { version: draft.version },
    });
    return draft;
  });
}

type Content = Pick<NewItem, 'name' | 'bodyNature' | 'powerSource' | 'elements'>;

async function newItem(tx: Queryable, item: NewItem): Promise<{ itemId: number; content: Content }> {
  const agency = await getAgency(tx, item.agencyId);
  const errors = [];
  if (!agency) errors.push({ field: 'agencyId', code: 'unknown_agency', message: `实施主体 ${item.agencyId} 不存在` });
  if (!(await basicItemTypes(tx, [item.basicCode])).has(item.basicCode)) {
    errors.push({ field: 'basicCode', code: 'unknown_basic_item', message: `基本编码 ${item.basicCode} 不在基本目录中` });
  }
  if (!/^[1-7]$/.test(item.level)) errors.push({ field: 'level', code: 'invalid_level', message: '行使层级应为1至7' });
  if (!agency || errors.length > 0) throw new AppError('validation_failed', { message: '事项信息有误。', errors });
  const implementationCode = agency.uscc + item.level + item.basicCode;
  if (await findItem(tx, implementationCode)) {
    throw new AppError('conflict', { message: `实施编码为 ${implementationCode} 的事项已存在，请在其基础上新建版本。` });
  }
  const ids = await ensureItems(tx, [{ implementationCode, basicCode: item.basicCode, agencyId: agency.id, level: item.level }]);
  const { name, bodyNature, powerSource, elements } = item;
  return { itemId: ids.get(implementationCode)!, content: { name, bodyNature, powerSource, elements } };
}

async function copyOfPublished(tx: Queryable, implementationCode: string): Promise<{ itemId: number; content: Content }> {
  const item = await requireItem(tx, implementationCode);
  const open = await findOpenVersion(tx, item.id);
  if (open) throw new AppError('conflict', { message: `事项 ${implementationCode} 已有未发布的第 ${open.version} 版，请先处理该版本。` });
  if (item.publishedVersionId === null) throw new AppError('not_found', { message: `事项 ${implementationCode} 没有已发布的版本。` });
  const { name, bodyNature, powerSource, elements } = (await getVersion(tx, item.publishedVersionId))!;
  return { itemId: item.id, content: { name, bodyNature, powerSource, elements } };
}
