// Every fault kind of the simulator through real HTTP on a chosen endpoint, the counting options (times, every,
// receipt, any-api), rejection of malformed rules by addFault, and fault outcomes in the request log.

import { describe, expect, it } from 'vitest';
import { ZodError } from 'zod';
import type { FaultRule } from '../../simulator/scenario-schema';
import type { Simulator } from '../../simulator/server';
import { frozenSimulator } from '../helpers/sim-fixture';
import { SimBrowser, type SimResponse } from '../helpers/sim-browser';

const API = '/account/case-service/api';
const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/** A simulator in the renewal's review phase and a browser with a live session on it. */
async function setup(faults: FaultRule[] = []): Promise<{ sim: Simulator; browser: SimBrowser }> {
  const sim = await frozenSimulator({ faults });
  sim.advanceToPhase('review');
  const browser = new SimBrowser();
  const cookie = sim.createSession({ warm: true });
  const eq = cookie.indexOf('=');
  browser.cookies(new URL(sim.dataOrigin).hostname).set(cookie.slice(0, eq), cookie.slice(eq + 1));
  return { sim, browser };
}

function get(browser: SimBrowser, sim: Simulator, path: string): Promise<SimResponse> {
  return browser.fetch(sim.dataOrigin + path, { follow: false });
}

const paths = (sim: Simulator) => ({
  probe: `${API}/cases`,
  detail: `${API}/cases/${sim.receipts.i821d}`,
  detail765: `${API}/cases/${sim.receipts.i765}`,
  status: `${API}/case_status/${sim.receipts.i821d}`,
  documents: `${API}/cases/${sim.receipts.i821d}/documents`,
  documents765: `${API}/cases/${sim.receipts.i765}/documents`,
  processingTimes: `${API}/cases/I-821D/processing_times/${sim.receipts.i821d}`,
  receiptInfo: `/secure-messaging/api/case-service/receipt_info/${sim.receipts.i821d}`,
  history: `${API}/cases/${sim.receipts.i821d}/history`,
});

function lastLog(sim: Simulator) {
  const entry = sim.requestLog().at(-1);
  if (!entry) throw new Error('empty request log');
  return entry;
}

async function expectDropped(request: Promise<SimResponse>): Promise<void> {
  const error = (await request.then(
    (response) => new Error(`expected the connection to drop, got ${response.status}`),
    (reason: unknown) => reason,
  )) as NodeJS.ErrnoException;
  expect(error.code === 'ECONNRESET' || /socket hang up/i.test(error.message), error.message).toBe(true);
}

describe('rate-limit', () => {
  it('answers 429 with Retry-After in seconds (120 by default)', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'case-status', kind: 'rate-limit', times: 1 });
    const response = await get(browser, sim, paths(sim).status);
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('120');
    expect(lastLog(sim).outcome).toBe('fault:rate-limit');
    expect((await get(browser, sim, paths(sim).status)).status).toBe(200);
  });

  it('sends the seconds asked for', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'case-status', kind: 'rate-limit', retryAfterSeconds: 37 });
    const response = await get(browser, sim, paths(sim).status);
    expect(response.status).toBe(429);
    expect(response.headers['retry-after']).toBe('37');
  });

  it('sends an HTTP date with retryAfterFormat http-date', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'case-status', kind: 'rate-limit', retryAfterSeconds: 90, retryAfterFormat: 'http-date' });
    const response = await get(browser, sim, paths(sim).status);
    expect(response.status).toBe(429);
    const retryAfter = String(response.headers['retry-after']);
    expect(retryAfter).toMatch(HTTP_DATE);
    // The frozen story clock plus 90 s, to the second.
    expect(retryAfter).toBe(new Date(sim.clock.now() + 90_000).toUTCString());
    expect(Date.parse(retryAfter) - Math.floor(sim.clock.now() / 1000) * 1000).toBe(90_000);
  });
});

