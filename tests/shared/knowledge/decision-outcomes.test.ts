// Decisions other than approval (MYUSCIS.md "Seen since"): each title and code read as the decision it is, in
// English and Spanish, with what it means for DACA and the work permit and what people do next; H008 as a status
// code reads as its title says; the pair and the stage guide call such a case decided; stored findings stay readable.

import { describe, expect, it } from 'vitest';
import { wordFinding } from '../../../engine/notification-policy';
import { detectCaseFindings } from '../../../engine/detect';
import { salvageState } from '../../../engine/store/salvage';
import { readCase } from '../../../shared/knowledge/case-reading';
import { explainCode } from '../../../shared/knowledge/codes';
import { pairVerdict } from '../../../shared/knowledge/daca-pair';
import { FIND_LEGAL_SERVICES_URL, OUTCOME_WORDS } from '../../../shared/knowledge/decision-outcomes';
import { stageAheadOfTitle } from '../../../shared/knowledge/stage-guide';
import { ENDING_STAGES, isApprovedStage, isEndingStage } from '../../../shared/knowledge/stages';
import { explainStatus } from '../../../shared/knowledge/status-titles';
import { FindingSchema, type Finding } from '../../../shared/monitor/findings';
import { mergeReading } from '../../../shared/monitor/merge-reading';
import { STATE_VERSION } from '../../../shared/monitor/state';
import { CaseDetailSchema, CaseStatusSchema } from '../../../shared/myuscis/schemas';

const LANGUAGES = ['en', 'es'] as const;
const RECEIPT = 'IOE0912345678';

const status = (code: string, title: string, titleSpanish?: string, date = '2026-09-01T14:00:00.000Z') =>
  CaseStatusSchema.parse({ receiptNumber: RECEIPT, formType: 'I-821D', currentActionCode: code, currentActionCodeDate: date, statusTitle: title, statusTitleSpanish: titleSpanish, historicalCaseStatuses: [] });
const detail = (events: unknown[] = [], notices: unknown[] = []) =>
  CaseDetailSchema.parse({ receiptNumber: RECEIPT, formType: 'I-821D', submissionDate: '2026-05-01', events, notices });

describe('the titles of decisions other than approval', () => {
  it.each([
    ['Case Was Denied', 'Caso Fue Denegado', 'denied'],
    ['Case Was Denied And My Decision Was Emailed', 'Denegamos Su Caso', 'denied'],
    ['Case Was Rejected', 'Caso Fue Rechazado', 'rejected'],
    ['Case Was Terminated', 'Caso Fue Terminado', 'terminated'],
    ['Your Case Was Terminated (Denial)', 'Su Caso Fue Terminado (Denegación)', 'terminated'],
    ['Withdrawal Acknowledgement Notice Was Sent', 'Se Envió un Aviso de Confirmación de Retiro', 'withdrawn'],
    ['Case Was Administratively Closed', 'Caso Fue Cerrado Administrativamente', 'admin-closed'],
  ] as const)('%j (%j) is %s: a decision, with its meaning and what to do next, in both languages', (en, es, stage) => {
    for (const title of [en, es, en.toUpperCase(), `${en}.`]) {
      for (const lang of LANGUAGES) {
        const read = explainStatus(title, lang);
        expect(read).toMatchObject({ match: 'official', stage });
        expect(read.explanation).toBe(OUTCOME_WORDS[stage].meaning[lang]);
        expect(read.next).toContain(FIND_LEGAL_SERVICES_URL);
        expect(read.next).toContain(lang === 'en' ? 'This is information, not legal advice.' : 'Esto es información, no asesoría legal.');
        expect(read.explanation).toMatch(lang === 'en' ? /DACA.*work permit/ : /DACA.*permiso de trabajo/);
      }
    }
    expect(isEndingStage(stage)).toBe(true);
    expect(isApprovedStage(stage)).toBe(false);
  });

  it('says what each decision means plainly, in English and natural Spanish', () => {
    expect(OUTCOME_WORDS.rejected.meaning.en).toMatch(/not accepted/);
    expect(OUTCOME_WORDS.rejected.next.en).toMatch(/check the fee and the forms, and file again/);
    expect(OUTCOME_WORDS.terminated.meaning.en).toMatch(/ends deferred action/);
    expect(OUTCOME_WORDS.withdrawn.meaning.en).toMatch(/withdrawn/);
    expect(OUTCOME_WORDS['admin-closed'].meaning.en).toMatch(/without a decision/);
    expect(OUTCOME_WORDS.rejected.meaning.es).toMatch(/no fue aceptada/);
    expect(OUTCOME_WORDS.terminated.meaning.es).toMatch(/pone fin a la acción diferida/);
    for (const stage of ENDING_STAGES) {
      for (const lang of LANGUAGES) {
        expect(OUTCOME_WORDS[stage].next[lang]).toMatch(lang === 'en' ? /lawyer or a legal-aid organisation/ : /abogado o con una organización de ayuda legal/);
        expect(OUTCOME_WORDS[stage].next[lang]).toMatch(lang === 'en' ? /expiry date/ : /fecha de vencimiento/);
      }
      expect(OUTCOME_WORDS[stage].meaning.es).not.toBe(OUTCOME_WORDS[stage].meaning.en);
    }
  });
});

