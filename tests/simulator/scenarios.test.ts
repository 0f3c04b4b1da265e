// Every built-in scenario walked phase by phase over real HTTP: the detail, status and documents payloads tell
// that scenario's story; plus determinism, a growing capped history, nothing before filing, and flaky documents.

import { describe, expect, it } from 'vitest';
import type { CaseKey, FaultRule, Scenario } from '../../simulator/scenario-schema';
import { SCENARIOS, scenarioPhases } from '../../simulator/scenarios';
import { trackingNumberFor } from '../../simulator/status-wording';
import type { Simulator } from '../../simulator/server';
import { frozenSimulator } from '../helpers/sim-fixture';
import type { SimResponse } from '../helpers/sim-browser';
import { getData, signedInBrowser, type DocumentJson, type EventJson } from '../helpers/sim-session';

const API = '/account/case-service/api';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const KEYS: readonly CaseKey[] = ['i821d', 'i765'];

// ------------------------------------------------------------------ payload shapes (as served)

interface NoticeJson {
  receiptNumber: string;
  letterId: string;
  generationDate: string;
  appointmentDateTime: string;
  actionType: string;
}
interface DetailJson {
  receiptNumber: string;
  updatedAt: string;
  updatedAtTimestamp: string;
  closed: boolean;
  actionRequired: boolean;
  evidenceRequests: Array<{ requestId: string; issueDate: string; responseDueDate: string; status: string }>;
  notices: NoticeJson[];
  events: EventJson[];
  [field: string]: unknown;
}
interface HistoryJson {
  date: string;
  actionCode: string;
  statusTitle: string;
  statusTitleSpanish: string;
}
interface StatusJson {
  currentActionCode: string | null;
  currentActionCodeDate: string | null;
  statusTitle: string | null;
  statusText: string;
  historicalCaseStatuses: HistoryJson[];
  [field: string]: unknown;
}
interface CaseView {
  detail: DetailJson;
  status: StatusJson;
  documents: DocumentJson[];
  /** The raw bodies, for byte-for-byte comparisons. */
  raw: { detail: string; status: string; documents: string };
}
type Snapshot = Record<CaseKey, CaseView | null>;

// ------------------------------------------------------------------ HTTP helpers

const get = getData;

const casePaths = (receipt: string) => ({
  detail: `${API}/cases/${receipt}`,
  status: `${API}/case_status/${receipt}`,
  documents: `${API}/cases/${receipt}/documents`,
});

/** Detail, status and documents of both cases as served now; null for a case that is not served (all three 404). */
async function snapshot(sim: Simulator): Promise<Snapshot> {
  const browser = signedInBrowser(sim);
  const result = {} as Snapshot;
  for (const key of KEYS) {
    const paths = casePaths(sim.receipts[key]);
    const [detail, status, documents] = await Promise.all([
      get(browser, sim, paths.detail),
      get(browser, sim, paths.status),
      get(browser, sim, paths.documents),
    ]);
    if (detail.status === 404) {
      expect([status.status, documents.status], `${key} is half-served`).toEqual([404, 404]);
      result[key] = null;
      continue;
    }
    for (const response of [detail, status, documents]) expect(response.status, response.url).toBe(200);
    result[key] = {
      detail: detail.json<{ data: DetailJson }>().data,
      status: status.json<{ data: StatusJson }>().data,
      documents: documents.json<{ data: DocumentJson[] }>().data,
      raw: { detail: detail.body, status: status.body, documents: documents.body },
    };
  }
  return result;
}

function served(snap: Snapshot, key: CaseKey, label: string): CaseView {
  const view = snap[key];
  if (!view) throw new Error(`${key} is not served at ${label}`);
  return view;
}

// ------------------------------------------------------------------ the walk

interface PhaseShot {
  phase: string;
  /** Just before the phase's first step (null when the previous phase settled after that moment). */
  before: Snapshot | null;
  /** Two minutes after the phase's last step. */
  after: Snapshot;
}

class Story {
  constructor(
    readonly sim: Simulator,
    readonly shots: PhaseShot[],
  ) {}

  get phases(): string[] {
    return this.shots.map((shot) => shot.phase);
  }

  private shot(phase: string): PhaseShot {
    const found = this.shots.find((shot) => shot.phase === phase);
    if (!found) throw new Error(`no phase ${phase} in ${this.sim.scenario.name}`);
    return found;
  }

  at(phase: string, key: CaseKey): CaseView {
    return served(this.shot(phase).after, key, phase);
  }

  justBefore(phase: string, key: CaseKey): CaseView {
    const before = this.shot(phase).before;
    if (!before) throw new Error(`no snapshot just before ${phase}`);
    return served(before, key, `just before ${phase}`);
  }

  /** Every served view of a case, in time order, with a label. */
  all(key: CaseKey): Array<{ label: string; view: CaseView }> {
    const out: Array<{ label: string; view: CaseView }> = [];
    for (const shot of this.shots) {
      const before = shot.before?.[key];
      if (before) out.push({ label: `just before ${shot.phase}`, view: before });
      const after = shot.after[key];
      if (after) out.push({ label: shot.phase, view: after });
    }
    return out;
  }

  /** The settled views of a case at every phase strictly before `phase`. */
  phasesBefore(phase: string, key: CaseKey): Array<{ label: string; view: CaseView }> {
    const index = this.phases.indexOf(phase);
    if (index < 0) throw new Error(`no phase ${phase}`);
    return this.shots.slice(0, index).map((shot) => ({ label: shot.phase, view: served(shot.after, key, shot.phase) }));
  }

  /** The settled views at `phase` and every later phase. */
  phasesFrom(phase: string, key: CaseKey): Array<{ label: string; view: CaseView }> {
    const index = this.phases.indexOf(phase);
    if (index < 0) throw new Error(`no phase ${phase}`);
    return this.shots.slice(index).map((shot) => ({ label: shot.phase, view: served(shot.after, key, shot.phase) }));
  }
}

async function walk(sim: Simulator): Promise<Story> {
  const shots: PhaseShot[] = [];
  for (const { phase, hours } of scenarioPhases(sim.scenario)) {
    const start = sim.filingDay + hours * HOUR - 1;
    let before: Snapshot | null = null;
    if (start >= sim.clock.now()) {
      sim.clock.setTime(start);
      before = await snapshot(sim);
    }
    sim.advanceToPhase(phase);
    shots.push({ phase, before, after: await snapshot(sim) });
  }
  return new Story(sim, shots);
}

// ------------------------------------------------------------------ vocabulary

