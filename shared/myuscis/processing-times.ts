// USCIS's published processing times (egov.uscis.gov, MYUSCIS.md "USCIS's published processing times"): lenient
// readers of the time payload and of the subtype and office lists, and the choice of one figure. Never throws, never fetches.
//
// What is confirmed: the time payload's shape (several scrapers read it) and that `range[0]` is the upper bound.
// What is not: the subtype list's shape, the codes of the I-821D's and the (c)(33) I-765's subtype and office, and
// the format of `service_request_date`. So: subtypes are found by their description, never by a code; any list of
// objects under `data` is read as the list; a date that cannot be read is kept as USCIS wrote it.

import { z } from 'zod';
import type { Localized } from '../localized';
import { toIsoDate } from './dates';

/** The units USCIS publishes a range in (any case, singular or plural: "Months", "week", "DAYS"). */
export type PublishedUnit = 'months' | 'weeks' | 'days';

/** One end of a published range as USCIS gave it. */
export interface PublishedAmount {
  value: number;
  unit: PublishedUnit;
}

/**
 * Weeks and days are converted to months only to give every figure in months (the `forecast` line, the words): by the
 * average Gregorian month, 365.2425 / 12 = 30.436875 days, so 13 weeks (91 days) read as 2.99 months. The decision
 * window is not computed from the converted months: it adds the published amount itself (weeks as 7 days each,
 * days as days, months as calendar months), see shared/knowledge/processing-forecast.ts.
 */
export const AVERAGE_DAYS_PER_MONTH = 365.2425 / 12;

/** One published figure, read: USCIS's range for one form, subtype and office, with its dates. */
export interface PublishedFigure {
  /** The form as USCIS named it (`form_name`, e.g. "I-765"), or as it was asked for when the payload did not say. */
  form: string;
  /** The subtype's code (`form_type`), as given; null when not given. */
  subtype: string | null;
  /** What USCIS says the subtype is (`subtype_info_en` / `_es`), when given. */
  subtypeText: Localized | null;
  /** The office's code (`office_code`), as given; null when not given. */
  office: string | null;
  /** The lower and upper ends in months (converted from weeks or days, rounded to 2 decimals). */
  low: number;
  high: number;
  unit: 'months';
  /** The two ends exactly as published (their own units), which the decision window is computed from. */
  given: { low: PublishedAmount; high: PublishedAmount };
  /** True when USCIS's two ends came in the other order than the documented upper-then-lower (read anyway). */
  swapped: boolean;
  /** `publication_date` as a day (YYYY-MM-DD), or null when missing or unreadable; the text as USCIS wrote it. */
  publicationDate: string | null;
  publicationDateText: string | null;
  /** `service_request_date`: cases received before this day may ask USCIS; null when missing or unreadable. */
  inquiryReceivedBefore: string | null;
  /** The same, exactly as USCIS wrote it, shown as given when it cannot be read as a day. */
  inquiryText: string | null;
  /** USCIS's note on the subtype (`subtype_note_en` / `_es`), when given. */
  note: Localized | null;
}

/** Why a payload or one of its subtypes gives no figure. */
export type UnusableReason =
  | 'no-processing-time'
  | 'no-subtypes'
  | 'no-range'
  | 'single-value'
  | 'not-a-number'
  | 'unknown-unit'
  | 'zero-range';

export interface UnusableSubtype {
  subtype: string | null;
  reason: UnusableReason;
  /** For logs (English, no personal data): what was wrong. */
  problem: string;
}

/** A processing-time payload read: the figures its subtypes give, and the subtypes that gave none (with why). */
export type ProcessingTimesReading =
  | { kind: 'published'; form: string | null; office: string | null; formNote: Localized | null; figures: PublishedFigure[]; unusable: UnusableSubtype[] }
  | { kind: 'unusable'; reason: UnusableReason; problem: string; unusable: UnusableSubtype[] };

// ---- The schema: every field optional and caught, unknown fields allowed through, so one odd field rejects nothing.

/** A code or a text: a string as given, a number as its digits; anything else reads as undefined. */
const text = z
  .union([z.string(), z.number()])
  .transform((value) => String(value).trim())
  .optional()
  .catch(undefined);

export const PublishedSubtypeSchema = z.looseObject({
  form_type: text,
  publication_date: text,
  /** Kept raw: its entries are judged one by one (readRange), so a bad one is named, not silently dropped. */
  range: z.unknown().optional(),
  service_request_date: text,
  subtype_info_en: text,
  subtype_info_es: text,
  subtype_note_en: text,
  subtype_note_es: text,
});

