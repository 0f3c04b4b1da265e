// Document classification: what each documents-list entry is for the user, by its type and source. Only a
// USCIS-generated document may count as a decision; an upload never does, whatever its name.

import { describe, expect, it } from 'vitest';
import { classifyDocument, type DocumentKind } from '../../../shared/knowledge/documents';

const USCIS = 'USCIS Generated';
const APPLICANT = 'Applicant Provided';

const DOCUMENTS: Array<[type: string | undefined, source: string | undefined, kind: DocumentKind]> = [
  ['I-765 C09 Standalone Approval', USCIS, 'approval'],
  ['I-765 C33 Standalone Approval', USCIS, 'approval'],
  ['I-821D Approval Notice', USCIS, 'approval'],
  ['I-765 C33 Approval Notice', 'uscis  generated', 'approval'],
  ['I-821D Denial Notice', USCIS, 'denial'],
  ['Decision: Application Denied', USCIS, 'denial'],
  ['Request for Evidence', USCIS, 'rfe'],
  ['Request For Additional Evidence', undefined, 'rfe'],
  // Says "deny", but asks for a response: a request, not a decision.
  ['Notice of Intent to Deny', USCIS, 'rfe'],
  ['Biometrics Reuse Notice', USCIS, 'biometrics-reuse'],
  ['Biometrics Re-use Notice', undefined, 'biometrics-reuse'],
  ['Appointment Scheduled', USCIS, 'appointment'],
  ['Biometrics Appointment Notice', USCIS, 'appointment'],
  ['Receipt Notice', USCIS, 'receipt'],
  ['Account Acceptance Notice', USCIS, 'receipt'],
  ['Other', APPLICANT, 'applicant-upload'],
  ['G-28', APPLICANT, 'applicant-upload'],
  // The applicant's copy of an old approval is evidence they uploaded, not a new decision.
  ['I-765 Approval Notice (2024)', APPLICANT, 'applicant-upload'],
  // A decision needs USCIS as its source.
  ['I-821D Approval Notice', undefined, 'other'],
  ['I-821D Denial Notice', 'Unknown Source', 'other'],
  ['Welcome Letter', USCIS, 'other'],
  [undefined, undefined, 'other'],
  ['', USCIS, 'other'],
];

describe('classifyDocument', () => {
  it.each(DOCUMENTS)('%j from %j is %s', (type, sourceType, kind) => {
    expect(classifyDocument({ type, sourceType })).toBe(kind);
  });
});
