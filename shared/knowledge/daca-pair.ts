// The DACA pair verdict: what the I-821D and I-765 together say, in plain English and Spanish, with the evidence
// it rests on and the renewal's day counts. It must never claim more than its evidence: no single field decides.

import { formatLongDay } from '../format-date';
import type { Language, Localized } from '../localized';
import { calendarDay } from './calendar-days';
import { readCase, type CaseReading, type CaseStage, type CaseView, type Evidence, type Signal } from './case-reading';
import { DECISION_GOAL_DAYS, pendingSince, permitOutlook, type Pending, type PermitOutlook } from './daca-timing';
import { learnTitles, type LearnedTitles } from './learned-titles';
import { OUTCOME_WORDS, outcomeParagraph } from './decision-outcomes';
import { codeInWords } from './codes';
import { STAGE_PROGRESS, isApprovedStage, isEndingStage, type EndingStage, type Stage, type Step } from './stages';

export type { CaseView, Evidence } from './case-reading';

export const PAIR_VERDICT_KINDS = [
  'no-data',
  'waiting',
  'biometrics-scheduled',
  'biometrics-taken',
  'biometrics-reused',
  'under-review',
  'on-hold',
  'evidence-requested',
  'evidence-received',
  'silently-denied',
  'denied',
  /** Decisions other than approval: the filing was not accepted, ended, withdrawn or closed (see decision-outcomes.ts). */
  'rejected',
  'terminated',
  'withdrawn',
  'admin-closed',
  'ended',
  'likely-approved',
  'silently-approved',
  'deferred-action-approved',
  'approved',
  'card-on-its-way',
  'card-delivered',
  'card-returned',
] as const;
export type PairVerdictKind = (typeof PAIR_VERDICT_KINDS)[number];

export interface PairVerdict {
  kind: PairVerdictKind;
  headline: Localized;
  /** One paragraph: what it means, what it rests on. */
  explanation: Localized;
  /** What the verdict rests on, strongest first. */
  evidence: Evidence[];
  stages: { i821d: CaseStage; i765: CaseStage };
  /**
   * The I-765 shows an approval or a card while the I-821D's own status title does not show an approval: USCIS
   * decides the I-765 only after approving the I-821D, so the I-821D was approved.
   */
  i821dApprovedByInference: boolean;
  /** From the earlier submission date; absent when neither detail could be read. */
  pending?: Pending;
  /** Only with `permitExpiry`. */
  permit?: PermitOutlook;
}

export interface PairOptions {
  /**
   * The current work permit's expiry date (YYYY-MM-DD); null: asked for but not entered (the screens ask for it next to
   * the verdict, so a review's "nothing is needed from you" would contradict them); absent: not part of this reading.
   */
  permitExpiry?: string | null;
  /** Pairings learned from earlier checks; the pairings in these two statuses are added to them. */
  learned?: LearnedTitles;
}

/**
 * A denial said of the pair: what it means for DACA and what to do, without the per-case meaning's opening "USCIS
 * denied this request" (it would follow "at least one of your two requests"; each case's card says it of its case).
 */
const pairDenial = (lang: Language): string => `${OUTCOME_WORDS.denied.brief[lang]} ${OUTCOME_WORDS.denied.next[lang]}`;

