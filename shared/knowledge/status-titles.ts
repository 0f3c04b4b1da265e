// USCIS status titles (the public tracker's and my.uscis.gov's, in English and Spanish) explained in plain words,
// with what usually happens next. Never guesses a decision from the words of a title it does not know.

import { memoByString } from '../memo';
import type { Language, Localized } from '../localized';
import { OUTCOME_WORDS } from './decision-outcomes';
import { STAGE_NAMES, type Stage, type Step } from './stages';

interface TitleEntry {
  stage: Stage;
  step?: Step;
  /** USCIS's own wording, in both languages. */
  title: Localized;
  /** Other wordings of the same title that my.uscis.gov was seen to use (MYUSCIS.md, "More titles"). */
  also?: { en?: readonly string[]; es?: readonly string[] };
  explanation: Localized;
  next: Localized;
}

const NEXT_BIOMETRICS: Localized = {
  en: 'Biometrics: an appointment notice, or word that USCIS will reuse the biometrics you gave before.',
  es: 'Los datos biométricos: un aviso de cita, o un aviso de que USCIS reutilizará los que usted dio antes.',
};
const NEXT_DECISION: Localized = {
  en: 'A decision, or a Request for Evidence if something is missing. An approval document can reach your documents before this title changes.',
  es: 'Una decisión, o una Solicitud de Evidencia (RFE) si falta algo. Un documento de aprobación puede aparecer en sus documentos antes de que cambie este título.',
};
const NEXT_APPROVED: Localized = {
  en: 'For the work permit (I-765): the new card is produced and mailed, usually within two weeks. For the DACA request (I-821D): the work permit decision usually follows within days.',
  es: 'Para el permiso de trabajo (I-765): se produce la nueva tarjeta y se envía por correo, normalmente en unas dos semanas. Para la solicitud de DACA (I-821D): la decisión del permiso de trabajo suele llegar pocos días después.',
};

/** What follows an approval on one form: a card that knows its form says only its own half of NEXT_APPROVED. */
export const NEXT_APPROVED_BY_FORM: Record<'I-821D' | 'I-765', Localized> = {
  'I-765': {
    en: 'The new card is produced and mailed, usually within two weeks.',
    es: 'Se produce la nueva tarjeta y se envía por correo, normalmente en unas dos semanas.',
  },
  'I-821D': {
    en: 'USCIS decides the work permit (I-765) next: the work permit decision usually follows within days.',
    es: 'USCIS decide después el permiso de trabajo (I-765): la decisión del permiso de trabajo suele llegar pocos días después.',
  },
};

