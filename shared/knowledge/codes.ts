// The event and action code dictionary (every code in MYUSCIS.md), explained in English and Spanish with its stage
// and how sure the reading is. It must never claim more than that: unknown codes get a calm fallback, not a guess.

import type { Language, Localized } from '../localized';
import { normaliseCode } from './action-code';
import type { LearnedTitle, LearnedTitles } from './learned-titles';
import type { Confidence, Stage, Step } from './stages';
import { OUTCOME_WORDS } from './decision-outcomes';
import { explainStatus, type StatusTitleKey } from './status-titles';

/**
 * The NIEM code families public trackers list with decisions other than approval (MYUSCIS.md "Seen since"): EA is
 * known as "denial ordered"; a code of the EX, EZ or AF family that no list names is read as such a decision.
 */
const ENDING_FAMILIES = ['EA', 'EX', 'EZ', 'AF'] as const;
const ENDING_FAMILY_CODE = /^(EA|EX|EZ|AF)[A-Z0-9]{0,2}$/;

type CodeMeaning = {
  codes: readonly string[];
  stage: Stage;
  step?: Step;
  title: Localized;
  /**
   * What the code means in a few words, without the title's own hedge ("(meaning disputed)", "(reported)"): a sentence
   * or a label adds how sure it is once (codeInWords, a badge). Absent: the title says it plainly.
   */
  name?: Localized;
  /** The name already says how sure it is (an unverified code): no qualifier is added to it. */
  qualified?: true;
  explanation: Localized;
  /** A reported approval code too thin to state as a decision: it is told as likely, never as certain. */
  hedged?: true;
} & (
  /** The community meaning is exactly what this official status title says. */
  | { confidence: 'official'; matches: StatusTitleKey }
  | { confidence: 'community' }
  | { confidence: 'disputed'; readings: readonly [Localized, Localized] }
);