describe('server-error', () => {
  it('500 is a Spring-style JSON error body', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'documents', kind: 'server-error', status: 500 });
    const path = paths(sim).documents;
    const response = await get(browser, sim, path);
    expect(response.status).toBe(500);
    expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
    expect(response.json()).toEqual({
      timestamp: new Date(sim.clock.now()).toISOString(),
      status: 500,
      error: 'Internal Server Error',
      path,
    });
    expect(lastLog(sim).outcome).toBe('fault:server-error');
  });

  it.each([
    [502, 'Bad Gateway'],
    [503, 'Service Unavailable'],
  ] as const)('%i is an HTML page', async (status, title) => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'documents', kind: 'server-error', status });
    const response = await get(browser, sim, paths(sim).documents);
    expect(response.status).toBe(status);
    expect(String(response.headers['content-type'])).toMatch(/^text\/html/);
    expect(response.body).toContain(title);
    expect(() => JSON.parse(response.body)).toThrow();
  });

  it('defaults to 503', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'documents', kind: 'server-error' });
    expect((await get(browser, sim, paths(sim).documents)).status).toBe(503);
  });
});

describe('slow', () => {
  it('delays the normal 200 JSON answer by delayMs of real time', async () => {
    const { sim, browser } = await setup();
    const normal = await get(browser, sim, paths(sim).detail);
    sim.addFault({ endpoint: 'case-detail', kind: 'slow', delayMs: 300 });
    const started = performance.now();
    const response = await get(browser, sim, paths(sim).detail);
    const elapsed = performance.now() - started;
    // Timers have millisecond granularity; allow a couple of ms of rounding.
    expect(elapsed).toBeGreaterThanOrEqual(298);
    expect(elapsed).toBeLessThan(2500);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
    expect(response.body).toBe(normal.body);
    expect(response.json<{ data: { receiptNumber: string } }>().data.receiptNumber).toBe(sim.receipts.i821d);
    expect(lastLog(sim).outcome).toBe('fault:slow');
    expect(lastLog(sim).status).toBe(200);
  });
});

describe('drop', () => {
  it('destroys the connection: the request errors', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'documents', kind: 'drop', times: 1 });
    await expectDropped(get(browser, sim, paths(sim).documents));
    expect(lastLog(sim).outcome).toBe('fault:drop');
    expect(lastLog(sim).status).toBeNull();
    // The next request gets through on a new connection.
    expect((await get(browser, sim, paths(sim).documents)).status).toBe(200);
  });
});

describe('truncated-json', () => {
  it('answers 200 with a body that is a strict prefix of the normal payload and does not parse', async () => {
    const { sim, browser } = await setup();
    const normal = await get(browser, sim, paths(sim).detail);
    sim.addFault({ endpoint: 'case-detail', kind: 'truncated-json', times: 1 });
    const response = await get(browser, sim, paths(sim).detail);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
    expect(() => JSON.parse(response.body)).toThrow(SyntaxError);
    expect(response.body.length).toBeGreaterThan(10);
    expect(response.body.length).toBeLessThan(normal.body.length);
    expect(normal.body.startsWith(response.body)).toBe(true);
    expect(Number(response.headers['content-length'])).toBe(Buffer.byteLength(response.body));
    expect(lastLog(sim).outcome).toBe('fault:truncated-json');
    // times: 1 — the next answer is whole again.
    expect((await get(browser, sim, paths(sim).detail)).body).toBe(normal.body);
  });
});

describe('html', () => {
  it('answers 200 text/html where JSON was expected', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'case-status', kind: 'html' });
    const response = await get(browser, sim, paths(sim).status);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^text\/html/);
    expect(response.body).toMatch(/^<!doctype html>/i);
    expect(response.body).toContain('We are experiencing technical difficulties');
    expect(() => JSON.parse(response.body)).toThrow();
    expect(lastLog(sim).outcome).toBe('fault:html');
  });
});

