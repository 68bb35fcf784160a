/** Forms of the demo's business items: 个体工商户设立登记, 食品经营许可, 道路运输经营许可. */
import type { FormDefinition } from '../model.js';
import { choice, choices, decimal, declaration, formSchema, group, idNumber, integer, longText, mobile, text, uscc } from './fields.js';

const TRUTH = declaration('本人承诺所填信息真实、合法、有效', 'I declare that the information given is true, lawful and valid');

/** 个体工商户设立登记 (基本编码 010080010000): 《促进个体工商户发展条例》, 《市场主体登记管理条例》. */
export const INDIVIDUAL_BUSINESS_REGISTRATION: FormDefinition = {
  version: 1,
  minimumLevel: 2,
  schema: formSchema(
    '个体工商户设立登记申请',
    'Registration of an individual business',
    {
      operator: group('经营者信息', 'Operator', {
        name: text('经营者姓名', 'Operator name', { max: 50 }),
        idNumber: idNumber(),
        phone: mobile('联系电话', 'Contact phone'),
        residence: text('住所', 'Residential address', { max: 200 }),
      }),
      business: group(
        '经营信息',
        'Business',
        {
          name: text('个体工商户名称', 'Business name', {
            max: 50,
            hint: ['可不起字号；如起名，应含行政区划、字号、行业和“店”“馆”等', 'Optional; if named: place, trade name, trade and “shop”, “studio” …'],
          }),
          form: choice('组成形式', 'Organisation', [
            ['individual', '个人经营', 'Run by one person'],
            ['family', '家庭经营', 'Run by a family'],
          ]),
          scope: longText('经营范围', 'Business scope', { max: 500, hint: ['按《经营范围规范表述目录》填写', 'As worded in the business-scope catalogue'] }),
          premises: text('经营场所', 'Business premises', { max: 200, hint: ['详细地址，到门牌号', 'Full address with the street number'] }),
          capital: decimal('资金数额（万元）', 'Capital (10,000 yuan)', 0, 100000),
          employees: integer('从业人数', 'Number of workers', 1, 1000),
        },
        ['form', 'scope', 'premises', 'capital', 'employees'],
      ),
      declaration: TRUTH,
    },
    {
      operator: { name: '陈晓梅', idNumber: '330106199003071527', phone: '13857101234', residence: '浙江省杭州市西湖区文三路 90 号 3 幢 502 室' },
      business: {
        name: '杭州市西湖区晓梅茶饮店',
        form: 'individual',
        scope: '餐饮服务；食品销售（仅销售预包装食品）',
        premises: '浙江省杭州市西湖区古墩路 600 号 1 楼 103 号',
        capital: 10,
        employees: 2,
      },
      declaration: true,
    },
  ),
  layout: {
    pages: [
      { title: '经营者信息', 'x-title-en': 'Operator', sections: [{ title: '经营者', 'x-title-en': 'Operator', fields: ['operator.name', 'operator.idNumber', 'operator.phone', 'operator.residence'] }] },
      {
        title: '经营信息',
        'x-title-en': 'Business',
        sections: [
          { title: '名称与组成形式', 'x-title-en': 'Name and organisation', fields: ['business.name', 'business.form'] },
          { title: '经营范围与场所', 'x-title-en': 'Scope and premises', fields: ['business.scope', 'business.premises', 'business.capital', 'business.employees'] },
        ],
      },
      { title: '承诺', 'x-title-en': 'Declaration', sections: [{ title: '承诺', 'x-title-en': 'Declaration', fields: ['declaration'] }] },
    ],
    widgets: { 'business.form': 'radio' },
  },
  prefill: { 'operator.name': 'person.name', 'operator.idNumber': 'person.idNumber', 'operator.phone': 'person.phone', 'operator.residence': 'person.address' },
};

