/**
 * FormFields: a form definition rendered server-side — labels, hints, values (prefilled or entered), and
 * each field's error next to it (aria-describedby, aria-invalid). Plain HTML controls, so it works without
 * JavaScript; the caller wraps it in its <form> with the CSRF field and the buttons. Input names are the
 * error field names ('form.operator.name'): `fieldValuesFromPost` turns a posted form back into data.
 */
import type { FieldError } from '../../platform/errors.js';
import type { Lang } from '../../web/i18n.js';
import type { FormDefinition, FormPage, JsonSchema, Widget } from './model.js';
import { valueAt } from './prefill.js';
import { fieldName, subschemaAt } from './validation.js';

export interface FormFieldsProps {
  definition: FormDefinition;
  /** The data to show: prefill merged with what the applicant entered. */
  values: Record<string, unknown>;
  errors?: FieldError[];
  lang: Lang;
  /** Show one page (0-based) only; all pages when omitted. */
  page?: number;
  /** Prefix of element ids, when a page shows more than one form. */
  idPrefix?: string;
}

const en = (lang: Lang) => lang === 'en';

function label(schema: JsonSchema, lang: Lang): string {
  const zh = String(schema.title ?? '');
  return en(lang) && typeof schema['x-title-en'] === 'string' ? (schema['x-title-en'] as string) : zh;
}

function hint(schema: JsonSchema, lang: Lang): string | null {
  if (typeof schema.description !== 'string') return null;
  return en(lang) && typeof schema['x-description-en'] === 'string' ? (schema['x-description-en'] as string) : schema.description;
}

function textOf(title: { title?: string; 'x-title-en'?: string }, lang: Lang): string {
  return en(lang) && title['x-title-en'] ? title['x-title-en'] : (title.title ?? '');
}

/** The widget of a field: the layout's choice, else what its schema suggests. */
export function widgetOf(definition: FormDefinition, field: string, schema: JsonSchema): Widget {
  const chosen = definition.layout.widgets?.[field] ?? (schema['x-widget'] as Widget | undefined);
  if (chosen) return chosen;
  if (schema.type === 'array') return 'checkbox';
  if (schema.type === 'boolean') return 'checkbox';
  if (Array.isArray(schema.enum)) return 'select';
  if (schema.type === 'integer' || schema.type === 'number') return 'number';
  if (schema.format === 'date') return 'date';
  if (schema.format === 'email') return 'email';
  return 'text';
}

function isRequired(rootSchema: JsonSchema, path: string[]): boolean {
  const parent = subschemaAt(rootSchema, path.slice(0, -1));
  return Array.isArray(parent?.required) && (parent.required as string[]).includes(path[path.length - 1]!);
}

interface FieldProps {
  definition: FormDefinition;
  field: string;
  values: Record<string, unknown>;
  errors: FieldError[];
  lang: Lang;
  idPrefix: string;
}

