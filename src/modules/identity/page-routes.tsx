/**
 * The identity pages for people (登录、注册、我的账户 …): plain HTML forms that work without JavaScript, each
 * POST carrying the CSRF token (src/platform/http/csrf.ts). Handlers are thin: read the form, call an
 * action, then redirect (303, with a notice key) or render the form again with its problems. These pages are
 * personal and set the csrf cookie: they are never cached (Cache-Control: no-store, and no page-cache slot).
 */
import type { VNode } from 'preact';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HttpServer } from '../../platform/http/server.js';
import { AppError, isAppError } from '../../platform/errors.js';
import { isValidCitizenId, isValidUscc } from '../../platform/checksums.js';
import { csrfTokenFor } from '../../platform/http/csrf.js';
import { messagesFor, resolvePreferences, type Messages } from '../../web/i18n.js';
import type { ViewEnv } from '../../web/layout.js';
import { renderPage } from '../../web/render.js';
import type { IdentityDeps } from './deps.js';
import type { PersonPrincipal, Principal } from './principal.js';
import { clearSessionCookie, metaOf, setSessionCookie } from './routes.js';
import { passwordProblems, PASSWORD_MAX_LENGTH } from './passwords.js';
import { signIn } from './actions/sign-in.js';
import { registerPerson } from './actions/register-person.js';
import { revokeOwnSession } from './actions/revoke-session.js';
import { requestPhoneVerification } from './actions/request-phone-verification.js';
import { confirmPhoneVerification } from './actions/confirm-phone-verification.js';
import { verifyRealName } from './actions/verify-real-name.js';
import { bindCompany } from './actions/bind-company.js';
import { grantAgent } from './actions/grant-agent.js';
import { revokeAgentGrant } from './actions/revoke-agent-grant.js';
import { setActingAs } from './actions/set-acting-as.js';
import { requestPasswordReset } from './actions/request-password-reset.js';
import { resetPassword } from './actions/reset-password.js';
import type { FormProblem } from './pages/forms.js';
import { LoginPage, LogoutPage, type LoginView } from './pages/login.js';
import { RegisteredPage, RegisterPage, type RegisterValues } from './pages/register.js';
import { AccountPage } from './pages/account.js';
import { VerifyPhonePage } from './pages/verify-phone.js';
import { EmailPage, type EmailView } from './pages/email.js';
import { ChangePasswordPage } from './pages/change-password.js';
import { changePassword } from './actions/change-password.js';
import { setEmail } from './actions/set-email.js';
import { confirmEmail } from './actions/confirm-email.js';
import { RealNamePage, type CardFactor } from './pages/real-name.js';
import { SessionsPage } from './pages/sessions.js';
import { HistoryPage } from './pages/history.js';
import { CompaniesPage, type CompaniesView, type GrantValues } from './pages/companies.js';
import { PasswordResetPage, type ResetView } from './pages/password-reset.js';
import { companiesOf, companyNamesOf, liveSessionsOf, signInHistoryOf } from './pages/reads.js';
import { pageViewer } from './pages/viewer.js';
import { ConsentsSection, listConsents } from './oidc/index.js';

const HISTORY_PAGE_SIZE = 20;
const SESSION_ID = /^[0-9a-f]{64}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * Where to go after signing in: a path on this site only (`/…`, never `//host` or `/\host`, which
 * browsers treat as another site), else nothing.
 */
export function safeNext(value: unknown): string | null {
  if (typeof value !== 'string' || value.length > 500) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.includes('\\')) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(value)) return null;
  if (/^\/(login|logout)(\/|\?|$)/.test(value)) return null;
  return value;
}

type Form = Record<string, unknown>;

function formOf(request: FastifyRequest): Form {
  const body = request.body;
  return body && typeof body === 'object' && !Array.isArray(body) ? (body as Form) : {};
}

/** A text field of a form, trimmed (passwords: `raw`), '' when absent or not a single value; over-long values are cut. */
function text(form: Form, name: string, max = 200): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim().slice(0, max) : '';
}

function raw(form: Form, name: string, max = PASSWORD_MAX_LENGTH): string | null {
  const value = form[name];
  if (typeof value !== 'string') return '';
  return value.length > max ? null : value;
}

