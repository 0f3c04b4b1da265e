// Merging one check into the last good snapshot: a part changes only when its content did, a part not read
// stays, lists are stored oldest first and trimmed to the newest, and a document keeps its first contentId.

import { describe, expect, it } from 'vitest';
import { mergeReading } from '../../../shared/monitor/merge-reading';
import { CaseDetailSchema, parseCaseDetailBody, parseCaseStatusBody, parseDocumentsBody, type ParsedBody } from '../../../shared/myuscis/schemas';
import { detectCaseFindings } from '../../../engine/detect';
import { LIMITS } from '../../../shared/limits';
import { CaseSnapshotSchema } from '../../../shared/monitor/state';

const RECEIPT = 'IOE0912345678';
const DAY = 24 * 3_600_000;
const T0 = Date.UTC(2026, 6, 20, 14);

function value<T>(parsed: ParsedBody<T>): T {
  if (!parsed.ok) throw new Error(parsed.reason);
  return parsed.value;
}

const event = (code: string, iso: string, id: string) => ({
  receiptNumber: RECEIPT, eventId: id, eventCode: code, createdAt: iso.slice(0, 10), createdAtTimestamp: iso,
  updatedAt: iso.slice(0, 10), updatedAtTimestamp: iso, eventDateTime: iso.slice(0, 10), eventTimestamp: iso,
});

function detail(events: unknown[], updatedAtTimestamp = '2026-07-20T14:00:01Z') {
  return value(parseCaseDetailBody({ data: {
    receiptNumber: RECEIPT, formType: 'I-765', submissionDate: '2026-05-29', updatedAtTimestamp,
    elisChannelType: 'EFile', elisBeneficiaryAddendum: {}, concurrentCases: [], notices: [], events,
  } }));
}

const status = (title: string) => value(parseCaseStatusBody({ data: {
  receiptNumber: RECEIPT, formType: 'I-765', currentActionCode: 'IAF', currentActionCodeDate: '2026-05-29', statusTitle: title,
  historicalCaseStatuses: [],
} }));

const documents = (items: Array<{ contentId: string; type: string; createDate: string }>) => value(parseDocumentsBody({ data: items.map((item) => ({
  fileName: `${item.type}.pdf`, sourceType: 'USCIS Generated', ...item,
})) }));

describe('mergeReading', () => {
  it('stores a first reading with the time it was read, and leaves the parts not read unknown (null, not empty)', () => {
    const snapshot = mergeReading(null, { at: T0, detail: detail([event('IAF', '2026-05-29T00:00:00.000Z', 'e1')]) });
    expect(snapshot.detail?.at).toBe(new Date(T0).toISOString());
    expect(snapshot.detail?.events.map((e) => e.eventCode)).toEqual(['IAF']);
    expect(snapshot.status).toBeNull();
    expect(snapshot.documents).toBeNull();
    // What it stores is what the store accepts.
    expect(CaseSnapshotSchema.parse(JSON.parse(JSON.stringify(snapshot)))).toEqual(snapshot);
  });

  it('keeps an unchanged part as it was (its old time too), replaces a changed one, and keeps a part not read this time', () => {
    const first = mergeReading(null, { at: T0, detail: detail([]), status: status('Case Was Received') });
    const same = mergeReading(first, { at: T0 + DAY, detail: detail([]) });
    expect(same).toEqual(first);
    const moved = mergeReading(first, { at: T0 + 2 * DAY, status: status('Case Was Approved') });
    expect(moved.status).toMatchObject({ at: new Date(T0 + 2 * DAY).toISOString(), title: 'Case Was Approved' });
    expect(moved.detail).toBe(first.detail);
  });

  it('keeps the newest events when a newest-first list is over the limit', () => {
    const many = Array.from({ length: LIMITS.events + 20 }, (_, i) => event(`X${i}`, new Date(T0 - i * DAY).toISOString(), `id${i}`));
    const stored = mergeReading(null, { at: T0, detail: detail(many) }).detail!.events;
    expect(stored).toHaveLength(LIMITS.events);
    expect(stored.at(-1)!.eventCode).toBe('X0');
    expect(stored.some((e) => e.eventCode === `X${LIMITS.events + 19}`)).toBe(false);
  });

  it('stores documents oldest first, each under the contentId it was first stored with', () => {
    const receipt = { type: 'Receipt Notice', createDate: '2026-05-29T13:05:00.000Z' };
    const approval = { type: 'Approval Notice', createDate: '2026-08-12T15:12:15.016Z' };
    const first = mergeReading(null, { at: T0, documents: documents([{ contentId: 'A1', ...receipt }]) });
    const next = mergeReading(first, { at: T0 + DAY, documents: documents([{ contentId: 'B2', ...approval }, { contentId: 'A2', ...receipt }]) });
    expect(next.documents!.items.map((d) => [d.type, d.contentId])).toEqual([['Receipt Notice', 'A1'], ['Approval Notice', 'B2']]);
  });
});

describe('a trimmed answer (MYUSCIS.md "Seen since": events as {eventCode, createdAt}, notices without ids)', () => {
  const receipt = 'IOE0912345678';
  const trimmed = (extra: unknown[] = []) => CaseDetailSchema.parse({
    receiptNumber: receipt,
    formType: 'I-765',
    events: [
      { eventCode: 'FTA0', createdAt: '2026-03-05' },
      { eventCode: 'FTA0', createdAt: '2026-02-15' },
      { eventCode: 'FTA0', createdAt: '2026-02-15' },
      { eventCode: 'FTA0', createdAt: '2026-02-13' },
      { eventCode: 'IAF', createdAt: '2026-01-10' },
      ...extra,
    ],
    notices: [{ actionType: 'Appointment Scheduled', generationDate: '2026-01-20T10:00:00Z', appointmentDateTime: '2026-02-01T14:00:00Z' }],
  });

  it('is stored with each event named by its code and day (one per code and day), and read again finds nothing new', () => {
    const first = mergeReading(null, { at: Date.parse('2026-03-06T00:00:00Z'), detail: trimmed() });
    expect(first.detail!.events.map((e) => `${e.eventCode} ${e.createdAt}`)).toEqual(['IAF 2026-01-10', 'FTA0 2026-02-13', 'FTA0 2026-02-15', 'FTA0 2026-03-05']);
    const context = { receipt, formType: 'I-765', learned: {} };
    for (let hour = 1; hour <= 5; hour += 1) {
      const now = Date.parse('2026-03-06T00:00:00Z') + hour * 3_600_000;
      const again = mergeReading(first, { at: now, detail: trimmed() });
      // Nothing to store: the same snapshot part, read time and all; and nothing found.
      expect(again.detail).toBe(first.detail);
      expect(detectCaseFindings(first, again, { ...context, now })).toEqual([]);
    }
    // A later FTA0 on a new day is one new step, named by its code and day.
    const later = mergeReading(first, { at: Date.parse('2026-03-10T00:00:00Z'), detail: trimmed([{ eventCode: 'FTA0', createdAt: '2026-03-09' }]) });
    expect(detectCaseFindings(first, later, { ...context, now: Date.parse('2026-03-10T00:00:00Z') }).map((f) => f.key)).toEqual([`${receipt}:event:FTA0:2026-03-09`]);
  });
});
