// The notification policy: which findings interrupt, how urgently, in which words (English and
// Spanish, receipts masked on request), and quiet hours that cross midnight.

import { describe, expect, it } from 'vitest';
import { FINDING_TYPES, FindingSchema, type Finding, type FindingInput } from '../../shared/monitor/findings';
import { SettingsSchema } from '../../shared/monitor/state';
import { inQuietHours, signInAgainNotification, withWorkNote, wordFinding } from '../../engine/notification-policy';
import { addDays } from '../../shared/knowledge/calendar-days';
import { formatCivilDay } from '../../shared/knowledge/renewal-calendar';
import { shouldNotify } from '../../shared/monitor/announcement';

const I765 = 'IOE0933012458';
const finding = (input: Partial<FindingInput> & Pick<FindingInput, 'type'>): Finding =>
  FindingSchema.parse({ key: `${I765}:${input.type}`, receipt: I765, foundAt: '2026-08-12T15:20:00.000Z', ...input });
const defaults = SettingsSchema.parse({});
const context = { language: 'en' as const, maskReceipts: false, formTypes: { [I765]: 'I-765' } };

describe('which findings notify', () => {
  it('notifies decisions, documents from USCIS and card steps by default, never a bare touch or the applicant upload', () => {
    expect(shouldNotify(finding({ type: 'silent-approval' }), defaults)).toBe(true);
    expect(shouldNotify(finding({ type: 'denied' }), defaults)).toBe(true);
    expect(shouldNotify(finding({ type: 'card-mailed' }), defaults)).toBe(true);
    expect(shouldNotify(finding({ type: 'new-document', detail: { source: 'uscis', documentType: 'Receipt Notice' } }), defaults)).toBe(true);
    expect(shouldNotify(finding({ type: 'new-document', detail: { source: 'applicant', documentType: 'Other' } }), defaults)).toBe(false);
    expect(shouldNotify(finding({ type: 'case-touched' }), defaults)).toBe(false);
    expect(shouldNotify(finding({ type: 'new-event' }), defaults)).toBe(false);
  });

  it('follows the settings, except that a bare touch never notifies even when switched on', () => {
    const settings = SettingsSchema.parse({ notify: { 'card-mailed': false, 'case-touched': true } });
    expect(shouldNotify(finding({ type: 'card-mailed' }), settings)).toBe(false);
    expect(shouldNotify(finding({ type: 'case-touched' }), settings)).toBe(false);
  });
});

describe('wording', () => {
  it('has a title and body in both languages for every finding type, different per language', () => {
    for (const type of FINDING_TYPES) {
      const en = wordFinding(finding({ type, detail: { documentType: 'I-765 C33 Standalone Approval', title: 'Case Was Approved' } }), context);
      const es = wordFinding(finding({ type, detail: { documentType: 'I-765 C33 Standalone Approval', title: 'Case Was Approved' } }), { ...context, language: 'es' });
      expect(en.title.length, type).toBeGreaterThan(10);
      expect(en.body.length, type).toBeGreaterThan(15);
      expect(es.title, type).not.toBe(en.title);
      expect(es.body, type).not.toBe(en.body);
      expect(en.key, type).toBe(`${I765}:${type}`);
    }
  });

  it('says what a silent approval is, with the document and high priority', () => {
    const n = wordFinding(finding({ type: 'silent-approval', detail: { documentType: 'I-765 C33 Standalone Approval' } }), context);
    expect(n.title).toBe(`Approval document for your I-765 (${I765})`);
    expect(n.body).toContain('“I-765 C33 Standalone Approval”');
    expect(n.body).toContain('The status has not changed yet');
    expect(n.priority).toBe('high');
  });

  it('uses USCIS own Spanish title and masks the receipt when asked', () => {
    const n = wordFinding(finding({ type: 'approved', detail: { title: 'Case Was Approved' } }), { ...context, language: 'es', maskReceipts: true });
    expect(n.title).toBe('Su I-765 (IOE•••••2458) fue aprobado');
    expect(n.body).toContain('«Caso Fue Aprobado»');
    expect(n.title + n.body).not.toContain(I765);
  });

  it('gives the appointment date and labels inferred findings', () => {
    const appointment = wordFinding(finding({ type: 'biometrics-appointment', detail: { appointmentAt: '2026-06-15T13:30:00.000Z' } }), {
      ...context,
      formatDate: (iso) => `DATE(${iso})`,
    });
    expect(appointment.body).toContain('DATE(2026-06-15T13:30:00.000Z)');
    const reuse = wordFinding(finding({ type: 'biometrics-reuse', inferred: true }), context);
    expect(reuse.body).toContain('DACA Watch infers this');
  });

  it('asks to sign in again in the user language, once per expiry key', () => {
    const en = signInAgainNotification('en', '2026-08-12T15:20:00.000Z');
    const es = signInAgainNotification('es', '2026-08-12T15:20:00.000Z');
    expect(en.key).toBe('session-expired:2026-08-12T15:20:00.000Z');
    expect(en.title).toBe('Sign in to myUSCIS again');
    expect(es.title).toBe('Vuelva a iniciar sesión en myUSCIS');
    expect(en.priority).toBe('high');
  });
});

describe('quiet hours', () => {
  const quiet = { enabled: true, start: '22:00', end: '07:00' };
  it.each([
    ['21:59', false],
    ['22:00', true],
    ['03:00', true],
    ['06:59', true],
    ['07:00', false],
    ['12:00', false],
  ])('at %s UTC, quiet: %s', (time, expected) => {
    const now = Date.parse(`2026-08-12T${time}:00.000Z`);
    expect(inQuietHours(now, quiet, 'UTC')).toBe(expected);
  });

  it('is off when disabled, and handles a window within one day', () => {
    const noon = Date.parse('2026-08-12T12:30:00.000Z');
    expect(inQuietHours(noon, { ...quiet, enabled: false }, 'UTC')).toBe(false);
    expect(inQuietHours(noon, { enabled: true, start: '12:00', end: '13:00' }, 'UTC')).toBe(true);
    expect(inQuietHours(noon, { enabled: true, start: '13:00', end: '14:00' }, 'UTC')).toBe(false);
  });
});

