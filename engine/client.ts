// The myUSCIS client: one GET to the session probe, a case's detail, status or documents, sent as the applicant page
// would send it, and every answer sorted into an outcome. It never schedules, retries, stores, or sees the cookie.

import { APPLICANT_PAGE_PATH, MYUSCIS_ORIGIN, endpointPath } from '../shared/myuscis/endpoints';
import {
  parseCaseDetailBody,
  parseCaseStatusBody,
  parseCasesProbeBody,
  parseDocumentsBody,
  type CaseDetail,
  type CaseDocumentList,
  type CaseStatus,
  type CasesProbe,
  type ParsedBody,
} from '../shared/myuscis/schemas';
import { boundedDetail, boundedDocuments, boundedStatus } from '../shared/myuscis/bounds';
import type { AccountCase } from '../shared/myuscis/account-cases';
import { readCaseCards } from '../shared/myuscis/case-cards';
import { maskReceipt, type ReceiptNumber } from '../shared/receipt';
import { HttpFailure, type Clock, type HttpPort, type HttpResponse } from './ports';

/** What each endpoint a check asks gives back when it answers. */
export interface EndpointValues {
  /** `/cases`: always `[]`; a 200 with JSON only says the session is live. */
  probe: CasesProbe;
  detail: CaseDetail;
  status: CaseStatus;
  documents: CaseDocumentList;
}
export type CheckEndpoint = keyof EndpointValues;
/** The endpoints that are about one receipt. */
export type CaseEndpoint = Exclude<CheckEndpoint, 'probe'>;

/** How an expired or missing session showed itself (MYUSCIS.md lists all four). */
export type SignedOutHow =
  | '401'
  /** A redirect to the sign-in host or its `/oidc/` path (a redirect anywhere else is a server error). */
  | 'redirect'
  /** The sign-in form itself where JSON was expected (any other web page is a server error). */
  | 'html'
  /** `{"data": null, "error": {...}}`. */
  | 'error-envelope';

export type MalformedReason =
  /** Not JSON at all, or cut off. */
  | 'invalid-json'
  /** JSON, but not the endpoint's shape. */
  | 'wrong-shape'
  /** `{"data": null}` without an error. */
  | 'no-data'
  /** Over the size limit: nothing of it was read. */
  | 'too-large'
  /** The answer is about another receipt than the one asked for (its receiptNumber says so): nothing of it is used. */
  | 'wrong-receipt'
  /** The applicant page came without its CaseCardsApp case list. */
  | 'no-case-list';

/** Everything one request can end in. Only `ok` carries data: a failed documents request is never an empty list. */
export type FetchOutcome<T> =
  | { kind: 'ok'; value: T }
  /** 204. */
  | { kind: 'no-content' }
  | { kind: 'signed-out'; how: SignedOutHow }
  /** The bot protection wants a browser to run its script (202, `x-amzn-waf-action`, or its script in a page). */
  | { kind: 'challenged' }
  | { kind: 'rate-limited'; retryAfterMs: number | null }
  /**
   * 5xx, or an answer that cannot be the endpoint's JSON and is no sign-out (MYUSCIS.md "Seen since"): a gateway or
   * maintenance page (`page: 'html'`), plain text (`'text'`), an empty body (`'empty'`), a redirect elsewhere. That
   * case backs off alone; the session is not in doubt.
   */
  | { kind: 'server-error'; status: number; page?: 'html' | 'text' | 'empty' }
  /**
   * An edge network's "Access Denied" page (Akamai, Cloudflare; HTTP 200 or 403): this computer is blocked for now.
   * Signing in again does not fix it, so it is never read as a sign-out; every request waits.
   */
  | { kind: 'blocked'; status: number }
  /** 404 or 500 on one receipt's endpoint: another account's receipt, or a failing server; engine/case-check.ts judges which. */
  | { kind: 'receipt-refused'; status: 404 | 500 }
  /** Any other status (403, 405, 404 on the probe...): USCIS said no, for no reason we know. */
  | { kind: 'unexpected-status'; status: number }
  | { kind: 'network-error'; message: string }
  | { kind: 'timeout' }
  /** `answeredFor`: with 'wrong-receipt', the receipt the answer was about. */
  | { kind: 'malformed'; reason: MalformedReason; answeredFor?: string };

/** One request as the activity log may show it: the receipt masked, never the cookie or the body. */
export interface RequestRecord {
  endpoint: CheckEndpoint | 'applicant-page';
  maskedReceipt: string | null;
  /** null when no answer was read (network error, timeout, too large). */
  status: number | null;
  ms: number;
}

export interface FetchResult<T> {
  outcome: FetchOutcome<T>;
  request: RequestRecord;
}

