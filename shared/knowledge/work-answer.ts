// The one question asked first everywhere (dashboard banner, tray tooltip, terminal summary, the notification after a
// decision): can this person work today, and until when. Pure: the renewal's facts and the user's civil day in, one
// answer in English and Spanish out.
//
// The law it rests on (MYUSCIS.md, "DACA rules"): a (c)(33) work permit is valid through the "Card Expires" date
// printed on it; it is NOT extended automatically while a renewal is pending, so after that day the person cannot
// work until the renewal is approved and the new card is in hand; the approval notice alone is not the card the
// employer's Form I-9 needs.

import type { Language, Localized } from '../localized';
import { addDays, calendarDay, daysBetween } from './calendar-days';
import { DECISION_GOAL_DAYS, FILING_WINDOW_DAYS, INQUIRY_AFTER_DAYS } from './daca-timing';
import type { PairVerdictKind } from './daca-pair';
import type { CaseStage } from './case-reading';
import { countDays, formatCivilDay, renewalStage, USCIS_PAGES, type NewCardDates, type RenewalFacts } from './renewal-calendar';
import { renewalFactsOf, storedVerdict, type RenewalState } from './renewal-facts';
import { STAGE_NAMES, type Stage } from './stages';

export const WORK_ANSWER_KINDS = ['valid', 'expiring-soon', 'expired-pending', 'expired', 'renewed', 'decided-not-approved', 'unknown'] as const;
export type WorkAnswerKind = (typeof WORK_ANSWER_KINDS)[number];

/** ok: can work, nothing urgent; warn: can work, act now; stop: cannot work (or may not); unknown: no expiry entered. */
export type WorkTone = 'ok' | 'warn' | 'stop' | 'unknown';

/** What a screen does for the answer's one-step action: the UI maps the id to its own control. */
export type WorkActionId = 'enter-expiry';

/**
 * "Expiring soon" from 120 days before the expiry: USCIS's goal is a decision within 120 days of filing, so from
 * then on a renewal filed today would likely not be decided before the card runs out; it is also the end of USCIS's
 * recommended filing window (150 to 120 days before the expiry).
 */
export const EXPIRING_SOON_DAYS = DECISION_GOAL_DAYS;

export interface WorkAnswer {
  kind: WorkAnswerKind;
  tone: WorkTone;
  headline: Localized;
  /** One or two sentences. */
  detail: Localized;
  /** What to do now, most important first; empty when nothing is due. */
  actions: Localized[];
  /** One line for the tray tooltip and the terminal. */
  line: Localized;
  /** The current card's "Card Expires" day, when entered. */
  expiry: string | null;
  /** Days from today to the expiry: 0 on the expiry day (its last valid day), negative after it; null when unknown. */
  daysLeft: number | null;
  /** Filed and pending: the receipt day, day 105 (inquiry) and day 120 (USCIS's goal), when the receipts were read. */
  pending: { since: string; days: number; inquiryOn: string; canInquire: boolean; goalOn: string } | null;
  /** Approved: the approval's day (when known) and the new card's dates (estimated, or as entered). */
  approvedOn: string | null;
  newCard: NewCardDates | null;
  /** The one-step action a screen offers (unknown: focus the expiry date input). */
  actionId: WorkActionId | null;
  /** An official USCIS page that backs the answer. */
  link: string | null;
}

/** Besides the renewal's facts: what the pair's verdict says (to name a decision) and the I-765's stage (the card). */
/** Approvals read from a document or code while USCIS's status title still says the case is in progress. */
export const UNCONFIRMED_APPROVALS: ReadonlySet<PairVerdictKind> = new Set<PairVerdictKind>(['silently-approved', 'likely-approved']);

export interface WorkContext {
  verdict?: PairVerdictKind;
  i765Stage?: CaseStage;
}

const both = (make: (lang: Language) => string): Localized => ({ en: make('en'), es: make('es') });
const day = (value: string, lang: Language) => formatCivilDay(value, lang);
const join = (...parts: Array<Localized | null>): Localized => {
  const present = parts.filter((part): part is Localized => part !== null);
  return { en: present.map((part) => part.en).join(' '), es: present.map((part) => part.es).join(' ') };
};

