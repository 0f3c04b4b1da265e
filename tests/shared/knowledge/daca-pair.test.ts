// The pair verdict at every phase of every simulator scenario (views built in-process through the real schemas),
// then the paths no scenario takes: missing parts, disputed and learned codes, holds, flags, day counts.

import { describe, expect, it } from 'vitest';
import { CaseDetailSchema, CaseStatusSchema } from '../../../shared/myuscis/schemas';
import type { CaseStage } from '../../../shared/knowledge/case-reading';
import { addDays } from '../../../shared/knowledge/calendar-days';
import { formatLongDay } from '../../../shared/format-date';
import { pairVerdict, type CaseView, type PairVerdict, type PairVerdictKind } from '../../../shared/knowledge/daca-pair';
import { SCENARIOS, getScenario } from '../../../simulator/scenarios';
import { phaseViews, type PhaseViews } from '../../../simulator/scenario-views';

const INFERRED = 'I-821D approved by inference';
type Expected = [kind: PairVerdictKind, i821d: CaseStage, i765: CaseStage, inference?: typeof INFERRED];

/** The normal renewal (renewalSteps in the simulator), shared by the scenarios built on it. */
const RENEWAL: Record<string, Expected> = {
  // Receipts, uploads, FSA0 the next day: FSA0 is intake, so still waiting.
  filed: ['waiting', 'filed', 'filed'],
  // The reuse notice reaches the I-821D's documents a day before any status says so: reuse, from the notice alone.
  'biometrics-reuse-notice': ['biometrics-reused', 'biometrics', 'filed'],
  // "Fingerprints Were Taken" with a text saying earlier biometrics were applied, and H008: reuse, not a new appointment.
  'biometrics-reused': ['biometrics-reused', 'biometrics', 'biometrics'],
  review: ['under-review', 'review', 'review'],
  // Approval documents on both cases while both titles still say review.
  'silent-approval': ['silently-approved', 'approved', 'approved', INFERRED],
  // The I-765's title says approved; the I-821D's still says processing, so its approval rests on its document and the inference.
  approved: ['approved', 'approved', 'approved', INFERRED],
  // Card produced while the I-821D status lags two days.
  'card-produced': ['card-on-its-way', 'approved', 'card-produced', INFERRED],
  // The I-821D's own title catches up: no inference needed any more.
  'i821d-approved': ['card-on-its-way', 'approved', 'card-produced'],
  'card-mailed': ['card-on-its-way', 'approved', 'card-mailed'],
  'card-delivered': ['card-delivered', 'approved', 'card-delivered'],
  // `closed` is not read: it changes nothing.
  closed: ['card-delivered', 'approved', 'card-delivered'],
};

function without(phases: Record<string, Expected>, ...names: string[]): Record<string, Expected> {
  return Object.fromEntries(Object.entries(phases).filter(([name]) => !names.includes(name)));
}

