// Document classification: what each documents-list entry is for the user, by its type and source. Only a
// USCIS-generated document may count as a decision; an upload never does, whatever its name.

import { describe, expect, it } from 'vitest';
import { classifyDocument, documentIdentity, isSameDocument, type DocumentKind } from '../../../shared/knowledge/documents';

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
  ['Notice of Intent to Terminate', USCIS, 'rfe'],
  // Decisions other than approval (MYUSCIS.md "Seen since").
  ['I-821D Termination Notice', USCIS, 'termination'],
  ['Termination Notice (Denial)', USCIS, 'termination'],
  ['I-821D Rejection Notice', USCIS, 'rejection'],
  ['Withdrawal Acknowledgement Notice', USCIS, 'withdrawal'],
  ['Administrative Closure Notice', USCIS, 'closure'],
  ['I-821D Rejection Notice', APPLICANT, 'applicant-upload'],
  ['Termination Notice', 'Unknown Source', 'other'],
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

describe('documents as USCIS names them (MYUSCIS.md, "Seen in real captures")', () => {
  it.each([
    // An approval by its type, whatever the form category.
    [{ type: 'I-765 C33 Standalone Approval', sourceType: USCIS, fileName: 'I-765 C33 Standalone Approval.pdf' }, 'approval'],
    [{ type: 'I-765 C09 Standalone Approval', sourceType: USCIS, fileName: 'I-765 C09 Standalone Approval.PDF' }, 'approval'],
    [{ type: 'I-765 C08 Standalone Approval', sourceType: USCIS }, 'approval'],
    // No sourceType, but named `<type>.pdf` as USCIS names what it generates: a USCIS document.
    [{ type: 'I-821D Approval Notice', fileName: 'I-821D Approval Notice.pdf' }, 'approval'],
    [{ type: 'Account Acceptance Notice', fileName: 'Account Acceptance Notice.pdf' }, 'receipt'],
    // No type: read by the file name.
    [{ fileName: 'I-765 C33 Standalone Approval.pdf', sourceType: USCIS }, 'approval'],
    [{ fileName: 'Appointment Scheduled.pdf', sourceType: USCIS }, 'appointment'],
    // An upload named like an approval is still the applicant's.
    [{ type: 'Other', sourceType: APPLICANT, fileName: 'IOE0000000000-0000000000000-part1.tif' }, 'applicant-upload'],
    // Without a source, a name that is not `<type>.pdf` proves nothing.
    [{ type: 'I-821D Approval Notice', fileName: 'scan-part1.tif' }, 'other'],
  ] as const)('%j is %s', (document, kind) => {
    expect(classifyDocument(document)).toBe(kind);
  });
});

describe('isSameDocument and documentIdentity', () => {
  const approval = { contentId: 'a'.repeat(43), type: 'I-765 C33 Standalone Approval', createDate: '2026-08-12T15:12:15.016Z', sourceType: USCIS, fileName: 'I-765 C33 Standalone Approval.pdf' };

  it('is the same document under a rotated contentId when type, createDate, source and file name agree', () => {
    const rotated = { ...approval, contentId: 'b'.repeat(43) };
    expect(isSameDocument(approval, rotated)).toBe(true);
    expect(documentIdentity(rotated)).toBe(documentIdentity(approval));
    expect(documentIdentity(approval)).not.toContain(approval.contentId);
  });

  it('is another document when any of the four differs, even under the same type', () => {
    expect(isSameDocument(approval, { ...approval, contentId: 'c'.repeat(43), createDate: '2026-08-13T15:12:15.016Z' })).toBe(false);
    expect(isSameDocument(approval, { ...approval, contentId: 'c'.repeat(43), fileName: 'part2.tif' })).toBe(false);
    expect(isSameDocument(approval, { ...approval, contentId: 'c'.repeat(43), sourceType: APPLICANT })).toBe(false);
  });

  it('is the same document under the same contentId, and tells id-only entries apart by id', () => {
    expect(isSameDocument({ contentId: 'x' }, { contentId: 'x', type: 'Other' })).toBe(true);
    expect(isSameDocument({ contentId: 'x' }, { contentId: 'y' })).toBe(false);
    expect(documentIdentity({ contentId: 'x' })).toBe('x');
  });
});
