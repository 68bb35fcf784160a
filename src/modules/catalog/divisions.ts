/** Ancestor paths of divisions (行政区划), for "this jurisdiction and everything under it". */
import { AppError } from '../../platform/errors.js';
import type { JurisdictionRow } from './catalog.repository.js';
import type { DivisionRecord } from './model.js';

/**
 * Rows ready to write, parents first. A parent missing from `divisions` is looked up in `known`
 * (ancestor paths already in the database).
 */
export function withAncestors(divisions: readonly DivisionRecord[], known: ReadonlyMap<string, string[]>): JurisdictionRow[] {
  const byCode = new Map(divisions.map((d) => [d.code, d]));
  const paths = new Map<string, string[]>();
  const pathOf = (code: string, seen: Set<string>): string[] => {
    const cached = paths.get(code) ?? (byCode.has(code) ? undefined : known.get(code));
    if (cached) return cached;
    const division = byCode.get(code);
    if (!division || seen.has(code)) {
      throw new AppError('validation_failed', {
        message: `行政区划数据不完整：${code} 不存在或上下级关系成环。`,
        errors: [{ field: 'divisions', code: 'unknown_parent', message: `行政区划 ${code} 不存在或上下级关系成环` }],
      });
    }
    seen.add(code);
    const path = division.parent ? [...pathOf(division.parent, seen), code] : [code];
    paths.set(code, path);
    return path;
  };
  return divisions
    .map((d) => ({ code: d.code, name: d.name, level: d.level, parentCode: d.parent, ancestors: pathOf(d.code, new Set()) }))
    .sort((a, b) => a.ancestors.length - b.ancestors.length || a.code.localeCompare(b.code));
}
