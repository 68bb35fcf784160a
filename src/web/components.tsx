import type { ComponentChildren } from 'preact';
import type { Messages } from './i18n.js';
import { hrefWith } from './url.js';

/** The search box. Works as a plain GET form; /assets/suggest.js adds type-ahead suggestions. */
export function SearchForm({ m, id, query, large }: { m: Messages; id: string; query?: string; large?: boolean }) {
  return (
    <form class={large ? 'search-form search-form-large' : 'search-form'} role="search" action="/search" method="get" aria-label={m.search.label}>
      <label for={id} class={large ? 'search-label' : 'visually-hidden'}>
        {m.search.label}
      </label>
      <div class="search-row">
        <input
          id={id}
          name="q"
          type="search"
          value={query ?? ''}
          placeholder={m.search.placeholder}
          maxLength={100}
          autocomplete="off"
          list={`${id}-suggestions`}
          data-suggest=""
        />
        <datalist id={`${id}-suggestions`}></datalist>
        <button type="submit">{m.search.button}</button>
      </div>
    </form>
  );
}

export interface Crumb {
  href?: string;
  label: string;
}

export function Breadcrumbs({ m, trail }: { m: Messages; trail: Crumb[] }) {
  return (
    <nav class="breadcrumbs" aria-label={m.breadcrumb}>
      <ol>
        <li>
          <a href="/">{m.nav.home}</a>
        </li>
        {trail.map((crumb, i) =>
          crumb.href && i < trail.length - 1 ? (
            <li>
              <a href={crumb.href}>{crumb.label}</a>
            </li>
          ) : (
            <li>
              <span aria-current="page">{crumb.label}</span>
            </li>
          ),
        )}
      </ol>
    </nav>
  );
}

/** Stars as glyphs for the eye and as words for everyone else. */
export function StarRating({ m, stars, short }: { m: Messages; stars: number; short?: boolean }) {
  const full = Math.max(0, Math.min(5, Math.round(stars)));
  return (
    <span class="stars">
      <span class="stars-glyphs" aria-hidden="true">
        {'★'.repeat(full)}
        <span class="stars-empty">{'☆'.repeat(5 - full)}</span>
      </span>{' '}
      <span class="stars-text">{short ? m.item.starsShort(full) : m.item.stars(full)}</span>
    </span>
  );
}

export function Pagination({ m, url, page, pageSize, total }: { m: Messages; url: string; page: number; pageSize: number; total: number }) {
  const pages = Math.max(1, Math.ceil(total / pageSize));
  if (pages <= 1) return null;
  const window = pageWindow(page, pages);
  return (
    <nav class="pagination" aria-label={m.pagination.label}>
      <p class="pagination-status">{m.pagination.current(page, pages)}</p>
      <ul>
        {page > 1 ? (
          <li>
            <a href={hrefWith(url, { page: page - 1 === 1 ? null : page - 1 })} rel="prev">
              {m.pagination.previous}
            </a>
          </li>
        ) : null}
        {window.map((n) => (
          <li>
            {n === page ? (
              <a href={hrefWith(url, { page: n === 1 ? null : n })} aria-current="page" aria-label={m.pagination.page(n)}>
                {n}
              </a>
            ) : (
              <a href={hrefWith(url, { page: n === 1 ? null : n })} aria-label={m.pagination.page(n)}>
                {n}
              </a>
            )}
          </li>
        ))}
        {page < pages ? (
          <li>
            <a href={hrefWith(url, { page: page + 1 })} rel="next">
              {m.pagination.next}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}

/** Up to seven page numbers around the current one. */
export function pageWindow(page: number, pages: number): number[] {
  const start = Math.max(1, Math.min(page - 3, pages - 6));
  const end = Math.min(pages, start + 6);
  const numbers: number[] = [];
  for (let n = start; n <= end; n++) numbers.push(n);
  return numbers;
}

/** A list of label/value facts (definition list), skipping empty values. */
export function Facts({ rows }: { rows: [label: string, value: ComponentChildren][] }) {
  return (
    <dl class="facts">
      {rows
        .filter(([, value]) => value !== null && value !== undefined && value !== '')
        .map(([label, value]) => (
          <div class="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}

/** A search or browse hit, as the search module returns it. */
export interface ItemHitView {
  code: string;
  name: string;
  agency: { id: number; name: string };
  jurisdiction: { code: string; name: string };
  typeLabel: string;
  stars: number;
}

export function ItemHitList({ m, hits, headingLevel = 2 }: { m: Messages; hits: ItemHitView[]; headingLevel?: 2 | 3 | 4 }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3' | 'h4';
  return (
    <ol class="hits">
      {hits.map((hit) => (
        <li class="hit">
          <Heading class="hit-title">
            <a href={`/items/${hit.code}`}>{hit.name}</a>
          </Heading>
          <p class="hit-meta">
            <span class="tag">{hit.typeLabel}</span> <a href={`/agencies/${hit.agency.id}`}>{hit.agency.name}</a>
            <span class="sep" aria-hidden="true">
              {' '}
              ·{' '}
            </span>
            <span class="visually-hidden">, </span>
            {hit.jurisdiction.name}
            <span class="sep" aria-hidden="true">
              {' '}
              ·{' '}
            </span>
            <span class="visually-hidden">, </span>
            <StarRating m={m} stars={hit.stars} short />
          </p>
        </li>
      ))}
    </ol>
  );
}

/** A grid of links with counts, used by the home sections and topic indexes. */
export function LinkGrid({ links, m }: { m: Messages; links: { href: string; label: string; count?: number }[] }) {
  return (
    <ul class="link-grid">
      {links.map((link) => (
        <li>
          <a href={link.href}>
            <span class="link-grid-label">{link.label}</span>
            {link.count !== undefined ? <span class="count">{m.home.itemsCount(link.count)}</span> : null}
          </a>
        </li>
      ))}
    </ul>
  );
}

/** A phone number as a tel: link; "转" (extension) becomes a pause so the extension is dialled after. */
export function PhoneLink({ phone }: { phone: string }) {
  const [main = '', extension] = phone.split('转');
  const digits = (text: string) => text.replace(/[^0-9+]/g, '');
  const href = `tel:${digits(main)}${extension ? `,${digits(extension)}` : ''}`;
  return <a href={href}>{phone}</a>;
}
