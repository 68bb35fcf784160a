/**
 * Zhejiang's administrative divisions (GB/T 2260 codes, as in the national division list):
 * the province, its 11 prefecture-level cities and its 90 county-level divisions, plus the
 * townships and sub-district streets (乡镇街道, 9-digit codes) of 330106 西湖区.
 * Demo data, kept as literals so the demo never reads the shared CSV at runtime.
 */

export type DivisionLevel = 'province' | 'city' | 'county' | 'township';

export interface DemoDivision {
  code: string;
  name: string;
  level: DivisionLevel;
  parent: string | null;
}

export const ZHEJIANG_DIVISIONS: DemoDivision[] = [
  { code: '330000', name: '浙江省', level: 'province', parent: null },
  { code: '330100', name: '杭州市', level: 'city', parent: '330000' },
  { code: '330102', name: '上城区', level: 'county', parent: '330100' },
  { code: '330105', name: '拱墅区', level: 'county', parent: '330100' },
  { code: '330106', name: '西湖区', level: 'county', parent: '330100' },
  { code: '330108', name: '滨江区', level: 'county', parent: '330100' },
  { code: '330109', name: '萧山区', level: 'county', parent: '330100' },
  { code: '330110', name: '余杭区', level: 'county', parent: '330100' },
  { code: '330111', name: '富阳区', level: 'county', parent: '330100' },
  { code: '330112', name: '临安区', level: 'county', parent: '330100' },
  { code: '330113', name: '临平区', level: 'county', parent: '330100' },
  { code: '330114', name: '钱塘区', level: 'county', parent: '330100' },
  { code: '330122', name: '桐庐县', level: 'county', parent: '330100' },
  { code: '330127', name: '淳安县', level: 'county', parent: '330100' },
  { code: '330182', name: '建德市', level: 'county', parent: '330100' },
  { code: '330200', name: '宁波市', level: 'city', parent: '330000' },
  { code: '330203', name: '海曙区', level: 'county', parent: '330200' },
  { code: '330205', name: '江北区', level: 'county', parent: '330200' },
  { code: '330206', name: '北仑区', level: 'county', parent: '330200' },
  { code: '330211', name: '镇海区', level: 'county', parent: '330200' },
  { code: '330212', name: '鄞州区', level: 'county', parent: '330200' },
  { code: '330213', name: '奉化区', level: 'county', parent: '330200' },
  { code: '330225', name: '象山县', level: 'county', parent: '330200' },
  { code: '330226', name: '宁海县', level: 'county', parent: '330200' },
  { code: '330281', name: '余姚市', level: 'county', parent: '330200' },
  { code: '330282', name: '慈溪市', level: 'county', parent: '330200' },
  { code: '330300', name: '温州市', level: 'city', parent: '330000' },
  { code: '330302', name: '鹿城区', level: 'county', parent: '330300' },
  { code: '330303', name: '龙湾区', level: 'county', parent: '330300' },
  { code: '330304', name: '瓯海区', level: 'county', parent: '330300' },
  { code: '330305', name: '洞头区', level: 'county', parent: '330300' },
  { code: '330324', name: '永嘉县', level: 'county', parent: '330300' },
  { code: '330326', name: '平阳县', level: 'county', parent: '330300' },
  { code: '330327', name: '苍南县', level: 'county', parent: '330300' },
  { code: '330328', name: '文成县', level: 'county', parent: '330300' },
  { code: '330329', name: '泰顺县', level: 'county', parent: '330300' },
  { code: '330381', name: '瑞安市', level: 'county', parent: '330300' },
  { code: '330382', name: '乐清市', level: 'county', parent: '330300' },
  { code: '330383', name: '龙港市', level: 'county', parent: '330300' },
  { code: '330400', name: '嘉兴市', level: 'city', parent: '330000' },
  { code: '330402', name: '南湖区', level: 'county', parent: '330400' },
  { code: '330411', name: '秀洲区', level: 'county', parent: '330400' },
  { code: '330421', name: '嘉善县', level: 'county', parent: '330400' },
  { code: '330424', name: '海盐县', level: 'county', parent: '330400' },
  { code: '330481', name: '海宁市', level: 'county', parent: '330400' },
  { code: '330482', name: '平湖市', level: 'county', parent: '330400' },
  { code: '330483', name: '桐乡市', level: 'county', parent: '330400' },
  { code: '330500', name: '湖州市', level: 'city', parent: '330000' },
  { code: '330502', name: '吴兴区', level: 'county', parent: '330500' },
  { code: '330503', name: '南浔区', level: 'county', parent: '330500' },
  { code: '330521', name: '德清县', level: 'county', parent: '330500' },
  { code: '330522', name: '长兴县', level: 'county', parent: '330500' },
  { code: '330523', name: '安吉县', level: 'county', parent: '330500' },
  { code: '330600', name: '绍兴市', level: 'city', parent: '330000' },
  { code: '330602', name: '越城区', level: 'county', parent: '330600' },
  { code: '330603', name: '柯桥区', level: 'county', parent: '330600' },
  { code: '330604', name: '上虞区', level: 'county', parent: '330600' },
  { code: '330624', name: '新昌县', level: 'county', parent: '330600' },
  { code: '330681', name: '诸暨市', level: 'county', parent: '330600' },
  { code: '330683', name: '嵊州市', level: 'county', parent: '330600' },
  { code: '330700', name: '金华市', level: 'city', parent: '330000' },
  { code: '330702', name: '婺城区', level: 'county', parent: '330700' },
  { code: '330703', name: '金东区', level: 'county', parent: '330700' },
  { code: '330723', name: '武义县', level: 'county', parent: '330700' },
  { code: '330726', name: '浦江县', level: 'county', parent: '330700' },
  { code: '330727', name: '磐安县', level: 'county', parent: '330700' },
  { code: '330781', name: '兰溪市', level: 'county', parent: '330700' },
  { code: '330782', name: '义乌市', level: 'county', parent: '330700' },
  { code: '330783', name: '东阳市', level: 'county', parent: '330700' },
  { code: '330784', name: '永康市', level: 'county', parent: '330700' },
  { code: '330800', name: '衢州市', level: 'city', parent: '330000' },
  { code: '330802', name: '柯城区', level: 'county', parent: '330800' },
  { code: '330803', name: '衢江区', level: 'county', parent: '330800' },
  { code: '330822', name: '常山县', level: 'county', parent: '330800' },
  { code: '330824', name: '开化县', level: 'county', parent: '330800' },
  { code: '330825', name: '龙游县', level: 'county', parent: '330800' },
  { code: '330881', name: '江山市', level: 'county', parent: '330800' },
  { code: '330900', name: '舟山市', level: 'city', parent: '330000' },
  { code: '330902', name: '定海区', level: 'county', parent: '330900' },
  { code: '330903', name: '普陀区', level: 'county', parent: '330900' },
  { code: '330921', name: '岱山县', level: 'county', parent: '330900' },
  { code: '330922', name: '嵊泗县', level: 'county', parent: '330900' },
  { code: '331000', name: '台州市', level: 'city', parent: '330000' },
  { code: '331002', name: '椒江区', level: 'county', parent: '331000' },
  { code: '331003', name: '黄岩区', level: 'county', parent: '331000' },
  { code: '331004', name: '路桥区', level: 'county', parent: '331000' },
  { code: '331022', name: '三门县', level: 'county', parent: '331000' },
  { code: '331023', name: '天台县', level: 'county', parent: '331000' },
  { code: '331024', name: '仙居县', level: 'county', parent: '331000' },
  { code: '331081', name: '温岭市', level: 'county', parent: '331000' },
  { code: '331082', name: '临海市', level: 'county', parent: '331000' },
  { code: '331083', name: '玉环市', level: 'county', parent: '331000' },
  { code: '331100', name: '丽水市', level: 'city', parent: '330000' },
  { code: '331102', name: '莲都区', level: 'county', parent: '331100' },
  { code: '331121', name: '青田县', level: 'county', parent: '331100' },
  { code: '331122', name: '缙云县', level: 'county', parent: '331100' },
  { code: '331123', name: '遂昌县', level: 'county', parent: '331100' },
  { code: '331124', name: '松阳县', level: 'county', parent: '331100' },
  { code: '331125', name: '云和县', level: 'county', parent: '331100' },
  { code: '331126', name: '庆元县', level: 'county', parent: '331100' },
  { code: '331127', name: '景宁畲族自治县', level: 'county', parent: '331100' },
  { code: '331181', name: '龙泉市', level: 'county', parent: '331100' },
];

