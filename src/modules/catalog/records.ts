/** Pure mappers from what the repository reads to the shapes the module hands out. */
import type { SearchDocumentInput } from '../search/index.js';
import type { SearchSourceRow, VersionDetails } from './catalog.repository.js';
import type { ImplementationItemRecord, ItemGuide } from './model.js';

/** The exchange form of a version (the items file, the seed). */
export function toRecord(v: VersionDetails): ImplementationItemRecord {
  return {
    implementationCode: v.implementationCode,
    basicCode: v.basicCode,
    agencyUscc: v.agencyUscc,
    level: v.level,
    name: v.name,
    bodyNature: v.bodyNature,
    powerSource: v.powerSource,
    version: v.version,
    status: v.status === 'superseded' ? 'published' : v.status,
    elements: v.elements,
  };
}

/** The public guide of a published version (no review notes). */
export function toGuide(v: VersionDetails): ItemGuide {
  const { reviewNote: _reviewNote, ...rest } = v;
  return { ...rest, status: 'published' };
}

export function toSearchDocument(r: SearchSourceRow): SearchDocumentInput {
  const extraText = [r.resultNames, r.acceptanceConditions].filter((s) => s && s.trim() !== '').join(' ');
  return {
    itemId: r.itemId,
    implementationCode: r.implementationCode,
    name: r.name,
    basicCode: r.basicCode,
    agency: { id: r.agencyId, name: r.agencyName },
    jurisdiction: { code: r.jurisdictionCode, name: r.jurisdictionName, ancestors: r.ancestors },
    typeCode: r.typeCode,
    audiences: r.serviceObjects,
    topics: [...r.personTopics.map((t) => `p:${t}`), ...r.businessTopics.map((t) => `b:${t}`), ...r.convenienceTopics.map((t) => `c:${t}`)],
    stars: r.stars,
    popularity: r.popularity,
    ...(extraText ? { extraText } : {}),
  };
}
