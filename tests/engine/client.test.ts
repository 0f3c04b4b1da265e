// The myUSCIS client over real HTTP against the simulator (every outcome the simulator can produce), its pure
// classifier for answers the simulator never gives, and the judgement of a refused receipt.

import { describe, expect, it } from 'vitest';
import {
  MyUscisClient,
  classifyResponse,
  type CheckEndpoint,
  type FetchResult,
  type MyUscisClientOptions,
} from '../../engine/client';
import { createNodeHttpPort } from '../../engine/node-http-port';
import type { HttpRequest, HttpResponse } from '../../engine/ports';
import { endpointPath } from '../../shared/myuscis/endpoints';
import { maskReceipt, parseReceipt, type ReceiptNumber } from '../../shared/receipt';
import type { FaultRule } from '../../simulator/scenario-schema';
import { SIGNED_OUT_STYLES, type Simulator } from '../../simulator/server';
import { TEST_START, frozenSimulator } from '../helpers/sim-fixture';

const MIB = 1024 * 1024;
const DAY_MS = 24 * 60 * 60 * 1000;

function receipt(text: string): ReceiptNumber {
  const parsed = parseReceipt(text);
  if (!parsed.ok) throw new Error(`not a receipt: ${text}`);
  return parsed.receipt;
}

interface Watch {
  sim: Simulator;
  /** The session's Cookie header, or null for a client without one. */
  cookie: string | null;
  client: MyUscisClient;
  /** Every request the client handed to the HTTP port. */
  sent: HttpRequest[];
  own: ReceiptNumber;
  companion: ReceiptNumber;
  foreign: ReceiptNumber;
}

/** The daca-renewal story just after the I-765's approval, watched by a client with a warm session (or none). */
async function watch(
  options: { session?: 'warm' | 'cold' | 'none'; faults?: FaultRule[]; client?: Partial<MyUscisClientOptions> } = {},
): Promise<Watch> {
  const sim = await frozenSimulator({ faults: options.faults ?? [] });
  sim.advanceToPhase('approved');
  const session = options.session ?? 'warm';
  const cookie = session === 'none' ? null : sim.createSession({ warm: session === 'warm' });
  const port = createNodeHttpPort(cookie === null ? {} : { cookie });
  const sent: HttpRequest[] = [];
  const client = new MyUscisClient({
    http: (request) => {
      sent.push(request);
      return port(request);
    },
    origin: sim.dataOrigin,
    clock: sim.clock,
    ...options.client,
  });
  const foreign = sim.scenario.otherAccountReceipts[0];
  if (foreign === undefined) throw new Error('the scenario lists no receipt of another account');
  return { sim, cookie, client, sent, own: receipt(sim.receipts.i821d), companion: receipt(sim.receipts.i765), foreign: receipt(foreign) };
}

function fetchAs(w: Watch, endpoint: CheckEndpoint, which: ReceiptNumber = w.own): Promise<FetchResult<unknown>> {
  return endpoint === 'probe' ? w.client.fetchEndpoint('probe') : w.client.fetchEndpoint(endpoint, which);
}