/** 食品经营许可 (010080090000): 《食品安全法》第三十五条, 《食品经营许可和备案管理办法》. */
export const FOOD_BUSINESS_LICENCE: FormDefinition = {
  version: 1,
  minimumLevel: 2,
  schema: formSchema(
    '食品经营许可申请',
    'Food business licence application',
    {
      operator: group('经营者', 'Business operator', {
        name: text('经营者名称', 'Operator name', { max: 100, hint: ['与营业执照一致', 'As on the business licence'] }),
        uscc: uscc(),
        representative: text('法定代表人（负责人）', 'Legal representative (person in charge)', { max: 50 }),
        address: text('住所', 'Registered address', { max: 200 }),
      }),
      premises: text('经营场所', 'Business premises', { max: 200 }),
      category: choice('主体业态', 'Type of business', [
        ['retail', '食品销售经营者', 'Food retailer'],
        ['catering', '餐饮服务经营者', 'Catering'],
        ['canteen', '单位食堂', 'Institutional canteen'],
      ]),
      items: choices('经营项目', 'Business items', [
        ['prepackaged', '预包装食品销售', 'Sale of pre-packaged food'],
        ['bulk', '散装食品销售', 'Sale of bulk food'],
        ['special', '特殊食品销售', 'Sale of special foods'],
        ['hot', '热食类食品制售', 'Hot food'],
        ['cold', '冷食类食品制售', 'Cold food'],
        ['raw', '生食类食品制售', 'Raw food'],
        ['pastry', '糕点类食品制售', 'Pastries'],
        ['drinks', '自制饮品制售', 'Home-made drinks'],
      ]),
      safetyManager: group('食品安全管理人员', 'Food safety manager', { name: text('姓名', 'Name', { max: 50 }), phone: mobile('联系电话', 'Phone') }),
      contactPhone: mobile('联系电话', 'Contact phone'),
      declaration: TRUTH,
    },
    {
      operator: { name: '杭州西子味道餐饮管理有限公司', uscc: '91330106MA2H7K3Q0L', representative: '王建国', address: '浙江省杭州市西湖区文二路 188 号 2 楼' },
      premises: '浙江省杭州市西湖区文二路 188 号 1 楼',
      category: 'catering',
      items: ['hot', 'cold', 'drinks'],
      safetyManager: { name: '李芳', phone: '13967112345' },
      contactPhone: '13857105678',
      declaration: true,
    },
  ),
  layout: {
    pages: [
      { title: '经营者', 'x-title-en': 'Operator', sections: [{ title: '经营者', 'x-title-en': 'Operator', fields: ['operator.name', 'operator.uscc', 'operator.representative', 'operator.address'] }] },
      { title: '经营场所与项目', 'x-title-en': 'Premises and items', sections: [{ title: '经营', 'x-title-en': 'Business', fields: ['premises', 'category', 'items'] }] },
      {
        title: '食品安全管理',
        'x-title-en': 'Food safety',
        sections: [{ title: '管理人员与联系', 'x-title-en': 'Manager and contact', fields: ['safetyManager.name', 'safetyManager.phone', 'contactPhone', 'declaration'] }],
      },
    ],
    widgets: { category: 'radio', items: 'checkbox' },
  },
  prefill: {
    'operator.name': 'company.name',
    'operator.uscc': 'company.uscc',
    'operator.address': 'company.address',
    'operator.representative': 'company.representative',
    contactPhone: 'person.phone',
  },
};

/** 道路运输经营许可 (010130010000): 《道路运输条例》第十条、第二十四条. */
export const ROAD_TRANSPORT_LICENCE: FormDefinition = {
  version: 1,
  minimumLevel: 2,
  schema: formSchema(
    '道路运输经营许可申请',
    'Road transport business licence application',
    {
      company: group('申请单位', 'Applicant company', {
        name: text('单位名称', 'Company name', { max: 100 }),
        uscc: uscc(),
        address: text('住所', 'Registered address', { max: 200 }),
        representative: text('法定代表人', 'Legal representative', { max: 50 }),
      }),
      businessTypes: choices('申请经营范围', 'Licence scope', [
        ['general_freight', '道路普通货物运输', 'General freight'],
        ['container', '货物专用运输（集装箱）', 'Container freight'],
        ['large_items', '大型物件运输', 'Oversize loads'],
        ['passenger_charter', '省内包车客运', 'Chartered passenger transport (in the province)'],
      ]),
      vehicles: integer('拟投入车辆数', 'Vehicles to be used', 1, 10000),
      drivers: integer('驾驶员人数', 'Number of drivers', 1, 10000, ['须持有相应从业资格证', 'Each with the matching qualification certificate']),
      safetyManager: text('安全生产管理人员', 'Safety manager', { max: 50 }),
      contactPhone: mobile('联系电话', 'Contact phone'),
      declaration: TRUTH,
    },
    {
      company: { name: '杭州之江畅达物流有限公司', uscc: '91330100MA27UX1B74', address: '浙江省杭州市西湖区转塘街道象山路 28 号', representative: '周海涛' },
      businessTypes: ['general_freight'],
      vehicles: 12,
      drivers: 15,
      safetyManager: '吴志强',
      contactPhone: '13805719876',
      declaration: true,
    },
  ),
  layout: {
    pages: [
      { title: '申请单位', 'x-title-en': 'Company', sections: [{ title: '单位', 'x-title-en': 'Company', fields: ['company.name', 'company.uscc', 'company.address', 'company.representative'] }] },
      {
        title: '经营范围与运力',
        'x-title-en': 'Scope and capacity',
        sections: [{ title: '经营', 'x-title-en': 'Operations', fields: ['businessTypes', 'vehicles', 'drivers', 'safetyManager', 'contactPhone', 'declaration'] }],
      },
    ],
    widgets: { businessTypes: 'checkbox' },
  },
  prefill: {
    'company.name': 'company.name',
    'company.uscc': 'company.uscc',
    'company.address': 'company.address',
    'company.representative': 'company.representative',
    contactPhone: 'person.phone',
  },
};