describe('answers that are no sign-out (MYUSCIS.md "Seen since")', () => {
  it('not-found on any-api: every API path answers 404 for the next N requests (a site-wide outage)', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'any-api', kind: 'not-found', times: 3 });
    const answers = [await get(browser, sim, paths(sim).probe), await get(browser, sim, paths(sim).detail), await get(browser, sim, paths(sim).documents765)];
    expect(answers.map((response) => response.status)).toEqual([404, 404, 404]);
    expect(answers[1]!.json<{ status: number; error: string }>()).toMatchObject({ status: 404, error: 'Not Found' });
    expect((await get(browser, sim, paths(sim).detail)).status).toBe(200);
  });

  it('not-found-page: a 404 web page', async () => {
    const { sim, browser } = await setup([{ endpoint: 'case-status', kind: 'not-found-page' }]);
    const response = await get(browser, sim, paths(sim).status);
    expect(response.status).toBe(404);
    expect(String(response.headers['content-type'])).toMatch(/^text\/html/);
    expect(response.body).toContain('Page not found');
  });

  it('gateway-page: 200 with a gateway timeout page, no form, no JSON', async () => {
    const { sim, browser } = await setup([{ endpoint: 'documents', kind: 'gateway-page' }]);
    const response = await get(browser, sim, paths(sim).documents);
    expect(response.status).toBe(200);
    expect(response.body).toContain('<title>504 Gateway Time-out</title>');
    expect(response.body).not.toMatch(/password|<form/i);
    expect(lastLog(sim).outcome).toBe('fault:gateway-page');
  });

  it("block-page: Akamai's Access Denied, 403 by default or 200, from AkamaiGHost, naming the path and a reference", async () => {
    const { sim, browser } = await setup([{ endpoint: 'any-api', kind: 'block-page', times: 1 }, { endpoint: 'any-api', kind: 'block-page', status: 200 }]);
    const first = await get(browser, sim, paths(sim).detail);
    expect(first.status).toBe(403);
    expect(first.headers.server).toBe('AkamaiGHost');
    expect(first.body).toContain('<TITLE>Access Denied</TITLE>');
    expect(first.body).toMatch(/Reference&#32;&#35;18\.[0-9a-f]+\.\d+\.[0-9a-f]+/);
    expect(first.body).toContain('errors&#46;edgesuite&#46;net');
    const second = await get(browser, sim, paths(sim).status);
    expect(second.status).toBe(200);
    expect(second.body).toContain('Access Denied');
  });

  it('empty-body and text-error: an empty 200 labelled JSON, a 503 in plain text', async () => {
    const { sim, browser } = await setup([{ endpoint: 'case-detail', kind: 'empty-body', times: 1 }, { endpoint: 'case-detail', kind: 'text-error', times: 1 }]);
    const empty = await get(browser, sim, paths(sim).detail);
    expect([empty.status, empty.body, String(empty.headers['content-type'])]).toEqual([200, '', 'application/json;charset=UTF-8']);
    const text = await get(browser, sim, paths(sim).detail);
    expect([text.status, text.body]).toEqual([503, 'Service Unavailable']);
    expect(String(text.headers['content-type'])).toMatch(/^text\/plain/);
  });
});

describe('data-null-error', () => {
  it('answers 200 {"data": null, "error": {...}}', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'documents', kind: 'data-null-error' });
    const response = await get(browser, sim, paths(sim).documents);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
    const body = response.json<{ data: unknown; error: { code: string; message: string } }>();
    expect(Object.keys(body).sort()).toEqual(['data', 'error']);
    expect(body.data).toBeNull();
    expect(body.error).toEqual({ code: 'SERVICE_ERROR', message: 'An unexpected error occurred' });
    expect(lastLog(sim).outcome).toBe('fault:data-null-error');
  });
});

describe('oversized', () => {
  it('sends exactly `bytes` of valid JSON with a matching Content-Length', async () => {
    const bytes = 2 * 1024 * 1024;
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'documents', kind: 'oversized', bytes });
    const response = await get(browser, sim, paths(sim).documents);
    expect(response.status).toBe(200);
    expect(String(response.headers['content-type'])).toMatch(/^application\/json/);
    expect(Number(response.headers['content-length'])).toBe(bytes);
    expect(Buffer.byteLength(response.body)).toBe(bytes);
    const parsed = response.json<{ data: Array<{ type: string; padding: string }> }>();
    expect(parsed.data).toHaveLength(1);
    expect(parsed.data[0]!.padding.length).toBeGreaterThan(bytes - 100);
    expect(lastLog(sim).outcome).toBe('fault:oversized');
    expect(lastLog(sim).status).toBe(200);
  });

  it('streams under back-pressure without piling up listeners on the response', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(`${warning.name}: ${warning.message}`);
    process.on('warning', onWarning);
    try {
      const { sim, browser } = await setup();
      sim.addFault({ endpoint: 'documents', kind: 'oversized', bytes: 4 * 1024 * 1024 });
      const response = await get(browser, sim, paths(sim).documents);
      expect(Buffer.byteLength(response.body)).toBe(4 * 1024 * 1024);
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('warning', onWarning);
    }
    expect(warnings.filter((w) => w.startsWith('MaxListenersExceededWarning'))).toEqual([]);
  });
});

