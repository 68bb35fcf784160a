/**
 * The demo catalogue generator: Zhejiang's divisions, a standard set of agencies at every province,
 * city and county government, the basic catalogue and every agency's implementation items
 * (实施清单), all published at version 1.
 *
 * Pure and deterministic: no I/O, no clock, no Math.random. Variety comes from a small PRNG seeded
 * by a hash of each agency's or item's own identity, so an item's content does not depend on the
 * order in which the others were generated. Everything returned is plain JSON.
 *
 * Every implementation item satisfies the catalogue's publishing rules (guide-quality rules, see
 * docs/domain-china-egov.md §1), and the elements are varied by online-service depth so that the
 * star ratings spread from 1★ (window only) to 5★ (全程网办 with materials from shared data).
 */
import { makeUscc } from '../../platform/checksums.js';
import type {
  AgencyRecord,
  BasicItem,
  CatalogueData,
  Faq,
  Fee,
  ImplementationItemRecord,
  ItemElements,
  ItemResult,
  Material,
  ProcessLink,
  TimeLimit,
} from '../catalog/index.js';
import { AGENCY_TEMPLATES, OFFICE_HOURS, ROAD_NAMES, type AgencyTemplate } from './data/agencies.js';
import { BASIC_ITEMS, type DemoBasicItem, type ExerciseLevel } from './data/basic-items.js';
import { CITY_AREA_CODES, ZHEJIANG_DIVISIONS, type DemoDivision } from './data/zhejiang.js';

/**
 * A generated agency (实施主体): key (the department line, e.g. 'police'), name, USCC, the 6-digit
 * division code of its government, the USCC of the same line one level up (null at the top or when
 * that level has none), address, hours, phones and 实施主体性质 code.
 */
export type DemoAgency = AgencyRecord;

export type DemoImplementationItem = ImplementationItemRecord & {
  agencyKey: string;
  /** 6-digit division code of the implementing agency's government. */
  jurisdiction: string;
  /** 1–100, for ordering demo search results and "hot items". */
  popularity: number;
};

/** The demo catalogue, in the shape the catalogue's bulk loader takes. */
export interface DemoCatalogue extends CatalogueData {
  divisions: DemoDivision[];
  agencies: DemoAgency[];
  basicItems: BasicItem[];
  implementationItems: DemoImplementationItem[];
}

// ---------------------------------------------------------------------------------------------
// Deterministic randomness

