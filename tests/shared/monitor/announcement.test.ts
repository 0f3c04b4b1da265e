// One fact, one notification, decided in one place: which findings are announced, which a check's other findings
// already tell, what is unseen (the tray's count and the dashboard's news), and one news entry per change.

import { describe, expect, it } from 'vitest';
import { coveredInCheck, isDecisionKey, newsEntries, shouldNotify, unseenAnnouncedCount, unseenFindings } from '../../../shared/monitor/announcement';
import { FindingSchema, type FindingInput } from '../../../shared/monitor/findings';
import { SettingsSchema } from '../../../shared/monitor/state';

const I821D = 'IOE0933012457';
const I765 = 'IOE0933012458';
const finding = (input: Partial<FindingInput> & Pick<FindingInput, 'type'>) =>
  FindingSchema.parse({ key: `${input.type}:${input.foundAt}`, receipt: I765, foundAt: '2026-06-01T00:00:00.000Z', ...input });
const defaults = SettingsSchema.parse({});

describe('coveredInCheck', () => {
  const approval = finding({ key: `${I765}:silent-approval`, type: 'silent-approval', detail: { documentType: 'I-765 Approval Notice', evidence: ['document'] } });
  const document = finding({ key: `${I765}:document:approval`, type: 'new-document', detail: { documentType: 'I-765 Approval Notice', source: 'uscis', evidence: [] } });

  it('lets a decision tell the document and the notice of its case found in the same check', () => {
    const notice = finding({ key: `${I765}:notice:n1`, type: 'new-notice', detail: { documentType: 'Approval', evidence: [] } });
    const elsewhere = finding({ key: `${I821D}:document:receipt`, type: 'new-document', receipt: I821D, detail: { documentType: 'Receipt Notice', source: 'uscis', evidence: [] } });
    expect([...coveredInCheck([approval, document, notice, elsewhere], new Set())].sort()).toEqual([document.key, notice.key].sort());
  });

  it('lets a document tell the mailed notice of the same words, without a decision', () => {
    const pdf = finding({ key: `${I765}:document:interview`, type: 'new-document', detail: { documentType: 'Interview Scheduled', source: 'uscis', evidence: [] } });
    const same = finding({ key: `${I765}:notice:i1`, type: 'new-notice', detail: { documentType: 'interview  scheduled', evidence: [] } });
    const other = finding({ key: `${I765}:notice:i2`, type: 'new-notice', detail: { documentType: 'Biometrics Appointment', evidence: [] } });
    const unnamed = finding({ key: `${I765}:notice:i3`, type: 'new-notice', detail: { evidence: [] } });
    expect([...coveredInCheck([pdf, same, other, unnamed], new Set())]).toEqual([same.key]);
  });

  it('lets an I-821D approval told by inference from the I-765 cover its own silent approval, then or later', () => {
    const own = finding({ key: `${I821D}:silent-approval`, type: 'silent-approval', receipt: I821D, detail: { evidence: ['document'] } });
    const inferred = finding({ key: `${I821D}:i821d-approved-inferred`, type: 'i821d-approved-inferred', receipt: I821D, inferred: true });
    expect([...coveredInCheck([own], new Set([inferred.key]))]).toEqual([own.key]);
    expect([...coveredInCheck([own, inferred], new Set())]).toEqual([own.key]);
    expect([...coveredInCheck([own], new Set())]).toEqual([]);
  });
});

describe('the ledger\'s decisions', () => {
  it('knows the keys that must never be told twice: decisions, the sign-in request and reminders', () => {
    expect(isDecisionKey(`${I765}:card-mailed`)).toBe(true);
    expect(isDecisionKey('session-expired:2026-06-01T00:00:00.000Z')).toBe(true);
    expect(isDecisionKey('reminder:window-opens:2026-06-01')).toBe(true);
    expect(isDecisionKey(`${I765}:document:Receipt Notice`)).toBe(false);
    expect(isDecisionKey(`${I765}:status:Case Was Received`)).toBe(false);
  });
});

