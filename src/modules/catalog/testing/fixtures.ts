/**
 * Test fixtures of the catalogue: a licensing guide that passes every publishing rule and earns
 * 5 stars, and a small catalogue (Zhejiang, Hangzhou, Xihu) to load. Used by this module's tests only.
 */
import { makeUscc } from '../../../platform/checksums.js';
import type { CatalogueData, ItemElements } from '../model.js';

/** A complete 行政许可 guide: every rule passes and every star criterion is met. */
export function fiveStarElements(): ItemElements {
  return {
    legalLimit: { value: 20, unit: 'WD' },
    promisedLimit: { value: 5, unit: 'WD' },
    caseType: '2',
    acceptanceConditions: '在本区从事食品销售、餐饮服务的经营者',
    serviceObjects: ['2'],
    personTopics: [],
    businessTopics: ['02'],
    convenienceTopics: [],
    handlingForms: ['1', '2', '3'],
    onlineDepth: '4',
    visits: 0,
    visitReason: null,
    place: '西湖区行政服务中心一楼市场监管窗口',
    hours: '工作日 9:00-17:00',
    consultationPhone: '0571-87000001',
    complaintPhone: '0571-12345',
    reviewBody: '杭州市西湖区人民政府',
    litigationBody: '杭州市西湖区人民法院',
    appointment: true,
    onlinePayment: false,
    courierDelivery: true,
    postalApplication: true,
    charged: false,
    unifiedLogin: true,
    onlineSubmission: true,
    onlineProgressQuery: true,
    onlinePreReview: true,
    minAssuranceLevel: 2,
    results: [{ type: 'licence', name: '食品经营许可证', sample: '/samples/food-licence.pdf', electronic: true }],
    materials: [
      {
        name: '食品经营许可申请书',
        kind: 'form',
        form: 'electronic',
        required: true,
        blankForm: '/forms/food-application.docx',
        sample: '/samples/food-application.pdf',
        sourceChannel: 'applicant',
        copies: 1,
        sharedData: true,
      },
      { name: '营业执照', kind: 'original', form: 'electronic', required: true, sourceChannel: 'government', copies: 1, licenceType: 'business_licence' },
    ],
    fees: [],
    links: ['受理', '审核', '审批', '办结', '送达'].map((name) => ({ name, unit: '区市场监管局', timeLimit: { value: 1, unit: 'WD' as const } })),
    faq: [{ question: '网上申请后多久可以拿到许可证？', answer: '审批通过后电子证照即时生成，纸质证书快递送达。' }],
  };
}

export const PROVINCE = '330000';
export const CITY = '330100';
export const COUNTY = '330106';
export const XIHU_MARKET_USCC = makeUscc('11', COUNTY, 'MB000001');
export const XIHU_CIVIL_USCC = makeUscc('11', COUNTY, 'MB000002');
export const HANGZHOU_MARKET_USCC = makeUscc('11', CITY, 'MB000003');
export const FOOD_LICENCE = '330106001001';
export const MARRIAGE = '330106007001';