export const ProcessingTimeSchema = z.looseObject({
  form_name: text,
  office_code: text,
  form_note_en: text,
  form_note_es: text,
  subtypes: z.array(z.unknown()).optional().catch(undefined),
});

/** `GET /processing-times/api/processingtime/{form}/{office}[/{subtype}]`. */
export const ProcessingTimePayloadSchema = z.looseObject({
  data: z.looseObject({ processing_time: ProcessingTimeSchema.optional().catch(undefined) }).optional().catch(undefined),
});

// ---- Dates as USCIS's processing-times page writes them.

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
/** "October 3, 2026", "Oct. 3, 2026", "Sept 3 2026". */
const MONTH_NAME_DAY_YEAR = /^(?<name>[a-z]{3,9})\.?\s+(?<day>\d{1,2}),?\s+(?<year>\d{4})$/i;
/** "3 October 2026", "03-Oct-2026". */
const DAY_MONTH_NAME_YEAR = /^(?<day>\d{1,2})[\s-](?<name>[a-z]{3,9})\.?[\s-](?<year>\d{4})$/i;
/** "01/15/2026", "1/5/2026" (US order: month first). */
const SLASHED = /^(?<month>\d{1,2})\/(?<day>\d{1,2})\/(?<year>\d{4})$/;

/** A real calendar day from its parts, or null (February 30 is not a day). */
function dayOf(year: number, month: number, day: number): string | null {
  const two = (n: number) => String(n).padStart(2, '0');
  return toIsoDate(`${String(year).padStart(4, '0')}-${two(month)}-${two(day)}`);
}

function monthNumber(name: string): number | null {
  const lower = name.toLowerCase();
  const index = MONTHS.indexOf(lower.slice(0, 3));
  // "Sept" and full names are fine; "Octember" is not a month.
  const full = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
  return index >= 0 && (full[index]!.startsWith(lower) || lower === 'sept') ? index + 1 : null;
}

/**
 * A day USCIS's processing-times page wrote (`publication_date`, `service_request_date`), leniently: "October 3,
 * 2026", "Oct. 3, 2026", "3 October 2026", "2026-10-03" (or an ISO instant: its day as written), "10/03/2026",
 * "10-03-2026". Null for anything else, impossible days included; the caller keeps the text to show as given.
 */
export function readPublishedDay(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const value = raw.trim().replace(/\s+/g, ' ');
  const named = (MONTH_NAME_DAY_YEAR.exec(value) ?? DAY_MONTH_NAME_YEAR.exec(value))?.groups;
  if (named) {
    const month = monthNumber(named.name ?? '');
    return month === null ? null : dayOf(Number(named.year), month, Number(named.day));
  }
  const slashed = SLASHED.exec(value)?.groups;
  if (slashed) return dayOf(Number(slashed.year), Number(slashed.month), Number(slashed.day));
  return toIsoDate(value);
}

// ---- The range.

function readUnit(raw: unknown): PublishedUnit | null {
  if (typeof raw !== 'string') return null;
  const unit = /^(month|week|day)(?:s|\(s\))?$/i.exec(raw.trim())?.[1]?.toLowerCase();
  return unit === undefined ? null : (`${unit}s` as PublishedUnit);
}

/** A number, or a string that is one ("13.5", " 5 "); negative, NaN and anything else are not a figure. */
function readValue(raw: unknown): number | null {
  const value = typeof raw === 'number' ? raw : typeof raw === 'string' && /^\s*\d+(?:\.\d+)?\s*$/.test(raw) ? Number(raw) : NaN;
  return Number.isFinite(value) && value >= 0 ? value : null;
}

/** An amount in (fractional) months: months as they are, weeks and days by AVERAGE_DAYS_PER_MONTH. */
export function amountInMonths(amount: PublishedAmount): number {
  const days = amount.unit === 'months' ? null : amount.unit === 'weeks' ? amount.value * 7 : amount.value;
  return days === null ? amount.value : days / AVERAGE_DAYS_PER_MONTH;
}

const twoDecimals = (n: number) => Math.round(n * 100) / 100;

type RangeReading = { low: PublishedAmount; high: PublishedAmount; swapped: boolean } | { reason: UnusableReason; problem: string };