describe('wording decisions that are hedged or inferred', () => {
  it('words APR0 alone as a likely approval, never as certain, in both languages', () => {
    const likely = finding({ type: 'likely-approved', inferred: true, detail: { code: 'APR0', evidence: ['event'] } });
    const en = wordFinding(likely, context);
    const es = wordFinding(likely, { ...context, language: 'es' });
    expect(shouldNotify(likely, defaults)).toBe(true);
    expect(en.title).toBe('Likely approval for your I-765 (IOE0933012458)');
    expect(en.body).toMatch(/^USCIS recorded a code \(APR0\) that trackers have seen with approvals\..*likely, not certain/);
    expect(`${en.title} ${en.body}`).not.toMatch(/was approved|now shows/);
    expect(es.body).toMatch(/probable, no seguro/);
  });

  it('words an approval shown only by a card step as that inference, never as "now shows approved"', () => {
    const byCard = finding({ type: 'approved', inferred: true, detail: { title: 'We Produced Your New Card', code: 'LDA' } });
    const en = wordFinding(byCard, context);
    expect(en.body).toBe('USCIS shows “We Produced Your New Card”. A card is made only after an approval, so this case was approved.');
    expect(wordFinding(byCard, { ...context, language: 'es' }).body).toMatch(/^USCIS muestra «Se Está Produciendo su Nueva Tarjeta»\. Una tarjeta solo se produce después/);
  });

  it('names the code when an approval rests on a code and no title', () => {
    expect(wordFinding(finding({ type: 'approved', detail: { code: 'DA' } }), context).body).toBe('USCIS recorded the approval code DA.');
  });
});

describe('the work permit’s approval says when the person can work', () => {
  const I821D = 'IOE0933012457';
  const TODAY = '2026-08-12T15:20:00.000Z';
  const now = Date.parse(TODAY);
  const cases = [{ receipt: I821D, formType: 'I-821D', problem: null }, { receipt: I765, formType: 'I-765', problem: null }];
  const state = (permitExpiry: string | null) => ({ cases, snapshots: {}, history: [], settings: SettingsSchema.parse({ permitExpiry }) });
  const twoContexts = { ...context, formTypes: { [I765]: 'I-765', [I821D]: 'I-821D' } };
  const worded = (f: Finding, permitExpiry: string | null, language: 'en' | 'es' = 'en') =>
    wordFinding(f, withWorkNote(f, { ...twoContexts, language }, state(permitExpiry), now, 'UTC')).body;
  const approved = finding({ type: 'approved', detail: { title: 'Case Was Approved' } });

  it('expired card: work again once the new card arrives; the approval notice alone is not the card for the I-9', () => {
    const expiry = addDays('2026-08-12', -20);
    expect(worded(approved, expiry)).toBe('USCIS now shows “Case Was Approved”. You can work again once you have the new card: the approval notice alone is not your card for the I-9.');
    expect(worded(approved, expiry, 'es')).toContain('Podrá volver a trabajar cuando tenga la nueva tarjeta: el aviso de aprobación por sí solo no sirve como tarjeta para el I-9.');
  });

  it('a card still valid: keep working with it until its day; unknown expiry: show the new card', () => {
    const expiry = addDays('2026-08-12', 40);
    expect(worded(approved, expiry)).toContain(`Until the new card arrives, you can keep working with your current card (valid until ${formatCivilDay(expiry, 'en')}).`);
    expect(worded(approved, null)).toContain('For the I-9, show your employer the new card when it arrives: the approval notice alone is not the card.');
  });

  it('a silent approval says it as a condition; the I-821D’s approval and other findings add nothing', () => {
    const silent = finding({ type: 'silent-approval', detail: { documentType: 'I-765 C33 Standalone Approval' } });
    expect(worded(silent, addDays('2026-08-12', -1))).toContain('If this is the approval: you can work again once you have the new card');
    expect(worded(silent, addDays('2026-08-12', -1), 'es')).toContain('Si se trata de la aprobación: podrá volver a trabajar');
    // An approval read from a card step is sure: said plainly.
    const byCard = finding({ type: 'approved', inferred: true, detail: { title: 'New Card Is Being Produced', code: 'LDA' } });
    expect(worded(byCard, addDays('2026-08-12', -1))).toMatch(/so this case was approved\. You can work again once you have the new card/);
    const i821d = FindingSchema.parse({ key: `${I821D}:approved`, receipt: I821D, type: 'approved', foundAt: TODAY, detail: { title: 'Case Was Approved' } });
    expect(worded(i821d, '2026-01-01')).toBe('USCIS now shows “Case Was Approved”.');
    expect(worded(finding({ type: 'card-mailed' }), '2026-01-01')).not.toContain('I-9');
  });

  it('the card mailed: the tracking number is in DACA Watch, never in the notification', () => {
    const mailed = finding({ type: 'card-mailed', detail: { title: 'Card Was Mailed To Me', code: 'LEA' } });
    expect(worded(mailed, null)).toContain('The USPS tracking number, when USCIS gives one, is available in DACA Watch.');
    expect(worded(mailed, null, 'es')).toContain('El número de rastreo de USPS, cuando USCIS lo da, está disponible en DACA Watch.');
  });
});