const EXPECTED: Record<string, Record<string, Expected>> = {
  'daca-renewal': RENEWAL,
  'daca-rfe': {
    ...without(RENEWAL, 'silent-approval', 'approved', 'card-produced', 'i821d-approved', 'card-mailed', 'card-delivered', 'closed'),
    // RFE document, IKA, "Request for Additional Evidence Was Sent" and actionRequired on the I-821D.
    rfe: ['evidence-requested', 'evidence-request', 'review'],
    // Uploads, HA and the response title after the request; actionRequired cleared.
    'rfe-response': ['evidence-received', 'evidence-request', 'review'],
    // IEA on both and approval documents on both, titles unchanged.
    'silent-approval': ['silently-approved', 'approved', 'approved', INFERRED],
    // Both titles say approved the same evening.
    approved: ['approved', 'approved', 'approved'],
    'card-produced': ['card-on-its-way', 'approved', 'card-produced'],
    'card-mailed': ['card-on-its-way', 'approved', 'card-mailed'],
  },
  'daca-denial': {
    filed: RENEWAL.filed!,
    review: RENEWAL.review!,
    // A denial document on the I-821D while its title still says review: a denial beats everything, silently.
    'silent-denial': ['silently-denied', 'denied', 'review'],
    denied: ['denied', 'denied', 'review'],
    'i765-denied': ['denied', 'denied', 'denied'],
    closed: ['denied', 'denied', 'denied'],
  },
  'daca-biometrics-appointment': {
    ...without(RENEWAL, 'biometrics-reuse-notice', 'biometrics-reused', 'i821d-approved', 'closed'),
    // IMAF, the appointment notice and document, FNA with the "Appointment Was Scheduled" title.
    'biometrics-scheduled': ['biometrics-scheduled', 'biometrics', 'biometrics'],
    // FNB, MA70 and "Fingerprints Were Taken" whose text says they were taken, not reused.
    'biometrics-taken': ['biometrics-taken', 'biometrics', 'biometrics'],
    // DA on both the next day: the I-821D's own title says approved, so no inference.
    approved: ['approved', 'approved', 'approved'],
    'card-produced': ['card-on-its-way', 'approved', 'card-produced'],
  },
  'daca-reemitted-events': {
    ...RENEWAL,
    // Re-emitted, backdated and unknown codes (XRZ1, then the disputed FTA1) change nothing.
    reemitted: RENEWAL.review!,
    backdated: RENEWAL.review!,
    'unknown-code': RENEWAL.review!,
  },
  'daca-applicant-upload': {
    ...RENEWAL,
    // The applicant's upload is not an answer to anything and decides nothing.
    'applicant-upload': RENEWAL['biometrics-reused']!,
    // updatedAtTimestamp moves; nothing is decided.
    touched: RENEWAL.review!,
  },
  'daca-silent-i821d': {
    ...without(RENEWAL, 'i821d-approved', 'closed'),
    // Only the I-765 has an approval document; the I-821D never moves: approved by inference from the I-765 alone.
    'silent-approval': ['silently-approved', 'approved', 'approved', INFERRED],
    approved: ['approved', 'approved', 'approved', INFERRED],
    'card-mailed': ['card-on-its-way', 'approved', 'card-mailed', INFERRED],
    'card-delivered': ['card-delivered', 'approved', 'card-delivered', INFERRED],
  },
  // No documents at all: reuse shows only in the status text, the approval only in codes and titles.
  'daca-empty-documents': without(RENEWAL, 'biometrics-reuse-notice', 'silent-approval'),
  'daca-flaky-documents': RENEWAL,
  // The same renewal told in "We ..." titles, and under rotating contentIds: the same verdicts.
  'daca-renewal-we-titles': RENEWAL,
  'daca-rotating-content-ids': RENEWAL,
};
EXPECTED['daca-wrong-receipt'] = EXPECTED['daca-rfe']!;
// H016 "Your Case Was Terminated (Denial)" on the I-821D, then the I-765 denied: decided, and the termination speaks.
EXPECTED['daca-termination'] = {
  ...without(RENEWAL, 'silent-approval', 'approved', 'card-produced', 'i821d-approved', 'card-mailed', 'card-delivered', 'closed'),
  terminated: ['terminated', 'terminated', 'review'],
  'i765-denied': ['terminated', 'terminated', 'denied'],
  closed: ['terminated', 'terminated', 'denied'],
};
// "Case Was Rejected" on both (a family code that names no outcome): rejected, never pending.
EXPECTED['daca-rejection'] = { filed: RENEWAL.filed!, rejected: ['rejected', 'rejected', 'rejected'], closed: ['rejected', 'rejected', 'rejected'] };
// H008 as the status code of "Case Approved" on both (H008 was the reuse status before): approved, not biometrics.
EXPECTED['daca-h008-approval'] = {
  ...without(RENEWAL, 'silent-approval', 'approved', 'card-produced', 'i821d-approved', 'card-mailed', 'card-delivered', 'closed'),
  approved: ['approved', 'approved', 'approved'],
  'card-produced': ['card-on-its-way', 'approved', 'card-produced'],
  'card-mailed': ['card-on-its-way', 'approved', 'card-mailed'],
  'card-delivered': ['card-delivered', 'approved', 'card-delivered'],
};
// The renewal with events trimmed to {eventCode, createdAt}: the same verdicts; FTA0 written again changes nothing.
// The renewal until the card is picked up, then returned to USCIS: the verdict says so (never "delivered").
EXPECTED['daca-card-returned'] = { ...without(RENEWAL, 'card-delivered', 'closed'), 'card-returned': ['card-returned', 'approved', 'card-returned'] };
EXPECTED['daca-sparse-events'] = { ...RENEWAL, 'fta0-again': RENEWAL.review!, 'fta0-later': RENEWAL.review! };
// An interview notice while under review changes nothing of the verdict.
EXPECTED['daca-interview-notice'] = { ...RENEWAL, 'interview-scheduled': ['under-review', 'review', 'review'] };
EXPECTED['daca-apr0-early-approval'] = {
  ...without(RENEWAL, 'silent-approval', 'approved', 'i821d-approved', 'card-produced'),
  // APR0 alone on the I-821D: a likely approval, hedged; no stage moves on it.
  'apr0-only': ['likely-approved', 'review', 'review'],
  // The I-821D's title says approved; the I-765 waits (its IAK on the approval day is no request for evidence).
  'i821d-approved': ['deferred-action-approved', 'approved', 'review'],
  'i765-approved': ['approved', 'approved', 'approved'],
  'card-produced': ['card-on-its-way', 'approved', 'card-produced'],
};

