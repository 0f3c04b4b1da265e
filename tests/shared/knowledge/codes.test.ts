// The code dictionary against MYUSCIS.md's list: every code's stage and confidence in both languages, the disputed
// codes' two readings, the fallback for codes in no list, and pairings learned from case_status outranking it all.

import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/localized';
import { KNOWN_CODES, codeInWords, explainCode } from '../../../shared/knowledge/codes';
import { describeEvidence } from '../../../shared/knowledge/daca-pair';
import { Narration } from '../../../scripts/headless-narration';
import { emptyState } from '../../../shared/monitor/state';
import type { LearnedTitles } from '../../../shared/knowledge/learned-titles';
import type { Confidence, Stage, Step } from '../../../shared/knowledge/stages';

/** Every code in MYUSCIS.md's "Event codes" list, with the stage and confidence DACA Watch gives it. */
const CODES: Array<[code: string, stage: Stage, confidence: Confidence, step?: Step]> = [
  ['IAF', 'filed', 'community'],
  ['IAA', 'filed', 'community'],
  ['H001', 'filed', 'community'],
  // Runs on every case a day after filing: intake, not review.
  ['FSA0', 'filed', 'community'],
  ['FTA0', 'review', 'community'],
  ['FTA1', 'review', 'disputed'],
  ['FNA', 'biometrics', 'community', 'scheduled'],
  ['IMAF', 'biometrics', 'community', 'scheduled'],
  ['IMAG', 'biometrics', 'community', 'scheduled'],
  ['FNB', 'biometrics', 'official', 'taken'],
  ['MA70', 'biometrics', 'community', 'taken'],
  ['H008', 'biometrics', 'disputed', 'reused'],
  ['FH', 'review', 'community'],
  ['FHB', 'review', 'community'],
  ['FJ', 'review', 'community'],
  ['IM', 'review', 'community'],
  ['HG', 'review', 'community'],
  ['FBA', 'evidence-request', 'community', 'request'],
  ['IK', 'evidence-request', 'community', 'request'],
  ['IKA', 'evidence-request', 'community', 'request'],
  ['HA', 'evidence-request', 'official', 'response'],
  ['II', 'evidence-request', 'community', 'request'],
  ['DA', 'approved', 'official'],
  // In no published list; seen live with an "approved" title.
  ['SA', 'approved', 'community'],
  ['DB', 'approved', 'community'],
  ['IEA', 'approved', 'community'],
  ['IEE', 'approved', 'community'],
  ['IEC', 'approved', 'community'],
  ['LAA', 'card-ordered', 'community'],
  ['LBA', 'card-ordered', 'community'],
  ['LDA', 'card-produced', 'official'],
  ['LEA', 'card-mailed', 'official'],
  ['LEE', 'card-mailed', 'official'],
  ['LED', 'card-delivered', 'official'],
  ['LFA', 'card-returned', 'official'],
  ['EA', 'denied', 'community'],
  ['IFA', 'denied', 'community'],
  ['H016', 'terminated', 'community'],
  ['EX', 'ended', 'community'],
  ['EZ', 'ended', 'community'],
  ['AF', 'ended', 'community'],
  ['FS', 'hold', 'community'],
  // Lifting a hold puts the case back in review.
  ['FR', 'review', 'community'],
  ['KH', 'hold', 'community'],
  ['BA', 'transfer', 'community'],
  ['BC', 'transfer', 'community'],
  // "More codes" of MYUSCIS.md's "Seen in real captures" section.
  ['APR0', 'approved', 'community'],
  ['RCV0', 'filed', 'community'],
  ['IAK', 'evidence-request', 'community', 'request'],
];

/** MYUSCIS.md's "Unverified codes from peers' lists": named as unverified, moving no stage. */
const UNVERIFIED = ['PRB0', 'INT0', 'RFE0', 'NTR0', 'NOID', 'DNY0', 'C1SC', 'PRD0', 'CRD0', 'WCD0', 'FT0', 'FNG', 'FNH', 'FKA', 'FM', 'FBB', 'HB', 'LFB', 'LFC', 'MBC', 'AALB'];