const REVIEW_TITLES = ['Case Is Being Actively Reviewed By USCIS', 'USCIS Is currently Processing the Case'];
const APPROVED_TITLE = /approved/i;
const APPROVAL_CODES = ['DA', 'SA', 'DB', 'IEA', 'IEE'];
const BIOMETRICS_CODES = ['FNA', 'IMAF', 'IMAG', 'FNB', 'MA70', 'H008'];
/** Every code with a community meaning in MYUSCIS.md. */
const KNOWN_CODES = new Set(
  (
    'IAF IAA H001 FSA0 FTA0 FTA1 FNA IMAF IMAG FNB MA70 H008 FH FHB FJ IM HG FBA IK IKA HA II DA SA DB IEA IEE IEC ' +
    'LAA LBA LDA LEA LED LEE LFA EA IFA FS FR KH BA BC'
  ).split(' '),
);

const approvalDocuments = (view: CaseView) =>
  view.documents.filter((doc) => doc.sourceType === 'USCIS Generated' && doc.type.includes('Approval'));
const codes = (view: CaseView) => view.detail.events.map((event) => event.eventCode);
const docTypes = (view: CaseView) => view.documents.map((doc) => doc.type);
const ms = (iso: string) => new Date(iso).getTime();

/** "07-18-2026 00:00:00" -> epoch ms (UTC), parsed by hand as MYUSCIS.md advises. */
function historyMs(date: string): number {
  const m = /^(\d{2})-(\d{2})-(\d{4}) (\d{2}):(\d{2}):(\d{2})$/.exec(date);
  if (!m) throw new Error(`not MM-DD-YYYY HH:mm:ss: ${date}`);
  return Date.UTC(Number(m[3]), Number(m[1]) - 1, Number(m[2]), Number(m[4]), Number(m[5]), Number(m[6]));
}

/** The status now and before it, newest first, as comparable strings. */
function statusChain(view: CaseView): string[] {
  const { status } = view;
  const current = status.currentActionCodeDate ? `${status.currentActionCodeDate.slice(0, 10)}|${status.currentActionCode}|${status.statusTitle}` : null;
  const earlier = status.historicalCaseStatuses.map((h) => {
    const day = new Date(historyMs(h.date)).toISOString().slice(0, 10);
    return `${day}|${h.actionCode}|${h.statusTitle}`;
  });
  return current ? [current, ...earlier] : earlier;
}

// ------------------------------------------------------------------ the invariants every story keeps

function checkInvariants(story: Story): void {
  expect(story.phases[0]).toBe('filed');
  // Nothing is served just before the filing step; both cases are from then on.
  const first = story.shots[0]!;
  expect(first.before).not.toBeNull();
  expect(first.before!.i821d).toBeNull();
  expect(first.before!.i765).toBeNull();
  for (const shot of story.shots) {
    for (const key of KEYS) expect(shot.after[key], `${key} at ${shot.phase}`).not.toBeNull();
  }

  for (const key of KEYS) {
    const views = story.all(key);
    for (let i = 0; i < views.length; i += 1) {
      const { label, view } = views[i]!;
      const where = `${key} ${label}`;
      expect(view.detail.receiptNumber, where).toBe(story.sim.receipts[key]);
      // History: newest first, at most 4, dates in the odd format.
      const history = view.status.historicalCaseStatuses;
      expect(history.length, where).toBeLessThanOrEqual(4);
      const dates = history.map((h) => historyMs(h.date));
      expect(dates, where).toEqual([...dates].sort((a, b) => b - a));
      if (history[0] && view.status.currentActionCodeDate) {
        expect(historyMs(history[0].date), where).toBeLessThanOrEqual(ms(view.status.currentActionCodeDate));
      }
      // Documents newest first.
      const created = view.documents.map((doc) => ms(doc.createDate.replace('+0000', 'Z')));
      expect(created, where).toEqual([...created].sort((a, b) => b - a));
      if (i === 0) continue;
      const prev = views[i - 1]!.view;
      // The record only grows: every earlier event and document is still there, unchanged.
      for (const event of prev.detail.events) expect(view.detail.events, where).toContainEqual(event);
      for (const doc of prev.documents) expect(view.documents, where).toContainEqual(doc);
      expect(ms(view.detail.updatedAtTimestamp), where).toBeGreaterThanOrEqual(ms(prev.detail.updatedAtTimestamp));
      // History grows: the earlier chain continues right where the earlier current status sits now.
      const before = statusChain(prev);
      const now = statusChain(view);
      if (before.length > 0) {
        const at = now.indexOf(before[0]!);
        expect(at, `${where}: earlier status ${before[0]} is kept`).toBeGreaterThanOrEqual(0);
        expect(now.slice(at), where).toEqual(before.slice(0, now.length - at));
      }
    }
  }
}

// ------------------------------------------------------------------ the stories

