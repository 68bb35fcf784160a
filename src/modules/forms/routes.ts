/** The forms API (/api/v1): an item's form, and the applicant's drafts. Thin: validate, act or read, present. */
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import type { HttpServer } from '../../platform/http/server.js';
import type { FastifyRequest } from 'fastify';
import { accountIdOf, prefillFactsOf, requirePerson, type IdentityDeps } from '../identity/index.js';
import { createDraft } from './actions/create-draft.js';
import { deleteDraft } from './actions/delete-draft.js';
import { updateDraft } from './actions/update-draft.js';
import { exampleOf } from './definition-check.js';
import { INDIVIDUAL_BUSINESS_REGISTRATION } from './definitions/business.js';
import { draftNotFound, MAX_DRAFT_BYTES, MAX_LISTED_DRAFTS } from './drafts.js';
import { findOwnDraft, listOwnDrafts } from './forms.repository.js';
import { getItemForm } from './item-form.js';
import type { Draft } from './model.js';
import { prefillFor } from './prefill.js';

const tags = ['forms'];
const ZImplementationCode = z.string().regex(/^[0-9A-Z]{31}$/, '实施编码应为31位数字或大写字母 / 31 digits or capital letters');
const ZDraftId = z.uuid('草稿编号格式不正确 / not a draft id');
const ZDraftData = z.record(z.string(), z.unknown()).describe(`The form data entered so far (may be incomplete); at most ${MAX_DRAFT_BYTES / 1024} KB as JSON`);

const ZMaterialRequirement = z.object({
  id: z.string().describe('Stable id of the requirement: cite it as `material` when submitting a case'),
  name: z.string(),
  required: z.boolean(),
  licenceType: z.string().optional().describe('电子证照类型 that can stand in for the material'),
});

const ZItemForm = z
  .object({
    item: z.string(),
    version: z.number().int().describe('Form definition version, recorded with drafts and cases'),
    minimumLevel: z.number().int().min(0).max(3).describe('最低实名认证等级 to submit'),
    schema: z.record(z.string(), z.unknown()).describe('JSON Schema (draft-07); `title` Chinese, `x-title-en` English'),
    example: z.unknown().describe('A valid filled-in example (the schema\'s `examples[0]`)'),
    layout: z.record(z.string(), z.unknown()).describe('Pages and sections with field order, widget hints'),
    prefill: z.record(z.string(), z.string()).describe('Field path → identity source (person.name, company.uscc …)'),
    materials: z.array(ZMaterialRequirement),
  })
  .meta({
    examples: [
      {
        item: '11330106MB0000000X4010080010000',
        version: INDIVIDUAL_BUSINESS_REGISTRATION.version,
        minimumLevel: INDIVIDUAL_BUSINESS_REGISTRATION.minimumLevel,
        schema: { type: 'object', title: '个体工商户设立登记申请', '…': '…' },
        example: exampleOf(INDIVIDUAL_BUSINESS_REGISTRATION),
        layout: { pages: [] },
        prefill: INDIVIDUAL_BUSINESS_REGISTRATION.prefill,
        materials: [{ id: 'mat_4c1f0e8a9b2d', name: '经营者居民身份证', required: true }],
      },
    ],
  });

