// Change detection over every simulator scenario, phase by phase, run as the monitor runs it (learn titles, merge,
// detect the case then the pair, drop keys already found); then baselines, failed reads, touches and learned codes.

import { describe, expect, it } from 'vitest';
import { detectCaseFindings, detectPairFindings } from '../../engine/detect';
import { mergeReading, type CheckReading } from '../../shared/monitor/merge-reading';
import { documentIdentity } from '../../shared/knowledge/documents';
import { learnTitles, type LearnedTitles } from '../../shared/knowledge/learned-titles';
import { FindingSchema, type Finding } from '../../shared/monitor/findings';
import { CaseSnapshotSchema, type CaseSnapshot } from '../../shared/monitor/state';
import { FaultBoard } from '../../simulator/faults';
import type { CaseKey, Scenario } from '../../simulator/scenario-schema';
import { SCENARIOS, getScenario, scenarioPhases } from '../../simulator/scenarios';
import { FILING_DAY, caseViewAt } from '../../simulator/scenario-views';

const HOUR = 3_600_000;
/** Past the simulator's up-to-59-second jitter, as scenario-views reads each phase. */
const SETTLE_MS = 2 * 60_000;
const CASES: readonly CaseKey[] = ['i821d', 'i765'];

/** What the monitor keeps between checks. */
interface Watch {
  scenario: Scenario;
  snapshots: Record<CaseKey, CaseSnapshot | null>;
  learned: LearnedTitles;
  /** Keys already in history or the ledger. */
  found: Set<string>;
  /** Snapshots go through the store's schema between checks, as after a restart. */
  stored: boolean;
}

function watch(scenario: Scenario, stored = false): Watch {
  return { scenario, snapshots: { i821d: null, i765: null }, learned: {}, found: new Set(), stored };
}

/** One finished check of one case, as Monitor.finish runs it: only findings whose key is new survive. */
function check(state: Watch, key: CaseKey, reading: CheckReading): Finding[] {
  if (reading.status) state.learned = learnTitles(reading.status, state.learned);
  const previous = state.snapshots[key];
  const merged = mergeReading(previous, reading);
  state.snapshots[key] = state.stored ? CaseSnapshotSchema.parse(JSON.parse(JSON.stringify(merged))) : merged;
  const next = state.snapshots[key]!;
  const context = { now: reading.at, learned: state.learned };
  const member = (which: CaseKey) => ({ receipt: state.scenario.cases[which].receipt, snapshot: state.snapshots[which] });
  const findings = [
    ...detectCaseFindings(previous, next, { receipt: state.scenario.cases[key].receipt, formType: next.detail?.formType ?? null, ...context }),
    ...detectPairFindings({ i821d: member('i821d'), i765: member('i765') }, context),
  ];
  return findings.filter((finding) => !state.found.has(finding.key) && (state.found.add(finding.key), true));
}

interface PhaseRow {
  phase: string;
  now: number;
  findings: Finding[];
  /** Checks whose documents request failed (the monitor then reads nothing else), and what they found. */
  failedChecks: number;
  fromFailedChecks: Finding[];
}

function phaseTimes(scenario: Scenario): Array<{ phase: string; now: number }> {
  return scenarioPhases(scenario).map(({ phase, settledHours }) => ({ phase, now: FILING_DAY + settledHours * HOUR + SETTLE_MS }));
}

function timeOf(scenario: Scenario, phase: string): number {
  const found = phaseTimes(scenario).find((entry) => entry.phase === phase);
  if (found === undefined) throw new Error(`No phase ${phase} in ${scenario.name}`);
  return found.now;
}

/**
 * Checks both cases once per phase (the I-821D first), from `fromPhase` on. The scenario's documents faults hit
 * as they would on the simulator's server; a failed check is retried at once.
 */
function walk(scenario: Scenario, options: { fromPhase?: string; state?: Watch } = {}): PhaseRow[] {
  const state = options.state ?? watch(scenario);
  const faults = new FaultBoard(scenario.faults);
  const times = phaseTimes(scenario);
  const start = options.fromPhase === undefined ? 0 : times.findIndex(({ phase }) => phase === options.fromPhase);
  if (start < 0) throw new Error(`No phase ${options.fromPhase} in ${scenario.name}`);
  return times.slice(start).map(({ phase, now }) => {
    const row: PhaseRow = { phase, now, findings: [], failedChecks: 0, fromFailedChecks: [] };
    for (const key of CASES) {
      while (faults.pick('documents', scenario.cases[key].receipt, true)) {
        row.failedChecks += 1;
        row.fromFailedChecks.push(...check(state, key, { at: now }));
      }
      row.findings.push(...check(state, key, { at: now, ...caseViewAt(scenario, key, now) }));
    }
    return row;
  });
}

