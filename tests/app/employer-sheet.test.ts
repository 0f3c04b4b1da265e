// The sheet for the employer: written to the employer about the employee (the permit's status with its dates, past tense
// for a past expiry, the renewal's dates, the (c)(33) and I-9 rules with USCIS's pages, no second person), in English and
// Spanish; receipts only when chosen (masked when masking is on), escaped server text, no script and nothing remote,
// only official uscis.gov pages; and through the export channel.

import { describe, expect, it } from 'vitest';
import { employerSheet, type EmployerSheetInput } from '../../app/employer-sheet';
import { createIpcHandlers } from '../../app/ipc-handlers';
import { FindingSchema } from '../../shared/monitor/findings';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { formatLongStamp } from '../../shared/format-date';
import { addDays, daysBetween } from '../../shared/knowledge/calendar-days';
import { DECISION_GOAL_DAYS } from '../../shared/knowledge/daca-timing';
import { formatCivilDay } from '../../shared/knowledge/renewal-calendar';
import type { Language } from '../../shared/localized';
import { engineHarness } from '../helpers/engine-harness';
import { pageText, RECORD_I765, RECORD_I821D, recordState, SECOND_PERSON, type RecordSample } from '../helpers/record-samples';

const I821D = 'IOE0933012457';
const I765 = 'IOE0933012458';
const NOW = Date.parse('2026-08-12T15:20:00.000Z');

const snapshot = (form: string, title: string) =>
  CaseSnapshotSchema.parse({
    detail: { at: '2026-08-12T15:00:00.000Z', formType: form, submissionDate: '2026-05-29', events: [], notices: [] },
    status: { at: '2026-08-12T15:00:00.000Z', title, history: [] },
    documents: { at: '2026-08-12T15:00:00.000Z', items: [] },
  });

function input(changes: Partial<EmployerSheetInput> = {}, settings: Record<string, unknown> = {}): EmployerSheetInput {
  return {
    state: {
      cases: [
        { receipt: I821D, formType: 'I-821D', addedAt: '2026-05-30T12:00:00.000Z', problem: null },
        { receipt: I765, formType: 'I-765', addedAt: '2026-05-30T12:00:00.000Z', problem: null },
      ],
      snapshots: { [I821D]: snapshot('I-821D', 'Case Is Being Actively Reviewed By USCIS'), [I765]: snapshot('I-765', 'Case Is Being Actively Reviewed By USCIS') },
      history: [],
      settings: SettingsSchema.parse({ permitExpiry: '2026-09-30', ...settings }),
    },
    now: NOW,
    language: 'en',
    timeZone: 'America/New_York',
    showReceipts: false,
    ...changes,
  };
}

/** The page's text without tags, as a reader sees it. */
const text = (html: string) => html.replace(/<style>[^<]*<\/style>/, '').replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ');

