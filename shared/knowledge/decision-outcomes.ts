// What a decision other than approval (denied, rejected, terminated, withdrawn, closed) means for a DACA renewal
// and what people usually do next, in English and Spanish. Words only: which decision a case shows is read elsewhere.

import type { Language, Localized } from '../localized';
import type { EndingStage } from './stages';

/** USCIS's page of free and low-cost legal help (accredited representatives, legal-aid organisations). */
export const FIND_LEGAL_SERVICES_URL = 'https://www.uscis.gov/avoid-scams/find-legal-services';

export const NOT_LEGAL_ADVICE: Localized = {
  en: 'This is information, not legal advice.',
  es: 'Esto es información, no asesoría legal.',
};

export interface OutcomeWords {
  /** A short name for the decision: "denied". */
  name: Localized;
  /** What it means for the DACA request (I-821D) and the work permit (I-765). */
  meaning: Localized;
  /** What people usually do next, the dates that matter, the legal-help link and NOT_LEGAL_ADVICE. */
  next: Localized;
  /** The meaning in one or two sentences, for a notification (with BRIEF_NEXT it fits one). */
  brief: Localized;
}

/** What people usually do next, short enough for a notification. */
export const BRIEF_NEXT: Localized = {
  en: `People usually talk to a lawyer or a legal-aid organisation soon (${FIND_LEGAL_SERVICES_URL}) and keep the work permit’s expiry date in mind. ${NOT_LEGAL_ADVICE.en}`,
  es: `Las personas suelen hablar pronto con un abogado o con una organización de ayuda legal (${FIND_LEGAL_SERVICES_URL}) y tener presente la fecha de vencimiento del permiso de trabajo. ${NOT_LEGAL_ADVICE.es}`,
};

const HELP: Localized = {
  en: `People in this situation usually talk to a lawyer or a legal-aid organisation soon; USCIS lists free and low-cost help on its “Find Legal Services” page: ${FIND_LEGAL_SERVICES_URL}. The dates that matter: your current work permit’s expiry date (printed on the card) and any deadline in the notice. ${NOT_LEGAL_ADVICE.en}`,
  es: `En esta situación, las personas suelen hablar pronto con un abogado o con una organización de ayuda legal; USCIS tiene una lista de ayuda gratuita y de bajo costo en su página «Encontrar servicios legales» (Find Legal Services): ${FIND_LEGAL_SERVICES_URL}. Las fechas que importan: la fecha de vencimiento de su permiso de trabajo actual (impresa en la tarjeta) y cualquier fecha límite del aviso. ${NOT_LEGAL_ADVICE.es}`,
};

const READ_NOTICE: Localized = {
  en: 'Read the notice USCIS sends: it says why.',
  es: 'Lea el aviso que le envíe USCIS: allí se explica el motivo.',
};

