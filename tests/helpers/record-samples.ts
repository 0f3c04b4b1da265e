// Stored states for the two records (the lawyer's record, the employer's sheet): a DACA pair filed on one day, read
// at set times, with the permit's expiry and the new card's dates as given. Test data only; the dates are inputs and
// the tests compute what the records must say from them.

import { FindingSchema } from '../../shared/monitor/findings';
import { CaseSnapshotSchema, SettingsSchema, type AppState } from '../../shared/monitor/state';

export const RECORD_I821D = 'IOE0933012457';
export const RECORD_I765 = 'IOE0933012458';

export type RecordState = Pick<AppState, 'cases' | 'snapshots' | 'history' | 'settings'>;

export interface RecordSample {
  /** The day both forms were filed (YYYY-MM-DD). */
  filed: string;
  /** The current card's expiry as the user entered it; null: not entered. */
  permitExpiry: string | null;
  /** When the cases' content last changed (every part read then). */
  changedAt: string;
  /** When each case was last read well (a later check that changed nothing). */
  readAt: string;
  /** 'pending': both under review; 'approved': both approved, the I-765's approval on `approvedAt`; 'denied'. */
  outcome?: 'pending' | 'approved' | 'denied';
  approvedAt?: string;
  newCard?: { validFrom: string; expiry: string };
  maskReceipts?: boolean;
}

const REVIEW = 'Case Is Being Actively Reviewed By USCIS';

export function recordState(sample: RecordSample): RecordState {
  const { filed, changedAt, outcome = 'pending' } = sample;
  const approvedAt = sample.approvedAt ?? changedAt;
  const filedAt = `${filed}T13:00:00.000Z`;
  const reviewAt = '2026-10-01T13:00:00.000Z';
  const title = outcome === 'approved' ? 'Case Was Approved' : outcome === 'denied' ? 'Case Was Denied' : REVIEW;
  const code = outcome === 'approved' ? 'DA' : outcome === 'denied' ? 'EA' : 'FTA0';
  const lastAt = outcome === 'pending' ? reviewAt : approvedAt;
  const snapshot = (form: 'I-821D' | 'I-765') =>
    CaseSnapshotSchema.parse({
      detail: {
        at: changedAt,
        formType: form,
        submissionDate: filed,
        events: [
          { eventId: 'a', eventCode: 'IAF', eventTimestamp: filedAt },
          { eventId: 'b', eventCode: 'FTA0', eventTimestamp: reviewAt },
          ...(outcome === 'pending' ? [] : [{ eventId: 'c', eventCode: code, eventTimestamp: approvedAt }]),
        ],
        notices: [],
      },
      status: {
        at: changedAt,
        code,
        date: lastAt,
        title,
        history: [
          { date: filedAt, code: 'IAF', title: 'Case Was Received', titleSpanish: 'Caso Fue Recibido' },
          { date: reviewAt, code: 'FTA0', title: REVIEW },
          ...(outcome === 'pending' ? [] : [{ date: approvedAt, code, title }]),
        ],
      },
      documents: { at: changedAt, items: [{ type: 'Other', sourceType: 'Applicant Provided', createDate: `${filed}T13:05:00.000+0000` }] },
    });
  return {
    cases: [
      { receipt: RECORD_I821D, formType: 'I-821D', addedAt: filedAt, problem: null, readAt: sample.readAt },
      { receipt: RECORD_I765, formType: 'I-765', addedAt: filedAt, problem: null, readAt: sample.readAt },
    ],
    snapshots: { [RECORD_I821D]: snapshot('I-821D'), [RECORD_I765]: snapshot('I-765') },
    history: outcome === 'approved' ? [FindingSchema.parse({ key: `${RECORD_I765}:approved`, type: 'approved', receipt: RECORD_I765, foundAt: changedAt, happenedAt: approvedAt })] : [],
    settings: SettingsSchema.parse({
      permitExpiry: sample.permitExpiry,
      maskReceipts: sample.maskReceipts ?? false,
      ...(sample.newCard ? { newCardValidFrom: sample.newCard.validFrom, newCardExpiry: sample.newCard.expiry } : {}),
    }),
  };
}

/** A page's text as a reader sees it: no style, no tags, one space between words. */
export function pageText(html: string): string {
  return html.replace(/<style>[^<]*<\/style>/, '').replace(/<title>[^<]*<\/title>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');
}

/** Words that speak to the applicant (or anyone) in the second person, in English and Spanish. */
export const SECOND_PERSON = {
  en: /\byou(r|rs|'re|’re)?\b/i,
  es: /\busted(es)?\b|\bsu (renovación|permiso|tarjeta|caso|cuenta|solicitud)\b|no tiene que hacer nada/i,
} as const;