/** "I-765 new-event (SA)": the form, the type, and the source, code or inference that tells findings apart. */
function label(finding: Finding, scenario: Scenario): string {
  const form = finding.receipt === scenario.cases.i821d.receipt ? 'I-821D' : 'I-765';
  const qualifier = finding.type === 'new-document' ? finding.detail.source : finding.type === 'new-event' ? finding.detail.code : finding.inferred ? 'inferred' : undefined;
  return qualifier === undefined ? `${form} ${finding.type}` : `${form} ${finding.type} (${qualifier})`;
}

function table(scenario: Scenario, rows: PhaseRow[]): Record<string, string[]> {
  return Object.fromEntries(rows.map(({ phase, findings }) => [phase, eventsInAnyOrder(findings.map((finding) => label(finding, scenario)))]));
}

/**
 * New events come in time order, and a step's codes land within the same jittered minute: each run of one case's
 * new-event labels is compared as a set.
 */
function eventsInAnyOrder(labels: readonly string[]): string[] {
  const runOf = (entry: string) => (entry.includes(' new-event ') ? entry.split(' ')[0] : null);
  const out: string[] = [];
  for (let i = 0; i < labels.length;) {
    let j = i + 1;
    while (runOf(labels[i]!) !== null && j < labels.length && runOf(labels[j]!) === runOf(labels[i]!)) j += 1;
    out.push(...labels.slice(i, j).sort());
    i = j;
  }
  return out;
}

const events = (form: string, ...codes: string[]) => codes.map((code) => `${form} new-event (${code})`);

/** The normal renewal (renewalSteps in the simulator), shared by the scenarios built on it. */
const RENEWAL: Record<string, string[]> = {
  // Baseline: receipts, uploads and intake codes were there before watching; nothing is decided.
  filed: [],
  // The reuse notice reaches the I-821D's documents a day before any status says so.
  'biometrics-reuse-notice': ['I-821D biometrics-reuse (inferred)', 'I-821D new-document (uscis)'],
  // The I-821D's reuse is known already and its new title stands for it (no status-change); the I-765 learns it
  // from its status text. H008 is paired with "Fingerprints Were Taken" here, so it reads as no reuse of its own.
  'biometrics-reused': [...events('I-821D', 'H008'), 'I-765 biometrics-reuse (inferred)', ...events('I-765', 'H008')],
  review: ['I-821D status-change', ...events('I-821D', 'FTA0'), 'I-765 status-change', ...events('I-765', 'FTA0')],
  // Approval documents while both titles still say review: the silent approval, first.
  'silent-approval': ['I-821D silent-approval', 'I-821D new-document (uscis)', 'I-765 silent-approval', 'I-765 new-document (uscis)'],
  // The title catches up: approved (a new key), no second silent-approval, no status-change for the same fact.
  approved: ['I-765 approved', ...events('I-765', 'SA', 'IEA')],
  // No i821d-approved-inferred: the I-821D showed its own approval document already.
  'card-produced': ['I-765 card-produced', ...events('I-765', 'LAA', 'LDA')],
  'i821d-approved': ['I-821D approved', ...events('I-821D', 'DA', 'IEA', 'IEE')],
  // Mailed, then picked up by USPS in the same phase: one card-mailed.
  'card-mailed': ['I-765 card-mailed', ...events('I-765', 'LEA', 'LEE')],
  'card-delivered': ['I-765 card-delivered', ...events('I-765', 'LED')],
  // `closed` turning true is no finding, and not a bare touch either.
  closed: [],
};

function without(phases: Record<string, string[]>, ...names: string[]): Record<string, string[]> {
  return Object.fromEntries(Object.entries(phases).filter(([name]) => !names.includes(name)));
}