function readRange(raw: unknown): RangeReading {
  if (!Array.isArray(raw) || raw.length === 0) return { reason: 'no-range', problem: 'no range was published' };
  if (raw.length === 1) return { reason: 'single-value', problem: 'the range has one end only' };
  const ends: PublishedAmount[] = [];
  for (const entry of raw.slice(0, 2)) {
    const record = typeof entry === 'object' && entry !== null ? (entry as Record<string, unknown>) : {};
    const value = readValue(record.value);
    if (value === null) return { reason: 'not-a-number', problem: `a range value is not a number (${typeof record.value})` };
    const unit = readUnit(record.unit);
    if (unit === null) return { reason: 'unknown-unit', problem: `a range unit is not months, weeks or days (${JSON.stringify(record.unit)?.slice(0, 40)})` };
    ends.push({ value, unit });
  }
  // range[0] is the upper bound and range[1] the lower (MYUSCIS.md); a pair the other way round is read, not refused.
  const [first, second] = ends as [PublishedAmount, PublishedAmount];
  if (first.value === 0 && second.value === 0) return { reason: 'zero-range', problem: 'both ends of the range are 0' };
  const swapped = amountInMonths(first) < amountInMonths(second);
  return swapped ? { low: first, high: second, swapped } : { low: second, high: first, swapped };
}

const localizedOf = (en: string | undefined, es: string | undefined): Localized | null =>
  en === undefined || en === '' ? null : { en, es: es === undefined || es === '' ? en : es };

/**
 * USCIS's processing-time payload read. Never throws: a missing `processing_time` or no subtypes is an `unusable`
 * reading; a subtype whose range cannot be read (missing, one end, not a number, an unknown unit) is listed in
 * `unusable` with why, and the other subtypes still give their figures. `asked` names the form, office and subtype
 * that were asked for, used where the payload leaves them out.
 */
export function readProcessingTimes(payload: unknown, asked: { form?: string; office?: string; subtype?: string } = {}): ProcessingTimesReading {
  const parsed = ProcessingTimePayloadSchema.safeParse(payload);
  const time = parsed.success ? parsed.data.data?.processing_time : undefined;
  if (time === undefined) return { kind: 'unusable', reason: 'no-processing-time', problem: 'the payload has no data.processing_time', unusable: [] };
  const subtypes = time.subtypes ?? [];
  const form = time.form_name || asked.form || null;
  const office = time.office_code || asked.office || null;
  const figures: PublishedFigure[] = [];
  const unusable: UnusableSubtype[] = [];
  for (const raw of subtypes) {
    const read = PublishedSubtypeSchema.safeParse(raw);
    if (!read.success) {
      unusable.push({ subtype: null, reason: 'no-range', problem: 'a subtype entry is not an object' });
      continue;
    }
    const entry = read.data;
    const subtype = entry.form_type || asked.subtype || null;
    const range = readRange(entry.range);
    if ('reason' in range) {
      unusable.push({ subtype, reason: range.reason, problem: range.problem });
      continue;
    }
    figures.push({
      form: form ?? '',
      subtype,
      subtypeText: localizedOf(entry.subtype_info_en, entry.subtype_info_es),
      office,
      low: twoDecimals(amountInMonths(range.low)),
      high: twoDecimals(amountInMonths(range.high)),
      unit: 'months',
      given: { low: range.low, high: range.high },
      swapped: range.swapped,
      publicationDate: readPublishedDay(entry.publication_date),
      publicationDateText: entry.publication_date || null,
      inquiryReceivedBefore: readPublishedDay(entry.service_request_date),
      inquiryText: entry.service_request_date || null,
      note: localizedOf(entry.subtype_note_en, entry.subtype_note_es),
    });
  }
  if (figures.length === 0) {
    return subtypes.length === 0
      ? { kind: 'unusable', reason: 'no-subtypes', problem: 'the payload lists no subtypes', unusable }
      : { kind: 'unusable', reason: unusable[0]!.reason, problem: `no subtype gives a usable range (${unusable.map((u) => u.problem).join('; ')})`, unusable };
  }
  return { kind: 'published', form, office, formNote: localizedOf(time.form_note_en, time.form_note_es), figures, unusable };
}

// ---- The discovery lists (`/api/formtypes/{form}`, `/api/formoffices/{form}/{subtype}`).

/** One entry of a discovery list: a code and what USCIS calls it. */
export interface ListedOption {
  code: string;
  description: string;
  descriptionEs: string | null;
}

