// The printable record for a lawyer or a DACA clinic, written to them about the applicant (third person): the permit's
// expiry and status, the day-105 and day-120 dates, both cases with receipts, filing dates and days pending, each
// history with USCIS's wording first and DACA Watch's reading second, the read and changed times; the user's language,
// local times with the zone, what DACA Watch found, masking honoured, every value escaped.

import { describe, expect, it } from 'vitest';
import { printableRecord } from '../../app/printable-record';
import { CaseSnapshotSchema, SettingsSchema } from '../../shared/monitor/state';
import { formatMediumDay, formatShortStamp } from '../../shared/format-date';
import { addDays, daysBetween } from '../../shared/knowledge/calendar-days';
import { DECISION_GOAL_DAYS, INQUIRY_AFTER_DAYS } from '../../shared/knowledge/daca-timing';
import { formatCivilDay } from '../../shared/knowledge/renewal-calendar';
import { CASE_TIME_WORDS } from '../../shared/knowledge/snapshot-view';
import type { Language } from '../../shared/localized';
import { I765, I821D, silentApprovalState } from '../helpers/dashboard-state-samples';
import { PT_FILED, PT_TODAY, publishedTimesState } from '../helpers/published-times-state';
import { decisionWindow } from '../../shared/knowledge/processing-forecast';
import { storedFigures } from '../../shared/knowledge/stored-figures';
import { employerSheet } from '../../app/employer-sheet';
import { pageText, RECORD_I765, RECORD_I821D, recordState, SECOND_PERSON, type RecordSample } from '../helpers/record-samples';

const NOW = Date.parse('2026-08-12T15:20:00.000Z');

function record(language: 'en' | 'es', maskReceipts: boolean, changes: { snapshots?: Record<string, unknown> } = {}) {
  const state = silentApprovalState();
  return printableRecord({
    state: {
      cases: state.cases.map(({ receipt, formType, problem }) => ({ receipt, formType, problem, addedAt: '2026-05-29T13:00:00.000Z' })),
      snapshots: (changes.snapshots as typeof state.snapshots | undefined) ?? state.snapshots,
      history: state.history,
      settings: SettingsSchema.parse({ maskReceipts }),
    },
    now: NOW,
    language,
    timeZone: 'America/Chicago',
  });
}

describe('printableRecord', () => {
  it('is in Spanish with plain labels, both cases and the findings, receipts masked when masking is on', () => {
    const page = record('es', true);
    expect(page).toContain('<html lang="es">');
    expect(page).toContain('Registro de la renovación de DACA');
    expect(page).toContain('Solicitud de DACA (Formulario I-821D)');
    expect(page).toContain('Permiso de trabajo (Formulario I-765)');
    expect(page).toContain('Aprobación antes del cambio de estatus (Interpretación de DACA Watch)');
    expect(page).toContain('Subido por la persona solicitante');
    expect(page).toContain('«Guardar como PDF»');
    for (const receipt of [I821D, I765]) expect(page).not.toContain(receipt);
    expect(page).toContain('IOE•••••2457');
    expect(page).not.toMatch(/silent-approval|i821d-approved-inferred|new-document/);
  });

  it('shows local times with the time zone, and full receipts when masking is off', () => {
    const page = record('en', false);
    // 14:10 UTC is 9:10 AM in Chicago (CDT).
    expect(page).toMatch(/Aug 12, 2026, 9:10\s?AM CDT/);
    expect(page).toContain('(America/Chicago)');
    expect(page).toContain(I821D);
    expect(page).toContain('“Save as PDF”');
  });

  it('lists USCIS’s events, statuses and documents by time, whatever order USCIS sent them in', () => {
    const snapshot = CaseSnapshotSchema.parse({
      detail: {
        at: '2026-08-12T15:00:00.000Z',
        formType: 'I-821D',
        submissionDate: '2026-05-29',
        events: [
          { eventId: 'b', eventCode: 'FTA0', eventTimestamp: '2026-07-20T14:00:00.000Z' },
          { eventId: 'a', eventCode: 'IAF', eventTimestamp: '2026-05-29T13:00:00.000Z' },
        ],
        notices: [],
      },
      status: null,
      documents: null,
    });
    const page = record('en', false, { snapshots: { [I821D]: snapshot } });
    expect(page.indexOf('<td>IAF</td>')).toBeGreaterThan(0);
    expect(page.indexOf('<td>IAF</td>')).toBeLessThan(page.indexOf('<td>FTA0</td>'));
  });

  it('escapes every value and carries no script', () => {
    const snapshot = CaseSnapshotSchema.parse({
      detail: null,
      status: null,
      documents: { at: '2026-08-12T15:00:00.000Z', items: [{ type: '<script>alert(1)</script>', sourceType: 'USCIS Generated', createDate: '2026-08-01T10:00:00.000+0000' }] },
    });
    const page = record('en', false, { snapshots: { [I821D]: snapshot } });
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('&lt;script&gt;');
  });
});

const ZONE = 'America/Chicago';