const PHASES = [...SCENARIOS.values()].flatMap((scenario) =>
  phaseViews(scenario).map((views) => ({ name: scenario.name, ...views })));

function verdictAt(scenario: string, phase: string): PairVerdict {
  const views = PHASES.find((row) => row.name === scenario && row.phase === phase);
  if (views === undefined) throw new Error(`No phase ${scenario}/${phase}`);
  return pairVerdict(views.i821d, views.i765, views.today);
}

function outcome(verdict: PairVerdict): Expected {
  const { kind, stages, i821dApprovedByInference } = verdict;
  return i821dApprovedByInference ? [kind, stages.i821d, stages.i765, INFERRED] : [kind, stages.i821d, stages.i765];
}

describe('the pair verdict across the simulator scenarios', () => {
  it('has an expectation for every phase of every scenario, and none for phases that do not exist', () => {
    for (const scenario of SCENARIOS.values()) {
      const phases = phaseViews(scenario).map(({ phase }) => phase);
      expect(Object.keys(EXPECTED[scenario.name] ?? {}).sort(), scenario.name).toEqual([...phases].sort());
    }
  });

  it.each(PHASES)('$name / $phase', ({ name, phase, i821d, i765, today }: PhaseViews & { name: string }) => {
    const verdict = pairVerdict(i821d, i765, today);
    expect(outcome(verdict)).toEqual(EXPECTED[name]?.[phase]);
    expect(verdict.evidence.length).toBeGreaterThan(0);
    expect(verdict.explanation.en).toContain('This rests on');
    expect(verdict.explanation.es).toContain('Esto se basa en');
    expect(verdict.headline.es).not.toBe(verdict.headline.en);
    // Every scenario is filed on the same day; the I-821D's submission date is the earlier one.
    expect(verdict.pending?.since).toBe('2026-05-29');
  });

  it('reads biometrics reuse from the notice alone, as a USCIS document', () => {
    const { evidence } = verdictAt('daca-renewal', 'biometrics-reuse-notice');
    expect(evidence).toEqual([{ kind: 'document', form: 'I-821D', what: { en: 'Biometrics Reuse Notice', es: 'Biometrics Reuse Notice' }, confidence: 'official' }]);
  });

  it('labels reuse read from the status text alone as inferred', () => {
    const { evidence, explanation } = verdictAt('daca-empty-documents', 'biometrics-reused');
    expect(evidence.map(({ kind, form, confidence }) => [kind, form, confidence])).toEqual([
      ['inference', 'I-821D', 'inferred'],
      ['inference', 'I-765', 'inferred'],
    ]);
    expect(explanation.en).toContain('status text');
  });

  it('rests the I-821D approval on the I-765 alone when the I-821D shows nothing', () => {
    const verdict = verdictAt('daca-silent-i821d', 'silent-approval');
    expect(verdict.evidence.map(({ kind, form }) => [kind, form])).toEqual([['document', 'I-765'], ['inference', 'I-821D']]);
    expect(verdict.evidence[1]?.what.en).toMatch(/only after approving the DACA request/);
  });

  it('rests an evidence request on the document, code, title and the action-required flag', () => {
    const { evidence } = verdictAt('daca-rfe', 'rfe');
    expect(evidence.map(({ kind, what }) => `${kind} ${what.en}`).sort()).toEqual([
      'code IK',
      'code IKA',
      'document Request for Evidence',
      'flag actionRequired',
      'title Request for Additional Evidence Was Sent',
    ]);
  });

  it('names the denial document before the status title says so', () => {
    const verdict = verdictAt('daca-denial', 'silent-denial');
    expect(verdict.evidence).toEqual([expect.objectContaining({ kind: 'document', form: 'I-821D', what: { en: 'I-821D Denial Notice', es: 'I-821D Denial Notice' } })]);
    expect(verdict.explanation.en).toContain('the I-821D document “I-821D Denial Notice”');
    expect(verdict.explanation.es).toContain('el documento «I-821D Denial Notice» del I-821D');
  });
});