describe('the codes of decisions other than approval', () => {
  it('H016 is a termination; EX, EZ, AF and their family codes a decision other than approval, never unknown', () => {
    for (const lang of LANGUAGES) {
      expect(explainCode('H016', lang)).toMatchObject({ stage: 'terminated', source: 'built-in' });
      for (const code of ['EX', 'EZ', 'AF', 'EX1', 'AF0', 'EZA']) expect(explainCode(code, lang), code).toMatchObject({ stage: 'ended', source: 'built-in' });
      expect(explainCode('EA', lang).stage).toBe('denied');
    }
    expect(explainCode('H016', 'es').explanation).toMatch(/acción diferida/);
  });
});

describe('H008 as the status code', () => {
  it('with an approval title ("Case Approved") is an approval; among the events it keeps its disputed reading', () => {
    const reading = readCase('I-821D', { status: status('H008', 'Case Approved', 'Caso Aprobado'), detail: detail() }, {});
    expect(reading.stage).toBe('approved');
    expect(reading.signals.filter((s) => s.evidence.kind === 'code').map((s) => s.stage)).toEqual(['approved']);
    expect(reading.signals.some((s) => s.step === 'reused')).toBe(false);
    const asEvent = readCase('I-821D', { detail: detail([{ eventCode: 'H008', eventTimestamp: '2026-06-01T10:00:00Z' }]) }, {});
    expect(asEvent.signals.find((s) => s.evidence.kind === 'code')).toMatchObject({ stage: 'biometrics', step: 'reused' });
    const before = mergeReading(null, { at: Date.parse('2026-08-01T00:00:00Z'), status: status('FTA0', 'Case Is Being Actively Reviewed By USCIS') });
    const after = mergeReading(before, { at: Date.parse('2026-09-02T00:00:00Z'), status: status('H008', 'Case Approved') });
    const findings = detectCaseFindings(before, after, { receipt: RECEIPT, formType: 'I-821D', now: Date.parse('2026-09-02T00:00:00Z'), learned: {} });
    expect(findings.map((f) => f.type)).toEqual(['approved']);
  });

  it('learned from the I-821D\'s "Case Approved", it never turns the I-765\'s old H008 event (a biometrics reuse) into an approval', () => {
    const reuse = [{ eventCode: 'H008', eventTimestamp: '2026-05-10T14:30:00Z' }];
    const i821d = { status: status('H008', 'Case Approved', 'Caso Aprobado'), detail: detail(reuse), documents: [] };
    const i765 = { status: status('FTA0', 'Case Is Being Actively Reviewed By USCIS'), detail: detail(reuse), documents: [] };
    const verdict = pairVerdict(i821d, i765, '2026-09-03');
    expect(verdict.kind).toBe('deferred-action-approved');
    expect(verdict.stages).toEqual({ i821d: 'approved', i765: 'review' });
    expect(verdict.i821dApprovedByInference).toBe(false);
  });
});

