/**
 * The benchmark catalogue `zhejiang-full`: about 1,000,000 implementation items, built from the demo
 * catalogue pushed down to every township (乡镇街道) of Zhejiang, each item listed in the sub-items
 * (业务办理项: 新办, 变更, 延续 …) a township service centre handles. It exists to measure search and
 * pages at provincial scale; it is loaded county by county through the catalogue's own bulk loader,
 * so every item passes the publishing rules. PostgreSQL only: PGlite is not for this size.
 */
import { SingleBar, Presets } from 'cli-progress';
import type { Db } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { makeUscc } from '../../../platform/checksums.js';
import {
  isCatalogueEmpty,
  listJurisdictionChildren,
  loadCatalogue,
  type AgencyRecord,
  type BasicItem,
  type CatalogueData,
} from '../../catalog/index.js';
import { generateDemoCatalogue, type DemoCatalogue, type DemoImplementationItem } from '../generate.js';

/** 业务办理项 variants; the sub-item code replaces the basic code's trailing 0000 with the variant number. */
const VARIANTS = ['新办', '变更', '延续', '注销', '补办', '更正', '备案', '迁移', '证明开具'];
const TARGET_ITEMS = 1_000_000;
/** Townships per county when none were imported (`onestop import divisions` gives the real ones). */
const SYNTHETIC_TOWNSHIPS = 15;
const TOWNSHIP_LEVEL = '5';

export interface ScaleResult {
  counties: number;
  townships: number;
  items: number;
  ms: number;
}

export async function seedScale(db: Db, options: { progress?: boolean } = {}): Promise<ScaleResult> {
  if (db.kind !== 'postgres') {
    throw new AppError('bad_request', {
      message: 'The zhejiang-full catalogue (about 1,000,000 items) is built on PostgreSQL only: set DATABASE_URL.',
    });
  }
  const started = performance.now();
  const demo = generateDemoCatalogue();
  if (await isCatalogueEmpty(db)) await loadCatalogue(db, demo, { actor: 'system:scale-seed' });

  const counties = demo.divisions.filter((d) => d.level === 'county');
  const countyItems = groupBy(
    demo.implementationItems.filter((i) => i.level === '4'),
    (i) => i.jurisdiction,
  );
  const townshipsByCounty = new Map<string, { code: string; name: string }[]>();
  for (const county of counties) townshipsByCounty.set(county.code, await townshipsOf(db, county));
  const totalPairs = counties.reduce(
    (n, c) => n + (countyItems.get(c.code)?.length ?? 0) * (townshipsByCounty.get(c.code)?.length ?? 0),
    0,
  );
  const variantsPerItem = Math.max(1, Math.min(VARIANTS.length, Math.round(TARGET_ITEMS / Math.max(1, totalPairs))));

  const bar = options.progress ? new SingleBar({ format: '{bar} {value}/{total} counties | {items} items' }, Presets.shades_classic) : undefined;
  bar?.start(counties.length, 0, { items: 0 });
  let items = 0;
  let townships = 0;
  for (const county of counties) {
    const chunk = countyChunk(demo, county, townshipsByCounty.get(county.code) ?? [], countyItems.get(county.code) ?? [], variantsPerItem);
    await loadCatalogue(db, chunk, { actor: 'system:scale-seed' });
    items += chunk.implementationItems.length;
    townships += chunk.divisions.length;
    bar?.increment(1, { items });
  }
  bar?.stop();
  return { counties: counties.length, townships, items, ms: Math.round(performance.now() - started) };
}

async function townshipsOf(db: Db, county: { code: string; name: string }): Promise<{ code: string; name: string }[]> {
  const imported = (await listJurisdictionChildren(db, county.code)).filter((j) => j.level === 'township');
  if (imported.length > 0) return imported;
  return Array.from({ length: SYNTHETIC_TOWNSHIPS }, (_, i) => ({
    code: `${county.code}${String(i + 1).padStart(3, '0')}`,
    name: `${county.name}第${i + 1}街道`,
  }));
}

/** One county's townships, their service centres, and every county item pushed down as sub-items. */
function countyChunk(
  demo: DemoCatalogue,
  county: { code: string },
  townships: { code: string; name: string }[],
  items: DemoImplementationItem[],
  variantsPerItem: number,
): CatalogueData {
  const basicByCode = new Map(demo.basicItems.map((b) => [b.code, b]));
  const countyCentre = demo.agencies.find((a) => a.jurisdiction === county.code);
  const agencies: AgencyRecord[] = townships.map((t) => ({
    key: `centre-${t.code}`,
    name: `${t.name}便民服务中心`,
    // Organisation-code body: 'T' + the township code without its province prefix (unique in the province).
    uscc: makeUscc('11', county.code, `T${t.code.slice(2, 9)}`),
    jurisdiction: t.code,
    parentUscc: null,
    address: `${t.name}便民服务中心一楼大厅`,
    hours: countyCentre?.hours ?? '工作日 上午8:30-12:00 下午14:30-17:30',
    consultationPhone: countyCentre?.consultationPhone ?? '12345',
    complaintPhone: countyCentre?.complaintPhone ?? '12345-1',
    nature: '3',
  }));
  const subItems = new Map<string, BasicItem>();
  const implementationItems: DemoImplementationItem[] = [];
  townships.forEach((township, t) => {
    const agency = agencies[t]!;
    for (const item of items) {
      for (let v = 0; v < variantsPerItem; v++) {
        const basicCode = item.basicCode.slice(0, 8) + String(v + 1).padStart(4, '0');
        const name = `${item.name}（${VARIANTS[v]}）`;
        if (!subItems.has(basicCode)) {
          const parent = basicByCode.get(item.basicCode)!;
          subItems.set(basicCode, { ...parent, code: basicCode, name, parentCode: parent.code, levels: [...parent.levels, TOWNSHIP_LEVEL] });
        }
        implementationItems.push({
          ...item,
          implementationCode: agency.uscc + TOWNSHIP_LEVEL + basicCode,
          basicCode,
          agencyUscc: agency.uscc,
          agencyKey: agency.key,
          jurisdiction: township.code,
          level: TOWNSHIP_LEVEL,
          name,
          powerSource: '2',
          popularity: Math.max(1, item.popularity - v * 5),
          elements: { ...item.elements, place: agency.address },
        });
      }
    }
  });
  return {
    divisions: townships.map((t) => ({ code: t.code, name: t.name, level: 'township' as const, parent: county.code })),
    agencies,
    basicItems: [...subItems.values()],
    implementationItems,
  };
}

function groupBy<T>(list: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of list) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
