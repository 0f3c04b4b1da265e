// The renewal's facts as the two records say them to their readers, in the third person: the lawyer's record speaks of
// "the applicant", the employer's sheet of "the employee", never to either. The facts come from the one work answer
// (shared/knowledge/work-answer.ts) and the pair's verdict; only the words are the records' own. Plain TypeScript.

import { addDays } from '../shared/knowledge/calendar-days';
import type { PairVerdict } from '../shared/knowledge/daca-pair';
import { publishedOn, publishedRangeText, type ProcessingForecast } from '../shared/knowledge/processing-forecast';
import { countDays, formatCivilDay } from '../shared/knowledge/renewal-calendar';
import { STAGE_NAMES, type Stage } from '../shared/knowledge/stages';
import { UNCONFIRMED_APPROVALS, type WorkAnswer } from '../shared/knowledge/work-answer';
import type { Language, Localized } from '../shared/localized';

/** Whom a record speaks of. */
export type Subject = 'applicant' | 'employee';

/** "The applicant" / "la persona solicitante": gender-neutral in Spanish, the same noun throughout a record. */
export const SUBJECT: Record<Subject, Localized> = {
  applicant: { en: 'the applicant', es: 'la persona solicitante' },
  employee: { en: 'the employee', es: 'la persona empleada' },
};

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const day = formatCivilDay;

/**
 * The current card in one or two sentences: its expiry with the tense of the day ("expired on" for a past day), and
 * for an expired card while the renewal is pending, from which day the person may not work on it.
 */
export function permitStatement(answer: WorkAnswer, subject: Subject, lang: Language): string {
  const who = SUBJECT[subject][lang];
  if (answer.expiry === null || answer.daysLeft === null) {
    return lang === 'en'
      ? `${capital(who)} did not enter the expiry date of the current work permit (EAD, category C33) in DACA Watch; the card itself shows it (“Card Expires”).`
      : `${capital(who)} no indicó en DACA Watch la fecha de vencimiento del permiso de trabajo actual (EAD, categoría C33); la tarjeta misma la muestra («Card Expires»).`;
  }
  const { expiry, daysLeft } = answer;
  const card = lang === 'en' ? `${capital(who)}’s work permit (EAD, category C33)` : `El permiso de trabajo (EAD, categoría C33) de ${who}`;
  const first =
    daysLeft < 0
      ? lang === 'en' ? `${card} expired on ${day(expiry, lang)}.` : `${card} venció el ${day(expiry, lang)}.`
      : daysLeft === 0
        ? lang === 'en' ? `${card} expires today, ${day(expiry, lang)} (its last valid day).` : `${card} vence hoy, ${day(expiry, lang)} (último día de validez).`
        : lang === 'en' ? `${card} is valid; it expires on ${day(expiry, lang)}, ${countDays(daysLeft, lang)} from today.` : `${card} es válido; vence el ${day(expiry, lang)}, dentro de ${countDays(daysLeft, lang)}.`;
  // Only while a renewal is pending does the missing extension decide anything: expired, or expiring within 120 days.
  const pendingRenewal = answer.kind === 'expired-pending' || (answer.kind === 'expiring-soon' && answer.pending !== null);
  if (!pendingRenewal) return first;
  const from = day(addDays(expiry, 1), lang);
  const rule = lang === 'en'
    ? 'A (c)(33) work permit is not extended automatically while its renewal is pending'
    : 'Un permiso de trabajo (c)(33) no se extiende automáticamente mientras la renovación está pendiente';
  if (daysLeft < 0) {
    return lang === 'en'
      ? `${first} ${rule}: from ${from}, ${who} is not authorized to work on this card until USCIS approves the renewal and the new card is issued.`
      : `${first} ${rule}: desde el ${from}, ${who} no está autorizada a trabajar con esta tarjeta hasta que USCIS apruebe la renovación y se emita la nueva tarjeta.`;
  }
  return lang === 'en'
    ? `${first} ${rule}: unless USCIS approves the renewal before then, from ${from} ${who} is not authorized to work on this card until it is approved and the new card is issued.`
    : `${first} ${rule}: si USCIS no aprueba la renovación antes de esa fecha, desde el ${from} ${who} no estará autorizada a trabajar con esta tarjeta hasta que se apruebe y se emita la nueva tarjeta.`;
}