describe('counting and scope', () => {
  it('times: N fires on the next N matching requests, then stops', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'case-detail', kind: 'server-error', status: 502, times: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await get(browser, sim, paths(sim).detail)).status);
    expect(statuses).toEqual([502, 502, 502, 200, 200, 200]);
  });

  it('every: N fires on every Nth matching request', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'case-detail', kind: 'server-error', status: 503, every: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 10; i += 1) statuses.push((await get(browser, sim, paths(sim).detail)).status);
    expect(statuses).toEqual([200, 200, 503, 200, 200, 503, 200, 200, 503, 200]);
  });

  it('times and every together: every Nth, at most `times` times', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'case-detail', kind: 'server-error', status: 503, every: 2, times: 2 });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await get(browser, sim, paths(sim).detail)).status);
    expect(statuses).toEqual([200, 503, 200, 503, 200, 200, 200, 200]);
  });

  it('only requests to the rule\'s endpoint count', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'documents', kind: 'server-error', status: 503, every: 2 });
    const p = paths(sim);
    const statuses: Array<[string, number]> = [];
    for (const path of [p.documents, p.detail, p.status, p.documents, p.detail, p.documents, p.documents]) {
      statuses.push([path, (await get(browser, sim, path)).status]);
    }
    expect(statuses.map(([, status]) => status)).toEqual([200, 200, 200, 503, 200, 200, 503]);
  });

  it('receipt limits a rule to one receipt', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'case-detail', kind: 'server-error', status: 500, receipt: sim.receipts.i765 });
    const p = paths(sim);
    expect((await get(browser, sim, p.detail)).status).toBe(200);
    expect((await get(browser, sim, p.detail765)).status).toBe(500);
    expect((await get(browser, sim, p.detail)).status).toBe(200);
    expect((await get(browser, sim, p.detail765)).status).toBe(500);
    expect((await get(browser, sim, p.documents765)).status).toBe(200);
  });

  it('any-api hits every API endpoint but no page', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'any-api', kind: 'rate-limit', retryAfterSeconds: 5 });
    const p = paths(sim);
    for (const path of [p.probe, p.detail, p.status, p.documents, p.processingTimes, p.receiptInfo, p.history]) {
      const response = await get(browser, sim, path);
      expect(response.status, path).toBe(429);
      expect(response.headers['retry-after'], path).toBe('5');
    }
    const applicant = await get(browser, sim, '/account/applicant');
    expect(applicant.status).toBe(200);
    expect(applicant.body).toContain(sim.receipts.i821d);
  });

  it('applicant-page targets the applicant page only', async () => {
    const { sim, browser } = await setup();
    sim.addFault({ endpoint: 'applicant-page', kind: 'server-error', status: 502, times: 1 });
    expect((await get(browser, sim, paths(sim).detail)).status).toBe(200);
    expect((await get(browser, sim, '/account/applicant')).status).toBe(502);
    expect((await get(browser, sim, '/account/applicant')).status).toBe(200);
  });

  it('the first rule that fires wins, and every matching rule counts the request', async () => {
    const { sim, browser } = await setup();
    sim.setFaults([
      { endpoint: 'case-detail', kind: 'server-error', status: 502, every: 2 },
      { endpoint: 'case-detail', kind: 'server-error', status: 500, every: 3 },
    ]);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await get(browser, sim, paths(sim).detail)).status);
    // #2 and #4 and #6 by the first rule (#6 also fires the second, which loses), #3 by the second.
    expect(statuses).toEqual([200, 502, 500, 502, 200, 502]);
  });

  it('faults come from options, are replaced by setFaults and removed by clearFaults', async () => {
    const { sim, browser } = await setup([{ endpoint: 'case-status', kind: 'server-error', status: 502 }]);
    const p = paths(sim);
    expect((await get(browser, sim, p.status)).status).toBe(502);
    sim.setFaults([{ endpoint: 'documents', kind: 'server-error', status: 503 }]);
    expect((await get(browser, sim, p.status)).status).toBe(200);
    expect((await get(browser, sim, p.documents)).status).toBe(503);
    sim.clearFaults();
    expect((await get(browser, sim, p.documents)).status).toBe(200);
  });
});

