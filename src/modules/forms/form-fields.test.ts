import { h } from 'preact';
import { render } from 'preact-render-to-string';
import { describe, expect, it } from 'vitest';
import { exampleOf } from './definition-check.js';
import { FOOD_BUSINESS_LICENCE, INDIVIDUAL_BUSINESS_REGISTRATION } from './definitions/business.js';
import { FormFields } from './form-fields.js';
import { fieldValuesFromPost } from './posted-fields.js';
import { mergeFormData, prefillFor } from './prefill.js';
import { validateApplication } from './validation.js';

const FACTS = {
  person: { name: '陈晓梅', idNumber: '330106199003071527', phone: '13857101234' },
  company: { name: '杭州西子味道餐饮管理有限公司', uscc: '91330106MA2H7K3Q0L', address: '文二路 188 号', representative: '王建国' },
};

describe('prefill', () => {
  it('fills the mapped fields from the facts and leaves out what the facts lack', () => {
    expect(prefillFor(INDIVIDUAL_BUSINESS_REGISTRATION, { person: FACTS.person })).toEqual({
      operator: { name: '陈晓梅', idNumber: '330106199003071527', phone: '13857101234' },
    });
    expect(prefillFor(FOOD_BUSINESS_LICENCE, { person: FACTS.person })).toEqual({ contactPhone: '13857101234' });
    expect(prefillFor(FOOD_BUSINESS_LICENCE, FACTS).operator).toEqual({
      name: '杭州西子味道餐饮管理有限公司',
      uscc: '91330106MA2H7K3Q0L',
      address: '文二路 188 号',
      representative: '王建国',
    });
  });

  it('lets what the applicant entered win over prefill, deeply', () => {
    const merged = mergeFormData(prefillFor(INDIVIDUAL_BUSINESS_REGISTRATION, FACTS), { operator: { phone: '13900000000' } });
    expect(merged).toEqual({ operator: { name: '陈晓梅', idNumber: '330106199003071527', phone: '13900000000' } });
  });
});

describe('FormFields', () => {
  const definition = INDIVIDUAL_BUSINESS_REGISTRATION;

  it('renders labels, hints, values and each error tied to its field', () => {
    const errors = validateApplication(definition, { operator: { name: '陈晓梅', idNumber: '330106199003071528' } });
    const html = render(h(FormFields, { definition, values: { operator: { name: '陈晓梅', idNumber: '330106199003071528' } }, errors, lang: 'zh-CN' }));
    expect(html).toContain('<label for="form-operator-name">经营者姓名</label>');
    expect(html).toMatch(/<input id="form-operator-name" name="form.operator.name" type="text" value="陈晓梅"[^>]* required/);
    expect(html).toContain('<span class="field-error" id="form-operator-idNumber-error">“居民身份证号码”应为有效的18位居民身份证号码。');
    expect(html).toMatch(/name="form.operator.idNumber"[^>]*aria-describedby="form-operator-idNumber-hint form-operator-idNumber-error" aria-invalid="true"/);
    expect(html).toContain('id="form-operator-idNumber-hint">18位，末位可能为X</span>');
    // The optional business name is marked so; radio choices sit in a fieldset with a legend.
    expect(html).toContain('个体工商户名称<span class="optional">（选填）</span>');
    expect(html).toMatch(/<fieldset[^>]*><legend>组成形式<\/legend>/);
    expect(html).toContain('<textarea id="form-business-scope" name="form.business.scope"');
    for (const page of definition.layout.pages) expect(html).toContain(`<h2>${page.title}</h2>`);
  });

  it('renders English labels and one page on its own', () => {
    const html = render(h(FormFields, { definition, values: {}, lang: 'en', page: 1 }));
    expect(html).toContain('<h2>Business</h2>');
    expect(html).toContain('Business name<span class="optional"> (optional)</span>');
    expect(html).toContain('Run by a family');
    expect(html).not.toContain('Operator name');
  });

  it('round-trips a posted form: the example rendered, posted back and parsed is the example', () => {
    const example = exampleOf(definition) as Record<string, unknown>;
    const html = render(h(FormFields, { definition, values: example, lang: 'zh-CN' }));
    const posted: Record<string, string | string[]> = {};
    for (const m of html.matchAll(/<input id="[^"]+" name="([^"]+)" type="(?:text|tel|date)" value="([^"]*)"/g)) posted[m[1]!] = m[2]!;
    for (const m of html.matchAll(/<input type="(?:radio|checkbox)" id="[^"]+" name="([^"]+)" value="([^"]*)" checked/g)) posted[m[1]!] = m[2]!;
    for (const m of html.matchAll(/<textarea id="[^"]+" name="([^"]+)"[^>]*>([^<]*)<\/textarea>/g)) posted[m[1]!] = m[2]!;
    expect(fieldValuesFromPost(definition, posted)).toEqual(example);
  });

  it('parses posted values by the schema: numbers, ticked boxes, lists, blanks left out', () => {
    const data = fieldValuesFromPost(FOOD_BUSINESS_LICENCE, {
      'form.items': ['hot', 'cold'],
      'form.declaration': 'true',
      'form.premises': '  ',
      'form.operator.name': 'x',
      'form.__proto__.polluted': 'yes',
      other: 'ignored',
    });
    expect(data).toEqual({ items: ['hot', 'cold'], declaration: true, operator: { name: 'x' } });
    expect(fieldValuesFromPost(INDIVIDUAL_BUSINESS_REGISTRATION, { 'form.business.employees': '2', 'form.business.capital': 'ten' })).toEqual({
      business: { employees: 2, capital: 'ten' },
    });
  });
});
