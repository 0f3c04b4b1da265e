// Bounds on what myUSCIS sends, applied where it enters: every list the app keeps is cut to its limit (the
// newest kept, by time, whatever the order it came in) and every text capped. Pure; it never rejects an answer.

import { capText, LIMITS } from '../limits';
import type { CaseDetail, CaseDocumentList, CaseStatus } from './schemas';

/** Lists the app only passes through (concurrentCases, addendums...): kept to this many items. */
const PASSED_THROUGH_LIST_LIMIT = 50;
/** Nesting deeper than this in a passed-through value is dropped (no real answer comes close). */
const DEPTH_LIMIT = 8;

/** Every string capped, every list cut, nesting limited: for values the schemas pass through unread. */
export function boundedValue(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return capText(value);
  if (depth >= DEPTH_LIMIT) return undefined;
  if (Array.isArray(value)) return value.slice(0, PASSED_THROUGH_LIST_LIMIT).map((item) => boundedValue(item, depth + 1));
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [capText(key, 200), boundedValue(field, depth + 1)]));
  }
  return value;
}

/**
 * The newest `limit` items by `timeOf` (ISO strings; an item without a time counts as oldest), in the order
 * they came: the order of a list means nothing (myUSCIS sends events newest first), so it is never cut by position.
 */
export function newestOf<T>(items: readonly T[], limit: number, timeOf: (item: T) => string | undefined): T[] {
  if (items.length <= limit) return [...items];
  const keep = new Set(
    items
      .map((item, index) => ({ index, time: timeOf(item) ?? '' }))
      .sort((a, b) => a.time.localeCompare(b.time) || a.index - b.index)
      .slice(-limit)
      .map(({ index }) => index),
  );
  return items.filter((_, index) => keep.has(index));
}

export function boundedDetail(detail: CaseDetail): CaseDetail {
  const capped = boundedValue({ ...detail, events: [], notices: [] }) as CaseDetail;
  return {
    ...capped,
    events: newestOf(detail.events, LIMITS.events, (event) => event.eventTimestamp ?? event.createdAtTimestamp).map((event) => boundedValue(event) as typeof event),
    notices: newestOf(detail.notices, LIMITS.notices, (notice) => notice.generationDate).map((notice) => boundedValue(notice) as typeof notice),
  };
}

export function boundedStatus(status: CaseStatus): CaseStatus {
  const capped = boundedValue({ ...status, historicalCaseStatuses: [] }) as CaseStatus;
  return {
    ...capped,
    historicalCaseStatuses: newestOf(status.historicalCaseStatuses, LIMITS.statusHistory, (entry) => entry.date).map((entry) => boundedValue(entry) as typeof entry),
  };
}

export function boundedDocuments(documents: CaseDocumentList): CaseDocumentList {
  return newestOf(documents, LIMITS.documents, (document) => document.createDate).map((document) => boundedValue(document) as (typeof documents)[number]);
}