export interface MyUscisClientOptions {
  /** Sends the session's cookies itself. */
  http: HttpPort;
  /** Default https://my.uscis.gov (tests: the simulator's data origin). */
  origin?: string;
  /** Reads HTTP-date Retry-After values; default the system clock. */
  clock?: Clock;
  /** Default 20 s. */
  timeoutMs?: number;
  /** Default 2 MiB. */
  maxBytes?: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;
const WAF_ACTIONS = new Set(['challenge', 'captcha']);
/** The AWS WAF challenge's script host (`*.token.awswaf.com`, `AwsWafIntegration`) or the cookie it sets. */
const WAF_MARKER = /aws-?waf/i;
const HTML_START = /^\s*<(!doctype html|html|head|body)\b/i;
/**
 * Akamai's and Cloudflare's block pages as scrapers of USCIS's sites report them: Akamai's "Access Denied ... You
 * don't have permission to access ... Reference #18.xxxx" (errors.edgesuite.net), Cloudflare's "Sorry, you have been
 * blocked" / "Attention Required!" with a Ray ID. No verbatim capture from my.uscis.gov is public (MYUSCIS.md).
 */
const BLOCK_PAGE =
  /<(title|h1)>\s*access denied\s*<\/\1>|you don'?t have permission to access|errors\.edgesuite\.net|reference\s*#\s*\d+\.[0-9a-f]+\.\d+|sorry, you have been blocked|attention required!?\s*\|\s*cloudflare|cloudflare ray id|cf-error-details/i;
const EDGE_SERVER = /akamaighost|cloudflare/i;
/** The sign-in form: a password field, a form or link to the sign-in host or path, or a title that says "sign in". */
const SIGN_IN_PAGE =
  /<input\b[^>]*\btype\s*=\s*["']?password\b|myaccount\.uscis\.gov\/(sign-in|auth)\b|<form\b[^>]*\baction\s*=\s*["'][^"']*\/(sign-in|oidc|login)\b|<title>[^<]*\b(sign[\s-]?in|log[\s-]?in|iniciar sesi[oó]n)\b/i;
const SIGN_IN_HOST = /^myaccount\./i;
const SIGN_IN_PATH = /^\/(oidc|sign-in|sign_in|auth|login)(\/|$)/i;
const HTTP_DATE_START = /^(mon|tue|wed|thu|fri|sat|sun)/i;

const ENDPOINT_PATHS: { [K in CaseEndpoint]: (receipt: ReceiptNumber) => string } = {
  detail: endpointPath.caseDetail,
  status: endpointPath.caseStatus,
  documents: endpointPath.documents,
};

/** A reader whose value is then bounded (see shared/myuscis/bounds.ts): lists cut, texts capped, where they enter. */
const bounded =
  <T>(read: (json: unknown) => ParsedBody<T>, bound: (value: T) => T) =>
  (json: unknown): ParsedBody<T> => {
    const parsed = read(json);
    return parsed.ok ? { ok: true, value: bound(parsed.value) } : parsed;
  };

const READERS: { [K in CheckEndpoint]: (json: unknown) => ParsedBody<EndpointValues[K]> } = {
  probe: parseCasesProbeBody,
  detail: bounded(parseCaseDetailBody, boundedDetail),
  status: bounded(parseCaseStatusBody, boundedStatus),
  documents: bounded(parseDocumentsBody, boundedDocuments),
};

export class MyUscisClient {
  private readonly http: HttpPort;
  private readonly origin: string;
  private readonly clock: Clock;
  private readonly timeoutMs: number;
  private readonly maxBytes: number;

  constructor(options: MyUscisClientOptions) {
    this.http = options.http;
    this.origin = options.origin ?? MYUSCIS_ORIGIN;
    this.clock = options.clock ?? { now: Date.now };
    this.timeoutMs = options.timeoutMs ?? 20_000;
    this.maxBytes = options.maxBytes ?? 2 * 1024 * 1024;
  }

  /** One GET. Whatever the service or the network does comes back as an outcome; only a call the types rule out rejects. */
  fetchEndpoint(endpoint: 'probe'): Promise<FetchResult<CasesProbe>>;
  fetchEndpoint<K extends CaseEndpoint>(endpoint: K, receipt: ReceiptNumber): Promise<FetchResult<EndpointValues[K]>>;
  async fetchEndpoint(endpoint: CheckEndpoint, receipt?: ReceiptNumber): Promise<FetchResult<unknown>> {
    const path = endpoint === 'probe' ? endpointPath.casesProbe() : ENDPOINT_PATHS[endpoint](requireReceipt(endpoint, receipt));
    const headers = {
      Accept: 'application/json, text/plain, */*',
      // Without it, a session that has not opened a my.uscis.gov page yet gets 401 (the cold-request quirk).
      Referer: new URL(APPLICANT_PAGE_PATH, this.origin).href,
    };
    return this.get(endpoint, receipt, path, headers, (response) => {
      const outcome = classifyResponse(endpoint, response, this.clock.now());
      const answeredFor = outcome.kind === 'ok' && endpoint !== 'probe' ? foreignReceiptIn(endpoint, outcome.value, receipt!) : null;
      return answeredFor === null ? outcome : { kind: 'malformed', reason: 'wrong-receipt', answeredFor };
    });
  }