const VERDICT_TEXT: Record<PairVerdictKind, { headline: Localized; explanation: Localized }> = {
  'no-data': {
    headline: { en: 'No case data yet', es: 'Todavía no hay datos de sus casos' },
    explanation: {
      en: 'DACA Watch could not read either case yet. It will try again; this does not mean anything changed.',
      es: 'DACA Watch todavía no pudo leer ninguno de sus dos casos. Lo volverá a intentar; esto no significa que algo haya cambiado.',
    },
  },
  waiting: {
    headline: { en: 'Your renewal was received', es: 'USCIS recibió su renovación' },
    explanation: {
      en: 'USCIS has your DACA request (I-821D) and work permit application (I-765) and has started its routine checks. The next step is usually a biometrics appointment, or word that your earlier biometrics will be reused.',
      es: 'USCIS tiene su solicitud de DACA (I-821D) y su solicitud de permiso de trabajo (I-765), y comenzó las verificaciones de rutina. El siguiente paso suele ser una cita de datos biométricos o un aviso de que se reutilizarán los que usted dio antes.',
    },
  },
  'biometrics-scheduled': {
    headline: { en: 'You have a biometrics appointment', es: 'Tiene una cita de datos biométricos' },
    explanation: {
      en: 'USCIS scheduled an appointment to take your fingerprints, photo and signature. Go on the date in the appointment notice and bring the notice and a photo ID: missing it can delay or stop your renewal.',
      es: 'USCIS programó una cita para tomarle las huellas dactilares, la foto y la firma. Acuda en la fecha que indica el aviso de cita y lleve el aviso y una identificación con foto: si no acude, su renovación puede retrasarse o detenerse.',
    },
  },
  'biometrics-taken': {
    headline: { en: 'Your biometrics were taken', es: 'Ya se tomaron sus datos biométricos' },
    explanation: {
      en: 'Your fingerprints, photo and signature are on file for this renewal. USCIS now finishes its background checks and then reviews the case.',
      es: 'Sus huellas dactilares, su foto y su firma ya constan en su expediente para esta renovación. Ahora USCIS termina la verificación de antecedentes y después revisa el caso.',
    },
  },
  'biometrics-reused': {
    headline: { en: 'USCIS is reusing your earlier biometrics', es: 'USCIS está reutilizando sus datos biométricos anteriores' },
    explanation: {
      en: 'USCIS is using the fingerprints, photo and signature you gave before, so you most likely do not need a new appointment. If a notice says otherwise, follow the notice.',
      es: 'USCIS está usando las huellas dactilares, la foto y la firma que usted dio antes, así que lo más probable es que no necesite una nueva cita. Si algún aviso le indica otra cosa, siga lo que dice el aviso.',
    },
  },
  'under-review': {
    headline: { en: 'Your renewal is being reviewed', es: 'Su renovación está en revisión' },
    explanation: {
      en: 'USCIS is reviewing your case. Nothing is needed from you right now; DACA Watch will tell you as soon as a document, code or status shows a decision.',
      es: 'USCIS está revisando su caso. Por ahora no tiene que hacer nada; DACA Watch le avisará en cuanto un documento, un código o el estatus muestre una decisión.',
    },
  },
  'on-hold': {
    headline: { en: 'Your case is on hold', es: 'Su caso está en pausa' },
    explanation: {
      en: 'USCIS paused work on at least one of your two cases, for example because of a court case or a policy review. A hold is not a denial, but it can last a while, so keep your work permit’s expiry date in mind.',
      es: 'USCIS detuvo el trámite de al menos uno de sus dos casos, por ejemplo por un caso judicial o una revisión de políticas. Una pausa no es una denegación, pero puede durar un tiempo, así que tenga presente la fecha de vencimiento de su permiso de trabajo.',
    },
  },
  'evidence-requested': {
    headline: { en: 'USCIS needs something from you', es: 'USCIS necesita algo de usted' },
    explanation: {
      en: 'USCIS sent a Request for Evidence (RFE) or marked a case as needing action from you. Read the request in your documents or mail: it says what to send and by when. A complete answer on time keeps your renewal moving.',
      es: 'USCIS envió una Solicitud de Evidencia (RFE) o marcó un caso como pendiente de una acción suya. Lea la solicitud en sus documentos o en su correo: allí dice qué debe enviar y la fecha límite. Una respuesta completa y a tiempo permite que su renovación siga adelante.',
    },
  },
  'evidence-received': {
    headline: { en: 'Your response is in; the review continues', es: 'USCIS recibió su respuesta y sigue revisando' },
    explanation: {
      en: 'USCIS received your response to the Request for Evidence and is reviewing your case again. It sets no fixed time for the decision after a response; DACA Watch keeps checking.',
      es: 'USCIS recibió su respuesta a la Solicitud de Evidencia (RFE) y está revisando su caso de nuevo. No hay un plazo fijo para la decisión después de una respuesta; DACA Watch sigue revisando.',
    },
  },
  'silently-denied': {
    headline: { en: 'A denial appeared before the status changed', es: 'Apareció una denegación antes de que cambiara el estatus' },
    explanation: {
      en: `A denial shows in your documents or case codes, though the status title has not changed yet. ${pairDenial('en')}`,
      es: `Aparece una denegación en sus documentos o en los códigos del caso, aunque el título del estatus todavía no ha cambiado. ${pairDenial('es')}`,
    },
  },
  denied: {
    headline: { en: 'USCIS denied your renewal', es: 'USCIS denegó su renovación' },
    explanation: {
      en: `USCIS denied at least one of your two requests. ${pairDenial('en')}`,
      es: `USCIS denegó al menos una de sus dos solicitudes. ${pairDenial('es')}`,
    },
  },
  rejected: {
    headline: { en: 'USCIS rejected your renewal filing', es: 'USCIS rechazó la presentación de su renovación' },
    explanation: { en: outcomeParagraph('rejected', 'en'), es: outcomeParagraph('rejected', 'es') },
  },
  terminated: {
    headline: { en: 'USCIS terminated your case', es: 'USCIS terminó su caso' },
    explanation: { en: outcomeParagraph('terminated', 'en'), es: outcomeParagraph('terminated', 'es') },
  },
  withdrawn: {
    headline: { en: 'Your renewal request was withdrawn', es: 'Su solicitud de renovación fue retirada' },
    explanation: { en: outcomeParagraph('withdrawn', 'en'), es: outcomeParagraph('withdrawn', 'es') },
  },
  'admin-closed': {
    headline: { en: 'USCIS closed your case without a decision', es: 'USCIS cerró su caso sin una decisión' },
    explanation: { en: outcomeParagraph('admin-closed', 'en'), es: outcomeParagraph('admin-closed', 'es') },
  },
  ended: {
    headline: { en: 'USCIS decided without approving', es: 'USCIS tomó una decisión sin aprobar' },
    explanation: { en: outcomeParagraph('ended', 'en'), es: outcomeParagraph('ended', 'es') },
  },
  'likely-approved': {
    headline: { en: 'USCIS may have approved your case', es: 'Es posible que USCIS haya aprobado su caso' },
    explanation: {
      en: 'USCIS recorded a code that trackers have seen with approvals, while the status title and your documents do not show an approval yet. It is a good sign, not a confirmed decision; DACA Watch will tell you as soon as USCIS confirms it.',
      es: 'USCIS registró un código que los sitios de seguimiento han visto junto a aprobaciones, aunque el título del estatus y sus documentos todavía no muestran una aprobación. Es una buena señal, no una decisión confirmada; DACA Watch le avisará en cuanto USCIS la confirme.',
    },
  },
  'silently-approved': {
    headline: { en: 'An approval appeared before the status changed', es: 'Apareció una aprobación antes de que cambiara el estatus' },
    explanation: {
      en: 'An approval document or code appeared on your case while the status title still says it is in progress. Titles usually catch up within hours or days.',
      es: 'En su caso apareció un documento o un código de aprobación, aunque el título del estatus todavía dice que está en trámite. El título suele ponerse al día en unas horas o unos días.',
    },
  },
  'deferred-action-approved': {
    headline: { en: 'Your DACA was renewed', es: 'Se renovó su DACA' },
    explanation: {
      en: 'USCIS approved your DACA request (I-821D). Your work permit (I-765) is decided after it, usually within days; DACA Watch will tell you when it is approved.',
      es: 'USCIS aprobó su solicitud de DACA (I-821D). Su permiso de trabajo (I-765) se decide después, normalmente en pocos días; DACA Watch le avisará cuando lo aprueben.',
    },
  },
  approved: {
    headline: { en: 'Your renewal was approved', es: 'Su renovación fue aprobada' },
    explanation: {
      en: 'USCIS approved your work permit, which it does only after approving your DACA request, so both are renewed. The new card is produced and mailed next; its validity starts on the approval date.',
      es: 'USCIS aprobó su permiso de trabajo, algo que solo hace después de aprobar su solicitud de DACA, así que ambos quedaron renovados. Lo siguiente es la producción y el envío de la nueva tarjeta; su vigencia empieza en la fecha de aprobación.',
    },
  },
  'card-on-its-way': {
    headline: { en: 'Your new work permit card is on its way', es: 'Su nueva tarjeta de permiso de trabajo va en camino' },
    explanation: {
      en: 'USCIS is producing your new card or has mailed it. That only happens after an approval, so your DACA renewal was approved too, even if the I-821D status has not changed yet.',
      es: 'USCIS está produciendo su nueva tarjeta o ya se la envió por correo. Eso solo ocurre después de una aprobación, así que su renovación de DACA también fue aprobada, aunque el estatus del I-821D todavía no haya cambiado.',
    },
  },
  'card-delivered': {
    headline: { en: 'Your new card was delivered', es: 'Se entregó su nueva tarjeta' },
    explanation: {
      en: 'The Postal Service reports your new work permit card as delivered. Check that your name and the dates on it are right; if it is not in your mail, contact USCIS soon.',
      es: 'El Servicio Postal informa que entregó su nueva tarjeta de permiso de trabajo. Revise que su nombre y las fechas sean correctos; si no la recibió, comuníquese pronto con USCIS.',
    },
  },
  'card-returned': {
    headline: { en: 'Your card was returned to USCIS', es: 'Su tarjeta fue devuelta a USCIS' },
    explanation: {
      en: 'The Postal Service could not deliver your new card and sent it back to USCIS. Check that USCIS has your current address and contact USCIS to have it sent again.',
      es: 'El Servicio Postal no pudo entregar su nueva tarjeta y la devolvió a USCIS. Confirme que USCIS tenga su dirección actual y comuníquese con USCIS para que se la vuelvan a enviar.',
    },
  },
};