describe('answers with data', () => {
  it('probe: the session is live (the list is always empty)', async () => {
    const w = await watch();
    const result = await w.client.fetchEndpoint('probe');
    expect(result.outcome).toEqual({ kind: 'ok', value: [] });
    expect(result.request).toMatchObject({ endpoint: 'probe', maskedReceipt: null, status: 200 });
    expect(result.request.ms).toBeGreaterThanOrEqual(0);
  });

  it('detail: the case record with its events', async () => {
    const w = await watch();
    const record = w.sim.caseRecords().i821d!;
    const { outcome } = await w.client.fetchEndpoint('detail', w.own);
    if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}`);
    expect(outcome.value).toMatchObject({ receiptNumber: w.own, formType: 'I-821D', closed: false, applicantName: 'RIVERA, ANA' });
    // As sent (newest first, like the real service): the client passes the list on; ordering is detection's business.
    expect(outcome.value.events.map((event) => event.eventId).sort()).toEqual(record.events.map((event) => event.eventId).sort());
  });

  it('status: the current title in both languages, its text as plain text, and the history', async () => {
    const w = await watch();
    const status = w.sim.caseRecords().i765!.status!;
    const { outcome } = await w.client.fetchEndpoint('status', w.companion);
    if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}`);
    expect(outcome.value).toMatchObject({
      receiptNumber: w.companion,
      currentActionCode: status.code,
      statusTitle: status.wording.title.en,
      statusTitleSpanish: status.wording.title.es,
      currentActionCodeDate: new Date(status.at).toISOString(),
    });
    expect(outcome.value.statusTextPlain?.text).toContain(w.companion);
    expect(outcome.value.statusTextPlain?.text).not.toMatch(/<a\b/);
    expect(outcome.value.historicalCaseStatuses.length).toBeGreaterThan(0);
  });

  it('documents: every document, with +0000 dates read as instants', async () => {
    const w = await watch();
    const documents = w.sim.caseRecords().i765!.documents;
    const { outcome } = await w.client.fetchEndpoint('documents', w.companion);
    if (outcome.kind !== 'ok') throw new Error(`expected ok, got ${outcome.kind}`);
    expect(outcome.value.map((doc) => doc.contentId).sort()).toEqual(documents.map((doc) => doc.contentId).sort());
    expect(outcome.value.map((doc) => doc.type)).toContain('I-765 C33 Standalone Approval');
    expect(outcome.value.every((doc) => doc.createDate?.endsWith('Z'))).toBe(true);
  });

  it('logs the request with the receipt masked', async () => {
    const w = await watch();
    const { request } = await w.client.fetchEndpoint('documents', w.own);
    expect(request).toMatchObject({ endpoint: 'documents', maskedReceipt: maskReceipt(w.own), status: 200 });
    expect(request.maskedReceipt).toBe(`IOE•••••${w.own.slice(-4)}`);
    expect(JSON.stringify(request)).not.toContain(w.own);
  });
});

describe('the request a browser page would send', () => {
  it('asks for JSON with a Referer from the applicant page, within 20 s and 2 MiB by default', async () => {
    const w = await watch();
    await w.client.fetchEndpoint('status', w.own);
    expect(w.sent).toEqual([
      {
        url: `${w.sim.dataOrigin}${endpointPath.caseStatus(w.own)}`,
        headers: {
          Accept: 'application/json, text/plain, */*',
          'Accept-Language': 'en-US,en;q=0.9',
          Referer: `${w.sim.dataOrigin}/account/applicant`,
        },
        timeoutMs: 20_000,
        maxBytes: 2 * MIB,
      },
    ]);
    expect(w.sim.requestLog().at(-1)).toMatchObject({ endpoint: 'case-status', referer: true, sessionLive: true, status: 200 });
  });

  it('gets data from a cold session, which a request without Referer would not', async () => {
    const w = await watch({ session: 'cold' });
    const bare = await createNodeHttpPort({ cookie: w.cookie! })({
      url: w.sim.dataOrigin + endpointPath.casesProbe(),
      headers: { Accept: 'application/json' },
      timeoutMs: 5000,
      maxBytes: MIB,
    });
    expect(bare.status).toBe(401);
    expect((await w.client.fetchEndpoint('probe')).outcome).toEqual({ kind: 'ok', value: [] });
    expect(w.sim.requestLog().map((entry) => [entry.referer, entry.outcome, entry.status])).toEqual([
      [false, 'cold-401', 401],
      [true, 'ok', 200],
    ]);
  });
});