describe('unseenFindings', () => {
  const history = ['2026-06-01T10:00:00.000Z', '2026-06-02T10:00:00.000Z', '2026-06-03T10:00:00.000Z']
    .map((foundAt) => finding({ type: 'new-event', foundAt }));

  it('keeps what was found after the seen mark, newest first', () => {
    expect(unseenFindings(history, '2026-06-01T10:00:00.000Z').map((f) => f.foundAt)).toEqual(['2026-06-03T10:00:00.000Z', '2026-06-02T10:00:00.000Z']);
    expect(unseenFindings(history, null)).toHaveLength(3);
    expect(unseenFindings(history, '2026-06-03T10:00:00.000Z')).toEqual([]);
  });

  it('counts for the tray only the unseen findings that are announced', () => {
    const told = finding({ type: 'approved', foundAt: '2026-06-04T10:00:00.000Z' });
    const touched = finding({ type: 'case-touched', foundAt: '2026-06-04T10:00:00.000Z' });
    const upload = finding({ type: 'new-document', foundAt: '2026-06-04T10:00:00.000Z', detail: { source: 'applicant', evidence: [] } });
    const all = [...history, told, touched, upload];
    expect(shouldNotify(told, defaults)).toBe(true);
    expect(unseenAnnouncedCount(all, '2026-06-03T10:00:00.000Z', defaults)).toBe(1);
    expect(unseenAnnouncedCount(all, '2026-06-04T10:00:00.000Z', defaults)).toBe(0);
    // New events notify when the user asks for them: then the older ones count too.
    expect(unseenAnnouncedCount(all, null, { notify: { ...defaults.notify, 'new-event': true } })).toBe(4);
  });
});

describe('newsEntries: one entry per real-world change', () => {
  const check = '2026-06-02T15:00:00.000Z';
  const approvalDocument = 'I-765 C33 Standalone Approval';

  it('folds the new document into the silent approval it shows, whatever order the history lists them in', () => {
    const silent = finding({ key: 'a', type: 'silent-approval', foundAt: check, detail: { documentType: approvalDocument, evidence: ['document'] } });
    const document = finding({ key: 'd', type: 'new-document', foundAt: check, detail: { documentType: approvalDocument, source: 'uscis', evidence: [] } });
    for (const order of [[silent, document], [document, silent]]) {
      const entries = newsEntries(unseenFindings(order, null));
      expect(entries.map((entry) => [entry.head.type, entry.folded.map((f) => f.type)])).toEqual([['silent-approval', ['new-document']]]);
    }
  });

  it('folds the event code into the card step it reports, and the routine touch of the same check', () => {
    const mailed = finding({ key: 'm', type: 'card-mailed', foundAt: check, detail: { code: 'LEA', evidence: ['event'] } });
    const event = finding({ key: 'e', type: 'new-event', foundAt: check, detail: { code: 'LEA', evidence: [] } });
    const touched = finding({ key: 't', type: 'case-touched', foundAt: check, detail: { evidence: [] } });
    const [entry, ...rest] = newsEntries(unseenFindings([event, mailed, touched], null));
    expect(rest).toEqual([]);
    expect(entry!.head.type).toBe('card-mailed');
    expect(entry!.folded.map((f) => f.type).sort()).toEqual(['case-touched', 'new-event']);
  });

  it('keeps two decisions apart, and the same change on the other case apart', () => {
    const produced = finding({ key: 'p', type: 'card-produced', foundAt: check, detail: { code: 'LDA', evidence: ['event'] } });
    const approved = finding({ key: 'a', type: 'approved', foundAt: check, detail: { title: 'Case Was Approved', evidence: ['title'] } });
    const otherCase = finding({ key: 'o', type: 'new-event', receipt: I821D, foundAt: check, detail: { code: 'LDA', evidence: [] } });
    expect(newsEntries(unseenFindings([produced, approved, otherCase], null))).toHaveLength(3);
  });

  it('lists entries newest first by time, not by the history’s order', () => {
    const older = finding({ key: 'o', type: 'rfe', foundAt: '2026-06-01T00:00:00.000Z', detail: { evidence: [] } });
    const newer = finding({ key: 'n', type: 'approved', foundAt: '2026-06-05T00:00:00.000Z', detail: { evidence: [] } });
    expect(newsEntries(unseenFindings([newer, older], null)).map((entry) => entry.key)).toEqual(['n', 'o']);
  });
});