const EXPECTED: Record<string, Record<string, string[]>> = {
  'daca-renewal': RENEWAL,
  'daca-rfe': {
    ...without(RENEWAL, 'silent-approval', 'approved', 'card-produced', 'i821d-approved', 'card-mailed', 'card-delivered', 'closed'),
    // The request document, IKA, the "Request ... Was Sent" title (no status-change: rfe stands for it), actionRequired.
    rfe: ['I-821D rfe', 'I-821D new-document (uscis)', ...events('I-821D', 'IKA')],
    // Three uploaded parts, the response title (no finding stands for it) and HA.
    'rfe-response': [...Array(3).fill('I-821D new-document (applicant)'), 'I-821D status-change', ...events('I-821D', 'HA')],
    'silent-approval': [
      'I-821D silent-approval', 'I-821D new-document (uscis)', ...events('I-821D', 'IEA'),
      'I-765 silent-approval', 'I-765 new-document (uscis)', ...events('I-765', 'IEA'),
    ],
    approved: ['I-821D approved', ...events('I-821D', 'DA'), 'I-765 approved', ...events('I-765', 'DA')],
    'card-produced': RENEWAL['card-produced']!,
    'card-mailed': ['I-765 card-mailed', ...events('I-765', 'LEA')],
  },
  'daca-denial': {
    filed: [],
    review: RENEWAL.review!,
    // A silent denial, from the document alone.
    'silent-denial': ['I-821D denied', 'I-821D new-document (uscis)'],
    // The "Case Was Denied" title does not repeat it: only the new codes.
    denied: events('I-821D', 'EA', 'IFA'),
    'i765-denied': ['I-765 denied', 'I-765 new-document (uscis)', ...events('I-765', 'EA', 'IFA')],
    closed: [],
  },
  'daca-biometrics-appointment': {
    ...without(RENEWAL, 'biometrics-reuse-notice', 'biometrics-reused', 'i821d-approved', 'closed'),
    // The appointment (rescheduling would show as another new-notice), its document, notice and code.
    'biometrics-scheduled': ['I-821D', 'I-765'].flatMap((form) => [
      `${form} biometrics-appointment`, `${form} new-document (uscis)`, `${form} new-notice`, ...events(form, 'IMAF'),
    ]),
    // "Fingerprints Were Taken" has no finding of its own, so it is a status-change; MA70 follows the next morning.
    'biometrics-taken': ['I-821D', 'I-765'].flatMap((form) => [`${form} status-change`, ...events(form, 'FNB', 'MA70')]),
    approved: ['I-821D approved', ...events('I-821D', 'DA'), 'I-765 approved', ...events('I-765', 'DA')],
  },
  'daca-reemitted-events': {
    ...RENEWAL,
    // FTA0 again under a new eventId, same time: the same event, so nothing but the touch it made to the record.
    reemitted: ['I-821D case-touched'],
    // FSA0 written on day 45 for day 1, a day FSA0 already has: one fact per code and day (MYUSCIS.md "Seen since"),
    // so not new; the IAF re-emitted on day 50 is not new either: it only touched the record.
    backdated: ['I-821D case-touched'],
    // A code in no list is a new event, never a decision; so is the disputed FTA1.
    'unknown-code': [...events('I-821D', 'XRZ1'), ...events('I-765', 'FTA1')],
  },
  'daca-applicant-upload': {
    ...RENEWAL,
    'applicant-upload': ['I-821D new-document (applicant)'],
    // Only updatedAtTimestamp moved, on each case.
    touched: ['I-821D case-touched', 'I-765 case-touched'],
  },
  'daca-silent-i821d': {
    ...without(RENEWAL, 'i821d-approved', 'closed'),
    // The I-765's approval document; the I-821D shows nothing, so it was approved by inference (after the I-765's check).
    'silent-approval': ['I-765 silent-approval', 'I-765 new-document (uscis)', 'I-821D i821d-approved-inferred (inferred)'],
    approved: ['I-765 approved', ...events('I-765', 'SA')],
  },
  'daca-empty-documents': {
    ...without(RENEWAL, 'biometrics-reuse-notice', 'silent-approval'),
    // No notice: both reuses come from the status text.
    'biometrics-reused': ['I-821D biometrics-reuse (inferred)', ...events('I-821D', 'H008'), 'I-765 biometrics-reuse (inferred)', ...events('I-765', 'H008')],
    // No approval document anywhere: approved from the title only, and the I-821D's approval inferred from it.
    approved: [...RENEWAL.approved!, 'I-821D i821d-approved-inferred (inferred)'],
  },
  // Failed documents reads find nothing; the retry finds what the normal renewal finds.
  'daca-flaky-documents': RENEWAL,
  // The classic renewal told only in "We ..." titles (and their Spanish twins): the same findings.
  'daca-renewal-we-titles': RENEWAL,
  // Every contentId new on every answer: the same findings, never a document found twice.
  'daca-rotating-content-ids': RENEWAL,
};
EXPECTED['daca-apr0-early-approval'] = {
  ...without(RENEWAL, 'silent-approval', 'approved', 'i821d-approved', 'card-produced'),
  // FTA1's eventTimestamp hours after its createdAtTimestamp changes nothing.
  review: ['I-821D status-change', ...events('I-821D', 'FTA0', 'FTA1'), 'I-765 status-change', ...events('I-765', 'FTA0')],
  // APR0 alone (title unchanged, no document): an early approval, hedged (inferred), once.
  'apr0-only': ['I-821D likely-approved (inferred)', ...events('I-821D', 'APR0')],
  // H008 twice 19 ms apart is one event; IAK on an approval day is no request for evidence; RCV0 is a receipt code.
  'i821d-approved': ['I-821D approved', 'I-821D new-document (uscis)', ...events('I-821D', 'DA', 'H008', 'IAK', 'IEA', 'RCV0')],
  'i765-approved': ['I-765 approved', 'I-765 new-document (uscis)', ...events('I-765', 'APR0', 'H008', 'IAK', 'IEA', 'RCV0', 'SA')],
  'card-produced': ['I-765 card-produced', ...events('I-765', 'LAA', 'LDA')],
};
// notices[].actionType "Interview Scheduled" (MYUSCIS.md: a parser reads it): a notice and its document, never a
// biometrics appointment or a decision.
EXPECTED['daca-interview-notice'] = { ...RENEWAL, 'interview-scheduled': ['I-821D new-document (uscis)', 'I-821D new-notice'] };
// daca-rfe's story; the foreign payloads it serves over HTTP are the client's to refuse (read here in-process).
EXPECTED['daca-wrong-receipt'] = EXPECTED['daca-rfe']!;
// H016 "Your Case Was Terminated (Denial)": a decision of its own (case-ended), never a status-change; then the
// I-765's denial.
EXPECTED['daca-termination'] = {
  ...without(RENEWAL, 'silent-approval', 'approved', 'card-produced', 'i821d-approved', 'card-mailed', 'card-delivered', 'closed'),
  terminated: ['I-821D case-ended', ...events('I-821D', 'H016')],
  'i765-denied': ['I-765 denied', ...events('I-765', 'EA')],
  closed: [],
};
// "Case Was Rejected" on both: each a decision of its own, no status-change.
EXPECTED['daca-rejection'] = { filed: [], rejected: ['I-821D case-ended', 'I-765 case-ended'], closed: [] };
// H008 written twice on the approval day with the status "Case Approved": an approval on each case (never a
// biometrics reuse, never a status-change), then the card steps.
EXPECTED['daca-h008-approval'] = {
  ...without(RENEWAL, 'silent-approval', 'approved', 'card-produced', 'i821d-approved', 'card-mailed', 'card-delivered', 'closed'),
  approved: ['I-821D approved', ...events('I-821D', 'H008'), 'I-765 approved', ...events('I-765', 'H008')],
  'card-produced': RENEWAL['card-produced']!,
  'card-mailed': RENEWAL['card-mailed']!,
  'card-delivered': RENEWAL['card-delivered']!,
};
// Events trimmed to {eventCode, createdAt}: the renewal's findings, each once; FTA0 twice on day 32 is one step,
// FTA0 on day 50 another (one fact per code and day).
// The renewal until the card is picked up; twelve days later it is returned: a returned card is the status-change's news.
EXPECTED['daca-card-returned'] = { ...without(RENEWAL, 'card-delivered', 'closed'), 'card-returned': ['I-765 status-change', ...events('I-765', 'LFA')] };
EXPECTED['daca-sparse-events'] = { ...RENEWAL, 'fta0-again': events('I-765', 'FTA0'), 'fta0-later': events('I-765', 'FTA0') };