describe('the code dictionary', () => {
  it('knows exactly the codes MYUSCIS.md lists', () => {
    expect([...KNOWN_CODES].sort()).toEqual([...CODES.map(([code]) => code), ...UNVERIFIED].sort());
  });

  it.each(CODES)('%s: stage %s, confidence %s, in English and Spanish', (code, stage, confidence, step) => {
    const [en, es] = LANGUAGES.map((lang) => explainCode(code, lang));
    for (const explained of [en, es]) {
      expect(explained).toMatchObject({ code, stage, confidence, step, source: 'built-in' });
      expect(explained!.title.trim().length).toBeGreaterThan(2);
      expect(explained!.explanation.trim().length).toBeGreaterThan(30);
    }
    expect(es!.title).not.toBe(en!.title);
    expect(es!.explanation).not.toBe(en!.explanation);
  });

  it.each(['H008', 'FTA1'])('%s is disputed and gives both readings in both languages', (code) => {
    for (const lang of LANGUAGES) {
      const { readings, explanation } = explainCode(code, lang);
      expect(readings).toHaveLength(2);
      const [first = '', second = ''] = readings ?? [];
      expect(first).not.toBe(second);
      // The explanation carries both readings, not only the first.
      expect(explanation.toLowerCase()).toContain(first.slice(0, 30).toLowerCase());
      expect(explanation.toLowerCase()).toContain(second.slice(0, 30).toLowerCase());
    }
    expect(explainCode('H008', 'en').readings?.join(' ')).toMatch(/reused.*approved/s);
    expect(explainCode('H008', 'es').readings?.join(' ')).toMatch(/reutilizó.*aprobaron/s);
  });

  it.each(UNVERIFIED)('%s is named as listed by trackers but unverified (never unknown), and moves no stage', (code) => {
    const [en, es] = LANGUAGES.map((lang) => explainCode(code, lang));
    expect(en).toMatchObject({ code, source: 'built-in', stage: 'other', confidence: 'community' });
    expect(en!.title).toContain('unverified');
    expect(es!.title).toContain('sin verificar');
    for (const explained of [en!, es!]) expect(`${explained.title} ${explained.explanation}`).not.toMatch(/unknown|desconocid|does not know|no conoce/i);
    expect(en!.explanation).toMatch(/not as a decision/);
  });

  it('reads APR0 as a likely approval, hedged in both languages, never as certain', () => {
    const [en, es] = LANGUAGES.map((lang) => explainCode('APR0', lang));
    expect(en).toMatchObject({ hedged: true, stage: 'approved', confidence: 'community' });
    expect(en!.explanation).toMatch(/trackers have seen with approvals/);
    expect(en!.explanation).toMatch(/not a confirmed decision/);
    expect(es!.explanation).toMatch(/no una decisión confirmada/);
    // A reported code, not a hedged one: SA, DA.
    expect(explainCode('DA', 'en').hedged).toBeUndefined();
  });

  it('says H008 on a case past biometrics is at most a hint, not a decision', () => {
    expect(explainCode('H008', 'en').explanation).toMatch(/past biometrics it is at most a hint/);
    expect(explainCode('H008', 'es').explanation).toMatch(/como mucho es una señal/);
  });

  it('says SA is in no published list but was seen with an approved title', () => {
    expect(explainCode('SA', 'en').explanation).toMatch(/no published list.*approved/);
    expect(explainCode('SA', 'es').explanation).toMatch(/ninguna lista publicada.*aprobado/);
  });

  it('reads codes whatever their case and spacing', () => {
    expect(explainCode(' fta0 ', 'en')).toEqual(explainCode('FTA0', 'en'));
    expect(explainCode('l d a', 'es').stage).toBe('card-produced');
  });

  it.each([
    ['XRZ1', 'XRZ1'],
    [' xrz1\n', 'XRZ1'],
    ['QQQ9', 'QQQ9'],
  ])('falls back for the unknown code %j, naming it in both languages', (code, shown) => {
    for (const lang of LANGUAGES) {
      const explained = explainCode(code, lang);
      expect(explained).toMatchObject({ code: shown, source: 'fallback', confidence: 'unknown', stage: 'other' });
      expect(explained.title).toContain(shown);
      expect(explained.explanation).toContain(shown);
    }
    expect(explainCode(code, 'es').explanation).not.toBe(explainCode(code, 'en').explanation);
  });

  it('does not crash on an empty code, and still explains what to go by', () => {
    expect(explainCode('', 'en')).toMatchObject({ code: '', source: 'fallback', stage: 'other', title: 'Unknown code (empty)' });
    expect(explainCode('   ', 'es').explanation).toMatch(/título del estatus/);
  });
});

describe('pairings learned from case_status', () => {
  const learned: LearnedTitles = {
    SA: { en: 'Case Was Approved', es: 'Caso Fue Aprobado' },
    H008: { en: 'Case Was Updated To Show Fingerprints Were Taken' },
    FS: { en: 'Case Is On Hold Pending A Policy Decision' },
    XRZ1: { en: 'Case Remains Pending', es: 'El Caso Sigue Pendiente' },
  };

  it('outrank the built-in reading in both languages when USCIS sent both titles', () => {
    expect(explainCode('SA', 'en', learned)).toMatchObject({
      source: 'learned', confidence: 'official', stage: 'approved', title: 'Case Was Approved',
    });
    expect(explainCode('SA', 'es', learned)).toMatchObject({
      source: 'learned', confidence: 'official', stage: 'approved', title: 'Caso Fue Aprobado',
    });
    expect(explainCode('sa', 'es', learned).explanation).not.toBe(explainCode('SA', 'es').explanation);
  });

  it('settle a disputed code: the official pairing replaces both readings', () => {
    const explained = explainCode('H008', 'en', learned);
    expect(explained).toMatchObject({ source: 'learned', confidence: 'official', stage: 'biometrics', step: 'taken' });
    expect(explained.readings).toBeUndefined();
    // A known English title brings its known Spanish twin along.
    expect(explainCode('H008', 'es', learned).title).toBe('Se Actualizó el Caso para Indicar que se Tomaron las Huellas Dactilares');
  });

  it('in English only: the learned English title, the built-in Spanish explanation', () => {
    const en = explainCode('FS', 'en', learned);
    const es = explainCode('FS', 'es', learned);
    expect(en).toMatchObject({ source: 'learned', confidence: 'official', stage: 'hold', title: 'Case Is On Hold Pending A Policy Decision' });
    expect(en.explanation).toBe(explainCode('FS', 'en').explanation);
    expect(es.title).toBe('Case Is On Hold Pending A Policy Decision');
    expect(es.explanation).toBe(explainCode('FS', 'es').explanation);
  });

  it('explain a code in no list by the title USCIS showed with it', () => {
    expect(explainCode('XRZ1', 'en', learned)).toMatchObject({ source: 'learned', confidence: 'official', stage: 'other', title: 'Case Remains Pending' });
    expect(explainCode('XRZ1', 'en', learned).explanation).toContain('“Case Remains Pending”');
    expect(explainCode('XRZ1', 'es', learned).explanation).toContain('«El Caso Sigue Pendiente»');
  });

  it('leave codes they do not mention alone', () => {
    expect(explainCode('DA', 'en', learned)).toEqual(explainCode('DA', 'en'));
  });
});

