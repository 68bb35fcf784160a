/**
 * The citizen pages of applications. For now: 办件查询 (/case-status), public, no sign-in:
 * the form posts the number and query code (never in a URL); the page is never cached (no-store).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpServer } from '../../platform/http/server.js';
import type { ModuleContext } from '../../platform/context.js';
import { isAppError } from '../../platform/errors.js';
import { messagesFor, resolvePreferences } from '../../web/i18n.js';
import type { ViewEnv } from '../../web/layout.js';
import { renderPage } from '../../web/render.js';
import { viewerOf, type IdentityDeps } from '../identity/index.js';
import { lookUpCaseStatus } from './actions/look-up-case-status.js';
import { CaseStatusPage, type CaseStatusView } from './pages/case-status.js';

export function registerCasePages(http: HttpServer, ctx: ModuleContext, deps: IdentityDeps): void {
  http.get('/case-status', { schema: { hide: true } }, async (request, reply) => send(request, reply, { number: '', result: null, notFound: false }));

  // A read: it changes nothing and the query code is its own proof, so no CSRF token (an anonymous visitor may
  // have no csrf cookie yet). POST keeps the query code out of URLs, logs, history and the header's links.
  http.post('/case-status', { schema: { hide: true }, config: { csrf: false } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>;
    const number = typeof body.number === 'string' ? body.number.trim().toUpperCase().slice(0, 64) : '';
    const code = typeof body.queryCode === 'string' ? body.queryCode.trim().toUpperCase().slice(0, 64) : '';
    const view: CaseStatusView = { number, result: null, notFound: false };
    try {
      view.result = await lookUpCaseStatus(deps, number, code);
    } catch (e) {
      if (!isAppError(e) || e.code !== 'not_found') throw e;
      view.notFound = true;
    }
    return send(request, reply, view);
  });

  async function send(request: FastifyRequest, reply: FastifyReply, view: CaseStatusView): Promise<FastifyReply> {
    const prefs = resolvePreferences(request, reply, deps.config.isProduction);
    const env: ViewEnv = { lang: prefs.lang, elder: prefs.elder, m: messagesFor(prefs.lang), region: null, url: '/case-status', viewer: await viewerOf(ctx, request) };
    reply.header('cache-control', 'no-store');
    return renderPage(reply, <CaseStatusPage env={env} view={view} />, { status: view.notFound ? 404 : 200 });
  }
}
