/** Seed the Zhejiang demo catalogue. */
import type { Db } from '../../../platform/db/index.js';
import type { Logger } from '../../../platform/log.js';
import { isCatalogueEmpty, loadCatalogue } from '../../catalog/index.js';
import { generateDemoCatalogue } from '../generate.js';

export interface SeedResult {
  jurisdictions: number;
  agencies: number;
  basicItems: number;
  items: number;
  ms: number;
}

/** Load the Zhejiang demo catalogue (about 9,000 published items) into an empty catalogue. */
export async function seedDemo(db: Db, logger: Logger): Promise<SeedResult> {
  const started = performance.now();
  const data = generateDemoCatalogue();
  await loadCatalogue(db, data, { actor: 'system:demo-seed' });
  const result = {
    jurisdictions: data.divisions.length,
    agencies: data.agencies.length,
    basicItems: data.basicItems.length,
    items: data.implementationItems.length,
    ms: Math.round(performance.now() - started),
  };
  logger.debug(result, 'demo seed');
  return result;
}

/** Seed the demo on first start only: a catalogue that already has items is left alone. */
export async function seedDemoIfEmpty(db: Db, logger: Logger): Promise<SeedResult | null> {
  if (!(await isCatalogueEmpty(db))) return null;
  return seedDemo(db, logger);
}
