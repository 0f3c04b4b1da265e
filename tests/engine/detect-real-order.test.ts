// Detection on payloads shaped like the real captures (MYUSCIS.md, "Seen in real captures"): events newest first
// with near-duplicates, rotating contentIds, and snapshots stored before either was handled.

import { describe, expect, it } from 'vitest';
import { detectCaseFindings } from '../../engine/detect';
import { mergeReading, type CheckReading } from '../../shared/monitor/merge-reading';
import { parseCaseDetailBody, parseDocumentsBody, type ParsedBody } from '../../shared/myuscis/schemas';
import { LIMITS } from '../../shared/limits';
import { CaseSnapshotSchema, type CaseSnapshot } from '../../shared/monitor/state';
import type { Finding } from '../../shared/monitor/findings';

const RECEIPT = 'IOE0912345678';
const DAY = 24 * 3_600_000;
const T0 = Date.UTC(2026, 6, 20, 14);

function value<T>(parsed: ParsedBody<T>): T {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

const event = (code: string, iso: string, id: string, created = iso) => ({
  receiptNumber: RECEIPT, eventId: id, eventCode: code, createdAt: created.slice(0, 10), createdAtTimestamp: created,
  updatedAt: created.slice(0, 10), updatedAtTimestamp: created, eventDateTime: iso.slice(0, 10), eventTimestamp: iso,
});

function detail(events: unknown[]) {
  return value(parseCaseDetailBody({ data: {
    receiptNumber: RECEIPT, formType: 'I-765', submissionDate: '2026-05-29', updatedAtTimestamp: '2026-07-20T14:00:01Z',
    elisChannelType: 'EFile', elisBeneficiaryAddendum: {}, concurrentCases: [], notices: [], events,
  } }));
}

const OLD = [event('IAF', '2026-05-29T00:00:00.000Z', 'e1', '2026-06-02T08:00:00.000Z'), event('FSA0', '2026-05-30T10:00:00.000Z', 'e2')];
/** FTA0 written twice, 19 ms apart (the verbatim capture), listed newest first. */
const FTA0_TWICE = [event('FTA0', '2026-07-20T14:00:00.019Z', 'e4'), event('FTA0', '2026-07-20T14:00:00.000Z', 'e3')];

function run(readings: CheckReading[], start: CaseSnapshot | null = null) {
  let snapshot = start;
  const found: Finding[] = [];
  for (const reading of readings) {
    const next = mergeReading(snapshot, reading);
    found.push(...detectCaseFindings(snapshot, next, { receipt: RECEIPT, formType: 'I-765', now: reading.at, learned: {} }));
    snapshot = next;
  }
  return { snapshot: snapshot!, found };
}

describe('events in any order, near-duplicates as one', () => {
  it('a newest-first list with a near-duplicate gives one new-event finding, as an oldest-first list without it does', () => {
    const newestFirst = run([{ at: T0 - DAY, detail: detail([...OLD].reverse()) }, { at: T0 + 60_000, detail: detail([...FTA0_TWICE, ...[...OLD].reverse()]) }]);
    const classic = run([{ at: T0 - DAY, detail: detail(OLD) }, { at: T0 + 60_000, detail: detail([...OLD, FTA0_TWICE[1]!]) }]);
    const events = (found: Finding[]) => found.filter((f) => f.type === 'new-event').map((f) => [f.key, f.detail.code]);
    expect(events(newestFirst.found)).toEqual([[`${RECEIPT}:event:FTA0:2026-07-20T14:00:00.000Z`, 'FTA0']]);
    expect(events(newestFirst.found)).toEqual(events(classic.found));
    expect(newestFirst.snapshot.detail!.events.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3']);
  });

  it('a near-duplicate arriving one check after its twin is not a new event', () => {
    const { found } = run([
      { at: T0 + 60_000, detail: detail([FTA0_TWICE[0]!, ...OLD]) },
      { at: T0 + DAY, detail: detail([...FTA0_TWICE, ...OLD]) },
    ]);
    expect(found.filter((f) => f.type === 'new-event')).toEqual([]);
  });

  it('reads a snapshot stored before (newest first, twins kept) oldest first; the next check finds nothing new and folds the twins', () => {
    const written = { detail: { at: '2026-07-20T15:00:00.000Z', formType: 'I-765', events: [...FTA0_TWICE, ...OLD].map(({ eventId, eventCode, eventTimestamp, createdAtTimestamp }) => ({ eventId, eventCode, eventTimestamp, createdAtTimestamp })), notices: [] } };
    const old = CaseSnapshotSchema.parse(JSON.parse(JSON.stringify(written)));
    expect(old.detail!.events.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3', 'e4']);
    const { found, snapshot } = run([{ at: T0 + DAY, detail: detail([...FTA0_TWICE, ...OLD]) }], old);
    expect(found.filter((f) => f.type === 'new-event')).toEqual([]);
    expect(snapshot.detail!.events.map((e) => e.eventId)).toEqual(['e1', 'e2', 'e3']);
  });
});

describe('documents under rotating contentIds', () => {
  const documents = (ids: [string, string]) => value(parseDocumentsBody({ data: [
    { fileName: `${RECEIPT}-1780059747321-part1.tif`, contentId: ids[0], type: 'Other', createDate: '2026-05-29T13:02:27.321+0000', sourceType: 'Applicant Provided' },
    { fileName: 'Account Acceptance Notice.pdf', contentId: ids[1], type: 'Account Acceptance Notice', createDate: '2026-05-29T13:05:00.000+0000', sourceType: 'USCIS Generated' },
  ] }));
  const rotated = (n: number): [string, string] => [`A${n}`.padEnd(43, 'x'), `B${n}`.padEnd(43, 'y')];

  it('a month of checks, every id rotated every time: no new document, and the stored list never changes', () => {
    const readings = Array.from({ length: 30 * 24 }, (_, hour) => ({ at: T0 + hour * 3_600_000, documents: documents(rotated(hour)) }));
    const { found, snapshot } = run(readings);
    expect(found.filter((f) => f.type === 'new-document')).toEqual([]);
    expect(snapshot.documents!.items.map((d) => d.contentId)).toEqual(rotated(0));
    expect(snapshot.documents!.at).toBe(new Date(T0).toISOString());
  });

  it('a real new document among rotated ids is found once, keyed by what it is', () => {
    const withApproval = (n: number) => [...documents(rotated(n)), { fileName: 'I-765 C09 Standalone Approval.pdf', contentId: `C${n}`, type: 'I-765 C09 Standalone Approval', createDate: '2026-08-12T15:12:15.016Z', sourceType: 'USCIS Generated' }];
    const { found } = run([{ at: T0, documents: documents(rotated(0)) }, { at: T0 + DAY, documents: withApproval(1) }, { at: T0 + 2 * DAY, documents: withApproval(2) }]);
    expect(found.filter((f) => f.type === 'new-document').map((f) => f.key)).toEqual([
      `${RECEIPT}:document:I-765 C09 Standalone Approval|2026-08-12T15:12:15.016Z|USCIS Generated|I-765 C09 Standalone Approval.pdf`,
    ]);
    expect(found.filter((f) => f.type === 'silent-approval')).toHaveLength(1);
  });
});
