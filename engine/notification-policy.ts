// How urgently a finding interrupts a person and in which words (English or Spanish), plus quiet hours
// and the "sign in again" message. Pure: it sends nothing and keeps no ledger itself; which findings are
// announced at all is shared/monitor/announcement.ts's rule.

import { formatLongTime } from '../shared/format-date';
import type { Language } from '../shared/localized';
import type { Finding, FindingType } from '../shared/monitor/findings';
import type { Settings } from '../shared/monitor/state';
import { maskReceipt, isReceiptNumber } from '../shared/receipt';
import { explainStatus } from '../shared/knowledge/status-titles';
import { BRIEF_NEXT, OUTCOME_WORDS } from '../shared/knowledge/decision-outcomes';
import { ENDING_STAGES, type EndingStage } from '../shared/knowledge/stages';
import { dayInZone } from '../shared/knowledge/calendar-days';
import type { RenewalState } from '../shared/knowledge/renewal-facts';
import { workAfterApproval } from '../shared/knowledge/work-answer';
import type { DesktopNotification } from './ports';

const PRIORITY: Record<FindingType, DesktopNotification['priority']> = {
  'silent-approval': 'high',
  'likely-approved': 'normal',
  approved: 'high',
  denied: 'high',
  'case-ended': 'high',
  rfe: 'high',
  'i821d-approved-inferred': 'high',
  'biometrics-appointment': 'normal',
  'biometrics-reuse': 'normal',
  'card-produced': 'normal',
  'card-mailed': 'normal',
  'card-delivered': 'normal',
  'new-document': 'normal',
  'new-notice': 'normal',
  'status-change': 'normal',
  'new-event': 'low',
  'case-touched': 'low',
};

function minutesOfDay(now: number, timeZone: string | undefined): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(new Date(now));
  return Number(parts.find((p) => p.type === 'hour')?.value) * 60 + Number(parts.find((p) => p.type === 'minute')?.value);
}

/** Quiet hours in the user's local time; a window may cross midnight (22:00-07:00). */
export function inQuietHours(now: number, quietHours: Settings['quietHours'], timeZone?: string): boolean {
  if (!quietHours.enabled || quietHours.start === quietHours.end) return false;
  const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));
  const start = toMinutes(quietHours.start);
  const end = toMinutes(quietHours.end);
  const current = minutesOfDay(now, timeZone);
  return start < end ? current >= start && current < end : current >= start || current < end;
}

export interface WordingContext {
  language: Language;
  maskReceipts: boolean;
  /** 'I-821D' / 'I-765' per receipt, when known. */
  formTypes: Readonly<Record<string, string | null | undefined>>;
  /**
   * For a notification of the work permit's (I-765's) approval: when the person can work (work-answer.ts's
   * workAfterApproval), added to the body.
   */
  afterApproval?: { en: string; es: string };
  /** Renders a date (ISO) for the body; the default shows the UTC calendar day. */
  formatDate?: (iso: string, language: Language) => string;
}

function defaultDate(iso: string, language: Language): string {
  return formatLongTime(iso, language);
}

