// "Will it be decided in time?": USCIS's published processing time laid on this case's receipt date and permit
// expiry (the window USCIS says most such cases are decided in, whether the case may ask USCIS now, the gap risk),
// the words for each moment, and the terminal's `work` and `forecast` line fields. Pure: civil days in, data out.
//
// Never a prediction of this case: every window is said as USCIS's published figure with its publication date, and
// community figures only as dated context (MYUSCIS.md "USCIS's published processing times", "DACA rules").

import type { Language, Localized } from '../localized';
import { AVERAGE_DAYS_PER_MONTH, type PublishedAmount, type PublishedFigure } from '../myuscis/processing-times';
import { addDays, addMonths, calendarDay, daysBetween, userDay } from './calendar-days';
import type { Form } from './case-reading';
import { FILING_WINDOW_DAYS, INQUIRY_AFTER_DAYS } from './daca-timing';
import { FIND_LEGAL_SERVICES_URL } from './decision-outcomes';
import { formatCivilDay, USCIS_PAGES } from './renewal-calendar';
import { formOf, shownReceipt, storedVerdict, type RenewalState } from './renewal-facts';
import { isApprovedStage, isEndingStage } from './stages';
import { EXPIRING_SOON_DAYS, storedWorkAnswer, type WorkAnswer } from './work-answer';

/**
 * USCIS's e-Request tool (egov.uscis.gov, an EXTERNAL_HOSTS host), the online route USCIS has named for a case
 * outside normal processing times. UNCONFIRMED here: MYUSCIS.md does not record it (it records the day-105 inquiry
 * and the Contact Center, USCIS_PAGES.caseInquiry); it is offered beside the Contact Center, never instead of it.
 */
export const E_REQUEST_URL = 'https://egov.uscis.gov/e-request';

/**
 * A national directory of nonprofit legal services (immigrationadvocates.org). Not a USCIS site: it is never an
 * openable link in the app (shared/security/navigation.ts opens USCIS's hosts only), so it is written as plain text
 * without a scheme, for context beside USCIS's own list (FIND_LEGAL_SERVICES_URL).
 */
export const LEGAL_DIRECTORY_TEXT = 'immigrationadvocates.org/legaldirectory';

/** none: USCIS's range ends by the expiry; possible: the expiry falls inside it; likely: before it; gap-now: expired, not decided. */
export const GAP_RISKS = ['none', 'possible', 'likely', 'gap-now', 'unknown'] as const;
export type GapRisk = (typeof GAP_RISKS)[number];

/**
 * The day `amount` after `day`. Months are calendar months (January 31 + 1 month = February 28, or 29 in a leap
 * year); a fraction of a month is that share of an average month (AVERAGE_DAYS_PER_MONTH, 30.44 days) rounded to the
 * nearest day, so 3.5 months is 3 calendar months and 15 days. Weeks are 7 days each, days are days (rounded).
 */
export function addPublishedAmount(day: string, amount: PublishedAmount): string {
  if (amount.unit === 'months') {
    const whole = Math.floor(amount.value);
    return addDays(addMonths(day, whole), Math.round((amount.value - whole) * AVERAGE_DAYS_PER_MONTH));
  }
  return addDays(day, Math.round(amount.unit === 'weeks' ? amount.value * 7 : amount.value));
}

/** The days USCIS says most cases received on `receipt` are decided between: [receipt + low, receipt + high]. */
export function decisionWindow(receipt: string, figure: PublishedFigure): { from: string; to: string } {
  return { from: addPublishedAmount(receipt, figure.given.low), to: addPublishedAmount(receipt, figure.given.high) };
}

export interface GapFacts {
  /** The published window for this case, or null when no figure could be read. */
  window: { from: string; to: string } | null;
  /** The current card's "Card Expires" day (its last valid day), or null when not entered. */
  permitExpiry: string | null;
  today: string;
  decided: boolean;
}

