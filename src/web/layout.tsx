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
