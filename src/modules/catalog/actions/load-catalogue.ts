/**
 * Load a whole catalogue (divisions, agencies, basic items, implementation items) as published
 * versions in one transaction: the demo seed and a province's data. Every item passes the same
 * publishing rules as an edited one; the load is refused with the first failures listed.
 */
import type { Db } from '../../../platform/db/index.js';
import { AppError, type FieldError } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit.js';
import {
  ensureItems,
  insertVersions,
  isCatalogueEmpty,
  jurisdictionAncestors,
  lockCatalogueLoads,
  upsertAgencies,
  upsertBasicItems,
} from '../catalog.repository.js';
import { withAncestors } from '../divisions.js';
import type { CatalogueData } from '../model.js';
import { publishAndIndex, saveJurisdictions } from '../publishing.js';
import { agencyProblems, publishingProblems } from '../rules.js';
import { computeStars } from '../stars.js';

/** How many problems a refused load lists. */
const MAX_LISTED = 20;

export interface LoadResult {
  jurisdictions: number;
  agencies: number;
  basicItems: number;
  items: number;
  ms: number;
}

export interface LoadOptions {
  actor?: string;
  /**
   * Load only into a catalogue without items, and return null otherwise. Loads with this option are
   * serialised by a lock and the emptiness is checked inside the load's transaction, so two servers
   * that start together on one empty PostgreSQL database never both seed it.
   */
  onlyIfEmpty?: boolean;
}

export async function loadCatalogue(db: Db, data: CatalogueData, options: LoadOptions & { onlyIfEmpty: true }): Promise<LoadResult | null>;
export async function loadCatalogue(db: Db, data: CatalogueData, options?: LoadOptions): Promise<LoadResult>;
export async function loadCatalogue(db: Db, data: CatalogueData, options: LoadOptions = {}): Promise<LoadResult | null> {
  const started = performance.now();
  const { errors, total } = catalogueProblems(data);
  if (total > 0) {
    throw new AppError('validation_failed', {
      message: `目录数据有 ${total} 处问题，未载入（列出前 ${errors.length} 处）。`,
      errors,
    });
  }
  const loaded = await db.transaction(async (tx) => {
    if (options.onlyIfEmpty) {
      await lockCatalogueLoads(tx);
      if (!(await isCatalogueEmpty(tx))) return false;
    }
    const parentCodes = [...new Set(data.divisions.map((d) => d.parent).filter((p): p is string => p !== null))];
    await saveJurisdictions(tx, withAncestors(data.divisions, await jurisdictionAncestors(tx, parentCodes)));
    const agencyIds = await upsertAgencies(
      tx,
      data.agencies.map((a) => ({ ...a, jurisdictionCode: a.jurisdiction })),
    );
    await upsertBasicItems(tx, data.basicItems);
    const itemIds = await ensureItems(
      tx,
      data.implementationItems.map((r) => ({
        implementationCode: r.implementationCode,
        basicCode: r.basicCode,
        agencyId: agencyIds.get(r.agencyUscc)!,
        level: r.level,
        popularity: r.popularity,
      })),
    );
    const versions = data.implementationItems.map((r) => ({
      itemId: itemIds.get(r.implementationCode)!,
      status: 'published' as const,
      name: r.name,
      bodyNature: r.bodyNature,
      powerSource: r.powerSource,
      elements: r.elements,
      stars: computeStars(r.elements, r.name),
    }));
    const versionIds = await insertVersions(tx, versions);
    await publishAndIndex(
      tx,
      versions.map((v, i) => ({ versionId: versionIds[i]!, itemId: v.itemId, stars: v.stars })),
    );
    await writeAudit(tx, {
      actor: options.actor ?? 'system',
      action: 'catalog.catalogue.loaded',
      subject: 'catalog',
      detail: { divisions: data.divisions.length, agencies: data.agencies.length, basicItems: data.basicItems.length, items: versions.length },
    });
    return true;
  });
  if (!loaded) return null;
  return {
    jurisdictions: data.divisions.length,
    agencies: data.agencies.length,
    basicItems: data.basicItems.length,
    items: data.implementationItems.length,
    ms: Math.round(performance.now() - started),
  };
}

/** Every problem of the data set (counted), the first MAX_LISTED of them listed with a field path. */
export function catalogueProblems(data: CatalogueData): { errors: FieldError[]; total: number } {
  const errors: FieldError[] = [];
  let total = 0;
  const report = (prefix: string, problems: FieldError[]) => {
    total += problems.length;
    for (const p of problems) if (errors.length < MAX_LISTED) errors.push({ ...p, field: `${prefix}.${p.field}` });
  };
  const divisionCodes = new Set(data.divisions.map((d) => d.code));
  const agencies = new Map<string, string>();
  data.agencies.forEach((a, i) => {
    const problems = agencyProblems(a);
    if (agencies.has(a.uscc)) problems.push({ field: 'uscc', code: 'duplicate', message: `统一社会信用代码 ${a.uscc} 重复` });
    if (!divisionCodes.has(a.jurisdiction)) problems.push({ field: 'jurisdiction', code: 'unknown_jurisdiction', message: `行政区划 ${a.jurisdiction} 不在数据中` });
    agencies.set(a.uscc, a.jurisdiction);
    report(`agencies[${i}]`, problems);
  });
  const typeOf = new Map(data.basicItems.map((b) => [b.code, b.typeCode]));
  const seen = new Set<string>();
  data.implementationItems.forEach((r, i) => {
    const typeCode = typeOf.get(r.basicCode);
    const problems: FieldError[] = [];
    if (typeCode === undefined) problems.push({ field: 'basicCode', code: 'unknown_basic_item', message: `基本编码 ${r.basicCode} 不在基本目录中` });
    if (!agencies.has(r.agencyUscc)) problems.push({ field: 'agencyUscc', code: 'unknown_agency', message: `实施主体 ${r.agencyUscc} 不在数据中` });
    if (r.implementationCode !== r.agencyUscc + r.level + r.basicCode) {
      problems.push({ field: 'implementationCode', code: 'implementation_code_mismatch', message: '实施编码应为实施主体统一社会信用代码 + 行使层级 + 基本编码' });
    }
    if (seen.has(r.implementationCode)) problems.push({ field: 'implementationCode', code: 'duplicate', message: `实施编码 ${r.implementationCode} 重复` });
    seen.add(r.implementationCode);
    problems.push(...publishingProblems({ typeCode: typeCode ?? '', name: r.name, elements: r.elements }));
    report(`implementationItems[${i}](${r.implementationCode})`, problems);
  });
  return { errors, total };
}
