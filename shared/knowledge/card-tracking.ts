// The card until it is in hand: after "Card Was Mailed To Me" the work permit's card is followed to delivery (or its
// return to USCIS). USCIS's status text carries the USPS tracking number when it mails the card (MYUSCIS.md
// "Facts"): it is read from that text, never fetched. DACA Watch never contacts USPS; it only offers USPS's own
// tracking page as a link the user opens in the browser. Pure: no I/O, no clock (today is given).

import { formatLongDay } from '../format-date';
import type { Language, Localized } from '../localized';
import { toIsoDate } from '../myuscis/dates';
import { addDays, daysBetween } from './calendar-days';
import { isUspsTrackingNumber, USPS_TRACKING_PAGE } from '../tracking-number';
import type { CaseStage, CaseView } from './case-reading';
import { USCIS_PAGES } from './renewal-calendar';
import type { Stage } from './stages';
import { explainStatus } from './status-titles';

// ------------------------------------------------------------------ the tracking number

/** Its shape and USPS's page live in shared/tracking-number.ts (the external-link rule reads them too). */
export { isUspsTrackingNumber, USPS_TRACKING_PAGE };

/**
 * Digit runs as USCIS or a person may write them: groups joined by one space, no-break space or hyphen
 * ("9405 5036 9930 0123 4567 89"). Never preceded or followed by a letter or digit, so a receipt number
 * (IOE0912345678) or a word with digits is never part of one.
 */
const DIGIT_RUN = /(?<![\p{L}\p{N}])\d+(?:[ \u00A0-]\d+)*(?![\p{L}\p{N}])/gu;
/** An S10 label, spaced or not ("EA 123 456 789 US"). */
const S10_IN_TEXT = /(?<![\p{L}\p{N}])([A-Za-z]{2})[ \u00A0]?(\d{3})[ \u00A0]?(\d{3})[ \u00A0]?(\d{3})[ \u00A0]?([Uu][Ss])(?![\p{L}\p{N}])/gu;
/**
 * A barcode may be written with its routing prefix: "420", then the 5- or 9-digit ZIP code, then the 22 digits.
 * Only the 22 digits are the tracking number.
 */
const ROUTED = /^420(?:\d{5}|\d{9})(\d{22})$/;

/**
 * The USPS tracking number in a status text (English or Spanish, plain text or USCIS's raw HTML), without
 * spaces; null when the text carries none. Lenient about spacing; never a receipt number, a date or a phone
 * number (none of them has 20 digits). The first number the text names is the card's.
 */
export function findTrackingNumber(text: string | undefined): string | null {
  if (text === undefined || text === '') return null;
  const found: Array<{ at: number; number: string }> = [];
  for (const match of text.matchAll(DIGIT_RUN)) {
    const number = wholeNumber(match[0]);
    if (number !== null) found.push({ at: match.index, number });
  }
  for (const match of text.matchAll(S10_IN_TEXT)) {
    found.push({ at: match.index, number: match.slice(1).join('').toUpperCase() });
  }
  return found.sort((a, b) => a.at - b.at)[0]?.number ?? null;
}

/**
 * The number a run of digit groups stands for. A run longer than a tracking number may be a number written
 * beside other figures (a year, a ZIP code): its groups are dropped from the front while what is left is too long.
 */
function wholeNumber(run: string): string | null {
  const groups = run.split(/[ \u00A0-]/);
  for (let from = 0; from < groups.length; from += 1) {
    const digits = groups.slice(from).join('');
    const routed = ROUTED.exec(digits)?.[1];
    if (routed !== undefined) return routed;
    if (isUspsTrackingNumber(digits)) return digits;
    if (digits.length < 20) return null;
  }
  return null;
}

/**
 * The number as a person reads it aloud or types it: digits in groups of four; an S10 label as it is. `masked` (the
 * "hide receipt numbers for screenshots" setting): all but the last four characters hidden, as a receipt is.
 */
