// The DACA renewal's day counts: days pending against USCIS's 120-day goal and 105-day inquiry point, and the
// current work permit's days left, filing window and (c)(33) no-extension warning. Dates in, numbers and words out.

import { formatLongDay } from '../format-date';
import type { Language, Localized } from '../localized';
import { addDays, calendarDay, daysBetween } from './calendar-days';

/** USCIS's goal: a decision within 120 days of filing. */
export const DECISION_GOAL_DAYS = 120;
/** An inquiry (service request) is allowed once a renewal has been pending 105 days. */
export const INQUIRY_AFTER_DAYS = 105;
/** USCIS recommends filing 150 to 120 days before the current work permit expires. */
export const FILING_WINDOW_DAYS = { earliest: 150, latest: 120 } as const;

export interface Pending {
  /** The earlier of the two submission dates. */
  since: string;
  days: number;
  /** The day the 120-day goal is reached. */
  goalDate: string;
  decided: boolean;
  /** Pending 105 days or more (105 whole days have passed) and not decided. */
  canInquire: boolean;
  /** Pending more than 120 days and not decided. */
  pastGoal: boolean;
}

export function pendingSince(since: string, today: string, decided: boolean): Pending {
  const days = daysBetween(since, today);
  return {
    since: calendarDay(since),
    days,
    goalDate: addDays(since, DECISION_GOAL_DAYS),
    decided,
    canInquire: !decided && days >= INQUIRY_AFTER_DAYS,
    pastGoal: !decided && days > DECISION_GOAL_DAYS,
  };
}

/** too-early: more than 150 days before expiry; in-window: 150 to 120; late: less than 120. */
export type FilingWindow = 'too-early' | 'in-window' | 'late';

export interface PermitOutlook {
  expiry: string;
  /** Negative once the permit has expired. */
  daysLeft: number;
  /** How early the renewal was filed, when the submission date is known. */
  filing?: { daysBeforeExpiry: number; window: FilingWindow };
  /**
   * While the renewal is not approved. strong: the permit runs out before the 120-day goal date, or already has,
   * so the renewal is likely to outlast it.
   */
  warning?: { level: 'notice' | 'strong'; text: Localized };
}

const NO_AUTOMATIC_EXTENSION: Localized = {
  en: '(c)(33) work permits are not automatically extended while a renewal is pending: if the card expires before the renewal is approved, you cannot work after the expiry date until the approval and the new card.',
  es: 'Los permisos de trabajo de la categoría (c)(33) no se extienden automáticamente mientras la renovación está pendiente: si la tarjeta vence antes de que aprueben la renovación, no podrá trabajar después de la fecha de vencimiento hasta la aprobación y la nueva tarjeta.',
};

/**
 * `renewalDecided`: USCIS approved the work permit or ended the renewal (a denial, a rejection...): its warnings speak of
 * a renewal still to be approved, which is then no longer true.
 */
export function permitOutlook(expiry: string, today: string, submitted: string | undefined, renewalDecided: boolean): PermitOutlook {
  const outlook: PermitOutlook = { expiry: calendarDay(expiry), daysLeft: daysBetween(today, expiry) };
  if (submitted !== undefined) {
    const daysBeforeExpiry = daysBetween(submitted, expiry);
    outlook.filing = {
      daysBeforeExpiry,
      window: daysBeforeExpiry > FILING_WINDOW_DAYS.earliest ? 'too-early' : daysBeforeExpiry >= FILING_WINDOW_DAYS.latest ? 'in-window' : 'late',
    };
  }
  if (renewalDecided) return outlook;
  // The printed expiry day is the card's last valid day (an employer reverifies by then): expired from the day after.
  const expired = outlook.daysLeft < 0;
  const lastDay = outlook.daysLeft === 0;
  const beforeGoal = submitted !== undefined && daysBetween(addDays(submitted, DECISION_GOAL_DAYS), expiry) < 0;
  if (!expired && !lastDay && !beforeGoal) {
    outlook.warning = { level: 'notice', text: NO_AUTOMATIC_EXTENSION };
    return outlook;
  }
  const on = (lang: Language) => formatLongDay(outlook.expiry, lang);
  const when: Localized = expired
    ? { en: `Your work permit expired on ${on('en')}.`, es: `Su permiso de trabajo venció el ${on('es')}.` }
    : lastDay
      ? { en: `Your work permit expires today, ${on('en')} (its last valid day).`, es: `Su permiso de trabajo vence hoy, ${on('es')} (su último día válido).` }
      : {
        en: `Your work permit expires on ${on('en')}, before USCIS’s 120-day goal for deciding your renewal.`,
        es: `Su permiso de trabajo vence el ${on('es')}, antes del plazo de 120 días que USCIS se fija para decidir su renovación.`,
      };
  const advice: Localized = {
    en: 'Tell your employer about these dates now, and consider talking to a legal service provider.',
    es: 'Informe cuanto antes a su empleador sobre estas fechas y considere hablar con un proveedor de servicios legales.',
  };
  outlook.warning = {
    level: 'strong',
    text: {
      en: `${when.en} ${NO_AUTOMATIC_EXTENSION.en} ${advice.en}`,
      es: `${when.es} ${NO_AUTOMATIC_EXTENSION.es} ${advice.es}`,
    },
  };
  return outlook;
}

