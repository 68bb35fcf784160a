import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * The portal's message catalogue (zh-CN first, English second) and the visitor's display
 * preferences: language, elder-friendly mode (适老化) and the current jurisdiction, each kept
 * in a cookie so that plain links and forms switch them without JavaScript.
 */
export const LANGS = ['zh-CN', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = 'zh-CN';
/** 浙江省: the demo catalogue's root, used until the visitor picks another jurisdiction. */
export const DEFAULT_REGION = '330000';

const zh = {
  colon: '：',
  listSeparator: '、',
  inParens: (text: string | number) => `（${text}）`,
  siteName: '政务服务网',
  siteTagline: '一网通办 · 政务服务事项库',
  skipToContent: '跳到主要内容',
  nav: { label: '主导航', home: '首页', search: '搜索', agencies: '部门', transparency: '阳光政务', jurisdictions: '切换地区' },
  prefs: {
    label: '显示设置',
    language: '语言',
    switchToOther: 'English',
    switchToOtherLang: 'en' as Lang,
    elderOn: '长辈模式',
    elderOff: '标准模式',
    elderOnHint: '开启长辈模式：字号更大、对比度更高',
    elderOffHint: '关闭长辈模式',
    region: '当前地区',
    changeRegion: '切换',
  },
  search: {
    label: '搜索办事事项',
    placeholder: '输入事项名称，如：营业执照、医保、公积金',
    button: '搜索',
    title: (q: string) => (q ? `“${q}”的搜索结果` : '搜索办事事项'),
    resultCount: (n: number) => `共找到 ${n} 个事项`,
    resultCountAtLeast: (n: number) => `找到 ${n} 个以上事项`,
    none: '没有找到符合条件的事项。请换个说法，或放宽筛选条件、切换到上级地区后再试。',
    filters: '筛选',
    clearFilter: '取消此筛选',
    clearAll: '清除全部筛选',
    facet: {
      jurisdiction: '地区',
      agency: '实施部门',
      type: '事项类型',
      audience: '服务对象',
      topic: '主题',
      stars: '星级',
    },
    selected: '已选',
    scope: (region: string) => `搜索范围：${region}（含下辖地区）`,
  },
  pagination: {
    label: '分页',
    previous: '上一页',
    next: '下一页',
    page: (n: number) => `第 ${n} 页`,
    current: (n: number, total: number) => `第 ${n} 页，共 ${total} 页`,
  },
  home: {
    title: '首页',
    heroTitle: '一网通办，办事不求人',
    heroText: '查找办事指南，了解需要的材料、时限和办理地点。',
    personal: '个人办事',
    personalIntro: '按人生事件查找',
    business: '法人办事',
    businessIntro: '按企业生命周期查找',
    administrative: '行政服务',
    administrativeIntro: '按事项类型和实施部门查找',
    convenience: '便民服务',
    convenienceIntro: '生活中常用的服务',
    transparency: '阳光政务',
    transparencyIntro: '各部门权力清单',
    byType: '按事项类型',
    byAgency: '按部门',
    allAgencies: '查看全部部门',
    allPowers: '查看全部权力清单',
    itemsCount: (n: number) => `${n} 项`,
  },
  jurisdiction: {
    title: '切换地区',
    current: '当前地区',
    choose: '在此地区办事',
    chosen: '已是当前地区',
    children: (level: string) => `下辖${level}`,
    levels: { province: '省', city: '市', county: '区县', township: '乡镇街道' } as Record<string, string>,
    up: '返回上级',
    path: '所在位置',
  },
  agency: {
    listTitle: '实施部门',
    listIntro: (region: string) => `${region}及下辖地区的政务服务部门`,
    contacts: '联系方式',
    address: '地址',
    hours: '办公时间',
    consultationPhone: '咨询电话',
    complaintPhone: '投诉电话',
    uscc: '统一社会信用代码',
    parent: '上级部门',
    numbers: '事项统计',
    totalItems: '事项总数',
    items: '办事事项',
    none: '该部门暂无已发布的事项。',
    jurisdiction: '所属地区',
  },
  topic: {
    person: '个人办事',
    business: '法人办事',
    convenience: '便民服务',
    type: '事项类型',
    none: '当前地区暂无该主题下的事项。',
  },
  item: {
    basicInfo: '基本信息',
    implementationCode: '实施编码',
    basicCode: '基本编码',
    type: '事项类型',
    agency: '实施主体',
    jurisdiction: '所属地区',
    level: '行使层级',
    bodyNature: '实施主体性质',
    powerSource: '权力来源',
    legalBasis: '设定依据',
    serviceObjects: '服务对象',
    topics: '主题分类',
    timeLimits: '办理时限',
    legalLimit: '法定办结时限',
    promisedLimit: '承诺办结时限',
    caseType: '办件类型',
    conditions: '受理条件',
    handling: '办理方式',
    handlingForms: '办理形式',
    depth: '网上办理深度',
    visits: '到办事现场次数',
    visitsValue: (n: number) => (n === 0 ? '0 次（不用跑腿）' : `${n} 次`),
    visitReason: '必须现场办理原因',
    place: '办理地点',
    hours: '办理时间',
    appointment: '支持预约办理',
    onlinePayment: '支持网上支付',
    courierDelivery: '支持快递送达',
    postalApplication: '支持邮寄申请',
    yes: '是',
    no: '否',
    channels: '咨询与监督',
    consultation: '咨询电话',
    complaint: '监督投诉电话',
    reviewBody: '行政复议机关',
    litigationBody: '行政诉讼机关',
    results: '审批结果',
    resultType: '结果类型',
    resultName: '结果名称',
    resultSample: '结果样本',
    electronic: '电子证照',
    materials: '申请材料',
    materialName: '材料名称',
    materialRequirements: '提交要求',
    copies: (n: number) => `${n} 份`,
    materialSource: '来源渠道与表格下载',
    blankForm: '空白表格',
    sample: '示例样表',
    required: '必需',
    optional: '非必需',
    noMaterials: '无需提交材料。',
    fees: '收费标准',
    feeName: '收费项目',
    feeStandard: '收费标准',
    feeBasis: '收费依据',
    feeReductions: '减免政策',
    free: '不收费',
    process: '办理流程',
    step: '环节',
    stepUnit: '办理单位',
    stepLimit: '时限',
    faq: '常见问题',
    rating: '服务星级',
    stars: (n: number) => `${n} 星（满分 5 星）`,
    starsShort: (n: number) => `${n} 星`,
    starsAtLeast: (n: number) => `${n} 星及以上`,
    print: '打印本页',
    printHint: '使用浏览器的打印功能可打印本指南',
    publishedAt: '发布日期',
    version: (n: number) => `第 ${n} 版`,
    contents: '本页目录',
    notFound: '未找到该事项',
  },
  time: {
    immediate: '即办',
    days: (n: number, unit: string) => `${n} 个${unit === 'WD' ? '工作日' : '自然日'}`,
  },
  materialKinds: { original: '原件', copy: '复印件', original_and_copy: '原件和复印件', electronic: '电子件', form: '申请表' } as Record<string, string>,
  materialForms: { paper: '纸质', electronic: '电子', paper_or_electronic: '纸质或电子' } as Record<string, string>,
  sourceChannels: { applicant: '申请人自备', government: '政府部门核发', other: '其他' } as Record<string, string>,
  resultTypes: { licence: '证照', document: '批文', other: '其他' } as Record<string, string>,
  transparency: {
    title: '阳光政务',
    intro: (region: string) => `${region}及下辖地区各部门的权力清单和公共服务清单，按事项类型统计。`,
    agency: '部门',
    total: '合计',
    caption: '各部门事项数量（按事项类型）',
  },
  error: {
    title: (status: number) => `出错了（${status}）`,
    heading: {
      400: '请求有误',
      401: '需要登录',
      403: '没有访问权限',
      404: '找不到您要的页面',
      405: '不支持此操作',
      409: '操作冲突',
      413: '提交的内容过大',
      415: '不支持的内容格式',
      422: '内容未通过检查',
      429: '访问过于频繁',
      500: '系统出现问题',
      503: '服务暂时不可用',
    } as Record<number, string>,
    explain: {
      400: '您提交的内容有误，请检查后重试。',
      404: '该页面或事项不存在，可能已调整或下线。您可以返回首页，或搜索办事事项。',
      429: '请稍等片刻再试。',
      500: '我们已记录此问题，请稍后再试。如需办事，可拨打 12345 政务服务热线。',
      503: '服务正在维护，请稍后再试。',
    } as Record<number, string>,
    explainDefault: '请返回首页，或搜索办事事项。',
    fieldErrors: '需要修改的内容',
    goHome: '返回首页',
    goSearch: '搜索办事事项',
    requestId: '请求编号',
  },
  footer: {
    about: '本网站展示政务服务事项办事指南。信息以实施部门公布为准。',
    hotline: '政务服务热线 12345',
    accessibility: '本网站支持长辈模式和键盘操作。',
    api: '开放接口',
  },
  breadcrumb: '当前位置',
};

export type Messages = typeof zh;

const en: Messages = {
  colon: ': ',
  listSeparator: ', ',
  inParens: (text: string | number) => ` (${text})`,
  siteName: 'Government Services',
  siteTagline: 'One-stop online services · Service catalogue',
  skipToContent: 'Skip to main content',
  nav: { label: 'Main', home: 'Home', search: 'Search', agencies: 'Agencies', transparency: 'Open government', jurisdictions: 'Change area' },
  prefs: {
    label: 'Display settings',
    language: 'Language',
    switchToOther: '中文',
    switchToOtherLang: 'zh-CN',
    elderOn: 'Large text',
    elderOff: 'Standard text',
    elderOnHint: 'Switch on large text with higher contrast',
    elderOffHint: 'Switch off large text',
    region: 'Current area',
    changeRegion: 'Change',
  },
  search: {
    label: 'Search services',
    placeholder: 'Service name, e.g. business licence, medical insurance',
    button: 'Search',
    title: (q: string) => (q ? `Results for “${q}”` : 'Search services'),
    resultCount: (n: number) => `${n} ${n === 1 ? 'service' : 'services'} found`,
    resultCountAtLeast: (n: number) => `More than ${n} services found`,
    none: 'No services match. Try other words, fewer filters, or a wider area.',
    filters: 'Filters',
    clearFilter: 'Remove this filter',
    clearAll: 'Clear all filters',
    facet: { jurisdiction: 'Area', agency: 'Agency', type: 'Item type', audience: 'Who it is for', topic: 'Topic', stars: 'Rating' },
    selected: 'Selected',
    scope: (region: string) => `Searching in ${region} and the areas under it`,
  },
  pagination: {
    label: 'Pages',
    previous: 'Previous',
    next: 'Next',
    page: (n: number) => `Page ${n}`,
    current: (n: number, total: number) => `Page ${n} of ${total}`,
  },
  home: {
    title: 'Home',
    heroTitle: 'Government services in one place',
    heroText: 'Find service guides: what to bring, how long it takes and where to go.',
    personal: 'For individuals',
    personalIntro: 'By life event',
    business: 'For businesses',
    businessIntro: 'By business life cycle',
    administrative: 'Administrative services',
    administrativeIntro: 'By item type and agency',
    convenience: 'Everyday services',
    convenienceIntro: 'Services people use most',
    transparency: 'Open government',
    transparencyIntro: 'Power lists of each agency',
    byType: 'By item type',
    byAgency: 'By agency',
    allAgencies: 'All agencies',
    allPowers: 'All power lists',
    itemsCount: (n: number) => `${n} ${n === 1 ? 'item' : 'items'}`,
  },
  jurisdiction: {
    title: 'Change area',
    current: 'Current area',
    choose: 'Use this area',
    chosen: 'This is your current area',
    children: (level: string) => `${level} in this area`,
    levels: { province: 'Provinces', city: 'Cities', county: 'Counties and districts', township: 'Towns and subdistricts' },
    up: 'Up one level',
    path: 'Location',
  },
  agency: {
    listTitle: 'Agencies',
    listIntro: (region: string) => `Service agencies in ${region} and the areas under it`,
    contacts: 'Contact',
    address: 'Address',
    hours: 'Opening hours',
    consultationPhone: 'Enquiries',
    complaintPhone: 'Complaints',
    uscc: 'Unified social credit code',
    parent: 'Parent agency',
    numbers: 'In numbers',
    totalItems: 'Services in total',
    items: 'Services',
    none: 'This agency has no published services yet.',
    jurisdiction: 'Area',
  },
  topic: {
    person: 'For individuals',
    business: 'For businesses',
    convenience: 'Everyday services',
    type: 'Item type',
    none: 'No services under this topic in the current area.',
  },
  item: {
    basicInfo: 'About this service',
    implementationCode: 'Implementation code',
    basicCode: 'Basic code',
    type: 'Item type',
    agency: 'Agency',
    jurisdiction: 'Area',
    level: 'Level',
    bodyNature: 'Nature of the agency',
    powerSource: 'Source of power',
    legalBasis: 'Legal basis',
    serviceObjects: 'Who it is for',
    topics: 'Topics',
    timeLimits: 'Time limits',
    legalLimit: 'Statutory time limit',
    promisedLimit: 'Promised time limit',
    caseType: 'Case type',
    conditions: 'Who can apply',
    handling: 'How to apply',
    handlingForms: 'Ways to apply',
    depth: 'Online service level',
    visits: 'Visits in person',
    visitsValue: (n: number) => (n === 0 ? 'None' : `${n}`),
    visitReason: 'Why a visit is needed',
    place: 'Where',
    hours: 'When',
    appointment: 'Appointments',
    onlinePayment: 'Online payment',
    courierDelivery: 'Result by courier',
    postalApplication: 'Apply by post',
    yes: 'Yes',
    no: 'No',
    channels: 'Enquiries and oversight',
    consultation: 'Enquiries phone',
    complaint: 'Complaints phone',
    reviewBody: 'Administrative review',
    litigationBody: 'Administrative litigation',
    results: 'What you get',
    resultType: 'Type',
    resultName: 'Name',
    resultSample: 'Sample',
    electronic: 'Electronic licence',
    materials: 'Documents to bring',
    materialName: 'Document',
    materialRequirements: 'Requirements',
    copies: (n: number) => `${n} ${n === 1 ? 'copy' : 'copies'}`,
    materialSource: 'Where it comes from, forms',
    blankForm: 'Blank form',
    sample: 'Filled-in sample',
    required: 'Required',
    optional: 'Optional',
    noMaterials: 'No documents are needed.',
    fees: 'Fees',
    feeName: 'Fee',
    feeStandard: 'Amount',
    feeBasis: 'Legal basis',
    feeReductions: 'Reductions',
    free: 'Free of charge',
    process: 'Process',
    step: 'Step',
    stepUnit: 'Handled by',
    stepLimit: 'Time limit',
    faq: 'Frequently asked questions',
    rating: 'Service rating',
    stars: (n: number) => `${n} out of 5 stars`,
    starsShort: (n: number) => `${n} ${n === 1 ? 'star' : 'stars'}`,
    starsAtLeast: (n: number) => `${n} ${n === 1 ? 'star' : 'stars'} or more`,
    print: 'Print this page',
    printHint: 'Use your browser’s print function to print this guide',
    publishedAt: 'Published',
    version: (n: number) => `Version ${n}`,
    contents: 'On this page',
    notFound: 'Service not found',
  },
  time: {
    immediate: 'On the spot',
    days: (n: number, unit: string) => `${n} ${unit === 'WD' ? 'working' : 'calendar'} ${n === 1 ? 'day' : 'days'}`,
  },
  materialKinds: { original: 'Original', copy: 'Copy', original_and_copy: 'Original and copy', electronic: 'Electronic', form: 'Application form' },
  materialForms: { paper: 'Paper', electronic: 'Electronic', paper_or_electronic: 'Paper or electronic' },
  sourceChannels: { applicant: 'You provide it', government: 'Issued by a government agency', other: 'Other' },
  resultTypes: { licence: 'Licence', document: 'Official document', other: 'Other' },
  transparency: {
    title: 'Open government',
    intro: (region: string) => `Power lists and public service lists of the agencies in ${region} and the areas under it, counted by item type.`,
    agency: 'Agency',
    total: 'Total',
    caption: 'Items per agency, by item type',
  },
  error: {
    title: (status: number) => `Something went wrong (${status})`,
    heading: {
      400: 'There is a problem with the request',
      401: 'Please sign in',
      403: 'You do not have access',
      404: 'Page not found',
      405: 'This action is not supported',
      409: 'Conflicting action',
      413: 'What you sent is too large',
      415: 'Unsupported content type',
      422: 'The content did not pass the checks',
      429: 'Too many requests',
      500: 'Something went wrong on our side',
      503: 'Service temporarily unavailable',
    },
    explain: {
      400: 'Please check what you entered and try again.',
      404: 'The page or service does not exist; it may have moved or been withdrawn. Go to the home page or search for a service.',
      429: 'Please wait a moment and try again.',
      500: 'We have logged the problem. Please try again later, or call the 12345 government service hotline.',
      503: 'The service is under maintenance. Please try again later.',
    },
    explainDefault: 'Go to the home page or search for a service.',
    fieldErrors: 'What to correct',
    goHome: 'Go to the home page',
    goSearch: 'Search for a service',
    requestId: 'Request ID',
  },
  footer: {
    about: 'This site publishes government service guides. The implementing agency’s publication is authoritative.',
    hotline: 'Government service hotline 12345',
    accessibility: 'This site offers a large-text mode and full keyboard access.',
    api: 'Open API',
  },
  breadcrumb: 'You are here',
};

const CATALOGUE: Record<Lang, Messages> = { 'zh-CN': zh, en };

export function messagesFor(lang: Lang): Messages {
  return CATALOGUE[lang];
}

export function isLang(value: unknown): value is Lang {
  return typeof value === 'string' && (LANGS as readonly string[]).includes(value);
}

/** A code list entry's label in the visitor's language. */
export function codeLabel(entries: readonly { code: string; zh: string; en: string }[], code: string, lang: Lang): string {
  const entry = entries.find((e) => e.code === code);
  if (!entry) return code;
  return lang === 'en' ? entry.en : entry.zh;
}

/** The visitor's display preferences for this request. */
export interface Preferences {
  lang: Lang;
  elder: boolean;
  /** GB/T 2260 code of the jurisdiction every listing is scoped to. */
  region: string;
  /** True when this request changed a preference cookie (such a response is never cached). */
  changed: boolean;
}

const REGION_CODE = /^[0-9]{6}([0-9]{3})?$/;
const YEAR_SECONDS = 365 * 24 * 3600;

function queryParam(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' ? value : undefined;
}

/** Read the preferences from the query string and cookies, without changing anything (error pages). */
export function readPreferences(request: FastifyRequest): Omit<Preferences, 'changed'> {
  const cookies = request.cookies ?? {};
  const langParam = queryParam(request, 'lang');
  const lang = isLang(langParam) ? langParam : isLang(cookies.lang) ? cookies.lang : DEFAULT_LANG;
  const elderParam = queryParam(request, 'elder');
  const elder = elderParam === '1' || elderParam === '0' ? elderParam === '1' : cookies.elder === '1';
  const regionParam = queryParam(request, 'region');
  const region = regionParam && REGION_CODE.test(regionParam) ? regionParam : cookies.region && REGION_CODE.test(cookies.region) ? cookies.region : DEFAULT_REGION;
  return { lang, elder, region };
}

/**
 * Resolve the preferences and, when `?lang=`, `?elder=` or `?region=` asks for a change, keep it
 * in a cookie for a year. The caller validates the region (it may not exist) before relying on it.
 */
export function resolvePreferences(request: FastifyRequest, reply: FastifyReply, secure: boolean): Preferences {
  const prefs = readPreferences(request);
  const cookies = request.cookies ?? {};
  const options = { path: '/', maxAge: YEAR_SECONDS, sameSite: 'lax' as const, httpOnly: true, secure };
  let changed = false;
  const keep = (name: string, value: string, requested: string | undefined) => {
    if (requested === undefined || cookies[name] === value) return;
    reply.setCookie(name, value, options);
    changed = true;
  };
  keep('lang', prefs.lang, isLang(queryParam(request, 'lang')) ? prefs.lang : undefined);
  keep('elder', prefs.elder ? '1' : '0', ['0', '1'].includes(queryParam(request, 'elder') ?? '') ? 'set' : undefined);
  keep('region', prefs.region, REGION_CODE.test(queryParam(request, 'region') ?? '') ? prefs.region : undefined);
  return { ...prefs, changed };
}

/** Forget a stored region that no longer exists, so the next request falls back to the default. */
export function forgetRegion(reply: FastifyReply): void {
  reply.clearCookie('region', { path: '/' });
}