const NO_EXTENSION: Localized = {
  en: '(c)(33) work permits are not extended automatically while a renewal is pending.',
  es: 'Los permisos de trabajo (c)(33) no se extienden automáticamente mientras la renovación está pendiente.',
};
const LEGAL_HELP: Localized = {
  en: 'Consider talking to a legal service provider (many are free or low-cost).',
  es: 'Considere hablar con un proveedor de servicios legales (muchos son gratuitos o de bajo costo).',
};
const FILE_NOW: Localized = {
  en: 'File your DACA renewal (Forms I-821D and I-765) now.',
  es: 'Presente ya su renovación de DACA (formularios I-821D e I-765).',
};
const ADD_RECEIPTS: Localized = {
  en: 'If you already filed, add your two receipt numbers to DACA Watch.',
  es: 'Si ya la presentó, agregue sus dos números de recibo en DACA Watch.',
};

/** "expires today" / "expires tomorrow" / "expires in 12 days": the future only (the caller checks daysLeft >= 0). */
function expiresIn(daysLeft: number, lang: Language): string {
  if (lang === 'en') return daysLeft === 0 ? 'expires today' : daysLeft === 1 ? 'expires tomorrow' : `expires in ${countDays(daysLeft, lang)}`;
  return daysLeft === 0 ? 'vence hoy' : daysLeft === 1 ? 'vence mañana' : `vence en ${countDays(daysLeft, lang)}`;
}

type Pending = NonNullable<WorkAnswer['pending']>;

/** Day 105: "you can ask USCIS now" once it has come, else the day it comes. */
function inquiryAction(pending: Pending): Localized {
  return pending.canInquire
    ? both((lang) =>
        lang === 'en'
          ? `You can ask USCIS about your case now (day 105 was ${day(pending.inquiryOn, lang)}).`
          : `Ya puede preguntar a USCIS por su caso (el día 105 fue el ${day(pending.inquiryOn, lang)}).`,
      )
    : both((lang) =>
        lang === 'en'
          ? `From ${day(pending.inquiryOn, lang)} (day 105) you can ask USCIS about your case.`
          : `A partir del ${day(pending.inquiryOn, lang)} (día 105) podrá preguntar a USCIS por su caso.`,
      );
}

function tellEmployer(expiry: string, expired: boolean, pending: Pending | null): Localized {
  return both((lang) => {
    const card = lang === 'en'
      ? `your card ${expired ? 'expired' : 'expires'} on ${day(expiry, lang)}`
      : `su tarjeta ${expired ? 'venció' : 'vence'} el ${day(expiry, lang)}`;
    const filed = pending === null
      ? lang === 'en' ? 'your renewal is pending' : 'su renovación está pendiente'
      : lang === 'en' ? `your renewal was filed on ${day(pending.since, lang)} and is pending` : `su renovación se presentó el ${day(pending.since, lang)} y está pendiente`;
    return lang === 'en' ? `Tell your employer: ${card}; ${filed}.` : `Informe a su empleador: ${card}; ${filed}.`;
  });
}

interface Base {
  today: string;
  expiry: string | null;
  daysLeft: number | null;
  filed: boolean;
  pending: Pending | null;
}

function answer(base: Base, rest: Pick<WorkAnswer, 'kind' | 'tone' | 'headline' | 'detail' | 'actions' | 'line'> & Partial<WorkAnswer>): WorkAnswer {
  return {
    expiry: base.expiry,
    daysLeft: base.daysLeft,
    pending: base.pending,
    approvedOn: null,
    newCard: null,
    actionId: null,
    link: null,
    ...rest,
  };
}

function unknownAnswer(base: Base): WorkAnswer {
  return answer(base, {
    kind: 'unknown',
    tone: 'unknown',
    // Shown under the "Can you work today?" heading: the answer, not the question again (the tray's line keeps it).
    headline: { en: 'Not known yet: enter your work permit’s expiry date', es: 'Todavía no se sabe: escriba la fecha de vencimiento de su permiso de trabajo' },
    detail: join(
      {
        en: 'DACA Watch needs the “Card Expires” date printed on your current work permit card to tell you until when you can work.',
        es: 'DACA Watch necesita la fecha «Card Expires» impresa en su tarjeta de permiso de trabajo actual para decirle hasta cuándo puede trabajar.',
      },
      { en: 'It stays on this computer.', es: 'Se queda en esta computadora.' },
    ),
    actions: [{ en: 'Enter the expiry date of your current card.', es: 'Escriba la fecha de vencimiento de su tarjeta actual.' }],
    line: { en: 'Can you work? Enter your work permit’s expiry date', es: '¿Puede trabajar? Escriba la fecha de vencimiento de su permiso' },
    actionId: 'enter-expiry',
  });
}

