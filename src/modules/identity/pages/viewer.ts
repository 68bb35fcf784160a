/** Who is looking at a page, for the header of every page (the portal's included). */
import type { FastifyRequest } from 'fastify';
import type { ModuleContext } from '../../../platform/context.js';
import { isAppError } from '../../../platform/errors.js';
import { FieldCrypto } from '../../../platform/crypto.js';
import type { IdentityDeps } from '../deps.js';
import { principalOf, type Principal } from '../principal.js';

const depsOfContext = new WeakMap<ModuleContext, IdentityDeps>();

/**
 * The signed-in account of a page request, or null. Pages go by the session cookie; a request whose
 * Bearer token does not verify is simply anonymous here (the API answers it with 401).
 */
export async function viewerOf(ctx: ModuleContext, request: FastifyRequest): Promise<Principal | null> {
  let deps = depsOfContext.get(ctx);
  if (!deps) {
    deps = { db: ctx.db, fields: new FieldCrypto(ctx.config.dataKey), logger: ctx.logger, config: ctx.config };
    depsOfContext.set(ctx, deps);
  }
  return pageViewer(deps, request);
}

export async function pageViewer(deps: IdentityDeps, request: FastifyRequest): Promise<Principal | null> {
  try {
    return await principalOf(deps, request);
  } catch (e) {
    if (isAppError(e) && e.code === 'unauthenticated') return null;
    throw e;
  }
}
