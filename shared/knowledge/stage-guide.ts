// What a case's stage means and what usually follows it, for a case whose stage is ahead of USCIS's status title
// (an approval document before the title changes). Words only: which stage a case is at is decided elsewhere.

import type { Localized } from '../localized';
import { OUTCOME_WORDS } from './decision-outcomes';
import { ENDING_STAGES, STAGE_NAMES, STAGE_PROGRESS, isEndingStage, type Stage } from './stages';

export interface StageGuide {
  explanation: Localized;
  next: Localized;
}

const CARD_NEXT: Localized = {
  en: 'The card is mailed, then delivered by the Postal Service, usually within two weeks of the approval.',
  es: 'La tarjeta se envía por correo y luego el Servicio Postal la entrega, normalmente dentro de las dos semanas siguientes a la aprobación.',
};

/**
 * A decision other than approval shown by a document or code while the title lags: what it means, and what people
 * usually do next. The case is decided, not pending.
 */
const ENDING_GUIDES = Object.fromEntries(ENDING_STAGES.map((stage): [Stage, StageGuide] => [stage, {
  explanation: {
    en: `This case shows that it was ${OUTCOME_WORDS[stage].name.en} (a document or a code), though USCIS’s status text has not caught up yet. ${OUTCOME_WORDS[stage].meaning.en}`,
    es: `Este caso muestra que fue ${OUTCOME_WORDS[stage].name.es} (un documento o un código), aunque el texto del estatus de USCIS todavía no se ha puesto al día. ${OUTCOME_WORDS[stage].meaning.es}`,
  },
  next: OUTCOME_WORDS[stage].next,
}]));

/** Only the stages a case can reach ahead of its title: decisions and card steps. */
const GUIDES: Partial<Record<Stage, StageGuide>> = {
  ...ENDING_GUIDES,
  approved: {
    explanation: {
      en: 'An approval shows on this case (a document or a code), though USCIS’s status text has not caught up yet.',
      es: 'En este caso aparece una aprobación (un documento o un código), aunque el texto del estatus de USCIS todavía no se ha puesto al día.',
    },
    next: {
      en: 'USCIS’s status text usually changes to “approved” within hours or days. For the work permit, the new card is then produced and mailed; for the DACA request, the work permit decision usually follows within days.',
      es: 'El texto del estatus de USCIS suele cambiar a «aprobado» en unas horas o unos días. Para el permiso de trabajo, después se produce y se envía la nueva tarjeta; para la solicitud de DACA, la decisión del permiso de trabajo suele llegar pocos días después.',
    },
  },
  'card-ordered': {
    explanation: { en: 'USCIS ordered your new card, which it does only after an approval.', es: 'USCIS ordenó su nueva tarjeta, algo que solo hace después de una aprobación.' },
    next: CARD_NEXT,
  },
  'card-produced': {
    explanation: { en: 'USCIS is producing your new card, which it does only after an approval.', es: 'USCIS está produciendo su nueva tarjeta, algo que solo hace después de una aprobación.' },
    next: CARD_NEXT,
  },
  'card-mailed': {
    explanation: { en: 'USCIS mailed your new card.', es: 'USCIS le envió su nueva tarjeta por correo.' },
    next: {
      en: 'The Postal Service usually delivers it within a week. If it does not arrive, contact USCIS.',
      es: 'El Servicio Postal suele entregarla en una semana. Si no le llega, comuníquese con USCIS.',
    },
  },
  'card-delivered': {
    explanation: { en: 'The Postal Service reports your new card as delivered.', es: 'El Servicio Postal informa que entregó su nueva tarjeta.' },
    next: {
      en: 'Check that your name and dates on the card are right. Nothing else is expected on this case.',
      es: 'Revise que su nombre y las fechas de la tarjeta sean correctos. No se espera nada más en este caso.',
    },
  },
  'card-returned': {
    explanation: { en: 'The Postal Service returned your new card to USCIS.', es: 'El Servicio Postal devolvió su nueva tarjeta a USCIS.' },
    next: {
      en: 'Check that USCIS has your current address and contact USCIS to have it sent again.',
      es: 'Confirme que USCIS tenga su dirección actual y comuníquese con USCIS para que se la vuelvan a enviar.',
    },
  },
};

/**
 * The guide for `stage` when it is further along than the stage of USCIS's current title (or a decision the
 * title does not show); undefined when the title already says as much, so the title's own words stand.
 */
export function stageAheadOfTitle(stage: Stage, titleStage: Stage | undefined): StageGuide | undefined {
  const guide = GUIDES[stage];
  if (guide === undefined || titleStage === undefined || titleStage === stage) return undefined;
  const decided = (value: Stage) => isEndingStage(value) || STAGE_PROGRESS[value] >= STAGE_PROGRESS.approved;
  if (isEndingStage(stage)) return isEndingStage(titleStage) ? undefined : guide;
  return !decided(titleStage) || STAGE_PROGRESS[stage] > STAGE_PROGRESS[titleStage] ? guide : undefined;
}

const NOTHING_ELSE: Localized = { en: 'Nothing else is expected on this case.', es: 'No se espera nada más en este caso.' };

/** Where the work permit (I-765) stands once it is decided, said from the DACA request's card. */
const PERMIT_DECIDED: Partial<Record<Stage, Localized>> = {
  approved: {
    en: 'Your work permit (I-765) was approved too; its new card is produced and mailed next (see the work permit’s card).',
    es: 'Su permiso de trabajo (I-765) también fue aprobado; ahora se produce y se envía por correo la nueva tarjeta (vea la tarjeta del permiso de trabajo).',
  },
  'card-mailed': {
    en: 'Your work permit (I-765) was approved and its new card was mailed (see the work permit’s card).',
    es: 'Su permiso de trabajo (I-765) fue aprobado y su nueva tarjeta se envió por correo (vea la tarjeta del permiso de trabajo).',
  },
  'card-delivered': {
    en: 'Your work permit (I-765) was approved and its new card was delivered.',
    es: 'Su permiso de trabajo (I-765) fue aprobado y su nueva tarjeta fue entregada.',
  },
  'card-returned': {
    en: 'Your work permit (I-765) was approved, but its new card was returned to USCIS (see the work permit’s card).',
    es: 'Su permiso de trabajo (I-765) fue aprobado, pero su nueva tarjeta fue devuelta a USCIS (vea la tarjeta del permiso de trabajo).',
  },
};

/**
 * What follows an approved DACA request (I-821D) once its work permit (I-765) is decided: the approval's usual
 * "the work permit decision usually follows within days" would promise a decision that already came. Undefined
 * while the work permit is still pending (the usual words stand).
 */
export function dacaRequestNextAfterPermit(permitStage: Stage): Localized | undefined {
  const card = permitStage === 'card-ordered' || permitStage === 'card-produced' ? 'approved' : permitStage;
  const said: Localized | undefined = isEndingStage(permitStage)
    ? {
        en: `USCIS decided your work permit (I-765): ${STAGE_NAMES[permitStage].en.toLowerCase()} (see the work permit’s card).`,
        es: `USCIS decidió su permiso de trabajo (I-765): ${STAGE_NAMES[permitStage].es.toLowerCase()} (vea la tarjeta del permiso de trabajo).`,
      }
    : PERMIT_DECIDED[card];
  return said === undefined ? undefined : { en: `${said.en} ${NOTHING_ELSE.en}`, es: `${said.es} ${NOTHING_ELSE.es}` };
}
