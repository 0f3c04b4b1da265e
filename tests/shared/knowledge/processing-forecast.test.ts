// The forecast from USCIS's published time: calendar-month arithmetic (month ends, leap years, fractions), ranges in
// weeks or days, the receipt day in the user's zone, the two inquiry routes, each gap-risk class on its boundary
// days, the words in both languages at the moment they apply, and the terminal's `work` and `forecast` fields.

import { describe, expect, it } from 'vitest';
import { addDays, addMonths, daysBetween, userDay } from '../../../shared/knowledge/calendar-days';
import { FIND_LEGAL_SERVICES_URL } from '../../../shared/knowledge/decision-outcomes';
import {
  addPublishedAmount,
  decisionWindow,
  E_REQUEST_URL,
  filingAdvice,
  forecastLine,
  forecastWords,
  gapRisk,
  LEGAL_DIRECTORY_TEXT,
  processingForecast,
  storedForecastLines,
  workLine,
  workStatus,
  type ForecastInput,
  type ProcessingForecast,
} from '../../../shared/knowledge/processing-forecast';
import { formatCivilDay, USCIS_PAGES, type RenewalFacts } from '../../../shared/knowledge/renewal-calendar';
import { workAnswer } from '../../../shared/knowledge/work-answer';
import { LANGUAGES, type Localized } from '../../../shared/localized';
import { CaseSnapshotSchema, SettingsSchema } from '../../../shared/monitor/state';
import { readProcessingTimes, type PublishedFigure } from '../../../shared/myuscis/processing-times';
import { isSafeExternalUrl } from '../../../shared/security/navigation';

/** A figure read from a payload in USCIS's published shape, as the app would get it. */
function publishedFigure(range: Array<{ value: unknown; unit: unknown }>, changes: Record<string, unknown> = {}): PublishedFigure {
  const reading = readProcessingTimes({
    data: {
      processing_time: {
        form_name: 'I-765',
        office_code: 'NSC',
        subtypes: [{ form_type: 'C33', publication_date: 'October 3, 2026', range, service_request_date: 'June 1, 2026', ...changes }],
      },
    },
  });
  if (reading.kind !== 'published') throw new Error(reading.problem);
  return reading.figures[0]!;
}
const FIGURE = publishedFigure([{ value: 5, unit: 'Months' }, { value: 3.5, unit: 'Months' }]);
const RECEIPT = '2026-07-20';
const input = (changes: Partial<ForecastInput> = {}): ForecastInput => ({
  form: 'I-765',
  receipt: RECEIPT,
  today: '2026-09-01',
  permitExpiry: null,
  decided: false,
  figure: FIGURE,
  ...changes,
});

describe('calendar months', () => {
  it.each([
    ['2026-01-31', 1, '2026-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2028-02-29', 12, '2029-02-28'],
    ['2100-01-31', 1, '2100-02-28'],
    ['2000-01-31', 1, '2000-02-29'],
    ['2026-03-31', 1, '2026-04-30'],
    ['2026-12-31', 2, '2027-02-28'],
    ['2026-08-15', 5, '2027-01-15'],
    ['2026-03-31', -1, '2026-02-28'],
    ['2026-01-15', -2, '2025-11-15'],
    ['2026-05-29', 0, '2026-05-29'],
  ])('%s + %i months is %s', (from, months, to) => {
    expect(addMonths(from, months)).toBe(to);
  });

  it('takes whole months only and refuses what is not a day', () => {
    expect(() => addMonths('2026-01-01', 1.5)).toThrow(RangeError);
    expect(() => addMonths('2026-02-30', 1)).toThrow(RangeError);
  });

  it('a fraction of a month is that share of an average month (half a month: 15 days), after the whole months', () => {
    expect(addPublishedAmount('2026-01-31', { value: 3.5, unit: 'months' })).toBe('2026-05-15');
    expect(addPublishedAmount('2026-07-20', { value: 3.5, unit: 'months' })).toBe('2026-11-04');
    expect(addPublishedAmount('2026-07-20', { value: 0.25, unit: 'months' })).toBe('2026-07-28');
    expect(addPublishedAmount('2028-01-31', { value: 1, unit: 'months' })).toBe('2028-02-29');
  });

  it('weeks are 7 days and days are days', () => {
    expect(daysBetween(RECEIPT, addPublishedAmount(RECEIPT, { value: 16, unit: 'weeks' }))).toBe(112);
    expect(daysBetween(RECEIPT, addPublishedAmount(RECEIPT, { value: 150, unit: 'days' }))).toBe(150);
    expect(addPublishedAmount('2028-02-22', { value: 1, unit: 'weeks' })).toBe('2028-02-29');
  });

  it('a range published in weeks or days gives its window in days, not through the rounded months', () => {
    const weeks = publishedFigure([{ value: 22, unit: 'Weeks' }, { value: 15, unit: 'weeks' }]);
    expect(decisionWindow(RECEIPT, weeks)).toEqual({ from: addDays(RECEIPT, 105), to: addDays(RECEIPT, 154) });
    const days = publishedFigure([{ value: 157, unit: 'Days' }, { value: 151, unit: 'day' }]);
    expect(decisionWindow(RECEIPT, days)).toEqual({ from: addDays(RECEIPT, 151), to: addDays(RECEIPT, 157) });
  });
});

