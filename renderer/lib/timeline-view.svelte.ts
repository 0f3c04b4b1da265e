// The pair's timeline as data: one lane per case, one point per case and stretch of days (events, statuses,
// documents, notices, DACA Watch's conclusions), repeats folded, positions in percent. Pure; draws nothing itself.

import { formatMonth } from '../../shared/format-date';
import { addDays } from '../../shared/knowledge/calendar-days';
import { normaliseCode } from '../../shared/knowledge/action-code';
import { explainCode } from '../../shared/knowledge/codes';
import { INQUIRY_AFTER_DAYS, type Pending, type PermitOutlook } from '../../shared/knowledge/daca-timing';
import { classifyDocument, type DocumentKind } from '../../shared/knowledge/documents';
import type { LearnedTitles } from '../../shared/knowledge/learned-titles';
import { isApprovedStage, isEndingStage, type Stage } from '../../shared/knowledge/stages';
import { explainStatus } from '../../shared/knowledge/status-titles';
import type { Language } from '../../shared/localized';
import type { Finding, FindingType } from '../../shared/monitor/findings';
import { toIsoDate } from '../../shared/myuscis/dates';
import { formatInstant, MESSAGES, type Badge, type Messages, type Milestone } from './i18n';
import { documentSource, findingSummary } from './news-view.svelte';
import { officialTitle, titlesShownOn, type WatchedCase } from './pair-view.svelte';

/** good: an approval or a card; bad: a denial, a request for evidence, a returned card. */
export type Tone = 'good' | 'bad' | 'plain';

export interface TimelineItem {
  /** When USCIS (or DACA Watch) dates it, as sent. */
  at: string;
  title: string;
  explanation: string;
  /** Who says it and how sure it is: USCIS, the applicant's upload, DACA Watch's reading, the community... */
  confidence: Badge;
  tone: Tone;
  /** The stage it shows, when it shows one (for the key days). */
  stage?: Stage;
  /** How many times USCIS listed it (a re-emitted event, the event behind a status, parts of one document). */
  repeats: number;
}

export interface TimelinePoint {
  id: string;
  /** Index into the lanes. */
  lane: number;
  /** The first and last day of its items (YYYY-MM-DD). */
  first: string;
  last: string;
  /** Percent of the width. */
  x: number;
  items: TimelineItem[];
  tone: Tone;
  /** At least one item is USCIS's own word. */
  official: boolean;
}

export interface TimelineMark {
  kind: keyof Messages['marks'];
  x: number;
}

/** A key day: the first day a case reached a milestone, named on the drawing and in the dated list. */
export interface TimelineMilestone {
  kind: Milestone;
  lane: number;
  day: string;
  x: number;
  /** The point it is drawn on. */
  pointId: string;
  /** The item that shows it, as the dated list says it. */
  what: string;
}

export interface Timeline {
  /** In time order (then lane order): the order the arrow keys follow. */
  points: TimelinePoint[];
  /** In time order (then lane order). */
  milestones: TimelineMilestone[];
  marks: TimelineMark[];
  ticks: Array<{ x: number; label: string }>;
  /** Each lane's drawn stretch, from its first point to its last. */
  spans: Array<{ lane: number; from: number; to: number }>;
}

export interface TimelineInput {
  lanes: readonly WatchedCase[];
  history: readonly Finding[];
  learned: LearnedTitles;
  today: string;
  /** From the pair verdict: draws day 105 and day 120 while undecided. */
  pending?: Pending;
  permit?: PermitOutlook;
  lang: Language;
  /** The drawing's width in pixels: nearer points merge so dots never overlap. */
  width: number;
}

const DAY_MS = 86_400_000;
/** Dots are 1.25rem wide: their centres stay at least this far apart. */
const MIN_DOT_GAP_PX = 28;
const MIN_TICK_GAP_PX = 64;