/** The answer for a current card (not renewed, not denied): valid, expiring soon, or expired (with or without a renewal). */
function cardAnswer(base: Base & { expiry: string; daysLeft: number }): WorkAnswer {
  const { expiry, daysLeft, pending, filed } = base;
  if (daysLeft < 0) {
    const headline = both((lang) =>
      lang === 'en'
        ? `You cannot work right now: your work permit expired on ${day(expiry, lang)}`
        : `Ahora no puede trabajar: su permiso de trabajo venció el ${day(expiry, lang)}`,
    );
    if (filed) {
      return answer(base, {
        kind: 'expired-pending',
        tone: 'stop',
        headline,
        detail: {
          en: '(c)(33) permits are not extended automatically: you can work again once your renewal is approved and you have the new card.',
          es: 'Los permisos (c)(33) no se extienden automáticamente: podrá volver a trabajar cuando aprueben su renovación y tenga la nueva tarjeta.',
        },
        actions: [tellEmployer(expiry, true, pending), ...(pending === null ? [] : [inquiryAction(pending)]), LEGAL_HELP],
        line: both((lang) =>
          lang === 'en'
            ? `Cannot work: permit expired on ${day(expiry, lang)}; renewal pending`
            : `No puede trabajar: su permiso venció el ${day(expiry, lang)}; renovación pendiente`,
        ),
        link: USCIS_PAGES.automaticExtension,
      });
    }
    // Filing more than a year after the last period expired counts as an initial request (MYUSCIS.md).
    const overAYear = daysBetween(addDays(expiry, 365), base.today) > 0;
    return answer(base, {
      kind: 'expired',
      tone: 'stop',
      headline,
      detail: join(
        { en: 'No renewal is being watched.', es: 'No se está siguiendo ninguna renovación.' },
        overAYear
          ? {
              en: 'It expired more than a year ago: USCIS usually counts a request filed now as an initial request, and initial requests are accepted but not being decided. Talk to a legal service provider before filing.',
              es: 'Venció hace más de un año: USCIS suele contar una solicitud presentada ahora como solicitud inicial, y las solicitudes iniciales se aceptan pero no se están decidiendo. Hable con un proveedor de servicios legales antes de presentarla.',
            }
          : {
              en: 'You can work again only once a renewal is approved and you have the new card.',
              es: 'Solo podrá volver a trabajar cuando se apruebe una renovación y usted tenga la nueva tarjeta.',
            },
      ),
      actions: overAYear ? [LEGAL_HELP, ADD_RECEIPTS] : [FILE_NOW, LEGAL_HELP, ADD_RECEIPTS],
      line: both((lang) =>
        lang === 'en'
          ? `Cannot work: permit expired on ${day(expiry, lang)}; no renewal filed`
          : `No puede trabajar: su permiso venció el ${day(expiry, lang)}; no hay renovación presentada`,
      ),
      link: USCIS_PAGES.daca,
    });
  }

  const lastDay = { en: day(expiry, 'en'), es: day(expiry, 'es') };
  if (daysLeft <= EXPIRING_SOON_DAYS) {
    const headline = both((lang) => {
      const when = expiresIn(daysLeft, lang);
      return lang === 'en'
        ? `You can work ${daysLeft === 0 ? 'today' : `until ${lastDay.en}`}: your work permit ${when}${daysLeft === 0 ? ` (${lastDay.en})` : ''}`
        : `Puede trabajar ${daysLeft === 0 ? 'hoy' : `hasta el ${lastDay.es}`}: su permiso de trabajo ${when}${daysLeft === 0 ? ` (${lastDay.es})` : ''}`;
    });
    const after = both((lang) =>
      lang === 'en'
        ? `If the renewal is not approved by ${day(expiry, lang)}, you cannot work from ${day(addDays(expiry, 1), lang)} until it is approved and you have the new card.`
        : `Si la renovación no se aprueba a más tardar el ${day(expiry, lang)}, no podrá trabajar desde el ${day(addDays(expiry, 1), lang)} hasta que se apruebe y usted tenga la nueva tarjeta.`,
    );
    const detail = filed
      ? join(
          pending === null
            ? { en: 'Your renewal is pending.', es: 'Su renovación está pendiente.' }
            : both((lang) =>
                lang === 'en'
                  ? `Your renewal has been pending ${countDays(pending.days, lang)} (USCIS’s 120-day goal: ${day(pending.goalOn, lang)}).`
                  : `Su renovación lleva ${countDays(pending.days, lang)} pendiente (plazo de 120 días que USCIS se fija: ${day(pending.goalOn, lang)}).`,
              ),
          NO_EXTENSION,
          after,
        )
      : join(
          // Within 120 days of the expiry the recommended window's last day is today or already past: said in that tense.
          both((lang) => {
            const last = day(addDays(expiry, -FILING_WINDOW_DAYS.latest), lang);
            const endsToday = daysLeft === FILING_WINDOW_DAYS.latest;
            return lang === 'en'
              ? `USCIS recommends filing 150 to 120 days before the expiry; ${endsToday ? `today, ${last}, is the last day of that window` : `that window ended on ${last}`}.`
              : `USCIS recomienda presentar la renovación de 150 a 120 días antes del vencimiento; ${endsToday ? `hoy, ${last}, es el último día de ese periodo` : `ese periodo terminó el ${last}`}.`;
          }),
          NO_EXTENSION,
        );
    return answer(base, {
      kind: 'expiring-soon',
      tone: 'warn',
      headline,
      detail,
      actions: filed
        ? [tellEmployer(expiry, false, pending), ...(pending === null ? [] : [inquiryAction(pending)]), LEGAL_HELP]
        : [FILE_NOW, ADD_RECEIPTS, LEGAL_HELP],
      line: both((lang) =>
        lang === 'en'
          ? `Work permit ${expiresIn(daysLeft, lang)} (${lastDay.en}): ${filed ? 'tell your employer' : 'file now'}`
          : `Su permiso ${expiresIn(daysLeft, lang)} (${lastDay.es}): ${filed ? 'informe a su empleador' : 'presente ya la renovación'}`,
      ),
      link: filed ? USCIS_PAGES.automaticExtension : USCIS_PAGES.daca,
    });
  }

  const opens = addDays(expiry, -FILING_WINDOW_DAYS.earliest);
  const windowOpen = daysBetween(base.today, opens) <= 0;
  return answer(base, {
    kind: 'valid',
    tone: 'ok',
    headline: both((lang) =>
      lang === 'en' ? `You can work: your work permit is valid until ${lastDay.en}` : `Puede trabajar: su permiso de trabajo es válido hasta el ${lastDay.es}`,
    ),
    detail: both((lang) => {
      const left = lang === 'en' ? `${countDays(daysLeft, lang)} left.` : `Quedan ${countDays(daysLeft, lang)}.`;
      if (filed) return lang === 'en' ? `${left} Your renewal is pending; nothing is urgent.` : `${left} Su renovación está pendiente; no hay nada urgente.`;
      if (windowOpen) {
        return lang === 'en'
          ? `${left} USCIS’s recommended filing window is open now (until ${day(addDays(expiry, -FILING_WINDOW_DAYS.latest), lang)}).`
          : `${left} El periodo que USCIS recomienda para renovar ya está abierto (hasta el ${day(addDays(expiry, -FILING_WINDOW_DAYS.latest), lang)}).`;
      }
      return lang === 'en'
        ? `${left} Nothing is urgent; USCIS’s recommended filing window opens on ${day(opens, lang)}.`
        : `${left} No hay nada urgente; el periodo que USCIS recomienda para renovar se abre el ${day(opens, lang)}.`;
    }),
    actions: !filed && windowOpen ? [FILE_NOW] : [],
    line: both((lang) =>
      lang === 'en'
        ? `You can work until ${lastDay.en} (${countDays(daysLeft, lang)} left)`
        : `Puede trabajar hasta el ${lastDay.es} (quedan ${countDays(daysLeft, lang)})`,
    ),
  });
}