export function formatTrackingNumber(number: string, masked = false): string {
  const shown = masked ? `${'•'.repeat(Math.max(0, number.length - 4))}${number.slice(-4)}` : number;
  return /^\d+$/.test(number) ? (shown.match(/.{1,4}/gu) ?? []).join(' ') : shown;
}


export function uspsTrackingUrl(number: string): string {
  if (!isUspsTrackingNumber(number)) throw new RangeError('Not a USPS tracking number');
  return `${USPS_TRACKING_PAGE}?tLabels=${number}`;
}

// ------------------------------------------------------------------ the card's stage

/**
 * After this many calendar days since mailing without a delivery, the card is "late". DACA Watch's choice, not a
 * USCIS or USPS rule: USPS First-Class Mail takes 1-5 business days; 10 calendar days leaves a weekend, a holiday
 * and a slow pick-up on top before the person is asked to look.
 */
export const CARD_LATE_AFTER_DAYS = 10;
/**
 * After this many days since mailing, the advice is to contact USCIS. DACA Watch's advice, in line with the
 * knowledge base's "within 30 days" for a picked-up card (status-titles.ts), not a rule quoted from USCIS.
 */
export const CARD_ASK_USCIS_AFTER_DAYS = 30;

/** USCIS's pages for a card that does not arrive: its Contact Center, and its online change of address. */
export const CARD_PAGES = {
  contactCenter: USCIS_PAGES.caseInquiry,
  addressChange: 'https://www.uscis.gov/addresschange',
} as const;

export type CardStep = 'mailed' | 'picked-up' | 'delivered' | 'returned';

export interface CardTracking {
  step: CardStep;
  /** Mailed (or picked up) more than CARD_LATE_AFTER_DAYS days ago and not delivered. */
  late: boolean;
  /** The day USCIS mailed the card (YYYY-MM-DD), when the case says it; and how many days ago that is. */
  mailedOn: string | null;
  daysSinceMailed: number | null;
  /** From USCIS's status text (English first, then Spanish); null when the text carries none. */
  trackingNumber: string | null;
  trackingUrl: string | null;
  /** The case is still read for its card: mailed or picked up, not yet delivered or returned. */
  watched: boolean;
  /** One sentence: where the card is. */
  headline: Localized;
  /** What to do, only when the card is late or returned. */
  advice: Localized[];
  /** The USCIS pages the advice names (empty when there is no advice). */
  links: Array<{ url: string; name: Localized }>;
}

const CARD_STAGES: ReadonlySet<Stage> = new Set<Stage>(['card-mailed', 'card-delivered', 'card-returned']);
/** LEA card mailed; LEE picked up by the Post Office (MYUSCIS.md "Event codes"). */
const MAILED_CODES: ReadonlySet<string> = new Set(['LEA', 'LEE']);

/**
 * Whether a case at this stage is still being watched for its card: from "mailed" until delivered or returned.
 * The engine never drops a case from its plan (engine/watched-cases.ts); this says why a decided case is still read.
 */
export function watchedForCard(stage: CaseStage): boolean {
  return stage === 'card-mailed';
}

/** The card's stage on `today` (YYYY-MM-DD), or null before the card is mailed (or when the case has no card). */
export function cardTracking(view: CaseView, stage: CaseStage, today: string): CardTracking | null {
  if (stage === 'unknown' || !CARD_STAGES.has(stage)) return null;
  const { status } = view;
  const step: CardStep = stage === 'card-delivered' ? 'delivered' : stage === 'card-returned' ? 'returned' : pickedUp(view) ? 'picked-up' : 'mailed';
  const mailedOn = mailingDay(view);
  const daysSinceMailed = mailedOn === null ? null : Math.max(0, daysBetween(mailedOn, today));
  const trackingNumber = findTrackingNumber(status?.statusTextPlain?.text) ?? findTrackingNumber(status?.statusTextSpanishPlain?.text);
  const onTheWay = step === 'mailed' || step === 'picked-up';
  const late = onTheWay && daysSinceMailed !== null && daysSinceMailed > CARD_LATE_AFTER_DAYS;
  const situation = late ? 'late' : step;
  return {
    step,
    late,
    mailedOn,
    daysSinceMailed,
    trackingNumber,
    trackingUrl: trackingNumber === null ? null : uspsTrackingUrl(trackingNumber),
    watched: watchedForCard(stage),
    headline: both((lang) => headline(situation, mailedOn, daysSinceMailed, lang)),
    advice: situation === 'late' ? lateAdvice(trackingNumber !== null, mailedOn, daysSinceMailed) : situation === 'returned' ? RETURNED_ADVICE : [],
    links: situation === 'late' || situation === 'returned' ? ADVICE_LINKS : [],
  };
}