describe('the pair verdict with missing parts', () => {
  const silentApproval = PHASES.find((row) => row.name === 'daca-renewal' && row.phase === 'silent-approval')!;
  const cardProduced = PHASES.find((row) => row.name === 'daca-renewal' && row.phase === 'card-produced')!;
  const { today } = silentApproval;

  it('treats a documents list that could not be read as unknown, and says an approval may be hiding there', () => {
    const verdict = pairVerdict({ ...silentApproval.i821d, documents: undefined }, { ...silentApproval.i765, documents: undefined }, today);
    expect(verdict.kind).toBe('under-review');
    expect(verdict.explanation.en).toContain('could not read the documents list');
    expect(verdict.explanation.es).toContain('no pudo leer la lista de documentos');
  });

  it('treats an empty documents list as none, with no such caveat', () => {
    const verdict = pairVerdict({ ...silentApproval.i821d, documents: [] }, { ...silentApproval.i765, documents: [] }, today);
    expect(verdict.kind).toBe('under-review');
    expect(verdict.explanation.en).not.toContain('could not read');
  });

  it('still sees a silent approval in a documents list read without detail or status', () => {
    const verdict = pairVerdict({ documents: silentApproval.i821d.documents }, {}, today);
    expect(outcome(verdict)).toEqual(['silently-approved', 'approved', 'unknown']);
    expect(verdict.pending).toBeUndefined();
  });

  it('infers the I-821D approval from the I-765 alone when the I-821D could not be read at all', () => {
    const verdict = pairVerdict({}, cardProduced.i765, cardProduced.today);
    expect(outcome(verdict)).toEqual(['card-on-its-way', 'approved', 'card-produced', INFERRED]);
  });

  it('says so when neither case could be read', () => {
    const verdict = pairVerdict({}, {}, today);
    expect(verdict).toMatchObject({ kind: 'no-data', evidence: [], stages: { i821d: 'unknown', i765: 'unknown' }, i821dApprovedByInference: false });
    expect(verdict.headline.es).toBe('Todavía no hay datos de sus casos');
  });
});

// Small cases built through the real schemas, for paths no scenario takes.
const FILED = '2026-05-29';
const at = (day: number) => `${addDays(FILED, day)}T15:00:00.000Z`;

interface Sketch {
  /** [code, title] of the current status, set on `statusDay`. */
  status?: [code: string, title: string];
  statusDay?: number;
  events?: Array<[code: string, day: number]>;
  documents?: Array<[type: string, day: number]>;
  actionRequired?: boolean;
  submittedDay?: number;
}