function renewalStory(story: Story): void {
  const reviewTitles = { i821d: REVIEW_TITLES[0], i765: REVIEW_TITLES[1] };
  // Before the silent approval, no approval document and no approved title anywhere.
  for (const key of KEYS) {
    for (const { label, view } of story.phasesBefore('silent-approval', key)) {
      expect(approvalDocuments(view), `${key} ${label}`).toEqual([]);
      expect(view.status.statusTitle ?? '', `${key} ${label}`).not.toMatch(APPROVED_TITLE);
    }
    expect(approvalDocuments(story.justBefore('silent-approval', key))).toEqual([]);
  }
  // The silent approval: approval documents for both while both titles still say "review".
  for (const key of KEYS) {
    const view = story.at('silent-approval', key);
    expect(approvalDocuments(view).length, key).toBeGreaterThanOrEqual(1);
    expect(view.status.statusTitle, key).toBe(reviewTitles[key]);
    expect(view.status.currentActionCode, key).toBe('FTA0');
    expect(codes(view).filter((code) => APPROVAL_CODES.includes(code)), key).toEqual([]);
  }
  expect(docTypes(story.at('silent-approval', 'i821d'))).toContain('I-821D Approval Notice');
  expect(docTypes(story.at('silent-approval', 'i765'))).toContain('I-765 C33 Standalone Approval');
  // The I-765 approved first; the I-821D's own status lags.
  const approved765 = story.at('approved', 'i765');
  expect(approved765.status.statusTitle).toMatch(APPROVED_TITLE);
  expect(approved765.status.currentActionCode).toBe('SA');
  expect(codes(approved765)).toEqual(expect.arrayContaining(['SA', 'IEA']));
  expect(story.at('approved', 'i821d').status.statusTitle).toBe(reviewTitles.i821d);
  // Card produced on the I-765 while the I-821D still says "review".
  const produced = story.at('card-produced', 'i765');
  expect(produced.status.currentActionCode).toBe('LDA');
  expect(produced.status.statusTitle).toBe('New Card Is Being Produced');
  expect(codes(produced)).toEqual(expect.arrayContaining(['LAA', 'LDA']));
  const i821dAtCard = story.at('card-produced', 'i821d');
  expect(i821dAtCard.status.statusTitle).toBe(reviewTitles.i821d);
  expect(i821dAtCard.status.statusTitle).not.toMatch(APPROVED_TITLE);
  // Then the I-821D's own approval.
  const approved821 = story.at('i821d-approved', 'i821d');
  expect(approved821.status.currentActionCode).toBe('DA');
  expect(approved821.status.statusTitle).toBe('Case Was Approved');
  expect(codes(approved821)).toEqual(expect.arrayContaining(['DA', 'IEA', 'IEE']));
  // Mailed, picked up, delivered.
  expect(story.at('card-mailed', 'i765').status.currentActionCode).toBe('LEE');
  expect(story.at('card-delivered', 'i765').status.currentActionCode).toBe('LED');
  expect(story.at('card-delivered', 'i765').status.statusTitle).toBe('Card Was Delivered To Me By The Post Office');
  // `closed` stays false for days after the approvals, until the closed phase.
  for (const key of KEYS) {
    for (const { label, view } of story.phasesBefore('closed', key)) expect(view.detail.closed, `${key} ${label}`).toBe(false);
    expect(story.justBefore('closed', key).detail.closed, key).toBe(false);
    expect(story.at('closed', key).detail.closed, key).toBe(true);
  }
  // The biometrics reuse: a notice document a day before the status text says so.
  const notice = story.at('biometrics-reuse-notice', 'i821d');
  expect(docTypes(notice)).toContain('Biometrics Reuse Notice');
  expect(notice.status.currentActionCode).toBe('IAF');
  const reused = story.at('biometrics-reused', 'i821d');
  expect(reused.status.currentActionCode).toBe('H008');
  expect(reused.status.statusText).toMatch(/fingerprints and biometrics we collected from you before have been applied/);
}

function rfeStory(story: Story, rfeTitle = 'Request for Additional Evidence Was Sent'): void {
  for (const key of KEYS) expect(story.at('filed', key).detail.elisChannelType, key).toBe('Service Center');
  for (const { label, view } of story.phasesBefore('rfe', 'i821d')) {
    expect(view.detail.actionRequired, label).toBe(false);
    expect(view.detail.evidenceRequests, label).toEqual([]);
  }
  expect(story.justBefore('rfe', 'i821d').detail.actionRequired).toBe(false);
  const rfe = story.at('rfe', 'i821d');
  expect(rfe.detail.actionRequired).toBe(true);
  expect(rfe.detail.evidenceRequests).toHaveLength(1);
  expect(rfe.detail.evidenceRequests[0]!.status).toBe('OPEN');
  expect(rfe.detail.evidenceRequests[0]!.responseDueDate).toBe(new Date(story.sim.filingDay + 139 * DAY).toISOString().slice(0, 10));
  expect(rfe.status.currentActionCode).toBe('IK');
  expect(rfe.status.statusTitle).toBe(rfeTitle);
  expect(codes(rfe)).toContain('IKA');
  expect(rfe.documents.filter((doc) => doc.type === 'Request for Evidence' && doc.sourceType === 'USCIS Generated')).toHaveLength(1);
  // The I-765 waits: never action required.
  for (const { label, view } of story.all('i765')) expect(view.detail.actionRequired, label).toBe(false);

  for (const { label, view } of story.phasesFrom('rfe-response', 'i821d')) {
    expect(view.detail.actionRequired, label).toBe(false);
    expect(view.detail.evidenceRequests.map((r) => r.status), label).toEqual(['RESPONSE_RECEIVED']);
  }
  const response = story.at('rfe-response', 'i821d');
  expect(response.status.currentActionCode).toBe('HA');
  expect(response.status.statusTitle).toBe("Response To USCIS' Request For Evidence Was Received");
  const uploads = (view: CaseView) => view.documents.filter((doc) => doc.sourceType === 'Applicant Provided').length;
  expect(uploads(response) - uploads(story.justBefore('rfe-response', 'i821d'))).toBe(3);

  for (const key of KEYS) {
    const silent = story.at('silent-approval', key);
    expect(approvalDocuments(silent).length, key).toBe(1);
    expect(silent.status.statusTitle ?? '', key).not.toMatch(APPROVED_TITLE);
    expect(codes(silent), key).toContain('IEA');
    const approved = story.at('approved', key);
    expect(approved.status.currentActionCode, key).toBe('DA');
    expect(approved.status.statusTitle, key).toBe('Case Was Approved');
    expect(approved.detail.concurrentCases, key).toEqual([story.sim.receipts[key === 'i821d' ? 'i765' : 'i821d']]);
  }
  expect(story.at('card-mailed', 'i765').status.currentActionCode).toBe('LEA');
}

function denialStory(story: Story): void {
  // Filed with a representative: a G-28 among the applicant's documents, the name on the detail.
  for (const key of KEYS) {
    const filed = story.at('filed', key);
    expect(filed.detail.representativeName, key).toBe('MORALES, LUIS');
    expect(filed.documents.filter((doc) => doc.type === 'G-28' && doc.sourceType === 'Applicant Provided'), key).toHaveLength(1);
  }
  for (const key of KEYS) {
    for (const { label, view } of story.all(key)) {
      const where = `${key} ${label}`;
      expect(codes(view).filter((code) => BIOMETRICS_CODES.includes(code)), where).toEqual([]);
      expect(view.detail.notices, where).toEqual([]);
      expect(BIOMETRICS_CODES, where).not.toContain(view.status.currentActionCode);
      expect(view.status.historicalCaseStatuses.filter((h) => BIOMETRICS_CODES.includes(h.actionCode)), where).toEqual([]);
      expect(view.status.statusText, where).not.toMatch(/fingerprint|biometric/i);
      expect(docTypes(view).filter((type) => /biometric|appointment/i.test(type)), where).toEqual([]);
      expect(approvalDocuments(view), where).toEqual([]);
      expect(view.status.statusTitle ?? '', where).not.toMatch(APPROVED_TITLE);
    }
  }
  // The denial document comes first, the title a day later.
  const silent = story.at('silent-denial', 'i821d');
  expect(docTypes(silent)).toContain('I-821D Denial Notice');
  expect(silent.status.statusTitle).toBe(REVIEW_TITLES[0]);
  expect(silent.status.statusTitle).not.toBe('Case Was Denied');
  expect(docTypes(story.justBefore('silent-denial', 'i821d'))).not.toContain('I-821D Denial Notice');
  const denied = story.at('denied', 'i821d');
  expect(denied.status.currentActionCode).toBe('EA');
  expect(denied.status.statusTitle).toBe('Case Was Denied');
  expect(codes(denied)).toEqual(expect.arrayContaining(['EA', 'IFA']));
  expect(story.at('denied', 'i765').status.statusTitle).not.toBe('Case Was Denied');
  const denied765 = story.at('i765-denied', 'i765');
  expect(denied765.status.statusTitle).toBe('Case Was Denied');
  expect(docTypes(denied765)).toContain('I-765 Denial Notice');
  for (const key of KEYS) {
    for (const { label, view } of story.phasesBefore('closed', key)) expect(view.detail.closed, `${key} ${label}`).toBe(false);
    expect(story.at('closed', key).detail.closed, key).toBe(true);
  }
}