/**
 * "Under review" when the work permit has expired or expires within 120 days (work-answer.ts's "expiring soon"): the
 * person has things to do (tell the employer, day 105, a legal service provider), so no "nothing is needed".
 */
/** Under review with the permit's expiry not entered: whether anything is needed depends on that date. */
const UNDER_REVIEW_EXPIRY_UNKNOWN: Localized = {
  en: 'USCIS is reviewing your case; DACA Watch will tell you as soon as a document, code or status shows a decision. What, if anything, you should do meanwhile depends on your work permit’s expiry date.',
  es: 'USCIS está revisando su caso; DACA Watch le avisará en cuanto un documento, un código o el estatus muestre una decisión. Si tiene que hacer algo mientras tanto depende de la fecha de vencimiento de su permiso de trabajo.',
};

function underReviewPermitAtRisk(permit: PermitOutlook): Localized {
  const on = (lang: Language) => formatLongDay(permit.expiry, lang);
  const expired = permit.daysLeft < 0;
  return {
    en: `USCIS is reviewing your case; DACA Watch will tell you as soon as a document, code or status shows a decision. Meanwhile your work permit needs your attention: it ${expired ? 'expired' : 'expires'} on ${on('en')}.`,
    es: `USCIS está revisando su caso; DACA Watch le avisará en cuanto un documento, un código o el estatus muestre una decisión. Mientras tanto, su permiso de trabajo requiere su atención: ${expired ? 'venció' : 'vence'} el ${on('es')}.`,
  };
}

