/**
 * The catalogue's data shapes (GB/T 39046-2020 elements). These are the values an
 * implementation-item version carries; the database stores them in catalog.item_version
 * and its child tables, the export file carries them as JSON, and the publishing rules
 * and the star rating read them. Codes (type, level, audience, …) refer to rows in the
 * versioned code lists (catalog.code_list_entry), never to TypeScript enums.
 */

/** 时限: a number of days in a unit, or 即办 (done on the spot). */
export interface TimeLimit {
  /** null means 即办 (same-day, on the spot). */
  value: number | null;
  /** 'WD' working days (工作日) | 'ND' natural days (自然日) | 'IMMEDIATE' (即办). */
  unit: 'WD' | 'ND' | 'IMMEDIATE';
  note?: string;
}

/** 申请材料 */
export interface Material {
  name: string;
  /** 材料类型: 'original' 原件 | 'copy' 复印件 | 'original_and_copy' 原件和复印件 | 'electronic' 电子件 | 'form' 申请表 */
  kind: string;
  /** 材料形式: 'paper' | 'electronic' | 'paper_or_electronic' */
  form: string;
  required: boolean;
  /** URL or blob path of the blank form (空白表格), if any. */
  blankForm?: string | null;
  /** URL or blob path of the filled-in sample (示例样表), if any. */
  sample?: string | null;
  /** 来源渠道: 'applicant' 申请人自备 | 'government' 政府部门核发 | 'other' */
  sourceChannel: string;
  copies: number;
  notes?: string | null;
  /** The licence type code (电子证照类型) that can stand in for this material. */
  licenceType?: string | null;
  /** True when the platform can fetch it from shared data (数据共享) instead of an upload. */
  sharedData?: boolean;
}

/** 收费项目 */
export interface Fee {
  name: string;
  standard: string;
  legalBasis: string;
  reductions?: string | null;
}

/** 办理环节 */
export interface ProcessLink {
  /** 环节名称: 受理, 审核, 审批, 办结, 送达 … */
  name: string;
  unit: string;
  timeLimit: TimeLimit;
  /** Staff role that acts in this link (window_clerk, handler, reviewer, approver). */
  role?: string | null;
}

export interface Faq {
  question: string;
  answer: string;
}

/** 审批结果 */
export interface ItemResult {
  /** 结果类型: 'licence' 证照 | 'document' 批文 | 'other' */
  type: string;
  name: string;
  sample?: string | null;
  /** The result is issued as an electronic licence (电子证照). */
  electronic?: boolean;
}

/**
 * The elements of one version of an implementation item (实施清单要素).
 * Field names are English; the glossary in the module README maps them to the standard's Chinese terms.
 */
export interface ItemElements {
  /** 法定办结时限 */
  legalLimit: TimeLimit;
  /** 承诺办结时限 */
  promisedLimit: TimeLimit;
  /** 办件类型 code (case_type list: 1 即办件, 2 承诺件, 9 其他). */
  caseType: string;
  /** 受理条件 */
  acceptanceConditions: string;
  /** 服务对象 codes (service_object list). */
  serviceObjects: string[];
  /** 自然人主题 codes (person_topic list) */
  personTopics: string[];
  /** 法人主题 codes (business_topic list) */
  businessTopics: string[];
  /** 便民服务主题 codes (convenience_topic list) */
  convenienceTopics: string[];
  /** 办理形式 codes (handling_form list: 1 窗口, 2 电脑端网办, 3 移动端, 4 快递申请, 9 其他). */
  handlingForms: string[];
  /** 网上办理深度 code (online_depth list: 1 Ⅰ 事项公开 … 4 Ⅳ 全程网办). */
  onlineDepth: string;
  /** 到办事现场次数 */
  visits: number;
  /** 必须现场办理原因 (required when visits > 0) */
  visitReason?: string | null;
  /** 办理地点 */
  place: string;
  /** 办理时间 */
  hours: string;
  /** 咨询方式 (电话) */
  consultationPhone: string;
  /** 监督投诉方式 (电话) */
  complaintPhone: string;
  /** 行政复议机关 */
  reviewBody: string;
  /** 行政诉讼机关 */
  litigationBody: string;
  /** 是否支持预约 */
  appointment: boolean;
  /** 是否支持网上支付 */
  onlinePayment: boolean;
  /** 是否支持物流快递 (结果送达) */
  courierDelivery: boolean;
  /** 是否支持邮寄申请 */
  postalApplication: boolean;
  /** 是否收费 — derived from fees.length > 0; kept explicit so an export is readable. */
  charged: boolean;
  /** 是否对接统一身份认证 (单点登录) */
  unifiedLogin: boolean;
  /** 是否支持网上申报 (统一受理) */
  onlineSubmission: boolean;
  /** 是否支持网上进度查询 (统一查询) */
  onlineProgressQuery: boolean;
  /** 是否支持在线预审 */
  onlinePreReview: boolean;
  /** 最低实名认证等级 (0–3), checked when applying. */
  minAssuranceLevel: number;
  results: ItemResult[];
  materials: Material[];
  fees: Fee[];
  links: ProcessLink[];
  faq: Faq[];
}