const MEANINGS: readonly CodeMeaning[] = [
  {
    codes: ['IAF'], stage: 'filed', confidence: 'community',
    title: { en: 'Receipt emailed', es: 'Recibo enviado por correo electrónico' },
    explanation: {
      en: 'USCIS received your filing and emailed you the receipt notice. This step asks nothing of you.',
      es: 'USCIS recibió su solicitud y le envió el aviso de recibo por correo electrónico. Este paso no le pide nada.',
    },
  },
  {
    codes: ['IAA'], stage: 'filed', confidence: 'community',
    title: { en: 'Receipt notice mailed', es: 'Aviso de recibo enviado por correo postal' },
    explanation: {
      en: 'USCIS mailed you the paper receipt notice (Form I-797C). It confirms the filing; it is not a decision.',
      es: 'USCIS le envió por correo postal el aviso de recibo en papel (Formulario I-797C). Confirma que su solicitud llegó; no es una decisión.',
    },
  },
  {
    codes: ['RCV0'], stage: 'filed', confidence: 'community',
    title: { en: 'Case received', es: 'Caso recibido' },
    explanation: {
      en: 'Trackers report this code when USCIS records that your filing arrived. It confirms the filing; it is not a decision.',
      es: 'Los sitios de seguimiento reportan este código cuando USCIS registra que su solicitud llegó. Confirma que su solicitud llegó; no es una decisión.',
    },
  },
  {
    codes: ['H001'], stage: 'filed', confidence: 'community',
    title: { en: 'Case created', es: 'Caso creado' },
    explanation: {
      en: 'USCIS opened the electronic record for this case. This happens to every filing as soon as it arrives.',
      es: 'USCIS abrió el expediente electrónico de este caso. Esto ocurre con todas las solicitudes en cuanto llegan.',
    },
  },
  {
    codes: ['FSA0'], stage: 'filed', confidence: 'community',
    title: { en: 'Background checks requested', es: 'Verificación de antecedentes solicitada' },
    explanation: {
      en: 'USCIS asked for the routine background checks it runs on every case, usually a day or two after filing. It says nothing about the outcome.',
      es: 'USCIS pidió la verificación de antecedentes de rutina que hace en todos los casos, normalmente uno o dos días después de recibir la solicitud. No dice nada sobre el resultado.',
    },
  },
  {
    codes: ['FTA0'], stage: 'review', confidence: 'community',
    title: { en: 'Background checks back; under review', es: 'Llegaron los resultados de antecedentes; caso en revisión' },
    explanation: {
      en: 'The background check results came back and the case is usually shown as being actively reviewed from here on. A normal step, not a decision.',
      es: 'Llegaron los resultados de la verificación de antecedentes y, desde ahora, el caso suele aparecer como «en revisión activa». Es un paso normal, no una decisión.',
    },
  },
  {
    codes: ['FTA1'], stage: 'review', confidence: 'disputed',
    title: { en: 'Further review (meaning disputed)', es: 'Revisión adicional (significado incierto)' },
    name: { en: 'Further review', es: 'Revisión adicional' },
    explanation: {
      en: 'A review step that trackers read in different ways. It is not a decision either way.',
      es: 'Un paso de revisión que los sitios de seguimiento interpretan de distintas maneras. No es una decisión en ningún sentido.',
    },
    readings: [
      { en: 'a supervisor is reviewing the case.', es: 'un supervisor está revisando el caso.' },
      {
        en: 'one more round of the ordinary review; some people see it after answering a Request for Evidence.',
        es: 'una ronda más de la revisión habitual; algunas personas la ven después de responder a una Solicitud de Evidencia (RFE).',
      },
    ],
  },
  {
    codes: ['FNA', 'IMAF', 'IMAG'], stage: 'biometrics', step: 'scheduled', confidence: 'community',
    title: { en: 'Biometrics appointment notice', es: 'Aviso de cita de datos biométricos' },
    explanation: {
      en: 'USCIS prepared or sent a notice for an appointment to take your fingerprints, photo and signature. The notice, by mail or in your documents, gives the date, time and place.',
      es: 'USCIS preparó o envió un aviso de cita para tomarle las huellas dactilares, la foto y la firma. El aviso, que llega por correo o aparece en sus documentos, indica la fecha, la hora y el lugar.',
    },
  },
  {
    codes: ['FNB'], stage: 'biometrics', step: 'taken', confidence: 'official', matches: 'fingerprints-taken',
    title: { en: 'Fingerprints taken', es: 'Huellas dactilares tomadas' },
    explanation: {
      en: 'Your fingerprints, photo and signature were taken and added to your case, for the background checks.',
      es: 'Se le tomaron las huellas dactilares, la foto y la firma, y se agregaron a su caso para la verificación de antecedentes.',
    },
  },
  {
    codes: ['MA70'], stage: 'biometrics', step: 'taken', confidence: 'community',
    title: { en: 'Biometrics received', es: 'Datos biométricos recibidos' },
    explanation: {
      en: 'The biometrics from your appointment reached your case file. This step asks nothing of you.',
      es: 'Los datos biométricos de su cita llegaron a su expediente. Este paso no le pide nada.',
    },
  },
  {
    codes: ['H008'], stage: 'biometrics', step: 'reused', confidence: 'disputed',
    title: { en: 'Biometrics reused? (meaning disputed)', es: '¿Datos biométricos reutilizados? (significado incierto)' },
    name: { en: 'Biometrics reused', es: 'Datos biométricos reutilizados' },
    explanation: {
      en: 'Trackers disagree about this code. On its own it is not a decision: on a case already past biometrics it is at most a hint that a decision may be near.',
      es: 'Los sitios de seguimiento no se ponen de acuerdo sobre este código. Por sí solo, no es una decisión: en un caso que ya pasó por los datos biométricos, como mucho es una señal de que la decisión podría estar cerca.',
    },
    readings: [
      {
        en: 'USCIS reused the biometrics you gave before, so you may not need a new appointment.',
        es: 'USCIS reutilizó los datos biométricos que usted dio antes, así que quizá no necesite una nueva cita.',
      },
      {
        en: 'one of the final steps before a decision, since other people saw it on the very day their case was approved.',
        es: 'uno de los últimos pasos antes de la decisión, porque otras personas lo vieron el mismo día en que les aprobaron el caso.',
      },
    ],
  },
  {
    codes: ['FH', 'FHB', 'FJ', 'IM', 'HG'], stage: 'review', confidence: 'community',
    title: { en: 'Interview step', es: 'Paso relacionado con una entrevista' },
    explanation: {
      en: 'Community lists place this code among interview steps; its exact meaning is not known. Interviews are rare for DACA renewals: if one is needed, USCIS sends a notice with the details.',
      es: 'Las listas de la comunidad ubican este código entre los pasos de una entrevista; no se sabe con exactitud qué significa. En las renovaciones de DACA casi nunca hay entrevista: si hace falta, USCIS le envía un aviso con los detalles.',
    },
  },
  {
    codes: ['FBA', 'IK', 'IKA', 'IAK'], stage: 'evidence-request', step: 'request', confidence: 'community',
    title: { en: 'Request for Evidence (RFE)', es: 'Solicitud de Evidencia (RFE)' },
    name: { en: 'Request for Evidence', es: 'Solicitud de Evidencia' },
    explanation: {
      en: 'USCIS needs more documents or information before it can decide. The request, by mail and usually in your documents, says what to send and by when.',
      es: 'USCIS necesita más documentos o información antes de decidir. La solicitud, que llega por correo y suele aparecer en sus documentos, indica qué debe enviar y la fecha límite.',
    },
  },
  {
    codes: ['HA'], stage: 'evidence-request', step: 'response', confidence: 'official', matches: 'rfe-response-received',
    title: { en: 'Response to the RFE received', es: 'Respuesta a la RFE recibida' },
    explanation: {
      en: 'USCIS received your response to its Request for Evidence and goes back to reviewing the case.',
      es: 'USCIS recibió su respuesta a la Solicitud de Evidencia (RFE) y retoma la revisión del caso.',
    },
  },
  {
    codes: ['II'], stage: 'evidence-request', step: 'request', confidence: 'community',
    title: { en: 'Notice of Intent to Deny', es: 'Aviso de Intención de Denegar' },
    explanation: {
      en: 'USCIS plans to deny the case unless you send more information by the deadline in the notice. It is not a final decision: answer on time, and this is a good moment to get legal help.',
      es: 'USCIS tiene la intención de denegar el caso, salvo que usted envíe más información antes de la fecha límite del aviso. No es una decisión final: responda a tiempo, y es un buen momento para buscar ayuda legal.',
    },
  },
  {
    codes: ['DA'], stage: 'approved', confidence: 'official', matches: 'approved',
    title: { en: 'Approved', es: 'Aprobado' },
    explanation: {
      en: 'USCIS approved this case. The approval notice follows by mail, and often in your documents.',
      es: 'USCIS aprobó este caso. El aviso de aprobación llegará por correo y muchas veces también aparecerá en sus documentos.',
    },
  },
  {
    codes: ['SA'], stage: 'approved', confidence: 'community',
    title: { en: 'Approved (reported)', es: 'Aprobado (según reportes)' },
    name: { en: 'Approved', es: 'Aprobado' },
    explanation: {
      en: 'This code is in no published list, but it has been seen live with an “approved” status title. Take it as a likely approval until the status or a notice confirms it.',
      es: 'Este código no aparece en ninguna lista publicada, pero se ha visto en casos reales junto a un título de estatus de «aprobado». Tómelo como una probable aprobación hasta que el estatus o un aviso la confirme.',
    },
  },
  {
    codes: ['APR0'], stage: 'approved', confidence: 'community', hedged: true,
    title: { en: 'Likely approval (reported code)', es: 'Probable aprobación (código reportado)' },
    name: { en: 'Likely approval', es: 'Probable aprobación' },
    explanation: {
      en: 'USCIS recorded a code that trackers have seen with approvals: one saw it paired with approval wording, another counts it as an approval. It is a good sign, not a confirmed decision: wait for the status, an approval notice or your documents to confirm it.',
      es: 'USCIS registró un código que los sitios de seguimiento han visto junto a aprobaciones: uno lo vio con un texto de aprobación y otro lo cuenta como aprobación. Es una buena señal, no una decisión confirmada: espere a que el estatus, un aviso de aprobación o sus documentos lo confirmen.',
    },
  },
  {
    codes: ['DB'], stage: 'approved', confidence: 'community',
    title: { en: 'Approved and certified', es: 'Aprobado y certificado' },
    explanation: {
      en: 'USCIS approved the case and recorded the decision as final.',
      es: 'USCIS aprobó el caso y registró la decisión como definitiva.',
    },
  },
  {
    codes: ['IEA'], stage: 'approved', confidence: 'community',
    title: { en: 'Approval notice sent', es: 'Aviso de aprobación enviado' },
    explanation: {
      en: 'USCIS sent the approval notice for this case. The paper copy usually arrives by mail within two weeks.',
      es: 'USCIS envió el aviso de aprobación de este caso. La copia en papel suele llegar por correo en unas dos semanas.',
    },
  },
  {
    codes: ['IEE'], stage: 'approved', confidence: 'community',
    title: { en: 'Approval letter emailed', es: 'Carta de aprobación enviada por correo electrónico' },
    explanation: {
      en: 'USCIS emailed the approval letter for this case. Look in your email and in your documents.',
      es: 'USCIS le envió por correo electrónico la carta de aprobación de este caso. Revise su correo electrónico y sus documentos.',
    },
  },
  {
    codes: ['IEC'], stage: 'approved', confidence: 'community',
    title: { en: 'Welcome notice', es: 'Aviso de bienvenida' },
    explanation: {
      en: 'USCIS sent a notice that, in community reports, comes only after an approval.',
      es: 'USCIS envió un aviso que, según los reportes de la comunidad, solo llega después de una aprobación.',
    },
  },
  {
    codes: ['LAA'], stage: 'card-ordered', confidence: 'community',
    title: { en: 'Card ordered', es: 'Tarjeta ordenada' },
    explanation: {
      en: 'USCIS ordered your new work permit card. A card is ordered only after an approval.',
      es: 'USCIS ordenó la producción de su nueva tarjeta de permiso de trabajo. Eso solo ocurre después de una aprobación.',
    },
  },
  {
    codes: ['LBA'], stage: 'card-ordered', confidence: 'community',
    title: { en: 'Card order received', es: 'Orden de la tarjeta recibida' },
    explanation: {
      en: 'The card production office received the order for your new card.',
      es: 'La oficina que produce las tarjetas recibió la orden de su nueva tarjeta.',
    },
  },
  {
    codes: ['LDA'], stage: 'card-produced', confidence: 'official', matches: 'card-produced',
    title: { en: 'Card being produced', es: 'Tarjeta en producción' },
    explanation: {
      en: 'Your new work permit card is being made. It is usually mailed within a few days.',
      es: 'Se está fabricando su nueva tarjeta de permiso de trabajo. Normalmente se envía por correo en pocos días.',
    },
  },
  {
    codes: ['LEA'], stage: 'card-mailed', confidence: 'official', matches: 'card-mailed',
    title: { en: 'Card mailed', es: 'Tarjeta enviada por correo' },
    explanation: {
      en: 'USCIS mailed your new card to the address it has on file. Tracking usually shows once the Postal Service picks it up.',
      es: 'USCIS envió su nueva tarjeta por correo a la dirección que tiene registrada. El rastreo suele aparecer cuando el Servicio Postal la recoge.',
    },
  },
  {
    codes: ['LEE'], stage: 'card-mailed', confidence: 'official', matches: 'card-picked-up',
    title: { en: 'Card picked up by the Postal Service', es: 'Tarjeta recogida por el Servicio Postal' },
    explanation: {
      en: 'The Postal Service (USPS) picked up your card and it is on its way. You can follow it with the tracking number or USPS Informed Delivery.',
      es: 'El Servicio Postal (USPS) recogió su tarjeta y ya va en camino. Puede seguirla con el número de rastreo o con Informed Delivery de USPS.',
    },
  },
  {
    codes: ['LED'], stage: 'card-delivered', confidence: 'official', matches: 'card-delivered',
    title: { en: 'Card delivered', es: 'Tarjeta entregada' },
    explanation: {
      en: 'The Postal Service reports your card as delivered. If you do not have it, contact USCIS soon.',
      es: 'El Servicio Postal informa que entregó su tarjeta. Si no la tiene, comuníquese pronto con USCIS.',
    },
  },
  {
    codes: ['LFA'], stage: 'card-returned', confidence: 'official', matches: 'card-returned',
    title: { en: 'Card returned to USCIS', es: 'Tarjeta devuelta a USCIS' },
    explanation: {
      en: 'The Postal Service could not deliver your card and returned it to USCIS. Check that USCIS has your current address and ask USCIS to send it again.',
      es: 'El Servicio Postal no pudo entregar su tarjeta y la devolvió a USCIS. Confirme que USCIS tenga su dirección actual y pídale que se la vuelva a enviar.',
    },
  },
  {
    codes: ['EA'], stage: 'denied', confidence: 'community',
    title: { en: 'Denial ordered', es: 'Denegación ordenada' },
    explanation: {
      en: 'USCIS recorded a decision to deny this case. A notice explaining why follows; consider legal help before deciding what to do.',
      es: 'USCIS registró la decisión de denegar este caso. Le llegará un aviso con los motivos; considere buscar ayuda legal antes de decidir qué hacer.',
    },
  },
  {
    codes: ['IFA'], stage: 'denied', confidence: 'community',
    title: { en: 'Denial notice sent', es: 'Aviso de denegación enviado' },
    explanation: {
      en: 'USCIS sent the notice that explains why the case was denied. Read it carefully; a legal service provider can go over your options with you.',
      es: 'USCIS envió el aviso que explica por qué se denegó el caso. Léalo con atención; un proveedor de servicios legales puede revisar sus opciones con usted.',
    },
  },
  {
    codes: ['H016'], stage: 'terminated', confidence: 'community',
    title: { en: 'Case terminated', es: 'Caso terminado' },
    explanation: {
      en: `Seen live as the status code of “Your Case Was Terminated (Denial)”. ${OUTCOME_WORDS.terminated.meaning.en}`,
      es: `Se vio en un caso real como código del estatus «Your Case Was Terminated (Denial)» (Su caso fue terminado: denegación). ${OUTCOME_WORDS.terminated.meaning.es}`,
    },
  },
  {
    codes: [...ENDING_FAMILIES].filter((code) => code !== 'EA'), stage: 'ended', confidence: 'community',
    title: { en: 'Decision other than approval', es: 'Decisión que no es una aprobación' },
    explanation: OUTCOME_WORDS.ended.meaning,
  },
  {
    codes: ['FS'], stage: 'hold', confidence: 'community',
    title: { en: 'Case put on hold', es: 'Caso en pausa' },
    explanation: {
      en: 'USCIS paused work on this case for now, often while it waits for a policy, a court decision or another office. A hold is not a denial.',
      es: 'USCIS detuvo por ahora el trámite de este caso, muchas veces mientras espera una política, una decisión judicial u otra oficina. Una pausa no es una denegación.',
    },
  },
  {
    codes: ['FR'], stage: 'review', confidence: 'community',
    title: { en: 'Hold lifted', es: 'Se levantó la pausa' },
    explanation: {
      en: 'USCIS lifted the hold on this case and work on it continues.',
      es: 'USCIS levantó la pausa de este caso y el trámite continúa.',
    },
  },
  {
    codes: ['KH'], stage: 'hold', confidence: 'community',
    title: { en: 'Hold because of a court case', es: 'Pausa por un caso judicial' },
    explanation: {
      en: 'Work on this case is paused because of a court case. Court orders have paused DACA decisions before; a hold is not a denial.',
      es: 'El trámite de este caso está en pausa por un caso judicial. Las órdenes judiciales ya han detenido decisiones de DACA en otras ocasiones; una pausa no es una denegación.',
    },
  },
  {
    codes: ['BA', 'BC'], stage: 'transfer', confidence: 'community',
    title: { en: 'Case moved to another office', es: 'Caso trasladado a otra oficina' },
    explanation: {
      en: 'USCIS moved the case to another office to share out the work. This is routine and does not change the outcome.',
      es: 'USCIS trasladó el caso a otra oficina para repartir el trabajo. Es algo rutinario y no cambia el resultado.',
    },
  },
  ...UNVERIFIED_CODES(),
];