function biometricsAppointmentStory(story: Story): void {
  const appointment = new Date(story.sim.filingDay + 17 * DAY + 13.5 * HOUR).toISOString();
  for (const key of KEYS) {
    expect(story.at('filed', key).detail.notices, key).toEqual([]);
    expect(story.justBefore('biometrics-scheduled', key).detail.notices, key).toEqual([]);
    const scheduled = story.at('biometrics-scheduled', key);
    const notices = scheduled.detail.notices.filter((notice) => notice.actionType === 'Appointment Scheduled');
    expect(notices, key).toHaveLength(1);
    const notice = notices[0]!;
    expect(notice.appointmentDateTime, key).toBe(appointment);
    expect(ms(notice.appointmentDateTime), key).toBeGreaterThan(ms(notice.generationDate));
    expect(ms(notice.appointmentDateTime) - ms(notice.generationDate), key).toBeGreaterThan(13 * DAY);
    expect(notice.letterId, key).toMatch(/^44\d{7}$/);
    expect(notice.receiptNumber, key).toBe(story.sim.receipts[key]);
    expect(scheduled.documents.filter((doc) => doc.type === 'Appointment Scheduled' && doc.sourceType === 'USCIS Generated'), key).toHaveLength(1);
    expect(scheduled.status.currentActionCode, key).toBe('FNA');
    expect(scheduled.status.statusTitle, key).toBe('Fingerprint and Biometrics Appointment Was Scheduled');
    expect(codes(scheduled), key).toContain('IMAF');
    const taken = story.at('biometrics-taken', key);
    expect(taken.status.currentActionCode, key).toBe('FNB');
    expect(taken.status.statusTitle, key).toBe('Case Was Updated To Show Fingerprints Were Taken');
    expect(codes(taken), key).toEqual(expect.arrayContaining(['FNB', 'MA70']));
    expect(ms(taken.status.currentActionCodeDate!), key).toBeGreaterThan(ms(appointment));
    // The notice stays listed, unchanged, to the end.
    expect(story.at('card-delivered', key).detail.notices, key).toEqual(scheduled.detail.notices);
    const silent = story.at('silent-approval', key);
    expect(approvalDocuments(silent), key).toHaveLength(1);
    expect(silent.status.statusTitle, key).toBe('Case Is Being Actively Reviewed By USCIS');
    expect(story.at('approved', key).status.statusTitle, key).toBe('Case Was Approved');
  }
  expect(story.at('card-produced', 'i765').status.currentActionCode).toBe('LDA');
  expect(story.at('card-delivered', 'i765').status.currentActionCode).toBe('LED');
}

/** Events in the order they were written (the service lists them newest first). */
const oldestFirst = (events: EventJson[]) => [...events].sort((a, b) => ms(a.createdAtTimestamp) - ms(b.createdAtTimestamp));

function reemittedStory(story: Story): void {
  const fta0 = (view: CaseView) => oldestFirst(view.detail.events).filter((event) => event.eventCode === 'FTA0');
  expect(fta0(story.justBefore('reemitted', 'i821d'))).toHaveLength(1);
  const [original, again] = fta0(story.at('reemitted', 'i821d'));
  expect(original).toBeDefined();
  expect(again).toBeDefined();
  expect(again!.eventId).not.toBe(original!.eventId);
  expect(again!.eventCode).toBe(original!.eventCode);
  expect(again!.eventTimestamp).toBe(original!.eventTimestamp);
  expect(again!.eventDateTime).toBe(original!.eventDateTime);
  expect(ms(again!.createdAtTimestamp)).toBeGreaterThan(ms(again!.eventTimestamp));
  // The IAF re-emitted on both cases on day 50, with its day-0 time.
  for (const key of KEYS) {
    const iaf = oldestFirst(story.at('backdated', key).detail.events).filter((event) => event.eventCode === 'IAF');
    expect(iaf, key).toHaveLength(2);
    expect(iaf[0]!.eventId, key).not.toBe(iaf[1]!.eventId);
    expect(iaf[1]!.eventTimestamp, key).toBe(iaf[0]!.eventTimestamp);
    expect(iaf[1]!.createdAt, key).toBe(new Date(story.sim.filingDay + 50 * DAY).toISOString().slice(0, 10));
  }
  // Backdated: written at least 40 days after the day it says it happened.
  const lag = (event: EventJson) => ms(`${event.createdAt}T00:00:00Z`) - ms(`${event.eventDateTime}T00:00:00Z`);
  expect(story.justBefore('backdated', 'i765').detail.events.filter((event) => lag(event) >= 40 * DAY)).toEqual([]);
  const backdated = story.at('backdated', 'i765').detail.events.filter((event) => event.eventCode === 'FSA0' && lag(event) >= 40 * DAY);
  expect(backdated).toHaveLength(1);
  expect(backdated[0]!.eventDateTime).toBe(new Date(story.sim.filingDay + DAY).toISOString().slice(0, 10));
  expect(backdated[0]!.createdAt).toBe(new Date(story.sim.filingDay + 45 * DAY).toISOString().slice(0, 10));
  // A code that is in no list.
  expect(codes(story.justBefore('unknown-code', 'i821d')).filter((code) => !KNOWN_CODES.has(code))).toEqual([]);
  const unknown = codes(story.at('unknown-code', 'i821d')).filter((code) => !KNOWN_CODES.has(code));
  expect(unknown).toEqual(['XRZ1']);
  expect(codes(story.at('unknown-code', 'i765'))).toContain('FTA1');
}

