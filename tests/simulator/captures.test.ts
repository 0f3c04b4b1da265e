// The simulator as MYUSCIS.md's "Seen in real captures and peers' parsers" describes myUSCIS, over real HTTP:
// event order and near-duplicates, new fields, document names, receipt_info, titles, switches, the applicant page.

import { describe, expect, it } from 'vitest';
import type { CaseKey, ScenarioInput } from '../../simulator/scenario-schema';
import { SCENARIOS, getScenario, loadScenario, scenarioPhases } from '../../simulator/scenarios';
import type { Simulator } from '../../simulator/server';
import type { SimBrowser } from '../helpers/sim-browser';
import { frozenSimulator } from '../helpers/sim-fixture';
import { getData, signedInBrowser, type DocumentJson, type EventJson } from '../helpers/sim-session';

const API = '/account/case-service/api';
const DAY = 86_400_000;
const KEYS: readonly CaseKey[] = ['i821d', 'i765'];
const BASE64URL_43 = /^[A-Za-z0-9_-]{43}$/;

type Json = Record<string, unknown>;
const ms = (iso: string) => new Date(iso).getTime();
const paths = (receipt: string) => ({
  detail: `${API}/cases/${receipt}`,
  status: `${API}/case_status/${receipt}`,
  documents: `${API}/cases/${receipt}/documents`,
  receiptInfo: `/secure-messaging/api/case-service/receipt_info/${receipt}`,
});

async function json<T = Json>(browser: SimBrowser, sim: Simulator, path: string): Promise<T> {
  const response = await getData(browser, sim, path);
  expect(response.status, path).toBe(200);
  return response.json<T>();
}
const detailOf = async (browser: SimBrowser, sim: Simulator, receipt: string) =>
  (await json<{ data: Json & { events: EventJson[] } }>(browser, sim, paths(receipt).detail)).data;
const statusOf = async (browser: SimBrowser, sim: Simulator, receipt: string) => (await json<{ data: Json }>(browser, sim, paths(receipt).status)).data;
const documentsOf = async (browser: SimBrowser, sim: Simulator, receipt: string) =>
  (await json<{ data: DocumentJson[] }>(browser, sim, paths(receipt).documents)).data;

/** A document without its contentId: what stays the same when the id rotates. */
const identity = ({ contentId: _id, ...rest }: DocumentJson) => JSON.stringify(rest);
const lastPhase = (name: string) => scenarioPhases(getScenario(name)).at(-1)!.phase;

/** A built-in scenario as input, changed. */
function variant(name: string, change: Partial<ScenarioInput>): ScenarioInput {
  return { ...getScenario(name), ...change } as ScenarioInput;
}