const WALKS = [...SCENARIOS.values()].map((scenario) => ({ name: scenario.name, scenario, rows: walk(scenario) }));

describe('findings across the simulator scenarios', () => {
  it('has an expectation for every phase of every scenario, and none for phases that do not exist', () => {
    for (const { name, rows } of WALKS) {
      expect(Object.keys(EXPECTED[name] ?? {}).sort(), name).toEqual(rows.map(({ phase }) => phase).sort());
    }
  });

  it.each(WALKS)('$name', ({ name, scenario, rows }) => {
    expect(table(scenario, rows)).toEqual(Object.fromEntries(Object.entries(EXPECTED[name] ?? {}).map(([phase, labels]) => [phase, eventsInAnyOrder(labels)])));
    for (const { findings, now } of rows) {
      for (const finding of findings) {
        expect(FindingSchema.parse(finding)).toEqual(finding);
        expect(finding.foundAt).toBe(new Date(now).toISOString());
        expect(finding.key.startsWith(`${finding.receipt}:`), finding.key).toBe(true);
      }
    }
  });

  it('finds nothing in a check whose documents request failed (and the flaky scenario does fail some)', () => {
    const { rows } = WALKS.find(({ name }) => name === 'daca-flaky-documents')!;
    expect(rows.reduce((sum, { failedChecks }) => sum + failedChecks, 0)).toBeGreaterThan(5);
    expect(rows.flatMap(({ fromFailedChecks }) => fromFailedChecks)).toEqual([]);
  });
});

