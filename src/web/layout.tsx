import type { ComponentChildren } from 'preact';
import type { Lang, Messages } from './i18n.js';
import { hrefWith, withoutPreferenceParams } from './url.js';
import { SearchForm } from './components.js';

/** What every page view knows about the request it is rendered for. */
export interface ViewEnv {
  lang: Lang;
  elder: boolean;
  m: Messages;
  /** The jurisdiction listings are scoped to; null when unknown (error pages render without a database). */
  region: { code: string; name: string } | null;
  /** Path and query of this page, for the preference switches. */
  url: string;
  /** The signed-in account, when there is one (never on cached anonymous pages). */
  viewer?: Viewer | null;
  /** The CSRF token for the header's sign-out form; given with a viewer. */
  csrfToken?: string;
}

/** What the header shows about the signed-in account (a subset of identity's Principal). */
export interface Viewer {
  name: string;
  actingAs: { uscc: string; name: string; role: 'representative' | 'agent' } | null;
}

/** Pages after which signing in should not come back (the sign-in flow itself). */
const NO_RETURN = /^\/(login|logout|register|password-reset)(\/|\?|$)/;

/** The header's account links: sign in / register, or the account and a sign-out button. */
function AccountLinks({ env, here }: { env: ViewEnv; here: string }) {
  const { m, viewer } = env;
  if (!viewer) {
    const next = NO_RETURN.test(here) || here === '/' ? '' : `?next=${encodeURIComponent(here)}`;
    return (
      <ul class="account-links">
        <li>
          <a href={`/login${next}`}>{m.identity.signIn}</a>
        </li>
        <li>
          <a href="/register">{m.identity.signUp}</a>
        </li>
      </ul>
    );
  }
  return (
    <ul class="account-links">
      <li>
        <a href="/account">
          <span class="account-name">{viewer.name}</span>
          <span class="visually-hidden">{m.colon}</span> {m.identity.myAccount}
        </a>
      </li>
      {env.csrfToken ? (
        <li>
          <form method="post" action="/logout" class="inline-form">
            <input type="hidden" name="_csrf" value={env.csrfToken} />
            <button type="submit" class="link-button">
              {m.identity.signOut}
            </button>
          </form>
        </li>
      ) : null}
    </ul>
  );
}

/** "The portal says so at all times": while a person acts for a company, every page shows it. */
function ActingAsBanner({ env }: { env: ViewEnv }) {
  const acting = env.viewer?.actingAs;
  if (!acting) return null;
  const { m } = env;
  return (
    <section class="acting-banner" aria-label={m.identity.actingAsLabel}>
      <div class="container">
        <p>
          <strong>{m.identity.actingAs(acting.name, m.identity.actingRole[acting.role] ?? acting.role)}</strong>
          <span class="acting-uscc">
            {m.inParens(`${m.identity.usccShort}${m.colon}${acting.uscc}`)}
          </span>{' '}
          <a href="/account/companies">{m.identity.switchIdentity}</a>
        </p>
      </div>
    </section>
  );
}

/** Top-level sections; the page passes the one it belongs to so the menu marks it with aria-current. */
export type Section = 'home' | 'person' | 'business' | 'convenience' | 'agencies' | 'transparency' | 'search' | 'jurisdictions' | 'none';

export interface LayoutProps {
  env: ViewEnv;
  /** The page's own title (the site name is appended). */
  title: string;
  section: Section;
  /** Hide the header search box on pages that have their own big one (home, search results). */
  hideHeaderSearch?: boolean;
  /** Extra class on <body>, e.g. 'guide' for the print stylesheet. */
  bodyClass?: string;
  children: ComponentChildren;
}

export function Layout({ env, title, section, hideHeaderSearch, bodyClass, children }: LayoutProps) {
  const { m, lang, elder } = env;
  const here = withoutPreferenceParams(env.url);
  const otherLang = m.prefs.switchToOtherLang;
  const nav: { section: Section; href: string; label: string }[] = [
    { section: 'home', href: '/', label: m.nav.home },
    { section: 'person', href: '/topics/person', label: m.topic.person },
    { section: 'business', href: '/topics/business', label: m.topic.business },
    { section: 'convenience', href: '/topics/convenience', label: m.topic.convenience },
    { section: 'agencies', href: '/agencies', label: m.nav.agencies },
    { section: 'transparency', href: '/transparency', label: m.nav.transparency },
  ];
  return (
    <html lang={lang} class={elder ? 'elder' : undefined}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{`${title} - ${m.siteName}`}</title>
        <link rel="stylesheet" href="/assets/site.css" />
        <script src="/assets/suggest.js" defer></script>
      </head>
      <body class={bodyClass}>
        <a class="skip-link" href="#main">
          {m.skipToContent}
        </a>
        <header class="site-header">
          <div class="container header-top">
            <a class="brand" href="/">
              <span class="brand-mark" aria-hidden="true">
                政
              </span>
              <span class="brand-text">
                <span class="brand-name">{m.siteName}</span>
                <span class="brand-tagline">{m.siteTagline}</span>
              </span>
            </a>
            <div class="header-tools">
              {env.region ? (
                <p class="region-chip">
                  <span class="region-label">{m.prefs.region}{m.colon}</span>
                  <strong>{env.region.name}</strong>{' '}
                  <a href={`/jurisdictions/${env.region.code}`}>
                    {m.prefs.changeRegion}
                    <span class="visually-hidden">{m.nav.jurisdictions}</span>
                  </a>
                </p>
              ) : (
                <p class="region-chip">
                  <a href="/jurisdictions">{m.nav.jurisdictions}</a>
                </p>
              )}
              <ul class="prefs" aria-label={m.prefs.label}>
                <li>
                  <a href={hrefWith(here, { lang: otherLang })} lang={otherLang} hrefLang={otherLang}>
                    {m.prefs.switchToOther}
                  </a>
                </li>
                <li>
                  <a href={hrefWith(here, { elder: elder ? '0' : '1' })} title={elder ? m.prefs.elderOffHint : m.prefs.elderOnHint}>
                    {elder ? m.prefs.elderOff : m.prefs.elderOn}
                  </a>
                </li>
              </ul>
              <AccountLinks env={env} here={here} />
            </div>
          </div>
          <nav class="main-nav" aria-label={m.nav.label}>
            <ul class="container">
              {nav.map((entry) => (
                <li>
                  <a href={entry.href} aria-current={entry.section === section ? 'page' : undefined}>
                    {entry.label}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
          {hideHeaderSearch ? null : (
            <div class="container header-search">
              <SearchForm m={m} id="site-search" />
            </div>
          )}
        </header>
        <ActingAsBanner env={env} />
        <main id="main" class="container" tabIndex={-1}>
          {children}
        </main>
        <footer class="site-footer">
          <div class="container">
            <p>{m.footer.about}</p>
            <p>
              <strong>{m.footer.hotline}</strong> · {m.footer.accessibility} · <a href="/api/docs">{m.footer.api}</a>
            </p>
          </div>
        </footer>
      </body>
    </html>
  );
}
