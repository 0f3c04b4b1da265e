// "Can I work today, and until when": every kind of answer in both languages, the boundary days around the expiry
// (today, yesterday, tomorrow), the 120-day threshold, day 105, the renewed card's dates, and the tense of each date.

import { describe, expect, it } from 'vitest';
import { addDays, daysBetween } from '../../../shared/knowledge/calendar-days';
import { formatCivilDay, USCIS_PAGES, type RenewalFacts } from '../../../shared/knowledge/renewal-calendar';
import { EXPIRING_SOON_DAYS, storedWorkAnswer, workAnswer, WORK_ANSWER_KINDS, type WorkAnswer } from '../../../shared/knowledge/work-answer';
import { LANGUAGES } from '../../../shared/localized';
import { CaseSnapshotSchema, SettingsSchema } from '../../../shared/monitor/state';

const TODAY = '2026-12-12';
const facts = (changes: Partial<RenewalFacts>): RenewalFacts => ({
  today: TODAY,
  permitExpiry: null,
  filed: false,
  submitted: null,
  decision: 'pending',
  approvedOn: null,
  newCard: null,
  ...changes,
});
/** The case: permit expired 36 days ago, renewal pending 106 days. */
const EXPIRED = addDays(TODAY, -36);
const SUBMITTED = addDays(TODAY, -106);
const expiredPending = () => workAnswer(facts({ permitExpiry: EXPIRED, filed: true, submitted: SUBMITTED }));

/** Every sentence of an answer in one language. */
const words = (answer: WorkAnswer, lang: 'en' | 'es') => [answer.headline, answer.detail, answer.line, ...answer.actions].map((text) => text[lang]).join('\n');

/** No claim that nothing is needed, and no present tense for a past expiry. */
function expectHonest(answer: WorkAnswer) {
  for (const lang of LANGUAGES) {
    const text = words(answer, lang);
    expect(text).not.toMatch(/nothing is needed|nothing due|no tiene que hacer nada/i);
    expect(text).not.toMatch(/\b0 days\b|\b0 días\b/);
    expect(text.trim().length).toBeGreaterThan(0);
  }
  if (answer.daysLeft !== null && answer.daysLeft < 0 && answer.kind !== 'renewed') {
    const past = { en: formatCivilDay(answer.expiry!, 'en'), es: formatCivilDay(answer.expiry!, 'es') };
    expect(words(answer, 'en')).not.toContain(`expires on ${past.en}`);
    expect(words(answer, 'es')).not.toContain(`vence el ${past.es}`);
  }
}

