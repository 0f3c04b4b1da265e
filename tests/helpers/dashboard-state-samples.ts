// Dashboard states at the moments issue 12 is about (first run with the account's cases, a silent approval with an
// upload and DACA Watch's inference, a delivered card), in the contract's shape. Test data only.

import type { DashboardState } from '../../shared/ipc/contract';
import { FindingSchema, type FindingInput } from '../../shared/monitor/findings';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { exampleDashboardState } from './example-dashboard-state';

export const I821D = 'IOE0933012457';
export const I765 = 'IOE0933012458';
export const NOW = '2026-08-12T15:20:00.000Z';
export const LAST_CHECK = '2026-08-12T15:00:00.000Z';
const FILED = '2026-05-29';

const events = (codes: Array<[code: string, at: string]>) =>
  codes.map(([eventCode, eventTimestamp], index) => ({ eventId: `${eventCode}-${index}`, eventCode, eventTimestamp, createdAtTimestamp: eventTimestamp }));

function caseSnapshot(form: 'I-821D' | 'I-765', title: string, code: string, extraEvents: Array<[string, string]>, documents: Array<{ type: string; sourceType: string; createDate: string }>) {
  return CaseSnapshotSchema.parse({
    detail: {
      at: LAST_CHECK,
      formType: form,
      submissionDate: FILED,
      events: events([['IAF', '2026-05-29T13:00:00.000Z'], ['FTA0', '2026-07-20T14:00:00.000Z'], ...extraEvents]),
      notices: [],
    },
    status: { at: LAST_CHECK, code, date: '2026-07-20T14:00:00.000Z', title, office: 'NEBRASKA SERVICE CENTER', history: [{ date: '2026-05-29T13:00:00.000Z', code: 'IAF', title: 'Case Was Received' }] },
    documents: { at: LAST_CHECK, items: documents },
  });
}

const finding = (input: FindingInput) => FindingSchema.parse(input);

/** Approval documents on both cases while both titles still say review; the applicant's own upload is listed too. */
export function silentApprovalState(changes: Partial<DashboardState> = {}): DashboardState {
  const approvalAt = '2026-08-12T14:10:00.000+0000';
  return exampleDashboardState({
    lastCheckAt: LAST_CHECK,
    nextCheckAt: '2026-08-12T15:24:00.000Z',
    snapshots: {
      [I821D]: caseSnapshot('I-821D', 'Case Is Being Actively Reviewed By USCIS', 'FTA0', [], [
        { type: 'Other', sourceType: 'Applicant Provided', createDate: '2026-05-29T13:05:00.000+0000' },
        { type: 'I-821D Approval Notice', sourceType: 'USCIS Generated', createDate: approvalAt },
      ]),
      [I765]: caseSnapshot('I-765', 'Case Is Being Actively Reviewed By USCIS', 'FTA0', [], [
        { type: 'I-765 C33 Standalone Approval', sourceType: 'USCIS Generated', createDate: approvalAt },
      ]),
    },
    history: [
      finding({ key: `${I765}:document`, type: 'new-document', receipt: I765, foundAt: LAST_CHECK, happenedAt: '2026-08-12T14:10:00.000Z', detail: { documentType: 'I-765 C33 Standalone Approval', source: 'uscis', evidence: [] } }),
      finding({ key: `${I765}:silent-approval`, type: 'silent-approval', receipt: I765, foundAt: LAST_CHECK, happenedAt: '2026-08-12T14:10:00.000Z', detail: { documentType: 'I-765 C33 Standalone Approval', evidence: ['document'] } }),
      finding({ key: `${I821D}:inferred`, type: 'i821d-approved-inferred', receipt: I821D, foundAt: LAST_CHECK, happenedAt: '2026-08-12T14:10:00.000Z', inferred: true, detail: { evidence: ['inference'] } }),
    ],
    settings: SettingsSchema.parse({ permitExpiry: '2026-08-15' }),
    now: NOW,
    ...changes,
  });
}

/** The new card delivered: the I-765's title says so; the old permit would have expired days ago. */
export function cardDeliveredState(changes: Partial<DashboardState> = {}): DashboardState {
  return exampleDashboardState({
    lastCheckAt: LAST_CHECK,
    snapshots: {
      [I821D]: caseSnapshot('I-821D', 'Case Was Approved', 'DA', [['DA', '2026-08-01T14:00:00.000Z']], []),
      [I765]: caseSnapshot('I-765', 'Card Was Delivered To Me By The Post Office', 'LED', [['DA', '2026-08-02T14:00:00.000Z'], ['LDA', '2026-08-04T14:00:00.000Z'], ['LED', '2026-08-10T14:00:00.000Z']], []),
    },
    history: [],
    settings: SettingsSchema.parse({ permitExpiry: '2026-08-09' }),
    now: NOW,
    ...changes,
  });
}

/** No case watched yet, never signed in; the account's applicant page listed `listed` (none by default). */
export function firstRunState(changes: Partial<DashboardState> = {}): DashboardState {
  return exampleDashboardState({
    session: { state: 'unknown', since: null },
    activity: 'no-cases',
    lastCheckAt: null,
    nextCheckAt: null,
    cases: [],
    snapshots: {},
    history: [],
    now: NOW,
    ...changes,
  });
}

/** What the applicant page lists for the demo account: the DACA pair, an older DACA pair and a travel document. */
export const ACCOUNT_CASES: DashboardState['accountCases'] = {
  readAt: '2026-08-12T15:01:00.000Z',
  cases: [
    { receipt: 'IOE0900000001', formType: 'I-131', submissionDate: '2026-03-02', concurrentReceipts: [] },
    { receipt: I765, formType: 'I-765', submissionDate: FILED, concurrentReceipts: [] },
    { receipt: 'IOE0800000009', formType: 'I-821D', submissionDate: '2024-05-02', concurrentReceipts: [] },
    { receipt: I821D, formType: 'I-821D', submissionDate: FILED, concurrentReceipts: [I765] },
  ],
};
