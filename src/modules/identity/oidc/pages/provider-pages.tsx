/**
 * The pages oidc-provider renders itself (inside its Koa context): the error page for requests that
 * must not be redirected (an unregistered redirect URI, an unknown client), the sign-out confirmation
 * and the signed-out page. Text in the visitor's language; nothing from the request is echoed but
 * the error code.
 */
import type { ErrorOut, KoaContextWithOIDC } from 'oidc-provider';
import { cspAllowingFormTargets, htmlOf, OidcPage, oidcView, preferencesOfCookieHeader } from './shell.js';

function viewOf(ctx: KoaContextWithOIDC) {
  return oidcView({ ...preferencesOfCookieHeader(ctx.get('cookie')), url: ctx.originalUrl.split('?')[0]! });
}

function send(ctx: KoaContextWithOIDC, html: string) {
  ctx.type = 'html';
  ctx.set('cache-control', 'no-store');
  ctx.body = html;
}

/** An OAuth error code is a short ASCII token; anything else is not shown. */
const ERROR_CODE = /^[a-z_]{1,64}$/;

export function renderOidcErrorPage(ctx: KoaContextWithOIDC, out: ErrorOut): void {
  const view = viewOf(ctx);
  const expired = out.error === 'invalid_request' && /interaction|session/i.test(out.error_description ?? '');
  const title = expired ? view.t.expiredTitle : view.t.errorTitle;
  send(
    ctx,
    htmlOf(
      <OidcPage view={view} title={title}>
        <h1>{title}</h1>
        <p class="lead">{expired ? view.t.expiredIntro : view.t.errorIntro}</p>
        {ERROR_CODE.test(out.error) ? (
          <p class="muted">
            {view.t.errorCode}
            {view.env.m.colon}
            <code>{out.error}</code>
          </p>
        ) : null}
        <p>
          <a href="/">{view.t.goHome}</a>
        </p>
      </OidcPage>,
    ),
  );
}

/** `form` is the provider's own form (its action and anti-CSRF field); the buttons submit it. */
export function renderLogoutConfirmPage(ctx: KoaContextWithOIDC, form: string): void {
  const view = viewOf(ctx);
  const client = ctx.oidc.client;
  const target = ctx.oidc.params?.post_logout_redirect_uri;
  const csp = cspAllowingFormTargets(String(ctx.response.get('content-security-policy') || ''), [typeof target === 'string' ? target : undefined]);
  if (csp) ctx.set('content-security-policy', csp);
  send(
    ctx,
    htmlOf(
      <OidcPage view={view} title={view.t.logoutTitle}>
        <h1>{view.t.logoutTitle}</h1>
        <p class="lead">{view.t.logoutIntro(client?.clientName ?? null)}</p>
        <div dangerouslySetInnerHTML={{ __html: form }} />
        <div class="form-actions">
          <button type="submit" form="op.logoutForm" name="logout" value="yes" class="button-primary">
            {view.t.logoutYes}
          </button>{' '}
          <button type="submit" form="op.logoutForm" class="button-secondary">
            {view.t.logoutNo}
          </button>
        </div>
      </OidcPage>,
    ),
  );
}

export function renderLoggedOutPage(ctx: KoaContextWithOIDC): void {
  const view = viewOf(ctx);
  send(
    ctx,
    htmlOf(
      <OidcPage view={view} title={view.t.loggedOutTitle}>
        <h1>{view.t.loggedOutTitle}</h1>
        <p class="lead">{view.t.loggedOutIntro}</p>
        <p>
          <a href="/">{view.t.goHome}</a>
        </p>
      </OidcPage>,
    ),
  );
}