const DOCUMENT_STAGES: Partial<Record<DocumentKind, Stage>> = {
  approval: 'approved',
  denial: 'denied',
  termination: 'terminated',
  rejection: 'rejected',
  withdrawal: 'withdrawn',
  closure: 'admin-closed',
  rfe: 'evidence-request',
};
/**
 * DACA Watch's conclusions that no single drawn fact states, with their tone. Other findings report a status,
 * event, document or notice the timeline already draws from the case itself, so they are not drawn twice.
 */
const CONCLUSIONS: Partial<Record<FindingType, Tone>> = { 'silent-approval': 'good', 'i821d-approved-inferred': 'good', 'biometrics-reuse': 'plain' };
const TONE_RANK: Record<Tone, number> = { plain: 0, good: 1, bad: 2 };

function toneOf(stage: Stage): Tone {
  if (isEndingStage(stage) || stage === 'evidence-request' || stage === 'card-returned') return 'bad';
  return isApprovedStage(stage) ? 'good' : 'plain';
}

const dayIndex = (day: string): number => Date.parse(day) / DAY_MS;
const dayAt = (index: number): string => new Date(index * DAY_MS).toISOString().slice(0, 10);

interface DatedItem {
  day: string;
  /** Items with the same key on the same point are one item. */
  key: string;
  /** The key of an item it also folds into: an event into the status that carries its code. */
  foldsInto?: string;
  item: TimelineItem;
}

export function timelineOf({ lanes, history, learned, today, pending, permit, lang, width }: TimelineInput): Timeline {
  const perLane = lanes.map((watched) => itemsOf(watched, history, learned, lang));
  const indexes = perLane.flat().map(({ day }) => dayIndex(day));
  if (indexes.length === 0) return { points: [], milestones: [], marks: [], ticks: [], spans: [] };

  const undecided = pending !== undefined && !pending.decided;
  const bounds = [...indexes, dayIndex(today)];
  if (pending !== undefined) bounds.push(dayIndex(pending.since));
  if (undecided) bounds.push(dayIndex(pending.goalDate));
  const start = Math.min(...bounds);
  const end = Math.max(start + 7, ...bounds);
  const drawnWidth = Math.max(width, 1);

  // Days share one point per lane in stretches of days, as few as keep the dots a dot's width apart; the scale
  // covers whole stretches, so each point sits in the middle of its stretch and the last one still fits.
  const stretch = Math.max(1, Math.ceil((end - start + 1) / Math.max(1, Math.floor(drawnWidth / MIN_DOT_GAP_PX))));
  const stretches = Math.ceil((end - start + 1) / stretch);
  const x = (index: number): number => ((index - start + 0.5) / (stretches * stretch)) * 100;
  const points = new Map<string, TimelinePoint & { folded: Map<string, TimelineItem> }>();
  perLane.forEach((dated, lane) => {
    for (const { day, key, foldsInto, item } of dated) {
      const bucket = Math.floor((dayIndex(day) - start) / stretch);
      const id = `${lane}:${bucket}`;
      let point = points.get(id);
      if (point === undefined) {
        point = { id, lane, first: day, last: day, x: ((bucket + 0.5) / stretches) * 100, items: [], tone: 'plain', official: false, folded: new Map() };
        points.set(id, point);
      }
      if (day < point.first) point.first = day;
      if (day > point.last) point.last = day;
      const same = point.folded.get(key) ?? (foldsInto === undefined ? undefined : point.folded.get(foldsInto));
      if (same !== undefined) same.repeats += 1;
      else point.folded.set(key, { ...item });
    }
  });
  const drawn = [...points.values()].map(({ folded, ...point }): TimelinePoint => {
    const items = [...folded.values()].sort((a, b) => a.at.localeCompare(b.at));
    const tone = items.reduce<Tone>((strongest, item) => (TONE_RANK[item.tone] > TONE_RANK[strongest] ? item.tone : strongest), 'plain');
    return { ...point, items, tone, official: items.some((item) => item.confidence === 'official') };
  });
  drawn.sort((a, b) => a.x - b.x || a.lane - b.lane);

  const spans = lanes.map((_, lane) => {
    const xs = drawn.filter((point) => point.lane === lane).map((point) => point.x);
    return { lane, from: Math.min(...xs), to: Math.max(...xs) };
  }).filter(({ from }) => Number.isFinite(from));

  const marks: TimelineMark[] = [{ kind: 'today', x: x(dayIndex(today)) }];
  if (undecided) marks.push({ kind: 'inquiry', x: x(dayIndex(addDays(pending.since, INQUIRY_AFTER_DAYS))) }, { kind: 'goal', x: x(dayIndex(pending.goalDate)) });
  if (permit !== undefined && dayIndex(permit.expiry) >= start && dayIndex(permit.expiry) <= end) marks.push({ kind: 'expiry', x: x(dayIndex(permit.expiry)) });
  marks.sort((a, b) => a.x - b.x);

  return { points: drawn, milestones: milestonesOf(drawn), marks, ticks: monthTicks(start, end, drawnWidth, lang, x), spans };
}

