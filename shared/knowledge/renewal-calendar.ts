// Around the decision: the recommended filing window before a renewal, the day-105 inquiry and the 120-day goal while
// it is pending, the new card's estimated validity after it, and the reminders each of these calls for. Pure: civil
// dates in (the user's own "today"), dates and words out; nothing here reads a clock, sends or stores anything.

import { formatLongDay } from '../format-date';
import type { Language, Localized } from '../localized';
import { addDays, addYears, calendarDay, daysBetween } from './calendar-days';
import { DECISION_GOAL_DAYS, FILING_WINDOW_DAYS, INQUIRY_AFTER_DAYS } from './daca-timing';

/** A (c)(33) work permit granted with a DACA renewal runs about two years from the approval. */
export const NEW_CARD_YEARS = 2;

/** USCIS's own pages this part of the app links to: official https pages on www.uscis.gov only. */
export const USCIS_PAGES = {
  /** The USCIS Contact Center: where a case pending past the normal time (105 days for a DACA renewal) is asked about. */
  caseInquiry: 'https://www.uscis.gov/contactcenter',
  /** USCIS's DACA page (renewal guidance, filing 150 to 120 days before expiry). */
  daca: 'https://www.uscis.gov/DACA',
  /** Which work permit categories get an automatic extension while a renewal is pending ((c)(33) is not one). */
  automaticExtension: 'https://www.uscis.gov/eadautoextend',
  /** I-9 Central: USCIS's guidance for employers on verifying employment eligibility. */
  i9Central: 'https://www.uscis.gov/i-9-central',
} as const;

export interface FilingWindow {
  /** The current card's expiry. */
  expiry: string;
  /** 150 days before the expiry: USCIS's recommended earliest filing day. */
  opens: string;
  /** 120 days before the expiry: the latest recommended filing day. */
  closes: string;
  /** Where `today` falls: before the window, inside it, after it (under 120 days left, the expiry day included), or past the expiry. */
  phase: 'not-yet' | 'open' | 'late' | 'expired';
  /** Days from today to the expiry (negative once expired). */
  daysLeft: number;
  /** Days from today until the window opens (0 or less once open). */
  daysToOpen: number;
  /** Days from today to the last recommended day (negative after it). */
  daysToClose: number;
}

/** USCIS's recommended filing window for a card expiring on `expiry`, seen on `today` (both civil days). */
export function filingWindow(expiry: string, today: string): FilingWindow {
  const day = calendarDay(expiry);
  const opens = addDays(day, -FILING_WINDOW_DAYS.earliest);
  const closes = addDays(day, -FILING_WINDOW_DAYS.latest);
  const daysLeft = daysBetween(today, day);
  const daysToOpen = daysBetween(today, opens);
  const daysToClose = daysBetween(today, closes);
  // The printed expiry day is the card's last valid day: 'expired' from the day after.
  const phase = daysLeft < 0 ? 'expired' : daysToOpen > 0 ? 'not-yet' : daysToClose >= 0 ? 'open' : 'late';
  return { expiry: day, opens, closes, phase, daysLeft, daysToOpen, daysToClose };
}

export interface NewCardDates {
  validFrom: string;
  expiry: string;
  /** True while the dates are DACA Watch's estimate; false once the user typed them from the notice or the card. */
  estimate: boolean;
}

/** About two years from the approval: valid from the approval day to the day before its second anniversary. */
export function estimatedNewCard(approvedOn: string): NewCardDates {
  const validFrom = calendarDay(approvedOn);
  return { validFrom, expiry: addDays(addYears(validFrom, NEW_CARD_YEARS), -1), estimate: true };
}

/** What a renewal looks like on one day, for the dashboard, the tray, the runner and the reminders. */
export type RenewalStage =
  /** Nothing to go on: no receipts and no expiry, or a decision that was not an approval. */
  | { kind: 'nothing' }
  /** No receipts yet, the current card's expiry known. */
  | { kind: 'before-filing'; window: FilingWindow }
  /** Filed, not decided. `since` is the earlier receipt date. */
  | { kind: 'pending'; since: string; days: number; inquiryOn: string; goalOn: string; permitExpiry: string | null }
  /** Approved; the new card's dates are estimated until the user enters them, then the next window follows. */
  | { kind: 'approved'; approvedOn: string | null; card: NewCardDates | null; window: FilingWindow | null };

