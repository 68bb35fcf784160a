/**
 * The shapes of a form definition (申请表单定义): a JSON Schema (draft-07) for the data, layout hints for
 * the pages, the minimum assurance level and the prefill mapping from the applicant's identity.
 */

/** Where a prefilled value comes from: the signed-in person, or the company they act for (法人). */
export type PrefillSource =
  | 'person.name'
  | 'person.idNumber'
  | 'person.phone'
  | 'person.address'
  | 'company.name'
  | 'company.uscc'
  | 'company.address'
  | 'company.representative';

export const PREFILL_SOURCES: readonly PrefillSource[] = [
  'person.name',
  'person.idNumber',
  'person.phone',
  'person.address',
  'company.name',
  'company.uscc',
  'company.address',
  'company.representative',
];

/** How one field is shown. Without a widget the schema decides (enum → select, boolean → checkbox, long text → textarea). */
export type Widget = 'text' | 'textarea' | 'select' | 'radio' | 'checkbox' | 'date' | 'number' | 'tel' | 'email';

/** One page of the form (one question per page where that helps): its sections, each with fields in order. */
export interface FormPage {
  /** Page title, Chinese. */
  title: string;
  'x-title-en'?: string;
  sections: FormSection[];
}

export interface FormSection {
  title: string;
  'x-title-en'?: string;
  /** Field paths in display order, dot-separated for nested objects ('operator.name'). */
  fields: string[];
}

export interface FormLayout {
  pages: FormPage[];
  /** Widget overrides per field path. */
  widgets?: Record<string, Widget>;
}

/** A JSON Schema (draft-07) with our annotations: `title` Chinese, `x-title-en` English, `description` a hint (Chinese / English). */
export type JsonSchema = Record<string, unknown>;

/** 申请表单定义: one version of the form of a basic item (基本目录) or of one implementation item (实施清单). */
export interface FormDefinition {
  version: number;
  /** JSON Schema draft-07 of the form data; `examples: [one valid filled-in example]`. */
  schema: JsonSchema;
  layout: FormLayout;
  /** 最低实名认证等级 required to submit. */
  minimumLevel: 0 | 1 | 2 | 3;
  /** Field path → identity source; the applicant may still change a prefilled value. */
  prefill: Record<string, PrefillSource>;
}

/** The facts prefill reads: the person's decrypted identity and, when acting for one, the company. */
export interface PrefillFacts {
  person: { name: string; idNumber: string; phone: string | null; address?: string | null };
  company?: { name: string; uscc: string; address?: string | null; representative?: string | null } | null;
}

/** 申请材料要求 as the form endpoint lists it. `id` is stable across reads (see README). */
export interface MaterialRequirement {
  id: string;
  name: string;
  required: boolean;
  licenceType?: string;
}

export interface ItemForm {
  definition: FormDefinition;
  materials: MaterialRequirement[];
}

/** 草稿: an application saved before submission; its data is not validated strictly. */
export interface Draft {
  id: string;
  owner: string;
  implementationCode: string;
  formVersion: number;
  data: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}
