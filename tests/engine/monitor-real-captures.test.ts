// The engine over real HTTP on the scenarios made from real captures (MYUSCIS.md, "Seen in real captures"):
// newest-first events with near-duplicates, "We ..." titles, APR0 alone, rotating contentIds, foreign payloads.

import { describe, expect, it } from 'vitest';
import { MyUscisClient } from '../../engine/client';
import { detectCaseFindings } from '../../engine/detect';
import { mergeReading } from '../../shared/monitor/merge-reading';
import type { MonitorEvent } from '../../engine/monitor';
import { createNodeHttpPort } from '../../engine/node-http-port';
import type { CaseSnapshot } from '../../shared/monitor/state';
import type { ReceiptNumber } from '../../shared/receipt';
import { engineHarness } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';

const DAY = 24 * 3_600_000;

/** The harness's clock starts at 13:00 UTC: a story watched `from` day 76 starts on day 76.54 (75.5 also starts at 75.54). */
async function watchStory(scenario: string, from: number, to: number) {
  const h = await engineHarness({ scenario, startDay: from });
  const forms: Record<string, string> = { [h.sim.receipts.i821d]: 'I-821D', [h.sim.receipts.i765]: 'I-765' };
  const run = h.start();
  await run.runUntil(h.sim.filingDay + to * DAY);
  const findings = run.events.filter((e): e is Extract<MonitorEvent, { kind: 'finding' }> => e.kind === 'finding');
  const said = run.notifications.map((n) => `${forms[n.key.split(':')[0]!] ?? n.key}:${n.key.split(':')[1]}`);
  return { h, run, findings, said, forms };
}

describe('near-duplicate events and newest-first lists, over HTTP', () => {
  it('daca-renewal (IAA written twice 19 ms apart, LDA twice 112 ms apart): one LDA event, one card-produced notification', async () => {
    const { findings, said } = await watchStory('daca-renewal', 76, 78.2);
    expect(findings.filter((f) => f.type === 'new-event' && f.detail.code === 'LDA')).toHaveLength(1);
    expect(said.filter((label) => label === 'I-765:card-produced')).toHaveLength(1);
    expect(new Set(findings.map((f) => f.key)).size).toBe(findings.length);
  }, 60_000);
});

describe('a renewal told only in "We ..." titles', () => {
  it('is told as the classic one: the same notifications, in the same order', async () => {
    const classic = await watchStory('daca-renewal', 75.5, 77.6);
    const told = await watchStory('daca-renewal-we-titles', 75.5, 77.6);
    expect(told.said).toEqual(classic.said);
    expect(told.said).toEqual(['I-821D:silent-approval', 'I-765:silent-approval', 'I-765:approved', 'I-765:card-produced']);
    expect(told.findings.map((f) => `${told.forms[f.receipt]} ${f.type}`)).toEqual(classic.findings.map((f) => `${classic.forms[f.receipt]} ${f.type}`));
  }, 120_000);
});

describe('APR0 alone', () => {
  it('notifies once, as a likely approval, before the title or a document says approved', async () => {
    const { said, run } = await watchStory('daca-apr0-early-approval', 74.3, 76.9);
    expect(said[0]).toBe('I-821D:likely-approved');
    expect(said.filter((label) => label.endsWith(':likely-approved'))).toEqual(['I-821D:likely-approved']);
    const hedged = run.notifications.find((n) => n.key.endsWith(':likely-approved'))!;
    expect(hedged.body).toMatch(/trackers have seen with approvals.*likely, not certain/);
    expect(said).toContain('I-821D:approved');
    // The I-765's approval day carries APR0 with its approval document and title: a firm approval, no hedging.
    expect(said).toContain('I-765:approved');
    expect(said).not.toContain('I-765:likely-approved');
    // IAK on an approval day is no request for evidence.
    expect(said.some((label) => label.endsWith(':rfe'))).toBe(false);
  }, 60_000);
});

describe('rotating contentIds', () => {
  it('a simulated month of hourly documents reads, every contentId new each time: no new-document finding', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-rotating-content-ids', startDay: 35, idleTimeoutMs: 10 ** 12, sessionLifetimeMs: 10 ** 12 });
    const client = new MyUscisClient({ http: createNodeHttpPort({ cookie: sim.createSession({ warm: true }) }), origin: sim.dataOrigin, clock: sim.clock });
    const receipt = sim.receipts.i821d as ReceiptNumber;
    let snapshot: CaseSnapshot | null = null;
    const found: string[] = [];
    const ids = new Set<string>();
    const start = sim.clock.now();
    for (let hour = 0; hour < 30 * 24; hour += 1) {
      sim.clock.setTime(start + hour * 3_600_000);
      const { outcome } = await client.fetchEndpoint('documents', receipt);
      if (outcome.kind !== 'ok') throw new Error(outcome.kind);
      for (const document of outcome.value) ids.add(document.contentId ?? '');
      const next = mergeReading(snapshot, { at: sim.clock.now(), documents: outcome.value });
      const findings = detectCaseFindings(snapshot, next, { receipt, formType: 'I-821D', now: sim.clock.now(), learned: {} });
      // The first read is the baseline (it reports the reuse notice already there); after it, nothing is new.
      if (hour > 0) found.push(...findings.map((f) => f.type));
      snapshot = next;
    }
    expect(ids.size).toBeGreaterThan(720);
    expect(found).toEqual([]);
  }, 60_000);

  it('the engine, through the approval days with every contentId rotating, finds each real document once', async () => {
    const { findings, said } = await watchStory('daca-rotating-content-ids', 75.5, 77.6);
    const documents = findings.filter((f) => f.type === 'new-document').map((f) => f.detail.documentType);
    expect(documents).toEqual(['I-821D Approval Notice', 'I-765 C33 Standalone Approval']);
    expect(said).toEqual(['I-821D:silent-approval', 'I-765:silent-approval', 'I-765:approved', 'I-765:card-produced']);
  }, 60_000);
});