/**
 * Codes that only appear in peers' code lists (MYUSCIS.md: "Unverified codes from peers' lists"), with no capture or
 * report behind them. They are named as such, with what their letters may stand for, and move no stage.
 */
function UNVERIFIED_CODES(): CodeMeaning[] {
  const hints: ReadonlyArray<readonly [string, Localized | null]> = [
    ['PRB0', null], ['INT0', { en: 'an interview', es: 'una entrevista' }], ['RFE0', { en: 'a Request for Evidence', es: 'una Solicitud de Evidencia (RFE)' }],
    ['NTR0', null], ['NOID', { en: 'a Notice of Intent to Deny', es: 'un Aviso de Intención de Denegar' }], ['DNY0', { en: 'a denial', es: 'una denegación' }],
    ['C1SC', null], ['PRD0', { en: 'card production', es: 'la producción de la tarjeta' }], ['CRD0', { en: 'a card step', es: 'un paso de la tarjeta' }],
    ['WCD0', null], ['FT0', null], ['FNG', null], ['FNH', null], ['FKA', null], ['FM', null], ['FBB', null], ['HB', null],
    ['LFB', null], ['LFC', null], ['MBC', null], ['AALB', null],
  ];
  return hints.map(([code, hint]) => ({
    codes: [code], stage: 'other', confidence: 'community',
    title: { en: `Code ${code} (listed by trackers, unverified)`, es: `Código ${code} (en listas de seguimiento, sin verificar)` },
    name: { en: 'A step trackers list, unverified', es: 'Un paso de las listas de seguimiento, sin verificar' },
    qualified: true,
    explanation: {
      en: `Public trackers list this code${hint ? `, and its letters may stand for ${hint.en}` : ''}, but no capture or report confirms what it means. Take it as a step that USCIS recorded, not as a decision: go by the status title and your documents.`,
      es: `Los sitios de seguimiento públicos incluyen este código en sus listas${hint ? `, y sus letras podrían referirse a ${hint.es}` : ''}, pero ninguna captura ni reporte confirma lo que significa. Tómelo como un paso que USCIS registró, no como una decisión: guíese por el título del estatus y sus documentos.`,
    },
  }));
}

