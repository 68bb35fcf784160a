/** The catalogue's JSON API (/api/v1): thin handlers over the repository reads. */
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { HttpServer } from '../../platform/http/server.js';
import type { ModuleContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { getAgency, getJurisdiction, getPublishedVersion, listAgencies } from './catalog.repository.js';
import { codeList } from './code-lists.js';
import { toGuide } from './records.js';
import { ZAgency, ZAgencyId, ZCodeEntry, ZCodeListName, ZImplementationCode, ZItemGuide, ZJurisdiction, ZJurisdictionCode } from './schemas.js';

const tags = ['catalogue'];
const notFound = (what: string) => new AppError('not_found', { message: `${what}不存在。` });

export async function registerCatalogRoutes(http: HttpServer, { db }: ModuleContext): Promise<void> {
  const app = http.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/jurisdictions/:code',
    {
      schema: {
        tags,
        summary: 'A jurisdiction (行政区划) with its parent and children',
        params: z.object({ code: ZJurisdictionCode }),
        response: { 200: ZJurisdiction.omit({ ancestors: true }) },
      },
    },
    async (request) => {
      const jurisdiction = await getJurisdiction(db, request.params.code);
      if (!jurisdiction) throw notFound(`行政区划 ${request.params.code} `);
      const { ancestors: _ancestors, ...body } = jurisdiction;
      return body;
    },
  );

  app.get(
    '/api/v1/agencies',
    {
      schema: {
        tags,
        summary: 'Agencies (实施主体) of a jurisdiction, optionally with those of the jurisdictions under it',
        querystring: z.object({ jurisdiction: ZJurisdictionCode, includeDescendants: z.enum(['true', 'false']).default('false') }),
        response: { 200: z.object({ total: z.number(), items: z.array(ZAgency) }) },
      },
    },
    async (request) => {
      const { jurisdiction, includeDescendants } = request.query;
      if (!(await getJurisdiction(db, jurisdiction))) throw notFound(`行政区划 ${jurisdiction} `);
      const items = await listAgencies(db, { jurisdiction, includeDescendants: includeDescendants === 'true' });
      return { total: items.length, items };
    },
  );

  app.get(
    '/api/v1/agencies/:id',
    {
      schema: { tags, summary: 'An agency (实施主体) with its published items counted by type', params: z.object({ id: ZAgencyId }), response: { 200: ZAgency } },
    },
    async (request) => {
      const agency = await getAgency(db, request.params.id);
      if (!agency) throw notFound(`实施主体 ${request.params.id} `);
      return agency;
    },
  );

  app.get(
    '/api/v1/items/:implementationCode',
    {
      schema: {
        tags,
        summary: 'The published guide (办事指南) of an implementation item',
        params: z.object({ implementationCode: ZImplementationCode }),
        response: { 200: ZItemGuide },
      },
    },
    async (request) => {
      const version = await getPublishedVersion(db, request.params.implementationCode);
      if (!version) throw notFound(`实施编码为 ${request.params.implementationCode} 的已发布事项`);
      return toGuide(version);
    },
  );

  app.get(
    '/api/v1/code-lists/:name',
    {
      schema: {
        tags,
        summary: 'The current entries of a code list (代码表), e.g. item_type, service_object',
        params: z.object({ name: ZCodeListName }),
        response: { 200: z.object({ name: z.string(), entries: z.array(ZCodeEntry) }) },
      },
    },
    async (request) => {
      const entries = await codeList(db, request.params.name);
      if (entries.length === 0) throw notFound(`代码表 ${request.params.name} `);
      return { name: request.params.name, entries };
    },
  );
}
