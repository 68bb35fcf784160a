/** The words of the single-sign-on pages, zh-CN and en (the site's other words are in src/web/i18n.ts). */
import type { Lang } from '../../../../web/i18n.js';
import type { OidcScope } from '../settings.js';

export interface OidcMessages {
  signInTitle: string;
  signInFor: (client: string) => string;
  consentTitle: string;
  consentIntro: (client: string) => string;
  consentShares: string;
  consentNotShared: string;
  consentRemember: string;
  allow: string;
  deny: string;
  stepUpTitle: string;
  stepUpIntro: (client: string, required: number, current: number) => string;
  stepUpPhone: string;
  stepUpRealName: string;
  stepUpInPerson: string;
  stepUpContinue: string;
  cancel: string;
  levelName: (level: number) => string;
  errorTitle: string;
  errorIntro: string;
  errorCode: string;
  expiredTitle: string;
  expiredIntro: string;
  logoutTitle: string;
  logoutIntro: (client: string | null) => string;
  logoutYes: string;
  logoutNo: string;
  loggedOutTitle: string;
  loggedOutIntro: string;
  goHome: string;
  consentsTitle: string;
  consentsIntro: string;
  consentsNone: string;
  consentGrantedAt: string;
  consentActingFor: (company: string) => string;
  revoke: (client: string) => string;
  revoked: string;
  scope: (scope: OidcScope) => string;
}

const LEVELS_ZH = ['已注册（0 级）', '手机已验证（1 级）', '实名认证（2 级）', '线下核验（3 级）'];
const LEVELS_EN = ['registered (level 0)', 'phone verified (level 1)', 'real name verified (level 2)', 'verified in person (level 3)'];

const SCOPES_ZH: Record<OidcScope, string> = {
  openid: '一个只给该系统使用的账户编号（不是您的身份证号）',
  offline_access: '在您离开后继续保持登录（最长 14 天，可随时撤销）',
  profile: '您的姓名',
  phone: '您的手机号码，以及它是否已验证',
  identity: '脱敏的身份证号（如 3301**********1234）和您的实名认证等级',
  legal_person: '您当前代表的企业：统一社会信用代码、企业名称，以及您是法定代表人还是经办人',
};
const SCOPES_EN: Record<OidcScope, string> = {
  openid: 'an account number for this system only (not your ID number)',
  offline_access: 'staying signed in after you leave (up to 14 days, revocable)',
  profile: 'your name',
  phone: 'your mobile number and whether it is verified',
  identity: 'your masked ID number (such as 3301**********1234) and your assurance level',
  legal_person: 'the company you act for: its unified social credit code, its name, and whether you are its representative or an agent',
};

