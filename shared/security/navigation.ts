// Where the app's windows may go: exact allow-lists of origins (scheme, host and port) for the
// dashboard and the myUSCIS sign-in, and which links may leave for the browser. Pure: no Electron, no Node.

import { USPS_TRACKING_PAGE, isUspsTrackingNumber } from '../tracking-number';
import { MYACCOUNT_ORIGIN, MYUSCIS_ORIGIN } from '../myuscis/endpoints';

/** The real myUSCIS, or the simulator's two hosts for the demo. */
export type MyUscisMode = { kind: 'real' } | { kind: 'demo'; accountOrigin: string; dataOrigin: string };

/** One origin a window may show, compared field by field with a parsed URL. */
export interface AllowedOrigin {
  readonly protocol: string;
  readonly hostname: string;
  readonly port: string;
}
export type AllowList = readonly AllowedOrigin[];

/** Where sign-in happens and where the case data lives, in this mode. */
export function myUscisOrigins(mode: MyUscisMode): { accountOrigin: string; dataOrigin: string } {
  return mode.kind === 'real' ? { accountOrigin: MYACCOUNT_ORIGIN, dataOrigin: MYUSCIS_ORIGIN } : { accountOrigin: mode.accountOrigin, dataOrigin: mode.dataOrigin };
}

/** Exactly these origins (for example `app://dashboard`); throws on anything that is not a bare origin. */
export function allowListOf(origins: readonly string[]): AllowList {
  return origins.map((origin) => {
    const url = parseUrl(origin);
    if (!url || url.hostname === '' || url.username !== '' || url.password !== '' || !['', '/'].includes(url.pathname) || url.search !== '' || url.hash !== '') {
      throw new Error(`allowListOf: ${JSON.stringify(origin)} is not an origin`);
    }
    return { protocol: url.protocol, hostname: url.hostname, port: url.port };
  });
}

/** The sign-in window's allow-list: myaccount and my.uscis.gov over https (demo: the simulator's two hosts). */
export function allowListFor(mode: MyUscisMode): AllowList {
  const { accountOrigin, dataOrigin } = myUscisOrigins(mode);
  return allowListOf([accountOrigin, dataOrigin]);
}

/** Whether `url` is on one of the allowed origins: same scheme, same host, same port, no credentials. */
export function isAllowedNavigation(url: string, allow: AllowList): boolean {
  const parsed = parseUrl(url);
  if (!parsed || parsed.username !== '' || parsed.password !== '') return false;
  return allow.some((origin) => origin.protocol === parsed.protocol && origin.hostname === parsed.hostname && origin.port === parsed.port);
}

/**
 * The only hosts a link may leave the app for (the user's browser), exact names, https on the default port. Each
 * one is a host the app itself links to or that USCIS's own pages and texts link to:
 * - `www.uscis.gov`: the knowledge base's pages (shared/knowledge/renewal-calendar.ts `USCIS_PAGES`: DACA, the
 *   contact center, automatic extensions, I-9 Central; shared/knowledge/decision-outcomes.ts
 *   `FIND_LEGAL_SERVICES_URL`), the status texts' relative links (shared/myuscis/status-text.ts
 *   `RELATIVE_LINK_BASE`), the help links of the sign-in pages (secure-window.ts, `isUscisHelpLink`) and the
 *   employer's sheet (app/employer-sheet.ts).
 * - `uscis.gov`: the same site without `www.`, as USCIS writes it in some texts.
 * - `egov.uscis.gov`: the processing-times page USCIS's status texts link to (a real statusText in
 *   tests/shared/myuscis/schemas.test.ts: `egov.uscis.gov/processing-times`), and USCIS's e-Request tool
 *   (shared/knowledge/processing-forecast.ts `E_REQUEST_URL`).
 * - `my.uscis.gov` and `myaccount.uscis.gov`: myUSCIS and its sign-in (shared/myuscis/endpoints.ts
 *   `MYUSCIS_ORIGIN`, `MYACCOUNT_ORIGIN`), which the sign-in pages open in a new window (account help, password reset).
 * Besides these hosts, only USPS's tracking page for one tracking number (isUspsTrackingLink).
 * Everything else is refused: `external:open` from the dashboard and the sign-in window's popups alike. A grep of
 * shared/, app/, renderer/ (its i18n included) and engine/ for https:// finds no other host.
 */
