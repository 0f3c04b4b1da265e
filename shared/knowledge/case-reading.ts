// Reads one case (detail, status, documents: any may be missing) into dated signals, each with its evidence,
// and the stage they add up to. Never trusts a single field: updatedAtTimestamp and `closed` are not read at all.

import type { Localized } from '../localized';
import type { CaseDetail, CaseDocument, CaseStatus } from '../myuscis/schemas';
import { explainCode } from './codes';
import { classifyDocument, type DocumentKind } from './documents';
import type { LearnedTitles } from './learned-titles';
import { STAGE_PROGRESS, isApprovedStage, isEndingStage, type Confidence, type Stage, type Step } from './stages';
import { explainStatus } from './status-titles';

/** What DACA Watch could fetch for one case. `documents: undefined` means the list could not be read; `[]` means none. */
export interface CaseView {
  detail?: CaseDetail;
  status?: CaseStatus;
  documents?: CaseDocument[];
}

export type Form = 'I-821D' | 'I-765';

export interface Evidence {
  /** flag: a yes/no field of the case detail (actionRequired). */
  kind: 'document' | 'code' | 'title' | 'flag' | 'inference';
  form: Form;
  /** The document type, code, status title (USCIS's Spanish one in `es` when sent), field, or the reasoning. */
  what: Localized;
  /** inferred: DACA Watch's reasoning from a rule or from free text, not a reading of a field. */
  confidence: Confidence | 'inferred';
}

export interface Signal {
  stage: Stage;
  step?: Step;
  /** A reported approval code (APR0): a likely approval, never a decision on its own, so it moves no stage. */
  hedged?: true;
  /** ISO instant, or '' when the source carries no time. */
  at: string;
  evidence: Evidence;
}

/** A case's stage; unknown when nothing at all could be read. */
export type CaseStage = Stage | 'unknown';

export interface CaseReading {
  known: boolean;
  documentsUnknown: boolean;
  signals: Signal[];
  /** The furthest stage the signals reach; an open evidence request or an active hold shows instead until a decision. */
  stage: CaseStage;
  /** The stage of the current status title, when there is one. */
  titleStage?: Stage;
  rfe?: 'open' | 'answered';
  submissionDate?: string;
}

const DOCUMENT_STAGES: Partial<Record<DocumentKind, { stage: Stage; step?: Step }>> = {
  approval: { stage: 'approved' },
  denial: { stage: 'denied' },
  termination: { stage: 'terminated' },
  rejection: { stage: 'rejected' },
  withdrawal: { stage: 'withdrawn' },
  closure: { stage: 'admin-closed' },
  rfe: { stage: 'evidence-request', step: 'request' },
  'biometrics-reuse': { stage: 'biometrics', step: 'reused' },
  appointment: { stage: 'biometrics', step: 'scheduled' },
  receipt: { stage: 'filed' },
};

/**
 * Biometrics reuse often shows only in the status text of a biometrics (or unknown) title: "fingerprints ... have
 * been applied to your case" (not "taken"), or words like before/previously/reused. Reading that is an inference,
 * and is labelled as one.
 */
const MENTIONS_BIOMETRICS = /fingerprint|huella|biom[eé]tric/i;
const SAYS_REUSED = /\b(re-?us(e|ed|ing)|previously|before|earlier|reutiliz\w*|anteriormente|previamente)\b/i;
const SAYS_APPLIED = /\b(applied|se aplicaron|aplicad[oa]s?)\b/i;
const SAYS_TAKEN = /\b(taken|collected|se tomaron|tomad[oa]s?)\b/i;