function applicantUploadStory(story: Story): void {
  // The applicant's own upload: one more "Applicant Provided" document, nothing else decided.
  const beforeUpload = story.justBefore('applicant-upload', 'i821d');
  const afterUpload = story.at('applicant-upload', 'i821d');
  const added = afterUpload.documents.filter((doc) => !beforeUpload.documents.some((d) => d.contentId === doc.contentId));
  expect(added.map((doc) => [doc.type, doc.sourceType])).toEqual([['Other', 'Applicant Provided']]);
  expect(afterUpload.raw.status).toBe(beforeUpload.raw.status);
  expect(afterUpload.detail.events).toEqual(beforeUpload.detail.events);
  expect(ms(afterUpload.detail.updatedAtTimestamp)).toBeGreaterThan(ms(beforeUpload.detail.updatedAtTimestamp));
  // Touched: only updatedAt/updatedAtTimestamp move; documents, events, status identical.
  for (const key of KEYS) {
    const before = story.justBefore('touched', key);
    const after = story.at('touched', key);
    expect(ms(after.detail.updatedAtTimestamp), key).toBeGreaterThan(ms(before.detail.updatedAtTimestamp));
    expect(after.detail.updatedAt, key).not.toBe(before.detail.updatedAt);
    const { updatedAt: _a, updatedAtTimestamp: _b, ...restAfter } = after.detail;
    const { updatedAt: _c, updatedAtTimestamp: _d, ...restBefore } = before.detail;
    expect(restAfter, key).toEqual(restBefore);
    expect(after.raw.documents, key).toBe(before.raw.documents);
    expect(after.raw.status, key).toBe(before.raw.status);
  }
}

function silentI821dStory(story: Story): void {
  for (const { label, view } of story.all('i821d')) {
    expect(docTypes(view).filter((type) => /approv/i.test(type)), label).toEqual([]);
    expect(codes(view).filter((code) => APPROVAL_CODES.includes(code)), label).toEqual([]);
    expect(APPROVAL_CODES, label).not.toContain(view.status.currentActionCode);
    expect(view.status.statusTitle ?? '', label).not.toMatch(APPROVED_TITLE);
    expect(view.status.historicalCaseStatuses.filter((h) => APPROVED_TITLE.test(h.statusTitle)), label).toEqual([]);
    expect(view.detail.notices, label).toEqual([]);
  }
  const lastPhase = story.phases.at(-1)!;
  expect(story.at(lastPhase, 'i821d').status.statusTitle).toBe('Case Is Being Actively Reviewed By USCIS');
  expect(approvalDocuments(story.at('silent-approval', 'i765'))).toHaveLength(1);
  expect(story.at('silent-approval', 'i765').status.statusTitle).toBe('Case Is Being Actively Reviewed By USCIS');
  expect(story.at('approved', 'i765').status.statusTitle).toBe('Case Was Approved');
  expect(story.at('card-produced', 'i765').status.currentActionCode).toBe('LDA');
  expect(story.at('card-produced', 'i765').status.statusTitle).toBe('New Card Is Being Produced');
  expect(story.at('card-delivered', 'i765').status.currentActionCode).toBe('LED');
}

function emptyDocumentsStory(story: Story): void {
  // Approved cases whose documents list stays empty: only codes, titles and events tell the story.
  for (const key of KEYS) {
    for (const { label, view } of story.all(key)) expect(view.documents, label).toEqual([]);
  }
  expect(story.phases).not.toContain('silent-approval');
  expect(story.at('approved', 'i765').status.currentActionCode).toBe('SA');
  expect(codes(story.at('approved', 'i765'))).toEqual(expect.arrayContaining(['SA', 'IEA']));
  expect(story.at('card-produced', 'i765').status.currentActionCode).toBe('LDA');
  expect(story.at('i821d-approved', 'i821d').status.statusTitle).toBe('Case Was Approved');
  expect(story.at('card-delivered', 'i765').status.currentActionCode).toBe('LED');
}

function apr0Story(story: Story): void {
  for (const key of KEYS) {
    const filed = story.at('filed', key);
    expect(filed.detail.elisChannelType, key).toBe('EFile');
    // The IAF is dated midnight UTC of the filing day but was written two days later.
    const iaf = filed.detail.events.filter((event) => event.eventCode === 'IAF');
    expect(iaf, key).toHaveLength(1);
    expect(iaf[0]!.eventTimestamp, key).toBe(`${String(filed.detail.submissionDate)}T00:00:00.000Z`);
    expect(ms(iaf[0]!.createdAtTimestamp) - ms(iaf[0]!.eventTimestamp), key).toBeGreaterThanOrEqual(2 * DAY);
  }
  expect(story.at('filed', 'i821d').status.statusTitle).toBe('Case Was Received and A Receipt Notice Was Emailed');
  expect(story.at('filed', 'i765').status.statusTitle).toBe('Case Was Received and A Receipt Notice Was Sent');
  // An eventTimestamp hours after its createdAtTimestamp.
  const later = story.at('apr0-only', 'i821d').detail.events.find((event) => event.eventCode === 'FTA1');
  expect(ms(later!.eventTimestamp) - ms(later!.createdAtTimestamp)).toBeGreaterThan(7 * HOUR);
  // APR0 alone: no approval document, no approval code, the title of the day before.
  const before = story.justBefore('apr0-only', 'i821d');
  const apr0 = story.at('apr0-only', 'i821d');
  expect(codes(before)).not.toContain('APR0');
  expect(codes(apr0).filter((code) => code === 'APR0')).toHaveLength(1);
  expect(approvalDocuments(apr0)).toEqual([]);
  expect(codes(apr0).filter((code) => APPROVAL_CODES.includes(code))).toEqual([]);
  expect(apr0.status.statusTitle).toBe(before.status.statusTitle);
  expect(apr0.status.currentActionCode).toBe('FTA0');
  expect(story.at('apr0-only', 'i765').detail.events.map((event) => event.eventCode)).not.toContain('APR0');
  // The approval days: APR0, RCV0, IAK and H008 with the decision (H008 twice on the I-821D).
  const approved821 = story.at('i821d-approved', 'i821d');
  expect(codes(approved821)).toEqual(expect.arrayContaining(['APR0', 'RCV0', 'IAK', 'H008', 'DA', 'IEA']));
  const approvalDay = (view: CaseView, code: string) =>
    view.detail.events.filter((event) => event.eventCode === code && event.createdAt === view.status.currentActionCodeDate?.slice(0, 10));
  expect(approvalDay(approved821, 'H008')).toHaveLength(2);
  expect(approved821.status.statusTitle).toBe('Your Case Has Been Approved');
  const approved765 = story.at('i765-approved', 'i765');
  for (const code of ['APR0', 'RCV0', 'IAK', 'H008', 'SA']) expect(approvalDay(approved765, code), code).toHaveLength(1);
  expect(approved765.status.statusTitle).toBe('Case Was Approved');
  const produced = story.at('card-produced', 'i765');
  expect(produced.status.currentActionCode).toBe('LDA');
  expect([produced.status.statusTitle, produced.status.statusTitleSpanish]).toEqual(['We produced your new card', 'Se Está Produciendo Su Nueva Tarjeta']);
}