export const EXTERNAL_HOSTS: ReadonlySet<string> = new Set(['www.uscis.gov', 'uscis.gov', 'egov.uscis.gov', 'my.uscis.gov', 'myaccount.uscis.gov']);

/**
 * Whether a link may be handed to the user's browser: https on the default port, no credentials, and a host of
 * EXTERNAL_HOSTS or USPS's tracking page for one tracking number (isUspsTrackingLink).
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parseUrl(url);
  if (parsed === null || parsed.protocol !== 'https:' || parsed.port !== '' || parsed.username !== '' || parsed.password !== '') return false;
  return EXTERNAL_HOSTS.has(parsed.hostname) || isUspsTrackingLink(parsed);
}

/**
 * The one non-USCIS page a link may open: USPS's tracking page for the card's tracking number
 * (`https://tools.usps.com/go/TrackConfirmAction?tLabels=<number>`, shared/tracking-number.ts), exactly
 * that path, that one query parameter with one number of a USPS shape, and no fragment; every other USPS path or
 * host is refused. Privacy: the user clicks and the browser opens the page; DACA Watch itself sends nothing to USPS
 * (the number comes from USCIS's own status text), so the promise "nothing leaves your computer except requests
 * to USCIS" holds for the app. The browser's visit is the user's own, as with any link they open.
 */
function isUspsTrackingLink(url: URL): boolean {
  const number = url.search.startsWith('?tLabels=') ? url.search.slice('?tLabels='.length) : '';
  return `${url.origin}${url.pathname}` === USPS_TRACKING_PAGE && url.hash === '' && isUspsTrackingNumber(number);
}

/**
 * USCIS's public help pages (www.uscis.gov): a top-level link there from the sign-in pages opens in the
 * user's browser instead of doing nothing. Exact host names; https only (isSafeExternalUrl).
 */
const USCIS_HELP_HOSTS: ReadonlySet<string> = new Set(['www.uscis.gov', 'uscis.gov']);
export function isUscisHelpLink(url: string): boolean {
  return isSafeExternalUrl(url) && USCIS_HELP_HOSTS.has(parseUrl(url)!.hostname);
}

/**
 * Where a subframe of the myUSCIS pages may go, besides the window's own allow-list. Reviewed list:
 * each entry says why. Nothing else is allowed; every blocked frame is logged by origin (see
 * secure-window.ts) so a missing entry shows in the log instead of as a silent blank frame.
 * - `about:blank` and `about:srcdoc`: frames a page's own script creates and fills (widgets, the
 *   challenge script's helpers); they load nothing from anywhere.
 * Not listed on purpose: CAPTCHA and identity-provider hosts. myUSCIS's AWS WAF challenge runs as a
 * script in the page itself (no frame seen in public captures), and no third-party sign-in hop has been
 * reported (MYUSCIS.md); an entry is added only once such a frame has been observed.
 */
const SUBFRAME_EXTRAS: ReadonlySet<string> = new Set(['about:blank', 'about:srcdoc']);
export function isAllowedSubframe(url: string, allow: AllowList): boolean {
  return SUBFRAME_EXTRAS.has(url) || isAllowedNavigation(url, allow);
}

/** Whether a cookie of `cookieDomain` (host-only `my.uscis.gov`, or `.uscis.gov`) is sent to `host`. */
export function cookieDomainMatches(host: string, cookieDomain: string | undefined): boolean {
  const domain = (cookieDomain ?? '').replace(/^\./, '').toLowerCase();
  return domain !== '' && (host === domain || host.endsWith(`.${domain}`));
}

/** Whether `host` (a URL's hostname) is this computer: localhost, 127.x.x.x or [::1]. */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}

/**
 * A page of the browser preview's own simulator: plain http on this computer, no credentials. The dashboard opens
 * such a page in a new tab only when the preview names it as its sign-in page (the app names none, and its
 * windows open nothing: secure-window.ts denies every window.open).
 */
export function isLoopbackHttpPage(url: string): boolean {
  const parsed = parseUrl(url);
  return parsed !== null && parsed.protocol === 'http:' && parsed.username === '' && parsed.password === '' && isLoopbackHost(parsed.hostname);
}

/** What a log may say about a URL: its origin only (paths and queries can carry receipts and tokens). */
export function originForLog(url: string): string {
  const parsed = parseUrl(url);
  if (!parsed) return 'an unreadable URL';
  return parsed.origin === 'null' ? `a ${parsed.protocol} URL` : parsed.origin;
}

function parseUrl(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}
