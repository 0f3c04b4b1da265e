// Change detection: compares the last good snapshot with the new one (shared/monitor/merge-reading.ts
// merges a check into it) into findings. Pure (no I/O, no clock of its own); which findings notify is
// the announcement rule's business.

import { readCase, type CaseReading, type Evidence, type Signal } from '../shared/knowledge/case-reading';
import { normaliseCode } from '../shared/knowledge/action-code';
import { classifyDocument, documentIdentity, isSameDocument } from '../shared/knowledge/documents';
import { eventIdentity, eventsAdded } from '../shared/knowledge/events';
import type { LearnedTitles } from '../shared/knowledge/learned-titles';
import { snapshotView } from '../shared/knowledge/snapshot-view';
import { STAGE_PROGRESS, isApprovedStage, isEndingStage, type Stage, type Step } from '../shared/knowledge/stages';
import type { Finding, FindingType } from '../shared/monitor/findings';
import { contentOf, dropUndefined } from '../shared/monitor/merge-reading';
import type { CaseSnapshot } from '../shared/monitor/state';

const iso = (ms: number) => new Date(ms).toISOString();

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
 *
 * Decisions (silent-approval, approved, denied, rfe, biometrics-*, card-*) are facts of a snapshot,
 * keyed once per case: one is found when the new snapshot holds it and the previous one did not, so
 * a fact already known is never found again and a baseline reports each one present. Changes
 * (new-document, new-notice, status-change, new-event, case-touched) compare a part with its
 * previous reading and need one: a part never read before is the baseline, a part not read this time
 * is the previous one (mergeReading keeps it), and nothing that disappears is a finding. Decisions
 * come first. A new status is a status-change only when no decision finding stands for it (a title
 * saying approved, denied, RFE sent, a card step, an appointment, reused biometrics): one fact, one
 * notification.
 */
export function detectCaseFindings(previous: CaseSnapshot | null, next: CaseSnapshot, context: DetectionContext): Finding[] {
  const look = lookAt(next, context);
  const decisions = decisionFindings(look);
  const known = new Set(previous ? decisionFindings(lookAt(previous, context)).map((finding) => finding.key) : []);
  return [
    ...decisions.filter((finding) => !known.has(finding.key)),
    ...newDocuments(previous, look),
    ...newNotices(previous, look),
    ...statusChange(previous, look, decisions),
    ...newEvents(previous, look),
    ...caseTouched(previous, look),
  ];
}

export interface PairMember {
  receipt: string;
  snapshot: CaseSnapshot | null;
}

/**
 * Findings about the pair: an I-765 card in production or an approved I-765 means the I-821D was approved.
 * Found only while the I-821D, read in full, shows no approval (and no denial) of its own: once it shows
 * one, its own silent-approval or approved has told the user, and the inference would tell it twice.
 */
export function detectPairFindings(pair: { i821d: PairMember | null; i765: PairMember | null }, context: { now: number; learned: LearnedTitles }): Finding[] {
  const { i821d, i765 } = pair;
  if (!i821d?.snapshot || !i765?.snapshot || !readInFull(i821d.snapshot)) return [];
  const deferredAction = readCase('I-821D', snapshotView(i821d.snapshot), context.learned);
  const workPermit = readCase('I-765', snapshotView(i765.snapshot), context.learned);
  if (!showsApproval(workPermit) || showsApproval(deferredAction) || isEndingStage(deferredAction.stage)) return [];
  const approvals = workPermit.signals.filter((signal) => isApprovedStage(signal.stage));
  return [
    makeFinding({ receipt: i821d.receipt, now: context.now }, 'i821d-approved-inferred', 'i821d-approved-inferred', {
      happenedAt: earliest(approvals),
      inferred: true,
      detail: { evidence: ['inference', ...evidenceOf(approvals, i765.snapshot)] },
    }),
  ];
}

// ------------------------------------------------------------------ reading a snapshot

/** One case as a snapshot shows it, read by the knowledge base. */
interface CaseLook {
  receipt: string;
  now: number;
  snapshot: CaseSnapshot;
  reading: CaseReading;
}

/** readCase labels its evidence with the form; the label changes no finding. */
function lookAt(snapshot: CaseSnapshot, context: DetectionContext): CaseLook {
  const form = (snapshot.detail?.formType ?? context.formType) === 'I-765' ? 'I-765' : 'I-821D';
  return { receipt: context.receipt, now: context.now, snapshot, reading: readCase(form, snapshotView(snapshot), context.learned) };
}

function readInFull(snapshot: CaseSnapshot): boolean {
  return snapshot.detail !== null && snapshot.status !== null && snapshot.documents !== null;
}

function showsApproval(reading: CaseReading): boolean {
  return reading.stage !== 'unknown' && isApprovedStage(reading.stage);
}

