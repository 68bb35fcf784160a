import { describe, expect, it } from 'vitest';
import { definitionProblems, exampleOf } from './definition-check.js';
import { BUILT_IN_DEFINITIONS, genericDefinition } from './definitions/index.js';
import { INDIVIDUAL_BUSINESS_REGISTRATION } from './definitions/business.js';
import { CUSTOM_FORMATS, validateApplication } from './validation.js';

const ALL = [...Object.entries(BUILT_IN_DEFINITIONS), ['generic', genericDefinition(2)] as const];

describe('form definitions', () => {
  it.each(ALL)('%s: the schema compiles, the example is valid, layout and prefill name real fields', (_code, definition) => {
    expect(exampleOf(definition)).toBeTypeOf('object');
    expect(definitionProblems(definition)).toEqual([]);
  });

  it.each(ALL)('%s: the layout shows every top-level field of the schema', (_code, definition) => {
    const shown = new Set(definition.layout.pages.flatMap((p) => p.sections.flatMap((s) => s.fields.map((f) => f.split('.')[0]))));
    expect([...shown].sort()).toEqual(Object.keys(definition.schema.properties as object).sort());
  });

  it('an example that is broken is reported', () => {
    const broken = { ...genericDefinition(0), schema: { ...genericDefinition(0).schema, examples: [{ applicant: {} }] } };
    expect(definitionProblems(broken).map((p) => p.code)).toContain('invalid_example');
  });
});

describe('validateApplication', () => {
  const definition = INDIVIDUAL_BUSINESS_REGISTRATION;
  const example = exampleOf(definition) as Record<string, Record<string, unknown>>;

  it('accepts the example', () => {
    expect(validateApplication(definition, example)).toEqual([]);
  });

  it('reports every problem at once, by field, Chinese first then English', () => {
    const errors = validateApplication(definition, {
      operator: { name: '', idNumber: '330106199003071528', phone: '12345' },
      business: { form: 'corporation', scope: 'x'.repeat(501), premises: '古墩路', capital: -1, employees: 2.5 },
      declaration: false,
    });
    const byField = Object.fromEntries(errors.map((e) => [e.field, e]));
    expect(byField['form.operator.name']).toMatchObject({ code: 'required', message: '请填写“经营者姓名”。Please fill in “Operator name”.' });
    expect(byField['form.operator.idNumber']).toMatchObject({ code: 'format' });
    expect(byField['form.operator.idNumber']!.message).toMatch(/^“居民身份证号码”应为有效的18位居民身份证号码。/);
    expect(byField['form.operator.phone']!.code).toBe('too_short');
    expect(byField['form.operator.residence']).toMatchObject({ code: 'required' });
    expect(byField['form.business.form']).toMatchObject({ code: 'enum' });
    expect(byField['form.business.scope']).toMatchObject({ code: 'too_long' });
    expect(byField['form.business.capital']).toMatchObject({ code: 'too_small' });
    expect(byField['form.business.employees']).toMatchObject({ code: 'type', message: '“从业人数”应填写整数。“Number of workers” must be a whole number.' });
    expect(byField['form.declaration']).toMatchObject({ code: 'const' });
    expect(errors.every((e) => /^[^A-Za-z]*[\u4e00-\u9fff]/.test(e.message))).toBe(true);
  });

  it('reports a phone number of the right length but wrong shape as a format problem', () => {
    const errors = validateApplication(definition, { ...example, operator: { ...example.operator, phone: '23857101234' } });
    expect(errors).toEqual([{ field: 'form.operator.phone', code: 'format', message: '“联系电话”应为有效的11位手机号码。“Contact phone” must be a valid 11-digit mobile number.' }]);
  });

  it('names an unknown field and a wrong pattern', () => {
    const teacher = BUILT_IN_DEFINITIONS['010150010000']!;
    const data = { ...(exampleOf(teacher) as object), examCertificate: 'abc', extra: 1 };
    const errors = validateApplication(teacher, data);
    expect(errors.map((e) => [e.field, e.code]).sort()).toEqual([
      ['form.examCertificate', 'pattern'],
      ['form.extra', 'unknown_field'],
    ]);
  });

  it('reports a date that does not exist', () => {
    const birth = BUILT_IN_DEFINITIONS['070140010000']!;
    const example = exampleOf(birth) as { newborn: object };
    const errors = validateApplication(birth, { ...example, newborn: { ...example.newborn, birthDate: '2026-02-30' } });
    expect(errors).toEqual([expect.objectContaining({ field: 'form.newborn.birthDate', code: 'format' })]);
  });

  it('reports data that is not an object as one error on the form', () => {
    expect(validateApplication(definition, 'hello')).toEqual([expect.objectContaining({ field: 'form', code: 'type' })]);
  });
});

describe('custom formats', () => {
  it('checks GB 11643 ID numbers by check character and birth date', () => {
    expect(CUSTOM_FORMATS['cn-id-number']('33010619920815262X')).toBe(true);
    expect(CUSTOM_FORMATS['cn-id-number']('330106199208152621')).toBe(false);
    expect(CUSTOM_FORMATS['cn-id-number']('330106199202301234')).toBe(false);
    expect(CUSTOM_FORMATS['cn-id-number']('33010619920815262x')).toBe(false);
  });

  it('checks GB 32100 USCCs', () => {
    expect(CUSTOM_FORMATS.uscc('91330106MA2H7K3Q0L')).toBe(true);
    expect(CUSTOM_FORMATS.uscc('91330106MA2H7K3Q0M')).toBe(false);
    expect(CUSTOM_FORMATS.uscc('91330106MA2H7K3Q')).toBe(false);
  });

  it('checks mobile numbers', () => {
    expect(CUSTOM_FORMATS['cn-mobile']('13857101234')).toBe(true);
    expect(CUSTOM_FORMATS['cn-mobile']('12857101234')).toBe(false);
    expect(CUSTOM_FORMATS['cn-mobile']('1385710123')).toBe(false);
  });
});

describe('a form posted empty', () => {
  it('reports each required field of a missing group where the form shows it, not the group', () => {
    const errors = validateApplication(INDIVIDUAL_BUSINESS_REGISTRATION, {});
    expect(errors.map((e) => e.field)).toEqual([
      'form.operator.name',
      'form.operator.idNumber',
      'form.operator.phone',
      'form.operator.residence',
      'form.business.form',
      'form.business.scope',
      'form.business.premises',
      'form.business.capital',
      'form.business.employees',
      'form.declaration',
    ]);
    const byField = Object.fromEntries(errors.map((e) => [e.field, e.message]));
    expect(byField['form.business.form']).toBe('请选择“组成形式”。Please choose “Organisation”.');
    expect(byField['form.declaration']).toBe('请勾选确认“本人承诺所填信息真实、合法、有效”。Please tick “I declare that the information given is true, lawful and valid”.');
  });
});