const DELIVERED: ReadonlySet<CaseStage> = new Set<CaseStage>(['card-delivered']);
const ON_ITS_WAY: ReadonlySet<CaseStage> = new Set<CaseStage>(['card-mailed']);

function renewedAnswer(base: Base, approvedOn: string | null, card: NewCardDates | null, i765Stage: CaseStage | undefined, unconfirmed: boolean): WorkAnswer {
  const delivered = i765Stage !== undefined && DELIVERED.has(i765Stage);
  // Dates the user typed from a delivered card are the current card: answer as for any card (the next renewal is not filed).
  if (delivered && card !== null && !card.estimate) {
    const expiry = card.expiry;
    const current = cardAnswer({ ...base, expiry, daysLeft: daysBetween(base.today, expiry), filed: false, pending: null });
    return { ...current, approvedOn, newCard: card };
  }
  const oldValid = base.daysLeft !== null && base.daysLeft >= 0;
  // No expiry entered: the current card may well still be valid, so nothing here says the person has stopped working.
  const oldUnknown = base.daysLeft === null;
  const dates = card === null
    ? { en: 'The new card’s dates are not known yet.', es: 'Todavía no se conocen las fechas de la nueva tarjeta.' }
    : both((lang) => {
        const from = day(card.validFrom, lang);
        const to = day(card.expiry, lang);
        return card.estimate
          ? lang === 'en'
            ? `New card: valid from ${from} to about ${to} (estimated from the approval; enter the dates printed on your notice or card).`
            : `Nueva tarjeta: válida desde el ${from} hasta aproximadamente el ${to} (estimado a partir de la aprobación; escriba las fechas impresas en su aviso o tarjeta).`
          : lang === 'en'
            ? `New card: valid from ${from} to ${to} (as you entered them).`
            : `Nueva tarjeta: válida desde el ${from} hasta el ${to} (según las fechas que usted escribió).`;
      });
  const cardNews: Localized = delivered
    ? { en: 'USCIS reports the new card as delivered.', es: 'USCIS informa que la nueva tarjeta fue entregada.' }
    : i765Stage === 'card-returned'
      ? {
          en: 'The Postal Service returned the new card to USCIS: check that USCIS has your address and contact USCIS to have it sent again.',
          es: 'El Servicio Postal devolvió la nueva tarjeta a USCIS: confirme que USCIS tenga su dirección y comuníquese con USCIS para que se la vuelvan a enviar.',
        }
      : i765Stage !== undefined && ON_ITS_WAY.has(i765Stage)
      ? { en: 'The new card is in the mail.', es: 'La nueva tarjeta está en el correo.' }
      : { en: 'An approved work permit means the new card is being produced.', es: 'Un permiso de trabajo aprobado significa que la nueva tarjeta se está produciendo.' };
  const i9: Localized = oldValid
    ? both((lang) =>
        lang === 'en'
          ? `Until the new card arrives, you can keep working with your current card, valid until ${day(base.expiry!, lang)}.`
          : `Hasta que llegue la nueva tarjeta, puede seguir trabajando con su tarjeta actual, válida hasta el ${day(base.expiry!, lang)}.`,
      )
    : oldUnknown && !delivered
    ? {
        en: 'Your current card stays valid until the expiry date printed on it; after that day your employer needs the new card itself for the I-9: the approval notice alone is not enough.',
        es: 'Su tarjeta actual sigue siendo válida hasta la fecha de vencimiento impresa en ella; después de ese día, para el I-9 su empleador necesita la nueva tarjeta: el aviso de aprobación por sí solo no basta.',
      }
    : {
        en: 'For the I-9 your employer needs the new card itself: the approval notice alone is not enough, and an expired card cannot be shown.',
        es: 'Para el I-9 su empleador necesita la nueva tarjeta: el aviso de aprobación por sí solo no basta y una tarjeta vencida no se puede presentar.',
      };
  const on = (lang: Language) => (approvedOn === null ? '' : lang === 'en' ? ` on ${day(approvedOn, lang)}` : ` el ${day(approvedOn, lang)}`);
  const dated = (lang: Language) => (approvedOn === null ? '' : lang === 'en' ? `, dated ${day(approvedOn, lang)},` : `, con fecha del ${day(approvedOn, lang)}`);
  // Read from a document or code while the status title is unchanged: said as what shows, not yet as USCIS's word.
  const approved: Localized = unconfirmed
    ? both((lang) =>
        lang === 'en'
          ? `An approval of your work permit renewal${dated(lang)} shows on your case; not confirmed yet: USCIS’s status title has not changed.`
          : `Su caso muestra la aprobación de su renovación del permiso de trabajo${dated(lang)}; todavía sin confirmar: el título del estatus de USCIS no ha cambiado.`,
      )
    : both((lang) => (lang === 'en' ? `USCIS approved your work permit renewal${on(lang)}.` : `USCIS aprobó su renovación del permiso de trabajo${on(lang)}.`));
  const headline: Localized = oldValid
    ? both((lang) =>
        lang === 'en'
          ? `Renewal approved: you can keep working; your current card is valid until ${day(base.expiry!, lang)}`
          : `Renovación aprobada: puede seguir trabajando; su tarjeta actual es válida hasta el ${day(base.expiry!, lang)}`,
      )
    : delivered
      ? { en: 'Renewal approved: your new card was delivered; with it you can work', es: 'Renovación aprobada: se entregó su nueva tarjeta; con ella puede trabajar' }
      : oldUnknown
      ? i765Stage === 'card-returned'
        ? { en: 'Renewal approved: the new card went back to USCIS', es: 'Renovación aprobada: la nueva tarjeta volvió a USCIS' }
        : { en: 'Renewal approved: your new card is on its way', es: 'Renovación aprobada: su nueva tarjeta está en camino' }
      : { en: 'Renewal approved: you can work again once you have the new card', es: 'Renovación aprobada: podrá volver a trabajar cuando tenga la nueva tarjeta' };
  return answer(base, {
    kind: 'renewed',
    tone: oldValid || delivered || oldUnknown ? 'ok' : 'warn',
    headline,
    detail: join(approved, cardNews, i9, dates),
    actions: [
      ...(oldValid || delivered || oldUnknown ? [] : [{ en: 'Tell your employer the new card is on its way, and show it as soon as it arrives.', es: 'Informe a su empleador que la nueva tarjeta está en camino y preséntela en cuanto llegue.' }]),
      ...(card === null || card.estimate
        ? [delivered
            ? { en: 'Enter the dates printed on your new card in DACA Watch.', es: 'Escriba en DACA Watch las fechas impresas en su nueva tarjeta.' }
            : { en: 'When you have the notice or the card, enter the new card’s dates in DACA Watch.', es: 'Cuando tenga el aviso o la tarjeta, escriba en DACA Watch las fechas de la nueva tarjeta.' }]
        : []),
    ],
    line: both((lang) => {
      const until = card === null ? '' : lang === 'en'
        ? `; new card valid until ${card.estimate ? 'about ' : ''}${day(card.expiry, lang)}`
        : `; nueva tarjeta válida hasta ${card.estimate ? 'aproximadamente ' : ''}el ${day(card.expiry, lang)}`;
      const now = oldValid || delivered || oldUnknown ? '' : lang === 'en' ? ' (work again once you have the card)' : ' (podrá trabajar cuando tenga la tarjeta)';
      return lang === 'en' ? `Renewal approved${until}${now}` : `Renovación aprobada${until}${now}`;
    }),
    approvedOn,
    newCard: card,
  });
}