const STATUS_TITLES = {
  received: {
    stage: 'filed',
    title: { en: 'Case Was Received', es: 'Caso Fue Recibido' },
    also: {
      en: ['We Emailed You a Receipt Notice', 'Case Was Received and A Receipt Notice Was Sent', 'Case Was Received and A Receipt Notice Was Emailed'],
      es: ['Le Enviamos un Recibo por Correo Electrónico', 'Caso Fue Recibido y Se Envió un Recibo', 'Caso Fue Recibido y Se Envió un Recibo por Correo Electrónico'],
    },
    explanation: {
      en: 'USCIS has your filing and sent you the receipt notice. It confirms the filing; it is not a decision.',
      es: 'USCIS tiene su solicitud y le envió el aviso de recibo. Confirma que su solicitud llegó; no es una decisión.',
    },
    next: NEXT_BIOMETRICS,
  },
  'fingerprint-fee-received': {
    stage: 'filed',
    title: { en: 'Fingerprint Fee Was Received', es: 'Se Recibió el Pago para las Huellas Dactilares' },
    explanation: {
      en: 'USCIS received the fee for taking your fingerprints (biometrics) for this case.',
      es: 'USCIS recibió el pago por la toma de sus huellas dactilares (datos biométricos) para este caso.',
    },
    next: NEXT_BIOMETRICS,
  },
  'biometrics-scheduled': {
    stage: 'biometrics',
    step: 'scheduled',
    title: {
      en: 'Fingerprint and Biometrics Appointment Was Scheduled',
      es: 'Se Programó la Cita para Huellas Dactilares y Datos Biométricos',
    },
    explanation: {
      en: 'USCIS scheduled an appointment to take your fingerprints, photo and signature. The notice gives the date, time and place.',
      es: 'USCIS programó una cita para tomarle las huellas dactilares, la foto y la firma. El aviso indica la fecha, la hora y el lugar.',
    },
    next: {
      en: 'Go to the appointment with the notice and a photo ID. Afterwards the status usually changes to say your fingerprints were taken.',
      es: 'Acuda a la cita con el aviso y una identificación con foto. Después, el estatus suele cambiar para indicar que se tomaron sus huellas.',
    },
  },
  'fingerprints-taken': {
    stage: 'biometrics',
    step: 'taken',
    title: {
      en: 'Case Was Updated To Show Fingerprints Were Taken',
      es: 'Se Actualizó el Caso para Indicar que se Tomaron las Huellas Dactilares',
    },
    also: { en: ['We Updated Your Case To Show Fingerprints Were Taken'], es: ['Actualizamos Su Caso para Indicar que se Tomaron Sus Huellas Dactilares'] },
    explanation: {
      en: 'Your fingerprints are on file for this case: taken at an appointment, or reused from an earlier one (the title is the same for both). The status text says which.',
      es: 'Sus huellas dactilares ya constan en este caso: se las tomaron en una cita o se reutilizaron las de una cita anterior (el título es el mismo en los dos casos). El texto del estatus indica cuál de las dos.',
    },
    next: {
      en: 'USCIS finishes its background checks and reviews the case; the status usually moves to “being actively reviewed”.',
      es: 'USCIS termina la verificación de antecedentes y revisa el caso; el estatus suele pasar a «en revisión activa».',
    },
  },
  'actively-reviewed': {
    stage: 'review',
    title: { en: 'Case Is Being Actively Reviewed By USCIS', es: 'USCIS Está Revisando Activamente el Caso' },
    explanation: {
      en: 'USCIS is working on the case. This title is common and can stay for weeks; it does not mean there is a problem.',
      es: 'USCIS está trabajando en el caso. Este título es común y puede mantenerse durante semanas; no significa que haya un problema.',
    },
    next: NEXT_DECISION,
  },
  'processing-variant': {
    stage: 'review',
    title: { en: 'USCIS Is currently Processing the Case', es: 'USCIS Está Procesando el Caso Actualmente' },
    also: { en: ['USCIS Is Currently Processing Your Case'], es: ['USCIS Está Procesando Su Caso Actualmente'] },
    explanation: {
      en: 'This is how my.uscis.gov describes a case in progress. It is general: it does not say which step the case is at.',
      es: 'Así describe my.uscis.gov un caso en trámite. Es un mensaje general: no indica en qué paso está el caso.',
    },
    next: NEXT_DECISION,
  },
  'rfe-sent': {
    stage: 'evidence-request',
    step: 'request',
    title: { en: 'Request for Additional Evidence Was Sent', es: 'Se Envió una Solicitud de Evidencia Adicional' },
    also: { en: ['We sent a request for additional evidence.', 'Request for Initial Evidence Was Sent'], es: ['Le enviamos una solicitud de evidencia adicional.'] },
    explanation: {
      en: 'USCIS needs more documents or information before it can decide. The request says what to send and by when.',
      es: 'USCIS necesita más documentos o información antes de decidir. La solicitud indica qué debe enviar y la fecha límite.',
    },
    next: {
      en: 'Send everything it asks for before the deadline. Once USCIS has it, the status says your response was received.',
      es: 'Envíe todo lo que le piden antes de la fecha límite. Cuando USCIS lo reciba, el estatus indicará que recibió su respuesta.',
    },
  },
  'rfe-response-received': {
    stage: 'evidence-request',
    step: 'response',
    title: {
      en: "Response To USCIS' Request For Evidence Was Received",
      es: 'Se Recibió su Respuesta a la Solicitud de Evidencia de USCIS',
    },
    explanation: {
      en: 'USCIS received your response to its Request for Evidence and is reviewing the case again.',
      es: 'USCIS recibió su respuesta a la Solicitud de Evidencia (RFE) y está revisando el caso de nuevo.',
    },
    next: NEXT_DECISION,
  },
  approved: {
    stage: 'approved',
    title: { en: 'Case Was Approved', es: 'Caso Fue Aprobado' },
    also: { en: ['Case Was Approved And My Decision Was Emailed', 'We Approved Your Case', 'Case Approved'], es: ['Aprobamos Su Caso', 'Caso Aprobado'] },
    explanation: {
      en: 'USCIS approved this request. The approval notice comes by mail and often shows in your documents too.',
      es: 'USCIS aprobó esta solicitud. El aviso de aprobación llega por correo y muchas veces también aparece en sus documentos.',
    },
    next: NEXT_APPROVED,
  },
  'approved-variant': {
    stage: 'approved',
    title: { en: 'Your Case Has Been Approved', es: 'Su Caso Ha Sido Aprobado' },
    explanation: {
      en: 'This is how my.uscis.gov announces an approval: it means the same as “Case Was Approved”.',
      es: 'Así anuncia my.uscis.gov una aprobación: significa lo mismo que «Caso Fue Aprobado».',
    },
    next: NEXT_APPROVED,
  },
  'card-produced': {
    stage: 'card-produced',
    title: { en: 'New Card Is Being Produced', es: 'Se Está Produciendo su Nueva Tarjeta' },
    also: { en: ['We Produced Your New Card', 'We Are Producing Your New Card'], es: ['Produjimos Su Nueva Tarjeta'] },
    explanation: {
      en: 'Your new work permit card is being made. That happens only after an approval.',
      es: 'Se está fabricando su nueva tarjeta de permiso de trabajo. Eso solo ocurre después de una aprobación.',
    },
    next: {
      en: 'The card is usually mailed within a few days; the status then says “Card Was Mailed To Me”.',
      es: 'La tarjeta suele enviarse por correo en pocos días; entonces el estatus dirá «Se Envió mi Tarjeta por Correo».',
    },
  },
  'card-mailed': {
    stage: 'card-mailed',
    title: { en: 'Card Was Mailed To Me', es: 'Se Envió mi Tarjeta por Correo' },
    also: { en: ['We Mailed Your New Card', 'Your New Card Was Mailed'], es: ['Le Enviamos Su Nueva Tarjeta por Correo'] },
    explanation: {
      en: 'USCIS mailed your new card to the address it has on file.',
      es: 'USCIS envió su nueva tarjeta por correo a la dirección que tiene registrada.',
    },
    next: {
      en: 'The Postal Service picks it up and delivers it; USPS Informed Delivery can show it on its way.',
      es: 'El Servicio Postal la recoge y la entrega; Informed Delivery de USPS puede mostrarle el envío en camino.',
    },
  },
  'card-picked-up': {
    stage: 'card-mailed',
    title: {
      en: 'Card Was Picked Up By The United States Postal Service',
      es: 'El Servicio Postal de los Estados Unidos Recogió la Tarjeta',
    },
    also: { en: ['Your New Card Was Picked Up By The Postal Service'], es: ['El Servicio Postal Recogió Su Nueva Tarjeta'] },
    explanation: {
      en: 'The Postal Service (USPS) has your card and it is on its way to you.',
      es: 'El Servicio Postal (USPS) ya tiene su tarjeta y va camino a su domicilio.',
    },
    next: {
      en: 'Delivery usually follows within days. If the card has not arrived within 30 days, contact USCIS.',
      es: 'Normalmente se entrega en pocos días. Si la tarjeta no llega en 30 días, comuníquese con USCIS.',
    },
  },
  'card-delivered': {
    stage: 'card-delivered',
    title: { en: 'Card Was Delivered To Me By The Post Office', es: 'La Oficina de Correos Me Entregó la Tarjeta' },
    also: { en: ['Your New Card Was Delivered'], es: ['Su Nueva Tarjeta Fue Entregada'] },
    explanation: {
      en: 'The Postal Service reports your new card as delivered.',
      es: 'El Servicio Postal informa que entregó su nueva tarjeta.',
    },
    next: {
      en: 'Check the name and dates on the card. If you did not get it, contact USCIS soon.',
      es: 'Revise su nombre y las fechas de la tarjeta. Si no la recibió, comuníquese pronto con USCIS.',
    },
  },
  'card-returned': {
    stage: 'card-returned',
    title: { en: 'Card Was Returned To USCIS', es: 'La Tarjeta Fue Devuelta a USCIS' },
    explanation: {
      en: 'The Postal Service could not deliver your new card and returned it to USCIS.',
      es: 'El Servicio Postal no pudo entregar su nueva tarjeta y la devolvió a USCIS.',
    },
    next: {
      en: 'If your address changed, update it with USCIS, and contact USCIS to have the card sent again.',
      es: 'Si cambió de dirección, actualícela con USCIS, y comuníquese con USCIS para que le vuelvan a enviar la tarjeta.',
    },
  },
  denied: {
    stage: 'denied',
    title: { en: 'Case Was Denied', es: 'Caso Fue Denegado' },
    // The twin of "Case Was Approved And My Decision Was Emailed".
    also: { en: ['We Denied Your Case', 'Case Was Denied And My Decision Was Emailed'], es: ['Denegamos Su Caso'] },
    explanation: OUTCOME_WORDS.denied.meaning,
    next: OUTCOME_WORDS.denied.next,
  },
  rejected: {
    stage: 'rejected',
    title: { en: 'Case Was Rejected', es: 'Caso Fue Rechazado' },
    also: { en: ['We Rejected Your Case'], es: ['Rechazamos Su Caso'] },
    explanation: OUTCOME_WORDS.rejected.meaning,
    next: OUTCOME_WORDS.rejected.next,
  },
  terminated: {
    stage: 'terminated',
    title: { en: 'Case Was Terminated', es: 'Caso Fue Terminado' },
    // Seen live with currentActionCode H016 (MYUSCIS.md "Seen since").
    also: { en: ['Your Case Was Terminated (Denial)', 'We Terminated Your Case'], es: ['Su Caso Fue Terminado (Denegación)', 'Terminamos Su Caso'] },
    explanation: OUTCOME_WORDS.terminated.meaning,
    next: OUTCOME_WORDS.terminated.next,
  },
  withdrawn: {
    stage: 'withdrawn',
    title: { en: 'Withdrawal Acknowledgement Notice Was Sent', es: 'Se Envió un Aviso de Confirmación de Retiro' },
    also: { en: ['Withdrawal Acknowledgment Notice Was Sent', 'Case Was Withdrawn'], es: ['Caso Fue Retirado'] },
    explanation: OUTCOME_WORDS.withdrawn.meaning,
    next: OUTCOME_WORDS.withdrawn.next,
  },
  'admin-closed': {
    stage: 'admin-closed',
    title: { en: 'Case Was Administratively Closed', es: 'Caso Fue Cerrado Administrativamente' },
    explanation: OUTCOME_WORDS['admin-closed'].meaning,
    next: OUTCOME_WORDS['admin-closed'].next,
  },
} as const satisfies Record<string, TitleEntry>;

