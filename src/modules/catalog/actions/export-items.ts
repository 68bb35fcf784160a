/** Write the published items (optionally of one jurisdiction and those under it) to a JSON file. */
import fs from 'node:fs/promises';
import type { Queryable } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { basicItemsByCode, getJurisdiction, listPublishedVersions } from '../catalog.repository.js';
import { toRecord } from '../records.js';
import { ITEMS_FILE_FORMAT } from '../schemas.js';

export async function exportItems(db: Queryable, file: string, options: { jurisdiction?: string | undefined } = {}): Promise<{ file: string; basicItems: number; items: number }> {
  if (options.jurisdiction && !(await getJurisdiction(db, options.jurisdiction))) {
    throw new AppError('not_found', { message: `行政区划 ${options.jurisdiction} 不存在。` });
  }
  const items = (await listPublishedVersions(db, { jurisdiction: options.jurisdiction })).map(toRecord);
  const basicItems = await basicItemsByCode(db, [...new Set(items.map((i) => i.basicCode))]);
  const document = { format: ITEMS_FILE_FORMAT, version: 1, basicItems, items };
  await fs.writeFile(file, JSON.stringify(document, null, 1) + '\n', 'utf8');
  return { file, basicItems: basicItems.length, items: items.length };
}
