/**
 * Publish the version under review (审核中 → 已发布) when it passes every publishing rule. The previous
 * published version is superseded, the stars are computed and the search index is updated.
 */
import type { Db } from '../../../platform/db/index.js';
import { AppError } from '../../../platform/errors.js';
import { writeAudit } from '../../../platform/audit.js';
import { getVersion, type VersionDetails } from '../catalog.repository.js';
import { requireItem, requireOpenVersion } from '../item-lookup.js';
import { publishAndIndex } from '../publishing.js';
import { publishingProblems } from '../rules.js';
import { computeStars } from '../stars.js';

export async function publishItem(
  db: Db,
  { implementationCode, actor, requestId }: { implementationCode: string; actor: string; requestId?: string },
): Promise<VersionDetails> {
  return db.transaction(async (tx) => {
    const item = await requireItem(tx, implementationCode);
    const open = await requireOpenVersion(tx, item, 'in_review');
    const version = (await getVersion(tx, open.id))!;
    const errors = publishingProblems({ typeCode: item.typeCode, name: version.name, elements: version.elements });
    if (errors.length > 0) {
      throw new AppError('publish_rules_failed', { message: `事项 ${implementationCode} 第 ${version.version} 版未通过发布规则检查。`, errors });
    }
    const stars = computeStars(version.elements, version.name);
    await publishAndIndex(tx, [{ versionId: open.id, itemId: item.id, stars }]);
    await writeAudit(tx, { actor, action: 'catalog.item.published', subject: implementationCode, requestId, detail: { version: version.version, stars } });
    return (await getVersion(tx, open.id))!;
  });
}
