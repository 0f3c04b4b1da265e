// A valid dashboard state for tests of the IPC contract and its main-process side: two cases, one
// reading, one finding. Test data only; nothing here decides what a real dashboard state holds.

import type { DashboardState } from '../../shared/ipc/contract';
import { FindingSchema } from '../../shared/monitor/findings';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';

export function exampleDashboardState(changes: Partial<DashboardState> = {}): DashboardState {
  return {
    session: { state: 'signed-in', since: '2026-06-01T12:00:00.000Z' },
    activity: 'watching',
    lastCheckAt: '2026-06-02T15:00:00.000Z',
    nextCheckAt: '2026-06-02T15:24:00.000Z',
    backoff: null,
    pausedUntil: null,
    cases: [
      { receipt: 'IOE0933012457', formType: 'I-821D', problem: null, failing: null, stalled: null },
      { receipt: 'IOE0933012458', formType: 'I-765', problem: null, failing: null, stalled: null },
    ],
    snapshots: {
      IOE0933012458: CaseSnapshotSchema.parse({
        documents: { at: '2026-06-02T15:00:00.000Z', items: [{ type: 'I-765 C33 Standalone Approval', sourceType: 'USCIS Generated' }] },
      }),
    },
    history: [
      FindingSchema.parse({
        key: 'IOE0933012458:silent-approval',
        type: 'silent-approval',
        receipt: 'IOE0933012458',
        foundAt: '2026-06-02T15:00:00.000Z',
        detail: { documentType: 'I-765 C33 Standalone Approval', source: 'uscis', evidence: ['document'] },
      }),
    ],
    settings: SettingsSchema.parse({}),
    lastSeenAt: null,
    accountCases: { readAt: null, cases: [] },
    saveProblem: null,
    demo: true,
    now: '2026-08-12T15:20:00.000Z',
    ...changes,
  };
}