/** The renewal's phases with every title in the newer wording (compared with daca-renewal in captures.test.ts). */
function weTitlesStory(story: Story): void {
  const titles = (key: CaseKey, phase: string) => {
    const { status } = story.at(phase, key);
    return [status.statusTitle, status.statusTitleSpanish];
  };
  expect(titles('i821d', 'filed')).toEqual(['We Emailed You a Receipt Notice', 'Le Enviamos un Recibo por Correo Electronico']);
  expect(titles('i765', 'filed')).toEqual(['We received your Form I-765.', 'Recibimos su Formulario I-765.']);
  expect(titles('i821d', 'review')).toEqual(['USCIS Is Currently Processing Your Case', 'USCIS Está Procesando Su Caso Actualmente']);
  expect(titles('i765', 'review')).toEqual(['USCIS is currently processing your case.', 'USCIS está procesando su caso actualmente.']);
  expect(titles('i765', 'approved')[0]).toBe('your case has been approved.');
  expect(titles('i765', 'card-produced')).toEqual(['We Produced Your New Card', 'Produjimos Su Nueva Tarjeta']);
  expect(titles('i821d', 'i821d-approved')[0]).toBe('Your Case Has Been Approved');
  for (const key of KEYS) {
    for (const { label, view } of story.all(key)) {
      const title = view.status.statusTitle;
      if (title !== null) expect(title, `${key} ${label}`).toMatch(/^(we|your|uscis) /i);
      for (const earlier of view.status.historicalCaseStatuses) expect(earlier.statusTitle, `${key} ${label}`).toMatch(/^(we|your|uscis) /i);
    }
  }
}

function interviewStory(story: Story): void {
  const before = story.justBefore('interview-scheduled', 'i821d');
  const scheduled = story.at('interview-scheduled', 'i821d');
  expect(before.detail.notices).toEqual([]);
  expect(scheduled.detail.notices).toHaveLength(1);
  expect(scheduled.detail.notices[0]).toMatchObject({
    receiptNumber: story.sim.receipts.i821d,
    actionType: 'Interview Scheduled',
    appointmentDateTime: new Date(story.sim.filingDay + 55 * DAY + 14.5 * HOUR).toISOString(),
  });
  expect(scheduled.documents.filter((doc) => doc.type === 'Interview Scheduled').map((doc) => doc.fileName)).toEqual(['Interview Scheduled.pdf']);
  // Only the notice and its document tell of it: the title, the code and the events stay as they were.
  expect(scheduled.raw.status).toBe(before.raw.status);
  expect(scheduled.detail.events).toEqual(before.detail.events);
  expect(scheduled.status.statusTitle).toBe('Case Is Being Actively Reviewed By USCIS');
  expect(story.at('closed', 'i821d').detail.notices).toEqual(scheduled.detail.notices);
  for (const { label, view } of story.all('i765')) expect(view.detail.notices, label).toEqual([]);
}

const STORIES: Record<string, Array<(story: Story) => void>> = {
  'daca-renewal': [renewalStory],
  'daca-rfe': [rfeStory],
  'daca-denial': [denialStory],
  'daca-biometrics-appointment': [biometricsAppointmentStory],
  'daca-reemitted-events': [renewalStory, reemittedStory],
  'daca-applicant-upload': [renewalStory, applicantUploadStory],
  'daca-silent-i821d': [silentI821dStory],
  'daca-empty-documents': [emptyDocumentsStory],
  // The renewal's story; its documents faults are checked on their own below.
  'daca-flaky-documents': [renewalStory],
  'daca-apr0-early-approval': [apr0Story],
  'daca-renewal-we-titles': [weTitlesStory],
  // The switches are off for the walk (their own tests are in captures.test.ts): these tell their story.
  'daca-rotating-content-ids': [renewalStory],
  'daca-wrong-receipt': [(story) => rfeStory(story, 'We sent a request for additional evidence.')],
  'daca-interview-notice': [renewalStory, interviewStory],
  'daca-termination': [terminationStory],
  'daca-rejection': [rejectionStory],
  'daca-sparse-events': [renewalStory, sparseStory],
  'daca-h008-approval': [h008Story],
  'daca-card-returned': [cardReturnedStory],
};

/** The card mailed with its USPS tracking number in both texts, picked up, then returned twelve days later. */
function cardReturnedStory(story: Story): void {
  const mailed = story.at('card-mailed', 'i765');
  const number = trackingNumberFor(story.sim.receipts.i765);
  expect(mailed.status.currentActionCode).toBe('LEE');
  expect(mailed.status.statusText).toContain(`The tracking number assigned is ${number}.`);
  expect(mailed.status.statusTextSpanish).toContain(`El número de rastreo asignado es ${number}.`);
  const returned = story.at('card-returned', 'i765');
  expect(returned.status).toMatchObject({ currentActionCode: 'LFA', statusTitle: 'Card Was Returned To USCIS', statusTitleSpanish: 'La Tarjeta Fue Devuelta a USCIS' });
  expect(codes(returned)).not.toContain('LED');
  expect(Date.parse(returned.status.currentActionCodeDate!) - Date.parse(mailed.detail.events.find((event) => event.eventCode === 'LEA')!.eventTimestamp!)).toBeGreaterThan(10 * DAY);
}