describe('the employer sheet', () => {
  it('says the filing date, the expiry, (c)(33) and that it is not legal advice', () => {
    const page = text(employerSheet(input()));
    expect(page).toContain('Filed with USCIS on May 29, 2026');
    expect(page).toContain('Where it stands Pending with USCIS since May 29, 2026: 75 days.');
    expect(page).toContain('Read from myUSCIS August 12, 2026 at 11:00 AM EDT');
    expect(page).toContain('The employee’s work permit (EAD, category C33) is valid; it expires on September 30, 2026, 49 days from today.');
    expect(page).toContain('USCIS extends some work permits automatically while their renewal is pending, but not those in category (c)(33)');
    expect(page).toContain('This sheet is information, not legal advice.');
  });

  it('is in Spanish when asked', () => {
    const html = employerSheet(input({ language: 'es' }));
    expect(html).toContain('<html lang="es">');
    const page = text(html);
    expect(page).toContain('Presentada ante USCIS el 29 de mayo de 2026');
    expect(page).toContain('El permiso de trabajo (EAD, categoría C33) de la persona empleada es válido; vence el 30 de septiembre de 2026');
    expect(page).toContain('Esta hoja es información, no asesoría legal.');
    expect(page).not.toContain('Filed with USCIS');
  });

  it('shows the receipt numbers only when the user chooses, masked when masking is on', () => {
    expect(employerSheet(input())).not.toMatch(/IOE/);
    expect(text(employerSheet(input({ showReceipts: true })))).toContain(`Receipt numbers ${I821D}, ${I765}`);
    const masked = employerSheet(input({ showReceipts: true }, { maskReceipts: true }));
    expect(masked).toContain('IOE•••••2457');
    expect(masked).not.toContain(I821D);
  });

  it('links only to official https pages on uscis.gov, loads nothing and runs nothing', () => {
    const html = employerSheet(input());
    const hrefs = [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(hrefs.length).toBeGreaterThanOrEqual(3);
    for (const href of hrefs) expect(new URL(href).hostname).toBe('www.uscis.gov');
    expect(hrefs.every((href) => href.startsWith('https://'))).toBe(true);
    expect(html).not.toMatch(/<script|<img|<link|src=/i);
    expect(html).toContain("default-src 'none'");
  });

  it('escapes what came from USCIS', () => {
    const hostile = input();
    hostile.state.snapshots[I765] = snapshot('I-765', 'x');
    hostile.state.snapshots[I765]!.status!.at = '2026-08-12T15:00:00.000Z';
    const html = employerSheet({ ...hostile, state: { ...hostile.state, cases: [{ receipt: '<b>IOE</b>', formType: 'I-765', addedAt: '2026-05-30T12:00:00.000Z', problem: null }] }, showReceipts: true });
    expect(html).toContain('&lt;b&gt;IOE&lt;/b&gt;');
    expect(html).not.toContain('<b>IOE</b>');
  });

  it('after the approval, gives the new card’s printed dates once entered, and otherwise says the estimate is not confirmed', () => {
    const approved = input({}, { newCardValidFrom: '2026-08-10', newCardExpiry: '2028-08-09' });
    approved.state.snapshots[I765] = snapshot('I-765', 'Card Was Delivered To Me By The Post Office');
    approved.state.history = [FindingSchema.parse({ key: 'k', type: 'card-delivered', receipt: I765, foundAt: '2026-08-12T15:00:00.000Z' })];
    expect(text(employerSheet(approved))).toContain('New card: valid from August 10, 2026 to August 9, 2028, as printed on the card (entered by the employee).');
    const estimateOnly = { ...approved, state: { ...approved.state, settings: SettingsSchema.parse({ permitExpiry: '2026-09-30' }) } };
    const page = text(employerSheet(estimateOnly));
    expect(page).not.toContain('as printed on the card');
    expect(page).toMatch(/New card: valid from .* to about .*, estimated by DACA Watch from the approval \(not confirmed/);
  });
});

/** The sheet, as the employer reads it, for a sample on `today` (noon in New York). */
function sheetFor(sample: RecordSample, today: string, language: Language, showReceipts = false) {
  const html = employerSheet({ state: recordState(sample), now: Date.parse(`${today}T16:00:00.000Z`), language, timeZone: 'America/New_York', showReceipts });
  return { html, page: pageText(html) };
}

describe('written to the employer, about the employee (issue 23)', () => {
  // The walk: the permit expired 36 days ago, the renewal pending 106 days.
  const TODAY = '2026-12-07';
  const EXPIRY = addDays(TODAY, -36);
  const FILED = addDays(TODAY, -106);
  const expired: RecordSample = { filed: FILED, permitExpiry: EXPIRY, changedAt: '2026-12-04T14:00:00.000Z', readAt: '2026-12-07T15:50:00.000Z' };

  it.each(['en', 'es'] as const)('an expired permit with the renewal pending, in %s: past tense, from which day, the renewal’s dates, the rules with their links', (lang) => {
    const { html, page } = sheetFor(expired, TODAY, lang, true);
    const words = {
      en: {
        permit: `The employee’s work permit (EAD, category C33) expired on ${formatCivilDay(EXPIRY, 'en')}.`,
        from: `from ${formatCivilDay(addDays(EXPIRY, 1), 'en')}, the employee is not authorized to work on this card until USCIS approves the renewal`,
        filed: `Filed with USCIS on ${formatCivilDay(FILED, 'en')}`,
        pending: `Pending with USCIS since ${formatCivilDay(FILED, 'en')}: ${daysBetween(FILED, TODAY)} days.`,
        goal: `USCIS’s goal for a decision ${formatCivilDay(addDays(FILED, DECISION_GOAL_DAYS), 'en')}`,
        read: `Read from myUSCIS ${formatLongStamp(Date.parse(expired.readAt), 'en', 'America/New_York')} Last change seen ${formatLongStamp(Date.parse(expired.changedAt), 'en', 'America/New_York')}`,
        future: 'expires on',
      },
      es: {
        permit: `El permiso de trabajo (EAD, categoría C33) de la persona empleada venció el ${formatCivilDay(EXPIRY, 'es')}.`,
        from: `desde el ${formatCivilDay(addDays(EXPIRY, 1), 'es')}, la persona empleada no está autorizada a trabajar con esta tarjeta hasta que USCIS apruebe la renovación`,
        filed: `Presentada ante USCIS el ${formatCivilDay(FILED, 'es')}`,
        pending: `Pendiente ante USCIS desde el ${formatCivilDay(FILED, 'es')}: ${daysBetween(FILED, TODAY)} días.`,
        goal: `Plazo que USCIS se fija para decidir ${formatCivilDay(addDays(FILED, DECISION_GOAL_DAYS), 'es')}`,
        read: `Leído en myUSCIS ${formatLongStamp(Date.parse(expired.readAt), 'es', 'America/New_York')} Último cambio visto ${formatLongStamp(Date.parse(expired.changedAt), 'es', 'America/New_York')}`,
        future: 'vence el',
      },
    }[lang];
    expect(page).toContain(words.permit);
    expect(page).toContain(words.from);
    expect(page).not.toContain(words.future);
    expect(page).toContain(words.filed);
    expect(page).toContain(words.pending);
    expect(page).toContain(words.goal);
    expect(page).toContain(words.read);
    expect(page).toContain(`${RECORD_I821D}, ${RECORD_I765}`);
    // What the rules say, each with USCIS's own page.
    expect(html).toMatch(/<li data-role="no-extension">[^]*?\(c\)\(33\)[^]*?href="https:\/\/www\.uscis\.gov\/eadautoextend"[^]*?<\/li>/);
    expect(html).toMatch(/<li data-role="i-9">[^]*?I-9[^]*?href="https:\/\/www\.uscis\.gov\/i-9-central"[^]*?<\/li>/);
    // Said to the employer about the employee: never "your renewal", never the applicant's own dashboard words.
    expect(page).not.toMatch(SECOND_PERSON[lang]);
    expect(page).not.toMatch(/Nothing is needed|No hay nada que hacer|being reviewed|está revisando su/i);
  });

  it('a permit still valid says "expires on" with the days left; on its last day, "expires today"', () => {
    const expiry = addDays(TODAY, 40);
    const valid = sheetFor({ ...expired, permitExpiry: expiry }, TODAY, 'en').page;
    expect(valid).toContain(`The employee’s work permit (EAD, category C33) is valid; it expires on ${formatCivilDay(expiry, 'en')}, ${daysBetween(TODAY, expiry)} days from today.`);
    // Within 120 days with the renewal pending: the day the employee may stop being authorized.
    expect(valid).toContain(`unless USCIS approves the renewal before then, from ${formatCivilDay(addDays(expiry, 1), 'en')} the employee is not authorized to work on this card`);
    expect(valid).not.toMatch(/\bexpired\b/);
    // In Spanish too, "before" says before what (a bare "antes" leaves the reader asking).
    expect(sheetFor({ ...expired, permitExpiry: expiry }, TODAY, 'es').page).toContain(`si USCIS no aprueba la renovación antes de esa fecha, desde el ${formatCivilDay(addDays(expiry, 1), 'es')} la persona empleada no estará autorizada`);
    expect(sheetFor({ ...expired, permitExpiry: TODAY }, TODAY, 'es').page).toContain(`vence hoy, ${formatCivilDay(TODAY, 'es')} (último día de validez)`);
  });

  it('with no expiry entered, says so and points to the card; with the renewal approved, the approval’s day', () => {
    expect(sheetFor({ ...expired, permitExpiry: null }, TODAY, 'en').page).toContain('The employee did not enter the expiry date of the current work permit (EAD, category C33) in DACA Watch; the card itself shows it');
    const approvedAt = '2026-12-03T15:00:00.000Z';
    const approved = sheetFor({ ...expired, outcome: 'approved', approvedAt }, TODAY, 'es').page;
    expect(approved).toContain(`USCIS aprobó la renovación del permiso de trabajo el ${formatCivilDay('2026-12-03', 'es')}.`);
    expect(approved).not.toMatch(SECOND_PERSON.es);
  });
});

describe('through the export channel', () => {
  it('saves the sheet in the language asked, with receipts only when asked', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 40, idleTimeoutMs: 10 ** 12 });
    const run = h.start();
    await run.runUntil(h.sim.clock.now() + 3_600_000);
    const saved: Array<{ name: string; contents: string }> = [];
    const handlers = createIpcHandlers({
      monitor: run.monitor,
      clock: { now: () => h.sim.clock.now() },
      demo: true,
      signIn: { open: () => true, signOut: async () => undefined },
      setStartAtLogin: () => undefined,
      openExternal: async () => false,
      saveFile: async (name, contents) => (saved.push({ name, contents }), `/home/user/${name}`),
    });
    expect((await handlers['data:export']({ format: 'employer', language: 'es' })).path).toMatch(/daca-renewal-for-employer-es-\d{4}-\d{2}-\d{2}\.html$/);
    expect(saved[0]!.contents).toContain('Renovación de DACA: información para el empleador');
    expect(saved[0]!.contents).not.toContain(h.sim.receipts.i765);
    await handlers['data:export']({ format: 'employer', language: 'en', showReceipts: true });
    expect(saved[1]!.contents).toContain('DACA renewal: information for the employer');
    expect(saved[1]!.contents).toContain(h.sim.receipts.i765);
    run.monitor.stop();
  });
});
