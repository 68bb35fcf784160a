/**
 * Public face of the identity module (统一认证): natural-person accounts, passwords, sessions, the
 * notification outbox. Other modules, the CLI and the composition root import only this file.
 */
import type { HttpServer } from '../../platform/http/server.js';
import type { ModuleContext } from '../../platform/context.js';
import { FieldCrypto } from '../../platform/crypto.js';
import { registerIdentityRoutes } from './routes.js';

export async function registerIdentity(http: HttpServer, ctx: ModuleContext): Promise<void> {
  await registerIdentityRoutes(http, { db: ctx.db, fields: new FieldCrypto(ctx.config.dataKey), logger: ctx.logger }, ctx.config);
}
