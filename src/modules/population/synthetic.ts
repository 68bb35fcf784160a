/**
 * Deterministic synthetic residents of Zhejiang (合成人口数据): the same seed gives the same people on
 * every machine, so the demo logins in the READMEs stay true. Every number is well-formed — ID numbers
 * carry a valid GB 11643 check character, bank cards a valid Luhn digit — but belongs to nobody.
 */
import { citizenIdCheckChar } from '../../platform/checksums.js';
import { luhnCheckDigit } from './factors.js';

export interface SyntheticResident {
  name: string;
  idNumber: string;
  phone: string;
  bankCard: string;
  socialSecurityCard: string;
  householdAddress: string;
  divisionCode: string;
  birthDate: string;
  sex: 'male' | 'female';
}

/** County-level divisions of Zhejiang (one or two per city) where the synthetic residents are registered. */
export const ZHEJIANG_COUNTIES: readonly { code: string; city: string; county: string }[] = [
  { code: '330102', city: '杭州市', county: '上城区' },
  { code: '330105', city: '杭州市', county: '拱墅区' },
  { code: '330106', city: '杭州市', county: '西湖区' },
  { code: '330108', city: '杭州市', county: '滨江区' },
  { code: '330110', city: '杭州市', county: '余杭区' },
  { code: '330203', city: '宁波市', county: '海曙区' },
  { code: '330212', city: '宁波市', county: '鄞州区' },
  { code: '330302', city: '温州市', county: '鹿城区' },
  { code: '330402', city: '嘉兴市', county: '南湖区' },
  { code: '330502', city: '湖州市', county: '吴兴区' },
  { code: '330602', city: '绍兴市', county: '越城区' },
  { code: '330702', city: '金华市', county: '婺城区' },
  { code: '330802', city: '衢州市', county: '柯城区' },
  { code: '330902', city: '舟山市', county: '定海区' },
  { code: '331002', city: '台州市', county: '椒江区' },
  { code: '331102', city: '丽水市', county: '莲都区' },
];

const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任沈姚卢钟姜崔谭陆范汪金石廖贾夏韦方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常';
const GIVEN_MALE = '伟强磊军洋勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭宁龙林欣峰建晨阳诚昊然泽睿博文';
const GIVEN_FEMALE = '芳娜敏静丽艳娟霞燕玲婷雪慧颖琳萍红梅晶倩琴云洁莉薇欣怡佳悦雯瑶婉清蕾璐月彤';
const STREETS = ['解放路', '延安路', '文三路', '中山路', '人民路', '建设路', '学院路', '新华路', '环城北路', '凤起路', '江南大道', '天目山路'];
const PHONE_PREFIXES = ['130', '131', '132', '135', '136', '137', '138', '139', '150', '151', '152', '157', '158', '159', '180', '181', '186', '187', '188', '189'];
/** Issuer prefixes shaped like Chinese debit cards (BIN 62…), with the total length of their numbers. */
const CARD_SHAPES: readonly { prefix: string; length: number }[] = [
  { prefix: '622202', length: 19 },
  { prefix: '621700', length: 19 },
  { prefix: '622848', length: 19 },
  { prefix: '621483', length: 16 },
  { prefix: '622588', length: 16 },
  { prefix: '623058', length: 18 },
];

/** mulberry32: a small, fast, seedable PRNG (not for secrets; these are demo data). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;
export const pick = <T>(random: Random, list: readonly T[] | string): T => list[Math.floor(random() * list.length)] as T;
export const digits = (random: Random, n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const DEFAULT_RESIDENT_COUNT = 2000;
export const DEFAULT_RESIDENT_SEED = 20261125;

/** `count` distinct residents (unique ID numbers, phones and cards) generated from `seed`. */
export function generateResidents(count = DEFAULT_RESIDENT_COUNT, seed = DEFAULT_RESIDENT_SEED): SyntheticResident[] {
  const random = prng(seed);
  const seen = new Set<string>();
  const fresh = (make: () => string) => {
    for (;;) {
      const value = make();
      if (!seen.has(value)) {
        seen.add(value);
        return value;
      }
    }
  };
  const residents: SyntheticResident[] = [];
  for (let i = 0; i < count; i++) {
    const county = pick(random, ZHEJIANG_COUNTIES);
    const sex = random() < 0.5 ? 'male' : 'female';
    const birth = new Date(Date.UTC(1950, 0, 1) + Math.floor(random() * 55 * 365.25) * 86_400_000);
    const birthDate = `${birth.getUTCFullYear()}-${pad(birth.getUTCMonth() + 1, 2)}-${pad(birth.getUTCDate(), 2)}`;
    const idNumber = fresh(() => {
      // GB 11643 order code: the last of its three digits is odd for men, even for women.
      const order = Math.floor(random() * 500) * 2 + (sex === 'male' ? 1 : 0);
      const first17 = county.code + birthDate.replace(/-/g, '') + pad(order, 3);
      return first17 + citizenIdCheckChar(first17);
    });
    const givenChars = sex === 'male' ? GIVEN_MALE : GIVEN_FEMALE;
    const given = pick<string>(random, givenChars) + (random() < 0.7 ? pick<string>(random, givenChars) : '');
    const card = pick(random, CARD_SHAPES);
    residents.push({
      name: pick<string>(random, SURNAMES) + given,
      idNumber,
      phone: fresh(() => pick(random, PHONE_PREFIXES) + digits(random, 8)),
      bankCard: fresh(() => {
        const body = card.prefix + digits(random, card.length - card.prefix.length - 1);
        return body + luhnCheckDigit(body);
      }),
      // Zhejiang social security cards: a letter and eight digits.
      socialSecurityCard: fresh(() => pick<string>(random, 'ABCDEFGH') + digits(random, 8)),
      householdAddress: `浙江省${county.city}${county.county}${pick(random, STREETS)}${1 + Math.floor(random() * 300)}号`,
      divisionCode: county.code,
      birthDate,
      sex,
    });
  }
  return residents;
}

/**
 * The first ten synthetic residents in clear text, for testers and for the identity module's list of
 * demo logins. They are in the seeded registry whatever the count, because generation is a prefix.
 */
export const DEMO_RESIDENTS: readonly SyntheticResident[] = generateResidents(10);