/**
 * The gap risk. The printed expiry is the card's last valid day, so a decision on that day is in time and a gap
 * starts the day after. Decided: none. Not decided and expired: gap-now (with or without a figure). No expiry or no
 * figure: unknown. Otherwise, against the window: none when it ends on or before the expiry, likely when it begins
 * after the expiry, possible when the expiry falls inside it. A case already past its window's end may be decided
 * any day from today on, so with the expiry still ahead it is possible, never none.
 */
export function gapRisk(facts: GapFacts): GapRisk {
  if (facts.decided) return 'none';
  if (facts.permitExpiry === null) return 'unknown';
  const expiry = calendarDay(facts.permitExpiry);
  if (daysBetween(facts.today, expiry) < 0) return 'gap-now';
  if (facts.window === null) return 'unknown';
  if (daysBetween(facts.window.to, facts.today) > 0) return 'possible';
  if (daysBetween(facts.window.to, expiry) >= 0) return 'none';
  if (daysBetween(facts.window.from, expiry) < 0) return 'likely';
  return 'possible';
}

export interface ForecastInput {
  form: Form | string;
  /** The case's receipt (submission) date: a day, or an instant read as the user's day in `timeZone`. */
  receipt: string;
  /** The user's civil day. */
  today: string;
  timeZone?: string;
  permitExpiry: string | null;
  decided: boolean;
  figure: PublishedFigure | null;
}

export interface ProcessingForecast {
  form: string;
  /** The receipt date as the user's day. */
  receiptDay: string;
  figure: PublishedFigure | null;
  /** USCIS's published window for this receipt date; null without a figure. */
  window: { from: string; to: string } | null;
  /** Not decided and today is after the window's last day: "outside normal processing times". */
  pastWindow: boolean;
  inquiry: {
    /** USCIS's published inquiry date (cases received before it may ask), or null; the text as published. */
    receivedBefore: string | null;
    text: string | null;
    /** Received before that date: true / false; null when there is no readable date. */
    byPublishedDate: boolean | null;
    /** Day 105 from the receipt (daca-timing): a DACA renewal may be asked about from then. */
    day105On: string;
    byDay105: boolean;
    /** Not decided, and either route is open. */
    canAskNow: boolean;
  };
  permitExpiry: string | null;
  decided: boolean;
  gapRisk: GapRisk;
}

/** The forecast for one case. Throws only when `receipt` or `today` is not a date (the caller's dates, not USCIS's). */
export function processingForecast(input: ForecastInput): ProcessingForecast {
  const receiptDay = userDay(input.receipt, input.timeZone);
  if (receiptDay === null) throw new RangeError(`Not a receipt date: "${input.receipt}"`);
  const today = calendarDay(input.today);
  const figure = input.figure;
  const window = figure === null ? null : decisionWindow(receiptDay, figure);
  const receivedBefore = figure?.inquiryReceivedBefore ?? null;
  const byPublishedDate = receivedBefore === null ? null : daysBetween(receiptDay, receivedBefore) > 0;
  const day105On = addDays(receiptDay, INQUIRY_AFTER_DAYS);
  const byDay105 = daysBetween(receiptDay, today) >= INQUIRY_AFTER_DAYS;
  const permitExpiry = input.permitExpiry === null ? null : calendarDay(input.permitExpiry);
  return {
    form: input.form,
    receiptDay,
    figure,
    window,
    pastWindow: !input.decided && window !== null && daysBetween(window.to, today) > 0,
    inquiry: {
      receivedBefore,
      text: figure?.inquiryText ?? null,
      byPublishedDate,
      day105On,
      byDay105,
      canAskNow: !input.decided && (byPublishedDate === true || byDay105),
    },
    permitExpiry,
    decided: input.decided,
    gapRisk: gapRisk({ window, permitExpiry, today, decided: input.decided }),
  };
}

// ---- Words.

const both = (make: (lang: Language) => string): Localized => ({ en: make('en'), es: make('es') });
const day = (value: string, lang: Language) => formatCivilDay(value, lang);
const NUMBER_LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };

