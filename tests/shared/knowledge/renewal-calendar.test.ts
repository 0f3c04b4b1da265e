// The renewal calendar's date rules: the 150-to-120-day filing window, day 105 and day 120, the new card's estimated
// two years, on civil days in the user's time zone (DST in America/New_York, leap days), and which reminder is due.

import { describe, expect, it } from 'vitest';
import { addDays, addYears, dayInZone, daysBetween } from '../../../shared/knowledge/calendar-days';
import {
  dueReminders,
  estimatedNewCard,
  filingWindow,
  formatCivilDay,
  inquiryChecklist,
  renewalStage,
  renewalTrayLine,
  USCIS_PAGES,
  type RenewalFacts,
} from '../../../shared/knowledge/renewal-calendar';
import { renewalFactsOf } from '../../../shared/knowledge/renewal-facts';
import { isUscisHelpLink } from '../../../shared/security/navigation';
import { FindingSchema } from '../../../shared/monitor/findings';
import { CaseSnapshotSchema, SettingsSchema } from '../../../shared/monitor/state';

const NEW_YORK = 'America/New_York';
const at = (iso: string) => Date.parse(iso);

const facts = (changes: Partial<RenewalFacts>): RenewalFacts => ({
  today: '2027-01-01',
  permitExpiry: null,
  filed: false,
  submitted: null,
  decision: 'pending',
  approvedOn: null,
  newCard: null,
  ...changes,
});