describe('work answer: expired, renewal pending (the issue’s case)', () => {
  it('says the person cannot work, since the past expiry, in both languages, with what to do now', () => {
    const answer = expiredPending();
    expect(answer).toMatchObject({ kind: 'expired-pending', tone: 'stop', expiry: EXPIRED, daysLeft: -36, link: USCIS_PAGES.automaticExtension });
    expect(answer.headline.en).toBe(`You cannot work right now: your work permit expired on ${formatCivilDay(EXPIRED, 'en')}`);
    expect(answer.headline.es).toBe(`Ahora no puede trabajar: su permiso de trabajo venció el ${formatCivilDay(EXPIRED, 'es')}`);
    expect(answer.detail.en).toContain('not extended automatically');
    expect(answer.detail.en).toContain('once your renewal is approved and you have the new card');
    expect(answer.detail.es).toContain('no se extienden automáticamente');
    expect(answer.actions[0]!.en).toContain('Tell your employer');
    expect(answer.actions[0]!.en).toContain(`expired on ${formatCivilDay(EXPIRED, 'en')}`);
    expect(answer.actions[0]!.es).toContain(`venció el ${formatCivilDay(EXPIRED, 'es')}`);
    // Day 105 has passed (pending 106 days): "you can ask now", with the day it came.
    expect(answer.pending).toMatchObject({ since: SUBMITTED, days: 106, inquiryOn: addDays(SUBMITTED, 105), canInquire: true });
    expect(answer.actions[1]!.en).toContain('You can ask USCIS about your case now');
    expect(answer.actions[1]!.es).toContain('Ya puede preguntar a USCIS');
    expect(answer.line.en).toBe(`Cannot work: permit expired on ${formatCivilDay(EXPIRED, 'en')}; renewal pending`);
    expectHonest(answer);
  });

  it('before day 105 gives the inquiry date instead of "ask now"', () => {
    const answer = workAnswer(facts({ permitExpiry: EXPIRED, filed: true, submitted: addDays(TODAY, -40) }));
    expect(answer.pending?.canInquire).toBe(false);
    const inquiryOn = formatCivilDay(addDays(TODAY, -40 + 105), 'en');
    expect(answer.actions.map((action) => action.en)).toContain(`From ${inquiryOn} (day 105) you can ask USCIS about your case.`);
  });

  it('the day after the expiry is already expired (yesterday’s expiry)', () => {
    const answer = workAnswer(facts({ permitExpiry: addDays(TODAY, -1), filed: true, submitted: SUBMITTED }));
    expect(answer).toMatchObject({ kind: 'expired-pending', daysLeft: -1 });
    expectHonest(answer);
  });

  it('with the receipts not read yet (no submission date) still says it, without a day-105 line', () => {
    const answer = workAnswer(facts({ permitExpiry: EXPIRED, filed: true }));
    expect(answer.kind).toBe('expired-pending');
    expect(answer.pending).toBeNull();
    expect(answer.actions.some((action) => action.en.includes('day 105'))).toBe(false);
  });
});