describe('signed out', () => {
  const how = { '401': '401', redirect: 'redirect', html: 'html', 'data-null-error': 'error-envelope' } as const;

  it.each(SIGNED_OUT_STYLES)('the simulator says it with %s', async (style) => {
    const w = await watch({ session: 'none' });
    w.sim.setSignedOutStyle(style);
    for (const endpoint of ['probe', 'detail', 'status', 'documents'] as const) {
      const { outcome } = await fetchAs(w, endpoint);
      expect(outcome, endpoint).toEqual({ kind: 'signed-out', how: how[style] });
    }
  });

  it('a maintenance page where JSON was expected is a server error of that case, not a sign-out', async () => {
    const w = await watch({ faults: [{ endpoint: 'case-status', kind: 'html', times: 1 }] });
    expect((await w.client.fetchEndpoint('status', w.own)).outcome).toEqual({ kind: 'server-error', status: 200, page: 'html' });
    // The session was never in doubt: the next request is answered.
    expect((await w.client.fetchEndpoint('status', w.own)).outcome.kind).toBe('ok');
  });

  it('over HTTP, the answers that are no sign-out: a gateway page, an empty body, a text 503, a site-wide 404, a block page', async () => {
    const w = await watch({
      faults: [
        { endpoint: 'documents', kind: 'gateway-page', times: 1 },
        { endpoint: 'case-detail', kind: 'empty-body', times: 1 },
        { endpoint: 'case-detail', kind: 'text-error', times: 1 },
        { endpoint: 'case-status', kind: 'not-found-page', times: 1 },
      ],
    });
    expect((await w.client.fetchEndpoint('documents', w.own)).outcome).toEqual({ kind: 'server-error', status: 200, page: 'html' });
    expect((await w.client.fetchEndpoint('detail', w.own)).outcome).toEqual({ kind: 'server-error', status: 200, page: 'empty' });
    expect((await w.client.fetchEndpoint('detail', w.own)).outcome).toEqual({ kind: 'server-error', status: 503 });
    expect((await w.client.fetchEndpoint('status', w.own)).outcome).toEqual({ kind: 'receipt-refused', status: 404 });
    w.sim.addFault({ endpoint: 'any-api', kind: 'block-page', times: 2 });
    expect((await w.client.fetchEndpoint('probe')).outcome).toEqual({ kind: 'blocked', status: 403 });
    expect((await w.client.fetchEndpoint('status', w.companion)).outcome).toEqual({ kind: 'blocked', status: 403 });
    // Every fault spent: the session was live throughout.
    expect((await w.client.fetchEndpoint('status', w.own)).outcome.kind).toBe('ok');
  });

  it('a {"data": null, "error": ...} answer reads as signed out, even with a live session', async () => {
    const w = await watch({ faults: [{ endpoint: 'documents', kind: 'data-null-error' }] });
    expect((await w.client.fetchEndpoint('documents', w.own)).outcome).toEqual({ kind: 'signed-out', how: 'error-envelope' });
  });

  it('an expired session reads as signed out', async () => {
    const w = await watch();
    w.sim.setSignedOutStyle('401');
    w.sim.expireSessions();
    expect((await w.client.fetchEndpoint('probe')).outcome).toEqual({ kind: 'signed-out', how: '401' });
  });
});

describe('refused for other reasons', () => {
  it('the WAF challenge, on every endpoint', async () => {
    const w = await watch();
    w.sim.setWaf(true);
    for (const endpoint of ['probe', 'detail', 'status', 'documents'] as const) {
      const { outcome, request } = await fetchAs(w, endpoint);
      expect(outcome, endpoint).toEqual({ kind: 'challenged' });
      expect(request.status).toBe(202);
    }
  });

  it('rate limited, Retry-After in seconds', async () => {
    const w = await watch({ faults: [{ endpoint: 'case-detail', kind: 'rate-limit', retryAfterSeconds: 37 }] });
    expect((await w.client.fetchEndpoint('detail', w.own)).outcome).toEqual({ kind: 'rate-limited', retryAfterMs: 37_000 });
  });

  it('rate limited, Retry-After as an HTTP date read against the injected clock', async () => {
    const w = await watch({ faults: [{ endpoint: 'cases-probe', kind: 'rate-limit', retryAfterSeconds: 90, retryAfterFormat: 'http-date' }] });
    // The simulator's clock is frozen days after the test's real time, so only the injected clock gets 90 s.
    expect(w.sim.clock.now()).toBeGreaterThan(TEST_START);
    expect((await w.client.fetchEndpoint('probe')).outcome).toEqual({ kind: 'rate-limited', retryAfterMs: 90_000 });
  });

  it('a 500 on the probe is a server error', async () => {
    const w = await watch({ faults: [{ endpoint: 'cases-probe', kind: 'server-error', status: 500 }] });
    expect((await w.client.fetchEndpoint('probe')).outcome).toEqual({ kind: 'server-error', status: 500 });
  });

  it.each([502, 503] as const)('a %i web page on a case endpoint is a server error', async (status) => {
    const w = await watch({ faults: [{ endpoint: 'case-status', kind: 'server-error', status }] });
    const result = await w.client.fetchEndpoint('status', w.own);
    expect(result.outcome).toEqual({ kind: 'server-error', status });
    expect(result.request.status).toBe(status);
  });
});