const UNIT_WORDS: Record<PublishedAmount['unit'], Record<Language, [string, string]>> = {
  months: { en: ['month', 'months'], es: ['mes', 'meses'] },
  weeks: { en: ['week', 'weeks'], es: ['semana', 'semanas'] },
  days: { en: ['day', 'days'], es: ['día', 'días'] },
};

/** "3.5" in either language (es-US writes the decimal point as en-US does). */
const numberText = (value: number, lang: Language) => new Intl.NumberFormat(NUMBER_LOCALES[lang], { maximumFractionDigits: 2 }).format(value);

function amountText(amount: PublishedAmount, lang: Language): string {
  const [one, many] = UNIT_WORDS[amount.unit][lang];
  return `${numberText(amount.value, lang)} ${amount.value === 1 ? one : many}`;
}

/** "3.5 to 5 months" / "de 3.5 a 5 meses" (each end in its own unit when they differ). */
export function publishedRangeText(figure: PublishedFigure, lang: Language): string {
  const { low, high } = figure.given;
  const lowText = low.unit === high.unit ? numberText(low.value, lang) : amountText(low, lang);
  return lang === 'en' ? `${lowText} to ${amountText(high, lang)}` : `de ${lowText} a ${amountText(high, lang)}`;
}

/** "published October 3, 2026"; the text as USCIS wrote it when it is not a readable day; or that none was given. */
export function publishedOn(figure: PublishedFigure, lang: Language): string {
  if (figure.publicationDate !== null) return lang === 'en' ? `published ${day(figure.publicationDate, lang)}` : `publicado el ${day(figure.publicationDate, lang)}`;
  if (figure.publicationDateText !== null) return lang === 'en' ? `published “${figure.publicationDateText}”` : `publicado: «${figure.publicationDateText}»`;
  return lang === 'en' ? 'no publication date given' : 'sin fecha de publicación';
}

const NOT_A_PREDICTION: Localized = { en: 'This is not a prediction for your case.', es: 'Esto no es una predicción para su caso.' };

/** The community's figures, always with their dates, always as context (MYUSCIS.md). */
export const COMMUNITY_CONTEXT: Localized = {
  en: 'For context only, not a prediction: public trackers put the median DACA renewal at 151–157 days (May 2026), and about 192 days for cases that miss the fast track; USCIS’s own figure for 80% of cases was 7 months (September 2026).',
  es: 'Solo como referencia, no como predicción: los sitios públicos de seguimiento sitúan la mediana de una renovación de DACA en 151–157 días (mayo de 2026), y en unos 192 días para los casos que no salen por la vía rápida; la cifra de USCIS para el 80 % de los casos era de 7 meses (septiembre de 2026).',
};

/** The agency-wide wait that explains a quiet stretch (MYUSCIS.md "DACA rules as of late 2026"). */
export const FINGERPRINT_RECHECKS: Localized = {
  en: 'Since April 27, 2026, USCIS re-runs fingerprint checks on pending cases before approving: a quiet stretch can be that, not a problem with your case.',
  es: 'Desde el 27 de abril de 2026, USCIS vuelve a revisar las huellas digitales de los casos pendientes antes de aprobarlos: un periodo sin novedades puede deberse a eso y no a un problema con su caso.',
};

export type ForecastStepId = 'inquiry' | 'case-assistance' | 'employer' | 'legal-aid';

/** One thing people do about a likely gap; `link` is always a page on USCIS's own sites (isSafeExternalUrl), or null. */
export interface ForecastStep {
  id: ForecastStepId;
  text: Localized;
  link: string | null;
}

export interface ForecastWords {
  /** "USCIS says most cases like this are decided between A and B (published DATE). This is not a prediction…"; null without a figure. */
  published: Localized | null;
  /** Whether and when the case may ask USCIS (the published date, day 105); null once decided. */
  inquiry: Localized | null;
  /** The gap risk in one or two sentences. */
  risk: Localized;
  /** What people do, only when the risk is likely or a gap has begun. */
  steps: ForecastStep[];
  /** Dated context while the case is pending: the fingerprint re-checks, the community's figures. */
  context: Localized[];
}

