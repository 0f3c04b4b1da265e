// The shared schemas read every payload the simulator serves, over real HTTP, in every scenario at
// every phase, and the values survive normalisation (the odd date formats become ISO).

import { describe, expect, it } from 'vitest';
import { endpointPath } from '../../shared/myuscis/endpoints';
import { parseCaseDetailBody, parseCaseStatusBody, parseCasesProbeBody, parseDocumentsBody, parseReceiptInfoBody } from '../../shared/myuscis/schemas';
import { SCENARIOS, scenarioPhases } from '../../simulator/scenarios';
import { SimBrowser } from '../helpers/sim-browser';
import { frozenSimulator } from '../helpers/sim-fixture';

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

describe.each([...SCENARIOS.keys()])('schemas read scenario %s', (name) => {
  it('at every phase, for both cases, all endpoints', async () => {
    // Sessions outlive the story here: this test is about payloads, not sign-in.
    const forever = 1000 * 24 * 3_600_000;
    const sim = await frozenSimulator({ scenario: name, idleTimeoutMs: forever, sessionLifetimeMs: forever });
    sim.clearFaults();
    // Answers carrying another receipt's payload are checked in captures.test.ts; here each case answers as itself.
    sim.setWrongReceipt([]);
    const browser = new SimBrowser();
    const [cookie, value] = sim.createSession().split('=') as [string, string];
    browser.cookies('127.0.0.1').set(cookie, value);
    const get = async (path: string) => (await browser.fetch(`${sim.dataOrigin}${path}`)).json();

    expect(parseCasesProbeBody(await get(endpointPath.casesProbe()))).toEqual({ ok: true, value: [] });
    let payloadsRead = 0;
    for (const { phase } of scenarioPhases(sim.scenario)) {
      sim.advanceToPhase(phase);
      for (const key of ['i821d', 'i765'] as const) {
        const receipt = sim.receipts[key];
        const where = `${name}/${phase}/${key}`;
        const detail = parseCaseDetailBody(await get(endpointPath.caseDetail(receipt)));
        const status = parseCaseStatusBody(await get(endpointPath.caseStatus(receipt)));
        const documents = parseDocumentsBody(await get(endpointPath.documents(receipt)));
        const rawInfo = await get(endpointPath.receiptInfo(receipt));
        const info = parseReceiptInfoBody(rawInfo);
        if (!detail.ok || !status.ok || !documents.ok || !info.ok) {
          throw new Error(`${where}: ${JSON.stringify({ detail, status, documents, info }).slice(0, 800)}`);
        }
        payloadsRead += 4;
        const record = sim.caseRecords()[key];
        expect(detail.value.receiptNumber, where).toBe(receipt);
        expect(status.value.receiptNumber, where).toBe(receipt);
        // receipt_info: null until the case is assigned, then its receipt_details.
        expect(info.value === null, where).toBe(record?.assignment == null);
        if (record?.assignment) expect(JSON.stringify(rawInfo), where).toContain(`"receipt_number":"${receipt}"`);
        expect(detail.value.submissionDate, where).toMatch(ISO_DATE);
        expect(detail.value.updatedAtTimestamp, where).toMatch(ISO_INSTANT);
        expect(detail.value.events.length, where).toBe(record?.events.length);
        for (const event of detail.value.events) {
          if (sim.scenario.payloadTrim === 'sparse') {
            // Trimmed as users paste them: the code and the day it was written, nothing else.
            expect(event.createdAt, where).toMatch(ISO_DATE);
            expect(event.eventTimestamp ?? event.eventId, where).toBeUndefined();
            continue;
          }
          expect(event.eventTimestamp, where).toMatch(ISO_INSTANT);
          expect(event.eventDateTime, where).toMatch(ISO_DATE);
        }
        expect(status.value.statusTitle, where).toBe(record?.status?.wording.title.en);
        expect(status.value.statusTextPlain?.text, where).not.toMatch(/<a\b/);
        expect(status.value.statusTextPlain?.links.every((link) => link.safeUrl?.startsWith('https://')), where).toBe(true);
        for (const earlier of status.value.historicalCaseStatuses) expect(earlier.date, where).toMatch(/T00:00:00\.000Z$/);
        expect(documents.value.length, where).toBe(record?.documents.length);
        // "+0000" became "Z" and the instant is unchanged.
        for (const doc of documents.value) expect(doc.createDate, where).toMatch(ISO_INSTANT);
        const newest = record?.documents.reduce<(typeof record.documents)[number] | undefined>((a, b) => (a && a.createdAt > b.createdAt ? a : b), undefined);
        if (newest) expect(documents.value[0]?.createDate, where).toBe(new Date(newest.createdAt).toISOString());
      }
    }
    expect(payloadsRead).toBeGreaterThanOrEqual(8 * scenarioPhases(sim.scenario).length);
  });
});
