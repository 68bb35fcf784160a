/**
 * Server-side validation of application data against a form definition (ajv 8, JSON Schema draft-07).
 * Every error is reported at once (allErrors: 一次告知), field by field as 'form.<path>', with a plain
 * message in Chinese first, then English, naming the field by its label.
 */
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import { createRequire } from 'node:module';
import { isValidCitizenId, isValidUscc } from '../../platform/checksums.js';
import type { FieldError } from '../../platform/errors.js';
import type { FormDefinition, JsonSchema } from './model.js';

// ajv-formats is CommonJS whose typings declare an ES default export: NodeNext sees a namespace. Load it plainly.
const addFormats = createRequire(import.meta.url)('ajv-formats') as (ajv: Ajv, formats: string[]) => Ajv;

/** Our annotation keywords: known to ajv so that strict mode still catches typos in real keywords. */
export const ANNOTATION_KEYWORDS = ['x-title-en', 'x-description-en', 'x-enum-labels', 'x-enum-labels-en', 'x-widget'] as const;

/** Custom formats: the national identifiers with their check characters, and mainland mobile numbers. */
export const CUSTOM_FORMATS = {
  /** GB 11643 居民身份证号码 (18 characters, check character and birth date). */
  'cn-id-number': (value: string) => isValidCitizenId(value),
  /** GB 32100 统一社会信用代码 (18 characters, both check characters). */
  uscc: (value: string) => isValidUscc(value),
  /** 手机号码 (11 digits starting with 1[3-9]). */
  'cn-mobile': (value: string) => /^1[3-9]\d{9}$/.test(value),
} as const;