/** FNV-1a 32-bit hash of a string. */
function hash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small, fast PRNG returning floats in [0, 1). */
function prng(seed: string): () => number {
  let a = hash32(seed);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(rand: () => number, list: readonly T[]): T {
  return list[Math.floor(rand() * list.length)]!;
}

// ---------------------------------------------------------------------------------------------
// Jurisdictions and agencies

interface Jurisdiction {
  code: string;
  level: ExerciseLevel;
  division: DemoDivision;
  city: DemoDivision | null;
  /** Name as it appears in agency names: 浙江省, 杭州市, 杭州市西湖区, 桐庐县. */
  title: string;
  areaCode: string;
  /** Where the government's offices are (used for addresses). */
  seat: string;
  /** The basic court for administrative suits against this government's departments. */
  court: string;
  /** The administrative-review body for this government's departments. */
  government: string;
}

const COUNTY_SUFFIXES = ['畲族自治县', '自治县', '区', '县', '市'];

function countyShort(name: string): string {
  for (const suffix of COUNTY_SUFFIXES) {
    if (name.endsWith(suffix) && name.length > suffix.length + 1) return name.slice(0, -suffix.length);
  }
  return name;
}

function buildJurisdictions(): Jurisdiction[] {
  const byCode = new Map(ZHEJIANG_DIVISIONS.map((d) => [d.code, d]));
  const firstCounty = new Map<string, DemoDivision>();
  for (const d of ZHEJIANG_DIVISIONS) {
    if (d.level === 'county' && d.parent && !firstCounty.has(d.parent)) firstCounty.set(d.parent, d);
  }
  const out: Jurisdiction[] = [];
  for (const d of ZHEJIANG_DIVISIONS) {
    if (d.level === 'province') {
      out.push({
        code: d.code, level: '2', division: d, city: null, title: d.name, areaCode: '0571',
        seat: '杭州市西湖区', court: '杭州市西湖区人民法院', government: '浙江省人民政府',
      });
    } else if (d.level === 'city') {
      const seatCounty = firstCounty.get(d.code);
      const seat = d.name + (seatCounty?.name ?? '');
      out.push({
        code: d.code, level: '3', division: d, city: d, title: d.name, areaCode: CITY_AREA_CODES[d.code] ?? '0571',
        seat, court: `${seat}人民法院`, government: `${d.name}人民政府`,
      });
    } else if (d.level === 'county') {
      const city = byCode.get(d.parent ?? '') ?? null;
      const title = d.name.endsWith('区') && city ? city.name + d.name : d.name;
      out.push({
        code: d.code, level: '4', division: d, city, title, areaCode: CITY_AREA_CODES[city?.code ?? ''] ?? '0571',
        seat: title, court: `${title}人民法院`, government: `${title}人民政府`,
      });
    }
  }
  return out;
}

function templateFor(t: AgencyTemplate, j: Jurisdiction): string | null {
  if (j.level === '2') return t.province;
  if (j.level === '3') return t.city;
  if (t.county === null) return null;
  return j.division.name.endsWith('区') && t.district ? t.district : t.county;
}

function fillTemplate(template: string, j: Jurisdiction): string {
  return template
    .replaceAll('{city}', j.city?.name ?? '')
    .replaceAll('{county}', j.title)
    .replaceAll('{countyName}', j.division.name)
    .replaceAll('{countyShort}', countyShort(j.division.name));
}

interface AgencyInternal extends DemoAgency {
  level: ExerciseLevel;
  short: string;
  j: Jurisdiction;
}

function buildAgencies(jurisdictions: Jurisdiction[]): AgencyInternal[] {
  const agencies: AgencyInternal[] = [];
  const byKeyAndCode = new Map<string, AgencyInternal>();
  const usedPhones = new Set<string>();
  let index = 0;
  for (const j of jurisdictions) {
    for (const t of AGENCY_TEMPLATES) {
      const template = templateFor(t, j);
      if (template === null) continue;
      index++;
      const rand = prng(`agency:${t.key}:${j.code}`);
      // 8-character organisation-code body, unique per agency (the 9th is the GB 11714 check).
      const orgBody = String(2_480_000 + index * 7).padStart(8, '0');
      const uscc = makeUscc('11', j.code, orgBody);
      let consultation: string;
      do {
        consultation = `${j.areaCode}-8${String(Math.floor(rand() * 10_000_000)).padStart(7, '0')}`;
      } while (usedPhones.has(consultation));
      usedPhones.add(consultation);
      const parentCode = j.level === '4' ? j.city?.code : j.level === '3' ? '330000' : undefined;
      const parent = parentCode ? byKeyAndCode.get(`${t.key}:${parentCode}`) : undefined;
      const agency: AgencyInternal = {
        key: t.key,
        name: fillTemplate(template, j),
        uscc,
        jurisdiction: j.code,
        parentUscc: parent?.uscc ?? null,
        address: `${j.seat}${pick(rand, ROAD_NAMES)}${1 + Math.floor(rand() * 399)}号`,
        hours: pick(rand, OFFICE_HOURS),
        consultationPhone: consultation,
        complaintPhone: `${j.areaCode}-12345转${String(100 + (index % 900))}`,
        nature: t.nature,
        level: j.level,
        short: t.short,
        j,
      };
      agencies.push(agency);
      byKeyAndCode.set(`${t.key}:${j.code}`, agency);
    }
  }
  return agencies;
}

// ---------------------------------------------------------------------------------------------
// Implementation items

/** Default legal limits by item type when the basic item gives none. */
const DEFAULT_LEGAL: Record<string, TimeLimit> = {
  '01': { value: 20, unit: 'WD' },
  '02': { value: 90, unit: 'ND' },
  '03': { value: 30, unit: 'ND' },
  '04': { value: 30, unit: 'WD' },
  '05': { value: 20, unit: 'WD' },
  '06': { value: 30, unit: 'WD' },
  '07': { value: 20, unit: 'WD' },
  '08': { value: 30, unit: 'WD' },
  '09': { value: 60, unit: 'WD' },
  '10': { value: 20, unit: 'WD' },
  '20': { value: 15, unit: 'WD' },
};

const DEFAULT_RESULT: Record<string, { type: 'licence' | 'document' | 'other'; name: string }> = {
  '02': { type: 'document', name: '行政处罚决定书' },
  '03': { type: 'document', name: '行政强制措施决定书' },
  '04': { type: 'document', name: '缴款通知书' },
  '06': { type: 'document', name: '检查结果告知书' },
};

/** Enforcement-type items (处罚, 强制, 检查): started by the agency, not by an application. */
const ENFORCEMENT = new Set(['02', '03', '06']);

/** Materials that an electronic licence (电子证照) can stand in for, by a keyword of the material name. */
const LICENCE_TYPES: [keyword: string, code: string][] = [
  ['居民身份证', 'ID_CARD'],
  ['身份证明', 'ID_CARD'],
  ['营业执照', 'BUSINESS_LICENCE'],
  ['户口簿', 'HOUSEHOLD_REGISTER'],
  ['结婚证', 'MARRIAGE_CERTIFICATE'],
  ['婚姻状况证明', 'MARRIAGE_CERTIFICATE'],
  ['机动车驾驶证', 'DRIVING_LICENCE'],
  ['机动车行驶证', 'VEHICLE_LICENCE'],
  ['机动车登记证书', 'VEHICLE_REGISTRATION_CERTIFICATE'],
  ['不动产权证书', 'REAL_ESTATE_CERTIFICATE'],
  ['不动产权属', 'REAL_ESTATE_CERTIFICATE'],
  ['出生医学证明', 'BIRTH_MEDICAL_CERTIFICATE'],
  ['残疾人证', 'DISABILITY_CERTIFICATE'],
  ['社会保障卡', 'SOCIAL_SECURITY_CARD'],
  ['建设工程规划许可证', 'CONSTRUCTION_PROJECT_PLANNING_PERMIT'],
  ['建筑工程施工许可证', 'CONSTRUCTION_PERMIT'],
  ['医疗机构执业许可证', 'MEDICAL_INSTITUTION_LICENCE'],
  ['医师资格证书', 'PHYSICIAN_QUALIFICATION'],
  ['教师资格证书', 'TEACHER_QUALIFICATION'],
  ['法律职业资格证书', 'LEGAL_PROFESSION_QUALIFICATION'],
  ['退役士兵证', 'VETERAN_CERTIFICATE'],
  ['烈士证书', 'MARTYR_CERTIFICATE'],
  ['伤残人员证', 'DISABLED_SERVICEMAN_CERTIFICATE'],
  ['渔业船舶检验证书', 'FISHING_VESSEL_INSPECTION_CERTIFICATE'],
  ['渔业船舶国籍证书', 'FISHING_VESSEL_NATIONALITY_CERTIFICATE'],
  ['危险化学品经营许可证', 'HAZARDOUS_CHEMICALS_BUSINESS_LICENCE'],
  ['采矿许可证', 'MINING_LICENCE'],
  ['药品经营许可证', 'DRUG_BUSINESS_LICENCE'],
  ['认定工伤决定书', 'WORK_INJURY_DECISION'],
  ['护照', 'PASSPORT'],
  ['往来港澳通行证', 'HK_MACAO_PERMIT'],
];

/** Materials the platform can fetch from shared data (数据共享) instead of an upload. */
const SHARED_DATA = [
  '失业登记信息', '退休审批结果', '无犯罪记录证明', '完税凭证', '清税证明', '死亡证明', '居民死亡医学证明',
  '体检', '健康证明', '考试合格证明', '考试成绩合格证明', '新生儿出生信息', '社会保险', '职业资格证书',
  '学历证书', '学历证明', '学位证书', '毕业证书', '银行账户信息', '入伍通知书', '户籍证明', '亲属关系证明',
  '居住登记证明', '能力评估结果', '机动车交通事故责任强制保险凭证', '车辆购置税完税证明', '机动车安全技术检验合格证明',
  '机动车销售统一发票', '购车发票', '购机发票', '城乡居民基本医疗保险缴费申报信息', '水土保持方案批复',
  '建设项目批准、核准或备案文件', '环境影响评价文件', '建设工程设计方案',
];

const FORM_PATTERN = /(申请表|申请书|登记表|申报表|审核表|备案表|信息表|登记书|申请单|审批表|授权书|承诺书|声明|申报书|推荐书|请求书|投诉书|申请)$/;
const OPTIONAL_PATTERN = /（[^（）]*(如有|的提供|如需)[^（）]*）$/;

function lawName(legalBasis: string): string {
  const m = /《[^》]+》/.exec(legalBasis);
  return m ? m[0] : '有关法律法规';
}

function unitWord(unit: TimeLimit['unit']): string {
  return unit === 'ND' ? '自然日' : '工作日';
}

/** Split a promised limit across links by weight; links that get 0 days are 即办. The values sum to the total. */
function splitLimit(total: TimeLimit, weights: number[]): TimeLimit[] {
  if (total.value === null || total.unit === 'IMMEDIATE') return weights.map(() => ({ value: null, unit: 'IMMEDIATE' }));
  const sum = weights.reduce((a, b) => a + b, 0);
  const values = weights.map((w) => Math.floor((total.value! * w) / sum));
  let rest = total.value - values.reduce((a, b) => a + b, 0);
  const order = weights.map((w, i) => [w, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) values[order[k]![1]]! += 1;
  const unit = total.unit;
  return values.map((v) => (v === 0 ? { value: null, unit: 'IMMEDIATE' } : { value: v, unit }));
}

/** The process links (办理环节) by item type: [name, weight]. */
function linkPlan(item: DemoBasicItem): [string, number][] {
  switch (item.typeCode) {
    case '01':
      return [['受理', 1], ['审核', 4], ['审批', 3], ['办结', 1], ['送达', 1]];
    case '02':
      return [['立案', 1], ['调查取证', 5], ['审核', 2], ['告知', 2], ['决定', 2], ['送达', 1]];
    case '03':
      return [['报批', 1], ['实施强制措施', 2], ['制作现场笔录', 1], ['送达', 1]];
    case '06':
      return [['检查准备', 1], ['实施检查', 3], ['处理', 2], ['归档', 1]];
    case '04':
      return [['受理', 1], ['核定', 2], ['征收', 1], ['办结', 1]];
    case '08':
      return [['受理', 1], ['评审', 4], ['公示', 2], ['审批', 2], ['送达', 1]];
    case '09':
      return [['受理', 1], ['调查', 3], ['审理', 3], ['审批', 2], ['送达', 1]];
    case '05':
    case '07':
      return item.caseType === '1' ? [['受理', 1], ['办结', 1]] : [['受理', 1], ['审核', 3], ['审批', 2], ['办结', 1]];
    default:
      return item.caseType === '1' ? [['受理', 1], ['办结', 1]] : [['受理', 1], ['审核', 3], ['办结', 1]];
  }
}

const LINK_ROLE: Record<string, string> = { 受理: 'window_clerk', 审核: 'reviewer', 审批: 'approver' };

function buildLinks(item: DemoBasicItem, agency: AgencyInternal, promised: TimeLimit): ProcessLink[] {
  const plan = linkPlan(item);
  const limits = splitLimit(promised, plan.map(([, w]) => w));
  const office = ENFORCEMENT.has(item.typeCode)
    ? agency.level === '2' ? '执法监督处' : '执法大队'
    : agency.level === '2' ? '行政审批处' : '行政审批科';
  return plan.map(([name], i) => ({
    name,
    unit: name === '受理' ? `${agency.j.title}政务服务中心综合受理窗口` : office,
    timeLimit: limits[i]!,
    role: LINK_ROLE[name] ?? 'handler',
  }));
}

/**
 * The portal's printable pages for an item's forms and result samples (src/modules/portal/pages/documents.tsx):
 * relative URLs, so they work on any host the portal is served from.
 */
const documentUrl = {
  blankForm: (code: string, n: number) => `/items/${code}/materials/${n}/blank-form`,
  formSample: (code: string, n: number) => `/items/${code}/materials/${n}/sample`,
  resultSample: (code: string, n: number) => `/items/${code}/results/${n}/sample`,
};

function buildMaterials(
  implementationCode: string,
  item: DemoBasicItem,
  depth: string,
  fiveStar: boolean,
  rand: () => number,
): Material[] {
  const withForms = depth !== '1' || rand() < 0.5;
  return item.materials.map((name, i) => {
    const required = !OPTIONAL_PATTERN.test(name);
    const isForm = FORM_PATTERN.test(name);
    const licence = LICENCE_TYPES.find(([kw]) => name.includes(kw))?.[1] ?? null;
    const shared = SHARED_DATA.some((kw) => name.includes(kw));
    const m: Material = {
      name,
      kind: isForm ? 'form' : licence ? 'original' : rand() < 0.6 ? 'original_and_copy' : 'copy',
      form: depth === '1' ? 'paper' : depth === '4' ? 'electronic' : 'paper_or_electronic',
      required,
      blankForm: isForm && withForms ? documentUrl.blankForm(implementationCode, i + 1) : null,
      sample: isForm && withForms ? documentUrl.formSample(implementationCode, i + 1) : null,
      sourceChannel: licence ? 'government' : 'applicant',
      copies: 1,
      notes: isForm ? '申请人签字（单位加盖公章）' : licence ? '核验原件' : null,
    };
    // Electronic licences replace the paper ones once the agency is on the licence library (depth ≥ 3).
    if (licence && (depth === '3' || depth === '4' || (depth === '2' && rand() < 0.5))) m.licenceType = licence;
    if (shared && (depth === '3' || depth === '4')) {
      m.sharedData = true;
      m.sourceChannel = 'government';
    }
    // 全程网办 with 数据跑腿: every required material comes from the licence library or shared data;
    // forms are filled in online from the applicant's data.
    if (fiveStar && required && !m.licenceType && !m.sharedData) {
      m.sharedData = true;
      if (isForm) m.notes = '在线填报，系统根据共享数据自动生成';
    }
    return m;
  });
}

function buildFaq(
  item: DemoBasicItem,
  e: Pick<ItemElements, 'visits' | 'visitReason' | 'fees' | 'legalLimit' | 'promisedLimit' | 'onlineDepth'>,
  result: ItemResult | undefined,
): Faq[] {
  const visits: Faq = {
    question: `办理“${item.name}”需要到现场几次？`,
    answer:
      e.visits === 0
        ? '无需到现场。可通过“浙里办”APP或浙江政务服务网在线申请，办理结果可网上查询、快递送达或以电子证照形式发放。'
        : `最多需到现场${e.visits}次。原因：${e.visitReason ?? '需现场核验材料原件'}。可通过网上预约减少等候时间。`,
  };
  const fee: Faq = {
    question: `办理“${item.name}”是否收费？`,
    answer: e.fees.length
      ? e.fees.map((f) => `收费。${f.name}：${f.standard}（依据：${f.legalBasis}）。支持网上支付。`).join('')
      : '不收费。',
  };
  const time: Faq = {
    question: `“${item.name}”多长时间可以办结？`,
    answer:
      e.promisedLimit.unit === 'IMMEDIATE'
        ? `申请材料齐全、符合法定形式的，当场办结（即办件）。法定办结时限为${e.legalLimit.value}个${unitWord(e.legalLimit.unit)}。`
        : `承诺办结时限为${e.promisedLimit.value}个${unitWord(e.promisedLimit.unit)}，法定办结时限为${e.legalLimit.value}个${unitWord(e.legalLimit.unit)}，自受理之日起计算。`,
  };
  if (ENFORCEMENT.has(item.typeCode)) return [];
  if (item.typeCode === '01') {
    const out = [visits, fee, time];
    if (result?.electronic) {
      out.push({
        question: `${result.name}有电子证照吗？`,
        answer: `有。办结后${result.name}同步生成电子证照，可在“浙里办”APP“我的证照”中查看和出示，与纸质证照具有同等效力。`,
      });
    }
    return out;
  }
  return e.onlineDepth === '1' ? [time] : [visits, time];
}

function acceptanceConditions(item: DemoBasicItem): string {
  const law = lawName(item.legalBasis);
  switch (item.typeCode) {
    case '01':
      return `申请人符合${law}等法律法规规定的条件；申请事项属于本机关职权范围；申请材料齐全、符合法定形式。`;
    case '02':
      return `违法事实清楚、证据确凿，依照${law}应当给予行政处罚。`;
    case '03':
      return `符合${law}规定的条件，确需依法采取行政强制措施。`;
    case '04':
      return `属于${law}规定的缴纳义务人，已发生应缴纳的事项。`;
    case '05':
      return `申请人符合${law}等规定的给付条件，并按规定提出申请。`;
    case '06':
      return `依照${law}确定的检查对象；按照“双随机、一公开”要求抽取或依据投诉举报、转办交办线索确定。`;
    case '08':
      return `符合${law}等规定的奖励条件。`;
    case '09':
      return `争议当事人依照${law}提出裁决申请，争议事项属于本机关管辖范围。`;
    default:
      return `申请人身份明确，申请事项符合${law}等规定，申请材料齐全、符合法定形式。`;
  }
}

const acceptanceCache = new Map<string, string>();

function cached<V>(cache: Map<string, V>, key: string, make: () => V): V {
  let v = cache.get(key);
  if (v === undefined) {
    v = make();
    cache.set(key, v);
  }
  return v;
}

function defaultVisitReason(item: DemoBasicItem): string {
  switch (item.typeCode) {
    case '02':
      return '需当事人到场接受调查询问、陈述和申辩';
    case '03':
      return '实施行政强制措施时当事人应当到场';
    case '06':
      return '现场检查需被检查单位人员在场配合';
    default:
      return '需现场核验申请材料原件';
  }
}

function lowerDepth(depth: DemoBasicItem['depth']): DemoBasicItem['depth'] {
  return depth === '4' ? '3' : depth === '3' ? '2' : '1';
}

function buildImplementation(item: DemoBasicItem, agency: AgencyInternal, level: ExerciseLevel): DemoImplementationItem {
  const implementationCode = agency.uscc + level + item.code;
  const rand = prng(`item:${implementationCode}`);

  // Some counties (and a few cities) lag behind the provincial baseline depth.
  let depth = item.depth;
  const lagChance = level === '4' ? 0.15 : level === '3' ? 0.08 : 0;
  if (depth !== '1' && rand() < lagChance) depth = lowerDepth(depth);

  const visits = depth === '4' ? 0 : item.depth === '4' ? 1 : item.visits;
  const enforcement = ENFORCEMENT.has(item.typeCode);
  let visitReason: string | null = null;
  if (visits > 0) {
    visitReason =
      item.visitReason ??
      (item.depth === '4' && !enforcement ? '本地尚未开通全程网办，需现场核验申请材料原件' : defaultVisitReason(item));
  }

  const online = depth !== '1';
  const handlingForms = depth === '1' ? ['1'] : depth === '2' ? ['1', '2'] : ['1', '2', '3'];
  // Nothing to submit online below depth Ⅲ: with no visit either, the application must be possible by post.
  const appliesOnline = depth === '3' || depth === '4';
  const postalApplication = (!appliesOnline && visits === 0) || (!enforcement && depth !== '1' && rand() < 0.3);
  if (postalApplication) handlingForms.push('4');

  const legalLimit: TimeLimit =
    item.legalDays !== null
      ? { value: item.legalDays, unit: item.dayUnit ?? 'WD' }
      : { ...(DEFAULT_LEGAL[item.typeCode] ?? { value: 20, unit: 'WD' }) };
  let promisedLimit: TimeLimit;
  if (item.caseType === '1' || item.promisedDays === null) {
    promisedLimit = { value: null, unit: 'IMMEDIATE' };
  } else {
    // 承诺期限压缩: some agencies promise less than the provincial baseline; never more than the legal limit.
    const compressed = rand() < 0.25 ? Math.max(1, Math.round(item.promisedDays * 0.6)) : item.promisedDays;
    promisedLimit = { value: Math.min(compressed, legalLimit.value ?? compressed), unit: legalLimit.unit };
  }
  const caseType = promisedLimit.unit === 'IMMEDIATE' ? '1' : '2';

  const fees: Fee[] = item.fee ? [{ name: item.fee.name, standard: item.fee.standard, legalBasis: item.fee.legalBasis, reductions: null }] : [];

  const fiveStar = depth === '4' && rand() < (item.popularity >= 50 ? 0.8 : 0.5);
  const baseResult = item.result ?? DEFAULT_RESULT[item.typeCode] ?? { type: 'document' as const, name: `${item.name}办理结果` };
  const electronic = (depth === '4' && (baseResult.type === 'licence' || fiveStar || rand() < 0.5)) || (depth === '3' && baseResult.type === 'licence');
  const results: ItemResult[] = [{ type: baseResult.type, name: baseResult.name, sample: documentUrl.resultSample(implementationCode, 1), electronic }];

  const courierDelivery =
    depth === '4' ? !electronic || rand() < 0.6 : depth === '3' ? rand() < 0.6 : depth === '2' ? rand() < 0.3 : false;

  const partial = {
    visits,
    visitReason,
    fees,
    legalLimit,
    promisedLimit,
    onlineDepth: depth,
  };
  const elements: ItemElements = {
    legalLimit,
    promisedLimit,
    caseType,
    acceptanceConditions: cached(acceptanceCache, item.code, () => acceptanceConditions(item)),
    serviceObjects: [...item.serviceObjects],
    personTopics: [...item.personTopics],
    businessTopics: [...item.businessTopics],
    convenienceTopics: [...item.convenienceTopics],
    handlingForms,
    onlineDepth: depth,
    visits,
    visitReason,
    place: enforcement
      ? `${agency.name}（${agency.address}）`
      : `${agency.j.title}政务服务中心${agency.short}窗口（${agency.address}）`,
    hours: agency.hours,
    consultationPhone: agency.consultationPhone,
    complaintPhone: agency.complaintPhone,
    reviewBody: reviewBody(agency),
    litigationBody: agency.j.court,
    appointment: depth !== '1' || (!enforcement && rand() < 0.4),
    onlinePayment: fees.length > 0,
    courierDelivery,
    postalApplication,
    charged: fees.length > 0,
    unifiedLogin: online,
    onlineSubmission: appliesOnline,
    onlineProgressQuery: online,
    onlinePreReview: depth === '4' || depth === '2' || (depth === '3' && rand() < 0.6),
    minAssuranceLevel: depth === '1' ? 0 : item.typeCode === '20' ? 1 : 2,
    results,
    materials: buildMaterials(implementationCode, item, depth, fiveStar, rand),
    fees,
    links: buildLinks(item, agency, promisedLimit),
    faq: buildFaq(item, partial, results[0]),
  };

  const jitter = Math.floor(rand() * 7) - 3;
  return {
    implementationCode,
    basicCode: item.code,
    agencyUscc: agency.uscc,
    level,
    name: item.name,
    bodyNature: agency.nature,
    powerSource: '1',
    version: 1,
    status: 'published',
    elements,
    agencyKey: agency.key,
    jurisdiction: agency.jurisdiction,
    popularity: Math.min(100, Math.max(1, item.popularity + jitter)),
  };
}

/**
 * 行政复议机关: since the 2023 revision of the 行政复议法 the government at the same level reviews its
 * departments' acts; vertically managed lines (税务) are reviewed by the superior authority.
 */
function reviewBody(agency: AgencyInternal): string {
  if (agency.key === 'tax') {
    if (agency.level === '2') return '国家税务总局';
    if (agency.level === '3') return '国家税务总局浙江省税务局';
    return `国家税务总局${agency.j.city?.name ?? ''}税务局`;
  }
  return agency.j.government;
}

// ---------------------------------------------------------------------------------------------

function toBasicItem(item: DemoBasicItem): BasicItem {
  return {
    code: item.code,
    name: item.name,
    typeCode: item.typeCode,
    legalBasis: item.legalBasis,
    levels: [...item.levels],
    status: 'active',
    version: 1,
    parentCode: null,
  };
}

/** Generate the whole demo catalogue. Deterministic: two calls return deep-equal values. */
export function generateDemoCatalogue(): DemoCatalogue {
  const jurisdictions = buildJurisdictions();
  const agencies = buildAgencies(jurisdictions);
  const byKeyAndCode = new Map(agencies.map((a) => [`${a.key}:${a.jurisdiction}`, a]));
  const jurisdictionsByLevel = new Map<ExerciseLevel, Jurisdiction[]>([['2', []], ['3', []], ['4', []]]);
  for (const j of jurisdictions) jurisdictionsByLevel.get(j.level)!.push(j);

  const implementationItems: DemoImplementationItem[] = [];
  for (const item of BASIC_ITEMS) {
    for (const level of item.levels) {
      const key = item.agencyByLevel?.[level] ?? item.agencyKey;
      for (const j of jurisdictionsByLevel.get(level)!) {
        const agency = byKeyAndCode.get(`${key}:${j.code}`);
        if (!agency) continue;
        implementationItems.push(buildImplementation(item, agency, level));
      }
    }
  }

  // An agency is listed when it implements something or is the parent of a listed agency
  // (every agency comes after its parent in the list, so walking it backwards visits children first).
  const listed = new Set(implementationItems.map((i) => i.agencyUscc));
  for (let i = agencies.length - 1; i >= 0; i--) {
    const a = agencies[i]!;
    if (listed.has(a.uscc) && a.parentUscc) listed.add(a.parentUscc);
  }

  return {
    divisions: ZHEJIANG_DIVISIONS.map((d) => ({ ...d })),
    agencies: agencies.filter((a) => listed.has(a.uscc)).map(
      ({ key, name, uscc, jurisdiction, parentUscc, address, hours, consultationPhone, complaintPhone, nature }): DemoAgency => ({
        key, name, uscc, jurisdiction, parentUscc, address, hours, consultationPhone, complaintPhone, nature,
      }),
    ),
    basicItems: BASIC_ITEMS.map(toBasicItem),
    implementationItems,
  };
}