describe('work answer: expiring soon', () => {
  it('the expiry day is the card’s last valid day: "expires today", never "0 days left"', () => {
    const answer = workAnswer(facts({ permitExpiry: TODAY, filed: true, submitted: SUBMITTED }));
    expect(answer).toMatchObject({ kind: 'expiring-soon', tone: 'warn', daysLeft: 0 });
    expect(answer.headline.en).toBe(`You can work today: your work permit expires today (${formatCivilDay(TODAY, 'en')})`);
    expect(answer.headline.es).toBe(`Puede trabajar hoy: su permiso de trabajo vence hoy (${formatCivilDay(TODAY, 'es')})`);
    // From tomorrow it stops, unless approved by the expiry day, named (not "by then", "antes": before what?).
    expect(answer.detail.en).toContain(`If the renewal is not approved by ${formatCivilDay(TODAY, 'en')}, you cannot work from ${formatCivilDay(addDays(TODAY, 1), 'en')}`);
    expect(answer.detail.es).toContain(`Si la renovación no se aprueba a más tardar el ${formatCivilDay(TODAY, 'es')}, no podrá trabajar desde el ${formatCivilDay(addDays(TODAY, 1), 'es')}`);
    expectHonest(answer);
  });

  it('tomorrow’s expiry reads "expires tomorrow"', () => {
    const answer = workAnswer(facts({ permitExpiry: addDays(TODAY, 1) }));
    expect(answer).toMatchObject({ kind: 'expiring-soon', daysLeft: 1 });
    expect(answer.line.en).toBe(`Work permit expires tomorrow (${formatCivilDay(addDays(TODAY, 1), 'en')}): file now`);
    expect(answer.line.es).toBe(`Su permiso vence mañana (${formatCivilDay(addDays(TODAY, 1), 'es')}): presente ya la renovación`);
  });

  it('not filed: the recommended window’s last day is said in its tense (today on day 120, past after)', () => {
    const at = (n: number) => workAnswer(facts({ permitExpiry: addDays(TODAY, n) }));
    expect(at(120).detail.en).toContain(`today, ${formatCivilDay(TODAY, 'en')}, is the last day of that window`);
    expect(at(120).detail.es).toContain(`hoy, ${formatCivilDay(TODAY, 'es')}, es el último día de ese periodo`);
    expect(at(29).detail.en).toContain(`that window ended on ${formatCivilDay(addDays(TODAY, 29 - 120), 'en')}.`);
    expect(at(29).detail.es).toContain(`ese periodo terminó el ${formatCivilDay(addDays(TODAY, 29 - 120), 'es')}.`);
    expect(at(29).detail.en).not.toContain('(by ');
  });

  it('starts 120 days before the expiry (USCIS’s decision goal); 121 days is still valid', () => {
    const at = (n: number) => workAnswer(facts({ permitExpiry: addDays(TODAY, n) }));
    expect(EXPIRING_SOON_DAYS).toBe(120);
    expect(at(120).kind).toBe('expiring-soon');
    expect(at(121).kind).toBe('valid');
    expect(at(120).headline.en).toContain('expires in 120 days');
    expect(at(120).headline.es).toContain('vence en 120 días');
  });

  it('not filed: file now; filed and pending: tell the employer, day 105, a legal service provider', () => {
    const expiry = addDays(TODAY, 30);
    const notFiled = workAnswer(facts({ permitExpiry: expiry }));
    expect(notFiled.actions[0]!.en).toContain('File your DACA renewal');
    expect(notFiled.actions[0]!.es).toContain('Presente ya su renovación');
    const submitted = addDays(TODAY, -50);
    const filed = workAnswer(facts({ permitExpiry: expiry, filed: true, submitted }));
    expect(filed.daysLeft).toBe(daysBetween(TODAY, expiry));
    expect(filed.detail.en).toContain('pending 50 days');
    expect(filed.detail.en).toContain('(c)(33)');
    expect(filed.actions.map((action) => action.en)).toEqual([
      `Tell your employer: your card expires on ${formatCivilDay(expiry, 'en')}; your renewal was filed on ${formatCivilDay(submitted, 'en')} and is pending.`,
      `From ${formatCivilDay(addDays(submitted, 105), 'en')} (day 105) you can ask USCIS about your case.`,
      'Consider talking to a legal service provider (many are free or low-cost).',
    ]);
    expect(filed.actions[0]!.es).toContain(`su tarjeta vence el ${formatCivilDay(expiry, 'es')}`);
    expectHonest(filed);
  });
});

describe('work answer: valid', () => {
  it('gives the day and the days left, and nothing to do before the window opens', () => {
    const expiry = addDays(TODAY, 400);
    const answer = workAnswer(facts({ permitExpiry: expiry }));
    expect(answer).toMatchObject({ kind: 'valid', tone: 'ok', daysLeft: 400, actions: [] });
    expect(answer.line.en).toBe(`You can work until ${formatCivilDay(expiry, 'en')} (400 days left)`);
    expect(answer.line.es).toBe(`Puede trabajar hasta el ${formatCivilDay(expiry, 'es')} (quedan 400 días)`);
    expect(answer.detail.en).toContain(`opens on ${formatCivilDay(addDays(expiry, -150), 'en')}`);
  });

  it('inside the filing window (150 to 121 days) asks to file', () => {
    const answer = workAnswer(facts({ permitExpiry: addDays(TODAY, 140) }));
    expect(answer.kind).toBe('valid');
    expect(answer.actions[0]!.en).toContain('File your DACA renewal');
  });
});

describe('work answer: expired, no renewal filed', () => {
  it('cannot work since the expiry; file a renewal; a legal service provider', () => {
    const answer = workAnswer(facts({ permitExpiry: EXPIRED }));
    expect(answer).toMatchObject({ kind: 'expired', tone: 'stop', daysLeft: -36 });
    expect(answer.headline.es).toContain(`venció el ${formatCivilDay(EXPIRED, 'es')}`);
    expect(answer.actions[0]!.en).toContain('File your DACA renewal');
    expect(answer.actions.some((action) => action.es.includes('proveedor de servicios legales'))).toBe(true);
    expectHonest(answer);
  });

  it('more than a year after the expiry warns that a new request counts as an initial one', () => {
    const answer = workAnswer(facts({ permitExpiry: addDays(TODAY, -400) }));
    expect(answer.detail.en).toContain('initial request');
    expect(answer.actions.map((action) => action.en).join(' ')).not.toContain('File your DACA renewal');
  });
});