function createAjv(): Ajv {
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictTuples: false, strictRequired: false, allowUnionTypes: true });
  addFormats(ajv, ['date', 'email', 'uri']);
  for (const [name, validate] of Object.entries(CUSTOM_FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  ajv.addVocabulary([...ANNOTATION_KEYWORDS]);
  return ajv;
}

const ajv = createAjv();
/** Compiled validators by schema text: definitions come from the database as fresh objects. Bounded. */
const compiled = new Map<string, ValidateFunction>();
const MAX_COMPILED = 500;

function validatorFor(schema: JsonSchema): ValidateFunction {
  const key = JSON.stringify(schema);
  let validate = compiled.get(key);
  if (!validate) {
    validate = ajv.compile(schema);
    if (compiled.size >= MAX_COMPILED) compiled.delete(compiled.keys().next().value!);
    compiled.set(key, validate);
  }
  return validate;
}

/** Problems with a schema itself (for tests and for publishing a definition), or [] when ajv accepts it. */
export function schemaProblems(schema: JsonSchema): string[] {
  try {
    validatorFor(schema);
    return [];
  } catch (e) {
    return [(e as Error).message];
  }
}

/** Every problem of `data` against the definition's schema, as field errors 'form.<path>'. */
export function validateApplication(definition: FormDefinition, data: unknown): FieldError[] {
  const validate = validatorFor(definition.schema);
  if (validate(data)) return [];
  const seen = new Set<string>();
  const errors: FieldError[] = [];
  for (const error of validate.errors ?? []) {
    for (const fieldError of toFieldErrors(definition.schema, error)) {
      // One message per field, the first ajv finds (length before format): enough to fix it, not a pile.
      if (seen.has(fieldError.field)) continue;
      seen.add(fieldError.field);
      errors.push(fieldError);
    }
  }
  return errors;
}

/** 'a/0/b' from ajv's JSON pointer '/a/0/b', decoded. */
function pathOf(instancePath: string): string[] {
  if (instancePath === '') return [];
  return instancePath
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** The subschema at a data path (through properties and items), or null. */
export function subschemaAt(schema: JsonSchema, path: string[]): JsonSchema | null {
  let current: JsonSchema | null = schema;
  for (const part of path) {
    if (!current) return null;
    const properties = current.properties as Record<string, JsonSchema> | undefined;
    if (properties && Object.prototype.hasOwnProperty.call(properties, part)) current = properties[part]!;
    else if (current.items && typeof current.items === 'object' && /^\d+$/.test(part)) current = current.items as JsonSchema;
    else return null;
  }
  return current;
}

function labelsOf(schema: JsonSchema | null, path: string[]): { zh: string; en: string } {
  const fallback = path.length > 0 ? path[path.length - 1]! : 'form';
  const zh = typeof schema?.title === 'string' ? schema.title : fallback;
  const en = typeof schema?.['x-title-en'] === 'string' ? (schema['x-title-en'] as string) : zh === fallback ? fallback : zh;
  return { zh, en };
}

const TYPE_NAMES: Record<string, [string, string]> = {
  string: ['文字', 'text'],
  number: ['数字', 'a number'],
  integer: ['整数', 'a whole number'],
  boolean: ['是或否', 'yes or no'],
  object: ['一组信息', 'a group of answers'],
  array: ['列表', 'a list'],
  null: ['空值', 'empty'],
};

const FORMAT_NAMES: Record<string, [string, string]> = {
  date: ['有效日期（年-月-日，如 2026-01-31）', 'a valid date (YYYY-MM-DD)'],
  email: ['有效电子邮箱', 'a valid e-mail address'],
  uri: ['有效网址', 'a valid web address'],
  'cn-id-number': ['有效的18位居民身份证号码', 'a valid 18-character citizen ID number'],
  uscc: ['有效的18位统一社会信用代码', 'a valid 18-character unified social credit code'],
  'cn-mobile': ['有效的11位手机号码', 'a valid 11-digit mobile number'],
};

/**
 * 'required' for each field a person fills in under `path`: a missing group (an object) is reported on its
 * required fields, where the form shows them, not on the group, which has no input of its own.
 */
function requiredErrors(rootSchema: JsonSchema, path: string[]): FieldError[] {
  const schema = subschemaAt(rootSchema, path);
  const properties = schema?.properties as Record<string, JsonSchema> | undefined;
  if (schema?.type === 'object' && properties) {
    const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
    return required.flatMap((key) => requiredErrors(rootSchema, [...path, key]));
  }
  const { zh, en } = labelsOf(schema, path);
  const message =
    schema?.type === 'boolean'
      ? `请勾选确认“${zh}”。Please tick “${en}”.`
      : schema?.type === 'array' || Array.isArray(schema?.enum)
        ? `请选择“${zh}”。Please choose “${en}”.`
        : `请填写“${zh}”。Please fill in “${en}”.`;
  return [{ field: fieldName(path), code: 'required', message }];
}

function toFieldErrors(rootSchema: JsonSchema, error: ErrorObject): FieldError[] {
  if (error.keyword === 'required') {
    return requiredErrors(rootSchema, [...pathOf(error.instancePath), String((error.params as { missingProperty: string }).missingProperty)]);
  }
  const fieldError = toFieldError(rootSchema, error);
  return fieldError ? [fieldError] : [];
}

function toFieldError(rootSchema: JsonSchema, error: ErrorObject): FieldError | null {
  const base = pathOf(error.instancePath);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'additionalProperties') {
    const path = [...base, String(params.additionalProperty)];
    return { field: fieldName(path), code: 'unknown_field', message: '表单中没有此项。This field is not part of the form.' };
  }
  const schema = subschemaAt(rootSchema, base);
  const { zh, en } = labelsOf(schema, base);
  const field = fieldName(base);
  switch (error.keyword) {
    case 'type': {
      const type = String(Array.isArray(params.type) ? (params.type as string[])[0] : params.type);
      const [typeZh, typeEn] = TYPE_NAMES[type] ?? [type, type];
      return { field, code: 'type', message: `“${zh}”应填写${typeZh}。“${en}” must be ${typeEn}.` };
    }
    case 'format': {
      const [formatZh, formatEn] = FORMAT_NAMES[String(params.format)] ?? ['正确格式', 'in the right format'];
      return { field, code: 'format', message: `“${zh}”应为${formatZh}。“${en}” must be ${formatEn}.` };
    }
    case 'minLength':
      return Number(params.limit) <= 1
        ? { field, code: 'required', message: `请填写“${zh}”。Please fill in “${en}”.` }
        : { field, code: 'too_short', message: `“${zh}”至少 ${String(params.limit)} 个字。“${en}” needs at least ${String(params.limit)} characters.` };
    case 'maxLength':
      return { field, code: 'too_long', message: `“${zh}”最多 ${String(params.limit)} 个字。“${en}” takes at most ${String(params.limit)} characters.` };
    case 'pattern':
      return { field, code: 'pattern', message: `“${zh}”格式不正确。“${en}” is not in the expected format.` };
    case 'enum':
      return { field, code: 'enum', message: `请从列出的选项中选择“${zh}”。Choose “${en}” from the options listed.` };
    case 'const':
      return { field, code: 'const', message: `请确认“${zh}”。Please confirm “${en}”.` };
    case 'minimum':
    case 'exclusiveMinimum':
      return { field, code: 'too_small', message: `“${zh}”不能小于 ${String(params.limit)}。“${en}” must be at least ${String(params.limit)}.` };
    case 'maximum':
    case 'exclusiveMaximum':
      return { field, code: 'too_large', message: `“${zh}”不能大于 ${String(params.limit)}。“${en}” must be at most ${String(params.limit)}.` };
    case 'minItems':
      return { field, code: 'too_few', message: `“${zh}”至少选择或填写 ${String(params.limit)} 项。Give at least ${String(params.limit)} for “${en}”.` };
    case 'maxItems':
      return { field, code: 'too_many', message: `“${zh}”最多 ${String(params.limit)} 项。At most ${String(params.limit)} for “${en}”.` };
    case 'uniqueItems':
      return { field, code: 'duplicate', message: `“${zh}”中有重复项。“${en}” has duplicates.` };
    case 'if':
    case 'anyOf':
    case 'oneOf':
      // The branch's own errors (required, enum …) are reported; the summary would repeat them.
      return null;
    default:
      return { field, code: 'invalid', message: `“${zh}”填写有误。“${en}” is not valid.` };
  }
}

/** 'form.a.0.b' for a data path; 'form' for the whole form. */
export function fieldName(path: string[]): string {
  return ['form', ...path].join('.');
}
