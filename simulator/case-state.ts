// Replays a scenario's steps up to a simulated instant into the record USCIS would hold for each
// case. Pure and deterministic (ids come from the scenario's seed); it renders no JSON and does no I/O.

import { createHash } from 'node:crypto';
import type { CaseKey, Scenario, ScenarioStep } from './scenario-schema';
import { stepHours } from './scenarios';
import { STATUS_WORDING, isStatusWordingKey, type StatusWording } from './status-wording';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export interface SimStatus {
  code: string;
  wording: StatusWording;
  at: number;
}
export interface SimEvent {
  eventId: string;
  eventCode: string;
  /** When USCIS says it happened (eventDateTime/eventTimestamp). */
  eventAt: number;
  /** When the record was written (createdAt/createdAtTimestamp); later than eventAt when backdated. */
  createdAt: number;
}
export interface SimDocument {
  fileName: string;
  contentId: string;
  type: string;
  sourceType: 'USCIS Generated' | 'Applicant Provided';
  createdAt: number;
}
export interface SimNotice {
  letterId: string;
  actionType: string;
  generatedAt: number;
  appointmentAt: number;
}
/** The office the case was assigned to (receipt_info's receipt_details). */
export interface SimAssignment {
  location: string;
  subtype: string;
  at: number;
}
export interface SimEvidenceRequest {
  requestId: string;
  issuedAt: number;
  dueAt: number;
  responded: boolean;
}

export interface CaseRecord {
  key: CaseKey;
  receipt: string;
  formType: string;
  formName: string;
  elisChannelType: string;
  listsCompanion: boolean;
  submittedAt: number;
  updatedAt: number;
  status: SimStatus | null;
  /** Earlier statuses, oldest first. */
  history: SimStatus[];
  events: SimEvent[];
  documents: SimDocument[];
  notices: SimNotice[];
  evidenceRequests: SimEvidenceRequest[];
  /** Null until the case is assigned to an office. */
  assignment: SimAssignment | null;
  closed: boolean;
  actionRequired: boolean;
}

/** Deterministic bytes for an id, from the scenario seed and where the item comes from. */
export function seededDigest(...parts: Array<string | number>): Buffer {
  return createHash('sha256').update(parts.join('|')).digest();
}

