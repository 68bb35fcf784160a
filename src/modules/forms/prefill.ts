/**
 * Prefill (自动填充): the values a definition takes from the applicant's identity — name, ID number, phone,
 * the company and its USCC and address from the base registries. The applicant sees them filled in and may
 * still change them; what they typed (a draft) wins over prefill.
 */
import type { FormDefinition, PrefillFacts, PrefillSource } from './model.js';

/** The fact behind a prefill source, or undefined when the facts do not have it (no company, no address). */
export function factOf(facts: PrefillFacts, source: PrefillSource): string | undefined {
  const person = facts.person;
  const company = facts.company ?? null;
  const value = (() => {
    switch (source) {
      case 'person.name':
        return person.name;
      case 'person.idNumber':
        return person.idNumber;
      case 'person.phone':
        return person.phone;
      case 'person.address':
        return person.address;
      case 'company.name':
        return company?.name;
      case 'company.uscc':
        return company?.uscc;
      case 'company.address':
        return company?.address;
      case 'company.representative':
        return company?.representative;
    }
  })();
  return value === null || value === undefined || value === '' ? undefined : value;
}

/** The prefilled form data: nested objects following the dotted field paths of `definition.prefill`. */
export function prefillFor(definition: FormDefinition, facts: PrefillFacts): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [field, source] of Object.entries(definition.prefill)) {
    const value = factOf(facts, source);
    if (value !== undefined) setPath(data, field.split('.'), value);
  }
  return data;
}

/** `prefilled` overlaid with what the applicant entered (`entered` wins, deeply for nested objects). */
export function mergeFormData(prefilled: Record<string, unknown>, entered: Record<string, unknown>): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...prefilled };
  for (const [key, value] of Object.entries(entered)) {
    const base = merged[key];
    merged[key] = isPlainObject(base) && isPlainObject(value) ? mergeFormData(base, value) : value;
  }
  return merged;
}

/** The value at a dotted path of form data, or undefined. */
export function valueAt(data: unknown, path: string[]): unknown {
  let current = data;
  for (const part of path) {
    if (Array.isArray(current) && /^\d+$/.test(part)) current = current[Number(part)];
    else if (isPlainObject(current)) current = current[part];
    else return undefined;
  }
  return current;
}

function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  let current = target;
  for (const part of path.slice(0, -1)) {
    const next = current[part];
    if (!isPlainObject(next)) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[path[path.length - 1]!] = value;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
