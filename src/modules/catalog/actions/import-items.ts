/**
 * Read items from a JSON file written by exportItems (or by another platform in the same format).
 * Every valid item becomes a new version; those that pass the publishing rules are published, the
 * others stay drafts. Problems are reported per item; a file that is not the format is refused whole.
 */
import fs from 'node:fs/promises';
import type { Db } from '../../../platform/db/index.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit.js';
import { agencyIdsByUscc, basicItemTypes, ensureItems, insertVersions, itemsWithOpenVersions, upsertBasicItems } from '../catalog.repository.js';
import { publishAndIndex } from '../publishing.js';
import { publishingProblems } from '../rules.js';
import { ZItemsFile } from '../schemas.js';
import { computeStars } from '../stars.js';

/** How many format problems a refused file lists. */
const MAX_LISTED = 50;

export interface ItemProblem extends FieldError {
  implementationCode: string;
}

export interface ImportItemsResult {
  items: number;
  published: number;
  drafts: number;
  skipped: number;
  errors: ItemProblem[];
}

export async function importItems(db: Db, file: string, options: { actor?: string } = {}): Promise<ImportItemsResult> {
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (e) {
    throw new AppError('validation_failed', { message: `无法读取 ${file}：${(e as Error).message}` });
  }
  const parsed = ZItemsFile.safeParse(raw);
  if (!parsed.success) {
    throw new AppError('validation_failed', {
      message: `${file} 不是 onestop.items 第1版格式的文件。`,
      errors: parsed.error.issues.slice(0, MAX_LISTED).map((i) => ({ field: i.path.join('.'), code: i.code, message: i.message })),
    });
  }
  const { basicItems, items } = parsed.data;
  const errors: ItemProblem[] = [];
  const problem = (implementationCode: string, e: FieldError) => errors.push({ implementationCode, ...e });

  return db.transaction(async (tx) => {
    await upsertBasicItems(tx, basicItems);
    const agencyIds = await agencyIdsByUscc(tx, [...new Set(items.map((i) => i.agencyUscc))]);
    const types = await basicItemTypes(tx, [...new Set(items.map((i) => i.basicCode))]);
    const seen = new Set<string>();
    const acceptable = items.filter((r) => {
      const before = errors.length;
      if (seen.has(r.implementationCode)) problem(r.implementationCode, { field: 'implementationCode', code: 'duplicate', message: '文件中实施编码重复，仅导入第一条' });
      if (!agencyIds.has(r.agencyUscc)) problem(r.implementationCode, { field: 'agencyUscc', code: 'unknown_agency', message: `实施主体 ${r.agencyUscc} 不存在` });
      if (!types.has(r.basicCode)) problem(r.implementationCode, { field: 'basicCode', code: 'unknown_basic_item', message: `基本编码 ${r.basicCode} 不在基本目录中` });
      if (r.implementationCode !== r.agencyUscc + r.level + r.basicCode) {
        problem(r.implementationCode, { field: 'implementationCode', code: 'implementation_code_mismatch', message: '实施编码应为实施主体统一社会信用代码 + 行使层级 + 基本编码' });
      }
      seen.add(r.implementationCode);
      return errors.length === before;
    });
    const itemIds = await ensureItems(
      tx,
      acceptable.map((r) => ({ implementationCode: r.implementationCode, basicCode: r.basicCode, agencyId: agencyIds.get(r.agencyUscc)!, level: r.level })),
    );
    const busy = await itemsWithOpenVersions(tx, [...itemIds.values()]);
    const versions = acceptable.flatMap((r) => {
      const itemId = itemIds.get(r.implementationCode)!;
      if (busy.has(itemId)) {
        problem(r.implementationCode, { field: 'implementationCode', code: 'open_version_exists', message: '该事项已有未发布的版本，未导入' });
        return [];
      }
      const ruleProblems = publishingProblems({ typeCode: types.get(r.basicCode)!, name: r.name, elements: r.elements });
      for (const p of ruleProblems) problem(r.implementationCode, p);
      const status = ruleProblems.length === 0 ? ('published' as const) : ('draft' as const);
      return [{ itemId, status, name: r.name, bodyNature: r.bodyNature, powerSource: r.powerSource, elements: r.elements, stars: computeStars(r.elements, r.name) }];
    });
    const versionIds = await insertVersions(tx, versions);
    const published = versions.flatMap((v, i) => (v.status === 'published' ? [{ versionId: versionIds[i]!, itemId: v.itemId, stars: v.stars }] : []));
    await publishAndIndex(tx, published);
    const result = { items: items.length, published: published.length, drafts: versions.length - published.length, skipped: items.length - versions.length, errors };
    await writeAudit(tx, {
      actor: options.actor ?? 'cli',
      action: 'catalog.items.imported',
      subject: 'catalog.item',
      detail: { file, items: result.items, published: result.published, drafts: result.drafts, skipped: result.skipped },
    });
    return result;
  });
}