const ZDraft = z.object({
  id: z.string(),
  item: z.string(),
  formVersion: z.number().int(),
  data: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const ZDraftSummary = ZDraft.omit({ data: true });

const presentDraft = (d: Draft) => ({ id: d.id, item: d.implementationCode, formVersion: d.formVersion, data: d.data, createdAt: d.createdAt, updatedAt: d.updatedAt });

/** The person's own account id, without the company they may act for: drafts are the person's. */
async function ownerOf(deps: IdentityDeps, request: FastifyRequest): Promise<string> {
  const principal = await requirePerson(deps, request);
  return accountIdOf({ kind: 'person', personId: principal.account.personId });
}

const PROBLEM = { 401: z.unknown(), 404: z.unknown() };

export async function registerFormRoutes(http: HttpServer, ctx: ModuleContext, deps: IdentityDeps): Promise<void> {
  const { db } = ctx;
  const app = http.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/items/:code/form',
    {
      schema: {
        tags,
        summary: '事项申请表单 / The application form of an item',
        description:
          'The form definition of a published implementation item: its JSON Schema with a valid filled-in `example`, layout hints, the ' +
          'minimum assurance level, the prefill mapping, and the material requirements (`materials[].id` is stable). Unknown or unpublished item: 404.',
        params: z.object({ code: ZImplementationCode }),
        response: { 200: ZItemForm },
      },
    },
    async (request) => {
      const form = await getItemForm(db, request.params.code);
      if (!form) throw new AppError('not_found', { message: '事项不存在或未发布。The item does not exist or is not published.' });
      const { definition } = form;
      return {
        item: request.params.code,
        version: definition.version,
        minimumLevel: definition.minimumLevel,
        schema: definition.schema,
        example: exampleOf(definition),
        layout: definition.layout as unknown as Record<string, unknown>,
        prefill: definition.prefill,
        materials: form.materials,
      };
    },
  );

  app.get(
    '/api/v1/items/:code/form/prefill',
    {
      schema: {
        tags,
        summary: '表单自动填充 / The form data prefilled for me',
        description:
          'For the signed-in person: the values the form takes from their identity (name, ID number, phone) and, when acting for a ' +
          'company, from the legal-person registry (name, USCC, address, representative). Personal: never cached, never logged.',
        params: z.object({ code: ZImplementationCode }),
        response: { 200: z.object({ data: z.record(z.string(), z.unknown()) }), ...PROBLEM },
      },
    },
    async (request, reply) => {
      const principal = await requirePerson(deps, request);
      const form = await getItemForm(db, request.params.code);
      if (!form) throw new AppError('not_found', { message: '事项不存在或未发布。The item does not exist or is not published.' });
      const facts = await prefillFactsOf(deps, principal.account);
      void reply.header('cache-control', 'no-store');
      return { data: facts ? prefillFor(form.definition, facts) : {} };
    },
  );

  app.post(
    '/api/v1/drafts',
    {
      schema: {
        tags,
        summary: '保存申请草稿 / Save a new draft application',
        description: `Signed-in persons only. The data is not validated against the form (a draft may be incomplete), but is limited to ${MAX_DRAFT_BYTES / 1024} KB (413).`,
        body: z.object({ item: ZImplementationCode, data: ZDraftData }),
        response: { 201: z.object({ id: z.string(), formVersion: z.number().int() }), ...PROBLEM },
      },
    },
    async (request, reply) => {
      const owner = await ownerOf(deps, request);
      const draft = await createDraft(db, { owner, implementationCode: request.body.item, data: request.body.data, requestId: request.id });
      return reply.code(201).send({ id: draft.id, formVersion: draft.formVersion });
    },
  );

  app.put(
    '/api/v1/drafts/:id',
    {
      schema: {
        tags,
        summary: '更新申请草稿 / Replace the data of a draft',
        description: 'Owner only: another person\'s draft is 404.',
        params: z.object({ id: ZDraftId }),
        body: z.object({ data: ZDraftData }),
        response: { 200: ZDraft, ...PROBLEM },
      },
    },
    async (request) => {
      const owner = await ownerOf(deps, request);
      return presentDraft(await updateDraft(db, { owner, id: request.params.id, data: request.body.data, requestId: request.id }));
    },
  );

  app.get(
    '/api/v1/drafts/:id',
    {
      schema: { tags, summary: '申请草稿 / A draft', description: 'Owner only: another person\'s draft is 404.', params: z.object({ id: ZDraftId }), response: { 200: ZDraft, ...PROBLEM } },
    },
    async (request) => {
      const owner = await ownerOf(deps, request);
      const draft = await findOwnDraft(db, owner, request.params.id);
      if (!draft) throw draftNotFound();
      return presentDraft(draft);
    },
  );

  app.delete(
    '/api/v1/drafts/:id',
    {
      schema: { tags, summary: '删除申请草稿 / Delete a draft', params: z.object({ id: ZDraftId }), response: { 204: z.null().describe('Deleted'), ...PROBLEM } },
    },
    async (request, reply) => {
      const owner = await ownerOf(deps, request);
      await deleteDraft(db, { owner, id: request.params.id, requestId: request.id });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/v1/me/drafts',
    {
      schema: {
        tags,
        summary: '我的草稿 / My drafts',
        description: `The signed-in person's drafts, latest first (at most ${MAX_LISTED_DRAFTS}).`,
        response: { 200: z.object({ drafts: z.array(ZDraftSummary) }), 401: z.unknown() },
      },
    },
    async (request) => {
      const owner = await ownerOf(deps, request);
      const drafts = await listOwnDrafts(db, owner, MAX_LISTED_DRAFTS);
      return { drafts: drafts.map((d) => ({ id: d.id, item: d.implementationCode, formVersion: d.formVersion, createdAt: d.createdAt, updatedAt: d.updatedAt })) };
    },
  );
}
