/** Public face of the portal module (the citizen-facing pages). */
import type { FastifyInstance } from 'fastify';
import type { ModuleContext } from '../../platform/context.js';
import { readPreferences } from '../../web/i18n.js';
import type { VNode } from 'preact';
import { portalPage, type PageInput } from './page.js';
import { buildHome } from './pages/home.js';
import { buildJurisdictionPage } from './pages/jurisdiction.js';
import { buildAgencyList, buildAgencyShop } from './pages/agencies.js';
import { buildTopicIndex, buildTopicPage, buildTypePage } from './pages/topics.js';
import { buildItemPage } from './pages/item.js';
import { buildSearchPage } from './pages/search.js';
import { buildTransparencyPage } from './pages/transparency.js';
import { registerDocumentPages } from './pages/documents.js';

/** Server-rendered pages; hidden from the OpenAPI document, which describes only /api/. */
export async function registerPortal(http: FastifyInstance, ctx: ModuleContext): Promise<void> {
  const page = (build: (ctx: ModuleContext, input: PageInput) => Promise<VNode>) => portalPage(ctx, (input) => build(ctx, input));
  const hidden = { schema: { hide: true } };

  http.get('/', hidden, page(buildHome));
  http.get('/jurisdictions', hidden, async (request, reply) => reply.redirect(`/jurisdictions/${readPreferences(request).region}`));
  http.get('/jurisdictions/:code', hidden, page(buildJurisdictionPage));
  http.get('/agencies', hidden, page(buildAgencyList));
  http.get('/agencies/:id', hidden, page(buildAgencyShop));
  http.get('/topics/:list', hidden, page(buildTopicIndex));
  http.get('/topics/:list/:code', hidden, page(buildTopicPage));
  http.get('/types/:code', hidden, page(buildTypePage));
  http.get('/items/:code', hidden, page(buildItemPage));
  registerDocumentPages(http, page);
  http.get('/search', hidden, page(buildSearchPage));
  http.get('/transparency', hidden, page(buildTransparencyPage));
}
