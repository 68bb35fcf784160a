/** The cases JSON API (/api/v1/cases, /api/v1/me/cases, /api/v1/case-status): thin handlers over the actions. */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { AppError } from '../../platform/errors.js';
import type { HttpServer } from '../../platform/http/server.js';
import { requirePerson, requirePrincipal, type IdentityDeps } from '../identity/index.js';
import { caseTimeline, presentCase, viewCase } from './actions/view-case.js';
import { listMyCases } from './actions/list-my-cases.js';
import { lookUpCaseStatus } from './actions/look-up-case-status.js';
import { submitCase } from './actions/submit-case.js';
import { takeCaseAction } from './actions/take-case-action.js';
import { CASE_NUMBER_LENGTH, QUERY_CODE_LENGTH } from './case-number.js';
import { CASE_ACTIONS, CASE_STATUSES, DELIVERY_METHODS, SPECIAL_KINDS } from './workflow.js';

const tags = ['cases'];
const ZNumber = z.string().trim().toUpperCase().length(CASE_NUMBER_LENGTH, `办件编号为 ${CASE_NUMBER_LENGTH} 位 / ${CASE_NUMBER_LENGTH} characters`);
const ZLabel = z.object({ zh: z.string(), en: z.string() });
const ZClock = z
  .object({
    clock: z.enum(['acceptance', 'decision', 'link', 'delivery']),
    start: z.string(),
    limitDays: z.number().int(),
    extensionDays: z.number().int(),
    due: z.string().nullable().describe('The last day in time (YYYY-MM-DD); null while the clock is stopped'),
    remainingDays: z.number().int(),
    overdue: z.boolean(),
    paused: z.boolean(),
    coverage: z.boolean().describe('false: a counted day lies in a year without published holidays; the date may move'),
    colour: z.enum(['green', 'yellow', 'red']),
  })
  .nullable();
const ZSummary = z.object({
  number: z.string(),
  status: z.enum(CASE_STATUSES),
  statusLabel: ZLabel,
  item: z.object({ code: z.string(), name: z.string() }),
  agency: z.object({ id: z.number(), name: z.string() }),
  submittedAt: z.string(),
  clock: ZClock,
});
const ZNotice = z.object({ kind: z.string(), title: ZLabel, data: z.record(z.string(), z.unknown()) });
const ZCase = ZSummary.extend({
  version: z.number().int(),
  company: z.object({ uscc: z.string() }).nullable(),
  progress: z.object({
    link: z.object({ index: z.number().int(), name: z.string(), role: z.string() }).nullable(),
    links: z.array(z.object({ name: z.string(), role: z.string() })),
    deemedAccepted: z.boolean(),
    correctionRounds: z.number().int(),
    extendedDays: z.number().int(),
    special: z.object({ kind: z.string(), reasons: z.string() }).nullable(),
    outcome: z.string().nullable(),
    pendingMaterials: z.array(z.string()),
    deliveryMethod: z.string().nullable(),
  }),
  formVersion: z.number().int(),
  form: z.record(z.string(), z.unknown()),
  materials: z.array(
    z.object({ requirementId: z.string(), requirement: z.string(), uploadId: z.string(), name: z.string(), mediaType: z.string(), size: z.number(), sha256: z.string() }),
  ),
  allowedActions: z.array(z.enum(CASE_ACTIONS)),
});
const ZSubmitted = z.object({ number: z.string(), status: z.enum(CASE_STATUSES), queryCode: z.string().describe('查询码: shown once; keep it with the case number') });
const ZText = z.string().trim().max(2000);

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{8,100}$/;

/** The Idempotency-Key header, required on submission: a retry must be recognisable. */
function idempotencyKeyOf(header: string | string[] | undefined): string {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || !IDEMPOTENCY_KEY.test(key)) {
    throw new AppError('validation_failed', {
      message: '请求头 Idempotency-Key 必填（8–100 个可见 ASCII 字符，每份新申请一个新值，例如 UUID）。The Idempotency-Key header is required.',
      errors: [{ field: 'headers.idempotency-key', code: key ? 'invalid' : 'required', message: '8–100 visible ASCII characters, e.g. a UUID' }],
    });
  }
  return key;
}