const MILESTONE_OF: Partial<Record<Stage, Milestone>> = {
  filed: 'received',
  biometrics: 'biometrics',
  review: 'review',
  // A request for evidence and a decision other than an approval are key days too: the reader looks for them first.
  'evidence-request': 'evidence',
  approved: 'approval',
  denied: 'denial',
  rejected: 'ended',
  terminated: 'ended',
  withdrawn: 'ended',
  'admin-closed': 'ended',
  ended: 'ended',
  'card-ordered': 'card',
  'card-produced': 'card',
  'card-mailed': 'card',
  'card-delivered': 'card',
};
/** Readings too unsure to name a key day with. */
const UNSURE: ReadonlySet<Badge> = new Set(['disputed', 'unknown', 'upload']);

/** Each case's first day at each milestone, from the readings that are sure enough. */
function milestonesOf(points: readonly TimelinePoint[]): TimelineMilestone[] {
  const found = new Map<string, TimelineMilestone>();
  for (const point of points) {
    for (const item of point.items) {
      const kind = item.stage === undefined ? undefined : MILESTONE_OF[item.stage];
      const day = toIsoDate(item.at);
      if (kind === undefined || day === null || UNSURE.has(item.confidence)) continue;
      const key = `${point.lane} ${kind}`;
      const known = found.get(key);
      if (known === undefined || day < known.day) found.set(key, { kind, lane: point.lane, day, x: point.x, pointId: point.id, what: item.title });
    }
  }
  return [...found.values()].sort((a, b) => a.day.localeCompare(b.day) || a.lane - b.lane);
}

/** The first day of each month in the range, thinned so labels do not collide; the year on the first and on January. */
function monthTicks(start: number, end: number, width: number, lang: Language, x: (index: number) => number): Timeline['ticks'] {
  const from = new Date(start * DAY_MS);
  const months: number[] = [];
  for (let month = from.getUTCMonth() + 1; ; month += 1) {
    const index = Date.UTC(from.getUTCFullYear(), month, 1) / DAY_MS;
    if (index > end) break;
    months.push(index);
  }
  const every = Math.max(1, Math.ceil((months.length * MIN_TICK_GAP_PX) / width));
  return months.filter((_, i) => i % every === 0).map((index, i) => {
    const day = dayAt(index);
    return { x: x(index), label: formatMonth(day, lang, i === 0 || day.slice(5, 7) === '01') };
  });
}