/** Where the renewal stands, as a fact with its dates: pending N days, approved on a day (and how sure), or not approved. */
export function renewalStatement(answer: WorkAnswer, verdict: PairVerdict, lang: Language): string | null {
  if (answer.kind === 'renewed') {
    const on = answer.approvedOn === null ? '' : lang === 'en' ? ` on ${day(answer.approvedOn, lang)}` : ` el ${day(answer.approvedOn, lang)}`;
    const approved = lang === 'en' ? `USCIS approved the work permit renewal${on}.` : `USCIS aprobó la renovación del permiso de trabajo${on}.`;
    if (!UNCONFIRMED_APPROVALS.has(verdict.kind)) return approved;
    return lang === 'en'
      ? `${approved} Not confirmed yet: an approval document or code is listed on the case while USCIS’s status title has not changed.`
      : `${approved} Todavía sin confirmar: el caso muestra un documento o código de aprobación, pero el título del estatus de USCIS no ha cambiado.`;
  }
  if (answer.kind === 'decided-not-approved') {
    // A silent denial (a denial document before the title changed) is named as the denial it is.
    const stage: Stage = verdict.kind === 'silently-denied' ? 'denied' : verdict.kind in STAGE_NAMES ? (verdict.kind as Stage) : 'ended';
    const name = STAGE_NAMES[stage][lang];
    return lang === 'en' ? `USCIS did not approve the renewal (outcome: ${name}).` : `USCIS no aprobó la renovación (resultado: ${name}).`;
  }
  const pending = verdict.pending;
  if (pending === undefined || pending.decided) return null;
  return lang === 'en'
    ? `Pending with USCIS since ${day(pending.since, lang)}: ${countDays(pending.days, lang)}.`
    : `Pendiente ante USCIS desde el ${day(pending.since, lang)}: ${countDays(pending.days, lang)}.`;
}

/** The new card's dates: as entered from the card, or DACA Watch's estimate from the approval (said to be one). */
export function newCardStatement(answer: WorkAnswer, subject: Subject, lang: Language): string | null {
  const card = answer.newCard;
  if (answer.kind !== 'renewed' && card === null) return null;
  if (card === null) {
    return lang === 'en' ? 'The new card’s dates are not known yet.' : 'Todavía no se conocen las fechas de la nueva tarjeta.';
  }
  const from = day(card.validFrom, lang);
  const to = day(card.expiry, lang);
  const who = SUBJECT[subject][lang];
  if (!card.estimate) {
    return lang === 'en'
      ? `New card: valid from ${from} to ${to}, as printed on the card (entered by ${who}).`
      : `Nueva tarjeta: válida del ${from} al ${to}, según lo impreso en la tarjeta (indicado por ${who}).`;
  }
  return lang === 'en'
    ? `New card: valid from ${from} to about ${to}, estimated by DACA Watch from the approval (not confirmed: the dates printed on the card govern).`
    : `Nueva tarjeta: válida del ${from} hasta aproximadamente el ${to}, según una estimación de DACA Watch a partir de la aprobación (sin confirmar: valen las fechas impresas en la tarjeta).`;
}

/**
 * USCIS's published processing time for one pending case, for the lawyer's record: the range and the window for
 * the case's receipt date, labelled as USCIS's published figure with its publication date, never a prediction.
 * Null without a figure or once decided.
 */
export function publishedWindowStatement(forecast: ProcessingForecast, lang: Language): string | null {
  const { figure, window } = forecast;
  if (figure === null || window === null || forecast.decided) return null;
  return lang === 'en'
    ? `USCIS’s published processing time (${publishedOn(figure, lang)}): ${publishedRangeText(figure, lang)}. For the applicant’s receipt date, ${day(forecast.receiptDay, lang)}, USCIS says most such cases are decided between ${day(window.from, lang)} and ${day(window.to, lang)}. This is USCIS’s published figure, not a prediction for this case.`
    : `Tiempo de trámite publicado por USCIS (${publishedOn(figure, lang)}): ${publishedRangeText(figure, lang)}. Para la fecha de recibo de la persona solicitante, ${day(forecast.receiptDay, lang)}, USCIS indica que la mayoría de esos casos se deciden entre el ${day(window.from, lang)} y el ${day(window.to, lang)}. Es la cifra publicada por USCIS, no una predicción para este caso.`;
}

/**
 * USCIS's published inquiry date ("cases received before DATE may ask") and whether the applicant's case was received
 * before it; an unreadable date is quoted as USCIS gave it. Null without a published inquiry date or once decided.
 */
export function publishedInquiryStatement(forecast: ProcessingForecast, lang: Language): string | null {
  const { figure, inquiry } = forecast;
  if (figure === null || forecast.decided || (inquiry.receivedBefore === null && inquiry.text === null)) return null;
  const date = inquiry.receivedBefore !== null ? day(inquiry.receivedBefore, lang) : lang === 'en' ? `“${inquiry.text}”` : `«${inquiry.text}»`;
  const label = lang === 'en' ? `USCIS’s published inquiry date (${publishedOn(figure, lang)}): cases received before ${date} may submit a case inquiry.` : `Fecha de consulta publicada por USCIS (${publishedOn(figure, lang)}): los casos recibidos antes del ${date} pueden hacer una consulta sobre el caso.`;
  if (inquiry.byPublishedDate === null) return label;
  const own = inquiry.byPublishedDate
    ? lang === 'en' ? 'The applicant’s case was received before that date.' : 'El caso de la persona solicitante se recibió antes de esa fecha.'
    : lang === 'en' ? 'The applicant’s case was received on or after that date.' : 'El caso de la persona solicitante se recibió en esa fecha o después.';
  return `${label} ${own}`;
}