describe('a code in a plain sentence (codeInWords): named once with its meaning, and how sure, once', () => {
  /** Two parentheses side by side, one inside another, or the same hedge said twice. */
  const doubled = /\)\s*\(|\([^()]*\(|(disputed?|disagree|incierto|no está claro|no coinciden|reported|según reportes).*(disputed?|disagree|incierto|no está claro|no coinciden|reported|según reportes)/i;
  const CONFIDENCES = ['official', 'community', 'disputed', 'unknown', 'inferred'] as const;
  const every = [...KNOWN_CODES, 'ZZ99'];

  it.each(every)('%s, in both languages, on either case and with any confidence', (code) => {
    for (const lang of LANGUAGES) {
      for (const form of [undefined, 'I-821D', 'I-765'] as const) {
        const sentence = codeInWords(code, lang, { form });
        expect(sentence).toMatch(lang === 'en' ? /^USCIS’s internal code / : /^el código interno de USCIS /);
        expect(sentence).not.toMatch(doubled);
        // The code once, and its meaning beside it, not a bare "SA, Approved (reported)".
        expect(sentence.match(new RegExp(`\\b${code}\\b`, 'g'))).toHaveLength(1);
        expect(sentence).toMatch(new RegExp(`code ${code} \\(|código interno de USCIS ${code} \\(`));
      }
      for (const confidence of CONFIDENCES) {
        const phrase = describeEvidence({ kind: 'code', form: 'I-765', what: { en: code, es: code }, confidence }, lang);
        expect(phrase).not.toMatch(doubled);
        expect(phrase).toContain(lang === 'en' ? 'on the work permit case (I-765)' : 'en el caso del permiso de trabajo (I-765)');
      }
    }
  });

  it('says the examples of the issue plainly: LED on the I-765, SA, FTA1 and H008', () => {
    expect(codeInWords('LED', 'en', { form: 'I-765' })).toMatch(/^USCIS’s internal code LED \([a-z][^()]+\) on the work permit case \(I-765\)$/);
    expect(codeInWords('SA', 'en')).toBe('USCIS’s internal code SA (approved, as public trackers report it)');
    expect(codeInWords('SA', 'es')).toBe('el código interno de USCIS SA (aprobado, según los sitios de seguimiento)');
    expect(codeInWords('FTA1', 'en')).toBe('USCIS’s internal code FTA1 (further review, though trackers disagree on its meaning)');
    expect(codeInWords('H008', 'es')).toBe('el código interno de USCIS H008 (datos biométricos reutilizados, aunque los sitios de seguimiento no coinciden en su significado)');
    expect(codeInWords('PRB0', 'en')).toBe('USCIS’s internal code PRB0 (a step trackers list, unverified)');
    expect(codeInWords('ZZ99', 'en')).toBe('USCIS’s internal code ZZ99 (one DACA Watch does not know yet)');
    expect(codeInWords('FTA0', 'en', { learned: { FTA0: { en: 'Case Is Being Actively Reviewed By USCIS' } } })).toBe(
      'USCIS’s internal code FTA0 (shown by USCIS as “Case Is Being Actively Reviewed By USCIS”)',
    );
  });

  it.each(every)('%s: the terminal tells a new step as a sentence, not "CODE, Title (hedge)"', (code) => {
    for (const lang of LANGUAGES) {
      const narration = new Narration({ lang, verbose: false, state: emptyState, now: () => Date.parse('2026-08-12T15:00:00Z') });
      const [line] = narration.event({ kind: 'finding', receipt: 'IOE0933012458', type: 'new-event', detail: { code, evidence: [] }, key: `k-${code}`, inferred: false } as never);
      expect(line).not.toMatch(new RegExp(`${code}, `));
      expect(line).not.toMatch(doubled);
      expect(line).toContain(lang === 'en' ? `internal code ${code} (` : `código interno de USCIS ${code} (`);
    }
  });
});