describe('events', () => {
  it.each([...SCENARIOS.keys()].filter((name) => getScenario(name).payloadTrim === 'none'))('%s lists events newest first (by when they were written)', async (name) => {
    const sim = await frozenSimulator({ scenario: name });
    sim.advanceToPhase(lastPhase(name));
    const browser = signedInBrowser(sim);
    for (const key of KEYS) {
      const events = (await detailOf(browser, sim, sim.receipts[key])).events;
      const created = events.map((event) => ms(event.createdAtTimestamp));
      expect(new Set(created).size, key).toBeGreaterThan(3);
      expect(created, key).toEqual([...created].sort((a, b) => b - a));
      expect(events.length, key).toBe(sim.caseRecords()[key]!.events.length);
    }
  });

  it('lists them oldest first when a scenario says eventOrder: oldest-first, with the same events', async () => {
    const [newest, oldest] = await Promise.all([
      frozenSimulator({ scenario: 'daca-renewal' }),
      frozenSimulator({ scenario: loadScenario(variant('daca-renewal', { eventOrder: 'oldest-first' })) }),
    ]);
    for (const sim of [newest, oldest]) sim.advanceToPhase('card-delivered');
    const a = (await detailOf(signedInBrowser(newest), newest, newest.receipts.i765)).events;
    const b = (await detailOf(signedInBrowser(oldest), oldest, oldest.receipts.i765)).events;
    expect(b).toEqual([...a].reverse());
    expect(b[0]!.eventCode).toBe('IAF');
    expect(a[0]!.eventCode).toBe('LED');
  });

  it('writes near-duplicates (same code, new id, 19 or 112 ms later) unlike the re-emit (same timestamp, written weeks later)', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-reemitted-events' });
    sim.advanceToPhase(lastPhase('daca-reemitted-events'));
    const browser = signedInBrowser(sim);
    const of = (events: EventJson[], code: string) =>
      events.filter((event) => event.eventCode === code).sort((x, y) => ms(x.createdAtTimestamp) - ms(y.createdAtTimestamp));
    for (const key of KEYS) {
      const events = (await detailOf(browser, sim, sim.receipts[key])).events;
      const [first, twin, ...more] = of(events, 'IAA');
      expect(more, key).toEqual([]);
      expect(twin!.eventId, key).not.toBe(first!.eventId);
      expect(ms(twin!.eventTimestamp) - ms(first!.eventTimestamp), key).toBe(19);
      expect(ms(twin!.createdAtTimestamp) - ms(first!.createdAtTimestamp), key).toBe(19);
      // The re-emitted IAF: the same timestamp to the millisecond, written 50 days later.
      const [original, reemit] = of(events, 'IAF');
      expect(reemit!.eventId, key).not.toBe(original!.eventId);
      expect(reemit!.eventTimestamp, key).toBe(original!.eventTimestamp);
      expect(ms(reemit!.createdAtTimestamp) - ms(original!.createdAtTimestamp), key).toBeGreaterThan(40 * DAY);
    }
    const lda = of((await detailOf(browser, sim, sim.receipts.i765)).events, 'LDA');
    expect(lda).toHaveLength(2);
    expect(new Set(lda.map((event) => event.eventId)).size).toBe(2);
    expect(ms(lda[1]!.eventTimestamp) - ms(lda[0]!.eventTimestamp)).toBe(112);
  });

  it('every scenario writes its IAA as a near-duplicate pair', async () => {
    for (const name of [...SCENARIOS.keys()].filter((scenario) => getScenario(scenario).payloadTrim === 'none')) {
      const sim = await frozenSimulator({ scenario: name });
      sim.advanceToPhase('filed');
      const events = (await detailOf(signedInBrowser(sim), sim, sim.receipts.i821d)).events.filter((event) => event.eventCode === 'IAA');
      const [first, twin, ...more] = events.map((event) => ms(event.eventTimestamp)).sort((a, b) => a - b);
      expect(more, name).toEqual([]);
      expect(twin! - first!, name).toBe(19);
      expect(new Set(events.map((event) => event.eventId)).size, name).toBe(2);
      await sim.close();
    }
  });
});

describe('case detail, status and documents fields', () => {
  it.each([...SCENARIOS.keys()])('%s: elisBeneficiaryAddendum {}, the Python-dict status message, documents named by source', async (name) => {
    const sim = await frozenSimulator({ scenario: name });
    sim.setWrongReceipt([]);
    sim.advanceToPhase(lastPhase(name));
    const browser = signedInBrowser(sim);
    for (const key of KEYS) {
      const receipt = sim.receipts[key];
      const detail = await detailOf(browser, sim, receipt);
      expect(detail.elisBeneficiaryAddendum, key).toEqual({});
      expect(['Lockbox', 'Service Center', 'EFile'], key).toContain(detail.elisChannelType);
      expect((await statusOf(browser, sim, receipt)).message, key).toBe(`Query was successful for payload {'receipt_number': '${receipt}'}`);
      for (const doc of await documentsOf(browser, sim, receipt)) {
        if (doc.sourceType === 'USCIS Generated') expect(doc.fileName, key).toBe(`${doc.type}.pdf`);
        else expect(doc.fileName, key).toMatch(new RegExp(`^${receipt}-\\d{13}-part\\d+\\.tif$`));
      }
    }
  });

  it('names the approval and acceptance documents as captures show them; EFile in the APR0 scenario', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal' });
    sim.advanceToPhase('silent-approval');
    const browser = signedInBrowser(sim);
    expect((await documentsOf(browser, sim, sim.receipts.i821d)).map((doc) => doc.fileName)).toEqual(
      expect.arrayContaining(['Account Acceptance Notice.pdf', 'I-821D Approval Notice.pdf']),
    );
    expect((await documentsOf(browser, sim, sim.receipts.i765)).map((doc) => doc.fileName)).toContain('I-765 C33 Standalone Approval.pdf');
    const apr0 = await frozenSimulator({ scenario: 'daca-apr0-early-approval' });
    apr0.advanceToPhase('filed');
    expect((await detailOf(signedInBrowser(apr0), apr0, apr0.receipts.i765)).elisChannelType).toBe('EFile');
  });
});

