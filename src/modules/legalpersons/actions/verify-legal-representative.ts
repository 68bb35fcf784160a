/** 法定代表人核验: is this person the legal representative of this legal person? */
import crypto from 'node:crypto';
import type { FieldCrypto } from '../../../platform/crypto.js';
import type { Queryable } from '../../../platform/db/index.js';
import { checkResidentFactors } from '../../population/index.js';
import { findEntityByUscc } from '../legalpersons.repository.js';
import { invalid, requireValidUscc } from '../validate.js';

export interface RepresentativeClaim {
  uscc: string;
  name: string;
  idNumber: string;
}

/**
 * True only when an active (存续) legal person with this USCC has this representative (name and ID
 * number). Unknown, cancelled and mismatching cases all give the same false.
 */
export async function verifyLegalRepresentative(db: Queryable, fields: FieldCrypto, claim: RepresentativeClaim): Promise<{ match: boolean }> {
  const uscc = requireValidUscc(claim.uscc);
  const { factors, errors } = checkResidentFactors({ name: claim.name, idNumber: claim.idNumber });
  if (errors.length) throw invalid(errors);
  const entity = await findEntityByUscc(db, uscc);
  if (!entity || entity.status !== 'active' || entity.representative_name !== factors.name) return { match: false };
  const stored = Buffer.from(entity.representative_id_number_hash);
  const given = Buffer.from(fields.lookupHash('id_number', factors.idNumber));
  return { match: stored.length === given.length && crypto.timingSafeEqual(stored, given) };
}