describe('a failed request is never data', () => {
  it('a dropped connection is a network error', async () => {
    const w = await watch({ faults: [{ endpoint: 'documents', kind: 'drop' }] });
    const result = await w.client.fetchEndpoint('documents', w.own);
    expect(result.outcome).toMatchObject({ kind: 'network-error', message: expect.stringMatching(/ECONNRESET|socket hang up/i) });
    expect(result.request.status).toBeNull();
  });

  it('a slow answer is a timeout after timeoutMs', async () => {
    const w = await watch({ faults: [{ endpoint: 'documents', kind: 'slow', delayMs: 600 }], client: { timeoutMs: 100 } });
    const result = await w.client.fetchEndpoint('documents', w.own);
    expect(result.outcome).toEqual({ kind: 'timeout' });
    expect(result.request.status).toBeNull();
    expect(result.request.ms).toBeLessThan(500);
  });

  it('truncated JSON is malformed', async () => {
    const w = await watch({ faults: [{ endpoint: 'documents', kind: 'truncated-json' }] });
    expect((await w.client.fetchEndpoint('documents', w.own)).outcome).toEqual({ kind: 'malformed', reason: 'invalid-json' });
  });

  it('a 4 MiB answer with a 2 MiB limit is malformed (too large)', async () => {
    const w = await watch({ faults: [{ endpoint: 'documents', kind: 'oversized', bytes: 4 * MIB }], client: { maxBytes: 2 * MIB } });
    const result = await w.client.fetchEndpoint('documents', w.own);
    expect(result.outcome).toEqual({ kind: 'malformed', reason: 'too-large' });
    expect(result.request.status).toBeNull();
  });

  it('the cookie appears in no outcome or request record, and the full receipt in no request record', async () => {
    const w = await watch({ client: { timeoutMs: 100 } });
    const session = w.cookie!.split('=')[1]!;
    const plan: Array<[FaultRule | null, CheckEndpoint]> = [
      [null, 'detail'],
      [{ endpoint: 'case-detail', kind: 'drop', times: 1 }, 'detail'],
      [{ endpoint: 'case-status', kind: 'slow', delayMs: 600, times: 1 }, 'status'],
      [{ endpoint: 'documents', kind: 'oversized', bytes: 4 * MIB, times: 1 }, 'documents'],
      [{ endpoint: 'documents', kind: 'truncated-json', times: 1 }, 'documents'],
      [{ endpoint: 'case-status', kind: 'server-error', status: 500, times: 1 }, 'status'],
    ];
    const results: Array<FetchResult<unknown>> = [];
    for (const [fault, endpoint] of plan) {
      if (fault) w.sim.addFault(fault);
      results.push(await fetchAs(w, endpoint));
    }
    w.sim.expireSessions();
    for (const style of SIGNED_OUT_STYLES) {
      w.sim.setSignedOutStyle(style);
      results.push(await fetchAs(w, 'detail'));
    }
    expect(new Set(results.map((result) => result.outcome.kind))).toEqual(
      new Set(['ok', 'network-error', 'timeout', 'malformed', 'receipt-refused', 'signed-out']),
    );
    expect(JSON.stringify(results)).not.toContain(session);
    expect(JSON.stringify(results.map((result) => result.request))).not.toContain(w.own);
  });
});

describe("another account's receipt (the client reports; engine/case-check.ts judges)", () => {
  it('404 on every endpoint of a receipt of another account, while the account\'s own receipt is served', async () => {
    const w = await watch();
    for (const endpoint of ['detail', 'status', 'documents'] as const) {
      expect((await w.client.fetchEndpoint(endpoint, w.foreign)).outcome, endpoint).toEqual({ kind: 'receipt-refused', status: 404 });
    }
    expect((await w.client.fetchEndpoint('status', w.own)).outcome.kind).toBe('ok');
  });

  it('500 where the simulator answers that way for a foreign receipt', async () => {
    const w = await watch();
    w.sim.setForeignReceiptStatus(500);
    expect((await w.client.fetchEndpoint('detail', w.foreign)).outcome).toEqual({ kind: 'receipt-refused', status: 500 });
    expect((await w.client.fetchEndpoint('detail', w.companion)).outcome.kind).toBe('ok');
  });

  it("500 on the user's own receipt is a refusal too (the detail still answers)", async () => {
    const w = await watch();
    w.sim.addFault({ endpoint: 'documents', kind: 'server-error', status: 500, receipt: w.own });
    expect((await w.client.fetchEndpoint('documents', w.own)).outcome).toEqual({ kind: 'receipt-refused', status: 500 });
    expect((await w.client.fetchEndpoint('detail', w.own)).outcome.kind).toBe('ok');
  });
});