describe('receipt_info', () => {
  it('is {"data": null} before assignment and for receipts that are not the account\'s; then receipt_details, message inside data when the scenario says so', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-wrong-receipt' });
    sim.advanceToPhase('biometrics-reused');
    let browser = signedInBrowser(sim);
    for (const key of KEYS) expect(await json(browser, sim, paths(sim.receipts[key]).receiptInfo), key).toEqual({ data: null });
    sim.advanceToPhase('review');
    browser = signedInBrowser(sim);
    const body = await json<{ data: { receipt_details: Json; message: unknown } }>(browser, sim, paths(sim.receipts.i765).receiptInfo);
    expect(Object.keys(body)).toEqual(['data']);
    expect(Object.keys(body.data).sort()).toEqual(['message', 'receipt_details']);
    expect(body.data.receipt_details).toMatchObject({ form: 'I-765', location: 'SCD', premproc: 0, receipt_number: sim.receipts.i765, subtype: '147-C3' });
    expect(body.data.receipt_details.receipt_date).toMatch(/^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} 00:00:00 GMT$/);
    expect(new Date(String(body.data.receipt_details.receipt_date)).toISOString().slice(0, 10)).toBe(
      String((await detailOf(browser, sim, sim.receipts.i765)).submissionDate),
    );
    expect(await json(browser, sim, paths(sim.scenario.otherAccountReceipts[0]!).receiptInfo)).toEqual({ data: null });
  });
});

/** Every status title (EN and ES, current and earlier) a scenario serves at any of its phases. */
async function servedTitles(name: string): Promise<Set<string>> {
  const sim = await frozenSimulator({ scenario: name });
  sim.setWrongReceipt([]);
  const titles = new Set<string>();
  for (const { phase } of scenarioPhases(sim.scenario)) {
    sim.advanceToPhase(phase);
    const browser = signedInBrowser(sim);
    for (const key of KEYS) {
      const status = await statusOf(browser, sim, sim.receipts[key]);
      for (const title of [status.statusTitle, status.statusTitleSpanish]) if (typeof title === 'string') titles.add(title);
      for (const earlier of status.historicalCaseStatuses as Json[]) {
        titles.add(String(earlier.statusTitle));
        titles.add(String(earlier.statusTitleSpanish));
      }
    }
  }
  await sim.close();
  return titles;
}

