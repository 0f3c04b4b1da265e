// An answer about another receipt than the one asked for (MYUSCIS.md's peers saw payloads cross): over real HTTP
// the client refuses it as malformed, naming the receipt it was about; the pure reader for what HTTP cannot show.

import { describe, expect, it } from 'vitest';
import { MyUscisClient, foreignReceiptIn, type CaseEndpoint } from '../../engine/client';
import { createNodeHttpPort } from '../../engine/node-http-port';
import type { ReceiptNumber } from '../../shared/receipt';
import { frozenSimulator } from '../helpers/sim-fixture';

const ASKED = 'IOE0933012457' as ReceiptNumber;

describe('over HTTP, against the simulator serving another receipt\'s payload', () => {
  it.each([
    ['detail', 'case-detail'],
    ['status', 'case-status'],
  ] as const)('%s: the companion\'s payload is malformed (wrong-receipt), the asked case\'s own is ok', async (endpoint, simEndpoint) => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal' });
    sim.advanceToPhase('review');
    const client = new MyUscisClient({ http: createNodeHttpPort({ cookie: sim.createSession({ warm: true }) }), origin: sim.dataOrigin, clock: sim.clock });
    const i765 = sim.receipts.i765 as ReceiptNumber;
    expect((await client.fetchEndpoint(endpoint, i765)).outcome.kind).toBe('ok');
    sim.setWrongReceipt([{ case: 'i765', answersAs: 'companion', endpoints: [simEndpoint] }]);
    const { outcome } = await client.fetchEndpoint(endpoint, i765);
    expect(outcome).toEqual({ kind: 'malformed', reason: 'wrong-receipt', answeredFor: sim.receipts.i821d });
    // The other endpoints and the other case are untouched.
    expect((await client.fetchEndpoint(endpoint, sim.receipts.i821d as ReceiptNumber)).outcome.kind).toBe('ok');
  });

  it('status: another account\'s receipt in receiptNumber and in the Python-dict message is refused', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-renewal' });
    sim.advanceToPhase('review');
    const client = new MyUscisClient({ http: createNodeHttpPort({ cookie: sim.createSession({ warm: true }) }), origin: sim.dataOrigin, clock: sim.clock });
    sim.setWrongReceipt([{ case: 'i821d', answersAs: 'IOE0933999013' }]);
    expect((await client.fetchEndpoint('status', sim.receipts.i821d as ReceiptNumber)).outcome).toEqual({ kind: 'malformed', reason: 'wrong-receipt', answeredFor: 'IOE0933999013' });
  });
});

describe('foreignReceiptIn', () => {
  const cases: Array<[CaseEndpoint, unknown, string | null]> = [
    ['detail', { receiptNumber: 'IOE0933012457', events: [], notices: [] }, null],
    // Written as people and services write it: same receipt.
    ['detail', { receiptNumber: 'ioe-0933012457' }, null],
    ['detail', { receiptNumber: 'IOE0933012458' }, 'IOE0933012458'],
    // No receiptNumber: nothing says it is foreign.
    ['detail', { events: [] }, null],
    ['status', { receiptNumber: 'IOE0933012457', message: "Query was successful for payload {'receipt_number': 'IOE0933012457'}" }, null],
    ['status', { message: "Query was successful for payload {'receipt_number': 'IOE0933999013'}" }, 'IOE0933999013'],
    ['status', { message: 'Query was successful for payload {"receipt_number": "IOE0933999013"}' }, 'IOE0933999013'],
    ['status', { receiptNumber: 'IOE0933012457', message: 'Query was successful' }, null],
    ['documents', [{ type: 'Other' }, { type: 'I-765 C33 Standalone Approval' }], null],
    ['documents', [{ type: 'Other', receiptNumber: 'IOE0933012457' }, { type: 'I-765 C33 Standalone Approval', receiptNumber: 'IOE0933012458' }], 'IOE0933012458'],
  ];
  it.each(cases)('%s %j -> %j', (endpoint, value, expected) => {
    expect(foreignReceiptIn(endpoint, value, ASKED)).toBe(expected);
  });
});