/** The status title, the plain-text reading of its text, and the current action code. */
function isStatusSignal(signal: Signal, snapshot: CaseSnapshot): boolean {
  const { kind, what } = signal.evidence;
  return kind === 'title' || kind === 'inference' || (kind === 'code' && what.en === normaliseCode(snapshot.status?.code ?? ''));
}

/** What the status says: its title when the title is a known one (or placed by its words), else its code. */
function statusSays(look: CaseLook): Signal | undefined {
  const statusSignals = look.reading.signals.filter((signal) => isStatusSignal(signal, look.snapshot));
  return statusSignals.find((signal) => signal.evidence.kind === 'title' && signal.stage !== 'other')
    ?? statusSignals.find((signal) => signal.evidence.kind === 'code');
}

// ------------------------------------------------------------------ decisions

type CardStep = 'card-produced' | 'card-mailed' | 'card-delivered';
type Decision = Extract<FindingType, 'approved' | 'denied' | 'case-ended' | 'rfe' | 'biometrics-appointment' | 'biometrics-reuse' | CardStep>;
const CARD_STEPS: ReadonlySet<Stage> = new Set<CardStep>(['card-produced', 'card-mailed', 'card-delivered']);
const DECISION_BY_STEP: Record<Step, Decision | undefined> = {
  request: 'rfe',
  response: undefined,
  scheduled: 'biometrics-appointment',
  taken: undefined,
  reused: 'biometrics-reuse',
};

function isCardStep(stage: Stage): stage is CardStep {
  return CARD_STEPS.has(stage);
}

/**
 * The decision a signal is evidence of. An approval serves `approved` or `silent-approval`, whichever the
 * status allows; an ordered or returned card, a review, a response and taken fingerprints serve none.
 */
function decisionOf(signal: Signal): Decision | undefined {
  if (signal.stage === 'approved' || signal.stage === 'denied' || isCardStep(signal.stage)) return signal.stage;
  if (isEndingStage(signal.stage)) return 'case-ended';
  return signal.step === undefined ? undefined : DECISION_BY_STEP[signal.step];
}

function decisionFindings(look: CaseLook): Finding[] {
  const evidenceFor = (decision: Decision) => look.reading.signals.filter((signal) => decisionOf(signal) === decision);
  return [
    approval(look, evidenceFor('approved')),
    endingDecision(look),
    look.reading.rfe === 'open' ? decisionFinding(look, 'rfe', evidenceFor('rfe')) : undefined,
    biometricsAppointment(look, evidenceFor('biometrics-appointment')),
    biometricsReuse(look, evidenceFor('biometrics-reuse')),
    furthestCardStep(look),
  ].filter((finding) => finding !== undefined);
}

/**
 * `approved` when the status says approved (or shows a card: then the approval is inferred from that later stage);
 * `silent-approval` when only a document or code does; `likely-approved` when only a reported approval code (APR0)
 * does, which is never stated as a decision.
 */
function approval(look: CaseLook, approvals: Signal[]): Finding | undefined {
  const status = statusSays(look);
  const firm = approvals.filter((signal) => !signal.hedged);
  if (status === undefined || !isApprovedStage(status.stage) || status.hedged) {
    return firm.length > 0 ? decisionFinding(look, 'silent-approval', firm) : decisionFinding(look, 'likely-approved', approvals, {}, true);
  }
  const statusApprovals = look.reading.signals.filter((signal) => isStatusSignal(signal, look.snapshot) && isApprovedStage(signal.stage) && !signal.hedged);
  return decisionFinding(look, 'approved', statusApprovals, {}, status.stage !== 'approved');
}

/**
 * A decision other than approval: `denied`, or `case-ended` with its outcome (rejected, terminated, withdrawn,
 * closed). The one the status shows wins (its title, else its code); else the latest that names one. Once per case.
 */
function endingDecision(look: CaseLook): Finding | undefined {
  const endings = look.reading.signals.filter((signal) => isEndingStage(signal.stage));
  if (endings.length === 0) return undefined;
  const status = statusSays(look);
  // Signals come newest first; 'ended' (a family code that names no outcome) gives way to one that does.
  const outcome = status !== undefined && isEndingStage(status.stage) && status.stage !== 'ended'
    ? status.stage
    : endings.find((signal) => signal.stage !== 'ended')?.stage ?? 'ended';
  const behind = endings.filter((signal) => signal.stage === outcome || signal.stage === 'ended');
  return outcome === 'denied' ? decisionFinding(look, 'denied', behind) : decisionFinding(look, 'case-ended', behind, { outcome });
}