describe('civil days', () => {
  it('adds days and years on the calendar, across month ends and leap days', () => {
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2028-02-29', 1)).toBe('2028-03-01');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
    expect(addYears('2028-02-29', 2)).toBe('2030-03-01');
    expect(addYears('2026-08-12', 2)).toBe('2028-08-12');
    expect(daysBetween('2027-03-13', '2027-03-15')).toBe(2);
    expect(daysBetween('2027-11-06', '2027-11-08')).toBe(2);
  });

  it('says which day it is in the user’s zone, not UTC’s, on both sides of the DST changes', () => {
    // 2027-03-14: clocks go forward in New York at 02:00 EST.
    expect(dayInZone(at('2027-03-14T04:30:00Z'), NEW_YORK)).toBe('2027-03-13'); // 23:30 EST
    expect(dayInZone(at('2027-03-14T05:30:00Z'), NEW_YORK)).toBe('2027-03-14'); // 00:30 EST
    expect(dayInZone(at('2027-03-15T03:30:00Z'), NEW_YORK)).toBe('2027-03-14'); // 23:30 EDT
    // 2027-11-07: clocks go back at 02:00 EDT.
    expect(dayInZone(at('2027-11-07T03:30:00Z'), NEW_YORK)).toBe('2027-11-06'); // 23:30 EDT
    expect(dayInZone(at('2027-11-07T04:30:00Z'), NEW_YORK)).toBe('2027-11-07'); // 00:30 EDT
    expect(dayInZone(at('2027-11-08T04:30:00Z'), NEW_YORK)).toBe('2027-11-07'); // 23:30 EST
    expect(dayInZone(at('2027-11-08T04:30:00Z'), 'UTC')).toBe('2027-11-08');
  });

  it('without a zone, is the day on this computer’s clock, and follows the zone when it changes', () => {
    const saved = process.env.TZ;
    try {
      for (const zone of [NEW_YORK, 'Asia/Tokyo', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
        process.env.TZ = zone;
        for (const instant of ['2027-03-14T04:30:00Z', '2027-03-14T05:30:00Z', '2027-11-07T03:30:00Z', '2028-02-29T12:00:00Z', '2026-12-31T23:59:59Z']) {
          expect(dayInZone(at(instant)), `${instant} in ${zone}`).toBe(dayInZone(at(instant), zone));
        }
      }
    } finally {
      if (saved === undefined) delete process.env.TZ;
      else process.env.TZ = saved;
    }
  });
});

describe('the filing window', () => {
  it('runs from 150 to 120 days before the expiry, a leap-day expiry included', () => {
    expect(filingWindow('2028-02-29', '2027-09-01')).toMatchObject({ expiry: '2028-02-29', opens: '2027-10-02', closes: '2027-11-01', phase: 'not-yet', daysToOpen: 31 });
    expect(filingWindow('2027-08-11', '2027-03-14')).toMatchObject({ opens: '2027-03-14', closes: '2027-04-13', phase: 'open', daysLeft: 150 });
  });

  it.each([
    ['2027-03-13', 'not-yet', 151],
    ['2027-03-14', 'open', 150],
    ['2027-04-13', 'open', 120],
    ['2027-04-14', 'late', 119],
    ['2027-08-10', 'late', 1],
    // The printed expiry day is the card's last valid day; expired from the day after.
    ['2027-08-11', 'late', 0],
    ['2027-08-12', 'expired', -1],
  ])('on %s the window of a card expiring 2027-08-11 is %s (%i days left)', (today, phase, daysLeft) => {
    expect(filingWindow('2027-08-11', today)).toMatchObject({ phase, daysLeft });
  });
});

describe('the new card', () => {
  it('is estimated valid for two years from the approval, to the day before the second anniversary', () => {
    expect(estimatedNewCard('2026-08-12')).toEqual({ validFrom: '2026-08-12', expiry: '2028-08-11', estimate: true });
    expect(estimatedNewCard('2028-02-29')).toEqual({ validFrom: '2028-02-29', expiry: '2030-02-28', estimate: true });
    expect(estimatedNewCard('2027-03-01')).toEqual({ validFrom: '2027-03-01', expiry: '2029-02-28', estimate: true });
  });

  it('stays an estimate until the user enters the printed dates; then the next window is counted from them', () => {
    const estimated = renewalStage(facts({ today: '2026-08-20', filed: true, submitted: '2026-05-29', decision: 'approved', approvedOn: '2026-08-12' }));
    expect(estimated).toMatchObject({ kind: 'approved', card: { expiry: '2028-08-11', estimate: true }, window: null });
    const entered = renewalStage(facts({ today: '2028-03-15', filed: true, decision: 'approved', approvedOn: '2026-08-12', newCard: { validFrom: '2026-08-10', expiry: '2028-08-09' } }));
    expect(entered).toMatchObject({ kind: 'approved', card: { validFrom: '2026-08-10', expiry: '2028-08-09', estimate: false }, window: { opens: '2028-03-12', closes: '2028-04-11', phase: 'open' } });
    expect(dueReminders(entered, { receipts: [] }).map((r) => r.key)).toEqual(['reminder:filing-window-open:2028-08-09']);
    const reminder = dueReminders(estimated, { receipts: [] })[0]!;
    expect(reminder.key).toBe('reminder:new-card:2026-08-12');
    expect(reminder.body.en).toContain('August 11, 2028');
    expect(reminder.body.es).toContain('11 de agosto de 2028');
  });
});

describe('which reminder is due', () => {
  const pending = (today: string) => renewalStage(facts({ today, filed: true, submitted: '2027-07-25', permitExpiry: '2027-12-01' }));

  it.each([
    ['2027-11-06', []],
    ['2027-11-07', ['reminder:inquiry-105:2027-07-25']],
    ['2027-11-21', ['reminder:inquiry-105:2027-07-25']],
    ['2027-11-22', ['reminder:goal-120:2027-07-25']],
  ])('pending since 2027-07-25, on %s: %j', (today, keys) => {
    expect(dueReminders(pending(today), { receipts: ['IOE0933012457'] }).map((r) => r.key)).toEqual(keys);
  });

  it('day 105 falls on the day the clocks go back, in the user’s zone', () => {
    const today = (iso: string) => dayInZone(at(iso), NEW_YORK);
    expect(dueReminders(pending(today('2027-11-07T03:30:00Z')), { receipts: [] })).toEqual([]);
    expect(dueReminders(pending(today('2027-11-07T04:30:00Z')), { receipts: [] })).toHaveLength(1);
  });

  it('the window opens on the day the clocks go forward, in the user’s zone', () => {
    const stage = (iso: string) => renewalStage(facts({ today: dayInZone(at(iso), NEW_YORK), permitExpiry: '2027-08-11' }));
    expect(dueReminders(stage('2027-03-14T04:30:00Z'), { receipts: [] })).toEqual([]);
    expect(dueReminders(stage('2027-03-14T05:30:00Z'), { receipts: [] }).map((r) => r.kind)).toEqual(['filing-window-open']);
  });

  it('before filing: the opening, then the 120-day mark, then nothing once expired', () => {
    const due = (today: string) => dueReminders(renewalStage(facts({ today, permitExpiry: '2027-08-11' })), { receipts: [] }).map((r) => r.key);
    expect(due('2027-03-13')).toEqual([]);
    expect(due('2027-03-20')).toEqual(['reminder:filing-window-open:2027-08-11']);
    expect(due('2027-04-14')).toEqual(['reminder:filing-window-120:2027-08-11']);
    // The expiry day keeps the 120-day reminder's key (told once already), then nothing once expired.
    expect(due('2027-08-11')).toEqual(['reminder:filing-window-120:2027-08-11']);
    expect(due('2027-08-12')).toEqual([]);
  });

  it('on the expiry day the reminder and the tray say "today", never "0 days"', () => {
    const stage = renewalStage(facts({ today: '2027-08-11', permitExpiry: '2027-08-11' }));
    const [reminder] = dueReminders(stage, { receipts: [] });
    expect(reminder!.body.en).toContain('(today is its last day)');
    expect(reminder!.body.es).toContain('(hoy es su último día)');
    expect(renewalTrayLine(stage, 'en')).toBe('File now: your permit expires today');
    expect(renewalTrayLine(stage, 'es')).toBe('Presente ya: su permiso vence hoy');
    for (const text of [reminder!.body.en, reminder!.body.es]) expect(text).not.toMatch(/\b0 (days|días)\b/);
  });

  it('no reminder without dates, after a denial, or before filing once receipts are watched', () => {
    expect(renewalStage(facts({}))).toEqual({ kind: 'nothing' });
    expect(renewalStage(facts({ filed: true, submitted: '2027-01-01', decision: 'denied' }))).toEqual({ kind: 'nothing' });
    expect(renewalStage(facts({ filed: true, permitExpiry: '2027-08-11' }))).toEqual({ kind: 'nothing' });
  });

  it('the day-105 reminder says what to have ready and links to USCIS’s official inquiry page', () => {
    const stage = pending('2027-11-07');
    if (stage.kind !== 'pending') throw new Error('expected pending');
    const [reminder] = dueReminders(stage, { receipts: ['IOE•••••2457', 'IOE•••••2458'] });
    expect(reminder!.link).toBe(USCIS_PAGES.caseInquiry);
    expect(reminder!.body.en).toContain('IOE•••••2457, IOE•••••2458');
    expect(reminder!.body.en).toContain('July 25, 2027');
    expect(reminder!.body.en).toContain('December 1, 2027');
    expect(reminder!.body.es).toContain('1 de diciembre de 2027');
    expect(inquiryChecklist(stage, { receipts: [] })[0]!.en).toContain('receipt notices');
    for (const url of Object.values(USCIS_PAGES)) expect(isUscisHelpLink(url), url).toBe(true);
  });

  it('the checklist puts a past expiry in the past tense, and the expiry day itself in the present', () => {
    const today = '2026-12-12';
    const checklist = (permitExpiry: string) => {
      const stage = renewalStage(facts({ today, filed: true, submitted: addDays(today, -106), permitExpiry }));
      if (stage.kind !== 'pending') throw new Error('expected pending');
      return inquiryChecklist(stage, { receipts: [] })[2]!;
    };
    const yesterday = addDays(today, -1);
    expect(checklist(yesterday).en).toBe(`Your (c)(33) work permit expired on ${formatCivilDay(yesterday, 'en')}.`);
    expect(checklist(yesterday).es).toBe(`Su permiso de trabajo (c)(33) venció el ${formatCivilDay(yesterday, 'es')}.`);
    expect(checklist(today).en).toBe(`Your current (c)(33) work permit expires on ${formatCivilDay(today, 'en')}.`);
    expect(checklist(today).es).toContain('vence el');
  });

  it('the tray line counts the days left in both languages', () => {
    const stage = (today: string) => renewalStage(facts({ today, permitExpiry: '2027-08-11' }));
    expect(renewalTrayLine(stage('2027-03-04'), 'en')).toBe('Filing window opens in 10 days');
    expect(renewalTrayLine(stage('2027-03-13'), 'es')).toBe('El periodo para renovar se abre en 1 día');
    expect(renewalTrayLine(stage('2027-04-01'), 'en')).toBe('Filing window open: 132 days until your permit expires');
    expect(renewalTrayLine(pending('2027-11-10'), 'en')).toBe('Pending 108 days: you can ask USCIS about it');
    expect(renewalTrayLine(pending('2027-10-01'), 'en')).toBeNull();
  });
});

describe('facts from the stored state', () => {
  const I821D = 'IOE0933012457';
  const I765 = 'IOE0933012458';
  const snapshot = (form: string, title: string) =>
    CaseSnapshotSchema.parse({
      detail: { at: '2026-08-12T15:00:00.000Z', formType: form, submissionDate: '2026-05-29', events: [], notices: [] },
      status: { at: '2026-08-12T15:00:00.000Z', title, history: [] },
    });

  it('reads the approval day in the user’s zone from the first approval finding on the I-765', () => {
    const state = {
      cases: [{ receipt: I821D, formType: 'I-821D', problem: null }, { receipt: I765, formType: 'I-765', problem: null }],
      snapshots: { [I821D]: snapshot('I-821D', 'Case Was Approved'), [I765]: snapshot('I-765', 'New Card Is Being Produced') },
      // 02:30 UTC on the 13th is still the 12th in New York.
      history: [FindingSchema.parse({ key: 'k', type: 'card-produced', receipt: I765, foundAt: '2026-08-13T02:30:00.000Z' })],
      settings: SettingsSchema.parse({ permitExpiry: '2026-09-01' }),
    };
    const read = renewalFactsOf(state, '2026-08-20', NEW_YORK);
    expect(read).toMatchObject({ filed: true, submitted: '2026-05-29', decision: 'approved', approvedOn: '2026-08-12', newCard: null });
    expect(renewalFactsOf(state, '2026-08-20', 'UTC').approvedOn).toBe('2026-08-13');
    const pendingState = { ...state, snapshots: { [I821D]: snapshot('I-821D', 'Case Is Being Actively Reviewed By USCIS'), [I765]: snapshot('I-765', 'Case Is Being Actively Reviewed By USCIS') }, history: [] };
    expect(renewalFactsOf(pendingState, '2026-09-11', NEW_YORK)).toMatchObject({ decision: 'pending', approvedOn: null, submitted: '2026-05-29' });
  });
});