describe('work answer: renewed', () => {
  const approvedOn = addDays(TODAY, -3);

  it('old card expired: the new card is being produced, the approval notice is not the card for the I-9, estimated dates', () => {
    const answer = workAnswer(facts({ permitExpiry: EXPIRED, filed: true, submitted: SUBMITTED, decision: 'approved', approvedOn }));
    expect(answer).toMatchObject({ kind: 'renewed', tone: 'warn', approvedOn, newCard: { validFrom: approvedOn, estimate: true } });
    expect(answer.headline.en).toBe('Renewal approved: you can work again once you have the new card');
    expect(answer.headline.es).toBe('Renovación aprobada: podrá volver a trabajar cuando tenga la nueva tarjeta');
    expect(answer.detail.en).toContain(`approved your work permit renewal on ${formatCivilDay(approvedOn, 'en')}`);
    expect(answer.detail.en).toContain('the new card is being produced');
    expect(answer.detail.en).toContain('the approval notice alone is not enough');
    expect(answer.detail.en).toContain('an expired card cannot be shown');
    expect(answer.detail.en).toContain(`to about ${formatCivilDay(answer.newCard!.expiry, 'en')} (estimated`);
    expect(answer.detail.es).toContain('el aviso de aprobación por sí solo no basta');
    expect(answer.line.en).toContain('work again once you have the card');
    expectHonest(answer);
  });

  it('old card still valid: keep working with it until its day; entered dates are "as entered"', () => {
    const expiry = addDays(TODAY, 20);
    const answer = workAnswer(facts({
      permitExpiry: expiry, filed: true, submitted: SUBMITTED, decision: 'approved', approvedOn,
      newCard: { validFrom: '2026-12-09', expiry: '2028-12-08' },
    }), { i765Stage: 'card-mailed' });
    expect(answer).toMatchObject({ kind: 'renewed', tone: 'ok', newCard: { validFrom: '2026-12-09', expiry: '2028-12-08', estimate: false } });
    expect(answer.detail.en).toContain('The new card is in the mail.');
    expect(answer.headline.en).toBe(`Renewal approved: you can keep working; your current card is valid until ${formatCivilDay(expiry, 'en')}`);
    expect(answer.detail.en).toContain(`keep working with your current card, valid until ${formatCivilDay(expiry, 'en')}`);
    expect(answer.detail.en).toContain(`valid from ${formatCivilDay('2026-12-09', 'en')} to ${formatCivilDay('2028-12-08', 'en')} (as you entered them)`);
    expect(answer.detail.es).toContain('según las fechas que usted escribió');
  });

  it('a card returned to USCIS says so instead of "being produced"', () => {
    const answer = workAnswer(facts({ permitExpiry: EXPIRED, filed: true, submitted: SUBMITTED, decision: 'approved', approvedOn }), { i765Stage: 'card-returned' });
    expect(answer.detail.en).toContain('returned the new card to USCIS');
    expect(answer.detail.en).not.toContain('being produced');
    expect(answer.detail.es).toContain('devolvió la nueva tarjeta a USCIS');
  });

  it('a delivered card not entered yet: the headline says the person can work with it, the action asks for its printed dates', () => {
    const answer = workAnswer(facts({ permitExpiry: EXPIRED, filed: true, submitted: SUBMITTED, decision: 'approved', approvedOn }), { i765Stage: 'card-delivered' });
    expect(answer).toMatchObject({ kind: 'renewed', tone: 'ok' });
    expect(answer.headline).toEqual({ en: 'Renewal approved: your new card was delivered; with it you can work', es: 'Renovación aprobada: se entregó su nueva tarjeta; con ella puede trabajar' });
    expect(answer.actions.map((action) => action.en)).toEqual(['Enter the dates printed on your new card in DACA Watch.']);
    expect(answer.actions[0]!.es).toBe('Escriba en DACA Watch las fechas impresas en su nueva tarjeta.');
  });

  it('a delivered card with entered dates is the current card: valid until its expiry', () => {
    const answer = workAnswer(facts({
      permitExpiry: EXPIRED, filed: true, submitted: SUBMITTED, decision: 'approved', approvedOn,
      newCard: { validFrom: approvedOn, expiry: '2028-12-08' },
    }), { i765Stage: 'card-delivered' });
    expect(answer).toMatchObject({ kind: 'valid', expiry: '2028-12-08', daysLeft: daysBetween(TODAY, '2028-12-08'), approvedOn });
  });
});