const BY_CODE = new Map(MEANINGS.flatMap((meaning) => meaning.codes.map((code) => [code, meaning] as const)));

/** Every code the dictionary knows. */
export const KNOWN_CODES: readonly string[] = [...BY_CODE.keys()];

export interface CodeExplanation {
  /** The code as normalised (trimmed, upper case). */
  code: string;
  /** learned: USCIS showed this code with a status title; built-in: the dictionary; fallback: a code no one knows. */
  source: 'learned' | 'built-in' | 'fallback';
  confidence: Confidence;
  stage: Stage;
  step?: Step;
  title: string;
  /** The meaning in a few words, without a hedge or the code (USCIS's title for a learned pairing). */
  name: string;
  /** The name already says how sure it is (an unverified code). */
  qualified?: true;
  explanation: string;
  /** Both readings of a disputed code. */
  readings?: [string, string];
  /** A reported approval code (APR0) to be told as likely, never as certain. */
  hedged?: boolean;
}

/**
 * Explains a code. A pairing USCIS itself showed (learned from case_status) outranks the built-in reading;
 * a code in no list gets a fallback that names it and says what to go by instead.
 */
export function explainCode(code: string, lang: Language, learned?: LearnedTitles): CodeExplanation {
  const normalised = normaliseCode(code);
  const meaning = BY_CODE.get(normalised);
  const pairing = learned?.[normalised];
  if (pairing !== undefined) return fromLearned(normalised, pairing, meaning, lang);
  if (meaning !== undefined) return fromDictionary(normalised, meaning, lang);
  const family = ENDING_FAMILY_CODE.exec(normalised)?.[1];
  if (family !== undefined) {
    const familyMeaning = BY_CODE.get(family === 'EA' ? 'EX' : family);
    if (familyMeaning !== undefined) return fromDictionary(normalised, familyMeaning, lang);
  }
  const shown = normalised || (lang === 'en' ? '(empty)' : '(vacío)');
  const text: Record<Language, Pick<CodeExplanation, 'title' | 'name' | 'explanation'>> = {
    en: {
      title: `Unknown code ${shown}`,
      name: 'Unknown code',
      explanation: `DACA Watch does not know code ${shown} yet. USCIS adds new codes from time to time; a new code does not mean a decision by itself, so go by the status title and your documents.`,
    },
    es: {
      title: `Código desconocido: ${shown}`,
      name: 'Código desconocido',
      explanation: `DACA Watch todavía no conoce el código ${shown}. USCIS agrega códigos nuevos de vez en cuando; un código nuevo no significa por sí solo una decisión, así que guíese por el título del estatus y sus documentos.`,
    },
  };
  return { code: normalised, source: 'fallback', confidence: 'unknown', stage: 'other', ...text[lang] };
}