function uuidFrom(digest: Buffer): string {
  const hex = digest.toString('hex');
  const variant = ((parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function appliesTo(step: ScenarioStep, key: CaseKey): boolean {
  return step.case === 'both' || step.case === key;
}

/**
 * The record of one case at `now`, or null before the case exists.
 * `filingDay` is midnight UTC of the filing day; steps are placed relative to it.
 */
export function caseRecordAt(scenario: Scenario, key: CaseKey, filingDay: number, now: number): CaseRecord | null {
  const info = scenario.cases[key];
  let record: CaseRecord | null = null;

  scenario.steps.forEach((step, stepIndex) => {
    if (!appliesTo(step, key)) return;
    // A few seconds and milliseconds from the seed, so times look like a real system's.
    const jitter = seededDigest(scenario.seed, info.receipt, stepIndex, 'time').readUInt32BE(0) % 59_000;
    const at = filingDay + stepHours(step) * HOUR + jitter;
    if (at > now) return;
    record ??= {
      key,
      receipt: info.receipt,
      formType: info.formType,
      formName: info.formName,
      elisChannelType: info.elisChannelType,
      listsCompanion: info.listsCompanion,
      submittedAt: at,
      updatedAt: at,
      status: null,
      history: [],
      events: [],
      documents: [],
      notices: [],
      evidenceRequests: [],
      assignment: null,
      closed: false,
      actionRequired: false,
    };
    record.updatedAt = at;
    step.actions.forEach((action, actionIndex) => {
      const seed = (what: string | number) => seededDigest(scenario.seed, info.receipt, stepIndex, actionIndex, what);
      const current = record!;
      switch (action.type) {
        case 'status': {
          const wording = withFormInTitle(typeof action.wording === 'string' ? wordingFor(action.wording) : action.wording, info.formType);
          if (current.status) current.history.push(current.status);
          current.status = { code: action.code, wording, at };
          break;
        }
        case 'event': {
          const original = action.reemit
            ? current.events.findLast((event) => event.eventCode === action.code)
            : undefined;
          const eventAt = original?.eventAt ?? statedEventTime(action, step, filingDay, at);
          current.events.push({ eventId: uuidFrom(seed('event')), eventCode: action.code, eventAt, createdAt: at });
          if (action.nearDuplicateMs !== undefined) {
            const ms = action.nearDuplicateMs;
            current.events.push({ eventId: uuidFrom(seed('event-near-duplicate')), eventCode: action.code, eventAt: eventAt + ms, createdAt: at + ms });
          }
          break;
        }
        case 'document': {
          const parts = action.parts ?? 1;
          const docNumber = String(at).padStart(13, '0').slice(-13);
          for (let part = 1; part <= parts; part += 1) {
            current.documents.push({
              // USCIS names what it generates after the type; the applicant's scans keep the receipt-part pattern.
              fileName: action.source === 'USCIS Generated' ? `${action.docType}.pdf` : `${info.receipt}-${docNumber}-part${part}.tif`,
              contentId: seed(`document-${part}`).toString('base64url'),
              type: action.docType,
              sourceType: action.source,
              createdAt: at + part - 1,
            });
          }
          break;
        }
        case 'notice': {
          const [h = 0, m = 0] = (action.appointmentTime ?? '13:00').split(':').map(Number);
          current.notices.push({
            letterId: `44${String(seed('letter').readUInt32BE(0) % 10_000_000).padStart(7, '0')}`,
            actionType: action.actionType,
            generatedAt: at,
            appointmentAt: filingDay + action.appointmentDay * DAY + h * HOUR + m * 60_000,
          });
          break;
        }
        case 'touch':
          break;
        case 'assigned':
          current.assignment = { location: action.location, subtype: action.subtype ?? defaultSubtype(info.formType), at };
          break;
        case 'flags':
          if (action.closed !== undefined) current.closed = action.closed;
          if (action.actionRequired !== undefined) current.actionRequired = action.actionRequired;
          if (action.actionRequired === false) {
            for (const request of current.evidenceRequests) request.responded = true;
          }
          break;
        case 'evidence-request':
          current.evidenceRequests.push({
            requestId: uuidFrom(seed('evidence')),
            issuedAt: at,
            dueAt: filingDay + action.dueDay * DAY,
            responded: false,
          });
          break;
      }
    });
  });
  return record;
}

/** When USCIS says an event happened: the step's time, or a stated day (backdating) and time of day. */
function statedEventTime(action: { eventDay?: number; eventTime?: string }, step: ScenarioStep, filingDay: number, at: number): number {
  if (action.eventTime !== undefined) {
    const [h = 0, m = 0] = action.eventTime.split(':').map(Number);
    return filingDay + Math.floor(action.eventDay ?? step.day) * DAY + h * HOUR + m * 60_000;
  }
  return action.eventDay === undefined ? at : at - (step.day - action.eventDay) * DAY;
}

/** receipt_details.subtype when the scenario gives none: "147-C3" was seen on an I-765; the I-821D's is a guess. */
function defaultSubtype(formType: string): string {
  return formType === 'I-765' ? '147-C3' : 'DACA-R';
}

/** Titles such as "We received your Form {form}." name the case's form. */
function withFormInTitle(wording: StatusWording, formType: string): StatusWording {
  const fill = (title: string) => title.replaceAll('{form}', formType);
  return { ...wording, title: { en: fill(wording.title.en), es: fill(wording.title.es) } };
}

function wordingFor(key: string): StatusWording {
  if (!isStatusWordingKey(key)) throw new Error(`Scenario uses unknown status wording "${key}"`);
  return STATUS_WORDING[key];
}

/** Midnight UTC of the filing day, for a clock instant that sits `startDay` days into the story. */
export function filingDayFor(clockNow: number, startDay: number): number {
  const filing = clockNow - startDay * DAY;
  return filing - (((filing % DAY) + DAY) % DAY);
}