/** The record, as the lawyer reads it, for a sample on `today` (noon in Chicago). */
function recordFor(sample: RecordSample, today: string, language: Language) {
  const html = printableRecord({ state: recordState(sample), now: Date.parse(`${today}T18:00:00.000Z`), language, timeZone: ZONE });
  return { html, page: pageText(html) };
}

describe('written to the lawyer, about the applicant (issue 23)', () => {
  // The walk: the permit expired 36 days ago, the renewal pending 106 days.
  const TODAY = '2026-12-07';
  const EXPIRY = addDays(TODAY, -36);
  const FILED = addDays(TODAY, -106);
  const sample: RecordSample = { filed: FILED, permitExpiry: EXPIRY, changedAt: '2026-12-04T14:00:00.000Z', readAt: '2026-12-07T16:50:00.000Z' };

  it.each(['en', 'es'] as const)('in %s: the permit’s expiry in the past tense, day 105 and day 120, both cases with receipt, filing date and days pending', (lang) => {
    const { page } = recordFor(sample, TODAY, lang);
    const days = daysBetween(FILED, TODAY);
    const words = {
      en: {
        permit: `Work permit (EAD, category C33) The applicant’s work permit (EAD, category C33) expired on ${formatCivilDay(EXPIRY, 'en')}.`,
        from: `from ${formatCivilDay(addDays(EXPIRY, 1), 'en')}, the applicant is not authorized to work on this card`,
        renewal: `The renewal Pending with USCIS since ${formatCivilDay(FILED, 'en')}: ${days} days.`,
        inquiry: `Day 105: a case inquiry is allowed ${formatCivilDay(addDays(FILED, INQUIRY_AFTER_DAYS), 'en')} (reached)`,
        goal: `Day 120: USCIS’s goal for a decision ${formatCivilDay(addDays(FILED, DECISION_GOAL_DAYS), 'en')} (in ${DECISION_GOAL_DAYS - days} days)`,
        forms: ['DACA request (Form I-821D)', 'Work permit (Form I-765)'],
        reading: 'DACA Watch’s reading DACA request (Form I-821D): Under review. Work permit (Form I-765): Under review.',
      },
      es: {
        permit: `Permiso de trabajo (EAD, categoría C33) El permiso de trabajo (EAD, categoría C33) de la persona solicitante venció el ${formatCivilDay(EXPIRY, 'es')}.`,
        from: `desde el ${formatCivilDay(addDays(EXPIRY, 1), 'es')}, la persona solicitante no está autorizada a trabajar con esta tarjeta`,
        renewal: `La renovación Pendiente ante USCIS desde el ${formatCivilDay(FILED, 'es')}: ${days} días.`,
        inquiry: `Día 105: se puede hacer una consulta sobre el caso ${formatCivilDay(addDays(FILED, INQUIRY_AFTER_DAYS), 'es')} (ya llegó)`,
        goal: `Día 120: plazo que USCIS se fija para decidir ${formatCivilDay(addDays(FILED, DECISION_GOAL_DAYS), 'es')} (dentro de ${DECISION_GOAL_DAYS - days} días)`,
        forms: ['Solicitud de DACA (Formulario I-821D)', 'Permiso de trabajo (Formulario I-765)'],
        reading: 'Interpretación de DACA Watch Solicitud de DACA (Formulario I-821D): En revisión. Permiso de trabajo (Formulario I-765): En revisión.',
      },
    }[lang];
    for (const fact of [words.permit, words.from, words.renewal, words.inquiry, words.goal, words.reading]) expect(page).toContain(fact);
    // Both cases in one table: form, receipt, filing date, days pending.
    const filed = formatMediumDay(FILED, lang);
    expect(page).toContain(`${words.forms[0]} ${RECORD_I821D} ${filed} ${days}`);
    expect(page).toContain(`${words.forms[1]} ${RECORD_I765} ${filed} ${days}`);
    // Written to a lawyer: no second person, none of the applicant's dashboard reassurance.
    expect(page).not.toMatch(SECOND_PERSON[lang]);
    expect(page).not.toMatch(/Nothing is needed|DACA Watch will tell|No hay nada que hacer|DACA Watch le avisará/i);
  });

  it('each history lists USCIS’s own wording first and DACA Watch’s reading after it', () => {
    const { html } = recordFor(sample, TODAY, 'en');
    const rows = [...html.matchAll(/<tr>((?:<td>[^<]*<\/td>)+)<\/tr>/g)].map((row) => [...row[1]!.matchAll(/<td>([^<]*)<\/td>/g)].map((cell) => cell[1]!));
    const received = rows.find((cells) => cells[1] === 'Case Was Received')!;
    // When, the title as printed, the code as printed, then the reading (its stage and what the code usually means).
    expect(received[2]).toBe('IAF');
    expect(received[3]).toMatch(/^Filed · IAF: /);
    expect(html.indexOf('<th>Status title, as USCIS printed it</th>')).toBeLessThan(html.indexOf('<th>DACA Watch’s reading</th>'));
    const step = rows.find((cells) => cells[1] === 'FTA0')!;
    expect(step[2]).toMatch(/\((community reading|matches USCIS’s wording)\)$/);
    // In Spanish, USCIS's English title as printed, its own Spanish title beside it.
    expect(recordFor(sample, TODAY, 'es').html).toContain('<td>Case Was Received / Caso Fue Recibido</td>');
    // The reading's basis quotes the title as printed too (USCIS gave no Spanish for it), not the dashboard's translation.
    const spanish = recordFor(sample, TODAY, 'es').page;
    expect(spanish).toContain('el estatus «Case Is Being Actively Reviewed By USCIS» del I-821D');
    expect(spanish).not.toContain('«USCIS Está Revisando Activamente el Caso»');
  });

  it('says when each case was read from myUSCIS and, apart, when it last changed, in the dashboard’s words', () => {
    for (const lang of ['en', 'es'] as const) {
      const { html } = recordFor(sample, TODAY, lang);
      expect(html).toContain(`<dt>${CASE_TIME_WORDS.readAt[lang]}</dt><dd>${formatShortStamp(Date.parse(sample.readAt), lang, ZONE)}</dd>`);
      expect(html).toContain(`<dt>${CASE_TIME_WORDS.changedAt[lang]}</dt><dd>${formatShortStamp(Date.parse(sample.changedAt), lang, ZONE)}</dd>`);
    }
  });

  it('a valid permit "expires on"; an approval gives its day and the new card; a denial says so, without the key days', () => {
    const expiry = addDays(TODAY, 200);
    const valid = recordFor({ ...sample, permitExpiry: expiry }, TODAY, 'en').page;
    expect(valid).toContain(`The applicant’s work permit (EAD, category C33) is valid; it expires on ${formatCivilDay(expiry, 'en')}, 200 days from today.`);
    expect(valid).not.toMatch(/\bexpired\b/);
    const approved = recordFor({ ...sample, outcome: 'approved', approvedAt: '2026-12-03T15:00:00.000Z', newCard: { validFrom: '2026-12-03', expiry: '2028-12-02' } }, TODAY, 'en').page;
    expect(approved).toContain(`USCIS approved the work permit renewal on ${formatCivilDay('2026-12-03', 'en')}.`);
    expect(approved).toContain(`New card: valid from ${formatCivilDay('2026-12-03', 'en')} to ${formatCivilDay('2028-12-02', 'en')}, as printed on the card (entered by the applicant).`);
    expect(approved).not.toContain('Day 105');
    const denied = recordFor({ ...sample, outcome: 'denied', approvedAt: '2026-12-03T15:00:00.000Z' }, TODAY, 'es').page;
    expect(denied).toContain('USCIS no aprobó la renovación (resultado: Denegado).');
    expect(denied).not.toContain('Día 105');
    expect(denied).not.toMatch(SECOND_PERSON.es);
  });
});

