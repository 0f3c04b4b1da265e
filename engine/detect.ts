// Change detection: merges what one check read into the last good snapshot, and compares snapshots
// into findings. Pure (no I/O, no clock of its own); which findings notify is the policy's business.

import type { CaseDetail, CaseDocument, CaseStatus } from '../shared/myuscis/schemas';
import type { Finding } from '../shared/monitor/findings';
import { LIMITS, type CaseSnapshot } from '../shared/monitor/state';
import type { LearnedTitles } from '../shared/knowledge/learned-titles';

/** What one check read; a part is absent when its request was not made or failed (never an empty list). */
export interface CheckReading {
  /** When the check read it (epoch ms). */
  at: number;
  detail?: CaseDetail;
  status?: CaseStatus;
  documents?: CaseDocument[];
}

const iso = (ms: number) => new Date(ms).toISOString();

function sameContent<T extends { at: string }>(a: T | null, b: Omit<T, 'at'>): boolean {
  if (!a) return false;
  const { at: _at, ...rest } = a;
  return JSON.stringify(rest) === JSON.stringify(b);
}

/**
 * The new last good snapshot. A part read in this check replaces the old one only when its content
 * changed (the old part, with its `at`, is kept otherwise, so an unchanged check changes nothing to
 * store); a part not read stays as it was.
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
      events: d.events.slice(-LIMITS.events).map((e) => dropUndefined({ eventId: e.eventId, eventCode: e.eventCode, eventTimestamp: e.eventTimestamp, createdAtTimestamp: e.createdAtTimestamp })),
      notices: d.notices.slice(-LIMITS.notices).map((n) => dropUndefined({ letterId: n.letterId, actionType: n.actionType, generationDate: n.generationDate, appointmentDateTime: n.appointmentDateTime })),
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
      history: s.historicalCaseStatuses.map((h) => dropUndefined({ date: h.date, code: h.actionCode, title: h.statusTitle, titleSpanish: h.statusTitleSpanish })),
    }) as Omit<NonNullable<CaseSnapshot['status']>, 'at'>;
    if (!sameContent(previous?.status ?? null, content)) next.status = { at: iso(reading.at), ...content };
  }
  if (reading.documents) {
    const items = reading.documents
      .slice(0, LIMITS.documents)
      .map((doc) => dropUndefined({ contentId: doc.contentId, fileName: doc.fileName, type: doc.type, sourceType: doc.sourceType, createDate: doc.createDate }));
    if (!sameContent(previous?.documents ?? null, { items })) next.documents = { at: iso(reading.at), items };
  }
  return next;
}

function dropUndefined<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as { [K in keyof T]: Exclude<T[K], undefined> };
}

export interface DetectionContext {
  receipt: string;
  /** 'I-821D' or 'I-765' when known. */
  formType: string | null;
  now: number;
  learned: LearnedTitles;
}

/**
 * Findings for one case from its previous last good snapshot (null on the first check) to the new
 * one. The first check sets the baseline: nothing old is called new, but a decision already present
 * (silent or not) is reported once.
 */
export function detectCaseFindings(_previous: CaseSnapshot | null, _next: CaseSnapshot, _context: DetectionContext): Finding[] {
  return [];
}

export interface PairMember {
  receipt: string;
  snapshot: CaseSnapshot | null;
}

/** Findings about the pair: an I-765 card in production or an approved I-765 means the I-821D was approved. */
export function detectPairFindings(_pair: { i821d: PairMember | null; i765: PairMember | null }, _context: { now: number; learned: LearnedTitles }): Finding[] {
  return [];
}