describe('titles', () => {
  it('serves every title of MYUSCIS.md\'s newer wording and its Spanish twins, somewhere in the built-in scenarios', async () => {
    const served = new Set<string>();
    for (const name of SCENARIOS.keys()) for (const title of await servedTitles(name)) served.add(title);
    const documented = [
      'We Emailed You a Receipt Notice',
      'Case Was Received and A Receipt Notice Was Sent',
      'Case Was Received and A Receipt Notice Was Emailed',
      // "We received your Form I-485." with the case's own form.
      'We received your Form I-765.',
      'USCIS Is Currently Processing Your Case',
      'We sent a request for additional evidence.',
      'We Produced Your New Card',
      'We produced your new card',
      'Your Case Has Been Approved',
      'Le Enviamos un Recibo por Correo Electronico',
      'USCIS Está Procesando Su Caso Actualmente',
      'Produjimos Su Nueva Tarjeta',
      'Se Está Produciendo Su Nueva Tarjeta',
    ];
    expect(documented.filter((title) => !served.has(title))).toEqual([]);
  });

  it('daca-renewal-we-titles follows daca-renewal phase by phase: same codes, events, documents and flags, other titles', async () => {
    const [classic, we] = await Promise.all([frozenSimulator({ scenario: 'daca-renewal' }), frozenSimulator({ scenario: 'daca-renewal-we-titles' })]);
    const phases = scenarioPhases(classic.scenario).map((p) => p.phase);
    expect(scenarioPhases(we.scenario).map((p) => p.phase)).toEqual(phases);
    const view = async (sim: Simulator, key: CaseKey) => {
      const browser = signedInBrowser(sim);
      const receipt = sim.receipts[key];
      const [detail, status, documents] = [await detailOf(browser, sim, receipt), await statusOf(browser, sim, receipt), await documentsOf(browser, sim, receipt)];
      return {
        facts: {
          code: status.currentActionCode,
          history: (status.historicalCaseStatuses as Json[]).map((h) => h.actionCode),
          events: detail.events.map((event) => event.eventCode).sort(),
          documents: documents.map((doc) => `${doc.type}|${doc.sourceType}`).sort(),
          flags: [detail.closed, detail.actionRequired],
        },
        titles: [status.statusTitle, status.statusTitleSpanish],
      };
    };
    let compared = 0;
    for (const phase of phases) {
      classic.advanceToPhase(phase);
      we.advanceToPhase(phase);
      for (const key of KEYS) {
        const [a, b] = [await view(classic, key), await view(we, key)];
        expect(b.facts, `${key} ${phase}`).toEqual(a.facts);
        if (a.titles[0] !== null) {
          expect(b.titles[0], `${key} ${phase}`).not.toBe(a.titles[0]);
          expect(b.titles[1], `${key} ${phase}`).not.toBe(a.titles[1]);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(2 * phases.length);
  });
});

describe('codes on an approval day', () => {
  it('APR0 comes alone first (no approval document, title unchanged), then APR0, RCV0, IAK and H008 with the approvals', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-apr0-early-approval' });
    sim.advanceToPhase('apr0-only');
    let browser = signedInBrowser(sim);
    const receipt = sim.receipts.i821d;
    const codes = async (r: string) => (await detailOf(browser, sim, r)).events.map((event) => event.eventCode);
    expect(await codes(receipt)).toContain('APR0');
    expect((await documentsOf(browser, sim, receipt)).filter((doc) => /approv/i.test(doc.type))).toEqual([]);
    expect((await statusOf(browser, sim, receipt)).statusTitle).toBe('Case Is Being Actively Reviewed By USCIS');
    sim.advanceToPhase('i765-approved');
    browser = signedInBrowser(sim);
    const day = new Date(sim.filingDay + 76 * DAY).toISOString().slice(0, 10);
    const onTheDay = async (key: CaseKey) =>
      (await detailOf(browser, sim, sim.receipts[key])).events.filter((event) => event.createdAtTimestamp.startsWith(day)).map((event) => event.eventCode);
    expect(await onTheDay('i765')).toEqual(expect.arrayContaining(['APR0', 'RCV0', 'IAK', 'H008', 'SA']));
    // The I-821D's APR0 came two days earlier; on its approval day, H008 twice with RCV0 and IAK.
    const i821d = await onTheDay('i821d');
    expect(i821d).toEqual(expect.arrayContaining(['RCV0', 'IAK', 'DA']));
    expect(i821d.filter((code) => code === 'H008')).toHaveLength(2);
    expect(i821d).not.toContain('APR0');
  });
});

describe('rotating contentIds', () => {
  it('daca-rotating-content-ids gives every document a new 43-char base64url id on every request, nothing else changing', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-rotating-content-ids' });
    sim.advanceToPhase('silent-approval');
    const browser = signedInBrowser(sim);
    const seen = new Set<string>();
    let answers = 0;
    for (const key of [...KEYS, ...KEYS]) {
      const documents = await documentsOf(browser, sim, sim.receipts[key]);
      expect(documents.length, key).toBe(sim.caseRecords()[key]!.documents.length);
      for (const doc of documents) {
        expect(doc.contentId).toMatch(BASE64URL_43);
        expect(seen.has(doc.contentId), `${key}: ${doc.contentId} came back`).toBe(false);
        seen.add(doc.contentId);
      }
      answers += 1;
    }
    expect(answers).toBe(4);
    const [first, second] = [await documentsOf(browser, sim, sim.receipts.i821d), await documentsOf(browser, sim, sim.receipts.i821d)];
    expect(second.map(identity)).toEqual(first.map(identity));
    expect(second.map((doc) => doc.contentId).filter((id) => first.some((doc) => doc.contentId === id))).toEqual([]);
  });

  it('over a simulated month of daily checks, no contentId repeats while the documents themselves only grow', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-rotating-content-ids', startDay: 60 });
    const ids = new Set<string>();
    let known = new Set<string>();
    let served = 0;
    for (let day = 0; day < 30; day += 1) {
      const documents = await documentsOf(signedInBrowser(sim), sim, sim.receipts.i765);
      for (const doc of documents) {
        expect(ids.has(doc.contentId)).toBe(false);
        ids.add(doc.contentId);
      }
      const now = new Set(documents.map(identity));
      for (const doc of known) expect(now.has(doc), `day ${day}`).toBe(true);
      known = now;
      served += documents.length;
      sim.advance(DAY);
    }
    expect(ids.size).toBe(served);
    expect(known.size).toBeGreaterThan(2);
  });

  it('ids are stable with the switch off, rotate when it is turned on in-process or over /__sim, and come back when it is off', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal' });
    sim.advanceToPhase('silent-approval');
    const browser = signedInBrowser(sim);
    const ids = async () => (await documentsOf(browser, sim, sim.receipts.i765)).map((doc) => doc.contentId);
    const stable = await ids();
    expect(await ids()).toEqual(stable);
    expect(await ids()).toEqual(stable);

    sim.setRotateContentIds(true);
    const rotated = await ids();
    expect(rotated.filter((id) => stable.includes(id))).toEqual([]);
    expect((await ids()).filter((id) => rotated.includes(id))).toEqual([]);
    sim.setRotateContentIds(false);
    expect(await ids()).toEqual(stable);

    const control = (path: string, body?: unknown) =>
      fetch(`${sim.dataOrigin}/__sim/${path}`, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'x-sim-control': sim.controlToken, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    expect((await control('rotate-content-ids', { enabled: 'yes' })).status).toBe(400);
    expect(await ids()).toEqual(stable);
    const on = await control('rotate-content-ids', { enabled: true });
    expect(await on.json()).toEqual({ rotateContentIds: true });
    expect(((await (await control('state')).json()) as Json).rotateContentIds).toBe(true);
    expect((await ids()).filter((id) => stable.includes(id))).toEqual([]);
    await control('rotate-content-ids', { enabled: false });
    expect(await ids()).toEqual(stable);
  });
});

