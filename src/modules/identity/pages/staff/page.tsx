/** What the staff pages share: the signed-in staff member, the view environment, forms' values and problems. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { VNode } from 'preact';
import type { Config } from '../../../../platform/config.js';
import { AppError, isAppError } from '../../../../platform/errors.js';
import { csrfTokenFor } from '../../../../platform/http/csrf.js';
import { messagesFor, resolvePreferences, type Lang, type Messages } from '../../../../web/i18n.js';
import type { ViewEnv } from '../../../../web/layout.js';
import { renderPage } from '../../../../web/render.js';
import type { IdentityDeps } from '../../deps.js';
import { listRoles, type Role } from '../../staff.repository.js';
import type { StaffActor } from '../../staff-permissions.js';
import { staffActorOf } from '../../staff-routes.js';
import type { FormProblem } from '../forms.js';

export type PageActor = StaffActor & { name: string; agencyName: string };

export interface StaffPageInput {
  actor: PageActor;
  env: ViewEnv;
  m: Messages;
  csrf: string;
}

/**
 * The staff member of a page request holding one of `roles`, with the page's environment; a visitor
 * who is not signed in is sent to sign in (and back here) instead.
 */
export async function staffPageInput(
  deps: IdentityDeps,
  config: Config,
  request: FastifyRequest,
  reply: FastifyReply,
  roles: string[],
): Promise<StaffPageInput | null> {
  let actor: PageActor;
  try {
    actor = await staffActorOf(deps, request, ...roles);
  } catch (e) {
    if (isAppError(e) && e.code === 'unauthenticated' && request.method === 'GET') {
      void reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      return null;
    }
    throw e;
  }
  const prefs = resolvePreferences(request, reply, config.isProduction);
  const m = messagesFor(prefs.lang);
  const csrf = csrfTokenFor(request, reply);
  const env: ViewEnv = { lang: prefs.lang, elder: prefs.elder, m, region: null, url: request.url, viewer: { name: actor.name, actingAs: null }, csrfToken: csrf };
  return { actor, env, m, csrf };
}

/** Staff pages are personal and may show secrets once: never stored by any cache. */
export function sendStaffPage(reply: FastifyReply, page: VNode, status = 200): FastifyReply {
  reply.header('cache-control', 'no-store');
  return renderPage(reply, page, { status });
}

export function roleLabel(roles: Role[], code: string, lang: Lang): string {
  const role = roles.find((r) => r.code === code);
  if (!role) return code;
  return lang === 'en' ? role.nameEn : role.nameZh;
}

export const loadRoles = (deps: IdentityDeps) => listRoles(deps.db);

/** A form field's values as a list (a checkbox group posts none, one or several). */
export function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' ? [value] : [];
}

export function stringOf(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

/**
 * An action's error as problems of a form: field errors ('body.loginName') point at the input with
 * the id `fieldIds` maps them to; anything else is a problem of the whole form. Not an AppError: rethrown.
 */
export function problemsOf(e: unknown, fieldIds: Record<string, string>): { status: number; problems: FormProblem[] } {
  if (!isAppError(e) || e.status >= 500 || e.code === 'unauthenticated') throw e;
  const problems: FormProblem[] = (e.errors ?? []).map((f) => ({ field: fieldIds[f.field] ?? null, message: f.message }));
  if (problems.length === 0) problems.push({ field: null, message: e.message });
  return { status: e.status, problems };
}

export function invalidForm(field: string, message: string): AppError {
  return new AppError('validation_failed', { message, errors: [{ field, code: 'invalid', message }] });
}