const DOCUMENTS_UNREAD: Localized = {
  en: 'DACA Watch could not read the documents list this time, so a newer notice (even an approval) may already be there.',
  es: 'Esta vez DACA Watch no pudo leer la lista de documentos, así que puede que ya haya un aviso más reciente (incluso una aprobación).',
};

const I821D_BY_INFERENCE: Localized = {
  en: 'the I-765’s approval, since USCIS decides the work permit only after approving the DACA request (I-821D)',
  es: 'la aprobación del I-765, ya que USCIS decide el permiso de trabajo solo después de aprobar la solicitud de DACA (I-821D)',
};

const BIOMETRICS_STEPS = ['reused', 'taken', 'scheduled'] as const satisfies readonly Step[];

/**
 * The verdict for a DACA pair on `today` (YYYY-MM-DD or ISO). In order: a denial beats everything; then an open
 * evidence request; then the I-765's card; then approvals (silent while no status title shows one); then a hold,
 * an answered request, review, biometrics, and the filing itself.
 */
export function pairVerdict(i821d: CaseView, i765: CaseView, today: string, options: PairOptions = {}): PairVerdict {
  const learned = [i821d.status, i765.status].reduce(
    (known, status) => (status === undefined ? known : learnTitles(status, known)),
    options.learned ?? {},
  );
  const deferredAction = readCase('I-821D', i821d, learned);
  const workPermit = readCase('I-765', i765, learned);
  const cases = [deferredAction, workPermit];

  const workPermitApproved = workPermit.stage !== 'unknown' && isApprovedStage(workPermit.stage);
  const i821dApprovedByInference = workPermitApproved && !isEndingStage(deferredAction.stage)
    && !(deferredAction.titleStage !== undefined && isApprovedStage(deferredAction.titleStage));
  const inference: Evidence[] = i821dApprovedByInference
    ? [{ kind: 'inference', form: 'I-821D', what: I821D_BY_INFERENCE, confidence: 'inferred' }]
    : [];
  const [kind, evidence] = decide(deferredAction, workPermit, workPermitApproved, inference);
  const decided = workPermitApproved || isEndingVerdict(kind);

  const day = calendarDay(today);
  const since = cases.map((reading) => reading.submissionDate).filter((submitted) => submitted !== undefined).sort()[0];
  const permit = options.permitExpiry === undefined || options.permitExpiry === null ? undefined : permitOutlook(options.permitExpiry, day, since, decided);
  const text = VERDICT_TEXT[kind];
  const explanation = kind !== 'under-review'
    ? text.explanation
    : permit !== undefined && permit.daysLeft <= DECISION_GOAL_DAYS
      ? underReviewPermitAtRisk(permit)
      : options.permitExpiry === null
        ? UNDER_REVIEW_EXPIRY_UNKNOWN
        : text.explanation;
  const strongest = [...evidence].sort(byStrength);
  const documentsUnread = !decided && cases.some((reading) => reading.known && reading.documentsUnknown);
  const paragraph = (lang: Language): string => [
    explanation[lang],
    basis(strongest.slice(0, 2), lang),
    documentsUnread ? DOCUMENTS_UNREAD[lang] : '',
  ].filter(Boolean).join(' ');

  const verdict: PairVerdict = {
    kind,
    headline: text.headline,
    explanation: { en: paragraph('en'), es: paragraph('es') },
    evidence: strongest,
    stages: {
      i821d: i821dApprovedByInference && !isApprovedStage(stageOrOther(deferredAction.stage)) ? 'approved' : deferredAction.stage,
      i765: workPermit.stage,
    },
    i821dApprovedByInference,
  };
  if (since !== undefined) verdict.pending = pendingSince(since, day, decided);
  if (permit !== undefined) verdict.permit = permit;
  return verdict;
}

