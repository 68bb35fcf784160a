/** Checks of a form definition as a whole: the schema compiles, the example is valid, layout and prefill name real fields. */
import type { FieldError } from '../../platform/errors.js';
import { PREFILL_SOURCES, type FormDefinition } from './model.js';
import { schemaProblems, subschemaAt, validateApplication } from './validation.js';

export function exampleOf(definition: FormDefinition): unknown {
  const examples = definition.schema.examples;
  return Array.isArray(examples) ? examples[0] : undefined;
}

export function definitionProblems(definition: FormDefinition): FieldError[] {
  const compileProblems = schemaProblems(definition.schema);
  if (compileProblems.length > 0) return compileProblems.map((message) => ({ field: 'schema', code: 'invalid_schema', message }));
  const problems: FieldError[] = [];
  const example = exampleOf(definition);
  if (example === undefined) problems.push({ field: 'schema.examples', code: 'required', message: '缺少填写示例。An example is required.' });
  else {
    for (const error of validateApplication(definition, example)) {
      problems.push({ field: 'schema.examples', code: 'invalid_example', message: `${error.field}: ${error.message}` });
    }
  }
  const known = (field: string) => subschemaAt(definition.schema, field.split('.')) !== null;
  definition.layout.pages.forEach((page, p) =>
    page.sections.forEach((section, s) =>
      section.fields.forEach((field) => {
        if (!known(field)) problems.push({ field: `layout.pages.${p}.sections.${s}`, code: 'unknown_field', message: `未知字段 ${field}。Unknown field.` });
      }),
    ),
  );
  for (const [field, source] of Object.entries(definition.prefill)) {
    if (!known(field)) problems.push({ field: `prefill.${field}`, code: 'unknown_field', message: `未知字段 ${field}。Unknown field.` });
    if (!PREFILL_SOURCES.includes(source)) problems.push({ field: `prefill.${field}`, code: 'unknown_source', message: `未知来源 ${source}。Unknown source.` });
  }
  return problems;
}
