// A stored state as it looks after weeks of watching a pair of cases, for the store's tests and the
// reliability suite. Test data only: it decides nothing about what the engine stores.

import { AppStateSchema, STATE_VERSION, type AppState } from '../../shared/monitor/state';
import type { FindingInput } from '../../shared/monitor/findings';

export const NOW = Date.parse('2025-06-01T12:30:00.000Z');
export const STAMP = '2025-06-01T12-30-00.000Z';
export const I821D = 'IOE0912345678';
export const I765 = 'IOE0912345679';

export function finding(n: number): FindingInput {
  return {
    key: `new-event:${I765}:event-${n}`,
    type: n % 7 === 0 ? 'new-document' : 'new-event',
    receipt: n % 2 === 0 ? I821D : I765,
    foundAt: new Date(NOW - (60 - n) * 3_600_000).toISOString(),
    happenedAt: new Date(NOW - (61 - n) * 3_600_000).toISOString(),
    detail: { code: `IAF${n}`, title: `Event ${n}`, titleSpanish: `Evento ${n}`, evidence: ['event'] },
  };
}

/** A state as it looks after weeks of watching a pair of cases. */
export function watchedState(historyLength = 40): AppState {
  return AppStateSchema.parse({
    version: STATE_VERSION,
    settings: { language: 'es', maskReceipts: true, quietHours: { enabled: true, start: '23:00', end: '06:30' }, permitExpiry: '2025-11-30' },
    cases: [
      { receipt: I821D, formType: 'I-821D', addedAt: '2025-03-02T15:00:00.000Z' },
      { receipt: I765, formType: 'I-765', addedAt: '2025-03-02T15:00:05.000Z' },
    ],
    snapshots: {
      [I821D]: {
        detail: {
          at: '2025-06-01T12:00:00.000Z',
          formType: 'I-821D',
          submissionDate: '2025-02-20',
          closed: false,
          actionRequired: false,
          events: [{ eventId: 'e1', eventCode: 'IAF', eventTimestamp: '2025-02-21T10:00:00.000Z' }],
          notices: [{ letterId: 'n1', actionType: 'Receipt', generationDate: '2025-02-22' }],
        },
        status: {
          at: '2025-06-01T12:00:00.000Z',
          code: 'IAF',
          title: 'Case Was Received',
          titleSpanish: 'Caso fue recibido',
          text: 'On February 20, 2025, we received your Form I-821D.',
          history: [{ date: '2025-02-20', code: 'IAF', title: 'Case Was Received' }],
        },
        documents: { at: '2025-06-01T12:00:00.000Z', items: [{ contentId: 'd1', fileName: 'receipt.pdf', type: 'Receipt Notice', sourceType: 'uscis' }] },
      },
      [I765]: { status: { at: '2025-06-01T12:00:00.000Z', code: 'IAF', history: [] } },
    },
    history: Array.from({ length: historyLength }, (_, n) => finding(n)),
    learnedTitles: { IAF: { en: 'Case Was Received' } },
    ledger: Array.from({ length: 12 }, (_, n) => ({ key: finding(n).key, notifiedAt: new Date(NOW - n * 60_000).toISOString() })),
    schedule: {
      lastRequestAt: '2025-06-01T12:00:00.000Z',
      cases: { [I821D]: { lastCheckAt: '2025-06-01T12:00:00.000Z', lastDocumentsAt: '2025-06-01T12:00:00.000Z', pace: 1.1 } },
      backoff: { until: '2025-06-01T12:40:00.000Z', reason: 'HTTP 503', failures: 3 },
    },
    session: { state: 'signed-in', since: '2025-06-01T08:00:00.000Z' },
    lastSeenAt: '2025-05-31T20:00:00.000Z',
  });
}