describe('answers with another receipt\'s payload', () => {
  it('daca-wrong-receipt: on the RFE days the I-765 answers with the I-821D\'s payload; on the approval day the I-821D with another account\'s', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-wrong-receipt' });
    sim.advanceToPhase('rfe');
    let browser = signedInBrowser(sim);
    const { i821d, i765 } = sim.receipts;
    const detail = await detailOf(browser, sim, i765);
    expect(detail.receiptNumber).toBe(i821d);
    expect(detail.actionRequired).toBe(true);
    expect(new Set(detail.events.map((event) => event.receiptNumber))).toEqual(new Set([i821d]));
    const status = await statusOf(browser, sim, i765);
    expect(status.receiptNumber).toBe(i821d);
    expect(status.statusTitle).toBe('We sent a request for additional evidence.');
    expect(await documentsOf(browser, sim, i765)).toEqual(await documentsOf(browser, sim, i821d));
    // The I-821D itself answers as itself.
    expect((await detailOf(browser, sim, i821d)).receiptNumber).toBe(i821d);
    expect(sim.requestLog().filter((entry) => entry.outcome === 'wrong-receipt').map((entry) => entry.endpoint)).toEqual(['case-detail', 'case-status', 'documents']);

    sim.advanceToPhase('rfe-response');
    browser = signedInBrowser(sim);
    expect((await detailOf(browser, sim, i765)).receiptNumber).toBe(i765);

    sim.advanceToPhase('silent-approval');
    browser = signedInBrowser(sim);
    const other = sim.scenario.otherAccountReceipts[0]!;
    const wrong = await detailOf(browser, sim, i821d);
    expect(wrong.receiptNumber).toBe(other);
    expect(wrong.formType).toBe('I-765');
    const wrongStatus = await statusOf(browser, sim, i821d);
    expect(wrongStatus.receiptNumber).toBe(other);
    expect(String(wrongStatus.statusText)).toContain(other);
    expect(String(wrongStatus.statusText)).not.toContain(i821d);
    expect((await documentsOf(browser, sim, i821d)).map((doc) => doc.type)).toContain('I-765 C33 Approval Notice');
    // Asked for directly, that receipt is another account's.
    expect((await getData(browser, sim, paths(other).detail)).status).toBe(404);
    sim.advance(DAY);
    expect((await detailOf(signedInBrowser(sim), sim, i821d)).receiptNumber).toBe(i821d);
  });

  it('the switch, in-process and over /__sim: one endpoint or all, off with []', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal' });
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    const { i821d, i765 } = sim.receipts;
    sim.setWrongReceipt([{ case: 'i821d', answersAs: 'companion', endpoints: ['case-status'] }]);
    expect((await statusOf(browser, sim, i821d)).receiptNumber).toBe(i765);
    expect((await detailOf(browser, sim, i821d)).receiptNumber).toBe(i821d);
    expect(() => sim.setWrongReceipt([{ case: 'i821d', answersAs: 'not-a-receipt' }])).toThrow();

    const control = (body: unknown) =>
      fetch(`${sim.dataOrigin}/__sim/wrong-receipt`, {
        method: 'POST',
        headers: { 'x-sim-control': sim.controlToken, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await control({ rules: [{ case: 'i-765', answersAs: 'companion' }] })).status).toBe(400);
    const set = await control({ rules: [{ case: 'i765', answersAs: 'IOE0999999999' }] });
    expect(set.status).toBe(200);
    expect(((await set.json()) as { wrongReceipt: Json[] }).wrongReceipt).toEqual([
      { case: 'i765', answersAs: 'IOE0999999999', endpoints: ['case-detail', 'case-status', 'documents'] },
    ]);
    expect((await detailOf(browser, sim, i765)).receiptNumber).toBe('IOE0999999999');
    expect((await statusOf(browser, sim, i765)).receiptNumber).toBe('IOE0999999999');
    expect((await statusOf(browser, sim, i821d)).receiptNumber).toBe(i821d);
    await control({ rules: [] });
    expect((await detailOf(browser, sim, i765)).receiptNumber).toBe(i765);
  });
});