export function readCase(form: Form, view: CaseView, learned: LearnedTitles): CaseReading {
  const { detail, status, documents } = view;
  const signals = dedupe([
    ...titleSignals(form, status),
    ...codeSignals(form, view, learned),
    ...documentSignals(form, documents ?? []),
    ...detailSignals(form, detail),
  ]);
  const known = detail !== undefined || status !== undefined || (documents?.length ?? 0) > 0;
  const furthest = signals.filter((signal) => !signal.hedged).reduce<Signal | undefined>((best, signal) => (best === undefined || isFurther(signal, best) ? signal : best), undefined);
  const reached: CaseStage = furthest !== undefined && STAGE_PROGRESS[furthest.stage] > 0 ? furthest.stage : known ? 'filed' : 'unknown';
  const decided = isEndingStage(reached) || (reached !== 'unknown' && isApprovedStage(reached));
  const rfe = evidenceRequest(signals, documents ?? [], detail?.actionRequired === true, decided);
  const title = status?.statusTitle ?? status?.statusTitleSpanish;
  return {
    known,
    documentsUnknown: documents === undefined,
    signals,
    stage: rfe === 'open' ? 'evidence-request' : !decided && onHold(signals) ? 'hold' : reached,
    titleStage: title === undefined ? undefined : explainStatus(title, 'en').stage,
    rfe,
    submissionDate: detail?.submissionDate,
  };
}

/** Further along; at the same point (review and an evidence request, say), the later one. */
function isFurther(signal: Signal, than: Signal): boolean {
  const [progress, thanProgress] = [STAGE_PROGRESS[signal.stage], STAGE_PROGRESS[than.stage]];
  return progress > thanProgress || (progress === thanProgress && signal.at > than.at);
}

function same(text: string): Localized {
  return { en: text, es: text };
}

function titleSignals(form: Form, status: CaseStatus | undefined): Signal[] {
  const title = status?.statusTitle ?? status?.statusTitleSpanish;
  if (status === undefined || title === undefined) return [];
  const at = status.currentActionCodeDate ?? '';
  const read = explainStatus(title, 'en');
  const signals: Signal[] = [{
    stage: read.stage,
    step: read.step,
    at,
    // In Spanish, USCIS's own Spanish title, else the known title's Spanish wording (as the case card shows it).
    evidence: { kind: 'title', form, what: { en: title, es: status.statusTitleSpanish ?? (read.key === undefined ? title : explainStatus(title, 'es').title) }, confidence: read.key === undefined ? 'unknown' : 'official' },
  }];
  const text = [status.statusTextPlain?.text, status.statusTextSpanishPlain?.text].join('\n');
  const aboutBiometrics = read.stage === 'biometrics' || read.key === undefined;
  const reused = aboutBiometrics && MENTIONS_BIOMETRICS.test(text) && (SAYS_REUSED.test(text) || (SAYS_APPLIED.test(text) && !SAYS_TAKEN.test(text)));
  if (reused) {
    signals.push({
      stage: 'biometrics',
      step: 'reused',
      at,
      evidence: {
        kind: 'inference',
        form,
        what: {
          // Said of no one in particular: the printable record for a lawyer quotes it too.
          en: `the ${form} status text, which says biometrics given before were applied to this case`,
          es: `el texto del estatus del ${form}, que dice que se aplicaron a este caso datos biométricos dados antes`,
        },
        confidence: 'inferred',
      },
    });
  }
  return signals;
}

/**
 * Event codes and the status's current code. The status code is read with its own title: when the title is a known
 * one and the code alone is disputed or unknown (H008 with "Case Approved", H016 with a title), the title says what
 * the code stands for in this status; the same code among the events keeps its own reading.
 */
function codeSignals(form: Form, { detail, status }: CaseView, learned: LearnedTitles): Signal[] {
  const codes = [
    ...(detail?.events ?? []).map((event) => ({ code: event.eventCode, at: event.eventTimestamp ?? event.eventDateTime ?? event.createdAt ?? '', isStatus: false })),
    { code: status?.currentActionCode, at: status?.currentActionCodeDate ?? '', isStatus: true },
  ];
  const title = status?.statusTitle ?? status?.statusTitleSpanish;
  const titleRead = title === undefined ? undefined : explainStatus(title, 'en');
  return codes.flatMap(({ code, at, isStatus }): Signal[] => {
    if (code === undefined || code.trim() === '') return [];
    const read = ownReadingOfDisputed(explainCode(code, 'en', learned), isStatus);
    const titleWins = isStatus && titleRead?.key !== undefined && (read.confidence === 'disputed' || read.confidence === 'unknown');
    const { stage, step } = titleWins ? titleRead! : read;
    return [{ stage, step, ...(read.hedged && !titleWins ? { hedged: true } : {}), at, evidence: { kind: 'code', form, what: same(read.code), confidence: read.confidence } }];
  });
}