function formName(form: string, lang: Language): string {
  return lang === 'en' ? `Form ${form}` : `el formulario ${form}`;
}

function publishedWords(forecast: ProcessingForecast): Localized | null {
  const { figure, window } = forecast;
  if (figure === null || window === null) return null;
  return both((lang) => {
    const figureText = lang === 'en'
      ? `USCIS’s published processing time for ${formName(forecast.form, lang)} is ${publishedRangeText(figure, lang)}.`
      : `El tiempo de trámite publicado por USCIS para ${formName(forecast.form, lang)} es ${publishedRangeText(figure, lang)}.`;
    const windowText = lang === 'en'
      ? `For a case received on ${day(forecast.receiptDay, lang)}, USCIS says most cases like this are decided between ${day(window.from, lang)} and ${day(window.to, lang)} (${publishedOn(figure, lang)}).`
      : `Para un caso recibido el ${day(forecast.receiptDay, lang)}, USCIS indica que la mayoría de los casos como este se deciden entre el ${day(window.from, lang)} y el ${day(window.to, lang)} (${publishedOn(figure, lang)}).`;
    return `${figureText} ${windowText} ${NOT_A_PREDICTION[lang]}`;
  });
}

function inquiryWords(forecast: ProcessingForecast): Localized | null {
  if (forecast.decided) return null;
  const { inquiry, receiptDay } = forecast;
  return both((lang) => {
    const parts: string[] = [];
    if (inquiry.receivedBefore !== null) {
      const rule = lang === 'en'
        ? `USCIS’s case inquiry date: cases received before ${day(inquiry.receivedBefore, lang)} may ask about their case; yours was received on ${day(receiptDay, lang)}`
        : `Fecha de consulta de USCIS: los casos recibidos antes del ${day(inquiry.receivedBefore, lang)} pueden preguntar por su caso; el suyo se recibió el ${day(receiptDay, lang)}`;
      parts.push(`${rule}${inquiry.byPublishedDate ? (lang === 'en' ? ', so you can ask now.' : ', así que ya puede preguntar.') : (lang === 'en' ? ', so not by this date yet.' : ', así que todavía no por esta fecha.')}`);
    } else if (inquiry.text !== null) {
      parts.push(lang === 'en'
        ? `USCIS’s case inquiry date, as published: “${inquiry.text}” (DACA Watch could not read it as a date; cases received before it may ask).`
        : `Fecha de consulta de USCIS, tal como se publicó: «${inquiry.text}» (DACA Watch no pudo leerla como fecha; los casos recibidos antes de ella pueden preguntar).`);
    }
    parts.push(inquiry.byDay105
      ? lang === 'en'
        ? `Your renewal has been pending 105 days or more (day 105 was ${day(inquiry.day105On, lang)}): USCIS accepts a DACA case inquiry from then.`
        : `Su renovación lleva 105 días o más pendiente (el día 105 fue el ${day(inquiry.day105On, lang)}): USCIS acepta consultas sobre casos de DACA desde entonces.`
      : lang === 'en'
        ? `USCIS also accepts a DACA renewal inquiry from day 105: ${day(inquiry.day105On, lang)}.`
        : `USCIS también acepta consultas sobre renovaciones de DACA a partir del día 105: el ${day(inquiry.day105On, lang)}.`);
    return parts.join(' ');
  });
}