export interface RenewalFacts {
  /** The user's own calendar day (see dayInZone). */
  today: string;
  /** The current card's expiry, as the user entered it. */
  permitExpiry: string | null;
  /** Whether any receipt is watched (a renewal was filed). */
  filed: boolean;
  /** The earlier submission date of the pair, once read. */
  submitted: string | null;
  /** What the pair's verdict says: still pending, approved, or denied. */
  decision: 'pending' | 'approved' | 'denied';
  /** The approval's calendar day, when known. */
  approvedOn: string | null;
  /** The new card's dates as printed on the approval notice or the card, once the user entered them. */
  newCard: { validFrom: string | null; expiry: string } | null;
}

export function renewalStage(facts: RenewalFacts): RenewalStage {
  const { today } = facts;
  if (!facts.filed) return facts.permitExpiry === null ? { kind: 'nothing' } : { kind: 'before-filing', window: filingWindow(facts.permitExpiry, today) };
  if (facts.decision === 'denied') return { kind: 'nothing' };
  if (facts.decision === 'approved') {
    if (facts.newCard !== null) {
      const card = { validFrom: facts.newCard.validFrom ?? facts.approvedOn ?? '', expiry: calendarDay(facts.newCard.expiry), estimate: false };
      return { kind: 'approved', approvedOn: facts.approvedOn, card, window: filingWindow(card.expiry, today) };
    }
    return { kind: 'approved', approvedOn: facts.approvedOn, card: facts.approvedOn === null ? null : estimatedNewCard(facts.approvedOn), window: null };
  }
  if (facts.submitted === null) return { kind: 'nothing' };
  const since = calendarDay(facts.submitted);
  return {
    kind: 'pending',
    since,
    days: daysBetween(since, today),
    inquiryOn: addDays(since, INQUIRY_AFTER_DAYS),
    goalOn: addDays(since, DECISION_GOAL_DAYS),
    permitExpiry: facts.permitExpiry,
  };
}

export type ReminderKind = 'filing-window-open' | 'filing-window-120' | 'inquiry-105' | 'goal-120' | 'new-card';

export interface Reminder {
  kind: ReminderKind;
  /** Once each, across restarts: the notification ledger keeps this key. */
  key: string;
  title: Localized;
  body: Localized;
  /** An official USCIS page the reminder points to. */
  link?: string;
}

export interface ReminderContext {
  /** The receipts as the user wants them shown (masked or not), for "what to have ready". */
  receipts: readonly string[];
}

/** "July 18, 2026" / "18 de julio de 2026": a civil day, whatever the zone. */
export function formatCivilDay(day: string, lang: Language): string {
  return formatLongDay(calendarDay(day), lang);
}

/** "1 day" / "12 days", "1 día" / "12 días". */
export const countDays = (n: number, lang: Language) => (lang === 'en' ? `${n} ${n === 1 ? 'day' : 'days'}` : `${n} ${n === 1 ? 'día' : 'días'}`);
const days = countDays;
const both = (make: (lang: Language) => string): Localized => ({ en: make('en'), es: make('es') });

/**
 * The reminders due on the stage's day: at most one per stage, the latest that applies (a window already at 120
 * days is not also announced as opening). Each key names its date, so a new card or a new renewal has its own.
 */
export function dueReminders(stage: RenewalStage, context: ReminderContext): Reminder[] {
  if (stage.kind === 'before-filing' || (stage.kind === 'approved' && stage.window !== null)) {
    const window = stage.kind === 'before-filing' ? stage.window : stage.window!;
    const reminder = windowReminder(window);
    return reminder === null ? [] : [reminder];
  }
  if (stage.kind === 'pending') {
    if (stage.days >= DECISION_GOAL_DAYS) return [goalReminder(stage, context)];
    if (stage.days >= INQUIRY_AFTER_DAYS) return [inquiryReminder(stage, context)];
    return [];
  }
  if (stage.kind === 'approved' && stage.card !== null && stage.approvedOn !== null) {
    const card = stage.card;
    return [
      {
        kind: 'new-card',
        key: `reminder:new-card:${stage.approvedOn}`,
        title: { en: 'Your new work permit: check its dates', es: 'Su nuevo permiso de trabajo: revise sus fechas' },
        body: both((lang) =>
          lang === 'en'
            ? `Estimated from the approval: valid from ${formatCivilDay(card.validFrom, lang)} to about ${formatCivilDay(card.expiry, lang)}. Enter the dates printed on your approval notice or card in DACA Watch, and it will remind you when your next filing window opens.`
            : `Estimación a partir de la aprobación: válido desde el ${formatCivilDay(card.validFrom, lang)} hasta aproximadamente el ${formatCivilDay(card.expiry, lang)}. Escriba en DACA Watch las fechas impresas en su aviso de aprobación o en su tarjeta, y le recordará cuándo se abre su próximo periodo para presentar la renovación.`,
        ),
      },
    ];
  }
  return [];
}