describe('malformed rules', () => {
  it.each([
    ['an unknown kind', { endpoint: 'documents', kind: 'explode' }],
    ['a status server-error does not send', { endpoint: 'documents', kind: 'server-error', status: 504 }],
    ['times 0', { endpoint: 'documents', kind: 'drop', times: 0 }],
    ['a receipt that is not canonical', { endpoint: 'documents', kind: 'drop', receipt: 'ioe-0933-012457' }],
    ['oversized under 1 KiB', { endpoint: 'documents', kind: 'oversized', bytes: 10 }],
    ['no endpoint', { kind: 'drop' }],
  ])('addFault rejects %s (zod) and adds nothing', async (_label, rule) => {
    const { sim, browser } = await setup();
    expect(() => sim.addFault(rule as unknown as FaultRule)).toThrow(ZodError);
    expect(() => sim.setFaults([rule as unknown as FaultRule])).toThrow(ZodError);
    expect((await get(browser, sim, paths(sim).documents)).status).toBe(200);
  });
});

describe('request log', () => {
  it('logs each faulty answer with outcome fault:<kind>', async () => {
    const { sim, browser } = await setup();
    const p = paths(sim);
    const plan: Array<[FaultRule, string]> = [
      [{ endpoint: 'cases-probe', kind: 'rate-limit', times: 1 }, p.probe],
      [{ endpoint: 'case-detail', kind: 'server-error', status: 500, times: 1 }, p.detail],
      [{ endpoint: 'case-status', kind: 'slow', delayMs: 1, times: 1 }, p.status],
      [{ endpoint: 'documents', kind: 'truncated-json', times: 1 }, p.documents],
      [{ endpoint: 'receipt-info', kind: 'html', times: 1 }, p.receiptInfo],
      [{ endpoint: 'processing-times', kind: 'data-null-error', times: 1 }, p.processingTimes],
      [{ endpoint: 'history', kind: 'oversized', bytes: 4096, times: 1 }, p.history],
    ];
    for (const [rule, path] of plan) {
      sim.addFault(rule);
      await get(browser, sim, path);
    }
    sim.addFault({ endpoint: 'documents', kind: 'drop', times: 1 });
    await expectDropped(get(browser, sim, p.documents765));
    // Once more each, now that every rule is spent.
    for (const [, path] of plan) await get(browser, sim, path);

    const log = sim.requestLog();
    expect(log.map((entry) => [entry.endpoint, entry.outcome])).toEqual([
      ['cases-probe', 'fault:rate-limit'],
      ['case-detail', 'fault:server-error'],
      ['case-status', 'fault:slow'],
      ['documents', 'fault:truncated-json'],
      ['receipt-info', 'fault:html'],
      ['processing-times', 'fault:data-null-error'],
      ['history', 'fault:oversized'],
      ['documents', 'fault:drop'],
      ['cases-probe', 'ok'],
      ['case-detail', 'ok'],
      ['case-status', 'ok'],
      ['documents', 'ok'],
      ['receipt-info', 'ok'],
      ['processing-times', 'ok'],
      ['history', 'not-found'],
    ]);
    expect(log.slice(0, 7).map((entry) => entry.status)).toEqual([429, 500, 200, 200, 200, 200, 200]);
    expect(log[7]!.receipt).toBe(sim.receipts.i765);
    expect(log.slice(8).map((entry) => entry.status)).toEqual([200, 200, 200, 200, 200, 204, 404]);
  });
});