describe('what findings say', () => {
  const rowOf = (name: string, phase: string) => WALKS.find((walked) => walked.name === name)!.rows.find((row) => row.phase === phase)!;
  const findingOf = (name: string, phase: string, type: Finding['type'], receipt: string) =>
    rowOf(name, phase).findings.find((finding) => finding.type === type && finding.receipt === receipt)!;
  const renewal = getScenario('daca-renewal');
  const { i821d, i765 } = renewal.cases;

  it('keys each fact the same way: once per case for decisions, by identity for documents, events, notices, statuses', () => {
    const keys = WALKS.find(({ name }) => name === 'daca-renewal')!.rows.flatMap(({ findings }) => findings.map(({ key }) => key));
    expect(keys).toContain(`${i821d.receipt}:silent-approval`);
    expect(keys).toContain(`${i765.receipt}:approved`);
    expect(keys).toContain(`${i765.receipt}:card-produced`);
    expect(keys).toContain(`${i821d.receipt}:status:FTA0:Case Is Being Actively Reviewed By USCIS`);
    const document = findingOf('daca-renewal', 'silent-approval', 'new-document', i765.receipt);
    const listed = caseViewAt(renewal, 'i765', rowOf('daca-renewal', 'silent-approval').now).documents!;
    // Not by contentId, which USCIS may rotate: by what the document is.
    expect(document.key).toBe(`${i765.receipt}:document:${documentIdentity(listed.find(({ type }) => type === 'I-765 C33 Standalone Approval')!)}`);
    const event = findingOf('daca-renewal', 'approved', 'new-event', i765.receipt);
    expect(event.key).toBe(`${i765.receipt}:event:SA:${event.happenedAt}`);
    const appointments = getScenario('daca-biometrics-appointment');
    const notice = findingOf('daca-biometrics-appointment', 'biometrics-scheduled', 'new-notice', appointments.cases.i821d.receipt);
    const letterId = caseViewAt(appointments, 'i821d', rowOf('daca-biometrics-appointment', 'biometrics-scheduled').now).detail!.notices[0]!.letterId;
    expect(notice.key).toBe(`${appointments.cases.i821d.receipt}:notice:${letterId}`);
  });

  it('says a silent approval rests on the USCIS document (and the IEA event when there is one), dated by it', () => {
    const silent = findingOf('daca-renewal', 'silent-approval', 'silent-approval', i821d.receipt);
    expect(silent.detail).toEqual({ evidence: ['document'], documentType: 'I-821D Approval Notice' });
    expect(silent.happenedAt).toBe(findingOf('daca-renewal', 'silent-approval', 'new-document', i821d.receipt).happenedAt);
    expect(silent.inferred).toBe(false);
    const withEvent = findingOf('daca-rfe', 'silent-approval', 'silent-approval', getScenario('daca-rfe').cases.i765.receipt);
    expect(withEvent.detail.evidence).toEqual(['document', 'event']);
  });

  it('tells a USCIS document from an upload, by its type', () => {
    expect(findingOf('daca-renewal', 'biometrics-reuse-notice', 'new-document', i821d.receipt).detail).toEqual({
      evidence: [],
      documentType: 'Biometrics Reuse Notice',
      source: 'uscis',
    });
    const upload = getScenario('daca-applicant-upload').cases.i821d.receipt;
    expect(findingOf('daca-applicant-upload', 'applicant-upload', 'new-document', upload).detail).toMatchObject({ documentType: 'Other', source: 'applicant' });
  });

  it('names the approved title, the status-change titles before and after, and the code, dated by the status', () => {
    const approved = findingOf('daca-renewal', 'approved', 'approved', i765.receipt);
    expect(approved.detail).toMatchObject({ title: 'Your Case Has Been Approved', titleSpanish: 'Su Caso Ha Sido Aprobado', code: 'SA' });
    expect(approved.detail.evidence).toContain('title');
    const change = findingOf('daca-renewal', 'review', 'status-change', i765.receipt);
    expect(change.detail).toEqual({
      evidence: [],
      title: 'USCIS Is currently Processing the Case',
      titleSpanish: 'USCIS Está Procesando el Caso Actualmente',
      previousTitle: 'Case Was Updated To Show Fingerprints Were Taken',
      code: 'FTA0',
    });
    expect(change.happenedAt).toMatch(/^2026-06-28T14:01:\d\d\.\d{3}Z$/);
  });

  it('gives the biometrics appointment its date from the notice', () => {
    const { i821d: deferred } = getScenario('daca-biometrics-appointment').cases;
    const appointment = findingOf('daca-biometrics-appointment', 'biometrics-scheduled', 'biometrics-appointment', deferred.receipt);
    expect(appointment.detail.appointmentAt).toBe('2026-06-15T13:30:00.000Z');
    expect(appointment.detail.evidence).toEqual(['document', 'event', 'code', 'title']);
  });

  it('labels biometrics reuse read from a notice or a status text as inferred', () => {
    expect(findingOf('daca-renewal', 'biometrics-reuse-notice', 'biometrics-reuse', i821d.receipt)).toMatchObject({ inferred: true, detail: { evidence: ['document'] } });
    expect(findingOf('daca-renewal', 'biometrics-reused', 'biometrics-reuse', i765.receipt)).toMatchObject({ inferred: true, detail: { evidence: ['inference'] } });
  });

  it('states the silent denial and the RFE with what they rest on', () => {
    const denial = getScenario('daca-denial').cases.i821d.receipt;
    expect(findingOf('daca-denial', 'silent-denial', 'denied', denial).detail).toEqual({ evidence: ['document'], documentType: 'I-821D Denial Notice' });
    const rfe = findingOf('daca-rfe', 'rfe', 'rfe', getScenario('daca-rfe').cases.i821d.receipt);
    expect(rfe.detail.evidence).toEqual(['document', 'event', 'code', 'title', 'flag']);
  });

  it('dates and names a card step by its own code, the earliest one when two codes say it', () => {
    const produced = findingOf('daca-renewal', 'card-produced', 'card-produced', i765.receipt);
    expect(produced.detail).toMatchObject({ code: 'LDA', title: 'New Card Is Being Produced', evidence: ['event', 'code', 'title'] });
    const mailed = findingOf('daca-renewal', 'card-mailed', 'card-mailed', i765.receipt);
    const lea = rowOf('daca-renewal', 'card-mailed').findings.find(({ type, detail }) => type === 'new-event' && detail.code === 'LEA')!;
    expect(mailed.happenedAt).toBe(lea.happenedAt);
    expect(mailed.detail.title).toBe('Card Was Picked Up By The United States Postal Service');
  });

  it('files the inferred I-821D approval under the I-821D, resting on the I-765', () => {
    const silent = getScenario('daca-silent-i821d').cases;
    const inferred = findingOf('daca-silent-i821d', 'silent-approval', 'i821d-approved-inferred', silent.i821d.receipt);
    expect(inferred).toMatchObject({ key: `${silent.i821d.receipt}:i821d-approved-inferred`, inferred: true, detail: { evidence: ['inference', 'document'] } });
    expect(inferred.happenedAt).toBe(findingOf('daca-silent-i821d', 'silent-approval', 'silent-approval', silent.i765.receipt).happenedAt);
  });
});