function windowReminder(window: FilingWindow): Reminder | null {
  if (window.phase === 'open') {
    return {
      kind: 'filing-window-open',
      key: `reminder:filing-window-open:${window.expiry}`,
      title: { en: 'Your DACA renewal window is open', es: 'Se abrió el periodo para renovar su DACA' },
      body: both((lang) =>
        lang === 'en'
          ? `Your work permit expires on ${formatCivilDay(window.expiry, lang)} (${days(window.daysLeft, lang)} left). USCIS recommends filing your renewal between ${formatCivilDay(window.opens, lang)} and ${formatCivilDay(window.closes, lang)}, 150 to 120 days before it expires.`
          : `Su permiso de trabajo vence el ${formatCivilDay(window.expiry, lang)} (quedan ${days(window.daysLeft, lang)}). USCIS recomienda presentar la renovación entre el ${formatCivilDay(window.opens, lang)} y el ${formatCivilDay(window.closes, lang)}, de 150 a 120 días antes del vencimiento.`,
      ),
      link: USCIS_PAGES.daca,
    };
  }
  if (window.phase === 'late') {
    return {
      kind: 'filing-window-120',
      key: `reminder:filing-window-120:${window.expiry}`,
      title: { en: '120 days or less before your work permit expires', es: 'Faltan 120 días o menos para que venza su permiso de trabajo' },
      body: both((lang) =>
        lang === 'en'
          ? `Your work permit expires on ${formatCivilDay(window.expiry, lang)} (${window.daysLeft === 0 ? 'today is its last day' : `${days(window.daysLeft, lang)} left`}). USCIS recommended filing by ${formatCivilDay(window.closes, lang)}; if you have not filed yet, filing soon still helps. (c)(33) work permits are not extended automatically while a renewal is pending.`
          : `Su permiso de trabajo vence el ${formatCivilDay(window.expiry, lang)} (${window.daysLeft === 0 ? 'hoy es su último día' : `quedan ${days(window.daysLeft, lang)}`}). USCIS recomendaba presentar la renovación a más tardar el ${formatCivilDay(window.closes, lang)}; si todavía no la presentó, hacerlo pronto sigue ayudando. Los permisos (c)(33) no se extienden automáticamente mientras la renovación está pendiente.`,
      ),
      link: USCIS_PAGES.daca,
    };
  }
  return null;
}

/** The card's expiry day is its last valid day: expired only after it (the stage's day is `since` + `days`). */
function permitExpired(stage: Extract<RenewalStage, { kind: 'pending' }>): boolean {
  return stage.permitExpiry !== null && daysBetween(addDays(stage.since, stage.days), stage.permitExpiry) < 0;
}

/** What to have at hand when asking USCIS about the case: receipts, dates, the (c)(33) expiry. */
export function inquiryChecklist(stage: Extract<RenewalStage, { kind: 'pending' }>, context: ReminderContext): Localized[] {
  const items: Localized[] = [
    both((lang) =>
      context.receipts.length === 0
        ? lang === 'en' ? 'Your two receipt numbers (I-821D and I-765), from the receipt notices.' : 'Sus dos números de recibo (I-821D e I-765), de los avisos de recibo.'
        : lang === 'en' ? `Your receipt numbers: ${context.receipts.join(', ')}.` : `Sus números de recibo: ${context.receipts.join(', ')}.`,
    ),
    both((lang) =>
      lang === 'en'
        ? `The receipt date: ${formatCivilDay(stage.since, lang)} (pending ${days(stage.days, lang)}; day 105 was ${formatCivilDay(stage.inquiryOn, lang)}).`
        : `La fecha de recibo: ${formatCivilDay(stage.since, lang)} (pendiente desde hace ${days(stage.days, lang)}; el día 105 fue el ${formatCivilDay(stage.inquiryOn, lang)}).`,
    ),
    both((lang) =>
      stage.permitExpiry === null
        ? lang === 'en' ? 'The expiry date on your current (c)(33) work permit card.' : 'La fecha de vencimiento de su tarjeta de permiso de trabajo (c)(33) actual.'
        : permitExpired(stage)
          ? lang === 'en' ? `Your (c)(33) work permit expired on ${formatCivilDay(stage.permitExpiry, lang)}.` : `Su permiso de trabajo (c)(33) venció el ${formatCivilDay(stage.permitExpiry, lang)}.`
          : lang === 'en' ? `Your current (c)(33) work permit expires on ${formatCivilDay(stage.permitExpiry, lang)}.` : `Su permiso de trabajo (c)(33) actual vence el ${formatCivilDay(stage.permitExpiry, lang)}.`,
    ),
  ];
  return items;
}