export type StatusTitleKey = keyof typeof STATUS_TITLES;
export const STATUS_TITLE_KEYS = Object.keys(STATUS_TITLES) as StatusTitleKey[];

export interface StatusExplanation {
  /** The known title this is, or undefined. */
  key?: StatusTitleKey;
  /** official: a known USCIS title; keyword: an unknown title placed by its words; unknown: neither. */
  match: 'official' | 'keyword' | 'unknown';
  stage: Stage;
  step?: Step;
  /** USCIS's own title in the asked language when known; otherwise the title as given. */
  title: string;
  explanation: string;
  next: string;
}

/**
 * Case, spacing, accents, quotes and punctuation (a trailing full stop included) do not matter:
 * "USCIS Is currently Processing the Case", "We sent a request for additional evidence.".
 */
function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}-]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Words that only carry the "We ..."/"Your ..." phrasing: without them (and in any order), "We Mailed Your New
 * Card" and "Card Was Mailed To Me" are the same words, and so are "Your Case Has Been Approved" and "Case Was
 * Approved". Only an exact match of what is left counts.
 */
const PHRASING_WORDS = new Set([
  'we', 'our', 'us', 'you', 'your', 'me', 'my', 'the', 'a', 'an', 'to', 'has', 'have', 'had', 'been', 'was', 'were',
  'is', 'are', 'new', 'uscis', 'su', 'sus', 'mi', 'le', 'la', 'el', 'los', 'las', 'un', 'una', 'fue', 'ha',
  'sido', 'nueva', 'nuevo',
]);