describe('an answer about another receipt', () => {
  it('stores nothing of it, finds nothing, notifies nothing, says so with masked receipts, and retries', async () => {
    const { h, run, findings, said } = await watchStory('daca-wrong-receipt', 51.5, 54.5);
    expect(h.sim.requestLog().some((entry) => entry.outcome === 'wrong-receipt')).toBe(true);
    // Days [52, 54): the I-765 answers with the I-821D's payload, RFE included. The I-765 has no RFE of its own.
    expect(findings.filter((f) => f.receipt === h.sim.receipts.i765)).toEqual([]);
    expect(said).toEqual(['I-821D:rfe']);
    const errors = run.events.filter((e) => e.kind === 'error').map((e) => (e.kind === 'error' ? e.message : ''));
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toMatch(/^USCIS answered a request about IOE•+\d{4} with data about IOE•+\d{4}\. Nothing from this check was kept/);
    for (const message of errors) expect(message).not.toMatch(/IOE\d{10}/);
    // Retried at the case's next turn, without backing off from the other case or letting the session idle out.
    const checks = run.events.filter((e) => e.kind === 'check' && e.receipt === h.sim.receipts.i765).map((e) => (e.kind === 'check' ? e.outcome : ''));
    expect(checks.filter((outcome) => outcome === 'wrong-receipt').length).toBeGreaterThan(1);
    expect(checks.at(-1)).toBe('ok');
    expect(run.events.some((e) => e.kind === 'session' && e.state === 'signed-out')).toBe(false);
    // The I-765's snapshot holds only its own data.
    const stored = run.monitor.snapshot.snapshots[h.sim.receipts.i765]!;
    expect(stored.status?.title).not.toMatch(/evidence/i);
    expect(stored.detail?.events.some((e) => e.eventCode === 'IKA')).toBe(false);
  }, 60_000);

  it('another account\'s payload with an approval document on the I-821D is no approval', async () => {
    const { h, findings } = await watchStory('daca-wrong-receipt', 87.8, 88.7);
    expect(h.sim.requestLog().some((entry) => entry.outcome === 'wrong-receipt')).toBe(true);
    expect(findings.filter((f) => f.receipt === h.sim.receipts.i821d && (f.type === 'silent-approval' || f.type === 'new-document'))).toEqual([]);
  }, 60_000);
});

describe('the cases the account lists', () => {
  it('are read from the applicant page once per sign-in, through the engine\'s spacing, and kept in the state', async () => {
    const h = await engineHarness({ scenario: 'daca-rotating-content-ids', startDay: 20 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + 60_000);
    const pages = () => h.sim.requestLog().filter((entry) => entry.path === '/account/applicant');
    expect(pages()).toHaveLength(1);
    const { accountCases } = run.monitor.snapshot;
    expect(accountCases.readAt).toBe(pages()[0]!.at);
    // This scenario lists the companions as receipt strings.
    expect(accountCases.cases).toEqual(expect.arrayContaining([
      expect.objectContaining({ receipt: h.sim.receipts.i821d, formType: 'I-821D', concurrentReceipts: [h.sim.receipts.i765] }),
      expect.objectContaining({ receipt: h.sim.receipts.i765, formType: 'I-765' }),
    ]));
    expect(run.events).toContainEqual(expect.objectContaining({ kind: 'account-cases' }));

    // Checks go on without reading the page again, until the next sign-in.
    await run.runUntil(h.sim.clock.now() + 6 * 3_600_000);
    expect(pages()).toHaveLength(1);
    expect(h.apiRequests().length).toBeGreaterThan(10);
    await run.monitor.signedOut({ byUser: true });
    run.monitor.signedIn();
    await run.runUntil(h.sim.clock.now() + 60_000);
    expect(pages()).toHaveLength(2);
    // Spaced like every request: at least two seconds from the one before.
    const log = h.sim.requestLog().filter((entry) => entry.host === 'data');
    const page = log.findIndex((entry, i) => i > 0 && entry.path === '/account/applicant' && entry.seq === pages()[1]!.seq);
    expect(Date.parse(log[page]!.at) - Date.parse(log[page - 1]!.at)).toBeGreaterThanOrEqual(2000);
  }, 60_000);
});

describe('an "Interview Scheduled" notice (MYUSCIS.md: a parser reads it)', () => {
  it('and its document, arriving together, are told once, by the document, and never as a biometrics appointment', async () => {
    const { findings, said, run } = await watchStory('daca-interview-notice', 39.5, 41);
    expect(findings.map((f) => f.type).sort()).toEqual(['new-document', 'new-notice']);
    expect(said).toEqual(['I-821D:document']);
    expect(run.notifications[0]!.body).toContain('Interview Scheduled');
  }, 60_000);
});
