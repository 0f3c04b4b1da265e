import { describe, expect, it } from 'vitest';
import { boundedDetail, boundedDocuments, boundedStatus, boundedValue, newestOf } from '../../../shared/myuscis/bounds';
import { CaseDetailSchema, CaseDocumentListSchema, CaseStatusSchema } from '../../../shared/myuscis/schemas';
import { LIMITS, TEXT_LIMIT } from '../../../shared/limits';

const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();

describe('newestOf', () => {
  it('keeps the newest by time whatever the order, in the order they came', () => {
    const items = [5, 1, 9, 3, 7].map((n) => ({ n, time: at(n) }));
    expect(newestOf(items, 3, (item) => item.time).map((item) => item.n)).toEqual([5, 9, 7]);
    expect(newestOf(items, 10, (item) => item.time)).toEqual(items);
    expect(newestOf([{ time: undefined }, { time: at(1) }], 1, (item) => item.time)).toEqual([{ time: at(1) }]);
  });
});

describe('bounds where answers enter', () => {
  it('keeps the newest 200 of 300 events sent newest first, and the newest notices', () => {
    const events = Array.from({ length: 300 }, (_, i) => ({ eventId: `e${299 - i}`, eventCode: 'FTA0', eventTimestamp: at(299 - i) }));
    const detail = CaseDetailSchema.parse({ receiptNumber: 'IOE0912345678', events, notices: Array.from({ length: 80 }, (_, i) => ({ letterId: `${i}`, generationDate: at(i) })) });
    const bounded = boundedDetail(detail);
    expect(bounded.events).toHaveLength(LIMITS.events);
    expect(new Set(bounded.events.map((event) => event.eventId))).toEqual(new Set(Array.from({ length: 200 }, (_, i) => `e${299 - i}`)));
    expect(bounded.notices.map((notice) => notice.letterId)).toEqual(Array.from({ length: 50 }, (_, i) => `${i + 30}`));
  });

  it('keeps the newest 20 of 25 historical statuses and caps a 1 MB title', () => {
    const status = CaseStatusSchema.parse({
      receiptNumber: 'IOE0912345678',
      statusTitle: 'T'.repeat(1_000_000),
      statusText: `<p>${'x'.repeat(50_000)}</p>`,
      historicalCaseStatuses: Array.from({ length: 25 }, (_, i) => ({ date: `01-${String(i + 1).padStart(2, '0')}-2026 00:00:00`, actionCode: `C${i}` })),
    });
    const bounded = boundedStatus(status);
    expect(bounded.historicalCaseStatuses.map((entry) => entry.actionCode)).toEqual(Array.from({ length: 20 }, (_, i) => `C${i + 5}`));
    expect(bounded.statusTitle).toHaveLength(TEXT_LIMIT);
    expect(bounded.statusTextPlain!.text.length).toBeLessThanOrEqual(TEXT_LIMIT);
  });

  it('keeps the newest 200 of 10,000 documents', () => {
    const documents = CaseDocumentListSchema.parse(Array.from({ length: 10_000 }, (_, i) => ({ contentId: `c${i}`, type: 'Other', createDate: at(i) })));
    const bounded = boundedDocuments(documents);
    expect(bounded).toHaveLength(LIMITS.documents);
    expect(bounded[0]!.contentId).toBe('c9800');
  });

  it('caps strings, lists and nesting in values passed through unread', () => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 50; i += 1) deep = { deeper: deep };
    const value = boundedValue({ list: Array.from({ length: 500 }, () => 'x'.repeat(10_000)), deep }) as { list: string[]; deep: unknown };
    expect(value.list).toHaveLength(50);
    expect(value.list[0]).toHaveLength(TEXT_LIMIT);
    expect(JSON.stringify(value.deep)).not.toContain('bottom');
  });
});
