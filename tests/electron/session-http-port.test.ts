// The Electron session port over real HTTP to the simulator, through the shared Electron double's
// net.request (the partition's cookie jar, manual redirects as 'redirect' events). Also pins why the
// old start-up self-check could never pass: a net request's Cookie header is invisible to webRequest.

import { describe, expect, it, vi } from 'vitest';
import { MyUscisClient } from '../../engine/client';
import { createSessionHttpPort, type ClientRequestLike, type RequestInSession } from '../../electron/session-http-port';
import type { ReceiptNumber } from '../../shared/receipt';
import type { ElectronDouble, FakeSession } from '../helpers/electron-double';
import { SimBrowser } from '../helpers/sim-browser';
import { frozenSimulator } from '../helpers/sim-fixture';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;

let partitions = 0;
/** A fresh partition and net.request bound to it, as main.ts binds it. */
function partition(): { session: FakeSession; request: RequestInSession } {
  const session = electron.session.fromPartition(`persist:test-${(partitions += 1)}`);
  const request: RequestInSession = (url) =>
    electron.net.request({ url, session, useSessionCookies: true, redirect: 'manual' }) as unknown as ClientRequestLike;
  return { session, request };
}

async function signedIn(sim: Awaited<ReturnType<typeof frozenSimulator>>) {
  const bound = partition();
  const [name, value] = sim.createSession().split('=') as [string, string];
  bound.session.cookies.put('127.0.0.1', name, value);
  return bound;
}

describe('the session port over net.request', () => {
  it('reads an endpoint in the session, with the partition cookies and the headers the client gives', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10 });
    const client = new MyUscisClient({ http: createSessionHttpPort({ request: (await signedIn(sim)).request }), origin: sim.dataOrigin });
    const { outcome } = await client.fetchEndpoint('status', sim.receipts.i765 as ReceiptNumber);
    expect(outcome.kind).toBe('ok');
    expect(sim.requestLog().at(-1)).toMatchObject({ sessionLive: true, referer: true, status: 200 });
  });

  it('reports a bounce to sign-in as a redirect, which the client reads as signed out', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, signedOutStyle: 'redirect' });
    const client = new MyUscisClient({ http: createSessionHttpPort({ request: partition().request }), origin: sim.dataOrigin });
    const { outcome } = await client.fetchEndpoint('documents', sim.receipts.i821d as ReceiptNumber);
    expect(outcome).toEqual({ kind: 'signed-out', how: 'redirect' });
    // Not followed: only the API request reached the simulator.
    expect(sim.requestLog().map((r) => r.path)).toEqual([`/account/case-service/api/cases/${sim.receipts.i821d}/documents`]);
  });

  it('gives up after the timeout and refuses an oversized body', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10 });
    const { request } = await signedIn(sim);
    sim.addFault({ endpoint: 'documents', kind: 'slow', delayMs: 1500, times: 1 });
    sim.addFault({ endpoint: 'case-status', kind: 'oversized', bytes: 3 * 1024 * 1024, times: 1 });
    const client = new MyUscisClient({ http: createSessionHttpPort({ request }), origin: sim.dataOrigin, timeoutMs: 300, maxBytes: 1024 * 1024 });
    expect((await client.fetchEndpoint('documents', sim.receipts.i821d as ReceiptNumber)).outcome).toEqual({ kind: 'timeout' });
    expect((await client.fetchEndpoint('status', sim.receipts.i821d as ReceiptNumber)).outcome).toEqual({ kind: 'malformed', reason: 'too-large' });
  });

  it('refreshes the WAF token once through a page load in the same partition, then retries', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10, waf: true });
    const { session, request } = await signedIn(sim);
    let refreshes = 0;
    const http = createSessionHttpPort({
      request,
      // What the refresh window does: load the applicant page, whose script puts the token in the partition.
      refreshChallenge: async () => {
        refreshes += 1;
        const page = new SimBrowser();
        for (const cookie of await session.cookies.get({ url: sim.dataOrigin })) page.cookies('127.0.0.1').set(cookie.name, cookie.value);
        await page.fetch(sim.applicantUrl);
        for (const [name, value] of page.cookies('127.0.0.1')) session.cookies.put('127.0.0.1', name, value);
      },
    });
    const client = new MyUscisClient({ http, origin: sim.dataOrigin });
    expect((await client.fetchEndpoint('documents', sim.receipts.i821d as ReceiptNumber)).outcome.kind).toBe('ok');
    expect(refreshes).toBe(1);
    // The fresh token holds: no refresh for the next request.
    expect((await client.fetchEndpoint('status', sim.receipts.i821d as ReceiptNumber)).outcome.kind).toBe('ok');
    expect(refreshes).toBe(1);
    // Without a refresh hook the challenge reaches the client, which says so.
    const bare = new MyUscisClient({ http: createSessionHttpPort({ request: partition().request }), origin: sim.dataOrigin });
    expect((await bare.fetchEndpoint('documents', sim.receipts.i821d as ReceiptNumber)).outcome).toEqual({ kind: 'challenged' });
  });
});

describe('why there is no transport self-check', () => {
  it('a net request carries the partition cookie to the server, yet webRequest never sees its Cookie header', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10 });
    const { session, request } = await signedIn(sim);
    const seen: string[] = [];
    session.webRequest.onBeforeSendHeaders({ urls: ['*://*/*'] }, (details: { requestHeaders: Record<string, string> }) => void seen.push(details.requestHeaders.Cookie ?? ''));
    const client = new MyUscisClient({ http: createSessionHttpPort({ request }), origin: sim.dataOrigin });
    expect((await client.fetchEndpoint('probe')).outcome.kind).toBe('ok');
    expect(sim.requestLog().at(-1)).toMatchObject({ sessionLive: true });
    expect(seen).toEqual([]);
  });
});