function Field({ definition, field, values, errors, lang, idPrefix }: FieldProps) {
  const path = field.split('.');
  const schema = subschemaAt(definition.schema, path);
  if (!schema) return null;
  const name = fieldName(path);
  const id = `${idPrefix}${name.replace(/\./g, '-')}`;
  const fieldErrors = errors.filter((e) => e.field === name);
  const hintText = hint(schema, lang);
  const describedBy = [hintText ? `${id}-hint` : null, fieldErrors.length > 0 ? `${id}-error` : null].filter(Boolean).join(' ') || undefined;
  const invalid = fieldErrors.length > 0 ? 'true' : undefined;
  const required = isRequired(definition.schema, path);
  const value = valueAt(values, path);
  const widget = widgetOf(definition, field, schema);
  const title = label(schema, lang);
  const optional = required ? null : <span class="optional">{en(lang) ? ' (optional)' : '（选填）'}</span>;
  const hintNode = hintText ? (
    <span class="hint" id={`${id}-hint`}>
      {hintText}
    </span>
  ) : null;
  const errorNode =
    fieldErrors.length > 0 ? (
      <span class="field-error" id={`${id}-error`}>
        {fieldErrors.map((e) => e.message).join(' ')}
      </span>
    ) : null;

  const enumSchema = (schema.type === 'array' ? (schema.items as JsonSchema) : schema) ?? {};
  const options = Array.isArray(enumSchema.enum) ? (enumSchema.enum as string[]) : [];
  const optionLabels = (en(lang) ? enumSchema['x-enum-labels-en'] : enumSchema['x-enum-labels']) as string[] | undefined;
  const optionLabel = (i: number) => optionLabels?.[i] ?? options[i]!;

  if (schema.type === 'boolean') {
    return (
      <div class="field">
        {hintNode}
        {errorNode}
        <label for={id} class="checkbox">
          <input type="checkbox" id={id} name={name} value="true" checked={value === true} aria-describedby={describedBy} aria-invalid={invalid} required={required} />{' '}
          {title}
        </label>
      </div>
    );
  }
  if (widget === 'radio' || widget === 'checkbox') {
    const multiple = schema.type === 'array';
    const chosen = multiple ? (Array.isArray(value) ? (value as unknown[]) : []) : [value];
    return (
      <div class="field">
        <fieldset aria-describedby={describedBy} aria-invalid={invalid}>
          <legend>
            {title}
            {optional}
          </legend>
          {hintNode}
          {errorNode}
          {options.map((option, i) => (
            <label for={`${id}-${i}`} class="choice">
              <input type={multiple ? 'checkbox' : 'radio'} id={`${id}-${i}`} name={name} value={option} checked={chosen.includes(option)} required={!multiple && required} />{' '}
              {optionLabel(i)}
            </label>
          ))}
        </fieldset>
      </div>
    );
  }
  const labelNode = (
    <label for={id}>
      {title}
      {optional}
    </label>
  );
  const shown = value === undefined || value === null ? '' : String(value);
  if (widget === 'select') {
    return (
      <div class="field">
        {labelNode}
        {hintNode}
        {errorNode}
        <select id={id} name={name} required={required} aria-describedby={describedBy} aria-invalid={invalid}>
          <option value="">{en(lang) ? 'Please choose' : '请选择'}</option>
          {options.map((option, i) => (
            <option value={option} selected={shown === option}>
              {optionLabel(i)}
            </option>
          ))}
        </select>
      </div>
    );
  }
  if (widget === 'textarea') {
    return (
      <div class="field">
        {labelNode}
        {hintNode}
        {errorNode}
        <textarea id={id} name={name} required={required} maxLength={schema.maxLength as number | undefined} aria-describedby={describedBy} aria-invalid={invalid}>
          {shown}
        </textarea>
      </div>
    );
  }
  // Built as a plain object: preact's typings narrow <input> by a literal `type`, and ours is a union.
  const attributes: Record<string, unknown> = {
    id,
    name,
    type: widget === 'number' ? 'text' : widget,
    value: shown,
    required,
    maxLength: schema.maxLength,
    inputMode: widget === 'number' ? (schema.type === 'integer' ? 'numeric' : 'decimal') : widget === 'tel' ? 'tel' : undefined,
    autocomplete: autocompleteOf(definition, field),
    'aria-describedby': describedBy,
    'aria-invalid': invalid,
  };
  return (
    <div class="field">
      {labelNode}
      {hintNode}
      {errorNode}
      <input {...attributes} />
    </div>
  );
}

/** Autocomplete tokens (WCAG 1.3.5) for fields prefilled from the person. */
function autocompleteOf(definition: FormDefinition, field: string): string | undefined {
  switch (definition.prefill[field]) {
    case 'person.name':
      return 'name';
    case 'person.phone':
      return 'tel';
    case 'person.address':
      return 'street-address';
    case 'company.name':
      return 'organization';
    default:
      return undefined;
  }
}

function Page({ page, props, headingLevel }: { page: FormPage; props: Required<Omit<FormFieldsProps, 'page'>>; headingLevel: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const SectionHeading = headingLevel === 2 ? 'h3' : 'h4';
  return (
    <section class="form-page">
      <Heading>{textOf(page, props.lang)}</Heading>
      {page.sections.map((section) => (
        <div class="form-section">
          {page.sections.length > 1 ? <SectionHeading>{textOf(section, props.lang)}</SectionHeading> : null}
          {section.fields.map((field) => (
            <Field definition={props.definition} field={field} values={props.values} errors={props.errors} lang={props.lang} idPrefix={props.idPrefix} />
          ))}
        </div>
      ))}
    </section>
  );
}

export function FormFields(props: FormFieldsProps) {
  const full = { definition: props.definition, values: props.values, errors: props.errors ?? [], lang: props.lang, idPrefix: props.idPrefix ?? '' };
  const pages = props.definition.layout.pages;
  if (props.page !== undefined) {
    const page = pages[props.page];
    return page ? <Page page={page} props={full} headingLevel={2} /> : null;
  }
  return (
    <div class="form-fields">
      {pages.map((page) => (
        <Page page={page} props={full} headingLevel={2} />
      ))}
    </div>
  );
}