function riskWords(forecast: ProcessingForecast): Localized {
  const { window, permitExpiry: expiry } = forecast;
  if (forecast.decided) return { en: 'Your case has been decided: the published processing time no longer applies to it.', es: 'Su caso ya se decidió: el tiempo de trámite publicado ya no se aplica.' };
  if (expiry === null) {
    return {
      en: 'Enter your work permit’s expiry date to compare it with USCIS’s published time.',
      es: 'Escriba la fecha de vencimiento de su permiso de trabajo para compararla con el tiempo publicado por USCIS.',
    };
  }
  switch (forecast.gapRisk) {
    case 'gap-now':
      return both((lang) =>
        lang === 'en'
          ? `Your work permit expired on ${day(expiry, lang)} and your renewal is not decided: (c)(33) permits are not extended automatically, so you cannot work until it is approved and you have the new card.`
          : `Su permiso de trabajo venció el ${day(expiry, lang)} y su renovación no se ha decidido: los permisos (c)(33) no se extienden automáticamente, así que no puede trabajar hasta que la aprueben y tenga la nueva tarjeta.`,
      );
    case 'unknown':
      return {
        en: 'USCIS’s published time could not be read, so DACA Watch cannot compare it with your expiry date.',
        es: 'No se pudo leer el tiempo publicado por USCIS, así que DACA Watch no puede compararlo con su fecha de vencimiento.',
      };
    case 'none':
      return both((lang) =>
        lang === 'en'
          ? `USCIS’s published range ends on ${day(window!.to, lang)}, by the time your work permit expires (${day(expiry, lang)}).`
          : `El rango publicado por USCIS termina el ${day(window!.to, lang)}, no después del vencimiento de su permiso de trabajo (${day(expiry, lang)}).`,
      );
    case 'likely':
      return both((lang) =>
        lang === 'en'
          ? `Your work permit expires on ${day(expiry, lang)}, before USCIS’s published range even begins (${day(window!.from, lang)}): a stretch without permission to work is likely unless your case is decided early.`
          : `Su permiso de trabajo vence el ${day(expiry, lang)}, antes de que empiece el rango publicado por USCIS (${day(window!.from, lang)}): es probable un periodo sin permiso para trabajar, salvo que su caso se decida antes.`,
      );
    case 'possible':
      return both((lang) => {
        const after = day(addDays(expiry, 1), lang);
        if (forecast.pastWindow) {
          return lang === 'en'
            ? `Your case is past USCIS’s published range (it ended on ${day(window!.to, lang)}). If it is not decided by ${day(expiry, lang)}, you cannot work from ${after} until the approval and the new card.`
            : `Su caso ya pasó el rango publicado por USCIS (terminó el ${day(window!.to, lang)}). Si no se decide a más tardar el ${day(expiry, lang)}, no podrá trabajar desde el ${after} hasta la aprobación y la nueva tarjeta.`;
        }
        return lang === 'en'
          ? `Your work permit expires on ${day(expiry, lang)}, inside USCIS’s published range: if your case is decided later, you cannot work from ${after} until the approval and the new card.`
          : `Su permiso de trabajo vence el ${day(expiry, lang)}, dentro del rango publicado por USCIS: si su caso se decide después, no podrá trabajar desde el ${after} hasta la aprobación y la nueva tarjeta.`;
      });
  }
}