describe('the receipt day in the user’s zone', () => {
  it('a time in UTC is the day it was where the user is; a date-only value is its own day everywhere', () => {
    expect(userDay('2026-06-04T02:09:53.000Z', 'America/Los_Angeles')).toBe('2026-06-03');
    expect(userDay('2026-06-04T02:09:53.000Z', 'Asia/Tokyo')).toBe('2026-06-04');
    expect(userDay('2026-06-04', 'America/Los_Angeles')).toBe('2026-06-04');
    expect(userDay('2026-06-04T00:00:00.000Z', 'America/Los_Angeles')).toBe('2026-06-04');
    expect(userDay('not a date')).toBeNull();
  });

  it('the window starts from the user’s day', () => {
    const west = processingForecast(input({ receipt: '2026-07-21T03:00:00.000Z', timeZone: 'America/Chicago' }));
    const east = processingForecast(input({ receipt: '2026-07-21T03:00:00.000Z', timeZone: 'Europe/Madrid' }));
    expect(west.receiptDay).toBe('2026-07-20');
    expect(east.receiptDay).toBe('2026-07-21');
    expect(daysBetween(west.window!.from, east.window!.from)).toBe(1);
  });
});

describe('asking USCIS', () => {
  it('the published route: received before the inquiry date (the day itself is not before it)', () => {
    expect(processingForecast(input({ receipt: '2026-05-31' })).inquiry).toMatchObject({ receivedBefore: '2026-06-01', byPublishedDate: true, canAskNow: true });
    expect(processingForecast(input({ receipt: '2026-06-01' })).inquiry).toMatchObject({ byPublishedDate: false, canAskNow: false });
  });

  it('day 105 is the other route', () => {
    const on = addDays(RECEIPT, 105);
    expect(processingForecast(input({ today: addDays(on, -1) })).inquiry).toMatchObject({ day105On: on, byDay105: false, canAskNow: false });
    expect(processingForecast(input({ today: on })).inquiry).toMatchObject({ byPublishedDate: false, byDay105: true, canAskNow: true });
  });

  it('a decided case does not ask', () => {
    expect(processingForecast(input({ receipt: '2026-05-01', decided: true })).inquiry.canAskNow).toBe(false);
  });

  it('an inquiry date USCIS wrote in a way DACA Watch cannot read is shown as given, in both languages', () => {
    const figure = publishedFigure([{ value: 5, unit: 'Months' }, { value: 3.5, unit: 'Months' }], { service_request_date: '2026/31/12*' });
    const forecast = processingForecast(input({ figure }));
    expect(forecast.inquiry).toMatchObject({ receivedBefore: null, text: '2026/31/12*', byPublishedDate: null });
    const words = forecastWords(forecast).inquiry!;
    expect(words.en).toContain('“2026/31/12*”');
    expect(words.es).toContain('«2026/31/12*»');
    expect(forecastLine('IOE•••••2458', forecast)!.inquiryReceivedBefore).toBeNull();
  });
});