/** The CaseCardsApp JSON of an applicant page, read as data (never run). */
function caseCardsOf(html: string): { cases: Json[] } {
  const match = /<script type="application\/json" class="js-react-on-rails-component" data-component-name="CaseCardsApp"[^>]*>([^<]*)<\/script>/.exec(html);
  if (!match) throw new Error('no CaseCardsApp script element');
  return JSON.parse(match[1]!) as { cases: Json[] };
}

describe('the applicant page', () => {
  it('embeds the account\'s cases as CaseCardsApp JSON: case-detail fields, isPremiumProcessing, companions as full case objects', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-rfe' });
    sim.advanceToPhase('rfe');
    const browser = signedInBrowser(sim);
    const page = await getData(browser, sim, '/account/applicant');
    expect(page.status).toBe(200);
    const { cases } = caseCardsOf(page.body);
    expect(cases.map((c) => [c.receiptNumber, c.formType, c.submissionDate])).toEqual([
      [sim.receipts.i821d, 'I-821D', '2026-05-29'],
      [sim.receipts.i765, 'I-765', '2026-05-29'],
    ]);
    const detail = await detailOf(browser, sim, sim.receipts.i821d);
    const card = cases[0]!;
    expect(card.isPremiumProcessing).toBe(false);
    expect(card).not.toHaveProperty('isPremiumProcessed');
    for (const field of Object.keys(detail).filter((f) => f !== 'isPremiumProcessed')) expect(card, field).toHaveProperty(field);
    expect(card.actionRequired).toBe(true);
    const companions = card.concurrentCases as Json[];
    expect(companions).toHaveLength(1);
    expect(companions[0]).toMatchObject({ receiptNumber: sim.receipts.i765, formType: 'I-765', isPremiumProcessing: false });
  });

  it('lists companions as receipts when the scenario says so, and no cases before filing', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-rotating-content-ids', startDay: -1 });
    let page = await getData(signedInBrowser(sim), sim, '/account/applicant');
    expect(caseCardsOf(page.body)).toEqual({ cases: [] });
    sim.advanceToPhase('filed');
    page = await getData(signedInBrowser(sim), sim, '/account/applicant');
    const { cases } = caseCardsOf(page.body);
    expect(cases.map((c) => c.concurrentCases)).toEqual([[sim.receipts.i765], [sim.receipts.i821d]]);
  });

  it('escapes the JSON for a script element: a name with </script>, & and a line separator cannot break out', async () => {
    const name = 'RIVERA</script><script>alert(1)</script>, ANA & "Ñ"\u2028';
    const scenario = loadScenario(variant('daca-renewal', { account: { ...getScenario('daca-renewal').account, applicantName: name } }));
    const sim = await frozenSimulator({ scenario });
    sim.advanceToPhase('filed');
    const page = await getData(signedInBrowser(sim), sim, '/account/applicant');
    expect(page.body.match(/<\/script>/g)).toHaveLength(1);
    expect(page.body).not.toContain('<script>alert');
    const script = /data-component-name="CaseCardsApp"[^>]*>([^<]*)<\/script>/.exec(page.body)![1]!;
    expect(script).not.toMatch(/[\u2028\u2029&>]/);
    expect(script).toContain('\\u003c/script\\u003e');
    expect(script).toContain('\\u0026');
    const { cases } = caseCardsOf(page.body);
    expect(cases.map((c) => c.applicantName)).toEqual([name, name]);
  });
});