describe('the pair', () => {
  const scenario = getScenario('daca-silent-i821d');
  const now = timeOf(scenario, 'card-produced');
  const member = (key: CaseKey, reading: Omit<CheckReading, 'at'>) => ({ receipt: scenario.cases[key].receipt, snapshot: mergeReading(null, { at: now, ...reading }) });
  const { documents, ...withoutDocuments } = caseViewAt(scenario, 'i821d', now);
  const i765 = member('i765', caseViewAt(scenario, 'i765', now));

  it('infers nothing while part of the I-821D was never read: its own approval may be there', () => {
    expect(detectPairFindings({ i821d: member('i821d', withoutDocuments), i765 }, { now, learned: {} })).toEqual([]);
    expect(detectPairFindings({ i821d: member('i821d', { ...withoutDocuments, documents }), i765 }, { now, learned: {} })).toHaveLength(1);
  });

  it('infers nothing without both cases', () => {
    expect(detectPairFindings({ i821d: member('i821d', { ...withoutDocuments, documents }), i765: null }, { now, learned: {} })).toEqual([]);
  });
});

describe('the baseline', () => {
  const firstRow = (name: string, fromPhase: string) => {
    const scenario = getScenario(name);
    return walk(scenario, { fromPhase })[0]!.findings.map((finding) => label(finding, scenario));
  };

  it.each([
    // Late: each decision once, the furthest card step only, no flood of old documents, events or statuses.
    ['daca-renewal', 'card-mailed', ['I-821D approved', 'I-765 approved (inferred)', 'I-765 card-mailed']],
    ['daca-renewal', 'silent-approval', ['I-821D silent-approval', 'I-765 silent-approval']],
    ['daca-renewal', 'biometrics-reuse-notice', ['I-821D biometrics-reuse (inferred)']],
    // Reuse is history once the case is past biometrics.
    ['daca-renewal', 'review', []],
    ['daca-rfe', 'rfe', ['I-821D rfe']],
    // An answered request is not reported.
    ['daca-rfe', 'rfe-response', []],
    ['daca-denial', 'denied', ['I-821D denied']],
    ['daca-biometrics-appointment', 'biometrics-scheduled', ['I-821D biometrics-appointment', 'I-765 biometrics-appointment']],
    // The appointment is over.
    ['daca-biometrics-appointment', 'biometrics-taken', []],
    // A card step in the I-765's title: its approval is inferred from that later stage, and said so.
    ['daca-silent-i821d', 'card-delivered', ['I-765 approved (inferred)', 'I-765 card-delivered', 'I-821D i821d-approved-inferred (inferred)']],
    ['daca-empty-documents', 'closed', ['I-821D approved', 'I-765 approved (inferred)', 'I-765 card-delivered']],
  ])('%s from %s', (name, phase, expected) => {
    expect(firstRow(name, phase)).toEqual(expected);
  });

  it('without an appointment notice, reports an appointment only while no biometrics were taken since', () => {
    const scenario = getScenario('daca-biometrics-appointment');
    const baselineWithoutNotices = (phase: string) => {
      const now = timeOf(scenario, phase);
      const view = caseViewAt(scenario, 'i821d', now);
      const reading = { at: now, ...view, detail: { ...view.detail!, notices: [] } };
      return detectCaseFindings(null, mergeReading(null, reading), { receipt: scenario.cases.i821d.receipt, formType: 'I-821D', now, learned: {} });
    };
    expect(baselineWithoutNotices('biometrics-scheduled').map(({ type, detail }) => [type, detail.appointmentAt])).toEqual([['biometrics-appointment', undefined]]);
    expect(baselineWithoutNotices('biometrics-taken')).toEqual([]);
  });

  it('goes on after a late baseline exactly as a watch from the start does', () => {
    const renewal = getScenario('daca-renewal');
    expect(table(renewal, walk(renewal, { fromPhase: 'card-mailed' }).slice(1))).toEqual({ 'card-delivered': RENEWAL['card-delivered'], closed: [] });
  });

  it('reports a part read for the first time as a baseline, not as news', () => {
    const scenario = getScenario('daca-renewal');
    const now = timeOf(scenario, 'silent-approval');
    const state = watch(scenario);
    const view = caseViewAt(scenario, 'i821d', now);
    // Status and detail only: under review, nothing decided in sight.
    expect(check(state, 'i821d', { at: now, status: view.status, detail: view.detail })).toEqual([]);
    // The documents list, read for the first time: none of its entries is new, but the approval in it is reported.
    expect(check(state, 'i821d', { at: now + HOUR, documents: view.documents }).map(({ type }) => type)).toEqual(['silent-approval']);
  });
});

