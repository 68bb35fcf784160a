/**
 * Deterministic synthetic legal persons (合成法人数据) whose legal representatives are synthetic
 * residents of the population registry. USCCs are valid (GB 32100 with the GB 11714 organisation code).
 */
import { makeUscc } from '../../platform/checksums.js';
import { digits, generateResidents, pick, prng, type SyntheticResident } from '../population/index.js';

export type LegalPersonType = 'limited_company' | 'joint_stock_company' | 'partnership' | 'sole_proprietorship';
export type LegalPersonStatus = 'active' | 'cancelled';

export interface SyntheticLegalPerson {
  name: string;
  uscc: string;
  type: LegalPersonType;
  representativeName: string;
  representativeIdNumber: string;
  registeredAddress: string;
  divisionCode: string;
  status: LegalPersonStatus;
  establishedOn: string;
}

const TRADE_NAMES = '青禾云帆恒远博瑞启明华创鼎盛泰和嘉业锦程睿达瀚海汇通德信智源星辰宏图金桥天成安和新柏';
const INDUSTRIES = ['科技', '信息技术', '贸易', '餐饮管理', '文化传媒', '建筑工程', '物流', '电子商务', '茶业', '丝绸', '机械制造', '咨询服务'];
const TYPES: readonly { type: LegalPersonType; suffix: string }[] = [
  { type: 'limited_company', suffix: '有限公司' },
  { type: 'limited_company', suffix: '有限公司' },
  { type: 'limited_company', suffix: '有限公司' },
  { type: 'joint_stock_company', suffix: '股份有限公司' },
  { type: 'partnership', suffix: '合伙企业（有限合伙）' },
  { type: 'sole_proprietorship', suffix: '个人独资企业' },
];

export const DEFAULT_LEGAL_PERSON_COUNT = 300;
export const DEFAULT_LEGAL_PERSON_SEED = 20261126;

/**
 * `count` legal persons with distinct names and USCCs, represented by residents chosen from
 * `residents` (some represent several). About one in twenty is cancelled (注销).
 */
export function generateLegalPersons(
  residents: readonly SyntheticResident[],
  count = DEFAULT_LEGAL_PERSON_COUNT,
  seed = DEFAULT_LEGAL_PERSON_SEED,
): SyntheticLegalPerson[] {
  if (residents.length === 0) throw new RangeError('need residents to represent the legal persons');
  const random = prng(seed);
  const names = new Set<string>();
  const usccs = new Set<string>();
  const people: SyntheticLegalPerson[] = [];
  while (people.length < count) {
    const representative = pick(random, residents);
    const shape = pick(random, TYPES);
    const city = representative.householdAddress.slice(3, 5); // 浙江省杭州市… → 杭州
    const trade = pick<string>(random, TRADE_NAMES) + pick<string>(random, TRADE_NAMES);
    const name = `${city}${trade}${pick(random, INDUSTRIES)}${shape.suffix}`;
    // '91': registered by market regulation (9), an enterprise (1). The organisation code body is digits only.
    const uscc = makeUscc('91', representative.divisionCode, digits(random, 8));
    const year = 1995 + Math.floor(random() * 30);
    const establishedOn = `${year}-${String(1 + Math.floor(random() * 12)).padStart(2, '0')}-${String(1 + Math.floor(random() * 28)).padStart(2, '0')}`;
    const status: LegalPersonStatus = random() < 0.05 ? 'cancelled' : 'active';
    if (trade[0] === trade[1] || names.has(name) || usccs.has(uscc)) continue;
    names.add(name);
    usccs.add(uscc);
    people.push({
      name,
      uscc,
      type: shape.type,
      representativeName: representative.name,
      representativeIdNumber: representative.idNumber,
      registeredAddress: representative.householdAddress.replace(/\d+号$/, `${1 + Math.floor(random() * 500)}号`),
      divisionCode: representative.divisionCode,
      status,
      establishedOn,
    });
  }
  return people;
}

/**
 * The first ten synthetic legal persons in clear text (with their representatives' ID numbers), for
 * testers and the identity module's demo logins. Seeded by default (generation is a prefix).
 */
export const DEMO_LEGAL_PERSONS: readonly SyntheticLegalPerson[] = generateLegalPersons(generateResidents()).slice(0, 10);