/** H008 as the biometrics-reuse status first, then as the status code of "Case Approved" on both cases. */
function h008Story(story: Story): void {
  for (const key of KEYS) {
    expect(story.at('biometrics-reused', key).status.currentActionCode, key).toBe('H008');
    expect(story.at('biometrics-reused', key).status.statusTitle, key).not.toMatch(APPROVED_TITLE);
    const approved = story.at('approved', key);
    expect(approved.status, key).toMatchObject({ currentActionCode: 'H008', statusTitle: 'Case Approved', statusTitleSpanish: 'Caso Aprobado' });
    expect(codes(approved).filter((code) => code === 'H008'), key).toHaveLength(3);
  }
  expect(story.at('card-produced', 'i765').status.currentActionCode).toBe('LDA');
}

/** H016 with "Your Case Was Terminated (Denial)" on the I-821D (as one user saw it), the I-765 denied a day later. */
function terminationStory(story: Story): void {
  const terminated = story.at('terminated', 'i821d');
  expect(terminated.status.currentActionCode).toBe('H016');
  expect(terminated.status.statusTitle).toBe('Your Case Was Terminated (Denial)');
  expect(codes(terminated)).toContain('H016');
  expect(story.at('terminated', 'i765').status.statusTitle).not.toMatch(/terminated|denied/i);
  const denied = story.at('i765-denied', 'i765');
  expect(denied.status).toMatchObject({ currentActionCode: 'EA', statusTitle: 'Case Was Denied', statusTitleSpanish: 'Caso Fue Denegado' });
  for (const key of KEYS) for (const { label, view } of story.all(key)) expect(approvalDocuments(view), `${key} ${label}`).toEqual([]);
}

/** Both filings rejected a few days after the receipt, no document. */
function rejectionStory(story: Story): void {
  for (const key of KEYS) {
    expect(story.at('rejected', key).status).toMatchObject({ statusTitle: 'Case Was Rejected', statusTitleSpanish: 'Caso Fue Rechazado' });
    expect(story.justBefore('rejected', key).status.statusTitle).not.toBe('Case Was Rejected');
  }
}

/** Events as users trim them: {eventCode, createdAt} only; notices without ids; FTA0 written again on the I-765. */
function sparseStory(story: Story): void {
  for (const key of KEYS) {
    for (const { label, view } of story.all(key)) {
      for (const event of view.detail.events) expect(Object.keys(event).sort(), `${key} ${label}`).toEqual(['createdAt', 'eventCode']);
      for (const notice of view.detail.notices) expect(notice, `${key} ${label}`).not.toHaveProperty('letterId');
    }
  }
  expect(codes(story.at('fta0-later', 'i765')).filter((code) => code === 'FTA0')).toHaveLength(4);
}

// ------------------------------------------------------------------ tests

describe('every built-in scenario tells its story over HTTP', () => {
  it('every scenario has a story to check', () => {
    expect([...SCENARIOS.keys()].sort()).toEqual(Object.keys(STORIES).sort());
    expect(SCENARIOS.size).toBeGreaterThanOrEqual(8);
  });

  it.each([...SCENARIOS.keys()])('%s', async (name) => {
    const sim = await frozenSimulator({ scenario: name });
    // Story faults would make a documents request fail now and then; they have their own test.
    if (sim.scenario.faults.length > 0) sim.clearFaults();
    // Rotated content ids and another receipt's payloads would hide the story; captures.test.ts checks them.
    sim.setRotateContentIds(false);
    sim.setWrongReceipt([]);
    const story = await walk(sim);
    expect(story.phases).toEqual(scenarioPhases(sim.scenario).map((p) => p.phase));
    checkInvariants(story);
    for (const check of STORIES[name] ?? []) check(story);
  });
});

describe('determinism', () => {
  it.each([...SCENARIOS.keys()])('%s: two simulators at the same story time serve identical bytes', async (name) => {
    const [a, b] = await Promise.all([frozenSimulator({ scenario: name }), frozenSimulator({ scenario: name })]);
    a.clearFaults();
    b.clearFaults();
    const last = scenarioPhases(a.scenario).at(-1)!.phase;
    a.advanceToPhase(last);
    b.advanceToPhase(last);
    expect(a.clock.now()).toBe(b.clock.now());
    const [snapA, snapB] = await Promise.all([snapshot(a), snapshot(b)]);
    const servesDocuments = a.scenario.steps.some((step) => step.actions.some((action) => action.type === 'document'));
    for (const key of KEYS) {
      const viewA = served(snapA, key, 'a');
      const viewB = served(snapB, key, 'b');
      expect(viewA.detail.events.length, key).toBeGreaterThan(3);
      expect(viewA.documents.length > 1, key).toBe(servesDocuments);
      expect(viewA.raw.detail, key).toBe(viewB.raw.detail);
      expect(viewA.raw.status, key).toBe(viewB.raw.status);
      expect(viewA.raw.documents, key).toBe(viewB.raw.documents);
    }
  });

  it('ids come from the scenario seed: the same steps under another seed get other ids', async () => {
    const [renewal, flaky] = await Promise.all([frozenSimulator({ scenario: 'daca-renewal' }), frozenSimulator({ scenario: 'daca-flaky-documents' })]);
    flaky.clearFaults();
    renewal.advanceToPhase('review');
    flaky.advanceToPhase('review');
    const [a, b] = await Promise.all([snapshot(renewal), snapshot(flaky)]);
    const viewA = served(a, 'i821d', 'renewal');
    const viewB = served(b, 'i821d', 'flaky');
    expect(codes(viewA)).toEqual(codes(viewB));
    const idsA = new Set(viewA.detail.events.map((e) => e.eventId));
    expect(viewB.detail.events.filter((e) => idsA.has(e.eventId))).toEqual([]);
    const contentA = new Set(viewA.documents.map((d) => d.contentId));
    expect(viewB.documents.filter((d) => contentA.has(d.contentId))).toEqual([]);
  });
});