describe('what is not news', () => {
  const scenario = getScenario('daca-renewal');
  const readAt = (phase: string, key: CaseKey = 'i821d') => ({ at: timeOf(scenario, phase), ...caseViewAt(scenario, key, timeOf(scenario, phase)) });
  const types = (findings: Finding[]) => findings.map(({ type }) => type);

  it('a failed documents read is not an empty list, and entries that disappear are no finding', () => {
    const state = watch(scenario);
    check(state, 'i821d', readAt('review'));
    const before = state.snapshots.i821d!.documents;
    const { documents, ...withoutDocuments } = readAt('silent-approval');
    // Status and detail read, documents failed: the documents part stays as it was; the detail's touch is all there is.
    expect(types(check(state, 'i821d', withoutDocuments))).toEqual(['case-touched']);
    expect(state.snapshots.i821d!.documents).toBe(before);
    // The list read again: only the approval document is new.
    const read = check(state, 'i821d', { at: withoutDocuments.at + HOUR, documents });
    expect(read.map(({ type, detail }) => [type, detail.documentType])).toEqual([['silent-approval', 'I-821D Approval Notice'], ['new-document', 'I-821D Approval Notice']]);
    // A list that lost its older entries: nothing.
    expect(check(state, 'i821d', { at: withoutDocuments.at + 2 * HOUR, documents: documents!.slice(0, 2) })).toEqual([]);
  });

  it('a move of updatedAtTimestamp alone is a case-touched and nothing else, even on a decided case', () => {
    const state = watch(scenario);
    check(state, 'i765', readAt('card-delivered', 'i765'));
    const reading = readAt('card-delivered', 'i765');
    const touched = { ...reading, at: reading.at + HOUR, detail: { ...reading.detail!, updatedAtTimestamp: '2026-08-20T16:00:00.000Z' } };
    const findings = check(state, 'i765', touched);
    expect(findings.map(({ type, key, happenedAt }) => [type, key, happenedAt])).toEqual([
      ['case-touched', `${scenario.cases.i765.receipt}:touched:2026-08-20T16:00:00.000Z`, '2026-08-20T16:00:00.000Z'],
    ]);
    // The same reading again: not even that.
    expect(check(state, 'i765', { ...touched, at: touched.at + HOUR })).toEqual([]);
  });

  it('an unchanged check finds nothing, without the monitor having to drop anything', () => {
    const next = mergeReading(null, readAt('card-delivered', 'i765'));
    const context = { receipt: scenario.cases.i765.receipt, formType: 'I-765', now: timeOf(scenario, 'card-delivered'), learned: {} };
    expect(detectCaseFindings(null, next, context).length).toBeGreaterThan(0);
    expect(detectCaseFindings(next, mergeReading(next, { ...readAt('card-delivered', 'i765'), at: context.now + HOUR }), context)).toEqual([]);
  });

  it('a re-emitted event is the same event; the same code at another time is a new one', () => {
    const state = watch(scenario);
    const reading = readAt('review');
    check(state, 'i821d', reading);
    const fta0 = reading.detail!.events.find(({ eventCode }) => eventCode === 'FTA0')!;
    const withEvent = (event: typeof fta0) => ({ ...reading, at: reading.at + HOUR, detail: { ...reading.detail!, events: [...reading.detail!.events, event] } });
    expect(check(state, 'i821d', withEvent({ ...fta0, eventId: 'another-id' }))).toEqual([]);
    const later = check(state, 'i821d', withEvent({ ...fta0, eventId: 'a-third-id', eventTimestamp: '2026-07-01T09:00:00.000Z' }));
    expect(later.map(({ type, key }) => [type, key])).toEqual([['new-event', `${scenario.cases.i821d.receipt}:event:FTA0:2026-07-01T09:00:00.000Z`]]);
  });

  it('a returned card has no finding of its own, so its title is a status-change (the approval does not stand for it)', () => {
    const state = watch(scenario);
    const reading = readAt('card-mailed', 'i765');
    check(state, 'i765', reading);
    const returned = { ...reading.status!, currentActionCode: 'LFA', statusTitle: 'Card Was Returned To USCIS', statusTitleSpanish: 'La Tarjeta Fue Devuelta a USCIS' };
    expect(types(check(state, 'i765', { ...reading, at: reading.at + HOUR, status: returned }))).toEqual(['status-change']);
  });
});