export const OUTCOME_WORDS: Record<EndingStage, OutcomeWords> = {
  denied: {
    brief: {
      en: 'For DACA, a denied I-821D means deferred action is not renewed, and the work permit request (I-765) ends with it.',
      es: 'En DACA, un I-821D denegado significa que la acción diferida no se renueva, y la solicitud de permiso de trabajo (I-765) termina con él.',
    },
    name: { en: 'denied', es: 'denegado' },
    meaning: {
      en: 'USCIS denied this request. For DACA, a denied I-821D means deferred action is not renewed, and the work permit request (I-765) ends with it: no new card comes from this filing. A DACA decision cannot be appealed, but a new request can be filed.',
      es: 'USCIS denegó esta solicitud. En DACA, un I-821D denegado significa que la acción diferida no se renueva, y la solicitud de permiso de trabajo (I-765) termina con él: esta solicitud no le dará una tarjeta nueva. Una decisión de DACA no se puede apelar, pero se puede presentar una nueva solicitud.',
    },
    next: { en: `${READ_NOTICE.en} ${HELP.en}`, es: `${READ_NOTICE.es} ${HELP.es}` },
  },
  rejected: {
    brief: {
      en: 'USCIS rejected the filing: it was not accepted, so nothing is pending, and for DACA the work permit request (I-765) goes with it. Check the fee and the forms, and file again.',
      es: 'USCIS rechazó la solicitud: no fue aceptada, así que no hay nada en trámite, y en DACA la solicitud de permiso de trabajo (I-765) corre la misma suerte. Revise el pago y los formularios, y vuelva a presentarla.',
    },
    name: { en: 'rejected', es: 'rechazado' },
    meaning: {
      en: 'USCIS rejected this filing: it was not accepted, so nothing is pending and no decision was made on it. For DACA, a rejected I-821D takes the work permit request (I-765) with it. Rejections usually come from the fee, a missing signature or an old form edition.',
      es: 'USCIS rechazó esta solicitud: no fue aceptada, así que no hay nada en trámite y no se tomó ninguna decisión sobre ella. En DACA, un I-821D rechazado arrastra consigo la solicitud de permiso de trabajo (I-765). Los rechazos suelen deberse al pago, a una firma que falta o a una edición antigua del formulario.',
    },
    next: {
      en: `Read the rejection notice, check the fee and the forms, and file again (soon, if your work permit expires soon). ${HELP.en}`,
      es: `Lea el aviso de rechazo, revise el pago y los formularios, y vuelva a presentar la solicitud (pronto, si su permiso de trabajo vence pronto). ${HELP.es}`,
    },
  },
  terminated: {
    brief: {
      en: 'For DACA, a terminated I-821D ends deferred action, and the work permit request (I-765) ends with it.',
      es: 'En DACA, un I-821D terminado pone fin a la acción diferida, y la solicitud de permiso de trabajo (I-765) termina con él.',
    },
    name: { en: 'terminated', es: 'terminado' },
    meaning: {
      en: 'USCIS terminated this case. For DACA, a terminated I-821D ends deferred action, and the work permit request (I-765) ends with it.',
      es: 'USCIS terminó este caso. En DACA, un I-821D terminado pone fin a la acción diferida, y la solicitud de permiso de trabajo (I-765) termina con él.',
    },
    next: { en: `${READ_NOTICE.en} ${HELP.en}`, es: `${READ_NOTICE.es} ${HELP.es}` },
  },
  withdrawn: {
    brief: {
      en: 'The request was withdrawn and will not be decided; for DACA, the work permit request (I-765) ends with it. If you did not ask for this, contact USCIS.',
      es: 'La solicitud fue retirada y no se decidirá; en DACA, la solicitud de permiso de trabajo (I-765) termina con ella. Si usted no lo pidió, comuníquese con USCIS.',
    },
    name: { en: 'withdrawn', es: 'retirado' },
    meaning: {
      en: 'USCIS acknowledged that this request was withdrawn: it will not be decided. For DACA, withdrawing the I-821D also ends the work permit request (I-765) that depends on it.',
      es: 'USCIS confirmó que esta solicitud fue retirada: no se tomará una decisión sobre ella. En DACA, retirar el I-821D también pone fin a la solicitud de permiso de trabajo (I-765) que depende de él.',
    },
    next: {
      en: `If you did not ask to withdraw it, contact USCIS at once. ${HELP.en}`,
      es: `Si usted no pidió retirarla, comuníquese con USCIS de inmediato. ${HELP.es}`,
    },
  },
  'admin-closed': {
    brief: {
      en: 'USCIS closed the case without a decision (neither an approval nor a denial); for DACA, no new work permit comes while it is closed.',
      es: 'USCIS cerró el caso sin una decisión (ni aprobación ni denegación); en DACA, no llegará un permiso de trabajo nuevo mientras esté cerrado.',
    },
    name: { en: 'closed without a decision', es: 'cerrado sin una decisión' },
    meaning: {
      en: 'USCIS administratively closed this case: it stopped processing it without a decision (neither an approval nor a denial). For DACA, the work permit request (I-765) depends on the I-821D, so no new card comes while it is closed.',
      es: 'USCIS cerró administrativamente este caso: dejó de tramitarlo sin tomar una decisión (ni aprobación ni denegación). En DACA, la solicitud de permiso de trabajo (I-765) depende del I-821D, así que no llegará una tarjeta nueva mientras esté cerrado.',
    },
    next: { en: `${READ_NOTICE.en} ${HELP.en}`, es: `${READ_NOTICE.es} ${HELP.es}` },
  },
  ended: {
    brief: {
      en: 'USCIS recorded a decision other than an approval; for DACA, it ends the request, and the work permit request (I-765) with it.',
      es: 'USCIS registró una decisión que no es una aprobación; en DACA, pone fin a la solicitud, y a la del permiso de trabajo (I-765) con ella.',
    },
    name: { en: 'decided, not approved', es: 'decidido, sin aprobación' },
    meaning: {
      en: 'USCIS recorded a decision other than an approval (trackers list this code with denials, rejections, terminations, withdrawals and closures). For DACA, such a decision on the I-821D ends the request, and the work permit request (I-765) with it.',
      es: 'USCIS registró una decisión que no es una aprobación (los sitios de seguimiento asocian este código con denegaciones, rechazos, terminaciones, retiros y cierres). En DACA, una decisión así sobre el I-821D pone fin a la solicitud, y a la del permiso de trabajo (I-765) con ella.',
    },
    next: { en: `${READ_NOTICE.en} ${HELP.en}`, es: `${READ_NOTICE.es} ${HELP.es}` },
  },
};

/** The meaning and the next steps in one language, as one paragraph. */
export function outcomeParagraph(stage: EndingStage, lang: Language): string {
  const words = OUTCOME_WORDS[stage];
  return `${words.meaning[lang]} ${words.next[lang]}`;
}
