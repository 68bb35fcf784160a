import type { ModuleContext } from '../../../platform/context.js';
import type { Messages } from '../../../web/i18n.js';
import { Layout, type ViewEnv } from '../../../web/layout.js';
import { ItemHitList, Pagination, SearchForm } from '../../../web/components.js';
import { hrefWith } from '../../../web/url.js';
import type { Labels, PageInput } from '../page.js';
import { parseListingQuery, type ListingQuery } from '../params.js';
import { FACET_NAMES, findAgency, searchListing, type FacetName, type FacetValue, type SearchResult } from '../reads.js';
import { PAGE_SIZE, TOPIC_LISTS, hitViews } from './topics.js';

const FACET_VALUES_SHOWN = 12;

/** /search?q=…: results with facets (each a plain link that adds or removes a filter) and pages. */
export async function buildSearchPage(ctx: ModuleContext, { request, env, region, labels }: PageInput) {
  const query = parseListingQuery(request.query as Record<string, unknown>);
  // A jurisdiction facet (or a link from an agency shop) names the scope explicitly; else the current region.
  const filters = { ...query.filters, jurisdiction: query.filters.jurisdiction ?? region.code };
  await labels.load('item_type', 'service_object', ...TOPIC_LISTS.map((l) => l.codeList));
  const [listing, agency] = await Promise.all([
    searchListing(ctx.db, query.q, filters, query.page, PAGE_SIZE),
    query.filters.agency ? findAgency(ctx.db, query.filters.agency) : null,
  ]);
  // Names for the chosen jurisdiction and agency, which the facets may not list.
  const chosenNames: ChosenNames = { jurisdiction: listing.scope?.name, agency: agency?.name };
  return <SearchPage env={env} query={query} listing={listing} labels={labels} url={request.url} scopeName={listing.scope?.name ?? region.name} chosenNames={chosenNames} />;
}

function facetLabel(name: FacetName, value: FacetValue, labels: Labels, m: Messages): string {
  switch (name) {
    case 'type':
      return labels.of('item_type', value.value);
    case 'audience':
      return labels.of('service_object', value.value);
    case 'topic': {
      const [prefix, code = ''] = value.value.split(':');
      const list = TOPIC_LISTS.find((l) => l.prefix === prefix);
      return list ? `${m.topic[list.name]} · ${labels.of(list.codeList, code)}` : value.value;
    }
    case 'stars':
      return m.item.starsAtLeast(Number(value.value));
    default:
      return value.name ?? value.value;
  }
}

/**
 * The values a facet offers. The stars filter means "at least n", so its counts are cumulative
 * (the search module counts each exact rating); ratings of 0 are not offered as a filter.
 */
function facetValues(listing: SearchResult, name: FacetName): FacetValue[] {
  const values = listing.facets[name].filter((f) => f.count > 0);
  if (name !== 'stars') return values.slice(0, FACET_VALUES_SHOWN);
  const atLeast = (n: number) => values.filter((f) => Number(f.value) >= n).reduce((sum, f) => sum + f.count, 0);
  return [5, 4, 3, 2, 1].map((n) => ({ value: String(n), count: atLeast(n) })).filter((f) => f.count > 0);
}

function selectedValue(query: ListingQuery, name: FacetName): string | undefined {
  const value = query.filters[name];
  return value === undefined ? undefined : String(value);
}

type ChosenNames = Partial<Record<FacetName, string | undefined>>;

function SearchPage(props: { env: ViewEnv; query: ListingQuery; listing: SearchResult; labels: Labels; url: string; scopeName: string; chosenNames: ChosenNames }) {
  const { env, query, listing, labels, url, scopeName, chosenNames } = props;
  const { m } = env;
  const base = hrefWith(url, { page: null, lang: null, elder: null, region: null });
  const chosen = FACET_NAMES.filter((name) => selectedValue(query, name) !== undefined);
  const title = m.search.title(query.q);
  return (
    <Layout env={env} title={title} section="search" hideHeaderSearch>
      <h1>{title}</h1>
      <SearchForm m={m} id="search-page" query={query.q} />
      <p class="muted" role="status">
        {m.search.scope(scopeName)} · {listing.totalExact ? m.search.resultCount(listing.total) : m.search.resultCountAtLeast(listing.total)}
      </p>
      {chosen.length ? (
        <ul class="chosen-filters" aria-label={m.search.selected}>
          {chosen.map((name) => {
            const value = selectedValue(query, name)!;
            const known = { value, name: chosenNames[name], count: 0 };
            return (
              <li>
                <a href={hrefWith(base, { [name]: null })}>
                  {m.search.facet[name]}{m.colon}{facetLabel(name, known, labels, m)} <span aria-hidden="true">×</span>
                  <span class="visually-hidden">{m.inParens(m.search.clearFilter)}</span>
                </a>
              </li>
            );
          })}
        </ul>
      ) : null}
      <div class="search-layout">
        <aside class="facets" aria-labelledby="facets-title">
          <h2 id="facets-title">{m.search.filters}</h2>
          {FACET_NAMES.map((name) => {
            const values = facetValues(listing, name);
            if (!values.length) return null;
            const current = selectedValue(query, name);
            return (
              <div class="facet">
                <h3>{m.search.facet[name]}</h3>
                <ul>
                  {values.map((value) => {
                    const isCurrent = current === value.value;
                    return (
                      <li>
                        <a href={hrefWith(base, { [name]: isCurrent ? null : value.value })} aria-current={isCurrent ? 'true' : undefined}>
                          <span>{facetLabel(name, value, labels, m)}</span>
                          <span class="count">{value.count}</span>
                        </a>
                      </li>
                    );
                  })}
                </ul>
              </div>
            );
          })}
        </aside>
        <div class="results">
          <h2 class="visually-hidden">{m.search.resultCount(listing.total)}</h2>
          {listing.hits.length ? (
            <ItemHitList m={m} hits={hitViews(listing.hits, labels)} headingLevel={3} />
          ) : (
            <p>{m.search.none}</p>
          )}
          <Pagination m={m} url={base} page={query.page} pageSize={PAGE_SIZE} total={listing.total} />
        </div>
      </div>
    </Layout>
  );
}