describe('history', () => {
  it('grows newest first and is capped at 4 (the renewal\'s I-765)', async () => {
    const sim = await frozenSimulator();
    const lengths: Record<string, number> = {};
    const currents: Record<string, string | null> = {};
    let previous: CaseView | null = null;
    for (const { phase } of scenarioPhases(sim.scenario)) {
      sim.advanceToPhase(phase);
      const view = served(await snapshot(sim), 'i765', phase);
      lengths[phase] = view.status.historicalCaseStatuses.length;
      currents[phase] = view.status.currentActionCode;
      if (previous && previous.status.currentActionCode !== view.status.currentActionCode && lengths[phase]! < 4) {
        expect(view.status.historicalCaseStatuses.length, phase).toBeGreaterThan(previous.status.historicalCaseStatuses.length);
      }
      previous = view;
    }
    expect(lengths).toEqual({
      filed: 0,
      'biometrics-reuse-notice': 0,
      'biometrics-reused': 1,
      review: 2,
      'silent-approval': 2,
      approved: 3,
      'card-produced': 4,
      'i821d-approved': 4,
      'card-mailed': 4,
      'card-delivered': 4,
      closed: 4,
    });
    expect(currents['card-delivered']).toBe('LED');
    const last = served(await snapshot(sim), 'i765', 'end');
    expect(last.status.historicalCaseStatuses.map((h) => h.actionCode)).toEqual(['LEE', 'LEA', 'LDA', 'SA']);
    expect(last.status.historicalCaseStatuses.map((h) => h.date)).toEqual([
      '08-17-2026 00:00:00',
      '08-17-2026 00:00:00',
      '08-14-2026 00:00:00',
      '08-13-2026 00:00:00',
    ]);
  });
});

describe('before filing', () => {
  it.each([...SCENARIOS.keys()])('%s: the receipts are not served as cases before day 0', async (name) => {
    // The clock sits a day before the filing day.
    const sim = await frozenSimulator({ scenario: name, startDay: -1 });
    sim.clearFaults();
    expect(sim.storyDay()).toBeLessThan(0);
    expect(sim.caseRecords()).toEqual({ i821d: null, i765: null });
    const browser = signedInBrowser(sim);
    for (const key of KEYS) {
      for (const path of Object.values(casePaths(sim.receipts[key]))) {
        expect((await get(browser, sim, path)).status, path).toBe(404);
      }
    }
    const applicant = await get(browser, sim, '/account/applicant');
    expect(applicant.status).toBe(200);
    expect(applicant.body).toContain('Welcome');
    for (const key of KEYS) expect(applicant.body).not.toContain(sim.receipts[key]);
    // Filing day: both served.
    sim.advanceToPhase('filed');
    const after = await snapshot(sim);
    expect(after.i821d?.detail.receiptNumber).toBe(sim.receipts.i821d);
    expect(after.i765?.detail.receiptNumber).toBe(sim.receipts.i765);
  });
});

// ------------------------------------------------------------------ flaky documents

type Outcome = 'ok' | 'drop' | `status:${number}`;

/** What the fault rules of MYUSCIS's flaky story predict: every matching rule counts each request, the first that fires wins. */
function predictOutcomes(rules: readonly FaultRule[], endpoint: string, receipt: string, count: number): Outcome[] {
  const matched = rules.map(() => 0);
  const applied = rules.map(() => 0);
  const outcomes: Outcome[] = [];
  for (let n = 0; n < count; n += 1) {
    let fired: FaultRule | null = null;
    rules.forEach((rule, i) => {
      if (rule.endpoint !== endpoint && rule.endpoint !== 'any-api') return;
      if (rule.receipt !== undefined && rule.receipt !== receipt) return;
      matched[i]! += 1;
      if (fired) return;
      if (rule.times !== undefined && applied[i]! >= rule.times) return;
      if (rule.every !== undefined && matched[i]! % rule.every !== 0) return;
      applied[i]! += 1;
      fired = rule;
    });
    const rule = fired as FaultRule | null;
    if (!rule) outcomes.push('ok');
    else if (rule.kind === 'drop') outcomes.push('drop');
    else if (rule.kind === 'server-error') outcomes.push(`status:${rule.status ?? 503}`);
    else throw new Error(`the flaky story has an unexpected fault kind ${rule.kind}`);
  }
  return outcomes;
}

describe('daca-flaky-documents', () => {
  it('answers documents requests with its fault pattern; other endpoints are untouched; a failure is never an empty list', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-flaky-documents' });
    const scenario: Scenario = sim.scenario;
    sim.advanceToPhase('silent-approval');
    const browser = signedInBrowser(sim);

    const predicted = predictOutcomes(scenario.faults, 'documents', sim.receipts.i821d, 21);
    const failing = (kind: Outcome) => predicted.flatMap((o, i) => (o === kind ? [i + 1] : []));
    expect(failing('status:503')).toEqual([3, 6, 9, 12, 15, 18, 21]);
    expect(failing('drop')).toEqual([7, 14]);

    const actual: Outcome[] = [];
    for (let n = 1; n <= 21; n += 1) {
      const receipt = n % 2 === 0 ? sim.receipts.i765 : sim.receipts.i821d;
      // Other endpoints in between count for no documents rule and never fail.
      const detail = await get(browser, sim, `${API}/cases/${receipt}`);
      expect(detail.status, `detail before documents #${n}`).toBe(200);
      let response: SimResponse;
      try {
        response = await get(browser, sim, `${API}/cases/${receipt}/documents`);
      } catch (error) {
        const err = error as NodeJS.ErrnoException;
        expect(err.code === 'ECONNRESET' || /socket hang up/i.test(err.message), `documents #${n}: ${err.message}`).toBe(true);
        actual.push('drop');
        continue;
      }
      if (response.status === 200) {
        const documents = response.json<{ data: DocumentJson[] }>().data;
        expect(documents.length, `documents #${n}`).toBeGreaterThan(0);
        expect(approvalDocuments({ documents } as CaseView).length, `documents #${n}`).toBe(1);
        actual.push('ok');
      } else {
        // A failed fetch is not an empty list: no 200, no {"data": []}.
        expect(response.body, `documents #${n}`).not.toMatch(/"data"\s*:\s*\[\s*\]/);
        expect(String(response.headers['content-type']), `documents #${n}`).toMatch(/^text\/html/);
        actual.push(`status:${response.status}`);
      }
    }
    expect(actual).toEqual(predicted);

    const log = sim.requestLog().filter((entry) => entry.endpoint === 'documents');
    expect(log).toHaveLength(21);
    expect(log.map((entry) => entry.outcome)).toEqual(
      predicted.map((o) => (o === 'ok' ? 'ok' : o === 'drop' ? 'fault:drop' : 'fault:server-error')),
    );
  });

  it('keeps counting across receipts: the fault pattern does not restart per case', async () => {
    const sim = await frozenSimulator({ scenario: 'daca-flaky-documents' });
    sim.advanceToPhase('review');
    const browser = signedInBrowser(sim);
    const statuses: number[] = [];
    for (const receipt of [sim.receipts.i821d, sim.receipts.i821d, sim.receipts.i765]) {
      statuses.push((await get(browser, sim, `${API}/cases/${receipt}/documents`)).status);
    }
    expect(statuses).toEqual([200, 200, 503]);
  });
});
