/**
 * Small builders for form schemas (JSON Schema draft-07 with our annotations), so that each item's
 * definition reads as a list of questions. Labels: `title` Chinese, `x-title-en` English;
 * hints: `description` Chinese, `x-description-en` English.
 */
import type { JsonSchema } from '../model.js';

interface TextOptions {
  min?: number;
  max?: number;
  pattern?: string;
  format?: string;
  hint?: [string, string];
}

function labelled(zh: string, en: string, hint?: [string, string]): JsonSchema {
  return { title: zh, 'x-title-en': en, ...(hint ? { description: hint[0], 'x-description-en': hint[1] } : {}) };
}

export function text(zh: string, en: string, options: TextOptions = {}): JsonSchema {
  return {
    type: 'string',
    ...labelled(zh, en, options.hint),
    minLength: options.min ?? 1,
    maxLength: options.max ?? 100,
    ...(options.pattern ? { pattern: options.pattern } : {}),
    ...(options.format ? { format: options.format } : {}),
  };
}

export function longText(zh: string, en: string, options: TextOptions = {}): JsonSchema {
  return { ...text(zh, en, { max: 2000, ...options }), 'x-widget': 'textarea' };
}

export const idNumber = (zh = '居民身份证号码', en = 'Citizen ID number'): JsonSchema =>
  text(zh, en, { min: 18, max: 18, format: 'cn-id-number', hint: ['18位，末位可能为X', '18 characters; the last may be X'] });

export const uscc = (zh = '统一社会信用代码', en = 'Unified social credit code'): JsonSchema =>
  text(zh, en, { min: 18, max: 18, format: 'uscc', hint: ['18位，见营业执照', '18 characters, on the business licence'] });

export const mobile = (zh = '手机号码', en = 'Mobile number'): JsonSchema => ({ ...text(zh, en, { min: 11, max: 11, format: 'cn-mobile' }), 'x-widget': 'tel' });

export const date = (zh: string, en: string, hint?: [string, string]): JsonSchema => ({
  type: 'string',
  ...labelled(zh, en, hint ?? ['格式：年-月-日，如 2026-01-31', 'Format YYYY-MM-DD, e.g. 2026-01-31']),
  format: 'date',
  'x-widget': 'date',
});

export function integer(zh: string, en: string, minimum: number, maximum: number, hint?: [string, string]): JsonSchema {
  return { type: 'integer', ...labelled(zh, en, hint), minimum, maximum };
}

export function decimal(zh: string, en: string, minimum: number, maximum: number, hint?: [string, string]): JsonSchema {
  return { type: 'number', ...labelled(zh, en, hint), minimum, maximum };
}

/** One choice of a list: stored value, Chinese label, English label. */
export type Choice = [value: string, zh: string, en: string];

export function choice(zh: string, en: string, choices: Choice[], hint?: [string, string]): JsonSchema {
  return {
    type: 'string',
    ...labelled(zh, en, hint),
    enum: choices.map((c) => c[0]),
    'x-enum-labels': choices.map((c) => c[1]),
    'x-enum-labels-en': choices.map((c) => c[2]),
  };
}

/** Several choices (checkboxes); at least `min`. */
export function choices(zh: string, en: string, list: Choice[], min = 1, hint?: [string, string]): JsonSchema {
  return {
    type: 'array',
    ...labelled(zh, en, hint),
    minItems: min,
    uniqueItems: true,
    items: {
      type: 'string',
      enum: list.map((c) => c[0]),
      'x-enum-labels': list.map((c) => c[1]),
      'x-enum-labels-en': list.map((c) => c[2]),
    },
  };
}

/** A declaration the applicant must tick (承诺). */
export function declaration(zh: string, en: string): JsonSchema {
  return { type: 'boolean', ...labelled(zh, en), const: true };
}

/** A group of questions; `required` lists the keys that must be answered. */
export function group(zh: string, en: string, properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties)): JsonSchema {
  return { type: 'object', ...labelled(zh, en), properties, required, additionalProperties: false };
}

/** The root schema of a form, with its one valid filled-in example. */
export function formSchema(
  zh: string,
  en: string,
  properties: Record<string, JsonSchema>,
  example: Record<string, unknown>,
  required: string[] = Object.keys(properties),
): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    ...group(zh, en, properties, required),
    examples: [example],
  };
}

/** The applicant's own details, prefilled from the identity. */
export function applicant(zh = '申请人信息', en = 'Applicant'): JsonSchema {
  return group(zh, en, { name: text('姓名', 'Name', { max: 50 }), idNumber: idNumber(), phone: mobile() });
}

export const APPLICANT_PREFILL = {
  'applicant.name': 'person.name',
  'applicant.idNumber': 'person.idNumber',
  'applicant.phone': 'person.phone',
} as const;