function decide(deferredAction: CaseReading, workPermit: CaseReading, workPermitApproved: boolean, inference: Evidence[]): [PairVerdictKind, Evidence[]] {
  const cases = [deferredAction, workPermit];
  const signals = (test: (signal: Signal) => boolean, from: CaseReading[] = cases): Signal[] =>
    from.flatMap((reading) => reading.signals.filter(test));
  const where = (test: (signal: Signal) => boolean, from: CaseReading[] = cases): Evidence[] =>
    signals(test, from).map((signal) => signal.evidence);
  const titled = (test: (stage: Stage) => boolean): boolean =>
    cases.some((reading) => reading.titleStage !== undefined && test(reading.titleStage));

  if (!deferredAction.known && !workPermit.known) return ['no-data', []];

  // A decision other than approval beats everything: the one the status shows (title, then code), else the latest.
  const endings = signals((signal) => isEndingStage(signal.stage));
  if (endings.length > 0) {
    const titledEnding = cases.map((reading) => reading.titleStage).find((stage) => stage !== undefined && isEndingStage(stage));
    const coded = endings.find((signal) => signal.evidence.kind === 'code' && signal.stage !== 'ended' && signal.stage !== 'denied');
    const outcome = (titledEnding ?? coded?.stage ?? endings.find((signal) => signal.stage !== 'ended')?.stage ?? 'ended') as EndingStage;
    const evidence = endings.filter((signal) => signal.stage === outcome || signal.stage === 'ended').map((signal) => signal.evidence);
    if (outcome === 'denied') return [titledEnding === 'denied' ? 'denied' : 'silently-denied', evidence];
    return [outcome, evidence];
  }

  const openRequests = cases.filter((reading) => reading.rfe === 'open');
  if (openRequests.length > 0) return ['evidence-requested', where((signal) => signal.step === 'request', openRequests)];

  // Past "approved" on the I-765 means a card stage (denials have already returned).
  const card = stageOrOther(workPermit.stage);
  if (isApprovedStage(card) && card !== 'approved') {
    const kind = card === 'card-returned' || card === 'card-delivered' ? card : 'card-on-its-way';
    return [kind, [...where((signal) => signal.stage === card, [workPermit]), ...inference]];
  }

  const approvals = where((signal) => isApprovedStage(signal.stage) && !signal.hedged);
  if (approvals.length > 0) {
    const kind = !titled(isApprovedStage) ? 'silently-approved' : workPermitApproved ? 'approved' : 'deferred-action-approved';
    return [kind, [...approvals, ...inference]];
  }
  // Only a reported approval code (APR0): likely, and said so.
  const likely = where((signal) => isApprovedStage(signal.stage) && signal.hedged === true);
  if (likely.length > 0) return ['likely-approved', likely];

  if (cases.some((reading) => reading.stage === 'hold')) return ['on-hold', where((signal) => signal.stage === 'hold')];
  if (cases.some((reading) => reading.rfe === 'answered')) return ['evidence-received', where((signal) => signal.stage === 'evidence-request')];

  const furthest = Math.max(...cases.map((reading) => STAGE_PROGRESS[stageOrOther(reading.stage)]));
  if (furthest >= STAGE_PROGRESS.review) return ['under-review', where((signal) => signal.stage === 'review')];
  if (furthest === STAGE_PROGRESS.biometrics) {
    const biometrics = signals((signal) => signal.stage === 'biometrics');
    // An unknown title that only mentions fingerprints has no step: "scheduled" is the reading that cannot mislead.
    const step = BIOMETRICS_STEPS.find((candidate) => biometrics.some((signal) => signal.step === candidate)) ?? 'scheduled';
    return [`biometrics-${step}`, biometrics.filter((signal) => signal.step === step || signal.step === undefined).map((signal) => signal.evidence)];
  }
  return ['waiting', where((signal) => signal.stage === 'filed')];
}

