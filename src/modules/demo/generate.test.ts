import { describe, it, expect } from 'vitest';
import { isValidUscc } from '../../platform/checksums.js';
import type { ItemElements, TimeLimit } from '../catalog/index.js';
import { BASIC_ITEMS } from './data/basic-items.js';
import { ZHEJIANG_DIVISIONS, ZHEJIANG_TOWNSHIPS } from './data/zhejiang.js';
import { generateDemoCatalogue } from './generate.js';

const catalogue = generateDemoCatalogue();

const ITEM_TYPES = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '20'];

const MUST_INCLUDE = [
  '个体工商户设立登记', '企业设立登记', '食品经营许可', '公共场所卫生许可', '建设工程规划许可证核发', '建筑工程施工许可证核发',
  '机动车驾驶证换证', '机动车注册登记', '居民身份证换领', '户口迁移', '出生医学证明', '生育登记', '结婚登记', '离婚登记',
  '城乡居民基本医疗保险参保登记', '职工基本养老保险关系转移', '失业保险金申领', '住房公积金提取', '住房公积金贷款',
  '残疾人两项补贴', '最低生活保障', '义务教育入学', '教师资格认定', '护士执业注册', '道路运输经营许可', '排污许可', '取水许可',
  '出入境通行证签注', '不动产登记', '医师执业注册', '药品经营许可', '烟草专卖零售许可', '导游证核发', '渔业捕捞许可',
  '法律援助申请', '对未取得食品经营许可从事食品经营活动的处罚', '城市基础设施配套费征收',
];

const LICENSING_LINKS = ['受理', '审核', '审批', '办结', '送达'];

/**
 * The publishing rules, re-stated locally (the catalogue's rule engine is the authority; this test
 * will switch to it). "Online" means the item can be applied for online: depth Ⅲ or Ⅳ with a PC or
 * mobile handling form — the stricter reading, which also satisfies "forms contain 2 or 3".
 */
function publishingProblems(typeCode: string, el: ItemElements): string[] {
  const problems: string[] = [];
  const immediate = el.promisedLimit.unit === 'IMMEDIATE';
  if (immediate !== (el.caseType === '1')) problems.push('promised_limit_immediate_mismatch');
  if (immediate && el.promisedLimit.value !== null) problems.push('immediate_with_value');
  if (!validLimit(el.legalLimit)) problems.push('legal_limit_invalid');
  if (!validLimit(el.promisedLimit)) problems.push('promised_limit_invalid');
  if (
    !immediate &&
    el.legalLimit.unit === el.promisedLimit.unit &&
    (el.promisedLimit.value ?? 0) > (el.legalLimit.value ?? 0)
  ) {
    problems.push('promised_exceeds_legal');
  }
  if (el.visits !== 0 && !el.visitReason?.trim()) problems.push('visit_reason_required');
  if (el.onlineDepth === '4' && el.visits !== 0) problems.push('depth4_requires_zero_visits');
  const online = ['3', '4'].includes(el.onlineDepth) && el.handlingForms.some((f) => f === '2' || f === '3');
  if (el.visits === 0 && !online && !el.postalApplication) problems.push('postal_required');
  if (el.fees.length > 0) {
    if (el.fees.some((f) => !f.name.trim() || !f.standard.trim() || !f.legalBasis.trim())) problems.push('fee_incomplete');
    if (!el.charged || !el.onlinePayment) problems.push('fee_requires_charged_and_online_payment');
  } else if (el.charged || el.onlinePayment) {
    problems.push('no_fee_forbids_charged_or_online_payment');
  }
  if (!el.consultationPhone.trim() || el.consultationPhone === el.complaintPhone) problems.push('phones_must_differ');
  if (typeCode === '01') {
    if (el.faq.length < 1) problems.push('licensing_faq_required');
    const missing = LICENSING_LINKS.filter((n) => !el.links.some((l) => l.name.includes(n)));
    if (el.links.length < 5 || missing.length > 0) problems.push('licensing_links_required');
  }
  if (el.results.some((r) => !r.sample)) problems.push('result_sample_required');
  const persons = el.serviceObjects.includes('1');
  const organisations = el.serviceObjects.some((o) => ['2', '3', '4', '6'].includes(o));
  if (persons !== el.personTopics.length > 0) problems.push('person_topic_mismatch');
  if (organisations !== el.businessTopics.length > 0) problems.push('business_topic_mismatch');
  for (const text of [el.acceptanceConditions, el.place, el.hours, el.reviewBody, el.litigationBody, el.complaintPhone]) {
    if (!text.trim()) problems.push('required_text_missing');
  }
  if (el.serviceObjects.length === 0 || el.handlingForms.length === 0) problems.push('required_list_missing');
  return problems;
}

