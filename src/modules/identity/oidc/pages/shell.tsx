/** What every single-sign-on page shares: the site layout, the language, and a CSP that lets the flow finish. */
import type { ComponentChildren, VNode } from 'preact';
import { render } from 'preact-render-to-string';
import { isLang, messagesFor, type Lang } from '../../../../web/i18n.js';
import { Layout, type ViewEnv, type Viewer } from '../../../../web/layout.js';
import { oidcMessages, type OidcMessages } from './messages.js';

export interface OidcView {
  env: ViewEnv;
  t: OidcMessages;
}

export function oidcView(options: { lang: Lang; elder: boolean; url: string; viewer?: Viewer | null; csrfToken?: string }): OidcView {
  const env: ViewEnv = {
    lang: options.lang,
    elder: options.elder,
    m: messagesFor(options.lang),
    region: null,
    url: options.url,
    ...(options.viewer ? { viewer: options.viewer } : {}),
    ...(options.csrfToken ? { csrfToken: options.csrfToken } : {}),
  };
  return { env, t: oidcMessages(options.lang) };
}

/** The language and elder mode from a raw Cookie header (pages rendered inside oidc-provider see no parsed cookies). */
export function preferencesOfCookieHeader(header: string | undefined): { lang: Lang; elder: boolean } {
  const cookies = new Map((header ?? '').split(';').map((part) => part.trim().split('=') as [string, string]));
  const lang = cookies.get('lang');
  return { lang: isLang(lang) ? lang : 'zh-CN', elder: cookies.get('elder') === '1' };
}

export function OidcPage({ view, title, children }: { view: OidcView; title: string; children: ComponentChildren }) {
  return (
    <Layout env={view.env} title={title} section="none" hideHeaderSearch>
      <div class="form-page">{children}</div>
    </Layout>
  );
}

export function htmlOf(page: VNode): string {
  return `<!doctype html>${render(page)}`;
}

/**
 * The CSP with `form-action` widened to the origins a form on this page ends up at: after a sign-in or
 * consent form, the provider redirects to the client's redirect URI, and browsers check form-action
 * on every redirect that follows a form submission.
 */
export function cspAllowingFormTargets(csp: string | undefined, urls: (string | undefined)[]): string | undefined {
  if (!csp) return csp;
  const origins = [...new Set(urls.flatMap((url) => originOf(url)))];
  if (origins.length === 0) return csp;
  return csp
    .split(';')
    .map((directive) => (directive.trim().startsWith('form-action') ? `${directive.trim()} ${origins.join(' ')}` : directive.trim()))
    .join(';');
}

function originOf(url: string | undefined): string[] {
  if (!url) return [];
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? [parsed.origin] : [];
  } catch {
    return [];
  }
}