/** Three divisions, three agencies, two basic items and three published items. */
export function sampleCatalogue(): CatalogueData {
  const food = fiveStarElements();
  const marriage: ItemElements = {
    ...fiveStarElements(),
    caseType: '1',
    promisedLimit: { value: null, unit: 'IMMEDIATE' },
    serviceObjects: ['1'],
    personTopics: ['05'],
    businessTopics: [],
    onlineDepth: '1',
    visits: 1,
    visitReason: '双方须亲自到场声明并签字',
    handlingForms: ['1'],
    onlineSubmission: false,
    onlineProgressQuery: false,
    onlinePreReview: false,
    results: [{ type: 'licence', name: '结婚证', sample: '/samples/marriage.pdf', electronic: false }],
  };
  const agency = (key: string, name: string, uscc: string, jurisdiction: string, phone: string) => ({
    key, name, uscc, jurisdiction, parentUscc: null, address: `${name}办公地址`, hours: '工作日 9:00-17:00',
    consultationPhone: phone, complaintPhone: '12345', nature: '1',
  });
  const item = (uscc: string, level: string, basicCode: string, name: string, elements: ItemElements, jurisdiction: string, popularity: number) => ({
    implementationCode: uscc + level + basicCode, basicCode, agencyUscc: uscc, level, name, bodyNature: '1', powerSource: '1',
    version: 1, status: 'published' as const, elements, agencyKey: uscc, jurisdiction, popularity,
  });
  return {
    divisions: [
      { code: PROVINCE, name: '浙江省', level: 'province', parent: null },
      { code: CITY, name: '杭州市', level: 'city', parent: PROVINCE },
      { code: COUNTY, name: '西湖区', level: 'county', parent: CITY },
    ],
    agencies: [
      agency('xihu-market', '杭州市西湖区市场监督管理局', XIHU_MARKET_USCC, COUNTY, '0571-87000001'),
      agency('xihu-civil', '杭州市西湖区民政局', XIHU_CIVIL_USCC, COUNTY, '0571-87000002'),
      agency('hz-market', '杭州市市场监督管理局', HANGZHOU_MARKET_USCC, CITY, '0571-86000001'),
    ],
    basicItems: [
      { code: FOOD_LICENCE, name: '食品经营许可', typeCode: '01', legalBasis: '《中华人民共和国食品安全法》第三十五条', levels: ['3', '4'], status: 'active', version: 1, parentCode: null },
      { code: MARRIAGE, name: '内地居民结婚登记', typeCode: '07', legalBasis: '《婚姻登记条例》第四条', levels: ['4'], status: 'active', version: 1, parentCode: null },
    ],
    implementationItems: [
      item(XIHU_MARKET_USCC, '4', FOOD_LICENCE, '食品经营许可', food, COUNTY, 120),
      item(HANGZHOU_MARKET_USCC, '3', FOOD_LICENCE, '食品经营许可', food, CITY, 80),
      item(XIHU_CIVIL_USCC, '4', MARRIAGE, '内地居民结婚登记', marriage, COUNTY, 300),
    ],
  };
}

/**
 * A catalogue of `agencies × itemsPerAgency` published items over the 90-odd county codes of the
 * fixtures' shape, for load-time measurements (each item has materials, links, FAQ and a result).
 */
export function largeCatalogue(agencyCount: number, itemsPerAgency: number): CatalogueData {
  const base = sampleCatalogue();
  const counties = Array.from({ length: agencyCount }, (_, i) => `3301${String(50 + (i % 40)).padStart(2, '0')}`);
  const divisions = [...base.divisions, ...[...new Set(counties)].map((code) => ({ code, name: `测试县${code}`, level: 'county' as const, parent: CITY }))];
  const agencies = counties.map((county, i) => {
    const uscc = makeUscc('11', county, `T${String(i).padStart(7, '0')}`);
    return {
      key: `agency-${i}`, name: `测试局${i}`, uscc, jurisdiction: county, parentUscc: null, address: '测试地址',
      hours: '工作日 9:00-17:00', consultationPhone: `0571-8${String(i).padStart(7, '0')}`, complaintPhone: '12345', nature: '1',
    };
  });
  const basicItems = Array.from({ length: itemsPerAgency }, (_, j) => ({
    code: `3301${String(j).padStart(8, '0')}`, name: `测试许可事项${j}`, typeCode: '01', legalBasis: '《中华人民共和国行政许可法》',
    levels: ['4'], status: 'active', version: 1, parentCode: null,
  }));
  const elements = fiveStarElements();
  const implementationItems = agencies.flatMap((a) =>
    basicItems.map((b, j) => ({
      implementationCode: a.uscc + '4' + b.code, basicCode: b.code, agencyUscc: a.uscc, level: '4', name: b.name, bodyNature: '1',
      powerSource: '1', version: 1, status: 'published' as const, elements: { ...elements, acceptanceConditions: `${b.name}的受理条件` },
      agencyKey: a.key, jurisdiction: a.jurisdiction, popularity: j,
    })),
  );
  return { divisions, agencies, basicItems, implementationItems };
}
