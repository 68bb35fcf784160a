/** Seed the Zhejiang demo catalogue. */
import type { FieldCrypto } from '../../../platform/crypto.js';
import type { Db } from '../../../platform/db/index.js';
import type { Logger } from '../../../platform/log.js';
import { isCatalogueEmpty, loadCatalogue, type CatalogueData } from '../../catalog/index.js';
import { seedLegalPersons } from '../../legalpersons/index.js';
import { seedPopulation } from '../../population/index.js';
import { generateDemoCatalogue } from '../generate.js';
import { seedDemoAccounts } from './demo-accounts.js';

export interface SeedResult {
  jurisdictions: number;
  agencies: number;
  basicItems: number;
  items: number;
  ms: number;
}

/** The synthetic base registries (人口基础库, 法人基础库) that identity verification checks against, and the demo accounts; idempotent. */
async function seedBaseRegistries(db: Db, fields: FieldCrypto): Promise<void> {
  await seedPopulation(db, fields);
  await seedLegalPersons(db, fields);
  await seedDemoAccounts(db, fields);
}

function seedResult(data: CatalogueData, started: number): SeedResult {
  return {
    jurisdictions: data.divisions.length,
    agencies: data.agencies.length,
    basicItems: data.basicItems.length,
    items: data.implementationItems.length,
    ms: Math.round(performance.now() - started),
  };
}

/**
 * Load the Zhejiang demo catalogue (over 14,000 published items) into an empty catalogue, and the base
 * registries, hashed with `fields` (the app's FieldCrypto, so that verification finds them).
 */
export async function seedDemo(db: Db, fields: FieldCrypto, logger: Logger): Promise<SeedResult> {
  const started = performance.now();
  const data = generateDemoCatalogue();
  await loadCatalogue(db, data, { actor: 'system:demo-seed' });
  await seedBaseRegistries(db, fields);
  const result = seedResult(data, started);
  logger.debug(result, 'demo seed');
  return result;
}

/**
 * Seed the demo on first start only: a catalogue that already has items is left alone. Servers that
 * start together on one empty PostgreSQL database seed it once: the load re-checks emptiness under a
 * lock inside its own transaction, so the second one finds the first one's items and stops.
 */
export async function seedDemoIfEmpty(db: Db, fields: FieldCrypto, logger: Logger): Promise<SeedResult | null> {
  if (!(await isCatalogueEmpty(db))) return null;
  const started = performance.now();
  const data = generateDemoCatalogue();
  if (!(await loadCatalogue(db, data, { actor: 'system:demo-seed', onlyIfEmpty: true }))) return null;
  await seedBaseRegistries(db, fields);
  const result = seedResult(data, started);
  logger.debug(result, 'demo seed');
  return result;
}
