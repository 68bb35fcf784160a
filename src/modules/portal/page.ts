import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { ModuleContext } from '../../platform/context.js';
import { AppError } from '../../platform/errors.js';
import { DEFAULT_REGION, forgetRegion, messagesFor, resolvePreferences, type Lang, type Preferences } from '../../web/i18n.js';
import type { ViewEnv } from '../../web/layout.js';
import { pageCacheKey } from '../../platform/page-cache.js';
import { renderPage } from '../../web/render.js';
import { csrfTokenFor } from '../../platform/http/csrf.js';
import { viewerOf } from '../identity/index.js';
import { codes, findJurisdiction, type CodeEntry, type Jurisdiction } from './reads.js';

/** Cookies that only carry display preferences; any other cookie (a session) makes the visit personal. */
const PREFERENCE_COOKIES = new Set(['lang', 'elder', 'region']);

/** What a page handler gets: the visitor's preferences, the current jurisdiction and code-list labels. */
export interface PageInput {
  request: FastifyRequest;
  env: ViewEnv;
  prefs: Preferences;
  region: Jurisdiction;
  labels: Labels;
}

/** Code-list labels in the visitor's language, loaded on demand for one render. */
export interface Labels {
  load(...lists: string[]): Promise<void>;
  entries(list: string): CodeEntry[];
  of(list: string, code: string): string;
}

function labelsFor(ctx: ModuleContext, lang: Lang): Labels {
  const loaded = new Map<string, CodeEntry[]>();
  return {
    async load(...lists) {
      for (const list of lists) if (!loaded.has(list)) loaded.set(list, await codes(ctx.db, list));
    },
    entries: (list) => loaded.get(list) ?? [],
    of(list, code) {
      const entry = loaded.get(list)?.find((e) => e.code === code);
      if (!entry) return code;
      return lang === 'en' ? entry.en : entry.zh;
    },
  };
}

function isAnonymous(request: FastifyRequest): boolean {
  return Object.keys(request.cookies ?? {}).every((name) => PREFERENCE_COOKIES.has(name));
}

/**
 * Wrap a page handler: resolve the preferences, build the page and keep it when the visit is
 * anonymous and the response sets no cookie. Such a page depends on nothing but the URL and the
 * preference cookies, both in its cache key; the HTTP layer answers the next request with the same
 * key from the cache before it reaches this handler.
 */
export function portalPage(ctx: ModuleContext, build: (input: PageInput) => Promise<VNode>) {
  return async (request: FastifyRequest, reply: FastifyReply) => {
    const prefs = resolvePreferences(request, reply, ctx.config.isProduction);
    let cacheable = !prefs.changed && isAnonymous(request);
    let region = await findJurisdiction(ctx.db, prefs.region);
    if (!region) {
      forgetRegion(reply);
      cacheable = false;
      prefs.region = DEFAULT_REGION;
      region = await findJurisdiction(ctx.db, DEFAULT_REGION);
      if (!region) throw new AppError('unavailable', { message: `The jurisdictions are not loaded yet (no ${DEFAULT_REGION}); run onestop import divisions.` });
    }
    // A visitor with a session sees their name, sign-out and acting identity; such a page is never cached.
    const viewer = cacheable ? null : await viewerOf(ctx, request);
    const env: ViewEnv = {
      lang: prefs.lang,
      elder: prefs.elder,
      m: messagesFor(prefs.lang),
      region: { code: region.code, name: region.name },
      url: request.url,
      viewer,
      ...(viewer ? { csrfToken: csrfTokenFor(request, reply) } : {}),
    };
    const view = await build({ request, env, prefs, region, labels: labelsFor(ctx, prefs.lang) });
    return renderPage(reply, view, cacheable ? { cache: { pageCache: ctx.pageCache, key: pageCacheKey(request.raw) } } : {});
  };
}