/** The messages shown after a redirect (…?notice=key): a fixed set, so nothing from the URL is echoed. */
function noticeOf(request: FastifyRequest, m: Messages): string | null {
  const key = (request.query as Record<string, unknown> | undefined)?.notice;
  const t = m.identity;
  const notices: Record<string, string> = {
    'signed-out': t.login.signedOut,
    'code-sent': t.verifyPhone.sent,
    'email-code-sent': t.email.sent,
    'email-verified': t.email.done,
    'password-changed': t.changePassword.done,
    'phone-verified': t.verifyPhone.done,
    'real-name': t.realName.done,
    revoked: t.sessions.revoked,
    bound: t.companies.bound,
    switched: t.companies.switched,
    granted: t.companies.granted,
    'agent-revoked': t.companies.revoked,
  };
  return typeof key === 'string' ? (notices[key] ?? null) : null;
}

/** Field errors the actions give, in the visitor's language where we know the code; else the action's own (bilingual) text. */
function localized(m: Messages, code: string, fallback: string): string {
  const t = m.identity;
  const known: Record<string, string> = {
    invalid_id_number: t.register.invalidIdNumber,
    invalid_code: t.verifyPhone.invalid,
    real_name_mismatch: t.realName.failed,
    invalid_uscc: t.companies.invalidUscc,
  };
  return known[code] ?? fallback;
}

/**
 * An action's error as the problems of a form: field errors point at the input `fieldIds` maps them to,
 * anything else is a problem of the whole form. Errors that are no problem of the form are rethrown.
 */
function problemsOf(e: unknown, m: Messages, fieldIds: Record<string, string>): { status: number; problems: FormProblem[]; headers: Record<string, string> } {
  if (!isAppError(e) || e.status >= 500 || e.code === 'unauthenticated' || e.code === 'not_found' || e.code === 'csrf_failed') throw e;
  const problems: FormProblem[] = (e.errors ?? []).map((f) => ({ field: fieldIds[f.field] ?? null, message: localized(m, f.code, f.message) }));
  if (problems.length === 0) problems.push({ field: null, message: e.message });
  return { status: e.status, problems, headers: e.headers ?? {} };
}

