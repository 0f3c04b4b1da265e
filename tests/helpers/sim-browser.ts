// A minimal browser for tests over real HTTP: a cookie jar per host name (as browsers keep them),
// manual or followed redirects with Referer, and the WAF challenge's script run in a node:vm sandbox.
// Test support only; product code never uses it.

import { request } from 'node:http';
import { runInNewContext } from 'node:vm';
import type { Simulator } from '../../simulator/server';

export interface SimResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  url: string;
  /** Every URL visited, the first request included, when redirects were followed. */
  chain: string[];
  json<T = unknown>(): T;
}

export interface FetchOptions {
  method?: 'GET' | 'POST';
  form?: Record<string, string>;
  headers?: Record<string, string>;
  /** Follow redirects (default true), sending the previous page as Referer like a browser. */
  follow?: boolean;
  /** Send this Referer (default: none on the first request). */
  referer?: string;
  /** Run the WAF challenge script and retry when challenged (default true). */
  solveChallenges?: boolean;
}

export class SimBrowser {
  /** hostname -> cookie name -> value. Ports do not separate cookies; host names do. */
  readonly jar = new Map<string, Map<string, string>>();

  cookies(hostname: string): Map<string, string> {
    let cookies = this.jar.get(hostname);
    if (!cookies) this.jar.set(hostname, (cookies = new Map()));
    return cookies;
  }

  cookieHeader(hostname: string): string {
    return [...this.cookies(hostname)].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  private store(hostname: string, setCookie: string | string[] | undefined): void {
    for (const line of Array.isArray(setCookie) ? setCookie : setCookie ? [setCookie] : []) {
      const [pair = '', ...attributes] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const expired = attributes.some((a) => /^\s*max-age=0\s*$/i.test(a));
      if (expired || value === '') this.cookies(hostname).delete(name);
      else this.cookies(hostname).set(name, value);
    }
  }

  /** Sets a cookie the way `document.cookie = "..."` would. */
  setDocumentCookie(hostname: string, assignment: string): void {
    this.store(hostname, assignment);
  }

  async fetch(url: string, options: FetchOptions = {}): Promise<SimResponse> {
    const chain: string[] = [];
    let current = new URL(url);
    let method = options.method ?? 'GET';
    let form = options.form;
    let referer = options.referer;
    for (let hop = 0; hop < 20; hop += 1) {
      chain.push(current.href);
      const response = await this.once(current, method, form, referer, options.headers ?? {});
      const location = response.headers.location;
      if ((options.solveChallenges ?? true) && response.status === 202 && response.headers['x-amzn-waf-action'] === 'challenge') {
        this.solveChallenge(current.hostname, response.body);
        continue;
      }
      if (options.follow !== false && response.status >= 300 && response.status < 400 && typeof location === 'string') {
        referer = current.href;
        current = new URL(location, current);
        method = 'GET';
        form = undefined;
        continue;
      }
      return { ...response, url: current.href, chain };
    }
    throw new Error(`too many redirects from ${url}`);
  }

  /** Runs the challenge page's script against this jar, as a browser would. */
  solveChallenge(hostname: string, html: string): void {
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
    if (!script) throw new Error('challenge page has no script');
    const document = {
      set cookie(assignment: string) {
        jar.setDocumentCookie(hostname, assignment);
      },
    };
    const jar = this;
    runInNewContext(script, { document, location: { reload() {} } }, { timeout: 1000 });
  }

  private once(
    url: URL,
    method: string,
    form: Record<string, string> | undefined,
    referer: string | undefined,
    extraHeaders: Record<string, string>,
  ): Promise<Omit<SimResponse, 'url' | 'chain'>> {
    const body = form ? new URLSearchParams(form).toString() : undefined;
    const headers: Record<string, string> = { Host: url.host, Accept: 'text/html,application/json', ...extraHeaders };
    const cookie = this.cookieHeader(url.hostname);
    if (cookie) headers.Cookie = cookie;
    if (referer) headers.Referer = referer;
    if (body !== undefined) {
      headers['Content-Type'] = 'application/x-www-form-urlencoded';
      headers['Content-Length'] = String(Buffer.byteLength(body));
    }
    return new Promise((resolve, reject) => {
      // Both simulated hosts listen on 127.0.0.1; the Host header says which name was used.
      const req = request({ host: '127.0.0.1', port: Number(url.port), path: url.pathname + url.search, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => {
          this.store(url.hostname, res.headers['set-cookie']);
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: text,
            json: <T,>() => JSON.parse(text) as T,
          });
        });
      });
      req.on('error', reject);
      req.end(body);
    });
  }
}

/** What a person types on the sign-in page (the form needs real key events, which this stands for). */
export function signInForm(page: string, email: string, password: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    csrf: hiddenValue(page, 'csrf'),
    continue: hiddenValue(page, 'continue'),
    interaction: 'keyboard',
    email,
    password,
    terms: 'accepted',
    ...extra,
  };
}

export function hiddenValue(page: string, name: string): string {
  const match = new RegExp(`name="${name}" value="([^"]*)"`).exec(page);
  if (!match) throw new Error(`no hidden field ${name} on the page`);
  return match[1]!.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');
}

/** Where to sign in and with what: a running Simulator, or the addresses a simulator process printed. */
export interface SignInTarget {
  applicantUrl: Simulator['applicantUrl'];
  scenario: { account: Pick<Simulator['scenario']['account'], 'email' | 'password' | 'verificationCode'> };
}

/**
 * The whole sign-in as a person does it: applicant page -> /oidc -> sign-in -> verification code ->
 * passkey prompt (skipped) -> back on my.uscis.gov with a session cookie. Returns the final response.
 */
export async function signInThroughPages(browser: SimBrowser, sim: SignInTarget, options: { remember?: boolean } = {}): Promise<SimResponse> {
  const { email, password, verificationCode } = sim.scenario.account;
  const signInPage = await browser.fetch(sim.applicantUrl);
  if (!signInPage.url.includes('/sign-in')) return signInPage;
  const afterPassword = await browser.fetch(new URL('/sign-in', signInPage.url).href, {
    method: 'POST',
    form: signInForm(signInPage.body, email, password),
    referer: signInPage.url,
  });
  let page = afterPassword;
  if (page.url.endsWith('/auth')) {
    page = await browser.fetch(page.url, {
      method: 'POST',
      form: { csrf: hiddenValue(page.body, 'csrf'), code: verificationCode, ...(options.remember ? { remember: 'yes' } : {}) },
      referer: page.url,
    });
  }
  if (page.url.includes('/passkey')) {
    page = await browser.fetch(new URL('/passkey/skip', page.url).href, {
      method: 'POST',
      form: { csrf: hiddenValue(page.body, 'csrf'), continue: hiddenValue(page.body, 'continue') },
      referer: page.url,
    });
  }
  return page;
}