describe('detection, the pair and the stage guide', () => {
  const at = (iso: string) => Date.parse(iso);
  const review = mergeReading(null, { at: at('2026-08-01T00:00:00Z'), detail: detail(), status: status('FTA0', 'Case Is Being Actively Reviewed By USCIS'), documents: [] });

  it('a termination is one case-ended finding (no status change, no approval), found once', () => {
    const next = mergeReading(review, { at: at('2026-09-02T00:00:00Z'), status: status('H016', 'Your Case Was Terminated (Denial)') });
    const context = { receipt: RECEIPT, formType: 'I-821D', now: at('2026-09-02T00:00:00Z'), learned: {} };
    const findings = detectCaseFindings(review, next, context);
    expect(findings.map((f) => [f.type, f.detail.outcome])).toEqual([['case-ended', 'terminated']]);
    const again = mergeReading(next, { at: at('2026-09-02T03:00:00Z'), status: status('H016', 'Your Case Was Terminated (Denial)') });
    expect(detectCaseFindings(next, again, { ...context, now: at('2026-09-02T03:00:00Z') })).toEqual([]);
  });

  it.each([
    ['Case Was Rejected', 'rejected'],
    ['Withdrawal Acknowledgement Notice Was Sent', 'withdrawn'],
    ['Case Was Administratively Closed', 'admin-closed'],
  ] as const)('%j on the I-821D: the pair is decided (%s), not pending, in both languages', (title, kind) => {
    const verdict = pairVerdict({ detail: detail(), status: status('XYZ9', title), documents: [] }, { detail: detail(), status: status('FTA0', 'Case Is Being Actively Reviewed By USCIS'), documents: [] }, '2026-09-03');
    expect(verdict.kind).toBe(kind);
    expect(verdict.stages.i821d).toBe(kind);
    expect(verdict.pending?.decided ?? true).toBe(true);
    expect(verdict.explanation.en).toContain(FIND_LEGAL_SERVICES_URL);
    expect(verdict.explanation.es).toContain('no asesoría legal');
    expect(verdict.i821dApprovedByInference).toBe(false);
  });

  it('a termination code alone while the title lags: the guide speaks for it; once the title says it, the title does', () => {
    const guide = stageAheadOfTitle('terminated', 'review');
    expect(guide?.explanation.en).toMatch(/terminated/);
    expect(guide?.next.es).toContain(FIND_LEGAL_SERVICES_URL);
    expect(stageAheadOfTitle('terminated', 'terminated')).toBeUndefined();
    expect(stageAheadOfTitle('rejected', 'denied')).toBeUndefined();
  });
});

describe('notifications of decisions other than approval', () => {
  const finding = (type: Finding['type'], outcome?: string): Finding => FindingSchema.parse({
    key: `${RECEIPT}:${type}`, type, receipt: RECEIPT, foundAt: '2026-09-02T00:00:00.000Z',
    detail: { title: 'Your Case Was Terminated (Denial)', code: 'H016', ...(outcome ? { outcome } : {}) },
  });

  it.each([['denied'], ...ENDING_STAGES.filter((s) => s !== 'denied').map((s) => ['case-ended', s]), ['case-ended', 'some-future-outcome']])(
    '%s %s: high priority, fits a notification, says who helps and that it is not legal advice, in both languages',
    (type, outcome) => {
      for (const language of LANGUAGES) {
        const n = wordFinding(finding(type as Finding['type'], outcome), { language, maskReceipts: false, formTypes: { [RECEIPT]: 'I-821D' } });
        expect(n.priority).toBe('high');
        expect(n.body.length).toBeLessThanOrEqual(500);
        expect(n.body).toContain(FIND_LEGAL_SERVICES_URL);
        expect(n.body).toContain(language === 'en' ? 'not legal advice' : 'no asesoría legal');
        expect(n.title).not.toMatch(/was approved|fue aprobado/i);
      }
    },
  );
});

describe('stored findings', () => {
  it('an old file reads as before; an unknown future finding type is dropped by salvage, never a crash; an unknown outcome reads', () => {
    const good = { key: `${RECEIPT}:case-ended`, type: 'case-ended', receipt: RECEIPT, foundAt: '2026-09-02T00:00:00.000Z', detail: { outcome: 'reopened-someday', evidence: [] } };
    const future = { ...good, key: `${RECEIPT}:future`, type: 'case-reopened' };
    const { state } = salvageState({ version: STATE_VERSION, history: [good, future] });
    expect(state.history.map((f) => f.type)).toEqual(['case-ended']);
    expect(state.history[0]!.detail.outcome).toBe('reopened-someday');
  });
});