/** What people do about a likely gap, in order: ask USCIS (when allowed), the employer, legal help. */
function gapSteps(forecast: ProcessingForecast): ForecastStep[] {
  const expiry = forecast.permitExpiry!;
  const expired = forecast.gapRisk === 'gap-now';
  const { canAskNow, day105On, byPublishedDate } = forecast.inquiry;
  const steps: ForecastStep[] = [
    {
      id: 'inquiry',
      text: canAskNow
        ? {
            en: 'Ask USCIS about your case now, through the USCIS Contact Center; have your receipt numbers and your card’s expiry date at hand.',
            es: 'Pregunte ya a USCIS por su caso, a través del Centro de Contacto de USCIS; tenga a mano sus números de recibo y la fecha de vencimiento de su tarjeta.',
          }
        : both((lang) =>
            lang === 'en'
              ? `From ${day(day105On, lang)} (day 105) you can ask USCIS about your case through the USCIS Contact Center.`
              : `A partir del ${day(day105On, lang)} (día 105) podrá preguntar a USCIS por su caso a través del Centro de Contacto de USCIS.`,
          ),
      link: USCIS_PAGES.caseInquiry,
    },
  ];
  // "Outside normal processing times" by USCIS's own measure: received before its inquiry date, or past its range.
  if (canAskNow && (byPublishedDate === true || forecast.pastWindow)) {
    steps.push({
      id: 'case-assistance',
      text: {
        en: 'For a case outside USCIS’s normal processing times, USCIS’s online e-Request tool is another way to ask for case assistance.',
        es: 'Para un caso que pasó los tiempos normales de trámite de USCIS, la herramienta en línea e-Request de USCIS es otra forma de pedir ayuda con el caso.',
      },
      link: E_REQUEST_URL,
    });
  }
  steps.push({
    id: 'employer',
    text: both((lang) =>
      expired
        ? lang === 'en'
          ? `Talk to your employer: your card expired on ${day(expiry, lang)}, your renewal is pending, and you will show the new card as soon as you have it (USCIS’s guidance for employers is on I-9 Central).`
          : `Hable con su empleador: su tarjeta venció el ${day(expiry, lang)}, su renovación está pendiente y presentará la nueva tarjeta en cuanto la tenga (la guía de USCIS para empleadores está en I-9 Central).`
        : lang === 'en'
          ? `Talk to your employer before ${day(expiry, lang)}: (c)(33) permits are not extended automatically, so plan together for the days between the expiry and the new card (USCIS’s guidance for employers is on I-9 Central).`
          : `Hable con su empleador antes del ${day(expiry, lang)}: los permisos (c)(33) no se extienden automáticamente, así que planeen juntos los días entre el vencimiento y la nueva tarjeta (la guía de USCIS para empleadores está en I-9 Central).`,
    ),
    link: USCIS_PAGES.i9Central,
  });
  steps.push({
    id: 'legal-aid',
    text: {
      en: `Talk to a legal service provider; USCIS lists free and low-cost help on its “Find Legal Services” page. A national directory of nonprofit legal services, not a USCIS site: ${LEGAL_DIRECTORY_TEXT}.`,
      es: `Hable con un proveedor de servicios legales; USCIS tiene una lista de ayuda gratuita y de bajo costo en su página «Encontrar servicios legales». Un directorio nacional de servicios legales sin fines de lucro, que no es de USCIS: ${LEGAL_DIRECTORY_TEXT}.`,
    },
    link: FIND_LEGAL_SERVICES_URL,
  });
  return steps;
}

/** The words for one case's forecast, each at the moment it applies. */
export function forecastWords(forecast: ProcessingForecast): ForecastWords {
  const urgent = forecast.gapRisk === 'likely' || forecast.gapRisk === 'gap-now';
  return {
    published: forecast.decided ? null : publishedWords(forecast),
    inquiry: inquiryWords(forecast),
    risk: riskWords(forecast),
    steps: urgent && forecast.permitExpiry !== null ? gapSteps(forecast) : [],
    context: forecast.decided ? [] : [FINGERPRINT_RECHECKS, COMMUNITY_CONTEXT],
  };
}

export interface FilingAdvice {
  /** The day the advice assumes the renewal is filed: today, or the recommended window's first day if it is later. */
  filedOn: string;
  window: { from: string; to: string };
  gapRisk: GapRisk;
  text: Localized;
}

/**
 * Before filing: what USCIS's published time means for a renewal filed today, or on the first day of USCIS's
 * recommended window (150 days before the expiry) when that is later. Null without a figure (the work answer's
 * window advice stands alone) or once the card has expired (the work answer says to file now).
 */
