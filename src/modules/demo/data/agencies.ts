/**
 * Standard agency templates (部门) of a Zhejiang province / city / county government, used to
 * generate the demo agencies. Names are templates:
 * - `{city}`: the city's name (杭州市);
 * - `{county}`: the county-level division as it appears in agency names: a city district is
 *   qualified by its city (杭州市西湖区), a county or county-level city is not (桐庐县, 建德市);
 * - `{countyName}`: the bare county-level name (西湖区);
 * - `{countyShort}`: the county-level name without its suffix (西湖, 桐庐, 景宁).
 * `district`, when present, replaces `county` for city districts (市辖区), where several bureaus
 * are branches (分局) of the city bureau. A null template means the agency does not exist at that
 * level (its items are handled one level up or by another agency).
 * `nature` is the 实施主体性质 code: 1 法定机关, 2 授权组织, 3 受委托组织, 9 其他.
 */

export interface AgencyTemplate {
  key: string;
  province: string | null;
  city: string | null;
  county: string | null;
  district?: string;
  /** Short name of the department line (used for window and office names). */
  short: string;
  nature: '1' | '2' | '3' | '9';
}

export const AGENCY_TEMPLATES: AgencyTemplate[] = [
  { key: 'police', province: '浙江省公安厅', city: '{city}公安局', county: '{county}公安局', district: '{city}公安局{countyShort}分局', short: '公安', nature: '1' },
  { key: 'traffic_police', province: '浙江省公安厅交通管理局', city: '{city}公安局交通警察支队', county: '{county}公安局交通警察大队', district: '{city}公安局交通警察支队{countyShort}大队', short: '公安交管', nature: '1' },
  { key: 'exit_entry', province: '浙江省公安厅出入境管理局', city: '{city}公安局出入境管理局', county: '{county}公安局出入境管理大队', district: '{city}公安局{countyShort}分局出入境管理大队', short: '出入境', nature: '1' },
  { key: 'fire', province: '浙江省消防救援总队', city: '{city}消防救援支队', county: '{county}消防救援大队', short: '消防救援', nature: '1' },
  { key: 'civil', province: '浙江省民政厅', city: '{city}民政局', county: '{county}民政局', short: '民政', nature: '1' },
  { key: 'hrss', province: '浙江省人力资源和社会保障厅', city: '{city}人力资源和社会保障局', county: '{county}人力资源和社会保障局', short: '人力社保', nature: '1' },
  { key: 'social_insurance', province: '浙江省社会保险和就业服务中心', city: '{city}社会保险管理服务中心', county: '{county}社会保险管理服务中心', short: '社保经办', nature: '2' },
  { key: 'market', province: '浙江省市场监督管理局', city: '{city}市场监督管理局', county: '{county}市场监督管理局', short: '市场监管', nature: '1' },
  { key: 'natural', province: '浙江省自然资源厅', city: '{city}自然资源和规划局', county: '{county}自然资源和规划局', district: '{city}自然资源和规划局{countyShort}分局', short: '自然资源', nature: '1' },
  { key: 'ecology', province: '浙江省生态环境厅', city: '{city}生态环境局', county: '{city}生态环境局{countyShort}分局', short: '生态环境', nature: '1' },
  { key: 'housing', province: '浙江省住房和城乡建设厅', city: '{city}住房和城乡建设局', county: '{county}住房和城乡建设局', short: '住房城乡建设', nature: '1' },
  { key: 'urban', province: null, city: '{city}城市管理局', county: '{county}综合行政执法局', short: '城市管理', nature: '1' },
  { key: 'transport', province: '浙江省交通运输厅', city: '{city}交通运输局', county: '{county}交通运输局', short: '交通运输', nature: '1' },
  { key: 'health', province: '浙江省卫生健康委员会', city: '{city}卫生健康委员会', county: '{county}卫生健康局', short: '卫生健康', nature: '1' },
  { key: 'education', province: '浙江省教育厅', city: '{city}教育局', county: '{county}教育局', short: '教育', nature: '1' },
  { key: 'science', province: '浙江省科学技术厅', city: '{city}科学技术局', county: '{county}科学技术局', short: '科技', nature: '1' },
  { key: 'tax', province: '国家税务总局浙江省税务局', city: '国家税务总局{city}税务局', county: '国家税务总局{county}税务局', short: '税务', nature: '1' },
  { key: 'medical_security', province: '浙江省医疗保障局', city: '{city}医疗保障局', county: '{county}医疗保障局', district: '{city}医疗保障局{countyShort}分局', short: '医疗保障', nature: '1' },
  { key: 'fund', province: '浙江省住房资金管理中心', city: '{city}住房公积金管理中心', county: '{city}住房公积金管理中心{countyShort}分中心', short: '住房公积金', nature: '2' },
  { key: 'justice', province: '浙江省司法厅', city: '{city}司法局', county: '{county}司法局', short: '司法行政', nature: '1' },
  { key: 'culture', province: '浙江省文化广电和旅游厅', city: '{city}文化广电旅游局', county: '{county}文化和广电旅游体育局', short: '文化旅游', nature: '1' },
  { key: 'agriculture', province: '浙江省农业农村厅', city: '{city}农业农村局', county: '{county}农业农村局', short: '农业农村', nature: '1' },
  { key: 'emergency', province: '浙江省应急管理厅', city: '{city}应急管理局', county: '{county}应急管理局', short: '应急管理', nature: '1' },
  { key: 'disabled', province: '浙江省残疾人联合会', city: '{city}残疾人联合会', county: '{county}残疾人联合会', short: '残联', nature: '2' },
  { key: 'veterans', province: '浙江省退役军人事务厅', city: '{city}退役军人事务局', county: '{county}退役军人事务局', short: '退役军人事务', nature: '1' },
  { key: 'water', province: '浙江省水利厅', city: '{city}水利局', county: '{county}水利局', short: '水利', nature: '1' },
  { key: 'commerce', province: '浙江省商务厅', city: '{city}商务局', county: '{county}商务局', short: '商务', nature: '1' },
  { key: 'forestry', province: '浙江省林业局', city: '{city}林业局', county: '{county}林业局', short: '林业', nature: '1' },
  { key: 'tobacco', province: '浙江省烟草专卖局', city: '{city}烟草专卖局', county: '{county}烟草专卖局', short: '烟草专卖', nature: '1' },
  { key: 'drugs', province: '浙江省药品监督管理局', city: null, county: null, short: '药品监管', nature: '1' },
  { key: 'drc', province: '浙江省发展和改革委员会', city: '{city}发展和改革委员会', county: '{county}发展和改革局', short: '发展改革', nature: '1' },
  { key: 'economy', province: '浙江省经济和信息化厅', city: '{city}经济和信息化局', county: '{county}经济和信息化局', short: '经济信息化', nature: '1' },
  { key: 'finance', province: '浙江省财政厅', city: '{city}财政局', county: '{county}财政局', short: '财政', nature: '1' },
  { key: 'statistics', province: '浙江省统计局', city: '{city}统计局', county: '{county}统计局', short: '统计', nature: '1' },
  { key: 'civil_defense', province: '浙江省人民防空办公室', city: '{city}人民防空办公室', county: '{county}人民防空办公室', short: '人民防空', nature: '1' },
  { key: 'archives', province: '浙江省档案局', city: '{city}档案局', county: '{county}档案局', short: '档案', nature: '1' },
  { key: 'meteorology', province: '浙江省气象局', city: '{city}气象局', county: '{county}气象局', short: '气象', nature: '2' },
  { key: 'ethnic', province: '浙江省民族宗教事务委员会', city: '{city}民族宗教事务局', county: '{county}民族宗教事务局', short: '民族宗教', nature: '1' },
  { key: 'sports', province: '浙江省体育局', city: '{city}体育局', county: null, short: '体育', nature: '1' },
  { key: 'audit', province: '浙江省审计厅', city: '{city}审计局', county: '{county}审计局', short: '审计', nature: '1' },
  { key: 'affairs', province: '浙江省机关事务管理局', city: '{city}机关事务管理局', county: '{county}机关事务管理中心', short: '机关事务', nature: '1' },
  { key: 'data', province: '浙江省数据局', city: '{city}数据资源管理局', county: '{county}数据资源管理局', short: '数据资源', nature: '1' },
];

/** Office hours (办理时间) variants; each agency gets one deterministically. */
export const OFFICE_HOURS: string[] = [
  '工作日 上午8:30-12:00 下午14:30-17:30（法定节假日除外）',
  '工作日 上午9:00-12:00 下午13:30-17:00（法定节假日除外）',
  '工作日 上午8:30-12:00 下午13:30-17:00（夏令时下午14:00-17:30，法定节假日除外）',
  '工作日 上午8:45-12:00 下午14:00-17:15；周六上午9:00-12:00提供预约服务（法定节假日除外）',
];

/** Road names for synthetic office addresses. */
export const ROAD_NAMES: string[] = [
  '人民路', '解放路', '中山路', '府前路', '新华路', '环城东路', '文化路', '建设路', '行政中心路', '市民大道',
  '世纪大道', '兴业路', '青年路', '振兴路', '和平路', '育才路', '民主路', '工人路', '江滨路', '创业大道',
];