function inquiryReminder(stage: Extract<RenewalStage, { kind: 'pending' }>, context: ReminderContext): Reminder {
  const ready = inquiryChecklist(stage, context);
  return {
    kind: 'inquiry-105',
    key: `reminder:inquiry-105:${stage.since}`,
    title: { en: 'Day 105: you can now ask USCIS about your renewal', es: 'Día 105: ya puede preguntar a USCIS por su renovación' },
    body: both((lang) =>
      lang === 'en'
        ? `Your renewal has been pending ${days(stage.days, lang)}. USCIS accepts a case inquiry from day 105. Have ready: ${ready.map((item) => item.en).join(' ')}`
        : `Su renovación lleva ${days(stage.days, lang)} pendiente. USCIS acepta consultas sobre el caso a partir del día 105. Tenga a mano: ${ready.map((item) => item.es).join(' ')}`,
    ),
    link: USCIS_PAGES.caseInquiry,
  };
}

/** The calm note once the 120-day goal has passed: what it means and what people usually do. */
export function goalNote(stage: Extract<RenewalStage, { kind: 'pending' }>): Localized {
  return both((lang) =>
    lang === 'en'
      ? `Your renewal has been pending ${days(stage.days, lang)}, past USCIS’s 120-day goal (${formatCivilDay(stage.goalOn, lang)}). This happens often: many renewals take longer than 120 days. What people usually do: send a case inquiry to USCIS if they have not yet, tell their employer the dates, and talk to a legal service provider if the card expires soon.`
      : `Su renovación lleva ${days(stage.days, lang)} pendiente, más que el plazo de 120 días que USCIS se fija (${formatCivilDay(stage.goalOn, lang)}). Sucede a menudo: muchas renovaciones tardan más de 120 días. Lo que la gente suele hacer: enviar una consulta a USCIS si aún no lo hizo, informar las fechas a su empleador y hablar con un proveedor de servicios legales si la tarjeta vence pronto.`,
  );
}

function goalReminder(stage: Extract<RenewalStage, { kind: 'pending' }>, context: ReminderContext): Reminder {
  const note = goalNote(stage);
  const ready = inquiryChecklist(stage, context);
  return {
    kind: 'goal-120',
    key: `reminder:goal-120:${stage.since}`,
    title: { en: 'Day 120: past USCIS’s goal, still pending', es: 'Día 120: pasó el plazo que USCIS se fija, sigue pendiente' },
    body: {
      en: `${note.en} Have ready: ${ready.map((item) => item.en).join(' ')}`,
      es: `${note.es} Tenga a mano: ${ready.map((item) => item.es).join(' ')}`,
    },
    link: USCIS_PAGES.caseInquiry,
  };
}

/** The tray's line about the renewal calendar, or null when it has nothing to say. */
export function renewalTrayLine(stage: RenewalStage, lang: Language): string | null {
  const window = stage.kind === 'before-filing' ? stage.window : stage.kind === 'approved' ? stage.window : null;
  if (window !== null) {
    switch (window.phase) {
      case 'not-yet':
        return lang === 'en' ? `Filing window opens in ${days(window.daysToOpen, lang)}` : `El periodo para renovar se abre en ${days(window.daysToOpen, lang)}`;
      case 'open':
        return lang === 'en'
          ? `Filing window open: ${days(window.daysLeft, lang)} until your permit expires`
          : `Periodo para renovar abierto: ${days(window.daysLeft, lang)} para que venza su permiso`;
      case 'late':
        if (window.daysLeft === 0) return lang === 'en' ? 'File now: your permit expires today' : 'Presente ya: su permiso vence hoy';
        return lang === 'en' ? `File now: ${days(window.daysLeft, lang)} until your permit expires` : `Presente ya: ${days(window.daysLeft, lang)} para que venza su permiso`;
      case 'expired':
        return lang === 'en' ? 'Your work permit has expired' : 'Su permiso de trabajo venció';
    }
  }
  if (stage.kind === 'pending' && stage.days >= INQUIRY_AFTER_DAYS) {
    return lang === 'en' ? `Pending ${days(stage.days, lang)}: you can ask USCIS about it` : `Pendiente ${days(stage.days, lang)}: puede preguntar a USCIS`;
  }
  return null;
}
