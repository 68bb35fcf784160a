/**
 * A relying party and a person's browser for single-sign-on tests against an app that listens on a
 * real port: openid-client 6 is the relying party; `Browser` keeps cookies (by name and path) and
 * follows no redirect by itself; `SsoFlow` fills in the sign-in, step-up and consent forms as a
 * person would. Used by src/modules/identity/oidc/oidc.int.test.ts and test/oidc/.
 */
import * as oidc from 'openid-client';

export class Browser {
  readonly cookies = new Map<string, { value: string; path: string }>();

  async request(url: string, init: { method?: string; form?: Record<string, string | string[]>; headers?: Record<string, string> } = {}): Promise<Response> {
    const target = new URL(url);
    const cookie = [...this.cookies.entries()]
      .filter(([, c]) => target.pathname.startsWith(c.path))
      .map(([key, c]) => `${key.split('|')[0]}=${c.value}`)
      .join('; ');
    const body = init.form ? new URLSearchParams(Object.entries(init.form).flatMap(([k, v]) => (Array.isArray(v) ? v.map((x) => [k, x]) : [[k, v]]))) : undefined;
    const res = await fetch(target, {
      method: init.method ?? (init.form ? 'POST' : 'GET'),
      redirect: 'manual',
      headers: {
        ...(cookie ? { cookie } : {}),
        ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
        ...init.headers,
      },
      ...(body ? { body: body.toString() } : {}),
    });
    for (const line of res.headers.getSetCookie()) this.#keep(line);
    return res;
  }

  #keep(line: string) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const eq = pair!.indexOf('=');
    const name = pair!.slice(0, eq);
    const value = pair!.slice(eq + 1);
    const attr = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.split('=')[1];
    const path = attr('path') ?? '/';
    const expires = attr('expires');
    const gone = value === '' || attr('max-age') === '0' || (expires !== undefined && new Date(expires).getTime() < Date.now());
    const key = `${name}|${path}`;
    if (gone) this.cookies.delete(key);
    else this.cookies.set(key, { value, path });
  }

  has(name: string): boolean {
    return [...this.cookies.keys()].some((key) => key.startsWith(`${name}|`));
  }

  cookie(name: string): string | undefined {
    return [...this.cookies.entries()].find(([key]) => key.startsWith(`${name}|`))?.[1].value;
  }
}

const decode = (s: string) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

export interface ParsedForm {
  action: string;
  fields: Record<string, string>;
}

/** The forms of a page: action and the named inputs with their values (hidden ones, mostly). */
export function formsOf(html: string): ParsedForm[] {
  return [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((match) => {
    const action = decode(/action="([^"]*)"/.exec(match[1]!)?.[1] ?? '');
    const fields: Record<string, string> = {};
    for (const input of match[2]!.matchAll(/<input\b([^>]*)>/g)) {
      const name = /name="([^"]*)"/.exec(input[1]!)?.[1];
      if (name) fields[name] = decode(/value="([^"]*)"/.exec(input[1]!)?.[1] ?? '');
    }
    return { action, fields };
  });
}

/** The form that has a field `field`, or whose action ends with it. */
export function formWith(html: string, field: string): ParsedForm {
  const form = formsOf(html).find((f) => field in f.fields || f.action.endsWith(field));
  if (!form) throw new Error(`no form with ${field} in:\n${html.slice(0, 3000)}`);
  return form;
}

export interface RegisteredClient {
  clientId: string;
  clientSecret: string | null;
  redirect: string;
}

export interface Started {
  verifier: string;
  state: string;
  nonce: string;
  res: Response;
}

/** What a person types into the sign-in form; `totp` is asked for on the staff's second step. */
export interface Credentials {
  username: string;
  password: string;
  totp?: () => Promise<string> | string;
}

export class SsoFlow {
  readonly issuer: string;

  constructor(readonly base: string) {
    this.issuer = `${base}/oidc`;
  }

  config(c: { clientId: string; clientSecret: string | null }): Promise<oidc.Configuration> {
    return oidc.discovery(new URL(this.issuer), c.clientId, c.clientSecret ?? undefined, c.clientSecret ? oidc.ClientSecretBasic(c.clientSecret) : oidc.None(), {
      execute: [oidc.allowInsecureRequests],
    });
  }

  /** Send the browser to the authorization endpoint with PKCE (S256), state and nonce. */
  async start(browser: Browser, config: oidc.Configuration, c: { redirect: string }, extra: Record<string, string> = {}): Promise<Started> {
    const verifier = oidc.randomPKCECodeVerifier();
    const state = oidc.randomState();
    const nonce = oidc.randomNonce();
    const url = oidc.buildAuthorizationUrl(config, {
      redirect_uri: c.redirect,
      scope: 'openid offline_access profile phone identity',
      code_challenge: await oidc.calculatePKCECodeChallenge(verifier),
      code_challenge_method: 'S256',
      state,
      nonce,
      ...extra,
    });
    return { verifier, state, nonce, res: await browser.request(url.href) };
  }

  /** Follow redirects inside onestop; stop at the first page, or at a redirect to the relying party. */
  async follow(browser: Browser, res: Response): Promise<{ page?: string; url: string; status: number; callback?: URL }> {
    let current = res;
    let url = current.url;
    for (let hops = 0; hops < 10; hops++) {
      const location = current.headers.get('location');
      if (current.status < 300 || current.status >= 400 || !location) return { page: await current.text(), url, status: current.status };
      const next = new URL(location, url);
      if (!next.href.startsWith(this.base)) return { url, status: current.status, callback: next };
      url = next.href;
      current = await browser.request(url);
    }
    throw new Error('too many redirects');
  }

  async submit(browser: Browser, form: ParsedForm, values: Record<string, string | string[]> = {}) {
    return this.follow(browser, await browser.request(new URL(form.action, this.base).href, { form: { ...form.fields, ...values } }));
  }

  async signIn(browser: Browser, page: string, who: Credentials) {
    const step = await this.submit(browser, formWith(page, 'username'), { username: who.username, password: who.password });
    if (!step.page?.includes('name="totp"') || !who.totp) return step;
    return this.submit(browser, formWith(step.page, 'totp'), { totp: await who.totp() });
  }

  consent(browser: Browser, page: string) {
    return this.submit(browser, formWith(page, '/confirm'));
  }

  /** Sign in and consent (when asked) through the pages; the callback URL the relying party gets. */
  async authorize(browser: Browser, who: Credentials, started: Started): Promise<URL> {
    let step = await this.follow(browser, started.res);
    for (let i = 0; i < 4 && !step.callback; i++) {
      const page = step.page!;
      if (page.includes('name="username"')) step = await this.signIn(browser, page, who);
      else if (page.includes('/confirm"')) step = await this.consent(browser, page);
      else throw new Error(`unexpected page (${step.status}):\n${page.slice(0, 2000)}`);
    }
    return step.callback!;
  }

  exchange(config: oidc.Configuration, started: Started, callback: URL) {
    return oidc.authorizationCodeGrant(config, callback, { pkceCodeVerifier: started.verifier, expectedState: started.state, expectedNonce: started.nonce });
  }
}