export function registerIdentityPages(http: HttpServer, deps: IdentityDeps): void {
  const hidden = { schema: { hide: true } };

  function envOf(request: FastifyRequest, reply: FastifyReply, viewer: Principal | null): ViewEnv {
    const prefs = resolvePreferences(request, reply, deps.config.isProduction);
    return { lang: prefs.lang, elder: prefs.elder, m: messagesFor(prefs.lang), region: null, url: request.url, viewer, csrfToken: csrfTokenFor(request, reply) };
  }

  function send(reply: FastifyReply, page: VNode, status = 200, headers: Record<string, string> = {}): FastifyReply {
    for (const [name, value] of Object.entries(headers)) reply.header(name, value);
    reply.header('cache-control', 'no-store');
    return renderPage(reply, page, { status });
  }

  /** The signed-in viewer; a GET without one is sent to sign in and back (null: the reply is sent). */
  async function signedIn(request: FastifyRequest, reply: FastifyReply): Promise<Principal | null> {
    const viewer = await pageViewer(deps, request);
    if (viewer) return viewer;
    if (request.method !== 'GET') throw new AppError('unauthenticated', { message: '请先登录。Please sign in.' });
    void reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
    return null;
  }

  function personOnly(viewer: Principal): PersonPrincipal {
    if (viewer.account.kind !== 'person') throw new AppError('forbidden', { message: '此功能仅面向个人和企业用户。This is for citizens and businesses.' });
    return viewer as PersonPrincipal;
  }

  // Every form's action URL, fetched with GET (a bookmark, the error page's "go back"), leads to its form.
  const formPages: [action: string, page: string][] = [
    ['/account/verify-phone/send', '/account/verify-phone'],
    ['/account/email/confirm', '/account/email'],
    ['/account/sessions/revoke', '/account/sessions'],
    ['/account/companies/bind', '/account/companies'],
    ['/account/acting-as', '/account/companies'],
    ['/account/companies/agents', '/account/companies'],
    ['/account/companies/agents/revoke', '/account/companies'],
    ['/password-reset/confirm', '/password-reset'],
  ];
  for (const [action, page] of formPages) http.get(action, hidden, async (_request, reply) => reply.redirect(page, 303));

  // ── 登录 / 退出 ────────────────────────────────────────────────────────────────────────────────

  const loginPage = (env: ViewEnv, view: LoginView) => <LoginPage env={env} view={view} />;

  http.get('/login', hidden, async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>).next);
    const viewer = await pageViewer(deps, request);
    if (viewer) return reply.redirect(next ?? '/account', 303);
    const env = envOf(request, reply, null);
    return send(reply, loginPage(env, { step: 'password', next, notice: noticeOf(request, env.m) }));
  });

  http.post('/login', hidden, async (request, reply) => {
    const form = formOf(request);
    const next = safeNext(form.next);
    const env = envOf(request, reply, null);
    const t = env.m.identity.login;
    const challenge = text(form, 'challenge', 100);
    const username = text(form, 'username', 64);
    try {
      const password = raw(form, 'password');
      if (!challenge && (password === null || typeof form.username !== 'string' || form.username.length > 64)) {
        throw new AppError('invalid_credentials');
      }
      const result = challenge
        ? await signIn(deps, { challenge, totp: text(form, 'totp', 10) }, metaOf(request))
        : await signIn(deps, { username, password: password ?? '' }, metaOf(request));
      if (result.status === 'totp_required') return send(reply, loginPage(env, { step: 'totp', challenge: result.challenge, next }));
      setSessionCookie(reply, deps.config, result.token);
      return reply.redirect(next ?? '/account', 303);
    } catch (e) {
      if (!isAppError(e)) throw e;
      if (e.code === 'totp_invalid') return send(reply, loginPage(env, { step: 'totp', challenge, next, error: t.totpInvalid }), e.status);
      if (e.code === 'rate_limited') {
        const wait = e.headers?.['retry-after'] ?? '60';
        const step = challenge ? 'totp' : 'password';
        return send(reply, loginPage(env, { step, challenge, username, next, error: t.rateLimited(wait) }), 429, { 'retry-after': wait });
      }
      if (e.code === 'invalid_credentials' || e.code === 'validation_failed') {
        return send(reply, loginPage(env, { step: 'password', username: challenge ? undefined : username, next, error: challenge ? e.message : t.invalid }), 401);
      }
      throw e;
    }
  });

  http.get('/logout', hidden, async (request, reply) => {
    const viewer = await pageViewer(deps, request);
    if (!viewer) return reply.redirect('/', 303);
    return send(reply, <LogoutPage env={envOf(request, reply, viewer)} />);
  });

  http.post('/logout', hidden, async (request, reply) => {
    const viewer = await pageViewer(deps, request);
    if (viewer?.sessionId) await revokeOwnSession(deps, { account: viewer.account, sessionId: viewer.sessionId, reason: 'sign_out' }, metaOf(request));
    clearSessionCookie(reply, deps.config);
    return reply.redirect('/login?notice=signed-out', 303);
  });

  // ── 注册 ──────────────────────────────────────────────────────────────────────────────────────

  http.get('/register', hidden, async (request, reply) => {
    const env = envOf(request, reply, await pageViewer(deps, request));
    return send(reply, <RegisterPage env={env} />);
  });

  http.post('/register', hidden, async (request, reply) => {
    const form = formOf(request);
    const env = envOf(request, reply, await pageViewer(deps, request));
    const t = env.m.identity.register;
    const values: RegisterValues = { name: text(form, 'name', 50), idNumber: text(form, 'idNumber', 18).toUpperCase(), phone: text(form, 'phone', 11) };
    const password = raw(form, 'password') ?? '';
    const problems: FormProblem[] = [];
    if (!values.name) problems.push({ field: 'name', message: t.nameRequired });
    if (!isValidCitizenId(values.idNumber)) problems.push({ field: 'idNumber', message: t.invalidIdNumber });
    if (!/^1\d{10}$/.test(values.phone)) problems.push({ field: 'phone', message: t.invalidPhone });
    if (problems.length > 0) {
      problems.push(...passwordProblems(password).map((p) => ({ field: 'password', message: p.message })));
      return send(reply, <RegisterPage env={env} values={values} problems={problems} />, 400);
    }
    try {
      await registerPerson(deps, { ...values, password }, metaOf(request));
    } catch (e) {
      const failed = problemsOf(e, env.m, { 'body.name': 'name', 'body.idNumber': 'idNumber', 'body.phone': 'phone', 'body.password': 'password' });
      return send(reply, <RegisterPage env={env} values={values} problems={failed.problems} />, failed.status, failed.headers);
    }
    return send(reply, <RegisteredPage env={env} />, 201);
  });

  // ── 我的账户 ──────────────────────────────────────────────────────────────────────────────────

  http.get('/account', hidden, async (request, reply) => {
    const viewer = await signedIn(request, reply);
    if (!viewer) return reply;
    const env = envOf(request, reply, viewer);
    const consents = await listConsents(deps, viewer.account);
    const companyNames = viewer.account.kind === 'person' ? await companyNamesOf(deps, viewer.account.personId) : {};
    const query = request.query as Record<string, unknown>;
    const notice = query.consent === 'revoked' ? env.m.identity.account.consentRevoked : noticeOf(request, env.m);
    const section = <ConsentsSection lang={env.lang} consents={consents} csrfToken={env.csrfToken!} companyNames={companyNames} />;
    return send(reply, <AccountPage env={env} principal={viewer} notice={notice} extra={section} />);
  });

  http.get('/account/verify-phone', hidden, async (request, reply) => {
    const viewer = await signedIn(request, reply);
    if (!viewer) return reply;
    const person = personOnly(viewer);
    const env = envOf(request, reply, person);
    return send(reply, <VerifyPhonePage env={env} phoneMasked={person.phoneMasked ?? ''} verified={person.level >= 1} notice={noticeOf(request, env.m)} />);
  });

  http.post('/account/verify-phone/send', hidden, async (request, reply) => {
    const person = personOnly((await signedIn(request, reply))!);
    try {
      await requestPhoneVerification(deps, person.account.personId, metaOf(request));
    } catch (e) {
      if (isAppError(e) && e.code === 'conflict') return reply.redirect('/account/verify-phone', 303);
      const env = envOf(request, reply, person);
      const failed = problemsOf(e, env.m, {});
      return send(reply, <VerifyPhonePage env={env} phoneMasked={person.phoneMasked ?? ''} verified={false} problems={failed.problems} />, failed.status, failed.headers);
    }
    return reply.redirect('/account/verify-phone?notice=code-sent', 303);
  });

  http.post('/account/verify-phone', hidden, async (request, reply) => {
    const person = personOnly((await signedIn(request, reply))!);
    const form = formOf(request);
    try {
      await confirmPhoneVerification(deps, person.account.personId, text(form, 'code', 10), metaOf(request));
    } catch (e) {
      const env = envOf(request, reply, person);
      const failed = problemsOf(e, env.m, { 'body.code': 'code' });
      return send(reply, <VerifyPhonePage env={env} phoneMasked={person.phoneMasked ?? ''} verified={false} problems={failed.problems} />, failed.status, failed.headers);
    }
    return reply.redirect('/account?notice=phone-verified', 303);
  });

  http.get('/account/password', hidden, async (request, reply) => {
    const viewer = await signedIn(request, reply);
    if (!viewer) return reply;
    return send(reply, <ChangePasswordPage env={envOf(request, reply, viewer)} />);
  });

  http.post('/account/password', hidden, async (request, reply) => {
    const viewer = (await signedIn(request, reply))!;
    const form = formOf(request);
    try {
      await changePassword(
        deps,
        { account: viewer.account, sessionId: viewer.sessionId!, currentPassword: raw(form, 'currentPassword') ?? '', newPassword: raw(form, 'newPassword') ?? '' },
        metaOf(request),
      );
    } catch (e) {
      const env = envOf(request, reply, viewer);
      const failed = problemsOf(e, env.m, { 'body.currentPassword': 'currentPassword', 'body.newPassword': 'newPassword' });
      return send(reply, <ChangePasswordPage env={env} problems={failed.problems} />, failed.status, failed.headers);
    }
    return reply.redirect('/account?notice=password-changed', 303);
  });

  const emailPage = (env: ViewEnv, person: PersonPrincipal, view: Omit<EmailView, 'email'>) => <EmailPage env={env} view={{ ...view, email: person.email }} />;

  http.get('/account/email', hidden, async (request, reply) => {
    const viewer = await signedIn(request, reply);
    if (!viewer) return reply;
    const person = personOnly(viewer);
    const env = envOf(request, reply, person);
    return send(reply, emailPage(env, person, { notice: noticeOf(request, env.m) }));
  });

  http.post('/account/email', hidden, async (request, reply) => {
    const person = personOnly((await signedIn(request, reply))!);
    const address = text(formOf(request), 'email', 254);
    try {
      await setEmail(deps, person.account.personId, address, metaOf(request));
    } catch (e) {
      const env = envOf(request, reply, person);
      const failed = problemsOf(e, env.m, { 'body.email': 'email' });
      return send(reply, emailPage(env, person, { problems: failed.problems, address }), failed.status, failed.headers);
    }
    return reply.redirect('/account/email?notice=email-code-sent', 303);
  });

  http.post('/account/email/confirm', hidden, async (request, reply) => {
    const person = personOnly((await signedIn(request, reply))!);
    try {
      await confirmEmail(deps, person.account.personId, text(formOf(request), 'code', 10), metaOf(request));
    } catch (e) {
      const env = envOf(request, reply, person);
      const failed = problemsOf(e, env.m, { 'body.code': 'code' });
      return send(reply, emailPage(env, person, { problems: failed.problems }), failed.status, failed.headers);
    }
    return reply.redirect('/account?notice=email-verified', 303);
  });

  http.get('/account/real-name', hidden, async (request, reply) => {
    const viewer = await signedIn(request, reply);
    if (!viewer) return reply;
    const person = personOnly(viewer);
    return send(reply, <RealNamePage env={envOf(request, reply, person)} level={person.level} />);
  });

  http.post('/account/real-name', hidden, async (request, reply) => {
    const person = personOnly((await signedIn(request, reply))!);
    const form = formOf(request);
    const factor: CardFactor = form.factor === 'socialSecurityCard' ? 'socialSecurityCard' : 'bankCard';
    const number = text(form, 'number', 40).replace(/[\s-]/g, '');
    const env = envOf(request, reply, person);
    if (!/^\d{6,32}$/.test(number)) {
      const problems = [{ field: 'number', message: env.m.identity.realName.numberHint }];
      return send(reply, <RealNamePage env={env} level={person.level} factor={factor} problems={problems} />, 400);
    }
    try {
      await verifyRealName(deps, person.account.personId, { [factor]: number }, metaOf(request));
    } catch (e) {
      const failed = problemsOf(e, env.m, {});
      if (isAppError(e) && e.code === 'level_too_low') failed.problems = [{ field: null, message: env.m.identity.realName.needPhone }];
      return send(reply, <RealNamePage env={env} level={person.level} factor={factor} problems={failed.problems} />, failed.status, failed.headers);
    }
    return reply.redirect('/account?notice=real-name', 303);
  });

  // ── 登录设备 / 登录记录 ────────────────────────────────────────────────────────────────────────

  http.get('/account/sessions', hidden, async (request, reply) => {
    const viewer = await signedIn(request, reply);
    if (!viewer) return reply;
    const env = envOf(request, reply, viewer);
    const sessions = (await liveSessionsOf(deps, viewer.account)).map((s) => ({ ...s, current: s.id === viewer.sessionId }));
    return send(reply, <SessionsPage env={env} sessions={sessions} notice={noticeOf(request, env.m)} />);
  });

  http.post('/account/sessions/revoke', hidden, async (request, reply) => {
    const viewer = (await signedIn(request, reply))!;
    const id = text(formOf(request), 'id', 64);
    // Not a session id of this account: "not found", as for any other account's session.
    if (!SESSION_ID.test(id)) throw new AppError('not_found', { message: '会话不存在。Session not found.' });
    await revokeOwnSession(deps, { account: viewer.account, sessionId: id, reason: 'revoke' }, metaOf(request));
    if (id === viewer.sessionId) {
      clearSessionCookie(reply, deps.config);
      return reply.redirect('/login?notice=signed-out', 303);
    }
    return reply.redirect('/account/sessions?notice=revoked', 303);
  });

  http.get('/account/history', hidden, async (request, reply) => {
    const viewer = await signedIn(request, reply);
    if (!viewer) return reply;
    const requested = Number((request.query as Record<string, unknown>).page ?? 1);
    const page = Number.isInteger(requested) && requested >= 1 && requested <= 10_000 ? requested : 1;
    const { total, items } = await signInHistoryOf(deps, viewer.account, page, HISTORY_PAGE_SIZE);
    return send(reply, <HistoryPage env={envOf(request, reply, viewer)} history={{ page, pageSize: HISTORY_PAGE_SIZE, total, items }} />);
  });

  // ── 企业与授权 ────────────────────────────────────────────────────────────────────────────────

  async function companiesPage(request: FastifyRequest, reply: FastifyReply, person: PersonPrincipal, extra: Partial<CompaniesView> = {}, status = 200, headers: Record<string, string> = {}) {
    // Re-read the viewer: a switch of the acting identity shows at once in the banner.
    const viewer = ((await pageViewer(deps, request)) ?? person) as PersonPrincipal;
    const env = envOf(request, reply, viewer);
    const { actable, represented } = await companiesOf(deps, viewer.account.personId);
    const view: CompaniesView = { actable, represented, actingAs: viewer.actingAs, notice: noticeOf(request, env.m), ...extra };
    return send(reply, <CompaniesPage env={env} view={view} />, status, headers);
  }

  http.get('/account/companies', hidden, async (request, reply) => {
    const viewer = await signedIn(request, reply);
    if (!viewer) return reply;
    return companiesPage(request, reply, personOnly(viewer));
  });

  http.post('/account/companies/bind', hidden, async (request, reply) => {
    const person = personOnly((await signedIn(request, reply))!);
    const uscc = text(formOf(request), 'uscc', 18).toUpperCase();
    const m = messagesFor(resolvePreferences(request, reply, deps.config.isProduction).lang);
    if (!isValidUscc(uscc)) return companiesPage(request, reply, person, { bind: { uscc, problems: [{ field: 'uscc', message: m.identity.companies.invalidUscc }] } }, 400);
    try {
      await bindCompany(deps, person.account.personId, { uscc }, metaOf(request));
    } catch (e) {
      const failed = problemsOf(e, m, { 'body.uscc': 'uscc' });
      return companiesPage(request, reply, person, { bind: { uscc, problems: failed.problems } }, failed.status, failed.headers);
    }
    return reply.redirect('/account/companies?notice=bound', 303);
  });

  http.post('/account/acting-as', hidden, async (request, reply) => {
    const person = personOnly((await signedIn(request, reply))!);
    if (!person.sessionId) throw new AppError('unauthenticated', { message: '请先登录。Please sign in.' });
    const uscc = text(formOf(request), 'uscc', 18).toUpperCase();
    await setActingAs(deps, { personId: person.account.personId, sessionId: person.sessionId, uscc: uscc || null }, metaOf(request));
    return reply.redirect('/account/companies?notice=switched', 303);
  });

  http.post('/account/companies/agents', hidden, async (request, reply) => {
    const person = personOnly((await signedIn(request, reply))!);
    const form = formOf(request);
    const uscc = text(form, 'uscc', 18).toUpperCase();
    const values: GrantValues = {
      agentName: text(form, 'agentName', 50),
      agentIdNumber: text(form, 'agentIdNumber', 18).toUpperCase(),
      scope: form.scope === 'items' ? 'items' : 'all',
      items: text(form, 'items', 4000),
      validUntil: text(form, 'validUntil', 10),
    };
    const m = messagesFor(resolvePreferences(request, reply, deps.config.isProduction).lang);
    const { represented } = await companiesOf(deps, person.account.personId);
    const index = represented.findIndex((c) => c.uscc === uscc);
    if (index < 0) throw new AppError('not_found', { message: '未找到您作为法定代表人的该企业。No company of yours with this code.' });
    const id = (name: string) => `g${index}-${name}`;
    const itemCodes = values.scope === 'items' ? values.items.split(/[\s,，、;；]+/).filter(Boolean) : undefined;
    const problems: FormProblem[] = [];
    if (!values.agentName) problems.push({ field: id('agentName'), message: m.identity.register.nameRequired });
    if (values.scope === 'items' && !itemCodes?.length) problems.push({ field: id('items'), message: m.identity.companies.itemsHint });
    if (problems.length > 0) return companiesPage(request, reply, person, { grant: { uscc, values, problems } }, 400);
    try {
      await grantAgent(deps, person.account.personId, uscc, { agentName: values.agentName, agentIdNumber: values.agentIdNumber, itemCodes, validUntil: values.validUntil }, metaOf(request));
    } catch (e) {
      const failed = problemsOf(e, m, {
        'body.agentName': id('agentName'),
        'body.agentIdNumber': id('agentIdNumber'),
        'body.itemCodes': id('items'),
        'body.validUntil': id('validUntil'),
      });
      return companiesPage(request, reply, person, { grant: { uscc, values, problems: failed.problems } }, failed.status, failed.headers);
    }
    return reply.redirect('/account/companies?notice=granted', 303);
  });

  http.post('/account/companies/agents/revoke', hidden, async (request, reply) => {
    const person = personOnly((await signedIn(request, reply))!);
    const form = formOf(request);
    const grantId = text(form, 'grantId', 36);
    if (!UUID.test(grantId)) throw new AppError('not_found', { message: '授权不存在或已撤销。No such live grant.' });
    await revokeAgentGrant(deps, person.account.personId, text(form, 'uscc', 18).toUpperCase(), grantId, metaOf(request));
    return reply.redirect('/account/companies?notice=agent-revoked', 303);
  });

  // ── 找回密码 ──────────────────────────────────────────────────────────────────────────────────

  const resetPage = (env: ViewEnv, view: ResetView) => <PasswordResetPage env={env} view={view} />;

  http.get('/password-reset', hidden, async (request, reply) => {
    const env = envOf(request, reply, await pageViewer(deps, request));
    return send(reply, resetPage(env, { step: 'request' }));
  });

  http.post('/password-reset', hidden, async (request, reply) => {
    const form = formOf(request);
    const env = envOf(request, reply, await pageViewer(deps, request));
    const t = env.m.identity.register;
    const idNumber = text(form, 'idNumber', 18).toUpperCase();
    const phone = text(form, 'phone', 11);
    const email = text(form, 'email', 254);
    const problems: FormProblem[] = [];
    if (!isValidCitizenId(idNumber)) problems.push({ field: 'idNumber', message: t.invalidIdNumber });
    if (!phone && !email) problems.push({ field: 'phone', message: env.m.identity.reset.needContact });
    if (phone && !/^1\d{10}$/.test(phone)) problems.push({ field: 'phone', message: t.invalidPhone });
    if (problems.length > 0) return send(reply, resetPage(env, { step: 'request', idNumber, phone, email, problems }), 400);
    await requestPasswordReset(deps, phone ? { idNumber, phone } : { idNumber, email }, metaOf(request));
    return send(reply, resetPage(env, { step: 'confirm', idNumber, notice: env.m.identity.reset.sent }));
  });

  http.post('/password-reset/confirm', hidden, async (request, reply) => {
    const form = formOf(request);
    const env = envOf(request, reply, await pageViewer(deps, request));
    const idNumber = text(form, 'idNumber', 18).toUpperCase();
    if (!isValidCitizenId(idNumber)) return send(reply, resetPage(env, { step: 'request', problems: [{ field: 'idNumber', message: env.m.identity.register.invalidIdNumber }] }), 400);
    try {
      await resetPassword(deps, { idNumber, code: text(form, 'code', 10), password: raw(form, 'password') ?? '' }, metaOf(request));
    } catch (e) {
      const failed = problemsOf(e, env.m, { 'body.code': 'code', 'body.password': 'password' });
      return send(reply, resetPage(env, { step: 'confirm', idNumber, problems: failed.problems }), failed.status, failed.headers);
    }
    return send(reply, resetPage(env, { step: 'done' }));
  });
}