function sketch({ status, statusDay = 30, events = [], documents = [], actionRequired = false, submittedDay = 0 }: Sketch): CaseView {
  return {
    detail: CaseDetailSchema.parse({
      submissionDate: addDays(FILED, submittedDay),
      actionRequired,
      events: events.map(([eventCode, day]) => ({ eventCode, eventTimestamp: at(day) })),
    }),
    status: status && CaseStatusSchema.parse({ currentActionCode: status[0], statusTitle: status[1], currentActionCodeDate: at(statusDay) }),
    documents: documents.map(([type, day]) => ({ type, sourceType: 'USCIS Generated', createDate: at(day) })),
  };
}

const REVIEWING: Sketch = { status: ['FTA0', 'Case Is Being Actively Reviewed By USCIS'], events: [['IAF', 0], ['FTA0', 30]] };

describe('the pair verdict on paths no scenario takes', () => {
  it('under review says "nothing is needed" only while the work permit has more than 120 days left', () => {
    const today = addDays(FILED, 106);
    const review = (permitExpiry?: string) => pairVerdict(sketch(REVIEWING), sketch(REVIEWING), today, permitExpiry === undefined ? {} : { permitExpiry });
    for (const verdict of [review(), review(addDays(today, 121))]) {
      expect(verdict.kind).toBe('under-review');
      expect(verdict.explanation.en).toContain('Nothing is needed from you right now');
      expect(verdict.explanation.es).toContain('Por ahora no tiene que hacer nada');
    }
    const expired = review(addDays(today, -36));
    const soon = review(addDays(today, 120));
    for (const verdict of [expired, soon, review(today)]) {
      expect(verdict.kind).toBe('under-review');
      expect(verdict.explanation.en).not.toMatch(/nothing is needed/i);
      expect(verdict.explanation.es).not.toMatch(/no tiene que hacer nada/i);
      expect(verdict.explanation.en).toContain('USCIS is reviewing your case');
    }
    expect(expired.explanation.en).toContain(`it expired on ${formatLongDay(addDays(today, -36), 'en')}`);
    expect(expired.explanation.es).toContain(`venció el ${formatLongDay(addDays(today, -36), 'es')}`);
    expect(soon.explanation.en).toContain('it expires on');
  });

  it('after a denial the permit carries no warning about a renewal still to be approved', () => {
    const today = addDays(FILED, 90);
    const denied: Sketch = { status: ['EA', 'Case Was Denied'], statusDay: 88, events: [['IAF', 0], ['FTA0', 30], ['EA', 88]] };
    for (const expiry of [addDays(today, 20), addDays(today, -5)]) {
      const verdict = pairVerdict(sketch(denied), sketch(denied), today, { permitExpiry: expiry });
      expect(verdict.kind).toBe('denied');
      expect(verdict.permit).toMatchObject({ expiry });
      expect(verdict.permit!.warning).toBeUndefined();
    }
    // Said of the pair once: not "at least one of your two requests" followed by "this request".
    const verdict = pairVerdict(sketch(denied), sketch(denied), today);
    expect(verdict.explanation.en).toMatch(/^USCIS denied at least one of your two requests\. For DACA, a denied I-821D means/);
    expect(verdict.explanation.en).not.toContain('this request');
    expect(verdict.explanation.es).not.toContain('esta solicitud');
    expect(verdict.explanation.es).toContain('hablar pronto con un abogado');
    // The same dates while the renewal is pending do carry it.
    expect(pairVerdict(sketch(REVIEWING), sketch(REVIEWING), today, { permitExpiry: addDays(today, 20) }).permit!.warning?.level).toBe('strong');
  });

  it('in Spanish, quotes a known English-only title in its Spanish wording, as the case card does', () => {
    const verdict = pairVerdict(sketch(REVIEWING), sketch(REVIEWING), addDays(FILED, 40));
    expect(verdict.explanation.es).toContain('el estatus «USCIS Está Revisando Activamente el Caso» del I-821D');
    expect(verdict.explanation.es).not.toContain('Case Is Being Actively Reviewed');
    expect(verdict.explanation.en).toContain('the I-821D status “Case Is Being Actively Reviewed By USCIS”');
  });

  it('under review with the expiry asked for but not entered: no "nothing is needed", the expiry named as what decides', () => {
    const verdict = pairVerdict(sketch(REVIEWING), sketch(REVIEWING), addDays(FILED, 60), { permitExpiry: null });
    expect(verdict.kind).toBe('under-review');
    expect(verdict.permit).toBeUndefined();
    expect(verdict.explanation.en).not.toMatch(/nothing is needed/i);
    expect(verdict.explanation.es).not.toMatch(/no tiene que hacer nada/i);
    expect(verdict.explanation.en).toContain('depends on your work permit’s expiry date');
    expect(verdict.explanation.es).toContain('depende de la fecha de vencimiento de su permiso de trabajo');
  });

  it('reads H008 alone as reuse but says its meaning is disputed', () => {
    const waiting = sketch({ status: ['IAF', 'Case Was Received'], statusDay: 0, events: [['IAF', 0], ['H008', 9]] });
    const verdict = pairVerdict(waiting, waiting, addDays(FILED, 10));
    expect(verdict.kind).toBe('biometrics-reused');
    expect(verdict.evidence[0]).toMatchObject({ kind: 'code', what: { en: 'H008' }, confidence: 'disputed' });
    expect(verdict.explanation.en).toContain('USCIS’s internal code H008 (biometrics reused, though trackers disagree on its meaning) on the DACA request (I-821D)');
    expect(verdict.explanation.es).toContain('el código interno de USCIS H008 (datos biométricos reutilizados, aunque los sitios de seguimiento no coinciden en su significado) en la solicitud de DACA (I-821D)');
  });

  it('calls an approval code under a review title a silent approval, with the code’s community confidence', () => {
    const verdict = pairVerdict(sketch(REVIEWING), sketch({ ...REVIEWING, events: [...REVIEWING.events!, ['SA', 70]] }), addDays(FILED, 70));
    expect(outcome(verdict)).toEqual(['silently-approved', 'approved', 'approved', INFERRED]);
    expect(verdict.evidence[0]).toMatchObject({ kind: 'code', form: 'I-765', what: { en: 'SA' }, confidence: 'community' });
  });

  it('uses pairings learned on earlier checks for codes the current statuses do not pair', () => {
    const i765 = sketch({ ...REVIEWING, events: [...REVIEWING.events!, ['XRZ9', 70]] });
    expect(pairVerdict(sketch(REVIEWING), i765, addDays(FILED, 70)).kind).toBe('under-review');
    const learned = { XRZ9: { en: 'Case Was Approved', es: 'Caso Fue Aprobado' } };
    const verdict = pairVerdict(sketch(REVIEWING), i765, addDays(FILED, 70), { learned });
    expect(verdict.kind).toBe('silently-approved');
    expect(verdict.evidence[0]).toMatchObject({ kind: 'code', what: { en: 'XRZ9' }, confidence: 'official' });
  });

  it('says the DACA request was approved while the work permit is still pending', () => {
    const verdict = pairVerdict(sketch({ status: ['DA', 'Case Was Approved'], statusDay: 60 }), sketch(REVIEWING), addDays(FILED, 60));
    expect(outcome(verdict)).toEqual(['deferred-action-approved', 'approved', 'review']);
    expect(verdict.pending).toMatchObject({ decided: false, days: 60 });
  });

  it('puts a denial above an approval and an open request', () => {
    const verdict = pairVerdict(
      sketch({ status: ['DA', 'Case Was Approved'], actionRequired: true }),
      sketch({ status: ['EA', 'Case Was Denied'], statusDay: 61 }),
      addDays(FILED, 61),
    );
    expect(outcome(verdict)).toEqual(['denied', 'approved', 'denied']);
    expect(verdict.evidence).toEqual([expect.objectContaining({ kind: 'title', form: 'I-765' }), expect.objectContaining({ kind: 'code', form: 'I-765' })]);
  });

  it('treats the action-required flag alone as a request needing an answer', () => {
    const verdict = pairVerdict(sketch({ ...REVIEWING, actionRequired: true }), sketch(REVIEWING), addDays(FILED, 40));
    expect(outcome(verdict)).toEqual(['evidence-requested', 'evidence-request', 'review']);
    expect(verdict.evidence).toEqual([expect.objectContaining({ kind: 'flag', form: 'I-821D', confidence: 'official' })]);
  });

  it('keeps a request open until something answers it, however the flag reads', () => {
    const requested = { ...REVIEWING, documents: [['Request for Evidence', 50]] as Array<[string, number]> };
    expect(pairVerdict(sketch(requested), sketch(REVIEWING), addDays(FILED, 55)).kind).toBe('evidence-requested');
    const answered = { ...requested, events: [...REVIEWING.events!, ['HA', 60]] as Array<[string, number]> };
    expect(pairVerdict(sketch(answered), sketch(REVIEWING), addDays(FILED, 61)).kind).toBe('evidence-received');
  });

  it('shows a hold until work resumes', () => {
    const held = { ...REVIEWING, events: [...REVIEWING.events!, ['FS', 40]] as Array<[string, number]> };
    expect(outcome(pairVerdict(sketch(held), sketch(REVIEWING), addDays(FILED, 41)))).toEqual(['on-hold', 'hold', 'review']);
    const lifted = { ...held, events: [...held.events!, ['FR', 50]] as Array<[string, number]> };
    expect(outcome(pairVerdict(sketch(lifted), sketch(REVIEWING), addDays(FILED, 51)))).toEqual(['under-review', 'review', 'review']);
  });

  it('reports a card returned to USCIS', () => {
    const returned = sketch({ status: ['LFA', 'Card Was Returned To USCIS'], statusDay: 90, events: [['DA', 80], ['LEA', 84], ['LFA', 90]] });
    expect(outcome(pairVerdict(sketch(REVIEWING), returned, addDays(FILED, 90)))).toEqual(['card-returned', 'approved', 'card-returned', INFERRED]);
  });
});

