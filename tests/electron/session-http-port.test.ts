// The Electron session port over real HTTP to the simulator. Electron's two transports are stood in
// for by small adapters that behave as Electron documents them (session.fetch rejects a manual
// redirect with "Redirect was cancelled"; net.request emits 'redirect'), sharing one cookie jar.

import { request as httpRequest } from 'node:http';
import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { MyUscisClient } from '../../engine/client';
import { chooseTransport, createSessionHttpPort, type ClientRequestLike, type SessionLike, type Transport } from '../../electron/session-http-port';
import type { ReceiptNumber } from '../../shared/receipt';
import { SimBrowser } from '../helpers/sim-browser';
import { frozenSimulator } from '../helpers/sim-fixture';

/** session.fetch as Electron behaves: the partition's cookies go along; a manual redirect rejects. */
function fakeSession(browser: SimBrowser): SessionLike {
  return {
    async fetch(url, init) {
      const host = new URL(url).hostname;
      const headers = new Headers(init?.headers as Record<string, string>);
      headers.set('cookie', browser.cookieHeader(host));
      const response = await fetch(url, { ...init, headers, redirect: 'manual' });
      if (response.status >= 300 && response.status < 400) throw new Error('net::ERR_ABORTED: Redirect was cancelled');
      for (const line of response.headers.getSetCookie()) browser.setDocumentCookie(host, line);
      return response;
    },
  };
}

/** net.request as Electron behaves with redirect: 'manual': a 'redirect' event, then nothing unless followed. */
function fakeRequest(browser: SimBrowser) {
  return (url: string): ClientRequestLike => {
    const target = new URL(url);
    const emitter = new EventEmitter() as EventEmitter & ClientRequestLike;
    const headers: Record<string, string> = { cookie: browser.cookieHeader(target.hostname) };
    let aborted = false;
    const outgoing = httpRequest({ host: '127.0.0.1', port: Number(target.port), path: target.pathname, headers }, (incoming) => {
      if (aborted) return incoming.destroy();
      const status = incoming.statusCode ?? 0;
      if (status >= 300 && status < 400) {
        incoming.resume();
        emitter.emit('redirect', status, 'GET', new URL(String(incoming.headers.location), url).href);
        return;
      }
      emitter.emit('response', Object.assign(incoming, { statusCode: status, headers: incoming.headers as Record<string, string | string[]> }));
    });
    outgoing.on('error', (error) => !aborted && emitter.emit('error', error));
    emitter.setHeader = (name, value) => void (headers[name.toLowerCase()] = value);
    emitter.abort = () => {
      aborted = true;
      outgoing.destroy();
    };
    emitter.end = () => {
      for (const [name, value] of Object.entries(headers)) outgoing.setHeader(name, value);
      outgoing.end();
    };
    return emitter;
  };
}

async function signedInBrowser(sim: Awaited<ReturnType<typeof frozenSimulator>>): Promise<SimBrowser> {
  const browser = new SimBrowser();
  const [name, value] = sim.createSession().split('=') as [string, string];
  browser.cookies('127.0.0.1').set(name, value);
  return browser;
}

describe.each(['session-fetch', 'net-request'] as const)('the session port over %s', (kind) => {
  const transportFor = (browser: SimBrowser): Transport =>
    kind === 'session-fetch' ? { kind, session: fakeSession(browser) } : { kind, request: fakeRequest(browser) };

  it('reads an endpoint in the session, with the headers the client gives', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10 });
    const client = new MyUscisClient({ http: createSessionHttpPort({ transport: transportFor(await signedInBrowser(sim)) }), origin: sim.dataOrigin });
    const { outcome } = await client.fetchEndpoint('status', sim.receipts.i765 as ReceiptNumber);
    expect(outcome.kind).toBe('ok');
    expect(sim.requestLog().at(-1)).toMatchObject({ sessionLive: true, referer: true, status: 200 });
  });

  it('reports a bounce to sign-in as a redirect, which the client reads as signed out', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, signedOutStyle: 'redirect' });
    const client = new MyUscisClient({ http: createSessionHttpPort({ transport: transportFor(new SimBrowser()) }), origin: sim.dataOrigin });
    const { outcome } = await client.fetchEndpoint('documents', sim.receipts.i821d as ReceiptNumber);
    expect(outcome).toEqual({ kind: 'signed-out', how: 'redirect' });
    // Not followed: only the API request reached the simulator.
    expect(sim.requestLog().map((r) => r.path)).toEqual([`/account/case-service/api/cases/${sim.receipts.i821d}/documents`]);
  });

  it('gives up after the timeout and refuses an oversized body', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10 });
    const browser = await signedInBrowser(sim);
    sim.addFault({ endpoint: 'documents', kind: 'slow', delayMs: 1500, times: 1 });
    sim.addFault({ endpoint: 'case-status', kind: 'oversized', bytes: 3 * 1024 * 1024, times: 1 });
    const client = new MyUscisClient({ http: createSessionHttpPort({ transport: transportFor(browser) }), origin: sim.dataOrigin, timeoutMs: 300, maxBytes: 1024 * 1024 });
    expect((await client.fetchEndpoint('documents', sim.receipts.i821d as ReceiptNumber)).outcome).toEqual({ kind: 'timeout' });
    expect((await client.fetchEndpoint('status', sim.receipts.i821d as ReceiptNumber)).outcome).toEqual({ kind: 'malformed', reason: 'too-large' });
  });

  it('refreshes the WAF token once through a page load in the same partition, then retries', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, waf: true });
    const browser = await signedInBrowser(sim);
    let refreshes = 0;
    const http = createSessionHttpPort({
      transport: transportFor(browser),
      // What the hidden window does: load the applicant page, whose script sets the token.
      refreshChallenge: async () => {
        refreshes += 1;
        await browser.fetch(sim.applicantUrl);
      },
    });
    const client = new MyUscisClient({ http, origin: sim.dataOrigin });
    expect((await client.fetchEndpoint('documents', sim.receipts.i821d as ReceiptNumber)).outcome.kind).toBe('ok');
    expect(refreshes).toBe(1);
    // The fresh token holds: no refresh for the next request.
    expect((await client.fetchEndpoint('status', sim.receipts.i821d as ReceiptNumber)).outcome.kind).toBe('ok');
    expect(refreshes).toBe(1);
    // Without a refresh hook the challenge reaches the client, which says so.
    const bare = new MyUscisClient({ http: createSessionHttpPort({ transport: transportFor(new SimBrowser()) }), origin: sim.dataOrigin });
    expect((await bare.fetchEndpoint('documents', sim.receipts.i821d as ReceiptNumber)).outcome).toEqual({ kind: 'challenged' });
  });
});

describe('the transport self-check', () => {
  const session: SessionLike = { fetch: async () => new Response('') };
  const request = () => ({}) as ClientRequestLike;
  it('keeps session.fetch only when the partition cookie went out with it', async () => {
    expect((await chooseTransport(session, request, async () => true)).kind).toBe('session-fetch');
    expect((await chooseTransport(session, request, async () => false)).kind).toBe('net-request');
    expect((await chooseTransport(session, request, async () => Promise.reject(new Error('offline')))).kind).toBe('net-request');
  });
});
