/**
 * The built-in form definitions (version 1), by 基本编码: the real forms of the demo items, and the generic
 * form every other item uses. They are the forms' seed data and live in the forms module because forms
 * own them; a later version published into forms.form_definition (for a basic code, or for one
 * implementation code) takes precedence.
 */
import type { FormDefinition } from '../model.js';
import { FOOD_BUSINESS_LICENCE, INDIVIDUAL_BUSINESS_REGISTRATION, ROAD_TRANSPORT_LICENCE } from './business.js';
import { CONSTRUCTION_PLANNING_PERMIT } from './construction.js';
import { APPLICANT_PREFILL, applicant, formSchema, group, longText, text, uscc } from './fields.js';
import { BIRTH_CERTIFICATE, DRIVING_LICENCE_ISSUE, DRIVING_LICENCE_RENEWAL, MARRIAGE_REGISTRATION, TEACHER_QUALIFICATION } from './personal.js';

export const BUILT_IN_DEFINITIONS: Readonly<Record<string, FormDefinition>> = {
  '010080010000': INDIVIDUAL_BUSINESS_REGISTRATION,
  '010080090000': FOOD_BUSINESS_LICENCE,
  '010130010000': ROAD_TRANSPORT_LICENCE,
  '010020010000': DRIVING_LICENCE_ISSUE,
  '070020070000': DRIVING_LICENCE_RENEWAL,
  '070140010000': BIRTH_CERTIFICATE,
  '070050010000': MARRIAGE_REGISTRATION,
  '010150010000': TEACHER_QUALIFICATION,
  '010090010000': CONSTRUCTION_PLANNING_PERMIT,
};

/**
 * 通用申请表: applicant, optional company, what is asked for. `minimumLevel` is the item's own
 * 最低实名认证等级 (the caller passes it).
 */
export function genericDefinition(minimumLevel: FormDefinition['minimumLevel']): FormDefinition {
  return {
    version: 1,
    minimumLevel,
    schema: formSchema(
      '通用申请表',
      'Application',
      {
        applicant: applicant(),
        company: group('代表的企业或组织（如有）', 'Company or organisation represented (if any)', { name: text('名称', 'Name', { max: 100 }), uscc: uscc() }),
        address: text('联系地址', 'Postal address', { max: 200 }),
        request: longText('申请事项说明', 'What you are asking for', {
          min: 5,
          max: 2000,
          hint: ['简要说明申请的内容和理由', 'Briefly, what you ask for and why'],
        }),
      },
      {
        applicant: { name: '陈晓梅', idNumber: '330106199003071527', phone: '13857101234' },
        address: '浙江省杭州市西湖区文三路 90 号 3 幢 502 室',
        request: '申请办理本事项，相关材料已按办事指南上传。',
      },
      ['applicant', 'request'],
    ),
    layout: {
      pages: [
        { title: '申请人', 'x-title-en': 'Applicant', sections: [{ title: '申请人信息', 'x-title-en': 'Applicant', fields: ['applicant.name', 'applicant.idNumber', 'applicant.phone', 'address'] }] },
        { title: '企业或组织', 'x-title-en': 'Company', sections: [{ title: '代表的企业或组织（如有）', 'x-title-en': 'Company (if any)', fields: ['company.name', 'company.uscc'] }] },
        { title: '申请内容', 'x-title-en': 'Request', sections: [{ title: '申请事项说明', 'x-title-en': 'Request', fields: ['request'] }] },
      ],
    },
    prefill: { ...APPLICANT_PREFILL, address: 'person.address', 'company.name': 'company.name', 'company.uscc': 'company.uscc' },
  };
}