/** Picked up by the Post Office: the current status says so (its title, or code LEE). */
function pickedUp({ status }: CaseView): boolean {
  const title = status?.statusTitle ?? status?.statusTitleSpanish;
  return status?.currentActionCode?.trim().toUpperCase() === 'LEE' || (title !== undefined && explainStatus(title, 'en').key === 'card-picked-up');
}

/** The earliest day a mailing shows: an LEA/LEE event, the current status (a "mailed" title or code), the status history. */
function mailingDay({ detail, status }: CaseView): string | null {
  const title = status?.statusTitle ?? status?.statusTitleSpanish;
  const statusMailed = MAILED_CODES.has(status?.currentActionCode?.trim().toUpperCase() ?? '') || (title !== undefined && explainStatus(title, 'en').stage === 'card-mailed');
  const days = [
    ...(detail?.events ?? []).filter((event) => MAILED_CODES.has(event.eventCode?.trim().toUpperCase() ?? '')).map((event) => event.eventTimestamp ?? event.eventDateTime ?? event.createdAt),
    ...(statusMailed ? [status?.currentActionCodeDate] : []),
    ...(status?.historicalCaseStatuses ?? []).filter((entry) => MAILED_CODES.has(entry.actionCode?.trim().toUpperCase() ?? '')).map((entry) => entry.date),
  ]
    .map((value) => toIsoDate(value))
    .filter((day): day is string => day !== null);
  return days.length === 0 ? null : days.reduce((a, b) => (b < a ? b : a));
}

function both(say: (lang: Language) => string): Localized {
  return { en: say('en'), es: say('es') };
}

function daysAgo(days: number, lang: Language): string {
  if (lang === 'es') return days === 0 ? 'hoy' : days === 1 ? 'hace 1 día' : `hace ${days} días`;
  return days === 0 ? 'today' : days === 1 ? '1 day ago' : `${days} days ago`;
}

function headline(situation: CardStep | 'late', mailedOn: string | null, days: number | null, lang: Language): string {
  const when = mailedOn === null || days === null ? null : `${formatLongDay(mailedOn, lang)}, ${daysAgo(days, lang)}`;
  const en = lang === 'en';
  switch (situation) {
    case 'mailed':
      return en
        ? `USCIS mailed your new card${when ? ` on ${when}` : ''}. DACA Watch keeps reading the case until the card is delivered.`
        : `USCIS envió su nueva tarjeta por correo${when ? ` el ${when}` : ''}. DACA Watch sigue leyendo el caso hasta que la tarjeta se entregue.`;
    case 'picked-up':
      return en
        ? `The Postal Service picked up your new card and it is on its way${when ? ` (mailed on ${when})` : ''}. DACA Watch keeps reading the case until the card is delivered.`
        : `El Servicio Postal recogió su nueva tarjeta y va en camino${when ? ` (enviada el ${when})` : ''}. DACA Watch sigue leyendo el caso hasta que la tarjeta se entregue.`;
    case 'late':
      return en
        ? `Your new card was mailed${when ? ` on ${when},` : ''} and is not reported delivered yet: that is longer than mail usually takes.`
        : `Su nueva tarjeta se envió por correo${when ? ` el ${when},` : ''} y todavía no consta como entregada: es más de lo que suele tardar el correo.`;
    case 'delivered':
      return en
        ? 'The Postal Service reports your new card as delivered. If you do not have it, contact USCIS soon.'
        : 'El Servicio Postal informa que entregó su nueva tarjeta. Si no la tiene, comuníquese pronto con USCIS.';
    case 'returned':
      return en
        ? 'The Postal Service could not deliver your new card and returned it to USCIS.'
        : 'El Servicio Postal no pudo entregar su nueva tarjeta y la devolvió a USCIS.';
  }
}