describe('the lawyer’s record with USCIS’s published times', () => {
  const stored = publishedTimesState({ permitExpiry: '2027-01-15', i821d: [7, 10], i765: [7, 10] });
  const input = (language: Language) => ({ state: stored, now: Date.parse(`${PT_TODAY}T17:00:00.000Z`), language, timeZone: 'America/Chicago' });
  const range = decisionWindow(PT_FILED, storedFigures(stored)['I-821D'].figure!);

  it('gives each case’s published window and the published inquiry date, labelled as USCIS’s figure with its date (EN)', () => {
    const text = pageText(printableRecord(input('en')));
    expect(text).toContain('USCIS’s published time, I-821D');
    expect(text).toContain(`USCIS’s published processing time (published ${formatCivilDay('2026-11-20', 'en')}): 7 to 10 months`);
    expect(text).toContain(`decided between ${formatCivilDay(range.from, 'en')} and ${formatCivilDay(range.to, 'en')}`);
    expect(text).toContain('not a prediction for this case');
    expect(text).toContain(`cases received before ${formatCivilDay('2026-06-01', 'en')} may submit a case inquiry`);
    expect(text).toContain('The applicant’s case was received on or after that date.');
    expect(text).not.toMatch(/\byour case\b/i);
  });

  it('says the same in Spanish, and the employer’s sheet quotes none of it', () => {
    const text = pageText(printableRecord(input('es')));
    expect(text).toContain(`entre el ${formatCivilDay(range.from, 'es')} y el ${formatCivilDay(range.to, 'es')}`);
    expect(text).toContain(`los casos recibidos antes del ${formatCivilDay('2026-06-01', 'es')}`);
    const sheet = pageText(employerSheet({ ...input('en'), showReceipts: false }));
    expect(sheet).not.toMatch(/published (processing )?time|inquiry date/i);
  });

  it('quotes no published time when none was read', () => {
    const { processingTimes: _, ...rest } = stored;
    expect(pageText(printableRecord({ ...input('en'), state: rest }))).not.toContain('USCIS’s published');
  });
});
