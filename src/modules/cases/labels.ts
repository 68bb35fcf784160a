/** Names of statuses and actions for people (zh first, en second), in responses and notifications. */
import type { CaseAction, CaseStatus } from './workflow.js';

export const STATUS_LABELS: Record<CaseStatus, { zh: string; en: string }> = {
  submitted: { zh: '已提交', en: 'Submitted' },
  returned: { zh: '预审退回', en: 'Returned at pre-review' },
  received: { zh: '已接件，待受理', en: 'Received, awaiting acceptance' },
  correction_requested: { zh: '待补正', en: 'Correction requested' },
  not_accepted: { zh: '不予受理', en: 'Not accepted' },
  accepted: { zh: '已受理，办理中', en: 'Accepted, in progress' },
  special_procedure: { zh: '特别程序中', en: 'In a special procedure' },
  concluded: { zh: '已办结', en: 'Decided' },
  delivered: { zh: '已送达', en: 'Delivered' },
  withdrawn: { zh: '已撤回', en: 'Withdrawn' },
};

export const ACTION_LABELS: Record<CaseAction | 'submit', { zh: string; en: string }> = {
  submit: { zh: '网上申报', en: 'Submitted online' },
  receive: { zh: '接件', en: 'Received' },
  return_prereview: { zh: '预审退回', en: 'Returned at pre-review' },
  withdraw: { zh: '撤回', en: 'Withdrawn' },
  accept: { zh: '受理', en: 'Accepted' },
  not_accept: { zh: '不予受理', en: 'Not accepted' },
  request_correction: { zh: '补正告知', en: 'Correction requested' },
  submit_correction: { zh: '提交补正', en: 'Correction submitted' },
  deem_accepted: { zh: '视为受理', en: 'Deemed accepted' },
  advance: { zh: '环节办理', en: 'Step completed' },
  extend: { zh: '延长审批期限', en: 'Time limit extended' },
  start_special: { zh: '特别程序开始', en: 'Special procedure started' },
  end_special: { zh: '特别程序结束', en: 'Special procedure ended' },
  approve: { zh: '准予许可', en: 'Approved' },
  approve_tolerated: { zh: '容缺通过', en: 'Approved with materials to follow' },
  deny: { zh: '不予许可', en: 'Refused' },
  deliver: { zh: '送达', en: 'Delivered' },
};