const OURS: Localized = {
  en: 'These timings are DACA Watch’s advice, not a USCIS rule.',
  es: 'Estos plazos son un consejo de DACA Watch, no una regla de USCIS.',
};

const RETURNED_ADVICE: Localized[] = [
  {
    en: 'Contact USCIS soon through the USCIS Contact Center and ask how to get the card mailed again: USCIS keeps a returned card only for a limited time.',
    es: 'Comuníquese pronto con USCIS por medio del Centro de Contacto de USCIS y pregunte cómo volver a recibir la tarjeta por correo: USCIS guarda una tarjeta devuelta solo por un tiempo limitado.',
  },
  {
    en: 'Check the mailing address USCIS has for you. If you moved, change it online with USCIS’s change of address.',
    es: 'Revise la dirección postal que USCIS tiene registrada. Si se mudó, cámbiela en línea con el cambio de dirección de USCIS.',
  },
  {
    en: 'Check that your name is on your mailbox: a card addressed to someone the carrier does not see there can be returned.',
    es: 'Revise que su nombre esté en su buzón: una tarjeta dirigida a alguien cuyo nombre no aparece allí puede ser devuelta.',
  },
];

function lateAdvice(hasNumber: boolean, mailedOn: string | null, days: number | null): Localized[] {
  const askBy = (lang: Language) => (mailedOn === null ? '' : ` (${formatLongDay(addDays(mailedOn, CARD_ASK_USCIS_AFTER_DAYS), lang)})`);
  return [
    hasNumber
      ? {
          en: 'Look up the tracking number on USPS’s site (the button above opens it in your browser): it shows where the card is and whether a delivery was attempted.',
          es: 'Busque el número de rastreo en el sitio de USPS (el botón de arriba lo abre en su navegador): muestra dónde está la tarjeta y si se intentó entregarla.',
        }
      : {
          en: 'Ask your post office whether it holds mail for you; USPS Informed Delivery can also show mail on its way.',
          es: 'Pregunte en su oficina de correos si tiene correo retenido a su nombre; Informed Delivery de USPS también puede mostrar el correo en camino.',
        },
    days !== null && days >= CARD_ASK_USCIS_AFTER_DAYS
      ? {
          en: `It has been ${days} days since the card was mailed: contact the USCIS Contact Center now and check the mailing address USCIS has for you.`,
          es: `Han pasado ${days} días desde el envío de la tarjeta: comuníquese ahora con el Centro de Contacto de USCIS y revise la dirección postal que USCIS tiene registrada.`,
        }
      : {
          en: `If the card has not arrived ${CARD_ASK_USCIS_AFTER_DAYS} days after it was mailed${askBy('en')}, contact the USCIS Contact Center and check the mailing address USCIS has for you.`,
          es: `Si la tarjeta no ha llegado ${CARD_ASK_USCIS_AFTER_DAYS} días después del envío${askBy('es')}, comuníquese con el Centro de Contacto de USCIS y revise la dirección postal que USCIS tiene registrada.`,
        },
    OURS,
  ];
}

const ADVICE_LINKS: CardTracking['links'] = [
  { url: CARD_PAGES.contactCenter, name: { en: 'USCIS Contact Center', es: 'Centro de Contacto de USCIS' } },
  { url: CARD_PAGES.addressChange, name: { en: 'USCIS change of address', es: 'Cambio de dirección de USCIS' } },
];