  /**
   * The applicant page (the page a sign-in loads anyway), read for the cases its CaseCardsApp element lists: one GET
   * of a page, as the browser would ask for it. Only that element's JSON is read; nothing of the page runs.
   */
  async fetchApplicantPage(): Promise<FetchResult<AccountCase[]>> {
    const headers = { Accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' };
    return this.get('applicant-page', undefined, APPLICANT_PAGE_PATH, headers, (response) => classifyApplicantPage(response, this.clock.now()));
  }

  private async get<T>(endpoint: RequestRecord['endpoint'], receipt: ReceiptNumber | undefined, path: string, headers: Record<string, string>, classify: (response: HttpResponse) => FetchOutcome<T>): Promise<FetchResult<T>> {
    const request: RequestRecord = { endpoint, maskedReceipt: receipt === undefined ? null : maskReceipt(receipt), status: null, ms: 0 };
    const started = performance.now();
    let outcome: FetchOutcome<T>;
    try {
      const response = await this.http({
        url: new URL(path, this.origin).href,
        headers: { ...headers, 'Accept-Language': 'en-US,en;q=0.9' },
        timeoutMs: this.timeoutMs,
        maxBytes: this.maxBytes,
      });
      request.status = response.status;
      outcome = classify(response);
    } catch (error) {
      outcome = failureOutcome(error);
    }
    request.ms = Math.round(performance.now() - started);
    return { outcome, request };
  }
}

/**
 * Sorts the applicant page's answer. A page with the case list is the page, whatever scripts it also loads (the WAF's
 * integration script is on real pages); without it, the WAF's challenge, a redirect to sign-in or an error status
 * read as for any endpoint, and any other page is `no-case-list` (a changed page, or one we were not meant to get).
 */
export function classifyApplicantPage(response: HttpResponse, now: number): FetchOutcome<AccountCase[]> {
  if (response.status >= 200 && response.status < 300 && response.status !== 202) {
    const read = readCaseCards(response.body);
    if (read.ok) return { kind: 'ok', value: read.cases };
    if (read.reason === 'unreadable') return { kind: 'malformed', reason: 'wrong-shape' };
  }
  const outcome = classifyResponse('probe', response, now);
  if (outcome.kind === 'signed-out' && outcome.how === 'html') return { kind: 'malformed', reason: 'no-case-list' };
  // A 2xx page without the list: a changed page, or one we were not meant to get (not a server error: it answered).
  if (outcome.kind === 'server-error' && outcome.page !== undefined && status2xx(response.status)) return { kind: 'malformed', reason: 'no-case-list' };
  return outcome.kind === 'ok' || outcome.kind === 'malformed' ? { kind: 'malformed', reason: 'no-case-list' } : outcome;
}

function requireReceipt(endpoint: CaseEndpoint, receipt: ReceiptNumber | undefined): ReceiptNumber {
  if (receipt === undefined) throw new TypeError(`the ${endpoint} endpoint needs a receipt`);
  return receipt;
}

const status2xx = (status: number) => status >= 200 && status < 300;

/** A redirect's target is the sign-in host, or the sign-in or `/oidc/` path (relative targets are on my.uscis.gov). */
export function isSignInLocation(location: string | undefined): boolean {
  if (location === undefined || location.trim() === '') return false;
  let url: URL;
  try {
    url = new URL(location.trim(), MYUSCIS_ORIGIN);
  } catch {
    return false;
  }
  return SIGN_IN_HOST.test(url.hostname) || SIGN_IN_PATH.test(url.pathname);
}

/** An edge network's block page: its words in a 200 or 403 page, or a 403 from the edge server itself. */
export function isBlockPage(status: number, headers: Record<string, string>, body: string): boolean {
  if (status !== 200 && status !== 403) return false;
  return BLOCK_PAGE.test(body.slice(0, 20_000)) || (status === 403 && EDGE_SERVER.test(headers.server ?? '') && !body.trimStart().startsWith('{'));
}

/** The sign-in form, as opposed to any other web page (a gateway timeout, maintenance, an error page). */
export function isSignInPage(body: string): boolean {
  return SIGN_IN_PAGE.test(body.slice(0, 200_000));
}

/**
 * Sorts one answer. The order matters: the WAF challenge first (it comes as 202 or as a page), then an edge block
 * page, then statuses, then the body. Only four answers mean signed out (MYUSCIS.md "Seen since"): a 401, a redirect
 * to sign-in, the sign-in form, the `{data: null, error}` envelope. `now` (epoch ms) reads a Retry-After HTTP date.
 */
export function classifyResponse<K extends CheckEndpoint>(endpoint: K, response: HttpResponse, now: number): FetchOutcome<EndpointValues[K]> {
  const { status, headers, body } = response;
  const contentType = (headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  const isHtml = contentType === 'text/html' || contentType === 'application/xhtml+xml' || HTML_START.test(body);
  if (status === 202 || WAF_ACTIONS.has(headers['x-amzn-waf-action'] ?? '') || (isHtml && WAF_MARKER.test(body))) {
    return { kind: 'challenged' };
  }
  if (isBlockPage(status, headers, body)) return { kind: 'blocked', status };
  if (status === 401) return { kind: 'signed-out', how: '401' };
  if (status >= 300 && status < 400) {
    return isSignInLocation(headers.location) ? { kind: 'signed-out', how: 'redirect' } : { kind: 'server-error', status };
  }
  if (status === 429) return { kind: 'rate-limited', retryAfterMs: retryAfterMs(headers['retry-after'], now) };
  if (status === 204) return { kind: 'no-content' };
  if (endpoint !== 'probe' && (status === 404 || status === 500)) return { kind: 'receipt-refused', status };
  if (status >= 500) return { kind: 'server-error', status };
  if (status < 200 || status >= 300) return { kind: 'unexpected-status', status };
  if (body.trim() === '') return { kind: 'server-error', status, page: 'empty' };
  if (isHtml) return isSignInPage(body) ? { kind: 'signed-out', how: 'html' } : { kind: 'server-error', status, page: 'html' };
  const labelledJson = contentType === '' || contentType === 'application/json' || contentType.endsWith('+json');
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch {
    // Cut-off JSON is a broken answer; text under another label ("service unavailable") is a server's error page.
    return labelledJson ? { kind: 'malformed', reason: 'invalid-json' } : { kind: 'server-error', status, page: 'text' };
  }
  const read = READERS[endpoint](json) as ParsedBody<EndpointValues[K]>;
  if (read.ok) return { kind: 'ok', value: read.value };
  if (read.reason === 'signed-out-envelope') return { kind: 'signed-out', how: 'error-envelope' };
  return { kind: 'malformed', reason: read.reason === 'no-data' ? 'no-data' : 'wrong-shape' };
}

/** `Query was successful for payload {'receipt_number': 'IOE...'}`: the receipt case_status was asked about. */
const MESSAGE_RECEIPT = /receipt_number['"]?\s*:\s*['"]\s*([A-Za-z]{3}[\s-]*\d[\d\s-]{9,})['"]/;

const sameReceipt = (a: string, b: string) => a.replace(/[^A-Za-z0-9]/g, '').toUpperCase() === b.replace(/[^A-Za-z0-9]/g, '').toUpperCase();

/**
 * The receipt an answer says it is about, when that is not the one asked for; null when it is, or when the answer
 * does not say (the fields are often missing: that is no reason to refuse it). Read from the detail's and the status's
 * receiptNumber, the status message's receipt_number, and a receiptNumber on any document.
 */
export function foreignReceiptIn(endpoint: CaseEndpoint, value: unknown, asked: ReceiptNumber): string | null {
  const said: Array<string | undefined> = [];
  if (endpoint === 'detail') said.push((value as CaseDetail).receiptNumber);
  if (endpoint === 'status') {
    const status = value as CaseStatus;
    said.push(status.receiptNumber, MESSAGE_RECEIPT.exec(status.message ?? '')?.[1]);
  }
  if (endpoint === 'documents') said.push(...(value as CaseDocumentList).map((document) => document.receiptNumber));
  return said.find((receipt): receipt is string => receipt !== undefined && receipt.trim() !== '' && !sameReceipt(receipt, asked)) ?? null;
}

/** Seconds or an HTTP date, as milliseconds from `now`; a past date is 0, anything over a day is a day. */
export function retryAfterMs(value: string | undefined, now: number): number | null {
  const text = value?.trim() ?? '';
  const ms = /^\d+$/.test(text) ? Number(text) * 1000 : HTTP_DATE_START.test(text) ? Date.parse(text) - now : Number.NaN;
  return Number.isNaN(ms) ? null : Math.min(Math.max(ms, 0), DAY_MS);
}

function failureOutcome(error: unknown): FetchOutcome<never> {
  if (!(error instanceof HttpFailure)) {
    // A port that broke its contract (it should reject only with HttpFailure) still yields an outcome.
    return { kind: 'network-error', message: error instanceof Error ? error.message : String(error) };
  }
  switch (error.kind) {
    case 'timeout':
      return { kind: 'timeout' };
    case 'too-large':
      return { kind: 'malformed', reason: 'too-large' };
    case 'network':
      return { kind: 'network-error', message: error.message };
  }
}
