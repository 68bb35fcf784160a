/**
 * Import the national division codes from the NBS CSV layout (统计用区划代码): provinces.csv,
 * cities.csv, areas.csv and streets.csv. Short codes map onto GB/T 2260: 33 → 330000,
 * 3301 → 330100, 330106 and 330106001 stay. Rows are upserted, so a second import changes nothing.
 */
import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import cliProgress from 'cli-progress';
import { inBatches } from '../../../platform/db/batches.js';
import type { Db } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit.js';
import { bumpGeneration } from '../../../platform/generation.js';
import { jurisdictionAncestors, type JurisdictionRow } from '../catalog.repository.js';
import { withAncestors } from '../divisions.js';
import { saveJurisdictions } from '../publishing.js';
import type { DivisionRecord } from '../model.js';

const FILES = [
  { file: 'provinces.csv', level: 'province', digits: 2, parentColumn: null },
  { file: 'cities.csv', level: 'city', digits: 4, parentColumn: 'provinceCode' },
  { file: 'areas.csv', level: 'county', digits: 6, parentColumn: 'cityCode' },
  { file: 'streets.csv', level: 'township', digits: 9, parentColumn: 'areaCode' },
] as const;

/** Rows per upsert statement. */
const BATCH = 5000;

export interface ImportDivisionsResult {
  provinces: number;
  cities: number;
  counties: number;
  townships: number;
  ms: number;
}

/** GB/T 2260 code of an NBS short code: 2 and 4 digits are padded to 6, 6 and 9 digits stay. */
export function toGbCode(nbsCode: string): string {
  if (!/^(\d{2}|\d{4}|\d{6}|\d{9})$/.test(nbsCode)) throw new RangeError(`not an NBS division code: ${nbsCode}`);
  return nbsCode.length < 6 ? nbsCode.padEnd(6, '0') : nbsCode;
}

export async function importDivisions(db: Db, dir: string, options: { progress?: boolean; actor?: string } = {}): Promise<ImportDivisionsResult> {
  const started = performance.now();
  const divisions: DivisionRecord[] = [];
  const counts: number[] = [];
  for (const spec of FILES) {
    const file = path.join(dir, spec.file);
    if (!fs.existsSync(file)) throw new AppError('validation_failed', { message: `找不到 ${file}（需要 provinces.csv、cities.csv、areas.csv、streets.csv）。` });
    const records = parse(fs.readFileSync(file, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as Record<string, string>[];
    records.forEach((r, i) => {
      const code = r.code ?? '';
      const parent = spec.parentColumn ? (r[spec.parentColumn] ?? '') : null;
      if (code.length !== spec.digits || !/^\d+$/.test(code) || !r.name || (parent !== null && !/^\d+$/.test(parent))) {
        throw new AppError('validation_failed', {
          message: `${spec.file} 第 ${i + 2} 行格式不正确。`,
          errors: [{ field: `${spec.file}[${i + 2}]`, code: 'invalid_row', message: `应为 ${spec.digits} 位代码、名称${spec.parentColumn ? `和 ${spec.parentColumn}` : ''}` }],
        });
      }
      const division = { code: toGbCode(code), name: r.name, level: spec.level, parent: parent === null ? null : toGbCode(parent) };
      // A city without districts (东莞 4419, 中山 4420, 儋州 4604) repeats itself as a county with the
      // same GB/T 2260 code (441900); the city row stands for both.
      if (division.code !== division.parent) divisions.push(division);
    });
    counts.push(divisions.length - counts.reduce((a, b) => a + b, 0));
  }

  const bar = options.progress ? new cliProgress.SingleBar({ format: '行政区划 [{bar}] {value}/{total}' }, cliProgress.Presets.shades_classic) : null;
  await db.transaction(async (tx) => {
    const outsideParents = [...new Set(divisions.map((d) => d.parent).filter((p): p is string => p !== null))];
    const rows: JurisdictionRow[] = withAncestors(divisions, await jurisdictionAncestors(tx, outsideParents));
    bar?.start(rows.length, 0);
    for (const batch of inBatches(rows, BATCH)) {
      await saveJurisdictions(tx, batch, BATCH);
      bar?.increment(batch.length);
    }
    await writeAudit(tx, {
      actor: options.actor ?? 'cli',
      action: 'catalog.divisions.imported',
      subject: 'catalog.jurisdiction',
      detail: { provinces: counts[0], cities: counts[1], counties: counts[2], townships: counts[3] },
    });
    await bumpGeneration(tx, 'catalog');
  });
  bar?.stop();
  return { provinces: counts[0]!, cities: counts[1]!, counties: counts[2]!, townships: counts[3]!, ms: Math.round(performance.now() - started) };
}