/** The stage name of a decision that was not an approval (the verdict kind, a silent denial read as a denial). */
function decisionName(verdict: PairVerdictKind | undefined): Localized {
  const stage: Stage = verdict === undefined || verdict === 'silently-denied' ? 'denied' : (STAGE_NAMES[verdict as Stage] === undefined ? 'ended' : (verdict as Stage));
  return STAGE_NAMES[stage];
}

function notApprovedAnswer(base: Base, verdict: PairVerdictKind | undefined): WorkAnswer {
  const name = decisionName(verdict);
  const { expiry, daysLeft } = base;
  const permit: Localized = expiry === null || daysLeft === null
    ? { en: 'Enter your current card’s expiry date to see its dates here.', es: 'Escriba la fecha de vencimiento de su tarjeta actual para ver aquí sus fechas.' }
    : daysLeft < 0
      ? both((lang) => (lang === 'en' ? `Your current work permit expired on ${day(expiry, lang)}.` : `Su permiso de trabajo actual venció el ${day(expiry, lang)}.`))
      : both((lang) =>
          lang === 'en'
            ? `Your current card shows it ${expiresIn(daysLeft, lang)} (${day(expiry, lang)}); ask a legal service provider what this decision means for it.`
            : `Su tarjeta actual indica que ${expiresIn(daysLeft, lang)} (${day(expiry, lang)}); pregunte a un proveedor de servicios legales qué significa esta decisión para ella.`,
        );
  return answer(base, {
    kind: 'decided-not-approved',
    tone: 'stop',
    headline: both((lang) =>
      // "resultado" (masculine) carries the stage's name: "renovación ... (Denegado)" read as a wrong agreement.
      lang === 'en' ? `Your renewal was not approved (outcome: ${name.en})` : `Su renovación no fue aprobada (resultado: ${name.es})`,
    ),
    detail: permit,
    actions: [
      { en: 'Read the decision notice in your myUSCIS account.', es: 'Lea el aviso de la decisión en su cuenta de myUSCIS.' },
      { en: 'Talk to a legal service provider soon.', es: 'Hable pronto con un proveedor de servicios legales.' },
    ],
    line: both((lang) => (lang === 'en' ? `Renewal not approved (outcome: ${name.en}): read the notice` : `Renovación no aprobada (resultado: ${name.es}): lea el aviso`)),
    link: USCIS_PAGES.daca,
  });
}