const ENDING_KINDS: ReadonlySet<PairVerdictKind> = new Set(['silently-denied', 'denied', 'rejected', 'terminated', 'withdrawn', 'admin-closed', 'ended']);

/** A verdict of a decision other than approval: the renewal is decided (and over), not pending. */
export function isEndingVerdict(kind: PairVerdictKind): boolean {
  return ENDING_KINDS.has(kind);
}

function stageOrOther(stage: CaseStage): Stage {
  return stage === 'unknown' ? 'other' : stage;
}

const CONFIDENCE_ORDER: ReadonlyArray<Evidence['confidence']> = ['official', 'community', 'inferred', 'disputed', 'unknown'];
const KIND_ORDER: ReadonlyArray<Evidence['kind']> = ['title', 'document', 'code', 'flag', 'inference'];

/** Surer readings first; at equal confidence, a title before a document before a code. */
function byStrength(a: Evidence, b: Evidence): number {
  return CONFIDENCE_ORDER.indexOf(a.confidence) - CONFIDENCE_ORDER.indexOf(b.confidence)
    || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
}

const QUALIFIERS: Record<Evidence['confidence'], Localized> = {
  official: { en: '', es: '' },
  inferred: { en: '', es: '' },
  community: { en: ' (a community reading)', es: ' (según la comunidad)' },
  disputed: { en: ' (its meaning is disputed)', es: ' (su significado no está claro)' },
  unknown: { en: ' (unconfirmed)', es: ' (sin confirmar)' },
};

/** One piece of evidence as a phrase: "the I-765 document “I-765 C33 Standalone Approval”". */
export function describeEvidence(evidence: Evidence, lang: Language): string {
  const { form } = evidence;
  const what = evidence.what[lang];
  const phrases: Record<Exclude<Evidence['kind'], 'code'>, Localized> = {
    title: { en: `the ${form} status “${what}”`, es: `el estatus «${what}» del ${form}` },
    document: { en: `the ${form} document “${what}”`, es: `el documento «${what}» del ${form}` },
    flag: { en: `the “action required” mark on the ${form}`, es: `la indicación de «acción requerida» del ${form}` },
    inference: { en: what, es: what },
  };
  // A code is named once, with its meaning and how sure that is, inside its own parenthesis.
  if (evidence.kind === 'code') return codeInWords(what, lang, { form, confidence: evidence.confidence });
  return phrases[evidence.kind][lang] + QUALIFIERS[evidence.confidence][lang];
}

export function basis(evidence: Evidence[], lang: Language): string {
  if (evidence.length === 0) return '';
  const list = new Intl.ListFormat(lang, { type: 'conjunction' }).format(evidence.map((item) => describeEvidence(item, lang)));
  return lang === 'en' ? `This rests on ${list}.` : `Esto se basa en ${list}.`;
}