function titleWords(normalised: string): string {
  return normalised.split(' ').filter((word) => !PHRASING_WORDS.has(word)).sort().join(' ');
}

/** Titles that name the form: "We received your Form I-485.", "Recibimos su Formulario I-821D". */
const TITLE_PATTERNS: ReadonlyArray<readonly [RegExp, StatusTitleKey]> = [
  [/^we received your form [a-z0-9-]+$/, 'received'],
  [/^recibimos su formulario [a-z0-9-]+$/, 'received'],
];

/** Every known wording, normalised, with its entry and whether it is the entry's own title or another wording. */
const BY_NORMALISED_TITLE = new Map<string, { key: StatusTitleKey; own: boolean; lang: Language }>(
  STATUS_TITLE_KEYS.flatMap((key) => {
    const entry: TitleEntry = STATUS_TITLES[key];
    return (['en', 'es'] as const).flatMap((lang) => [
      [normaliseTitle(entry.title[lang]), { key, own: true, lang }] as const,
      ...(entry.also?.[lang] ?? []).map((wording) => [normaliseTitle(wording), { key, own: false, lang }] as const),
    ]);
  }),
);
/** The same wordings as bags of words (see PHRASING_WORDS); a bag two entries share is left out. */
const BY_TITLE_WORDS = (() => {
  const found = new Map<string, { key: StatusTitleKey; lang: Language } | null>();
  for (const [normalised, { key, lang }] of BY_NORMALISED_TITLE) {
    const words = titleWords(normalised);
    if (words === '') continue;
    const known = found.get(words);
    found.set(words, known === undefined ? { key, lang } : known !== null && known.key === key ? known : null);
  }
  return found;
})();