function validLimit(limit: TimeLimit): boolean {
  return limit.unit === 'IMMEDIATE' ? limit.value === null : Number.isInteger(limit.value) && (limit.value ?? 0) > 0;
}

/** A rough star estimate following the rubric in docs (each level needs the ones below). */
function stars(el: ItemElements): number {
  const forms = el.materials.filter((m) => m.kind === 'form');
  const levels = [
    true,
    el.appointment && forms.every((m) => !!m.blankForm && !!m.sample),
    el.unifiedLogin && el.onlineSubmission && el.onlineProgressQuery,
    el.onlinePreReview && el.visits <= 1,
    el.onlineDepth === '4' &&
      el.visits === 0 &&
      (el.courierDelivery || el.results.every((r) => r.electronic === true)) &&
      (el.fees.length === 0 || el.onlinePayment) &&
      el.materials.filter((m) => m.required).every((m) => !!m.licenceType || m.sharedData === true),
  ];
  let n = 0;
  while (n < levels.length && levels[n]) n++;
  return n;
}

/** True when the value is made of JSON types only (no undefined, functions, Dates, Maps, NaN …). */
function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return true;
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.values(value as Record<string, unknown>).every(isPlainJson);
  }
  return false;
}

describe('demo data', () => {
  it('has Zhejiang: 1 province, 11 cities and 90 county-level divisions with 6-digit codes', () => {
    expect(ZHEJIANG_DIVISIONS).toHaveLength(1 + 11 + 90);
    expect(catalogue.divisions).toHaveLength(102);
    const byLevel = (level: string) => ZHEJIANG_DIVISIONS.filter((d) => d.level === level);
    expect(byLevel('province')).toEqual([{ code: '330000', name: '浙江省', level: 'province', parent: null }]);
    expect(byLevel('city').map((d) => d.name)).toEqual([
      '杭州市', '宁波市', '温州市', '嘉兴市', '湖州市', '绍兴市', '金华市', '衢州市', '舟山市', '台州市', '丽水市',
    ]);
    expect(byLevel('county')).toHaveLength(90);
    const codes = new Set(ZHEJIANG_DIVISIONS.map((d) => d.code));
    expect(codes.size).toBe(102);
    for (const d of ZHEJIANG_DIVISIONS) {
      expect(d.code).toMatch(/^33\d{4}$/);
      expect(d.name).not.toBe('市辖区');
      if (d.level === 'city') expect(d.parent).toBe('330000');
      if (d.level === 'county') {
        expect(d.parent).toBe(`${d.code.slice(0, 4)}00`);
        expect(codes.has(d.parent!)).toBe(true);
      }
    }
    expect(ZHEJIANG_TOWNSHIPS.length).toBeGreaterThanOrEqual(10);
    for (const t of ZHEJIANG_TOWNSHIPS) {
      expect(t.code).toMatch(/^330106\d{3}$/);
      expect(t).toMatchObject({ level: 'township', parent: '330106' });
    }
  });

  it('has at least 300 basic items covering every item type, with unique 12-character codes', () => {
    expect(catalogue.basicItems.length).toBeGreaterThanOrEqual(300);
    expect(new Set(catalogue.basicItems.map((b) => b.typeCode))).toEqual(new Set(ITEM_TYPES));
    const codes = catalogue.basicItems.map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(new Set(catalogue.basicItems.map((b) => b.name)).size).toBe(codes.length);
    for (const b of catalogue.basicItems) {
      expect(b.code).toMatch(/^[0-9A-Z]{12}$/);
      expect(b.legalBasis).toMatch(/《.+》/);
      expect(b.levels.length).toBeGreaterThan(0);
      expect(b).toMatchObject({ status: 'active', version: 1, parentCode: null });
    }
  });

  it('includes every must-have item, implemented at least once', () => {
    const implemented = new Set(catalogue.implementationItems.map((i) => i.name));
    for (const name of MUST_INCLUDE) {
      expect(BASIC_ITEMS.some((b) => b.name === name), name).toBe(true);
      expect(implemented.has(name), name).toBe(true);
    }
  });

  it('keeps the basic data consistent (即办 ⇔ no promised days, depth Ⅳ ⇒ no visit, topics match audiences)', () => {
    for (const b of BASIC_ITEMS) {
      expect(b.caseType === '1', b.name).toBe(b.promisedDays === null);
      if (b.legalDays !== null && b.promisedDays !== null) expect(b.promisedDays, b.name).toBeLessThanOrEqual(b.legalDays);
      if (b.depth === '4') expect(b.visits, b.name).toBe(0);
      expect(b.personTopics.length > 0, b.name).toBe(b.serviceObjects.includes('1'));
      expect(b.businessTopics.length > 0, b.name).toBe(b.serviceObjects.some((o) => ['2', '3', '4', '6'].includes(o)));
      expect(b.popularity).toBeGreaterThanOrEqual(1);
      expect(b.popularity).toBeLessThanOrEqual(100);
    }
  });
});