/** Still to come: the latest notice's appointment time is ahead, or (no time known) no biometrics were taken or reused yet. */
function biometricsAppointment(look: CaseLook, scheduled: Signal[]): Finding | undefined {
  const appointmentAt = inTimeOrder((look.snapshot.detail?.notices ?? []).map((notice) => notice.appointmentDateTime)).at(-1);
  const upcoming = appointmentAt !== undefined
    ? Date.parse(appointmentAt) > look.now
    : atBiometrics(look.reading) && !look.reading.signals.some((signal) => signal.step === 'taken' || signal.step === 'reused');
  return upcoming ? decisionFinding(look, 'biometrics-appointment', scheduled, { appointmentAt }) : undefined;
}

/**
 * News only while the case is still at biometrics (a reuse read later, or at a baseline past it, is history; so is
 * the disputed H008 seen on approval days). Reported when a code (not a disputed one) says so; inferred from a
 * notice, the status text or a disputed code.
 */
function biometricsReuse(look: CaseLook, reused: Signal[]): Finding | undefined {
  if (!atBiometrics(look.reading)) return undefined;
  const reported = reused.some(({ evidence }) => evidence.kind === 'code' && (evidence.confidence === 'official' || evidence.confidence === 'community'));
  return decisionFinding(look, 'biometrics-reuse', reused, {}, !reported);
}

/** Nothing past biometrics (review, a request, a decision, a card) shows yet. */
function atBiometrics(reading: CaseReading): boolean {
  return !reading.signals.some((signal) => STAGE_PROGRESS[signal.stage] > STAGE_PROGRESS.biometrics);
}

/** Only the furthest card step is a finding; a returned card is the status-change's news. */
function furthestCardStep(look: CaseLook): Finding | undefined {
  const cards = look.reading.signals.filter((signal) => signal.stage !== 'approved' && isApprovedStage(signal.stage));
  const furthest = cards.reduce<Stage | undefined>((best, { stage }) => (best === undefined || STAGE_PROGRESS[stage] > STAGE_PROGRESS[best] ? stage : best), undefined);
  return furthest !== undefined && isCardStep(furthest) ? decisionFinding(look, furthest, cards.filter((signal) => signal.stage === furthest)) : undefined;
}

/** A decision resting on these signals, once per case; none without a signal. */
function decisionFinding(look: CaseLook, type: FindingType, signals: Signal[], detail: Partial<Finding['detail']> = {}, inferred = false): Finding | undefined {
  if (signals.length === 0) return undefined;
  const first = (kind: Evidence['kind']) => signals.find((signal) => signal.evidence.kind === kind)?.evidence.what;
  return makeFinding(look, type, type, {
    happenedAt: earliest(signals),
    inferred,
    detail: {
      documentType: first('document')?.en,
      code: first('code')?.en,
      title: first('title')?.en,
      titleSpanish: first('title')?.es,
      ...detail,
      evidence: evidenceOf(signals, look.snapshot),
    },
  });
}

const EVIDENCE_ORDER = ['document', 'event', 'code', 'title', 'flag', 'inference'] as const;

/** 'document', 'event' (a code in the events), 'code' (the status's current code), 'title', 'flag' (actionRequired), 'inference' (the status text). */
function evidenceOf(signals: Signal[], snapshot: CaseSnapshot): string[] {
  const kinds = new Set(signals.flatMap(({ evidence }): string[] => {
    if (evidence.kind !== 'code') return [evidence.kind];
    const inEvents = (snapshot.detail?.events ?? []).some((event) => normaliseCode(event.eventCode ?? '') === evidence.what.en);
    const current = normaliseCode(snapshot.status?.code ?? '') === evidence.what.en;
    return [...(inEvents ? ['event'] : []), ...(current ? ['code'] : [])];
  }));
  return EVIDENCE_ORDER.filter((kind) => kinds.has(kind));
}

// ------------------------------------------------------------------ changes

/** Entries of `after` whose identity `before` lacks, each once; none when `before` was never read (the baseline). */
function added<T>(before: readonly T[] | undefined, after: readonly T[], identity: (item: T) => string): Array<[string, T]> {
  if (before === undefined) return [];
  const seen = new Set(before.map(identity));
  return after.flatMap((item): Array<[string, T]> => {
    const id = identity(item);
    if (seen.has(id)) return [];
    seen.add(id);
    return [[id, item]];
  });
}

type StoredDocument = NonNullable<CaseSnapshot['documents']>['items'][number];
type StoredDetail = NonNullable<CaseSnapshot['detail']>;