const zh: OidcMessages = {
  signInTitle: '统一身份认证登录',
  signInFor: (client) => `「${client}」请您使用统一身份认证账户登录。`,
  consentTitle: '授权确认',
  consentIntro: (client) => `「${client}」请求获取您的以下信息：`,
  consentShares: '将提供给该系统的信息',
  consentNotShared: '您的密码和完整身份证号不会提供给任何系统。',
  consentRemember: '同意后，下次登录该系统不再询问。您可以随时在“我的账户”中撤销授权。',
  allow: '同意并继续',
  deny: '不同意',
  stepUpTitle: '需要提升认证等级',
  stepUpIntro: (client, required, current) => `「${client}」要求的认证等级为${LEVELS_ZH[required]}，您目前是${LEVELS_ZH[current]}。完成以下认证后即可继续。`,
  stepUpPhone: '验证手机号码',
  stepUpRealName: '实名认证（姓名、身份证号与手机号、银行卡或社保卡核验）',
  stepUpInPerson: '3 级认证需要您携带身份证到政务服务窗口由工作人员核验。',
  stepUpContinue: '我已完成认证，继续',
  cancel: '取消，返回原系统',
  levelName: (level) => LEVELS_ZH[level] ?? String(level),
  errorTitle: '登录请求无法处理',
  errorIntro: '发起登录的系统提供的信息有误，我们没有把您转回该系统。请联系该系统的管理部门。',
  errorCode: '错误代码',
  expiredTitle: '登录已超时',
  expiredIntro: '这次登录已超时或已完成。请返回原来的系统重新登录。',
  logoutTitle: '退出登录',
  logoutIntro: (client) => (client ? `是否同时退出统一身份认证？退出后，「${client}」和其他系统都需要重新登录。` : '是否退出统一身份认证？退出后，各系统都需要重新登录。'),
  logoutYes: '退出登录',
  logoutNo: '保持登录',
  loggedOutTitle: '您已退出登录',
  loggedOutIntro: '您已退出统一身份认证。',
  goHome: '返回首页',
  consentsTitle: '已授权的系统',
  consentsIntro: '以下系统可以通过统一身份认证获取您的信息。撤销后，它需要重新征得您的同意。',
  consentsNone: '您还没有授权任何系统。',
  consentGrantedAt: '授权时间',
  consentActingFor: (company) => `代表「${company}」`,
  revoke: (client) => `撤销对「${client}」的授权`,
  revoked: '授权已撤销。',
  scope: (scope) => SCOPES_ZH[scope],
};

const en: OidcMessages = {
  signInTitle: 'Sign in with your unified identity',
  signInFor: (client) => `“${client}” asks you to sign in with your unified identity account.`,
  consentTitle: 'Allow access',
  consentIntro: (client) => `“${client}” asks for the following information:`,
  consentShares: 'What this system will receive',
  consentNotShared: 'Your password and your full ID number are never given to any system.',
  consentRemember: 'If you allow it, you will not be asked again for this system. You can revoke this at any time under “My account”.',
  allow: 'Allow and continue',
  deny: 'Do not allow',
  stepUpTitle: 'A higher assurance level is needed',
  stepUpIntro: (client, required, current) => `“${client}” needs ${LEVELS_EN[required]}; you are ${LEVELS_EN[current]}. Complete the verification below to continue.`,
  stepUpPhone: 'Verify your phone number',
  stepUpRealName: 'Verify your real name (name and ID number with your phone, bank card or social security card)',
  stepUpInPerson: 'Level 3 needs a visit to a service window with your ID card.',
  stepUpContinue: 'I have verified: continue',
  cancel: 'Cancel and go back',
  levelName: (level) => LEVELS_EN[level] ?? String(level),
  errorTitle: 'This sign-in request cannot be handled',
  errorIntro: 'The system that sent you here made a mistake in its request, so we did not send you back to it. Please contact the agency that runs it.',
  errorCode: 'Error code',
  expiredTitle: 'The sign-in has expired',
  expiredIntro: 'This sign-in has expired or is already complete. Go back to the system you came from and sign in again.',
  logoutTitle: 'Sign out',
  logoutIntro: (client) =>
    client ? `Sign out of your unified identity too? “${client}” and the other systems will ask you to sign in again.` : 'Sign out of your unified identity? Every system will ask you to sign in again.',
  logoutYes: 'Sign out',
  logoutNo: 'Stay signed in',
  loggedOutTitle: 'You have signed out',
  loggedOutIntro: 'You have signed out of your unified identity.',
  goHome: 'Go to the home page',
  consentsTitle: 'Systems you allowed',
  consentsIntro: 'These systems may receive your information through the unified identity. After you revoke one, it must ask you again.',
  consentsNone: 'You have not allowed any system yet.',
  consentGrantedAt: 'Allowed on',
  consentActingFor: (company) => `for “${company}”`,
  revoke: (client) => `Revoke access for “${client}”`,
  revoked: 'Access revoked.',
  scope: (scope) => SCOPES_EN[scope],
};

export function oidcMessages(lang: Lang): OidcMessages {
  return lang === 'en' ? en : zh;
}