function fromDictionary(code: string, meaning: CodeMeaning, lang: Language): CodeExplanation {
  const base: Omit<CodeExplanation, 'explanation'> = {
    code,
    source: 'built-in',
    confidence: meaning.confidence,
    stage: meaning.stage,
    step: meaning.step,
    title: meaning.title[lang],
    name: (meaning.name ?? meaning.title)[lang],
    ...(meaning.qualified ? { qualified: true } : {}),
    ...(meaning.hedged ? { hedged: true } : {}),
  };
  if (meaning.confidence !== 'disputed') return { ...base, explanation: meaning.explanation[lang] };
  const [first, second] = meaning.readings;
  const readings: [string, string] = [capitalise(first[lang]), capitalise(second[lang])];
  const joined = lang === 'en'
    ? `One reading: ${first.en} Another: ${second.en}`
    : `Una interpretación: ${first.es} Otra: ${second.es}`;
  return { ...base, explanation: `${meaning.explanation[lang]} ${joined}`, readings };
}

/**
 * USCIS's own title for the code wins. Spanish uses USCIS's Spanish title when it sent one (or the known Spanish
 * twin of a known title), else USCIS's English title; the explanation is the known title's, else the dictionary's.
 */
function fromLearned(code: string, pairing: LearnedTitle, meaning: CodeMeaning | undefined, lang: Language): CodeExplanation {
  const status = explainStatus(pairing.en, lang);
  const known = status.key !== undefined;
  const title = lang === 'en' ? pairing.en : pairing.es ?? (known ? status.title : pairing.en);
  const unexplained: Localized = {
    en: `USCIS showed code ${code} with the status title “${pairing.en}”. DACA Watch has no more detail on it yet.`,
    es: `USCIS mostró el código ${code} con el título de estatus «${pairing.es ?? pairing.en}». DACA Watch todavía no tiene más información sobre él.`,
  };
  return {
    code,
    source: 'learned',
    confidence: 'official',
    stage: known ? status.stage : meaning?.stage ?? status.stage,
    step: known ? status.step : meaning?.step,
    title,
    name: title,
    explanation: known ? status.explanation : (meaning?.explanation ?? unexplained)[lang],
  };
}