describe('work answer: decided, not approved', () => {
  it('names the decision and gives the permit’s facts with the right tense', () => {
    const past = workAnswer(facts({ permitExpiry: EXPIRED, filed: true, submitted: SUBMITTED, decision: 'denied' }), { verdict: 'terminated' });
    expect(past).toMatchObject({ kind: 'decided-not-approved', tone: 'stop' });
    expect(past.headline.en).toBe('Your renewal was not approved (outcome: Terminated)');
    expect(past.headline.es).toBe('Su renovación no fue aprobada (resultado: Terminado)');
    expect(past.detail.en).toBe(`Your current work permit expired on ${formatCivilDay(EXPIRED, 'en')}.`);
    const future = workAnswer(facts({ permitExpiry: addDays(TODAY, 10), filed: true, decision: 'denied' }), { verdict: 'silently-denied' });
    expect(future.headline.en).toBe('Your renewal was not approved (outcome: Denied)');
    expect(future.detail.en).toContain('expires in 10 days');
    expectHonest(past);
    expectHonest(future);
  });
});

describe('work answer: unknown', () => {
  it('asks for the expiry date, with the action id the screens map to the expiry input', () => {
    const answer = workAnswer(facts({ filed: true, submitted: SUBMITTED }));
    expect(answer).toMatchObject({ kind: 'unknown', tone: 'unknown', actionId: 'enter-expiry', expiry: null, daysLeft: null });
    expect(answer.headline.es).toContain('fecha de vencimiento');
    // The banner's heading already asks "Can you work today?": the headline answers it, it does not ask it again.
    expect(answer.headline.en).toBe('Not known yet: enter your work permit’s expiry date');
    expect(answer.headline.es).toBe('Todavía no se sabe: escriba la fecha de vencimiento de su permiso de trabajo');
    expect(workAnswer(facts({ permitExpiry: EXPIRED })).actionId).toBeNull();
  });
});

describe('work answer: every kind', () => {
  it('each kind is reachable, has both languages and no "nothing is needed"', () => {
    const seen = new Set<string>();
    const cases: WorkAnswer[] = [
      expiredPending(),
      workAnswer(facts({ permitExpiry: EXPIRED })),
      workAnswer(facts({ permitExpiry: addDays(TODAY, 5) })),
      workAnswer(facts({ permitExpiry: addDays(TODAY, 300) })),
      workAnswer(facts({ filed: true, decision: 'approved', approvedOn: TODAY, submitted: SUBMITTED })),
      workAnswer(facts({ filed: true, decision: 'denied' })),
      workAnswer(facts({})),
    ];
    for (const answer of cases) {
      seen.add(answer.kind);
      expectHonest(answer);
      for (const text of [answer.headline, answer.detail, answer.line]) expect(text.en).not.toBe(text.es);
    }
    expect([...seen].sort()).toEqual([...WORK_ANSWER_KINDS].sort());
  });

  it('from the stored state: the verdict’s pending days and the permit expiry', () => {
    const snapshot = (form: string) =>
      CaseSnapshotSchema.parse({
        detail: { at: '2026-12-10T15:00:00.000Z', formType: form, submissionDate: SUBMITTED, events: [], notices: [] },
        status: { at: '2026-12-10T15:00:00.000Z', title: 'Case Is Being Actively Reviewed By USCIS', history: [] },
      });
    const state = {
      cases: [{ receipt: 'IOE0933012457', formType: 'I-821D', problem: null }, { receipt: 'IOE0933012458', formType: 'I-765', problem: null }],
      snapshots: { IOE0933012457: snapshot('I-821D'), IOE0933012458: snapshot('I-765') },
      history: [],
      settings: SettingsSchema.parse({ permitExpiry: EXPIRED }),
    };
    const answer = storedWorkAnswer(state, TODAY);
    expect(answer).toMatchObject({ kind: 'expired-pending', pending: { since: SUBMITTED, days: 106 } });
  });
});