/** The work answer on `facts.today` (the user's civil day). */
export function workAnswer(facts: RenewalFacts, context: WorkContext = {}): WorkAnswer {
  const today = calendarDay(facts.today);
  const expiry = facts.permitExpiry === null ? null : calendarDay(facts.permitExpiry);
  const stage = renewalStage(facts);
  const pending: Pending | null = stage.kind === 'pending'
    ? { since: stage.since, days: stage.days, inquiryOn: stage.inquiryOn, canInquire: stage.days >= INQUIRY_AFTER_DAYS, goalOn: stage.goalOn }
    : null;
  const base: Base = { today, expiry, daysLeft: expiry === null ? null : daysBetween(today, expiry), filed: facts.filed, pending };
  if (facts.filed && facts.decision === 'denied') return notApprovedAnswer(base, context.verdict);
  if (stage.kind === 'approved') return renewedAnswer(base, stage.approvedOn, stage.card, context.i765Stage, context.verdict !== undefined && UNCONFIRMED_APPROVALS.has(context.verdict));
  if (expiry === null || base.daysLeft === null) return unknownAnswer(base);
  return cardAnswer({ ...base, expiry, daysLeft: base.daysLeft });
}

/** The work answer from the app's stored state (engine or dashboard) on `today`. */
export function storedWorkAnswer(state: RenewalState, today: string, timeZone?: string): WorkAnswer {
  const verdict = storedVerdict(state, today);
  return workAnswer(renewalFactsOf(state, today, timeZone, verdict), { verdict: verdict.kind, i765Stage: verdict.stages.i765 });
}