/** How sure a reading of a code is, said once after its meaning (nothing for USCIS's own word). */
const CODE_QUALIFIERS: Record<Confidence | 'inferred', Localized> = {
  official: { en: '', es: '' },
  inferred: { en: '', es: '' },
  community: { en: 'as public trackers report it', es: 'según los sitios de seguimiento' },
  disputed: { en: 'though trackers disagree on its meaning', es: 'aunque los sitios de seguimiento no coinciden en su significado' },
  unknown: { en: 'unconfirmed', es: 'sin confirmar' },
};

const ON_FORM: Record<'I-821D' | 'I-765', Localized> = {
  'I-821D': { en: 'on the DACA request (I-821D)', es: 'en la solicitud de DACA (I-821D)' },
  'I-765': { en: 'on the work permit case (I-765)', es: 'en el caso del permiso de trabajo (I-765)' },
};

/**
 * A code in a plain sentence, named once with its meaning and how sure that is: "USCIS’s internal code LED (card
 * delivered) on the work permit case (I-765)", "USCIS’s internal code SA (approved, as public trackers report it)".
 * `confidence` overrides the dictionary's (a piece of evidence says how it was read); `learned`: the pairings USCIS
 * showed for this case, so its own title is quoted.
 */
export function codeInWords(code: string, lang: Language, options: { form?: 'I-821D' | 'I-765' | null; confidence?: Confidence | 'inferred'; learned?: LearnedTitles } = {}): string {
  const read = explainCode(code, lang, options.learned);
  const qualifier = read.qualified ? '' : CODE_QUALIFIERS[options.confidence ?? read.confidence][lang];
  const meaning =
    read.source === 'fallback'
      ? { en: 'one DACA Watch does not know yet', es: 'uno que DACA Watch todavía no conoce' }[lang]
      : read.source === 'learned'
        ? { en: `shown by USCIS as “${read.title}”`, es: `que USCIS mostró como «${read.title}»` }[lang]
        : [plainStart(read.name), qualifier].filter((part) => part !== '').join(', ');
  const where = options.form ? ` ${ON_FORM[options.form][lang]}` : '';
  return lang === 'en' ? `USCIS’s internal code ${read.code} (${meaning})${where}` : `el código interno de USCIS ${read.code} (${meaning})${where}`;
}

/** A name inside a sentence: "Card delivered" -> "card delivered"; "Request for Evidence" and "I-765 …" keep their capitals. */
function plainStart(name: string): string {
  const [first = '', ...rest] = name.split(' ');
  const plainWords = /^[A-ZÁÉÍÓÚÑ][a-záéíóúñ]*[,;]?$/.test(first) && rest.every((word) => word === word.toLowerCase());
  return plainWords ? name.charAt(0).toLowerCase() + name.slice(1) : name;
}

/** The sentence with its first letter in upper case. */
export function capitalise(sentence: string): string {
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