describe('the pair verdict’s day counts', () => {
  it.each([
    [104, false],
    [105, true],
  ])('on day %i may inquire: %s', (day, canInquire) => {
    expect(pairVerdict(sketch(REVIEWING), sketch(REVIEWING), addDays(FILED, day)).pending).toMatchObject({ days: day, canInquire, pastGoal: false });
  });

  it.each([
    [120, false],
    [121, true],
  ])('on day %i is past the 120-day goal: %s', (day, pastGoal) => {
    expect(pairVerdict(sketch(REVIEWING), sketch(REVIEWING), addDays(FILED, day)).pending).toMatchObject({ days: day, canInquire: true, pastGoal });
  });

  it('counts from the earlier submission date, and accepts an ISO instant for today', () => {
    const verdict = pairVerdict(sketch({ ...REVIEWING, submittedDay: 2 }), sketch(REVIEWING), `${addDays(FILED, 106)}T23:30:00.000Z`);
    expect(verdict.pending).toMatchObject({ since: FILED, days: 106, canInquire: true });
  });

  it('stops counting toward an inquiry once the work permit is approved', () => {
    const approved = sketch({ status: ['DA', 'Case Was Approved'], statusDay: 110 });
    expect(pairVerdict(approved, approved, addDays(FILED, 110)).pending).toMatchObject({ days: 110, decided: true, canInquire: false });
  });

  it('adds the permit outlook with the (c)(33) warning while the renewal is pending, and drops the warning once approved', () => {
    const reviewing = verdictAtWithExpiry('review', '2026-10-26');
    expect(reviewing.permit).toMatchObject({ expiry: '2026-10-26', daysLeft: 150 - 30, filing: { daysBeforeExpiry: 150, window: 'in-window' }, warning: { level: 'notice' } });
    expect(reviewing.permit?.warning?.text.es).toContain('(c)(33)');
    const approved = verdictAtWithExpiry('approved', '2026-10-26');
    expect(approved.permit?.warning).toBeUndefined();
    expect(verdictAtWithExpiry('review', '2026-09-01').permit).toMatchObject({ filing: { window: 'late' }, warning: { level: 'strong' } });
  });
});

function verdictAtWithExpiry(phase: string, permitExpiry: string): PairVerdict {
  const views = phaseViews(getScenario('daca-renewal')).find((row) => row.phase === phase)!;
  return pairVerdict(views.i821d, views.i765, views.today, { permitExpiry });
}