/**
 * One or two sentences a notification of the work permit's (I-765's) approval adds: when the person can work. From
 * the stored state as if the approval (found on `foundOn`) were already recorded. `confirmed` false (a silent
 * approval: a document, no status yet) says it as a condition, since USCIS has not said it in words.
 */
export function workAfterApproval(state: RenewalState, today: string, foundOn: string, confirmed: boolean, timeZone?: string): Localized {
  const facts = renewalFactsOf(state, today, timeZone);
  const approved = workAnswer({ ...facts, filed: true, decision: 'approved', approvedOn: facts.approvedOn ?? calendarDay(foundOn) }, { i765Stage: 'approved' });
  const expiry = approved.expiry;
  const note: Localized = expiry !== null && approved.daysLeft !== null && approved.daysLeft >= 0
    ? both((lang) =>
        lang === 'en'
          ? `Until the new card arrives, you can keep working with your current card (valid until ${day(expiry, lang)}).`
          : `Hasta que llegue la nueva tarjeta, puede seguir trabajando con su tarjeta actual (válida hasta el ${day(expiry, lang)}).`,
      )
    : expiry === null
      ? {
          en: 'For the I-9, show your employer the new card when it arrives: the approval notice alone is not the card.',
          es: 'Para el I-9, presente a su empleador la nueva tarjeta cuando llegue: el aviso de aprobación por sí solo no es la tarjeta.',
        }
      : {
        en: 'You can work again once you have the new card: the approval notice alone is not your card for the I-9.',
        es: 'Podrá volver a trabajar cuando tenga la nueva tarjeta: el aviso de aprobación por sí solo no sirve como tarjeta para el I-9.',
      };
  return confirmed ? note : { en: `If this is the approval: ${lowerFirst(note.en)}`, es: `Si se trata de la aprobación: ${lowerFirst(note.es)}` };
}

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