export function filingAdvice(permitExpiry: string, today: string, figure: PublishedFigure | null): FilingAdvice | null {
  const expiry = calendarDay(permitExpiry);
  if (figure === null || daysBetween(today, expiry) < 0) return null;
  const opens = addDays(expiry, -FILING_WINDOW_DAYS.earliest);
  const atOpening = daysBetween(today, opens) > 0;
  const filedOn = atOpening ? opens : calendarDay(today);
  const window = decisionWindow(filedOn, figure);
  const risk = gapRisk({ window, permitExpiry: expiry, today: filedOn, decided: false });
  const text = both((lang) => {
    const upTo = lang === 'en'
      ? `USCIS’s published processing time is up to ${amountText(figure.given.high, lang)} (${publishedOn(figure, lang)}).`
      : `El tiempo de trámite publicado por USCIS es de hasta ${amountText(figure.given.high, lang)} (${publishedOn(figure, lang)}).`;
    const filed = atOpening
      ? lang === 'en' ? `Filed on ${day(filedOn, lang)} (150 days before the expiry),` : `Si la presenta el ${day(filedOn, lang)} (150 días antes del vencimiento),`
      : lang === 'en' ? `Filed today (${day(filedOn, lang)}),` : `Si la presenta hoy (${day(filedOn, lang)}),`;
    if (risk === 'none') {
      return lang === 'en'
        ? `${upTo} ${filed} a renewal’s published range would end on ${day(window.to, lang)}, by your expiry (${day(expiry, lang)}). ${NOT_A_PREDICTION.en}`
        : `${upTo} ${filed} el rango publicado terminaría el ${day(window.to, lang)}, antes de su vencimiento (${day(expiry, lang)}). ${NOT_A_PREDICTION.es}`;
    }
    const reach = lang === 'en'
      ? `a renewal’s published range would reach ${day(window.to, lang)}, after your work permit expires on ${day(expiry, lang)}:`
      : `el rango publicado llegaría al ${day(window.to, lang)}, después de que venza su permiso de trabajo el ${day(expiry, lang)}:`;
    const gap = atOpening || daysBetween(filedOn, opens) >= -(FILING_WINDOW_DAYS.earliest - FILING_WINDOW_DAYS.latest)
      ? lang === 'en'
        ? 'even filing 150 days before the expiry may still leave a gap, since (c)(33) permits are not extended automatically. File as early in USCIS’s recommended window as you can.'
        : 'incluso presentarla 150 días antes del vencimiento puede dejar un periodo sin permiso, porque los permisos (c)(33) no se extienden automáticamente. Preséntela lo antes posible dentro del periodo que recomienda USCIS.'
      : lang === 'en'
        ? 'a stretch without permission to work may follow, since (c)(33) permits are not extended automatically. File as soon as you can.'
        : 'puede seguir un periodo sin permiso para trabajar, porque los permisos (c)(33) no se extienden automáticamente. Preséntela lo antes posible.';
    return `${upTo} ${filed} ${reach} ${gap} ${NOT_A_PREDICTION[lang]}`;
  });
  return { filedOn, window, gapRisk: risk, text };
}

// ---- The terminal's `work` and `forecast` line fields.

export type WorkStatus = 'valid' | 'expires-soon' | 'expired' | 'renewed' | 'unknown';

export interface WorkLine {
  permitExpiry: string | null;
  status: WorkStatus;
  daysLeft: number | null;
  gapRisk: GapRisk;
}

export interface ForecastLine {
  receipt: string;
  form: string;
  published: { low: number; high: number; unit: 'months'; publicationDate: string | null };
  inquiryReceivedBefore: string | null;
  /** Either route is open (the published inquiry date or day 105) and the case is not decided. */
  canAskNow: boolean;
  decisionWindow: [string, string];
}

/** The work answer's status in the terminal's words: expires-soon from EXPIRING_SOON_DAYS (120) days before the expiry. */
export function workStatus(answer: WorkAnswer): WorkStatus {
  if (answer.kind === 'renewed') return 'renewed';
  if (answer.expiry === null || answer.daysLeft === null) return 'unknown';
  return answer.daysLeft < 0 ? 'expired' : answer.daysLeft <= EXPIRING_SOON_DAYS ? 'expires-soon' : 'valid';
}

const RISK_ORDER: readonly GapRisk[] = ['none', 'possible', 'likely', 'gap-now'];

/**
 * The gap risk for work: the worst of the two cases' risks, since USCIS decides the work permit (I-765) only after
 * the I-821D, so a late I-821D makes a late card. "none" needs the I-765's own figure: without it, unknown. A decided
 * work permit, or a renewed answer: none. Without any figure, an expired card with a pending renewal is still gap-now.
 */
