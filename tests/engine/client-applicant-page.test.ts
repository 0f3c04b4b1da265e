// The applicant page through the client: one GET of a page, over real HTTP against the simulator, and the pure
// sorting of every answer it can get (a page with the case list, a sign-in redirect, a challenge, another page).

import { describe, expect, it } from 'vitest';
import { MyUscisClient, classifyApplicantPage } from '../../engine/client';
import { createNodeHttpPort } from '../../engine/node-http-port';
import type { HttpRequest } from '../../engine/ports';
import { frozenSimulator } from '../helpers/sim-fixture';

const NOW = Date.UTC(2026, 5, 1);
const CARDS = '<script type="application/json" data-component-name="CaseCardsApp">{"cases":[{"receiptNumber":"IOE0933131201","formType":"I-821D","concurrentCases":[]}]}</script>';
const page = (body: string, status = 200, headers: Record<string, string> = { 'content-type': 'text/html; charset=utf-8' }) => ({ status, headers, body });

describe('fetchApplicantPage over HTTP', () => {
  it('asks for the page as a browser would and reads the account\'s cases', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-apr0-early-approval', startDay: 10 });
    const port = createNodeHttpPort({ cookie: sim.createSession() });
    const sent: HttpRequest[] = [];
    const client = new MyUscisClient({ http: (request) => (sent.push(request), port(request)), origin: sim.dataOrigin, clock: sim.clock });
    const { outcome, request } = await client.fetchApplicantPage();
    if (outcome.kind !== 'ok') throw new Error(outcome.kind);
    // Listed with full companion objects in this scenario.
    expect(outcome.value).toEqual(expect.arrayContaining([
      expect.objectContaining({ receipt: sim.receipts.i821d, formType: 'I-821D', concurrentReceipts: [sim.receipts.i765] }),
      expect.objectContaining({ receipt: sim.receipts.i765, formType: 'I-765' }),
    ]));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url).toBe(`${sim.dataOrigin}/account/applicant`);
    expect(sent[0]!.headers.Accept).toMatch(/^text\/html/);
    expect(request).toMatchObject({ endpoint: 'applicant-page', maskedReceipt: null, status: 200 });
  });

  it('a session that ended reads as signed out (the page redirects to sign-in)', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal', startDay: 10 });
    const cookie = sim.createSession();
    sim.expireSessions();
    const client = new MyUscisClient({ http: createNodeHttpPort({ cookie }), origin: sim.dataOrigin, clock: sim.clock });
    expect((await client.fetchApplicantPage()).outcome).toEqual({ kind: 'signed-out', how: 'redirect' });
  });
});

describe('classifyApplicantPage', () => {
  it.each([
    // The real page loads the WAF's integration script too: with the case list, it is the page.
    ['the page, with the WAF script on it', page(`<html><script src="https://a.token.awswaf.com/x/challenge.js"></script>${CARDS}</html>`), 'ok'],
    ['a redirect to sign-in', page('', 302, { location: 'https://my.uscis.gov/oidc/login' }), 'signed-out'],
    ['401', page('', 401), 'signed-out'],
    ['the WAF challenge', page('<html><script>AwsWafIntegration.challenge()</script></html>'), 'challenged'],
    ['202', page('', 202), 'challenged'],
    ['429', page('', 429, { 'retry-after': '60' }), 'rate-limited'],
    ['503', page('down', 503), 'server-error'],
    ['a page without the case list', page('<html><h1>Welcome</h1></html>'), 'malformed'],
    ['JSON instead of a page', page('{"data": []}', 200, { 'content-type': 'application/json' }), 'malformed'],
  ] as const)('%s: %s', (_name, response, kind) => {
    expect(classifyApplicantPage(response, NOW).kind).toBe(kind);
  });

  it('names the reason: no case list, or a case list that did not read', () => {
    expect(classifyApplicantPage(page('<html></html>'), NOW)).toEqual({ kind: 'malformed', reason: 'no-case-list' });
    expect(classifyApplicantPage(page('<script data-component-name="CaseCardsApp">{oops</script>'), NOW)).toEqual({ kind: 'malformed', reason: 'wrong-shape' });
  });
});
