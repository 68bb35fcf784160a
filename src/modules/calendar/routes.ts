/** The calendar's JSON API (/api/v1/calendar): working days for agency systems. Thin: validate, read, compute. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleContext } from '../../platform/context.js';
import type { Queryable } from '../../platform/db/index.js';
import { AppError } from '../../platform/errors.js';
import type { HttpServer } from '../../platform/http/server.js';
import { getJurisdiction } from '../catalog/index.js';
import { loadWorkingCalendar } from './actions/load-working-calendar.js';
import { dayNumber } from './dates.js';
import { ZCalendarDay, ZIsoDate, ZJurisdictionCode } from './schemas.js';
import { coversRange, nonStandardDays, workingDaysAfter, type WorkingCalendar } from './working-days.js';

const tags = ['calendar'];
/** Working days one request may add: far beyond any legal limit (the longest are 45 + 15). */
export const MAX_WORKING_DAYS = 1000;
/** Days one listing may span. */
export const MAX_LISTED_DAYS = 731;

const ZJurisdictionParam = ZJurisdictionCode.optional().describe('行政区划代码: its overrides and its ancestors\' apply; without it, the national calendar alone');

/** The calendar of the jurisdiction (404 when the catalogue does not know it), or the national one. */
async function calendarFor(db: Queryable, jurisdiction: string | undefined): Promise<WorkingCalendar> {
  if (jurisdiction === undefined) return loadWorkingCalendar(db, []);
  const found = await getJurisdiction(db, jurisdiction);
  if (!found) throw new AppError('not_found', { message: `行政区划 ${jurisdiction} 不存在。/ Unknown jurisdiction.` });
  return loadWorkingCalendar(db, found.ancestors);
}

export async function registerCalendarRoutes(http: HttpServer, { db }: ModuleContext): Promise<void> {
  const app = http.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/calendar/working-days',
    {
      schema: {
        tags,
        summary: '法定工作日推算 / Add working days to a date',
        description:
          'The date `days` working days after `from`, counting from the day after `from` (行政许可法 art. 82), over the national statutory ' +
          'holidays and make-up working days (调休) and the local overrides of the jurisdiction and its ancestors. `days=0` gives `from`. ' +
          '`coverage` is false when a counted day falls in a year the national data does not cover yet: there only weekends are rest days, ' +
          'so the date may move when the State Council publishes that year. Unknown jurisdiction: 404; bad input: 400 `validation_failed`.',
        querystring: z.object({
          from: ZIsoDate.describe('The event day, YYYY-MM-DD'),
          days: z.coerce.number().int().min(0).max(MAX_WORKING_DAYS).describe('Working days to add'),
          jurisdiction: ZJurisdictionParam,
        }),
        response: {
          200: z.object({
            due: z.string().describe('YYYY-MM-DD'),
            coverage: z.boolean().describe('The national data covered every counted day'),
          }),
        },
      },
    },
    async (request) => {
      const { from, days, jurisdiction } = request.query;
      return workingDaysAfter(await calendarFor(db, jurisdiction), from, days);
    },
  );

  app.get(
    '/api/v1/calendar/days',
    {
      schema: {
        tags,
        summary: '节假日、调休与地方调整 / Non-standard days of a period',
        description:
          `The days from \`from\` to \`to\` (both included, at most ${MAX_LISTED_DAYS} days) that are not an ordinary weekday or weekend: ` +
          'statutory holidays (`holiday`), make-up working days (`make_up_workday`) and local overrides (`override_working`, `override_rest`). ' +
          '`coverage` is false when the period reaches a year the national data does not cover.',
        querystring: z
          .object({ from: ZIsoDate, to: ZIsoDate, jurisdiction: ZJurisdictionParam })
          .refine((q) => dayNumber(q.to) >= dayNumber(q.from), { path: ['to'], message: '结束日期不能早于开始日期 / to is before from' })
          .refine((q) => dayNumber(q.to) - dayNumber(q.from) < MAX_LISTED_DAYS, {
            path: ['to'],
            message: `最多 ${MAX_LISTED_DAYS} 天 / at most ${MAX_LISTED_DAYS} days`,
          }),
        response: {
          200: z.object({ from: z.string(), to: z.string(), coverage: z.boolean(), days: z.array(ZCalendarDay) }),
        },
      },
    },
    async (request) => {
      const { from, to, jurisdiction } = request.query;
      const calendar = await calendarFor(db, jurisdiction);
      return { from, to, coverage: coversRange(calendar, from, to), days: nonStandardDays(calendar, from, to) };
    },
  );
}