export function workGapRisk(answer: WorkAnswer, forecasts: readonly ProcessingForecast[]): GapRisk {
  if (answer.kind === 'renewed' || answer.kind === 'decided-not-approved') return 'none';
  const i765 = forecasts.find((forecast) => forecast.form === 'I-765');
  if (i765?.decided) return 'none';
  const known = forecasts.filter((forecast) => forecast.gapRisk !== 'unknown').map((forecast) => RISK_ORDER.indexOf(forecast.gapRisk));
  const worst = known.length === 0 ? null : RISK_ORDER[Math.max(...known)]!;
  if (worst === null || (worst === 'none' && (i765 === undefined || i765.gapRisk === 'unknown'))) {
    // Expired and not renewed: no permission to work now, with or without a renewal pending.
    return answer.kind === 'expired-pending' || answer.kind === 'expired' ? 'gap-now' : 'unknown';
  }
  return worst;
}

export function workLine(answer: WorkAnswer, forecasts: readonly ProcessingForecast[]): WorkLine {
  return { permitExpiry: answer.expiry, status: workStatus(answer), daysLeft: answer.daysLeft, gapRisk: workGapRisk(answer, forecasts) };
}

/** The `forecast` line of one case, or null when no figure was published for it. `receipt` as the caller shows it. */
export function forecastLine(receipt: string, forecast: ProcessingForecast): ForecastLine | null {
  const { figure, window } = forecast;
  if (figure === null || window === null) return null;
  return {
    receipt,
    form: forecast.form,
    published: { low: figure.low, high: figure.high, unit: 'months', publicationDate: figure.publicationDate },
    inquiryReceivedBefore: figure.inquiryReceivedBefore,
    canAskNow: forecast.inquiry.canAskNow,
    decisionWindow: [window.from, window.to],
  };
}

/** The published figure chosen for each form (null or absent: nothing published, or not read). */
export type PublishedFigures = Readonly<Partial<Record<Form, PublishedFigure | null>>>;

/**
 * The forecast of each watched case that has a receipt date, from the stored state: the receipt date as the
 * user's day, decided when the case's stage is an approval or another decision (the I-821D also when the I-765's
 * approval shows it).
 */
export function storedForecasts(state: RenewalState, figures: PublishedFigures, today: string, timeZone?: string): Array<{ receipt: string; forecast: ProcessingForecast }> {
  const verdict = storedVerdict(state, today);
  const decided = (form: Form) => {
    const stage = form === 'I-821D' ? verdict.stages.i821d : verdict.stages.i765;
    return (stage !== 'unknown' && (isApprovedStage(stage) || isEndingStage(stage))) || (form === 'I-821D' && verdict.i821dApprovedByInference);
  };
  return state.cases.flatMap((watched) => {
    const form = formOf(state, watched.receipt);
    const submitted = state.snapshots[watched.receipt]?.detail?.submissionDate;
    if (watched.problem !== null || (form !== 'I-821D' && form !== 'I-765') || submitted === undefined) return [];
    if (userDay(submitted, timeZone) === null) return [];
    const forecast = processingForecast({
      form,
      receipt: submitted,
      today,
      ...(timeZone === undefined ? {} : { timeZone }),
      permitExpiry: state.settings.permitExpiry,
      decided: decided(form),
      figure: figures[form] ?? null,
    });
    return [{ receipt: watched.receipt, forecast }];
  });
}

/**
 * The terminal's lines from the stored state: one `work` line (the work answer with its gap risk) and one `forecast`
 * line per case with a published time, its receipt as the user wants receipts shown (masked with masking on).
 */
export function storedForecastLines(
  state: RenewalState,
  figures: PublishedFigures,
  today: string,
  timeZone?: string,
  showReceipt: (receipt: string) => string = (receipt) => shownReceipt(state, receipt),
): { work: WorkLine; forecasts: ForecastLine[] } {
  const cases = storedForecasts(state, figures, today, timeZone);
  const work = workLine(storedWorkAnswer(state, today, timeZone), cases.map((entry) => entry.forecast));
  const forecasts = cases.flatMap(({ receipt, forecast }) => {
    const line = forecastLine(showReceipt(receipt), forecast);
    return line === null ? [] : [line];
  });
  return { work, forecasts };
}
