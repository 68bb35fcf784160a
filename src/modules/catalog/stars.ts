/**
 * Star rating (星级) of an implementation item, computed from its elements and never typed in.
 * Each level requires every level below it; an incomplete guide has 0 stars.
 */
import type { ItemElements } from './model.js';
import { completenessProblems } from './rules.js';

const FORM_MATERIAL = 'form';

/** The criterion each star adds on top of the previous ones (1★ first), in Chinese for the guide page. */
export const STAR_CRITERIA: readonly { stars: number; zh: string; met: (el: ItemElements, name: string) => boolean }[] = [
  { stars: 1, zh: '办事指南要素完整', met: (el, name) => completenessProblems({ name, elements: el }).length === 0 },
  {
    stars: 2,
    zh: '空白表格和示例样表可下载，支持预约办理',
    met: (el) => el.appointment && el.materials.filter((m) => m.kind === FORM_MATERIAL).every((m) => !!m.blankForm && !!m.sample),
  },
  { stars: 3, zh: '统一身份认证、网上申报、网上进度查询', met: (el) => el.unifiedLogin && el.onlineSubmission && el.onlineProgressQuery },
  { stars: 4, zh: '在线预审，最多跑一次', met: (el) => el.onlinePreReview && el.visits <= 1 },
  {
    stars: 5,
    zh: '全程网办、零跑腿：电子证照或快递送达，收费可网上支付，必要材料可由证照或共享数据替代',
    met: (el) =>
      el.onlineDepth === '4' &&
      el.visits === 0 &&
      (el.courierDelivery || (el.results.length > 0 && el.results.every((r) => r.electronic === true))) &&
      (el.fees.length === 0 || el.onlinePayment) &&
      el.materials.filter((m) => m.required).every((m) => !!m.licenceType || m.sharedData === true),
  },
];

/** The number of stars (0–5): the highest level whose criterion and all lower ones are met. */
export function computeStars(elements: ItemElements, name: string): number {
  let stars = 0;
  for (const level of STAR_CRITERIA) {
    if (!level.met(elements, name)) break;
    stars = level.stars;
  }
  return stars;
}
