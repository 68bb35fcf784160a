/**
 * Build a link to the current page with some query parameters changed (null removes one).
 * Used by the preference switches, facets and pagination, which are all plain links.
 */
export function hrefWith(currentUrl: string, changes: Record<string, string | number | null | undefined>): string {
  const [path, query = ''] = currentUrl.split('?', 2) as [string, string?];
  const params = new URLSearchParams(query);
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') params.delete(name);
    else params.set(name, String(value));
  }
  const rest = params.toString();
  return rest ? `${path}?${rest}` : path;
}

/** The current URL without the one-shot preference parameters, so a switch does not stick in links. */
export function withoutPreferenceParams(url: string): string {
  return hrefWith(url, { lang: null, elder: null, region: null });
}