/** 基本目录 entry */
export interface BasicItem {
  /** 基本编码, 12 characters */
  code: string;
  name: string;
  /** 事项类型 code (item_type list) */
  typeCode: string;
  /** 设定依据 */
  legalBasis: string;
  /** 行使层级 codes (exercise_level list) */
  levels: string[];
  /** 目录状态: 'active' | 'cancelled' */
  status: string;
  version: number;
  /** Parent 基本编码 for a sub-item (子项), null for a main item (主项). */
  parentCode: string | null;
}

/** An implementation item as exchanged (export/import, seed): identity + one version's elements. */
export interface ImplementationItemRecord {
  /** 实施编码: agency USCC (18) + level digit (1) + basic code (12) = 31 characters. */
  implementationCode: string;
  basicCode: string;
  agencyUscc: string;
  /** 行使层级 digit used in the code. */
  level: string;
  /** Item name as listed by the agency (usually the basic item's name). */
  name: string;
  /** 实施主体性质 code */
  bodyNature: string;
  /** 权力来源 code */
  powerSource: string;
  version: number;
  status: 'draft' | 'in_review' | 'published';
  elements: ItemElements;
}

/** A jurisdiction (行政区划) as the API returns it. */
export interface Jurisdiction {
  code: string;
  name: string;
  level: 'province' | 'city' | 'county' | 'township';
  parent: { code: string; name: string } | null;
  /** Codes from the root down to this one (inclusive). */
  ancestors: string[];
  children: { code: string; name: string }[];
}

export interface Agency {
  id: number;
  uscc: string;
  name: string;
  jurisdiction: { code: string; name: string };
  parent: { id: number; name: string } | null;
  nature: string;
  address: string;
  hours: string;
  consultationPhone: string;
  complaintPhone: string;
  /** Published items by item type code, for the shop page and 阳光政务. */
  itemCounts: { typeCode: string; count: number }[];
}

/** The full guide of a published implementation item (办事指南). */
export interface ItemGuide extends ImplementationItemRecord {
  id: number;
  versionId: number;
  publishedAt: string | null;
  typeCode: string;
  basic: BasicItem;
  agency: { id: number; name: string; uscc: string };
  jurisdiction: { code: string; name: string; ancestors: string[] };
  stars: number;
  popularity: number;
}

/** One entry of a code list, as used for labels and filters. */
export interface CodeEntry {
  code: string;
  zh: string;
  en: string;
}

/** A division (行政区划) as bulk data carries it: the parent code, not the ancestor path. */
export interface DivisionRecord {
  code: string;
  name: string;
  level: Jurisdiction['level'];
  parent: string | null;
}

/** An agency as bulk data carries it: jurisdiction and parent by code. */
export interface AgencyRecord {
  /** A key unique in the data set (the generator's handle for the agency). */
  key: string;
  name: string;
  uscc: string;
  jurisdiction: string;
  parentUscc: string | null;
  address: string;
  hours: string;
  consultationPhone: string;
  complaintPhone: string;
  /** 实施主体性质 code (body_nature list) */
  nature: string;
}

/** A whole catalogue to load in bulk (the demo seed, a province's data). */
export interface CatalogueData {
  divisions: DivisionRecord[];
  agencies: AgencyRecord[];
  basicItems: BasicItem[];
  implementationItems: (ImplementationItemRecord & { agencyKey: string; jurisdiction: string; popularity: number })[];
}