/**
 * A disputed code (H008) that USCIS once showed with a decision title ("Case Approved") is a decision only as that
 * status's code: among the events (the biometrics reuse weeks earlier, the other case's events) it keeps its own
 * disputed reading, so a learned pairing never turns an old event into an approval.
 */
function ownReadingOfDisputed(read: ReturnType<typeof explainCode>, isStatus: boolean): ReturnType<typeof explainCode> {
  if (isStatus || read.source !== 'learned' || !(isApprovedStage(read.stage) || isEndingStage(read.stage))) return read;
  const own = explainCode(read.code, 'en');
  return own.confidence === 'disputed' ? own : read;
}

function documentSignals(form: Form, documents: CaseDocument[]): Signal[] {
  return documents.flatMap((document): Signal[] => {
    const meaning = DOCUMENT_STAGES[classifyDocument(document)];
    if (meaning === undefined) return [];
    const generated = /uscis generated/i.test(document.sourceType ?? '');
    return [{ ...meaning, at: document.createDate ?? '', evidence: { kind: 'document', form, what: same(document.type ?? ''), confidence: generated ? 'official' : 'unknown' } }];
  });
}

/** A mailed appointment notice, and the actionRequired flag (read as a request: it has no time of its own). */
function detailSignals(form: Form, detail: CaseDetail | undefined): Signal[] {
  const appointments = (detail?.notices ?? []).filter((notice) => /appointment/i.test(notice.actionType ?? ''));
  return [
    ...appointments.map((notice): Signal => ({
      stage: 'biometrics',
      step: 'scheduled',
      at: notice.generationDate ?? '',
      evidence: { kind: 'document', form, what: same(notice.actionType ?? ''), confidence: 'official' },
    })),
    ...(detail?.actionRequired === true
      ? [{ stage: 'evidence-request', step: 'request', at: '', evidence: { kind: 'flag', form, what: same('actionRequired'), confidence: 'official' } } satisfies Signal]
      : []),
  ];
}

/**
 * One signal per piece of evidence (re-emitted events, near-duplicates, multi-part documents), the latest kept,
 * newest first: the order USCIS listed things in never changes a reading (events come newest first, or not).
 */
function dedupe(signals: Signal[]): Signal[] {
  const keyOf = (signal: Signal) => `${signal.evidence.kind}|${signal.evidence.what.en}`;
  const latest = new Map<string, Signal>();
  for (const signal of signals) {
    const kept = latest.get(keyOf(signal));
    if (kept === undefined || signal.at > kept.at) latest.set(keyOf(signal), signal);
  }
  return [...latest.values()].sort((a, b) => b.at.localeCompare(a.at) || keyOf(a).localeCompare(keyOf(b)));
}

/**
 * Open while the case is undecided and either actionRequired is set or the latest request (document, code,
 * title) is newer than any response (an applicant upload, or a response code or title); answered otherwise.
 */
function evidenceRequest(signals: Signal[], documents: CaseDocument[], actionRequired: boolean, decided: boolean): CaseReading['rfe'] {
  const requests = signals.filter((signal) => signal.step === 'request');
  const responses = signals.filter((signal) => signal.step === 'response');
  if (requests.length === 0 && responses.length === 0) return undefined;
  const latest = (times: string[]) => times.reduce((a, b) => (b > a ? b : a), '');
  const requestedAt = latest(requests.map((signal) => signal.at));
  const answeredAt = latest([
    ...responses.map((signal) => signal.at),
    ...documents.filter((document) => classifyDocument(document) === 'applicant-upload').map((document) => document.createDate ?? ''),
  ]);
  return !decided && (actionRequired || requestedAt > answeredAt) ? 'open' : 'answered';
}

/** A hold (FS, KH) counts until a later review-or-further signal (FR, FTA0, a new title) shows work resumed. */
function onHold(signals: Signal[]): boolean {
  const holds = signals.filter((signal) => signal.stage === 'hold').map((signal) => signal.at);
  if (holds.length === 0) return false;
  const lastHold = holds.reduce((a, b) => (b > a ? b : a));
  return !signals.some((signal) => STAGE_PROGRESS[signal.stage] >= STAGE_PROGRESS.review && signal.at > lastHold);
}
