/**
 * Zod schemas of the catalogue's shapes: they validate the items file and API input, and describe
 * API responses in the OpenAPI document. They mirror model.ts (types are checked against it below).
 */
import { z } from 'zod';
import type { Agency, BasicItem, CodeEntry, ImplementationItemRecord, ItemElements, ItemGuide, Jurisdiction } from './model.js';

export const ZJurisdictionCode = z.string().regex(/^\d{6}(\d{3})?$/, '行政区划代码应为6位或9位数字');
export const ZImplementationCode = z.string().regex(/^[0-9A-Z]{31}$/, '实施编码应为31位数字或大写字母');
export const ZCodeListName = z.string().regex(/^[a-z][a-z_]{0,39}$/, '代码表名称应为小写字母和下划线');
export const ZAgencyId = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

const ZCodes = z.array(z.string().min(1).max(20));
const ZOptionalText = z.string().nullable().optional();

export const ZTimeLimit = z.object({
  value: z.number().int().nullable(),
  unit: z.enum(['WD', 'ND', 'IMMEDIATE']),
  note: z.string().optional(),
});

export const ZMaterial = z.object({
  name: z.string(),
  kind: z.string(),
  form: z.string(),
  required: z.boolean(),
  blankForm: ZOptionalText,
  sample: ZOptionalText,
  sourceChannel: z.string(),
  copies: z.number().int().min(0),
  notes: ZOptionalText,
  licenceType: ZOptionalText,
  sharedData: z.boolean().optional(),
});

export const ZElements = z.object({
  legalLimit: ZTimeLimit,
  promisedLimit: ZTimeLimit,
  caseType: z.string(),
  acceptanceConditions: z.string(),
  serviceObjects: ZCodes,
  personTopics: ZCodes,
  businessTopics: ZCodes,
  convenienceTopics: ZCodes,
  handlingForms: ZCodes,
  onlineDepth: z.string(),
  visits: z.number().int().min(0),
  visitReason: ZOptionalText,
  place: z.string(),
  hours: z.string(),
  consultationPhone: z.string(),
  complaintPhone: z.string(),
  reviewBody: z.string(),
  litigationBody: z.string(),
  appointment: z.boolean(),
  onlinePayment: z.boolean(),
  courierDelivery: z.boolean(),
  postalApplication: z.boolean(),
  charged: z.boolean(),
  unifiedLogin: z.boolean(),
  onlineSubmission: z.boolean(),
  onlineProgressQuery: z.boolean(),
  onlinePreReview: z.boolean(),
  minAssuranceLevel: z.number().int().min(0).max(3),
  results: z.array(z.object({ type: z.string(), name: z.string(), sample: ZOptionalText, electronic: z.boolean().optional() })),
  materials: z.array(ZMaterial),
  fees: z.array(z.object({ name: z.string(), standard: z.string(), legalBasis: z.string(), reductions: ZOptionalText })),
  links: z.array(z.object({ name: z.string(), unit: z.string(), timeLimit: ZTimeLimit, role: ZOptionalText })),
  faq: z.array(z.object({ question: z.string(), answer: z.string() })),
});

export const ZBasicItem = z.object({
  code: z.string().length(12),
  name: z.string().min(1),
  typeCode: z.string().min(1),
  legalBasis: z.string(),
  levels: ZCodes,
  status: z.enum(['active', 'cancelled']),
  version: z.number().int().positive(),
  parentCode: z.string().length(12).nullable(),
});

export const ZItemRecord = z.object({
  implementationCode: ZImplementationCode,
  basicCode: z.string().length(12),
  agencyUscc: z.string().length(18),
  level: z.string().regex(/^[1-7]$/),
  name: z.string().min(1),
  bodyNature: z.string().min(1),
  powerSource: z.string().min(1),
  version: z.number().int().positive(),
  status: z.enum(['draft', 'in_review', 'published']),
  elements: ZElements,
});

export const ITEMS_FILE_FORMAT = 'onestop.items';
export const ZItemsFile = z.object({
  format: z.literal(ITEMS_FILE_FORMAT),
  version: z.literal(1),
  basicItems: z.array(ZBasicItem),
  items: z.array(ZItemRecord),
});
export type ItemsFile = z.infer<typeof ZItemsFile>;

const ZNamedCode = z.object({ code: z.string(), name: z.string() });

export const ZJurisdiction = z.object({
  code: z.string(),
  name: z.string(),
  level: z.enum(['province', 'city', 'county', 'township']),
  parent: ZNamedCode.nullable(),
  ancestors: z.array(z.string()),
  children: z.array(ZNamedCode),
});

export const ZAgency = z.object({
  id: z.number(),
  uscc: z.string(),
  name: z.string(),
  jurisdiction: ZNamedCode,
  parent: z.object({ id: z.number(), name: z.string() }).nullable(),
  nature: z.string(),
  address: z.string(),
  hours: z.string(),
  consultationPhone: z.string(),
  complaintPhone: z.string(),
  itemCounts: z.array(z.object({ typeCode: z.string(), count: z.number() })),
});

export const ZItemGuide = ZItemRecord.extend({
  implementationCode: z.string(),
  id: z.number(),
  versionId: z.number(),
  publishedAt: z.string().nullable(),
  typeCode: z.string(),
  basic: ZBasicItem.extend({ code: z.string(), parentCode: z.string().nullable(), status: z.string() }),
  agency: z.object({ id: z.number(), name: z.string(), uscc: z.string() }),
  jurisdiction: z.object({ code: z.string(), name: z.string(), ancestors: z.array(z.string()) }),
  stars: z.number(),
  popularity: z.number(),
});

export const ZCodeEntry = z.object({ code: z.string(), zh: z.string(), en: z.string() });

// Compile-time checks that what the schemas accept fits the shapes of model.ts.
type Fits<A, B> = [A] extends [B] ? true : never;
const shapesAgree: [
  Fits<z.infer<typeof ZElements>, ItemElements>,
  Fits<z.infer<typeof ZBasicItem>, BasicItem>,
  Fits<z.infer<typeof ZItemRecord>, ImplementationItemRecord>,
  Fits<z.infer<typeof ZJurisdiction>, Jurisdiction>,
  Fits<z.infer<typeof ZAgency>, Agency>,
  Fits<z.infer<typeof ZItemGuide>, ItemGuide>,
  Fits<z.infer<typeof ZCodeEntry>, CodeEntry>,
] = [true, true, true, true, true, true, true];
void shapesAgree;
