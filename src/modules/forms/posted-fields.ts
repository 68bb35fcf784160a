/**
 * A posted HTML form (application/x-www-form-urlencoded, inputs named 'form.<path>') turned back into form
 * data by the definition's schema: numbers parsed, ticked boxes true, checkbox groups as lists, empty
 * answers left out (so that 'required' reports them).
 */
import type { FormDefinition, JsonSchema } from './model.js';
import { subschemaAt } from './validation.js';

export function fieldValuesFromPost(definition: FormDefinition, body: Record<string, unknown>): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(body)) {
    if (!name.startsWith('form.')) continue;
    const path = name.slice(5).split('.');
    if (path.some((part) => part === '__proto__' || part === 'constructor' || part === 'prototype')) continue;
    const schema = subschemaAt(definition.schema, path);
    if (!schema) continue;
    const value = coerce(schema, raw);
    if (value !== undefined) set(data, path, value);
  }
  return data;
}

function coerce(schema: JsonSchema, raw: unknown): unknown {
  const values = (Array.isArray(raw) ? raw : [raw]).filter((v): v is string => typeof v === 'string');
  if (schema.type === 'array') return values.filter((v) => v !== '');
  const value = values[0]?.trim() ?? '';
  if (value === '') return undefined;
  if (schema.type === 'boolean') return value === 'true';
  if (schema.type === 'integer' || schema.type === 'number') {
    const n = Number(value);
    return Number.isFinite(n) ? n : value; // a non-number stays text so that 'type' names the field
  }
  return value;
}

function set(target: Record<string, unknown>, path: string[], value: unknown): void {
  let current = target;
  for (const part of path.slice(0, -1)) {
    if (typeof current[part] !== 'object' || current[part] === null) current[part] = {};
    current = current[part] as Record<string, unknown>;
  }
  current[path[path.length - 1]!] = value;
}
