/** The form of a published item: its definition (stored, built-in or generic) and its material requirements. */
import crypto from 'node:crypto';
import type { Queryable } from '../../platform/db/index.js';
import { getItemGuide, type ItemGuide, type Material } from '../catalog/index.js';
import { BUILT_IN_DEFINITIONS, genericDefinition } from './definitions/index.js';
import { findLatestDefinition } from './forms.repository.js';
import type { FormDefinition, ItemForm, MaterialRequirement } from './model.js';

/**
 * The stable id of a material requirement: 'mat_' + the first 12 hex digits of SHA-256 of its name
 * (a second material of the same name gets '_2' …). The catalogue stores materials by position and
 * name without an id; the name is what identifies a requirement across reads and versions, while
 * positions move when an agency reorders its list.
 */
export function materialIdOf(name: string, occurrence = 1): string {
  const hash = crypto.createHash('sha256').update(name, 'utf8').digest('hex').slice(0, 12);
  return occurrence > 1 ? `mat_${hash}_${occurrence}` : `mat_${hash}`;
}

export function materialRequirements(materials: readonly Material[]): MaterialRequirement[] {
  const seen = new Map<string, number>();
  return materials.map((material) => {
    const occurrence = (seen.get(material.name) ?? 0) + 1;
    seen.set(material.name, occurrence);
    return {
      id: materialIdOf(material.name, occurrence),
      name: material.name,
      required: material.required,
      ...(material.licenceType ? { licenceType: material.licenceType } : {}),
    };
  });
}

function levelOf(n: number): FormDefinition['minimumLevel'] {
  return Math.max(0, Math.min(3, Math.trunc(n))) as FormDefinition['minimumLevel'];
}

/** The definition for a guide: stored (implementation, then basic), else built-in, else generic. */
export async function definitionFor(db: Queryable, guide: ItemGuide): Promise<FormDefinition> {
  const definition = (await findLatestDefinition(db, guide.implementationCode, guide.basicCode)) ?? BUILT_IN_DEFINITIONS[guide.basicCode] ?? genericDefinition(0);
  // The item's own 最低实名认证等级 is a floor: a form never asks for less than the catalogue says.
  return { ...definition, minimumLevel: levelOf(Math.max(definition.minimumLevel, guide.elements.minAssuranceLevel)) };
}

/** The form of the published item with this implementation code, or null when nothing is published under it. */
export async function getItemForm(db: Queryable, implementationCode: string): Promise<ItemForm | null> {
  const guide = await getItemGuide(db, implementationCode);
  if (!guide) return null;
  return { definition: await definitionFor(db, guide), materials: materialRequirements(guide.elements.materials) };
}