/** The known title a wording is, exactly (once normalised), as a "We"/"Your" form of it, or by a pattern. */
function matchTitle(normalised: string): { key: StatusTitleKey; own: boolean; lang?: Language } | undefined {
  const exact = BY_NORMALISED_TITLE.get(normalised);
  if (exact !== undefined) return exact;
  const pattern = TITLE_PATTERNS.find(([words]) => words.test(normalised))?.[1];
  if (pattern !== undefined) return { key: pattern, own: false };
  const byWords = normalised === '' ? undefined : BY_TITLE_WORDS.get(titleWords(normalised));
  return byWords ? { ...byWords, own: false } : undefined;
}

/** A title normalised and matched once: a year of history shows the same few titles hundreds of times. */
const readTitle = memoByString((title) => {
  const normalised = normaliseTitle(title);
  return { normalised, matched: matchTitle(normalised) };
});

/**
 * Words that place an unknown title safely: none of them claims a decision or a card, because a wrong
 * "approved" or "denied" is the one mistake that must not happen. First match wins (evidence before received).
 */
const KEYWORD_STAGES: ReadonlyArray<readonly [RegExp, Stage]> = [
  [/\bevidence\b|\bevidencia\b|intent to deny|intencion de denegar/, 'evidence-request'],
  [/fingerprint|biometric|huella/, 'biometrics'],
  [/transferred|relocated|transferido|trasladado/, 'transfer'],
  [/review|processing|revis|procesa/, 'review'],
  [/\breceived\b|\brecibi/, 'filed'],
];

/** Explains a status title, English or Spanish; an unknown or empty title gets a calm fallback, never an error. */
export function explainStatus(title: string | undefined, lang: Language): StatusExplanation {
  const { normalised, matched } = readTitle(title ?? '');
  if (matched !== undefined) {
    const { key } = matched;
    const entry: TitleEntry = STATUS_TITLES[key];
    // Another wording is shown as USCIS wrote it when it is in the asked language (or its language is not known).
    const asWritten = !matched.own && (matched.lang === undefined || matched.lang === lang) && title !== undefined;
    return {
      key,
      match: 'official',
      stage: entry.stage,
      step: entry.step,
      title: asWritten ? title.trim() : entry.title[lang],
      explanation: entry.explanation[lang],
      next: entry.next[lang],
    };
  }
  const shown = title?.trim() ?? '';
  const stage = KEYWORD_STAGES.find(([words]) => words.test(normalised))?.[1];
  const unknownTitle: Localized = shown === ''
    ? { en: 'USCIS sent no status title this time.', es: 'Esta vez USCIS no envió ningún título de estatus.' }
    : { en: `DACA Watch does not know the title “${shown}” yet.`, es: `DACA Watch todavía no conoce el título «${shown}».` };
  const reading: Localized = stage === undefined
    ? {
        en: 'A new title does not mean a decision by itself: read the full status text and any new notice in your account.',
        es: 'Un título nuevo no significa por sí solo una decisión: lea el texto completo del estatus y cualquier aviso nuevo en su cuenta.',
      }
    : {
        en: `Its words suggest this stage: ${STAGE_NAMES[stage].en}. Read the full status text to be sure.`,
        es: `Por sus palabras, parece corresponder a esta etapa: ${STAGE_NAMES[stage].es}. Lea el texto completo del estatus para confirmarlo.`,
      };
  return {
    match: stage === undefined ? 'unknown' : 'keyword',
    stage: stage ?? 'other',
    title: shown,
    explanation: `${unknownTitle[lang]} ${reading[lang]}`,
    next: lang === 'en'
      ? 'DACA Watch keeps checking and will tell you when something changes.'
      : 'DACA Watch sigue revisando y le avisará cuando algo cambie.',
  };
}