describe('the gap risk on its boundary days', () => {
  const window = decisionWindow(RECEIPT, FIGURE);
  const TODAY = '2026-09-01';
  const risk = (permitExpiry: string | null, changes: Partial<Parameters<typeof gapRisk>[0]> = {}) =>
    gapRisk({ window, permitExpiry, today: TODAY, decided: false, ...changes });

  it('has the window of the published figure: receipt + 3.5 months to receipt + 5 months', () => {
    expect(window).toEqual({ from: '2026-11-04', to: '2026-12-20' });
  });

  it.each([
    ['the window’s last day (a decision then is on the card’s last valid day)', () => window.to, 'none'],
    ['after the window', () => addDays(window.to, 1), 'none'],
    ['the day before the window ends', () => addDays(window.to, -1), 'possible'],
    ['the window’s first day', () => window.from, 'possible'],
    ['the day before the window', () => addDays(window.from, -1), 'likely'],
    ['today (its last valid day)', () => TODAY, 'likely'],
    ['yesterday', () => addDays(TODAY, -1), 'gap-now'],
  ])('expiry on %s: %s', (_when, expiry, expected) => {
    expect(risk(expiry())).toBe(expected);
  });

  it('unknown without an expiry or without a figure; gap-now without a figure once expired', () => {
    expect(risk(null)).toBe('unknown');
    expect(risk(window.to, { window: null })).toBe('unknown');
    expect(risk(addDays(TODAY, -1), { window: null })).toBe('gap-now');
  });

  it('none once decided, even after the expiry', () => {
    expect(risk(addDays(TODAY, -30), { decided: true })).toBe('none');
    expect(risk(window.from, { decided: true })).toBe('none');
  });

  it('past the window’s end and still pending: possible while the card is valid (the decision may come any day)', () => {
    const late = addDays(window.to, 1);
    expect(risk(addDays(late, 200), { today: late })).toBe('possible');
    expect(processingForecast(input({ today: late, permitExpiry: addDays(late, 200) }))).toMatchObject({ pastWindow: true, gapRisk: 'possible' });
  });
});

/** Words that give English away in a Spanish sentence; the names USCIS and the law use in Spanish too are removed first. */
const ENGLISH = /\b(the|and|your|you|will|with|from|until|before|after|case|cases|published|month|months|weeks|days|work|permit|not|may|can|ask|this|that|is|are|of|to)\b/i;
const NAMES = /USCIS|DACA|e-Request|I-9 Central|I-765|I-821D|\(c\)\(33\)|immigrationadvocates\.org\/legaldirectory/g;
function expectBothLanguages(text: Localized) {
  expect(text.en.length).toBeGreaterThan(20);
  expect(text.es).not.toBe(text.en);
  expect(text.es.replace(NAMES, ''), text.es).not.toMatch(ENGLISH);
}
function allWords(forecast: ProcessingForecast): Localized[] {
  const words = forecastWords(forecast);
  return [words.published, words.inquiry, words.risk, ...words.steps.map((step) => step.text), ...words.context].filter((text): text is Localized => text !== null);
}