describe('generateDemoCatalogue', () => {
  it('generates agencies with valid, unique USCCs, parents one level up and distinct phones', () => {
    const usccs = catalogue.agencies.map((a) => a.uscc);
    expect(new Set(usccs).size).toBe(usccs.length);
    const byUscc = new Map(catalogue.agencies.map((a) => [a.uscc, a]));
    const divisions = new Map(catalogue.divisions.map((d) => [d.code, d]));
    for (const a of catalogue.agencies) {
      expect(isValidUscc(a.uscc), a.uscc).toBe(true);
      expect(a.uscc.slice(2, 8)).toBe(a.jurisdiction);
      expect(divisions.has(a.jurisdiction)).toBe(true);
      expect(a.consultationPhone).toMatch(/^0\d{2,3}-8\d{7}$/);
      expect(a.complaintPhone).not.toBe(a.consultationPhone);
      if (a.parentUscc !== null) {
        const parent = byUscc.get(a.parentUscc);
        expect(parent?.key).toBe(a.key);
        expect(parent?.jurisdiction).toBe(divisions.get(a.jurisdiction)?.parent);
      }
    }
    const names = catalogue.agencies.filter((a) => a.jurisdiction === '330106').map((a) => a.name);
    expect(names).toContain('杭州市公安局西湖分局');
    expect(catalogue.agencies.find((a) => a.jurisdiction === '330000' && a.key === 'tax')?.name).toBe('国家税务总局浙江省税务局');
  });

  it('generates at least 9,000 published implementation items with unique 31-character codes', () => {
    const items = catalogue.implementationItems;
    expect(items.length).toBeGreaterThanOrEqual(9000);
    const codes = new Set(items.map((i) => i.implementationCode));
    expect(codes.size).toBe(items.length);
    const agencies = new Map(catalogue.agencies.map((a) => [a.uscc, a]));
    const basics = new Map(catalogue.basicItems.map((b) => [b.code, b]));
    const levelOf: Record<string, string> = { '330000': '2' };
    for (const d of catalogue.divisions) if (d.level !== 'province') levelOf[d.code] = d.level === 'city' ? '3' : '4';
    const failures: string[] = [];
    const check = (ok: boolean, what: string, i: { implementationCode: string }) => {
      if (!ok && failures.length < 10) failures.push(`${i.implementationCode}: ${what}`);
    };
    for (const i of items) {
      const agency = agencies.get(i.agencyUscc);
      const basic = basics.get(i.basicCode);
      check(i.implementationCode.length === 31, 'length', i);
      check(i.implementationCode === i.agencyUscc + i.level + i.basicCode, 'code parts', i);
      check(i.status === 'published' && i.version === 1, 'status/version', i);
      check(agency?.jurisdiction === i.jurisdiction && agency.key === i.agencyKey, 'agency', i);
      check(levelOf[i.jurisdiction] === i.level, 'level', i);
      check(!!basic && basic.levels.includes(i.level) && basic.name === i.name, 'basic item', i);
      check(i.popularity >= 1 && i.popularity <= 100, 'popularity', i);
    }
    expect(failures).toEqual([]);
    // every basic item is implemented somewhere
    expect(new Set(items.map((i) => i.basicCode)).size).toBe(catalogue.basicItems.length);
  });

  it('passes the publishing rules on every implementation item', () => {
    const typeOf = new Map(catalogue.basicItems.map((b) => [b.code, b.typeCode]));
    const failures: string[] = [];
    for (const i of catalogue.implementationItems) {
      const problems = publishingProblems(typeOf.get(i.basicCode)!, i.elements);
      if (problems.length > 0 && failures.length < 10) failures.push(`${i.implementationCode} ${i.name}: ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('spreads online depth Ⅰ–Ⅳ and star ratings 1★–5★ across the catalogue', () => {
    const depths = new Set(catalogue.implementationItems.map((i) => i.elements.onlineDepth));
    expect([...depths].sort()).toEqual(['1', '2', '3', '4']);
    const counts = new Map<number, number>();
    for (const i of catalogue.implementationItems) counts.set(stars(i.elements), (counts.get(stars(i.elements)) ?? 0) + 1);
    for (const n of [1, 2, 3, 4, 5]) expect(counts.get(n) ?? 0, `${n}★`).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const i of catalogue.implementationItems) {
      const el = i.elements;
      const problems: string[] = [];
      if (el.onlineDepth === '4') {
        if (el.visits !== 0) problems.push('depth Ⅳ with visits');
        if (!(el.unifiedLogin && el.onlineSubmission && el.onlineProgressQuery && el.onlinePreReview)) problems.push('depth Ⅳ not fully online');
        if (el.handlingForms.slice(0, 3).join() !== '1,2,3') problems.push('depth Ⅳ handling forms');
        if (!(el.courierDelivery || el.results.every((r) => r.electronic))) problems.push('depth Ⅳ result not delivered');
      }
      if (el.onlineDepth === '1') {
        if (el.handlingForms.some((f) => f === '2' || f === '3')) problems.push('depth Ⅰ online forms');
        if (el.minAssuranceLevel !== 0) problems.push('depth Ⅰ assurance level');
      }
      for (const l of el.links) {
        const role = l.name === '受理' ? 'window_clerk' : l.name === '审核' ? 'reviewer' : l.name === '审批' ? 'approver' : 'handler';
        if (l.role !== role) problems.push(`link ${l.name} role ${l.role}`);
      }
      if (problems.length > 0 && failures.length < 10) failures.push(`${i.implementationCode}: ${problems.join(', ')}`);
    }
    expect(failures).toEqual([]);
  });

  it('is deterministic and plain JSON', () => {
    const again = generateDemoCatalogue();
    // Compare serialised forms: equal JSON of plain-JSON values is deep equality (and much faster on ~14k items).
    const first = JSON.stringify(catalogue);
    expect(JSON.stringify(again) === first).toBe(true);
    expect(isPlainJson(catalogue)).toBe(true);
  });
});