describe('work answer: renewed, no expiry entered for the current card', () => {
  const approvedOn = addDays(TODAY, -3);

  it.each([
    [undefined, 'Renewal approved: your new card is on its way', 'Renovación aprobada: su nueva tarjeta está en camino'],
    ['card-mailed', 'Renewal approved: your new card is on its way', 'Renovación aprobada: su nueva tarjeta está en camino'],
    ['card-returned', 'Renewal approved: the new card went back to USCIS', 'Renovación aprobada: la nueva tarjeta volvió a USCIS'],
  ] as const)('I-765 stage %s: never says the person stopped working or that the card expired', (i765Stage, en, es) => {
    const answer = workAnswer(facts({ filed: true, submitted: SUBMITTED, decision: 'approved', approvedOn }), i765Stage === undefined ? {} : { i765Stage });
    expect(answer).toMatchObject({ kind: 'renewed', tone: 'ok', expiry: null });
    expect(answer.headline).toEqual({ en, es });
    for (const lang of LANGUAGES) {
      expect(words(answer, lang)).not.toMatch(/work again|expired card|volver a trabajar|podrá trabajar cuando|tarjeta vencida/i);
    }
    expect(answer.detail.en).toContain('Your current card stays valid until the expiry date printed on it');
    expect(answer.detail.es).toContain('el aviso de aprobación por sí solo no basta');
    expect(answer.line.en).toBe(`Renewal approved; new card valid until about ${formatCivilDay(answer.newCard!.expiry, 'en')}`);
    expectHonest(answer);
  });
});

describe('work answer: an approval USCIS has not put in words yet', () => {
  const approvedOn = addDays(TODAY, -1);
  const renewed = (verdict?: 'silently-approved' | 'likely-approved' | 'approved') =>
    workAnswer(facts({ permitExpiry: addDays(TODAY, 20), filed: true, submitted: SUBMITTED, decision: 'approved', approvedOn }), verdict === undefined ? {} : { verdict, i765Stage: 'approved' });

  it.each(['silently-approved', 'likely-approved'] as const)('%s: the approval is said as what shows on the case, not confirmed yet', (verdict) => {
    const answer = renewed(verdict);
    expect(answer.detail.en).toMatch(new RegExp(`^An approval of your work permit renewal, dated ${formatCivilDay(approvedOn, 'en')}, shows on your case; not confirmed yet: USCIS’s status title has not changed\\.`));
    expect(answer.detail.es).toContain(`Su caso muestra la aprobación de su renovación del permiso de trabajo, con fecha del ${formatCivilDay(approvedOn, 'es')}; todavía sin confirmar`);
    expect(answer.detail.en).not.toContain('USCIS approved');
  });

  it('a status that says approved needs no such note', () => {
    for (const answer of [renewed('approved'), renewed()]) expect(answer.detail.en).toMatch(/^USCIS approved your work permit renewal on /);
  });
});