describe('classifyResponse', () => {
  const NOW = Date.UTC(2026, 7, 12, 9, 0, 0);
  const json = (body: unknown, status = 200, headers: Record<string, string> = {}): HttpResponse => ({
    status,
    headers: { 'content-type': 'application/json;charset=UTF-8', ...headers },
    body: JSON.stringify(body),
  });
  const html = (body: string, status = 200, headers: Record<string, string> = {}): HttpResponse => ({
    status,
    headers: { 'content-type': 'text/html; charset=utf-8', ...headers },
    body,
  });
  const classify = (response: HttpResponse, endpoint: CheckEndpoint = 'documents') => classifyResponse(endpoint, response, NOW);

  it('204 is no content, not an empty list', () => {
    expect(classify({ status: 204, headers: {}, body: '' })).toEqual({ kind: 'no-content' });
  });

  it('recognises the WAF by a 202, by its header on any status, or by its script in a page', () => {
    expect(classify(html('<p>wait</p>', 202))).toEqual({ kind: 'challenged' });
    expect(classify(html('', 405, { 'x-amzn-waf-action': 'captcha' }))).toEqual({ kind: 'challenged' });
    expect(classify(json({ data: [] }, 200, { 'x-amzn-waf-action': 'challenge' }))).toEqual({ kind: 'challenged' });
    const page = '<!doctype html><script src="https://abc123.token.awswaf.com/abc123/challenge.js"></script>';
    expect(classify(html(page, 403))).toEqual({ kind: 'challenged' });
    expect(classify(html('<html><script>document.cookie="aws-waf-token=x"</script></html>'))).toEqual({ kind: 'challenged' });
  });

  it('a redirect is signed out only when it leads to sign-in (its host or the /oidc/ path); elsewhere it is a server error', () => {
    const to = (location?: string, status = 302) => classify({ status, headers: location === undefined ? {} : { location }, body: '' });
    expect(to('/oidc/login')).toEqual({ kind: 'signed-out', how: 'redirect' });
    expect(to('https://my.uscis.gov/oidc/authorize?x=1')).toEqual({ kind: 'signed-out', how: 'redirect' });
    expect(to('https://myaccount.uscis.gov/sign-in', 303)).toEqual({ kind: 'signed-out', how: 'redirect' });
    expect(to('http://127.0.0.1:4001/sign-in', 307)).toEqual({ kind: 'signed-out', how: 'redirect' });
    expect(to('/somewhere-else', 307)).toEqual({ kind: 'server-error', status: 307 });
    expect(to('https://www.uscis.gov/outage')).toEqual({ kind: 'server-error', status: 302 });
    expect(to(undefined, 301)).toEqual({ kind: 'server-error', status: 301 });
    expect(to('http://[bad')).toEqual({ kind: 'server-error', status: 302 });
  });

  it("an edge network's block page (Akamai, Cloudflare; 200 or 403) is blocked, never a sign-out", () => {
    const akamai = '<HTML><HEAD>\n<TITLE>Access Denied</TITLE>\n</HEAD><BODY>\n<H1>Access Denied</H1>\n \nYou don\'t have permission to access "http&#58;&#47;&#47;my&#46;uscis&#46;gov&#47;account&#47;case&#45;service&#47;api&#47;cases" on this server.<P>\nReference&#32;&#35;18&#46;5f2e1102&#46;1733600000&#46;2a3b4c5d\n<P>https&#58;&#47;&#47;errors&#46;edgesuite&#46;net&#47;18&#46;5f2e1102</P>\n</BODY>\n</HTML>\n';
    const cloudflare = '<!DOCTYPE html><html><head><title>Attention Required! | Cloudflare</title></head><body><div id="cf-error-details"><h1>Sorry, you have been blocked</h1><p>Cloudflare Ray ID: <strong>8e0f1a2b3c4d5e6f</strong></p></div></body></html>';
    expect(classify(html(akamai, 403))).toEqual({ kind: 'blocked', status: 403 });
    expect(classify(html(akamai, 200))).toEqual({ kind: 'blocked', status: 200 });
    expect(classify(html(cloudflare, 403), 'status')).toEqual({ kind: 'blocked', status: 403 });
    expect(classify(html('<h1>Access Denied</h1>', 403))).toEqual({ kind: 'blocked', status: 403 });
    expect(classify({ status: 403, headers: { server: 'AkamaiGHost', 'content-type': 'text/html' }, body: '<html><body>Forbidden</body></html>' })).toEqual({ kind: 'blocked', status: 403 });
    // Not a block page: a JSON 403 from the service, or the words on a 500.
    expect(classify(json({ error: 'Forbidden' }, 403, { server: 'AkamaiGHost' }))).toEqual({ kind: 'unexpected-status', status: 403 });
    expect(classify(html('<h1>Access Denied</h1>', 500), 'probe')).toEqual({ kind: 'server-error', status: 500 });
  });

  it('reads Retry-After as seconds or an HTTP date, caps it at a day, and tolerates nonsense', () => {
    const retry = (value?: string) => classify({ status: 429, headers: value === undefined ? {} : { 'retry-after': value }, body: '' });
    expect(retry(' 120 ')).toEqual({ kind: 'rate-limited', retryAfterMs: 120_000 });
    expect(retry(new Date(NOW + 45_000).toUTCString())).toEqual({ kind: 'rate-limited', retryAfterMs: 45_000 });
    expect(retry('Wednesday, 12-Aug-26 09:10:00 GMT')).toEqual({ kind: 'rate-limited', retryAfterMs: 600_000 });
    expect(retry(new Date(NOW - 60_000).toUTCString())).toEqual({ kind: 'rate-limited', retryAfterMs: 0 });
    expect(retry('99999999999')).toEqual({ kind: 'rate-limited', retryAfterMs: DAY_MS });
    expect(retry(new Date(NOW + 3 * DAY_MS).toUTCString())).toEqual({ kind: 'rate-limited', retryAfterMs: DAY_MS });
    expect(retry()).toEqual({ kind: 'rate-limited', retryAfterMs: null });
    expect(retry('-5')).toEqual({ kind: 'rate-limited', retryAfterMs: null });
    expect(retry('2026-08-12')).toEqual({ kind: 'rate-limited', retryAfterMs: null });
    expect(retry('soon')).toEqual({ kind: 'rate-limited', retryAfterMs: null });
  });

  it('404 and 500 on a receipt are refusals; on the probe they are not', () => {
    expect(classify(json({ status: 404 }, 404), 'status')).toEqual({ kind: 'receipt-refused', status: 404 });
    expect(classify(html('<h1>Error</h1>', 500), 'detail')).toEqual({ kind: 'receipt-refused', status: 500 });
    expect(classify(json({ status: 404 }, 404), 'probe')).toEqual({ kind: 'unexpected-status', status: 404 });
    expect(classify(json({ status: 500 }, 500), 'probe')).toEqual({ kind: 'server-error', status: 500 });
    expect(classify(json({ status: 504 }, 504), 'detail')).toEqual({ kind: 'server-error', status: 504 });
  });

  it('other refusals keep their status', () => {
    expect(classify(html('<h1>Forbidden</h1>', 403))).toEqual({ kind: 'unexpected-status', status: 403 });
    expect(classify(json({}, 400))).toEqual({ kind: 'unexpected-status', status: 400 });
  });

  it('sorts bodies: only the sign-in form is a sign-out; other pages, text and empty bodies are server errors', () => {
    expect(classify({ status: 200, headers: {}, body: '\n<!DOCTYPE html><html><head><title>Sign In | USCIS</title></head><body></body></html>' })).toEqual({ kind: 'signed-out', how: 'html' });
    expect(classify(html('<html><body><form action="/oidc/login" method="post"><input name="email"></form></body></html>'))).toEqual({ kind: 'signed-out', how: 'html' });
    expect(classify(html('<html><body><label>Password <input type=password name=p></label></body></html>'))).toEqual({ kind: 'signed-out', how: 'html' });
    expect(classify(html('<html><head><title>Iniciar sesión</title></head></html>'))).toEqual({ kind: 'signed-out', how: 'html' });
    expect(classify({ status: 200, headers: { 'content-type': 'application/json' }, body: '<html><body>Sorry</body></html>' })).toEqual({ kind: 'server-error', status: 200, page: 'html' });
    expect(classify(html('<html><head><title>504 Gateway Time-out</title></head><body><h1>504 Gateway Time-out</h1></body></html>'))).toEqual({ kind: 'server-error', status: 200, page: 'html' });
    expect(classify(html('<html>not json</html>'))).toEqual({ kind: 'server-error', status: 200, page: 'html' });
    expect(classify({ status: 200, headers: { 'content-type': 'text/plain' }, body: 'service unavailable' })).toEqual({ kind: 'server-error', status: 200, page: 'text' });
    expect(classify({ status: 503, headers: { 'content-type': 'text/plain' }, body: 'service unavailable' })).toEqual({ kind: 'server-error', status: 503 });
    expect(classify({ status: 200, headers: { 'content-type': 'application/xml' }, body: '<Error>AccessDenied</Error>' })).toEqual({ kind: 'server-error', status: 200, page: 'text' });
    expect(classify({ status: 200, headers: { 'content-type': 'application/json' }, body: '' })).toEqual({ kind: 'server-error', status: 200, page: 'empty' });
    expect(classify({ status: 200, headers: {}, body: ' \n' })).toEqual({ kind: 'server-error', status: 200, page: 'empty' });
    // Lenient: JSON labelled as text is read; cut-off JSON labelled as JSON is broken.
    expect(classify({ status: 200, headers: { 'content-type': 'text/plain' }, body: '{"data":[]}' }, 'probe')).toEqual({ kind: 'ok', value: [] });
    expect(classify({ status: 200, headers: { 'content-type': 'application/json' }, body: '{"data":[{"fileN' })).toEqual({ kind: 'malformed', reason: 'invalid-json' });
    expect(classify(json({ data: null }))).toEqual({ kind: 'malformed', reason: 'no-data' });
    expect(classify(json({ data: { fileName: 'x' } }))).toEqual({ kind: 'malformed', reason: 'wrong-shape' });
    expect(classify(json({ data: 'not a case' }), 'detail')).toEqual({ kind: 'malformed', reason: 'wrong-shape' });
    expect(classify(json([]), 'probe')).toEqual({ kind: 'malformed', reason: 'wrong-shape' });
  });

  it('reads JSON without a content type, or labelled as a +json type', () => {
    expect(classify({ status: 200, headers: {}, body: '{"data":[]}' }, 'probe')).toEqual({ kind: 'ok', value: [] });
    expect(classify({ status: 200, headers: { 'content-type': 'application/vnd.api+json' }, body: '{"data":[]}' }, 'probe')).toEqual({ kind: 'ok', value: [] });
  });
});

describe('contracts', () => {
  it('a case endpoint called without a receipt (from untyped code) is a programming error, and sends nothing', async () => {
    const sent: HttpRequest[] = [];
    const client = new MyUscisClient({ http: (request) => (sent.push(request), Promise.reject(new Error('unreachable'))) });
    const untyped = client.fetchEndpoint.bind(client) as (endpoint: string) => Promise<unknown>;
    await expect(untyped('documents')).rejects.toThrow(new TypeError('the documents endpoint needs a receipt'));
    expect(sent).toEqual([]);
  });

  it('an HTTP port rejecting with something other than HttpFailure still gives a network error', async () => {
    const client = new MyUscisClient({ http: () => Promise.reject(new TypeError('net::ERR_CONNECTION_RESET')) });
    const result = await client.fetchEndpoint('probe');
    expect(result.outcome).toEqual({ kind: 'network-error', message: 'net::ERR_CONNECTION_RESET' });
    expect(result.request).toMatchObject({ endpoint: 'probe', status: null });
  });
});
