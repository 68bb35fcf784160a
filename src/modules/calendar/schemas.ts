/** zod schemas of the calendar module's edge: dates, jurisdiction codes and overrides. */
import { z } from 'zod';
import { isIsoDate } from './dates.js';

export const ZIsoDate = z
  .string()
  .regex(/^(19|2[0-9])[0-9]{2}-[0-9]{2}-[0-9]{2}$/, 'YYYY-MM-DD, years 1900 to 2999')
  .refine(isIsoDate, '不是有效日期 / not a calendar date')
  .describe('YYYY-MM-DD');

export const ZJurisdictionCode = z.string().regex(/^[0-9]{6}([0-9]{3})?$/, '6 or 9 digits (GB/T 2260)').describe('行政区划代码');

export const ZOverrideKind = z.enum(['working', 'rest']).describe('working 上班 / rest 休息');

export const ZOverrideInput = z.object({
  jurisdictionCode: ZJurisdictionCode,
  day: ZIsoDate,
  kind: ZOverrideKind,
  reason: z.string().trim().min(1, '请填写原因 / a reason is required').max(200),
});

export const ZCalendarDay = z.object({
  date: z.string(),
  working: z.boolean(),
  kind: z.enum(['workday', 'weekend', 'holiday', 'make_up_workday', 'override_working', 'override_rest']),
  name: z.string().nullable(),
  jurisdiction: z.string().nullable(),
  coverage: z.boolean(),
});
