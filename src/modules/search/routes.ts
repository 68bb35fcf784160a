import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { ModuleContext } from '../../platform/context.js';
import { browseItems } from './actions/browse-items.js';
import { AGENCY_FACET_LIMIT, searchItems } from './actions/search-items.js';
import { suggest } from './actions/suggest-names.js';
import { MAX_PAGE_SIZE } from './model.js';

/** Thin HTTP layer: validate, call the action, return its result. */

const ZFilters = z.object({
  jurisdiction: z.string().regex(/^[0-9]{6}([0-9]{3})?$/, '6 or 9 digits (GB/T 2260)').optional().describe('行政区划代码, includes its descendants'),
  agency: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional().describe('实施主体 id'),
  type: z.string().regex(/^[0-9]{2}$/, 'two digits').optional().describe('事项类型 code, e.g. 01 行政许可'),
  audience: z.string().regex(/^[0-9]{1,2}$/, 'a service object code').optional().describe('服务对象 code, e.g. 1 自然人'),
  topic: z.string().regex(/^[pbc]:[0-9]{2}$/, "'p:NN', 'b:NN' or 'c:NN'").optional().describe('Topic code with its list prefix'),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(20),
});

const ZItemSummary = z.object({
  code: z.string(),
  name: z.string(),
  agency: z.object({ id: z.number(), name: z.string() }),
  jurisdiction: z.object({ code: z.string(), name: z.string() }),
  type: z.string(),
  stars: z.number(),
});

const ZFacetValue = z.object({ value: z.string(), name: z.string().optional(), count: z.number() });
const ZFacets = z.object({
  jurisdiction: z.array(ZFacetValue),
  agency: z.array(ZFacetValue),
  type: z.array(ZFacetValue),
  audience: z.array(ZFacetValue),
  topic: z.array(ZFacetValue),
  stars: z.array(ZFacetValue),
});

export async function registerSearchRoutes(http: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const app = http.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/api/v1/search',
    {
      schema: {
        tags: ['search'],
        summary: '搜索事项 / Search items',
        description:
          'Chinese full-text search over published items, with synonyms (医保 → 医疗保险). Ranked by exact title, then query terms in the title, then popularity. ' +
          '`total` and the facets are exact counts (`totalExact` is false only when more than 2000 items match through their agency name alone); ' +
          `the agency facet is given when at most ${AGENCY_FACET_LIMIT} items match. ` +
          'A query over 100 characters gives 400 `query_too_long`.',
        querystring: ZFilters.extend({
          q: z.string().optional().describe('搜索词, at most 100 characters'),
          stars: z.coerce.number().int().min(0).max(5).optional().describe('Minimum star rating'),
        }),
        response: {
          200: z.object({
            query: z.string(),
            mode: z.enum(['all', 'any', 'similar', 'browse', 'none']),
            total: z.number(),
            totalExact: z.boolean(),
            page: z.number(),
            pageSize: z.number(),
            hits: z.array(ZItemSummary),
            facets: ZFacets,
            scope: z.object({ code: z.string(), name: z.string() }).nullable(),
          }),
        },
      },
    },
    async (request) => searchItems(ctx.db, request.query),
  );

  app.get(
    '/api/v1/search/suggest',
    {
      schema: {
        tags: ['search'],
        summary: '联想词 / Type-ahead suggestions',
        description: 'Up to 10 distinct item names starting with, then containing, the text, most popular first.',
        querystring: z.object({ q: z.string().default('') }),
        response: { 200: z.object({ suggestions: z.array(z.string()) }) },
      },
    },
    async (request) => ({ suggestions: await suggest(ctx.db, request.query.q) }),
  );

  app.get(
    '/api/v1/items',
    {
      schema: {
        tags: ['catalogue'],
        summary: '事项列表 / List published items',
        description: 'Published items matching the filters, most popular first. The jurisdiction filter covers its descendants. `total` counts up to 10000.',
        querystring: ZFilters.extend({ stars: z.coerce.number().int().min(0).max(5).optional().describe('Minimum star rating') }),
        response: {
          200: z.object({
            total: z.number(),
            totalExact: z.boolean(),
            page: z.number(),
            pageSize: z.number(),
            items: z.array(ZItemSummary),
          }),
        },
      },
    },
    async (request) => browseItems(ctx.db, request.query),
  );
}