/** The townships and streets of 330106 西湖区 (all 12 listed for it in the national street list). */
export const ZHEJIANG_TOWNSHIPS: DemoDivision[] = [
  { code: '330106002', name: '北山街道', level: 'township', parent: '330106' },
  { code: '330106004', name: '西溪街道', level: 'township', parent: '330106' },
  { code: '330106005', name: '翠苑街道', level: 'township', parent: '330106' },
  { code: '330106007', name: '古荡街道', level: 'township', parent: '330106' },
  { code: '330106008', name: '西湖街道', level: 'township', parent: '330106' },
  { code: '330106009', name: '留下街道', level: 'township', parent: '330106' },
  { code: '330106010', name: '转塘街道', level: 'township', parent: '330106' },
  { code: '330106011', name: '蒋村街道', level: 'township', parent: '330106' },
  { code: '330106012', name: '灵隐街道', level: 'township', parent: '330106' },
  { code: '330106013', name: '文新街道', level: 'township', parent: '330106' },
  { code: '330106109', name: '三墩镇', level: 'township', parent: '330106' },
  { code: '330106110', name: '双浦镇', level: 'township', parent: '330106' },
];

/** Long-distance telephone area codes (长途区号) of Zhejiang's cities, by city division code. */
export const CITY_AREA_CODES: Record<string, string> = {
  '330100': '0571', // 杭州
  '330200': '0574', // 宁波
  '330300': '0577', // 温州
  '330400': '0573', // 嘉兴
  '330500': '0572', // 湖州
  '330600': '0575', // 绍兴
  '330700': '0579', // 金华
  '330800': '0570', // 衢州
  '330900': '0580', // 舟山
  '331000': '0576', // 台州
  '331100': '0578', // 丽水
};