describe('codes', () => {
  const scenario = getScenario('daca-reemitted-events');
  const now = timeOf(scenario, 'unknown-code');
  const backdated = timeOf(scenario, 'backdated');
  const before = mergeReading(null, { at: backdated, ...caseViewAt(scenario, 'i821d', backdated) });
  const after = mergeReading(before, { at: now, ...caseViewAt(scenario, 'i821d', now) });
  const detect = (learned: LearnedTitles) => detectCaseFindings(before, after, { receipt: scenario.cases.i821d.receipt, formType: 'I-821D', now, learned });

  it('an unknown code is a new event with its code, never a decision', () => {
    expect(detect({}).map(({ type, detail }) => [type, detail.code])).toEqual([['new-event', 'XRZ1']]);
  });

  it('a code USCIS has shown with an approval title means an approval: a silent one while the title says review', () => {
    const findings = detect({ XRZ1: { en: 'Case Was Approved' } });
    expect(findings.map(({ type, detail }) => [type, detail.evidence])).toEqual([['silent-approval', ['event']], ['new-event', []]]);
  });

  it('the status code speaks for a title no one knows', () => {
    const status = { ...after.status!, code: 'DA', title: 'Your Request Is Complete', titleSpanish: undefined };
    const findings = detectCaseFindings(after, { ...after, status }, { receipt: scenario.cases.i821d.receipt, formType: 'I-821D', now, learned: {} });
    expect(findings.map(({ type, detail }) => [type, detail.evidence])).toEqual([['approved', ['code']]]);
  });
});

describe('determinism', () => {
  it('gives the same findings, keys and order for the same readings, and after every snapshot went through the store', () => {
    for (const scenario of SCENARIOS.values()) {
      const again = walk(scenario);
      const stored = walk(scenario, { state: watch(scenario, true) });
      const first = WALKS.find(({ name }) => name === scenario.name)!.rows;
      expect(again, scenario.name).toEqual(first);
      expect(stored, scenario.name).toEqual(first);
    }
  });
});