const CODE_KEYS = ['form_type', 'office_code', 'subtype', 'form_subtype', 'code', 'id', 'value'];
const DESCRIPTION_KEYS = ['form_type_description_en', 'office_description', 'subtype_info_en', 'description_en', 'description', 'form_type_description', 'name', 'label'];
const DESCRIPTION_ES_KEYS = ['form_type_description_es', 'office_description_es', 'subtype_info_es', 'description_es'];

const firstText = (record: Record<string, unknown>, keys: readonly string[], skip: readonly string[] = []): string | null => {
  for (const key of keys) {
    const value = record[key];
    if (!skip.includes(key) && (typeof value === 'string' || typeof value === 'number') && String(value).trim() !== '') return String(value).trim();
  }
  return null;
};

/** The first list of objects under `data`, where `preferred` says first (the unconfirmed shapes vary by a level). */
function findList(payload: unknown, preferred: readonly string[][]): unknown[] {
  const data = (payload as { data?: unknown } | null)?.data;
  for (const path of preferred) {
    let at: unknown = data;
    for (const key of path) at = typeof at === 'object' && at !== null ? (at as Record<string, unknown>)[key] : undefined;
    if (Array.isArray(at)) return at;
  }
  // Anything else: a breadth-first look, a few levels down, for an array of objects.
  let level: unknown[] = [data];
  for (let depth = 0; depth < 4 && level.length > 0; depth += 1) {
    const next: unknown[] = [];
    for (const node of level) {
      if (Array.isArray(node) && node.some((item) => typeof item === 'object' && item !== null)) return node;
      if (typeof node === 'object' && node !== null && !Array.isArray(node)) next.push(...Object.values(node));
    }
    level = next;
  }
  return [];
}

function readOptions(payload: unknown, preferred: readonly string[][], codeKeys: readonly string[]): ListedOption[] {
  return findList(payload, preferred).flatMap((entry) => {
    if (typeof entry !== 'object' || entry === null) return [];
    const record = entry as Record<string, unknown>;
    const codeKey = codeKeys.find((key) => firstText(record, [key]) !== null);
    const code = codeKey === undefined ? null : firstText(record, [codeKey]);
    if (code === null) return [];
    return [{ code, description: firstText(record, DESCRIPTION_KEYS, [codeKey!]) ?? code, descriptionEs: firstText(record, DESCRIPTION_ES_KEYS) }];
  });
}

/** `/api/formtypes/{form}`: the form's subtypes (shape unconfirmed: `data.form_types.subtypes[]` and kin are read). */
export function readFormSubtypes(payload: unknown): ListedOption[] {
  return readOptions(payload, [['form_types', 'subtypes'], ['form_types'], ['subtypes'], ['form_subtypes']], CODE_KEYS.filter((key) => key !== 'office_code'));
}

/** `/api/formoffices/{form}/{subtype}`: the offices (`data.form_offices.offices[]{office_code, office_description}`). */
export function readFormOffices(payload: unknown): ListedOption[] {
  return readOptions(payload, [['form_offices', 'offices'], ['offices'], ['form_offices']], ['office_code', 'code', 'id', 'value']);
}

// ---- Choosing.

/** The (c)(33) category in any spacing ("(c)(33)", "(C) (33)", "c33"). */
const C33 = /\(\s*c\s*\)\s*\(\s*33\s*\)|\bc\s*33\b/i;
/** DACA by name. */
const DACA_NAME = /deferred action for childhood arrivals|\bdaca\b/i;
const DACA_WORK_PERMIT = new RegExp(`${C33.source}|${DACA_NAME.source}`, 'i');
const RENEWAL = /renew/i;

/** A subtype chosen from a list, and what it was found by. */
export interface ChosenSubtype {
  code: string;
  description: string;
  basis: 'description' | 'only-one';
}

/**
 * The subtype to ask about: for the I-765, the one whose description names the (c)(33) category or DACA (never a
 * hard-coded code: they are not confirmed); for the I-821D, a DACA renewal's, else a DACA one, else the only one
 * listed. Null when none fits (ask without a subtype, or say nothing is published).
 */
export function chooseSubtype(form: string, options: readonly ListedOption[]): ChosenSubtype | null {
  const described = (option: ListedOption) => `${option.description} ${option.descriptionEs ?? ''}`;
  const daca = options.filter((option) => DACA_WORK_PERMIT.test(described(option)));
  // The I-765: the (c)(33) category first, DACA by name only if no subtype names the category.
  const pick = /765/.test(form)
    ? (daca.find((option) => C33.test(described(option))) ?? daca[0])
    : (daca.find((option) => RENEWAL.test(described(option))) ?? daca[0] ?? options.find((option) => RENEWAL.test(described(option))));
  if (pick !== undefined) return { code: pick.code, description: pick.description, basis: 'description' };
  if (!/765/.test(form) && options.length === 1) return { code: options[0]!.code, description: options[0]!.description, basis: 'only-one' };
  return null;
}