/** Documents the previous list lacks (a rotated contentId is the same document: see isSameDocument). */
function newDocuments(previous: CaseSnapshot | null, look: CaseLook): Finding[] {
  const before = previous?.documents?.items;
  const fresh = (look.snapshot.documents?.items ?? []).filter((document) => !before?.some((known) => isSameDocument(known, document)));
  return added(before === undefined ? undefined : [], fresh, documentIdentity).map(([id, document]) =>
    makeFinding(look, 'new-document', `document:${id}`, {
      happenedAt: document.createDate,
      detail: { documentType: document.type, source: sourceOf(document) },
    }));
}

function sourceOf(document: StoredDocument): 'uscis' | 'applicant' | undefined {
  if (classifyDocument(document) === 'applicant-upload') return 'applicant';
  return /uscis/i.test(document.sourceType ?? '') ? 'uscis' : undefined;
}

/**
 * A re-emitted event (new eventId, same code and time), a near-duplicate or the same code again that day is the same
 * event; a backdated one is new. An event with no id or timestamp is named by its code and day (eventIdentity).
 */
function newEvents(previous: CaseSnapshot | null, look: CaseLook): Finding[] {
  const before = previous?.detail?.events;
  const fresh = eventsAdded(before ?? [], look.snapshot.detail?.events ?? []);
  return added(before === undefined ? undefined : [], fresh, eventIdentity).map(([id, event]) =>
    makeFinding(look, 'new-event', `event:${id}`, { happenedAt: event.eventTimestamp, detail: { code: normaliseCode(event.eventCode ?? '') } }));
}

const noticeIdentity = (notice: StoredDetail['notices'][number]) => notice.letterId ?? `${notice.actionType}@${notice.generationDate}`;

function newNotices(previous: CaseSnapshot | null, look: CaseLook): Finding[] {
  return added(previous?.detail?.notices, look.snapshot.detail?.notices ?? [], noticeIdentity).map(([id, notice]) =>
    makeFinding(look, 'new-notice', `notice:${id}`, {
      happenedAt: notice.generationDate,
      detail: { documentType: notice.actionType, appointmentAt: notice.appointmentDateTime },
    }));
}

/** A new title or code, unless a decision finding (new or already known) stands for what the status now says. */
function statusChange(previous: CaseSnapshot | null, look: CaseLook, decisions: Finding[]): Finding[] {
  const before = previous?.status;
  const after = look.snapshot.status;
  if (!before || !after || (before.title === after.title && before.code === after.code)) return [];
  const standing = new Set(decisions.map((finding) => (finding.type === 'silent-approval' ? 'approved' : finding.type)));
  const said = look.reading.signals.filter((signal) => isStatusSignal(signal, look.snapshot)).map(decisionOf);
  if (said.some((decision) => decision !== undefined && standing.has(decision))) return [];
  return [
    makeFinding(look, 'status-change', `status:${after.code ?? ''}:${after.title ?? after.titleSpanish ?? ''}`, {
      happenedAt: after.date,
      detail: { title: after.title, titleSpanish: after.titleSpanish, previousTitle: before.title, code: after.code },
    }),
  ];
}

/** Only updatedAtTimestamp moved: every other field of every part is as it was. */
function caseTouched(previous: CaseSnapshot | null, look: CaseLook): Finding[] {
  const { detail, status, documents } = look.snapshot;
  const before = previous?.detail;
  if (!previous || !before || !detail || before.updatedAtTimestamp === detail.updatedAtTimestamp) return [];
  const onlyTouched = contentOf({ ...detail, updatedAtTimestamp: before.updatedAtTimestamp }) === contentOf(before)
    && contentOf(status) === contentOf(previous.status)
    && contentOf(documents) === contentOf(previous.documents);
  return onlyTouched ? [makeFinding(look, 'case-touched', `touched:${detail.updatedAtTimestamp}`, { happenedAt: detail.updatedAtTimestamp })] : [];
}

// ------------------------------------------------------------------ findings

interface FindingParts {
  happenedAt?: string;
  inferred?: boolean;
  detail?: Partial<Finding['detail']>;
}

/** Keys are `${receipt}:${what}`: the same fact always gets the same key, which is what deduplicates it. */
function makeFinding(where: { receipt: string; now: number }, type: FindingType, what: string, parts: FindingParts): Finding {
  const { happenedAt, inferred = false, detail = {} } = parts;
  return {
    key: `${where.receipt}:${what}`,
    type,
    receipt: where.receipt,
    foundAt: iso(where.now),
    ...(happenedAt ? { happenedAt } : {}),
    inferred,
    detail: { evidence: [], ...dropUndefined(detail) },
  };
}

/** The times that are known (ISO instants, which sort as text), earliest first. */
function inTimeOrder(times: ReadonlyArray<string | undefined>): string[] {
  return times.filter((at): at is string => at !== undefined && at !== '').sort();
}

function earliest(signals: Signal[]): string | undefined {
  return inTimeOrder(signals.map((signal) => signal.at))[0];
}
