/**
 * Demo accounts (演示账户): citizens at levels 1–3, a company with its representative and an agent,
 * and staff with every role in agencies of 330000, 330100 and 330106. Their credentials are public on
 * purpose (README, `onestop demo accounts --json`); they exist only in demo mode.
 */
import crypto from 'node:crypto';
import { DEMO_LEGAL_PERSONS } from '../../legalpersons/index.js';
import { DEMO_RESIDENTS, generateResidents, type SyntheticResident } from '../../population/index.js';

export const DEMO_PERSON_PASSWORD = 'Demo@2026!';
export const DEMO_STAFF_PASSWORD = 'Staff@2026!';
export const DEMO_COMPANY_PASSWORD = 'Company@2026!';

export interface DemoPerson {
  resident: SyntheticResident;
  level: number;
  /** What the account is there to show. */
  note: string;
}

/** Where a demo staff member works: the agency of this jurisdiction whose name ends so. */
export interface DemoStaff {
  loginName: string;
  name: string;
  agency: { jurisdiction: string; nameEndsWith: string };
  roles: string[];
}

function residentWithId(idNumber: string): SyntheticResident {
  const resident = generateResidents().find((r) => r.idNumber === idNumber);
  if (!resident) throw new Error(`demo: no synthetic resident ${idNumber.slice(0, 4)}…`);
  return resident;
}

/** 杭州云启文化传媒有限公司 (西湖区): bound to its representative, with one agent. */
const COMPANY = DEMO_LEGAL_PERSONS.find((p) => p.uscc === '91330106530980042E')!;
/** 杭州远新电子商务有限公司: its representative has an account but has not bound it yet, to try binding. */
const UNBOUND_COMPANY = DEMO_LEGAL_PERSONS.find((p) => p.uscc === '913301081503290047')!;

export const DEMO_PERSONS: DemoPerson[] = [
  { resident: DEMO_RESIDENTS[0]!, level: 1, note: '手机已验证（一级），可试实名认证 / phone verified, try the real-name check' },
  { resident: DEMO_RESIDENTS[1]!, level: 2, note: '实名认证（二级） / real name verified' },
  { resident: DEMO_RESIDENTS[2]!, level: 3, note: '窗口现场核验（三级） / verified in person' },
  { resident: DEMO_RESIDENTS[3]!, level: 2, note: `${COMPANY.name} 的经办人 / agent of the demo company` },
  { resident: residentWithId(COMPANY.representativeIdNumber), level: 2, note: `${COMPANY.name} 的法定代表人 / its legal representative` },
  { resident: residentWithId(UNBOUND_COMPANY.representativeIdNumber), level: 2, note: `${UNBOUND_COMPANY.name} 的法定代表人，尚未绑定企业 / representative, company not bound yet` },
];

/** Not registered: for trying registration and the real-name check with known facts. */
export const DEMO_UNREGISTERED_RESIDENT = DEMO_RESIDENTS[4]!;

export const DEMO_COMPANY = {
  uscc: COMPANY.uscc,
  name: COMPANY.name,
  representativeIdNumber: COMPANY.representativeIdNumber,
  agentIdNumber: DEMO_RESIDENTS[3]!.idNumber,
};
export const DEMO_UNBOUND_COMPANY = { uscc: UNBOUND_COMPANY.uscc, name: UNBOUND_COMPANY.name };

const WORKFLOW_ROLES = ['window_clerk', 'handler', 'reviewer', 'approver', 'agency_admin'] as const;
const ROLE_LOGIN: Record<(typeof WORKFLOW_ROLES)[number], { suffix: string; title: string }> = {
  window_clerk: { suffix: 'clerk', title: '窗口' },
  handler: { suffix: 'handler', title: '承办' },
  reviewer: { suffix: 'reviewer', title: '审核' },
  approver: { suffix: 'approver', title: '批准' },
  agency_admin: { suffix: 'admin', title: '管理员' },
};

function agencyTeam(prefix: string, surname: string, agency: DemoStaff['agency']): DemoStaff[] {
  return WORKFLOW_ROLES.map((role) => ({
    loginName: `${prefix}.${ROLE_LOGIN[role].suffix}`,
    name: `${surname}${ROLE_LOGIN[role].title}`,
    agency,
    roles: [role],
  }));
}

export const DEMO_STAFF: DemoStaff[] = [
  { loginName: 'platform.admin', name: '平台管理员', agency: { jurisdiction: '330000', nameEndsWith: '浙江省市场监督管理局' }, roles: ['platform_admin'] },
  { loginName: 'zj.catalog', name: '事项审核员', agency: { jurisdiction: '330000', nameEndsWith: '浙江省市场监督管理局' }, roles: ['catalogue_reviewer'] },
  { loginName: 'zj.supervisor', name: '电子监察员', agency: { jurisdiction: '330000', nameEndsWith: '浙江省市场监督管理局' }, roles: ['supervisor'] },
  ...agencyTeam('zj.scjg', '省市场监管', { jurisdiction: '330000', nameEndsWith: '浙江省市场监督管理局' }),
  ...agencyTeam('hz.scjg', '杭州市场监管', { jurisdiction: '330100', nameEndsWith: '市场监督管理局' }),
  ...agencyTeam('xh.scjg', '西湖市场监管', { jurisdiction: '330106', nameEndsWith: '市场监督管理局' }),
  { loginName: 'xh.mz.clerk', name: '西湖民政窗口', agency: { jurisdiction: '330106', nameEndsWith: '民政局' }, roles: ['window_clerk', 'handler'] },
];

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A demo staff member's TOTP secret: fixed (derived from the login name) so the README can list it. */
export function demoTotpSecret(loginName: string): string {
  const bytes = crypto.createHash('sha1').update(`onestop-demo-totp:${loginName}`).digest();
  let bits = '';
  for (const byte of bytes) bits += byte.toString(2).padStart(8, '0');
  let out = '';
  for (let i = 0; i < bits.length; i += 5) out += BASE32[parseInt(bits.slice(i, i + 5).padEnd(5, '0'), 2)];
  return out;
}