export async function registerCaseRoutes(http: HttpServer, deps: IdentityDeps): Promise<void> {
  const app = http.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/api/v1/cases',
    {
      schema: {
        tags,
        summary: '网上申报 / Submit an application',
        description:
          'A signed-in person applies for a published item: `form` is validated against the item\'s form (every error at once, fields `form.<path>`), ' +
          '`materials` pairs each requirement id (`GET /api/v1/items/{code}/form`) with an upload id (`POST /api/v1/uploads`); every required ' +
          'material must be there (`materials.<requirementId>`). The `Idempotency-Key` header is required: a retry with the same key and body ' +
          'returns the same answer (201, header `Idempotent-Replayed: true`) and creates nothing; the same key with another body is 422 ' +
          '`idempotency_key_reused`. A level below the item\'s minimum is 403 `level_too_low`. The `queryCode` (查询码) is shown in this answer only.',
        headers: z.object({ 'idempotency-key': z.string().optional().describe('Required: 8–100 visible ASCII characters, new for each application') }),
        body: z.object({
          item: z.string().trim().length(31, '实施编码为 31 位 / 31 characters'),
          form: z.record(z.string(), z.unknown()),
          materials: z.array(z.object({ material: z.string().min(1).max(100), upload: z.string().min(1).max(100) })).max(100).default([]),
        }),
        response: { 201: ZSubmitted },
      },
    },
    async (request, reply) => {
      const principal = await requirePerson(deps, request);
      const key = idempotencyKeyOf(request.headers['idempotency-key']);
      const { replayed, ...body } = await submitCase(deps, principal, request.body, { idempotencyKey: key, requestId: request.id });
      if (replayed) reply.header('idempotent-replayed', 'true');
      return reply.code(201).send(body);
    },
  );

  app.get(
    '/api/v1/cases/:number',
    {
      schema: {
        tags,
        summary: '办件详情 / A case',
        description: 'For its applicant (or whoever acts for the company it was filed for) and staff of its agency; 404 for anyone else. `allowedActions` are the caller\'s.',
        params: z.object({ number: ZNumber }),
        response: { 200: ZCase },
      },
    },
    async (request) => viewCase(deps, await requirePrincipal(deps, request), request.params.number),
  );

  app.get(
    '/api/v1/cases/:number/timeline',
    {
      schema: {
        tags,
        summary: '办理过程 / The timeline of a case',
        params: z.object({ number: ZNumber }),
        response: {
          200: z.object({
            number: z.string(),
            events: z.array(
              z.object({
                seq: z.number().int(),
                at: z.string(),
                actorKind: z.enum(['applicant', 'staff', 'system']),
                actorName: z.string(),
                action: z.string(),
                fromStatus: z.enum(CASE_STATUSES).nullable(),
                toStatus: z.enum(CASE_STATUSES),
                detail: z.record(z.string(), z.unknown()),
                notices: z.array(ZNotice),
              }),
            ),
          }),
        },
      },
    },
    async (request) => caseTimeline(deps, await requirePrincipal(deps, request), request.params.number),
  );

  app.post(
    '/api/v1/cases/:number/actions',
    {
      schema: {
        tags,
        summary: '办理 / Take an action on a case',
        description:
          'The workflow decides: an action impossible in the current state is 409 `invalid_transition` with `allowed`; one the caller may not ' +
          'take (role, segregation of duties) is 403; missing inputs are 400 with every field. `version` (from the case) guards against a ' +
          'concurrent change: when the case moved meanwhile, 409 `conflict` with `allowed`.',
        params: z.object({ number: ZNumber }),
        body: z.object({
          action: z.enum(CASE_ACTIONS),
          version: z.number().int().positive().optional(),
          opinion: ZText.optional(),
          reasons: ZText.optional(),
          corrections: z.array(z.object({ name: z.string().trim().max(200), problem: z.string().trim().max(1000) })).max(100).optional(),
          referTo: ZText.optional(),
          days: z.number().int().optional(),
          kind: z.enum(SPECIAL_KINDS).optional(),
          result: ZText.optional(),
          pendingMaterials: z.array(z.string().trim().max(200)).max(100).optional(),
          rights: z.object({ reviewBody: z.string().trim().max(200), litigationBody: z.string().trim().max(200) }).optional(),
          method: z.enum(DELIVERY_METHODS).optional(),
          materials: z
            .array(z.object({ material: z.string().min(1).max(100), upload: z.string().min(1).max(100) }))
            .max(100)
            .optional()
            .describe('submit_correction only: corrected materials (requirement id + upload id), attached in the same transaction'),
        }),
        response: { 200: ZCase },
      },
    },
    async (request) => {
      const principal = await requirePrincipal(deps, request);
      const { record, allowedActions } = await takeCaseAction(deps, principal, request.params.number, request.body, { requestId: request.id });
      return presentCase(deps, record, allowedActions);
    },
  );

  app.get(
    '/api/v1/me/cases',
    {
      schema: {
        tags,
        summary: '我的办件 / My cases, newest first',
        description: 'The cases the person filed; acting for a company, the company\'s cases (an agent: those of the items the grant covers).',
        querystring: z.object({ page: z.coerce.number().int().min(1).max(10_000).default(1), pageSize: z.coerce.number().int().min(1).max(100).default(20) }),
        response: { 200: z.object({ total: z.number().int(), page: z.number().int(), pageSize: z.number().int(), items: z.array(ZSummary) }) },
      },
    },
    async (request) => listMyCases(deps, await requirePerson(deps, request), request.query),
  );

  app.get(
    '/api/v1/case-status',
    {
      schema: {
        tags,
        summary: '办件查询 / Case status by number and query code, without signing in',
        description: 'The status and the clock only. A wrong code and an unknown number get the same 404. Rate-limited with the rest of the API.',
        querystring: z.object({ number: z.string().trim().toUpperCase().max(64), queryCode: z.string().trim().max(QUERY_CODE_LENGTH * 2) }),
        response: { 200: ZSummary },
      },
    },
    async (request) => lookUpCaseStatus(deps, request.query.number, request.query.queryCode),
  );
}