/** Whether a subtype's own published text says it is the DACA one (the figure's `subtypeText`, when a payload has several). */
export function isDacaFigure(figure: PublishedFigure): boolean {
  return figure.subtypeText !== null && DACA_WORK_PERMIT.test(`${figure.subtypeText.en} ${figure.subtypeText.es}`);
}

/** A figure chosen among several offices, and why this one: the case's own office, or the widest range. */
export interface ChosenFigure {
  figure: PublishedFigure;
  basis: 'own-office' | 'widest-range';
}

/** Letters and digits only, upper case: "Nebraska  Service-Center" and "NEBRASKA SERVICE CENTER" are one name. */
const plainName = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]+/g, ' ').trim();

/**
 * Whether a name myUSCIS gives (an office's code or description) is this listed one; a description may join several
 * texts (English | Spanish), any of which, whole, names it. The engine asks egov by the same rule.
 */
export function sameName(named: string, listed: string): boolean {
  const wanted = plainName(named);
  return wanted !== '' && listed.split(' | ').some((text) => plainName(text) === wanted);
}

/**
 * One figure among those published for several offices (give it one form's and subtype's figures: a payload that
 * lists several subtypes can be narrowed with isDacaFigure first): the case's own office when both the case and a figure name
 * it (any of `ownOffice`'s names: a code or a description); otherwise the widest range, meaning the one that reaches
 * furthest (the highest upper end, the most cautious reading for a gap), on a tie the one with the lower low end.
 * Null when there is no figure.
 */
export function chooseFigure(figures: readonly PublishedFigure[], ownOffice?: string | readonly string[] | null): ChosenFigure | null {
  const names = (ownOffice === undefined || ownOffice === null ? [] : typeof ownOffice === 'string' ? [ownOffice] : [...ownOffice]).filter((name) => name.trim() !== '');
  const own = figures.find((figure) => figure.office !== null && names.some((name) => sameName(name, figure.office!)));
  if (own !== undefined) return { figure: own, basis: 'own-office' };
  const widest = [...figures].sort((a, b) => b.high - a.high || a.low - b.low)[0];
  return widest === undefined ? null : { figure: widest, basis: 'widest-range' };
}

/** What the engine stores for one form (shared/monitor/state.ts): its subtype, and each office's answer as sent. */
export interface StoredPublication {
  subtype: { code: string; description: string } | null;
  answers: ReadonlyArray<{ office: { code: string; description: string }; payload: unknown }>;
}

/**
 * The figure for one form from its stored answers: each office's payload read, the figures of the stored subtype kept
 * (by its code; when no code matches, the subtype whose own text names DACA, or, for the I-821D, a payload's only
 * figure), then one
 * chosen: the case's own office (named by code or by description, as myUSCIS names it) or the widest range.
 */
export function chooseStoredFigure(form: string, stored: StoredPublication, ownOffice?: string | readonly string[] | null): ChosenFigure | null {
  const names = ownOffice === undefined || ownOffice === null ? [] : typeof ownOffice === 'string' ? [ownOffice] : [...ownOffice];
  const ownCodes = stored.answers
    .filter((answer) => names.some((name) => sameName(name, answer.office.code) || sameName(name, answer.office.description)))
    .map((answer) => answer.office.code);
  const figures = stored.answers.flatMap((answer) => {
    const reading = readProcessingTimes(answer.payload, { form, office: answer.office.code, ...(stored.subtype === null ? {} : { subtype: stored.subtype.code }) });
    if (reading.kind !== 'published') return [];
    const byCode = stored.subtype === null ? [] : reading.figures.filter((figure) => figure.subtype !== null && sameName(figure.subtype, stored.subtype!.code));
    if (byCode.length > 0) return byCode;
    const daca = reading.figures.filter(isDacaFigure);
    // An I-765 figure must be the (c)(33) one: a payload's only figure may be another category's.
    return daca.length > 0 ? daca.slice(0, 1) : reading.figures.length === 1 && !/765/.test(form) ? reading.figures : [];
  });
  return chooseFigure(figures, [...names, ...ownCodes]);
}