/** "Your I-765 (IOE•••••2458)" / "Su I-765 (IOE•••••2458)". */
function caseName(receipt: string, context: WordingContext): { en: string; es: string } {
  const shown = context.maskReceipts && isReceiptNumber(receipt) ? maskReceipt(receipt) : receipt;
  const form = context.formTypes[receipt];
  return form
    ? { en: `your ${form} (${shown})`, es: `su ${form} (${shown})` }
    : { en: `your case ${shown}`, es: `su caso ${shown}` };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The title and body of a finding's notification, in the user's language. */
export function wordFinding(finding: Finding, context: WordingContext): DesktopNotification {
  const lang = context.language;
  const name = caseName(finding.receipt, context);
  const doc = finding.detail.documentType ?? '';
  const code = finding.detail.code ?? '';
  const title = finding.detail.title ? explainStatus(finding.detail.title, lang).title : '';
  const date = finding.detail.appointmentAt ? (context.formatDate ?? defaultDate)(finding.detail.appointmentAt, lang) : '';
  const outcome = OUTCOME_WORDS[endingOutcome(finding.detail.outcome)];
  const inferred = finding.inferred
    ? { en: ' (DACA Watch infers this; USCIS has not said it in words).', es: ' (DACA Watch lo deduce; USCIS no lo ha dicho con palabras).' }
    : { en: '.', es: '.' };
  const words: Record<FindingType, { title: { en: string; es: string }; body: { en: string; es: string } }> = {
    'silent-approval': {
      title: { en: `Approval document for ${name.en}`, es: `Documento de aprobación para ${name.es}` },
      body: {
        en: `USCIS added “${doc || 'an approval notice'}” to your documents. The status has not changed yet, but this usually means the case was approved.`,
        es: `USCIS agregó «${doc || 'una notificación de aprobación'}» a sus documentos. El estatus todavía no ha cambiado, pero esto suele significar que el caso fue aprobado.`,
      },
    },
    'likely-approved': {
      title: { en: `Likely approval for ${name.en}`, es: `Probable aprobación para ${name.es}` },
      body: {
        en: `USCIS recorded a code (${code || 'APR0'}) that trackers have seen with approvals. The status and your documents do not show an approval yet, so this is likely, not certain; DACA Watch will tell you when USCIS confirms it.`,
        es: `USCIS registró un código (${code || 'APR0'}) que los sitios de seguimiento han visto junto a aprobaciones. El estatus y sus documentos todavía no muestran una aprobación, así que es probable, no seguro; DACA Watch le avisará cuando USCIS lo confirme.`,
      },
    },
    approved: {
      title: { en: `${capitalise(name.en)} was approved`, es: `${capitalise(name.es)} fue aprobado` },
      body: finding.inferred && title
        // A later stage (a card being produced) shows the approval: said as that inference, with the title USCIS shows.
        ? {
            en: `USCIS shows “${title}”. A card is made only after an approval, so this case was approved.`,
            es: `USCIS muestra «${title}». Una tarjeta solo se produce después de una aprobación, así que este caso fue aprobado.`,
          }
        : title
          ? { en: `USCIS now shows “${title}”.`, es: `USCIS ahora muestra «${title}».` }
          : { en: `USCIS recorded the approval code ${code || ''}.`.replace(' .', '.'), es: `USCIS registró el código de aprobación ${code || ''}.`.replace(' .', '.') },
    },
    denied: {
      title: { en: `${capitalise(name.en)} was denied`, es: `${capitalise(name.es)} fue denegado` },
      body: {
        en: `USCIS shows “${title || doc || code || 'denied'}”. ${OUTCOME_WORDS.denied.brief.en} ${BRIEF_NEXT.en}`,
        es: `USCIS muestra «${title || doc || code || 'denegado'}». ${OUTCOME_WORDS.denied.brief.es} ${BRIEF_NEXT.es}`,
      },
    },
    'case-ended': {
      title: { en: `${capitalise(name.en)} was ${outcome.name.en}`, es: `${capitalise(name.es)}: ${outcome.name.es}` },
      body: {
        en: `USCIS shows “${title || doc || code || outcome.name.en}”. ${outcome.brief.en} ${BRIEF_NEXT.en}`,
        es: `USCIS muestra «${title || doc || code || outcome.name.es}». ${outcome.brief.es} ${BRIEF_NEXT.es}`,
      },
    },
    rfe: {
      title: { en: `USCIS asks for more evidence on ${name.en}`, es: `USCIS pide más evidencia para ${name.es}` },
      body: {
        en: 'A Request for Evidence has a deadline. Open the notice in your myUSCIS account to see what is needed and by when.',
        es: 'Una Solicitud de Evidencia (RFE) tiene fecha límite. Abra la notificación en su cuenta de myUSCIS para ver qué se necesita y para cuándo.',
      },
    },
    'i821d-approved-inferred': {
      title: { en: `${capitalise(name.en)} was approved`, es: `${capitalise(name.es)} fue aprobado` },
      body: {
        en: 'USCIS decides the work permit only after the deferred action request, and your work permit is moving, so your I-821D was approved even if its own status has not changed yet.',
        es: 'USCIS decide el permiso de trabajo solo después de la solicitud de acción diferida, y su permiso de trabajo ya avanza; por eso su I-821D fue aprobado aunque su propio estatus todavía no haya cambiado.',
      },
    },
    'biometrics-appointment': {
      title: { en: `Biometrics appointment for ${name.en}`, es: `Cita de datos biométricos para ${name.es}` },
      body: {
        en: date ? `Your appointment is on ${date}. Bring the appointment notice and a photo ID.` : 'USCIS scheduled a biometrics appointment. The notice in your account has the date and place.',
        es: date ? `Su cita es el ${date}. Lleve la notificación de la cita y una identificación con foto.` : 'USCIS programó una cita de datos biométricos. La notificación en su cuenta tiene la fecha y el lugar.',
      },
    },
    'biometrics-reuse': {
      title: { en: `Biometrics reused for ${name.en}`, es: `Se reutilizaron sus datos biométricos para ${name.es}` },
      body: {
        en: `USCIS is using the fingerprints and photo it already has, so you should not need a new appointment${inferred.en}`,
        es: `USCIS está usando las huellas y la foto que ya tiene, así que no debería necesitar una cita nueva${inferred.es}`,
      },
    },
    'card-produced': {
      title: { en: 'Your new work permit card is being made', es: 'Se está produciendo su nueva tarjeta de permiso de trabajo' },
      body: { en: `USCIS is producing the card for ${name.en}. It is usually mailed within days.`, es: `USCIS está produciendo la tarjeta de ${name.es}. Normalmente se envía por correo en unos días.` },
    },
    'card-mailed': {
      title: { en: 'Your new work permit card was mailed', es: 'Su nueva tarjeta de permiso de trabajo fue enviada por correo' },
      // The tracking number is personal: it stays in the dashboard (CardTracking.svelte), never in a notification or a log.
      body: {
        en: `USCIS mailed the card for ${name.en}. Watch your mail; the Post Office usually delivers it within a week or two. The USPS tracking number, when USCIS gives one, is available in DACA Watch.`,
        es: `USCIS envió por correo la tarjeta de ${name.es}. Esté pendiente de su correo; normalmente llega en una o dos semanas. El número de rastreo de USPS, cuando USCIS lo da, está disponible en DACA Watch.`,
      },
    },
    'card-delivered': {
      title: { en: 'Your new work permit card was delivered', es: 'Su nueva tarjeta de permiso de trabajo fue entregada' },
      body: { en: `The Post Office reports the card for ${name.en} as delivered.`, es: `La oficina de correos reporta como entregada la tarjeta de ${name.es}.` },
    },
    'new-document': {
      title: { en: `New document for ${name.en}`, es: `Nuevo documento para ${name.es}` },
      body: { en: `USCIS added “${doc || 'a document'}” to your documents.`, es: `USCIS agregó «${doc || 'un documento'}» a sus documentos.` },
    },
    'new-notice': {
      title: { en: `New notice for ${name.en}`, es: `Nueva notificación para ${name.es}` },
      body: { en: 'USCIS issued a notice. Open your myUSCIS account to read it.', es: 'USCIS emitió una notificación. Abra su cuenta de myUSCIS para leerla.' },
    },
    'status-change': {
      title: { en: `${capitalise(name.en)}: status changed`, es: `${capitalise(name.es)}: cambió el estatus` },
      body: { en: `USCIS now shows “${title || 'a new status'}”.`, es: `USCIS ahora muestra «${title || 'un estatus nuevo'}».` },
    },
    'new-event': {
      title: { en: `Activity on ${name.en}`, es: `Actividad en ${name.es}` },
      body: { en: `USCIS recorded a new step (${finding.detail.code ?? 'code unknown'}).`, es: `USCIS registró un paso nuevo (${finding.detail.code ?? 'código desconocido'}).` },
    },
    'case-touched': {
      title: { en: `${capitalise(name.en)} was updated`, es: `${capitalise(name.es)} se actualizó` },
      body: { en: 'The record was touched; nothing was decided.', es: 'El expediente se modificó; no se decidió nada.' },
    },
  };
  const chosen = words[finding.type];
  const work = context.afterApproval !== undefined && isWorkPermitApproval(finding, context) ? ` ${context.afterApproval[lang]}` : '';
  return { key: finding.key, title: chosen.title[lang], body: `${chosen.body[lang]}${work}`, priority: PRIORITY[finding.type] };
}

/**
 * The context for wording `finding`: for the work permit's approval, with when the person can work on `now`'s day
 * (a silent approval, a document with no status yet, says it as a condition).
 */
export function withWorkNote(finding: Finding, context: WordingContext, state: RenewalState, now: number, timeZone?: string): WordingContext {
  if (!isWorkPermitApproval(finding, context)) return context;
  const today = dayInZone(now, timeZone);
  const at = Date.parse(finding.happenedAt ?? finding.foundAt);
  const foundOn = Number.isNaN(at) ? today : dayInZone(at, timeZone);
  // An approval read from a card step is sure (a card is made only after one); an approval document alone usually means one.
  const confirmed = finding.type === 'approved';
  return { ...context, afterApproval: workAfterApproval(state, today, foundOn, confirmed, timeZone) };
}

/** An approval (or a silent one) found on the I-765: its notification also says when the person can work. */
export function isWorkPermitApproval(finding: Finding, context: Pick<WordingContext, 'formTypes'>): boolean {
  return (finding.type === 'approved' || finding.type === 'silent-approval') && context.formTypes[finding.receipt] === 'I-765';
}

/** A stored outcome this version knows, else 'ended' (a decision other than approval, not named). */
function endingOutcome(stored: string | undefined): EndingStage {
  return ENDING_STAGES.find((stage) => stage === stored) ?? 'ended';
}

/**
 * The one notification per expiry that asks the user to sign in again. Once the renewal is finished (the new card
 * delivered, or both cases decided) the engine reads a few times a day with no keep-alive, so a session lapses by
 * design: it is said calmly, at low priority, as a choice rather than an alarm.
 */
export function signInAgainNotification(language: Language, since: string, finished = false): DesktopNotification {
  if (finished) {
    return {
      key: `session-expired:${since}`,
      title: language === 'es' ? 'Su renovación terminó; la sesión de myUSCIS se cerró' : 'Your renewal is complete; the myUSCIS session ended',
      body:
        language === 'es'
          ? 'Ya no se espera nada más de USCIS, así que DACA Watch dejó de mantener la sesión abierta. Inicie sesión otra vez solo si quiere que siga revisando sus casos unas pocas veces al día.'
          : 'Nothing more is expected from USCIS, so DACA Watch stopped keeping the session open. Sign in again only if you want it to keep reading your cases a few times a day.',
      priority: 'low',
    };
  }
  return {
    key: `session-expired:${since}`,
    title: language === 'es' ? 'Vuelva a iniciar sesión en myUSCIS' : 'Sign in to myUSCIS again',
    body:
      language === 'es'
        ? 'USCIS cerró la sesión. DACA Watch dejó de consultar su caso hasta que vuelva a iniciar sesión.'
        : 'USCIS ended the session. DACA Watch has stopped checking until you sign in again.',
    priority: 'high',
  };
}