describe('the words', () => {
  const TODAY = '2026-09-01';
  const window = decisionWindow(RECEIPT, FIGURE);

  it('always say USCIS’s published figure with its date, never a prediction', () => {
    const words = forecastWords(processingForecast(input({ permitExpiry: '2027-06-01' })));
    for (const lang of LANGUAGES) {
      expect(words.published![lang]).toContain(formatCivilDay(window.from, lang));
      expect(words.published![lang]).toContain(formatCivilDay(window.to, lang));
      expect(words.published![lang]).toContain(formatCivilDay('2026-10-03', lang));
    }
    expect(words.published!.en).toContain('USCIS says most cases like this are decided between November 4, 2026 and December 20, 2026 (published October 3, 2026).');
    expect(words.published!.en).toContain('This is not a prediction for your case.');
    expect(words.published!.en).toContain('3.5 to 5 months');
    expect(words.published!.es).toContain('Esto no es una predicción para su caso.');
    expect(words.published!.es).toContain('de 3.5 a 5 meses');
  });

  it('an unreadable publication date is shown as USCIS wrote it', () => {
    const figure = publishedFigure([{ value: 5, unit: 'Months' }, { value: 3.5, unit: 'Months' }], { publication_date: 'Week 40' });
    const words = forecastWords(processingForecast(input({ figure })));
    expect(words.published!.en).toContain('published “Week 40”');
    expect(words.published!.es).toContain('publicado: «Week 40»');
  });

  it('give the community’s figures and the fingerprint re-checks only as dated context, while pending', () => {
    const pending = forecastWords(processingForecast(input({ permitExpiry: '2027-06-01' })));
    const context = pending.context.map((text) => text.en).join(' ');
    for (const dated of ['151–157 days (May 2026)', '192 days', '7 months (September 2026)', 'Since April 27, 2026', 'For context only']) expect(context).toContain(dated);
    expect(forecastWords(processingForecast(input({ decided: true }))).context).toEqual([]);
    expect(forecastWords(processingForecast(input({ decided: true }))).published).toBeNull();
  });

  it('the steps people take come only when a gap is likely or has begun', () => {
    const at = (permitExpiry: string, today = TODAY) => forecastWords(processingForecast(input({ permitExpiry, today })));
    expect(at(window.to).steps).toEqual([]);
    expect(at(window.from).steps).toEqual([]);
    expect(at(addDays(window.from, -1)).steps.map((step) => step.id)).toEqual(['inquiry', 'employer', 'legal-aid']);
    // Day 110, expired: the inquiry (day 105) but not yet "outside normal processing times" by USCIS's figure.
    const expired = at(addDays(RECEIPT, 100), addDays(RECEIPT, 110));
    expect(expired.steps.map((step) => step.id)).toEqual(['inquiry', 'employer', 'legal-aid']);
    expect(expired.steps.map((step) => step.link)).toEqual([USCIS_PAGES.caseInquiry, USCIS_PAGES.i9Central, FIND_LEGAL_SERVICES_URL]);
    // Received before USCIS's inquiry date (June 1): the case-assistance route too.
    const early = forecastWords(processingForecast(input({ receipt: '2026-05-20', permitExpiry: '2026-08-31', today: '2026-09-01' })));
    expect(early.steps.map((step) => step.id)).toEqual(['inquiry', 'case-assistance', 'employer', 'legal-aid']);
    expect(early.steps[1]!.link).toBe(E_REQUEST_URL);
  });

  it('before day 105, the inquiry step says from when; links go to USCIS’s own sites only; the legal directory stays text', () => {
    const words = forecastWords(processingForecast(input({ permitExpiry: addDays(window.from, -1) })));
    const inquiry = words.steps.find((step) => step.id === 'inquiry')!;
    expect(inquiry.text.en).toContain(formatCivilDay(addDays(RECEIPT, 105), 'en'));
    for (const step of words.steps) {
      if (step.link !== null) expect(isSafeExternalUrl(step.link), step.link).toBe(true);
    }
    expect(isSafeExternalUrl(`https://${LEGAL_DIRECTORY_TEXT}`)).toBe(false);
    const legal = words.steps.find((step) => step.id === 'legal-aid')!;
    for (const lang of LANGUAGES) {
      expect(legal.text[lang]).toContain(LEGAL_DIRECTORY_TEXT);
      expect(legal.text[lang]).not.toMatch(/https?:\/\//);
    }
  });

  it('say each risk in both languages, with no English left in the Spanish', () => {
    const expiries: Array<[string | null, string, string]> = [
      [null, 'unknown', TODAY],
      [window.to, 'none', TODAY],
      [window.from, 'possible', TODAY],
      [addDays(window.from, -1), 'likely', TODAY],
      [addDays(TODAY, -3), 'gap-now', addDays(RECEIPT, 120)],
      [addDays(window.to, 60), 'possible', addDays(window.to, 1)],
    ];
    const seen = new Set<string>();
    for (const [permitExpiry, expected, today] of expiries) {
      for (const receipt of [RECEIPT, '2026-05-01']) {
        const forecast = processingForecast(input({ permitExpiry, today, receipt }));
        if (receipt === RECEIPT) expect(forecast.gapRisk).toBe(expected);
        seen.add(forecast.gapRisk);
        for (const text of allWords(forecast)) expectBothLanguages(text);
      }
    }
    for (const forecast of [processingForecast(input({ figure: null, permitExpiry: window.to })), processingForecast(input({ decided: true, permitExpiry: window.to }))]) {
      for (const text of allWords(forecast)) expectBothLanguages(text);
    }
    expect([...seen].sort()).toEqual(['gap-now', 'likely', 'none', 'possible', 'unknown']);
  });

  it('name the range in its published unit', () => {
    const weeks = publishedFigure([{ value: 22, unit: 'Weeks' }, { value: 15, unit: 'Weeks' }]);
    const words = forecastWords(processingForecast(input({ figure: weeks }))).published!;
    expect(words.en).toContain('15 to 22 weeks');
    expect(words.es).toContain('de 15 a 22 semanas');
  });
});

describe('before filing', () => {
  const EXPIRY = '2027-03-31';

  it('with USCIS’s upper end of 5 months, filing 150 days before the expiry may still leave a gap', () => {
    const advice = filingAdvice(EXPIRY, '2026-09-01', FIGURE)!;
    expect(advice.filedOn).toBe(addDays(EXPIRY, -150));
    expect(advice.window.to).toBe(addMonths(advice.filedOn, 5));
    expect(daysBetween(EXPIRY, advice.window.to)).toBeGreaterThan(0);
    expect(advice.gapRisk).toBe('possible');
    expect(advice.text.en).toContain('up to 5 months');
    expect(advice.text.en).toContain('150 days before the expiry may still leave a gap');
    expect(advice.text.es).toContain('hasta 5 meses');
    expectBothLanguages(advice.text);
  });

  it('filed today inside the window with a shorter published time: no gap by USCIS’s figure', () => {
    const short = publishedFigure([{ value: 3, unit: 'Months' }, { value: 2, unit: 'Months' }]);
    const advice = filingAdvice(EXPIRY, addDays(EXPIRY, -140), short)!;
    expect(advice).toMatchObject({ filedOn: addDays(EXPIRY, -140), gapRisk: 'none' });
    expect(advice.text.en).toContain('Filed today');
    expectBothLanguages(advice.text);
  });

  it('filed late (under 120 days left): a gap may follow; file as soon as possible', () => {
    const advice = filingAdvice(EXPIRY, addDays(EXPIRY, -60), FIGURE)!;
    expect(advice).toMatchObject({ filedOn: addDays(EXPIRY, -60), gapRisk: 'likely' });
    expect(advice.text.en).toContain('File as soon as you can.');
    expect(advice.text.en).not.toContain('150 days before');
    expectBothLanguages(advice.text);
  });

  it('says nothing without a figure or once the card has expired', () => {
    expect(filingAdvice(EXPIRY, '2026-12-01', null)).toBeNull();
    expect(filingAdvice(EXPIRY, addDays(EXPIRY, 1), FIGURE)).toBeNull();
  });
});

describe('the terminal’s work and forecast fields', () => {
  const TODAY = '2026-12-12';
  const facts = (changes: Partial<RenewalFacts>): RenewalFacts => ({
    today: TODAY, permitExpiry: null, filed: false, submitted: null, decision: 'pending', approvedOn: null, newCard: null, ...changes,
  });

  it.each([
    [{ permitExpiry: addDays(TODAY, 121) }, 'valid'],
    [{ permitExpiry: addDays(TODAY, 120) }, 'expires-soon'],
    [{ permitExpiry: TODAY }, 'expires-soon'],
    [{ permitExpiry: addDays(TODAY, -1) }, 'expired'],
    [{ permitExpiry: addDays(TODAY, -1), filed: true, submitted: '2026-08-01' }, 'expired'],
    [{ permitExpiry: addDays(TODAY, 10), filed: true, decision: 'approved' as const, approvedOn: TODAY }, 'renewed'],
    [{}, 'unknown'],
  ])('status of %o is %s', (changes, status) => {
    expect(workStatus(workAnswer(facts(changes)))).toBe(status);
  });

  it('the work line carries the worst case’s gap risk; none needs the work permit’s own figure', () => {
    const EXPIRY = '2027-03-10';
    const answer = workAnswer(facts({ permitExpiry: EXPIRY, filed: true, submitted: '2026-10-20' }));
    const at = (form: string, figure: PublishedFigure | null, decided = false) =>
      processingForecast({ form, receipt: '2026-10-20', today: TODAY, permitExpiry: EXPIRY, decided, figure });
    const short = publishedFigure([{ value: 3, unit: 'Months' }, { value: 1, unit: 'Months' }]);
    expect(workLine(answer, [at('I-821D', short), at('I-765', FIGURE)])).toEqual({ permitExpiry: EXPIRY, status: 'expires-soon', daysLeft: daysBetween(TODAY, EXPIRY), gapRisk: 'possible' });
    expect(workLine(answer, [at('I-821D', short), at('I-765', short)]).gapRisk).toBe('none');
    expect(workLine(answer, [at('I-821D', short), at('I-765', null)]).gapRisk).toBe('unknown');
    expect(workLine(answer, [at('I-821D', FIGURE), at('I-765', null)]).gapRisk).toBe('possible');
    expect(workLine(answer, [at('I-821D', FIGURE, true), at('I-765', FIGURE, true)]).gapRisk).toBe('none');
    expect(workLine(answer, []).gapRisk).toBe('unknown');
    const expired = workAnswer(facts({ permitExpiry: addDays(TODAY, -2), filed: true, submitted: '2026-10-20' }));
    expect(workLine(expired, []).gapRisk).toBe('gap-now');
    expect(workLine(workAnswer(facts({ permitExpiry: addDays(TODAY, -2) })), []).gapRisk).toBe('gap-now');
    expect(workLine(workAnswer(facts({ permitExpiry: addDays(TODAY, 200) })), []).gapRisk).toBe('unknown');
    const renewed = workAnswer(facts({ permitExpiry: addDays(TODAY, -2), filed: true, decision: 'approved', approvedOn: TODAY }));
    expect(workLine(renewed, [at('I-765', FIGURE)])).toMatchObject({ status: 'renewed', gapRisk: 'none' });
  });

  it('from the stored state: one forecast line per case with a published time, ISO days, the receipt as the caller shows it', () => {
    const snapshot = (form: string, submissionDate: string) =>
      CaseSnapshotSchema.parse({
        detail: { at: '2026-12-10T15:00:00.000Z', formType: form, submissionDate, events: [], notices: [] },
        status: { at: '2026-12-10T15:00:00.000Z', title: 'Case Is Being Actively Reviewed By USCIS', history: [] },
      });
    const state = {
      cases: [{ receipt: 'IOE0933012457', formType: 'I-821D', problem: null }, { receipt: 'IOE0933012458', formType: 'I-765', problem: null }],
      snapshots: { IOE0933012457: snapshot('I-821D', '2026-07-20'), IOE0933012458: snapshot('I-765', '2026-07-20') },
      history: [],
      settings: SettingsSchema.parse({ permitExpiry: '2026-12-01', maskReceipts: true }),
    };
    const lines = storedForecastLines(state, { 'I-765': FIGURE, 'I-821D': null }, TODAY);
    expect(lines.work).toEqual({ permitExpiry: '2026-12-01', status: 'expired', daysLeft: -11, gapRisk: 'gap-now' });
    expect(lines.forecasts).toEqual([
      {
        receipt: 'IOE•••••2458',
        form: 'I-765',
        published: { low: 3.5, high: 5, unit: 'months', publicationDate: '2026-10-03' },
        inquiryReceivedBefore: '2026-06-01',
        canAskNow: true,
        decisionWindow: ['2026-11-04', '2026-12-20'],
      },
    ]);
    for (const day of lines.forecasts[0]!.decisionWindow) expect(day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.parse(JSON.stringify(lines))).toEqual(lines);
    // Masking off: the receipt in full; the I-821D's figure published too: two lines.
    const unmasked = { ...state, settings: SettingsSchema.parse({ permitExpiry: '2026-12-01' }) };
    const both = storedForecastLines(unmasked, { 'I-765': FIGURE, 'I-821D': FIGURE }, TODAY);
    expect(both.forecasts.map((line) => [line.receipt, line.form])).toEqual([['IOE0933012457', 'I-821D'], ['IOE0933012458', 'I-765']]);
    // Nothing published: no forecast line, and the work line still says the gap has begun.
    expect(storedForecastLines(unmasked, {}, TODAY)).toEqual({ work: { ...lines.work }, forecasts: [] });
  });
});