/** Everything dated on one case, each item told by the knowledge base in the user's language. */
function itemsOf(watched: WatchedCase, history: readonly Finding[], learned: LearnedTitles, lang: Language): DatedItem[] {
  const t = MESSAGES[lang];
  const { detail, status, documents } = watched.view;
  const dated: DatedItem[] = [];
  const add = (at: string | undefined, key: string, item: Omit<TimelineItem, 'at' | 'repeats'>, foldsInto?: string): void => {
    const day = at === undefined ? null : toIsoDate(at);
    if (at !== undefined && day !== null) dated.push({ day, key, foldsInto, item: { ...item, at, repeats: 1 } });
  };

  // Statuses first, so that the event carrying a status's code folds into the status.
  const statuses = status === undefined ? [] : [
    ...status.historicalCaseStatuses,
    { date: status.currentActionCodeDate, actionCode: status.currentActionCode, statusTitle: status.statusTitle, statusTitleSpanish: status.statusTitleSpanish },
  ];
  for (const entry of statuses) {
    const title = entry.statusTitle ?? entry.statusTitleSpanish;
    if (title === undefined) continue;
    const read = explainStatus(title, lang);
    const code = entry.actionCode === undefined ? '' : normaliseCode(entry.actionCode);
    const shown = officialTitle(entry.statusTitle, entry.statusTitleSpanish, lang) ?? title;
    add(entry.date, code === '' ? `status ${title}` : `code ${code}`, {
      title: code === '' ? shown : `${shown} (${code})`,
      explanation: read.explanation,
      confidence: read.key === undefined ? 'unknown' : 'official',
      tone: toneOf(read.stage),
      stage: read.stage,
    });
  }
  const shownHere = titlesShownOn(watched);
  for (const event of detail?.events ?? []) {
    if (event.eventCode === undefined || event.eventCode.trim() === '') continue;
    const own = explainCode(event.eventCode, lang, shownHere);
    const read = own.source === 'learned' ? own : explainCode(event.eventCode, lang, learned);
    // USCIS's word only when USCIS showed that title with the code on this case. A title from the other case or from
    // the code table (as when the case's history stops listing the entry) is DACA Watch's reading of the code.
    const confidence: Badge = own.source === 'learned' ? 'official' : read.confidence === 'official' ? 'inferred' : read.confidence;
    // USCIS re-emits an event with a new eventId but the same code and time: one item.
    const at = event.eventTimestamp ?? event.eventDateTime ?? event.createdAtTimestamp ?? event.createdAt;
    add(
      at,
      `event ${read.code} ${at}`,
      // The name without the title's own hedge: the badge says how sure it is, once.
      { title: `${read.name} (${read.code})`, explanation: read.explanation, confidence, tone: toneOf(read.stage), stage: read.stage },
      `code ${read.code}`,
    );
  }
  for (const document of documents ?? []) {
    const kind = classifyDocument(document);
    const source = documentSource(document);
    add(document.createDate, `document ${document.type} ${document.createDate}`, {
      title: document.type ?? t.documentKinds.other,
      explanation: `${t.documentKinds[kind]} · ${t.source[source]}`,
      // An upload is the applicant's own word, never USCIS's; a document of no stated source is not USCIS's either.
      confidence: source === 'applicant' ? 'upload' : source === 'uscis' ? 'official' : 'unknown',
      tone: toneOf(DOCUMENT_STAGES[kind] ?? 'other'),
      stage: DOCUMENT_STAGES[kind] ?? (kind === 'receipt' ? 'filed' : kind === 'appointment' || kind === 'biometrics-reuse' ? 'biometrics' : undefined),
    });
  }
  for (const notice of detail?.notices ?? []) {
    add(notice.generationDate, `notice ${notice.letterId ?? notice.actionType}`, {
      title: notice.actionType ?? t.documentKinds.other,
      explanation: notice.appointmentDateTime === undefined ? '' : t.appointment(formatInstant(notice.appointmentDateTime, lang)),
      confidence: 'official',
      tone: 'plain',
      stage: /appointment/i.test(notice.actionType ?? '') ? 'biometrics' : undefined,
    });
  }
  for (const finding of history) {
    const tone = CONCLUSIONS[finding.type];
    if (finding.receipt !== watched.receipt || tone === undefined) continue;
    const { title, details } = findingSummary(finding, lang, learned);
    add(finding.happenedAt ?? finding.foundAt, `finding ${finding.key}`, {
      title,
      explanation: details.join(' '),
      // DACA Watch's conclusion (an approval before the title, one shown by the other case): its reading, not USCIS's word.
      confidence: 'inferred',
      tone,
      stage: finding.type === 'biometrics-reuse' ? 'biometrics' : 'approved',
    });
  }
  return dated;
}
