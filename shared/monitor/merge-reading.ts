// What one check read, merged into the last good snapshot of the case: the stored shape the state schema
// defines, kept canonical (lists sorted and trimmed, events one per fact). Pure; it finds nothing itself.

import { canonicalEvents } from '../knowledge/events';
import { isSameDocument } from '../knowledge/documents';
import type { CaseDetail, CaseDocument, CaseStatus } from '../myuscis/schemas';
import { LIMITS } from '../limits';
import type { CaseSnapshot } from './state';

/** What one check read; a part is absent when its request was not made or failed (never an empty list). */
export interface CheckReading {
  /** When the check read it (epoch ms). */
  at: number;
  detail?: CaseDetail;
  status?: CaseStatus;
  documents?: CaseDocument[];
}

const iso = (ms: number) => new Date(ms).toISOString();

/** A part's content without the time it was read (null for a part never read). */
export function contentOf<T extends { at: string }>(part: T | null): string {
  if (!part) return 'null';
  const { at: _at, ...rest } = part;
  return JSON.stringify(rest);
}

function sameContent<T extends { at: string }>(a: T | null, b: Omit<T, 'at'>): boolean {
  return a !== null && contentOf(a) === JSON.stringify(b);
}

/**
 * The new last good snapshot. A part read in this check replaces the old one only when its content
 * changed (the old part, with its `at`, is kept otherwise, so an unchanged check changes nothing to
 * store); a part not read stays as it was. Lists are stored canonical, whatever order USCIS sent: oldest
 * first, sorted before they are trimmed (the newest kept), events one per fact (re-emits and near-duplicates
 * folded), and a document keeps the contentId it was first stored with (USCIS may rotate it).
 */
export function mergeReading(previous: CaseSnapshot | null, reading: CheckReading): CaseSnapshot {
  const next: CaseSnapshot = previous ? { ...previous } : { detail: null, status: null, documents: null };
  if (reading.detail) {
    const d = reading.detail;
    const content = {
      ...(d.formType !== undefined ? { formType: d.formType } : {}),
      ...(d.submissionDate !== undefined ? { submissionDate: d.submissionDate } : {}),
      ...(d.updatedAtTimestamp !== undefined ? { updatedAtTimestamp: d.updatedAtTimestamp } : {}),
      ...(d.closed !== undefined ? { closed: d.closed } : {}),
      ...(d.actionRequired !== undefined ? { actionRequired: d.actionRequired } : {}),
      events: canonicalEvents(d.events, LIMITS.events).map(storedEvent),
      notices: newestLast(d.notices, (n) => n.generationDate, LIMITS.notices).map((n) => dropUndefined({ letterId: n.letterId, actionType: n.actionType, generationDate: n.generationDate, appointmentDateTime: n.appointmentDateTime })),
    };
    if (!sameContent(previous?.detail ?? null, content)) next.detail = { at: iso(reading.at), ...content };
  }
  if (reading.status) {
    const s = reading.status;
    const content = dropUndefined({
      code: s.currentActionCode,
      date: s.currentActionCodeDate,
      title: s.statusTitle,
      titleSpanish: s.statusTitleSpanish,
      text: s.statusTextPlain?.text,
      textSpanish: s.statusTextSpanishPlain?.text,
      office: s.jurisdictionDescription,
      // Oldest day first (same-day entries kept in USCIS's order, which learnTitles reads), the newest 20 kept.
      history: newestLast(s.historicalCaseStatuses, (h) => h.date, LIMITS.statusHistory).map((h) => dropUndefined({ date: h.date, code: h.actionCode, title: h.statusTitle, titleSpanish: h.statusTitleSpanish })),
    }) as Omit<NonNullable<CaseSnapshot['status']>, 'at'>;
    if (!sameContent(previous?.status ?? null, content)) next.status = { at: iso(reading.at), ...content };
  }
  if (reading.documents) {
    const stored = previous?.documents?.items ?? [];
    const items = newestLast(reading.documents, (doc) => doc.createDate, LIMITS.documents).map((doc) => {
      const known = stored.find((item) => isSameDocument(item, doc));
      return dropUndefined({ contentId: known?.contentId ?? doc.contentId, fileName: doc.fileName, type: doc.type, sourceType: doc.sourceType, createDate: doc.createDate });
    });
    if (!sameContent(previous?.documents ?? null, { items })) next.documents = { at: iso(reading.at), items };
  }
  return next;
}

/**
 * The fields an event is kept with. Its dates (date only) are kept only when it has no timestamp (a trimmed
 * `{eventCode, createdAt}` event): then its day is what names it, so reading it again finds nothing new.
 */
function storedEvent(e: CaseDetail['events'][number]): NonNullable<CaseSnapshot['detail']>['events'][number] {
  const dated = e.eventTimestamp !== undefined || e.createdAtTimestamp !== undefined;
  return dropUndefined({
    eventId: e.eventId,
    eventCode: e.eventCode,
    eventTimestamp: e.eventTimestamp,
    createdAtTimestamp: e.createdAtTimestamp,
    ...(dated ? {} : { eventDateTime: e.eventDateTime, createdAt: e.createdAt }),
  });
}

/** Oldest first by `timeOf` (undated first, ties as listed), then the newest `limit` of them. */
function newestLast<T>(items: readonly T[], timeOf: (item: T) => string | undefined, limit: number): T[] {
  const sorted = items.map((item, index) => ({ item, index, at: timeOf(item) ?? '' }))
    .sort((a, b) => a.at.localeCompare(b.at) || a.index - b.index)
    .map(({ item }) => item);
  return sorted.slice(Math.max(0, sorted.length - limit));
}

export function dropUndefined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}