describe('scenario validation', () => {
  const renewal = () => getScenario('daca-renewal');
  const withAction = (action: unknown): unknown => ({
    ...renewal(),
    steps: [...renewal().steps, { day: 5, time: '10:00', case: 'i821d', actions: [action] }],
  });

  it('accepts every built-in scenario read back, and the new actions and fields', () => {
    for (const scenario of SCENARIOS.values()) expect(loadScenario(scenario).steps).toEqual(scenario.steps);
    const loaded = loadScenario(withAction({ type: 'event', code: 'IAF', eventDay: 0, eventTime: '00:00', nearDuplicateMs: 19 }));
    expect(loaded.steps.some((step) => step.actions.some((action) => action.type === 'event' && action.nearDuplicateMs === 19))).toBe(true);
    expect(loadScenario(withAction({ type: 'assigned', location: 'NSC', subtype: '147-C3' })).name).toBe('daca-renewal');
  });

  it.each([
    ['a near-duplicate 0 ms apart', withAction({ type: 'event', code: 'IAA', nearDuplicateMs: 0 }), 'nearDuplicateMs'],
    ['a near-duplicate a second apart', withAction({ type: 'event', code: 'IAA', nearDuplicateMs: 1000 }), 'nearDuplicateMs'],
    ['an event time of 24:00', withAction({ type: 'event', code: 'IAF', eventTime: '24:00' }), 'eventTime'],
    ['an office that is not 3 capitals', withAction({ type: 'assigned', location: 'Scd' }), 'location'],
    ['a wrong-receipt rule with a bad receipt', { ...renewal(), wrongReceipt: [{ case: 'i765', answersAs: 'IOE123' }] }, 'answersAs'],
    ['a wrong-receipt rule on receipt_info', { ...renewal(), wrongReceipt: [{ case: 'i765', answersAs: 'companion', endpoints: ['receipt-info'] }] }, 'endpoints'],
    ['an unknown event order', { ...renewal(), eventOrder: 'random' }, 'eventOrder'],
    ['a case-cards companion style that does not exist', { ...renewal(), caseCardsCompanions: 'both' }, 'caseCardsCompanions'],
  ])('refuses %s and names the field', (_label, input, field) => {
    expect(() => loadScenario(input)).toThrow(field);
  });
});
