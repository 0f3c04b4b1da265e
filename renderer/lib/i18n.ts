// Every word the dashboard itself says, in English and Spanish (usted), as one typed dictionary, plus the
// date formats of each language. No explanations of codes, titles or verdicts: those come from shared/knowledge.

import type { DocumentKind } from '../../shared/knowledge/documents';
import type { FilingWindow } from '../../shared/knowledge/daca-timing';
import type { Confidence } from '../../shared/knowledge/stages';
import type { Language } from '../../shared/localized';
import type { FindingType } from '../../shared/monitor/findings';
import type { IpcFailure } from '../../shared/ipc/contract';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const en = {
  skip: 'Skip to content',
  sections: 'Sections',
  otherLanguage: 'Español',
  demo: 'Demo: DACA Watch is watching a simulated myUSCIS with made-up cases, not your real account.',
  demoPace: (seconds: number) => `Demo: one day passes every ${plural(seconds, 'second', 'seconds')}.`,
  loading: 'Loading…',
  loadFailed: 'DACA Watch could not load its data.',
  retry: 'Try again',
  dismiss: 'Dismiss',
  failure: {
    'not-the-dashboard': 'This window is not allowed to do that.',
    'invalid-request': 'DACA Watch could not accept that value.',
    failed: 'That did not work. Please try again.',
  } satisfies Record<IpcFailure['code'], string>,

  welcome: 'Welcome to DACA Watch',
  intro:
    'DACA Watch follows your DACA renewal on myUSCIS: your DACA request (Form I-821D) and your work permit application (Form I-765). It explains every change in plain words and tells you once when something happens.',
  doesTitle: 'What it does',
  does: [
    'Reads your two cases from your own myUSCIS account, a few times an hour at most.',
    'Shows what USCIS’s codes, titles and documents mean, and how sure that reading is.',
    'Sends one desktop notification per change, such as an approval that appears before the status changes.',
  ],
  doesNotTitle: 'What it never does',
  doesNot: [
    'It never sees your password or verification code: you type them on USCIS’s own sign-in page.',
    'Nothing leaves your computer except requests to USCIS: no analytics, no tracking, no other servers.',
    'It does not file or change anything, and it does not replace advice from a legal service provider.',
  ],
  step1: 'Step 1: Sign in to myUSCIS',
  signInHelp: 'A USCIS sign-in window opens. Sign in there with your email, password and verification code.',
  signIn: 'Sign in to myUSCIS',
  signedInDone: 'You are signed in.',
  step2: 'Step 2: Add your two receipt numbers',
  receiptsHelp:
    'They are on your receipt notices and in your USCIS account, and start with IOE. The order does not matter: DACA Watch tells the I-821D from the I-765 using USCIS’s own case records.',
  receiptLabels: ['First receipt number', 'Second receipt number'],
  useSuggestion: (receipt: string) => `Use ${receipt}`,
  sameReceipt: 'You entered the same receipt number twice.',
  saveReceipts: 'Save and start watching',
  changeReceipts: 'Change receipt numbers',
  receiptsSaved: 'Saved. DACA Watch will check both cases shortly.',

  pairTitle: 'Your renewal',
  restsOn: 'What this rests on',
  forms: { 'I-821D': 'DACA request (Form I-821D)', 'I-765': 'Work permit (Form I-765)', other: 'Case (form not known yet)' },
  receipt: 'Receipt',
  status: 'Status',
  notReadYet: 'Not read yet',
  stage: 'Stage',
  office: 'Office',
  filed: 'Filed',
  whatNext: 'What usually happens next',
  uscisMessage: 'USCIS’s message',
  openLink: (address: string) => `Open ${address} in your browser`,
  pending: (days: number) => `Pending ${plural(days, 'day', 'days')}`,
  goal: (day: string) => `USCIS aims to decide within 120 days: by ${day}.`,
  inquiryFrom: (day: string) => `You can ask USCIS about the case from day 105 (${day}).`,
  canInquire: 'Pending 105 days or more: you can now ask USCIS about the case.',
  pastGoal: 'Past USCIS’s 120-day goal.',
  daysMeter: 'Days pending out of USCIS’s 120-day goal',
  permit: 'Current work permit',
  expires: (day: string) => `Expires ${day}`,
  daysLeft: (days: number) => (days > 0 ? `${plural(days, 'day', 'days')} left` : days === 0 ? 'Expires today' : `Expired ${plural(-days, 'day', 'days')} ago`),
  filingWindow: {
    'too-early': 'Filed more than 150 days before it expires: earlier than USCIS recommends.',
    'in-window': 'Filed 150 to 120 days before it expires, as USCIS recommends.',
    late: 'Filed less than 120 days before it expires: later than USCIS recommends.',
  } satisfies Record<FilingWindow, string>,
  addExpiry: 'Add your current work permit’s expiry date in Settings to see how many days it has left.',
  notThisAccount: 'USCIS says this receipt belongs to another account, so DACA Watch does not check it. Check the number, or sign in with the account that filed it.',

  timelineTitle: 'Timeline',
  timelineHelp: 'Each dot is a day something happened on a case. Focus or point at a dot to read it; the arrow keys move between dots.',
  timelineEmpty: 'Nothing to show yet.',
  timelineLegend: 'Green: an approval or a card. Red: a denial or a request for evidence. Filled: official; hollow: a community reading, disputed or unknown.',
  marks: { today: 'Today', inquiry: 'Day 105', goal: 'Day 120', expiry: 'Permit expires' },
  marksHelp: 'Day 105: you can ask USCIS about the case. Day 120: USCIS’s goal for a decision.',
  entries: (count: number) => plural(count, 'entry', 'entries'),
  andMore: (count: number) => `and ${count} more`,
  repeated: (count: number) => `USCIS listed this ${plural(count, 'time', 'times')}; shown once.`,
  confidence: {
    official: 'Official (from USCIS)',
    community: 'Community reading',
    disputed: 'Disputed meaning',
    unknown: 'Meaning unknown',
    inferred: 'Inferred by DACA Watch',
  } satisfies Record<Confidence | 'inferred', string>,

  newsTitle: 'What’s new',
  nothingNew: 'Nothing new since you last looked.',
  markSeen: 'Mark as seen',
  showAll: (count: number) => `Show all ${count}`,
  found: (when: string) => `Found ${when}`,
  appointment: (when: string) => `Appointment: ${when}`,
  before: (title: string) => `Before: ${title}`,
  findings: {
    'new-document': 'New document',
    'silent-approval': 'Approval before the status changed',
    approved: 'Approved',
    denied: 'Denied',
    rfe: 'Request for Evidence',
    'biometrics-appointment': 'Biometrics appointment',
    'biometrics-reuse': 'Earlier biometrics reused',
    'status-change': 'Status changed',
    'new-event': 'New event code',
    'new-notice': 'New mailed notice',
    'card-produced': 'Card being produced',
    'card-mailed': 'Card mailed',
    'card-delivered': 'Card delivered',
    'case-touched': 'Record touched (not a decision)',
    'i821d-approved-inferred': 'DACA request approved (shown by the work permit)',
  } satisfies Record<FindingType, string>,
  evidence: {
    document: 'a document',
    event: 'an event code',
    code: 'the status code',
    title: 'the status title',
    flag: 'the “action required” mark',
    inference: 'DACA Watch’s reasoning',
  } as Record<string, string>,
  restsOnList: (list: string) => `Rests on ${list}.`,

  documentsTitle: 'Documents',
  noDocuments: 'No documents yet.',
  documentsUnread: 'DACA Watch could not read this list yet.',
  source: { uscis: 'From USCIS', applicant: 'Uploaded by you', unknown: 'Source not given' },
  newMark: 'New',
  documentKinds: {
    approval: 'Approval',
    denial: 'Denial',
    rfe: 'Request for Evidence',
    'biometrics-reuse': 'Biometrics reuse notice',
    appointment: 'Appointment notice',
    receipt: 'Receipt notice',
    'applicant-upload': 'Your upload',
    other: 'Other document',
  } satisfies Record<DocumentKind, string>,

  signedIn: 'Signed in to myUSCIS',
  signedOut: 'Signed out of myUSCIS: DACA Watch cannot check until you sign in again.',
  sessionUnknown: 'Checking the myUSCIS session…',
  lastCheck: (when: string) => `Last check: ${when}`,
  notChecked: 'Not checked yet',
  nextCheck: (when: string) => `Next check: ${when}`,
  checking: 'Checking now…',
  paused: (when: string) => `Paused until ${when}`,
  backingOff: (when: string, why: string) => `Waiting until ${when} before trying again: ${why}`,
  backoffReasons: {
    'rate-limited': 'USCIS asked for fewer requests.',
    'server-error': 'USCIS had a server error.',
    'network-error': 'the connection failed.',
    timeout: 'USCIS took too long to answer.',
    challenged: 'USCIS’s bot check needs a refresh.',
    malformed: 'USCIS sent something unexpected.',
    'unexpected-status': 'USCIS gave an unexpected answer.',
    'receipt-refused': 'USCIS refused a receipt number.',
  } as Record<string, string>,
  offline: 'Offline: checks resume when you are back online.',
  asleep: 'The computer was asleep: checks resume shortly.',
  noCases: 'Add your receipt numbers to start.',
  checkNow: 'Check now',
  pauseHour: 'Pause for an hour',
  pauseTomorrow: 'Pause until tomorrow',
  resume: 'Resume',

  settingsTitle: 'Settings',
  intervals: 'How often to check',
  workHours: 'Minutes between checks while USCIS works (weekdays, daytime Eastern)',
  offHours: 'Minutes between checks at night and on weekends',
  range: (min: number, max: number) => `A whole number from ${min} to ${max}.`,
  quietHours: 'Quiet hours',
  quietEnabled: 'Hold notifications during quiet hours (none are lost)',
  quietStart: 'From',
  quietEnd: 'Until',
  notifyAbout: 'Notify me about',
  language: 'Language',
  privacy: 'Privacy and startup',
  maskReceipts: 'Hide most of each receipt number (IOE•••••5678), for screenshots',
  startAtLogin: 'Start DACA Watch when I log in to this computer',
  staySignedIn: 'Keep my myUSCIS session alive while I am away',
  permitExpiry: 'Expiry date on your current work permit card',
  clear: 'Clear',
  receipts: 'Receipt numbers',
  session: 'myUSCIS session',
  signOut: 'Sign out',
  data: 'Your data',
  exportJson: 'Export as JSON',
  exportPrint: 'Export a printable copy',
  exported: (path: string) => `Saved to ${path}`,
  exportCancelled: 'Export cancelled.',
  erase: 'Erase everything…',
  eraseWarning:
    'This deletes your receipt numbers, your cases’ history, your settings and the myUSCIS session from this computer. It cannot be undone.',
  eraseConfirm: 'Yes, erase everything',
  cancel: 'Cancel',
};

/** The dictionary's shape: Spanish must say everything English says. */
export type Messages = typeof en;

const es: Messages = {
  skip: 'Saltar al contenido',
  sections: 'Secciones',
  otherLanguage: 'English',
  demo: 'Demostración: DACA Watch está revisando una simulación de myUSCIS con casos inventados, no su cuenta real.',
  demoPace: (seconds: number) => `Demostración: pasa un día cada ${seconds === 1 ? 'segundo' : `${seconds} segundos`}.`,
  loading: 'Cargando…',
  loadFailed: 'DACA Watch no pudo cargar sus datos.',
  retry: 'Intentar de nuevo',
  dismiss: 'Cerrar',
  failure: {
    'not-the-dashboard': 'Esta ventana no tiene permiso para hacer eso.',
    'invalid-request': 'DACA Watch no pudo aceptar ese valor.',
    failed: 'No se pudo hacer. Inténtelo de nuevo.',
  },

  welcome: 'Le damos la bienvenida a DACA Watch',
  intro:
    'DACA Watch da seguimiento a la renovación de su DACA en myUSCIS: su solicitud de DACA (Formulario I-821D) y su solicitud de permiso de trabajo (Formulario I-765). Le explica cada cambio con palabras sencillas y le avisa una sola vez cuando algo ocurre.',
  doesTitle: 'Qué hace',
  does: [
    'Lee sus dos casos desde su propia cuenta de myUSCIS, como mucho unas cuantas veces por hora.',
    'Le muestra qué significan los códigos, títulos y documentos de USCIS, y qué tan segura es esa interpretación.',
    'Envía una sola notificación de escritorio por cada cambio, por ejemplo una aprobación que aparece antes de que cambie el estatus.',
  ],
  doesNotTitle: 'Qué nunca hace',
  doesNot: [
    'Nunca ve su contraseña ni su código de verificación: usted los escribe en la propia página de inicio de sesión de USCIS.',
    'Nada sale de su computadora, salvo las solicitudes a USCIS: sin análisis, sin rastreo, sin otros servidores.',
    'No presenta ni cambia nada, y no sustituye la asesoría de un proveedor de servicios legales.',
  ],
  step1: 'Paso 1: Inicie sesión en myUSCIS',
  signInHelp: 'Se abre una ventana de inicio de sesión de USCIS. Inicie sesión allí con su correo electrónico, su contraseña y su código de verificación.',
  signIn: 'Iniciar sesión en myUSCIS',
  signedInDone: 'Ya inició sesión.',
  step2: 'Paso 2: Agregue sus dos números de recibo',
  receiptsHelp:
    'Aparecen en sus avisos de recibo y en su cuenta de USCIS, y empiezan por IOE. El orden no importa: DACA Watch distingue el I-821D del I-765 con los propios registros de USCIS.',
  receiptLabels: ['Primer número de recibo', 'Segundo número de recibo'],
  useSuggestion: (receipt) => `Usar ${receipt}`,
  sameReceipt: 'Escribió el mismo número de recibo dos veces.',
  saveReceipts: 'Guardar y empezar el seguimiento',
  changeReceipts: 'Cambiar los números de recibo',
  receiptsSaved: 'Guardado. DACA Watch revisará ambos casos en breve.',

  pairTitle: 'Su renovación',
  restsOn: 'En qué se basa',
  forms: { 'I-821D': 'Solicitud de DACA (Formulario I-821D)', 'I-765': 'Permiso de trabajo (Formulario I-765)', other: 'Caso (todavía no se sabe el formulario)' },
  receipt: 'Recibo',
  status: 'Estatus',
  notReadYet: 'Todavía no se ha leído',
  stage: 'Etapa',
  office: 'Oficina',
  filed: 'Presentado',
  whatNext: 'Qué suele pasar después',
  uscisMessage: 'Mensaje de USCIS',
  openLink: (address) => `Abrir ${address} en su navegador`,
  pending: (days) => `${plural(days, 'día', 'días')} en trámite`,
  goal: (day) => `USCIS se propone decidir en 120 días: a más tardar el ${day}.`,
  inquiryFrom: (day) => `Puede consultar a USCIS sobre el caso a partir del día 105 (${day}).`,
  canInquire: 'Lleva 105 días o más en trámite: ya puede consultar a USCIS sobre el caso.',
  pastGoal: 'Ya pasó el plazo de 120 días que USCIS se fija.',
  daysMeter: 'Días en trámite respecto al plazo de 120 días de USCIS',
  permit: 'Permiso de trabajo actual',
  expires: (day) => `Vence el ${day}`,
  daysLeft: (days) => (days > 0 ? `${days === 1 ? 'Queda' : 'Quedan'} ${plural(days, 'día', 'días')}` : days === 0 ? 'Vence hoy' : `Venció hace ${plural(-days, 'día', 'días')}`),
  filingWindow: {
    'too-early': 'Se presentó más de 150 días antes del vencimiento: antes de lo que USCIS recomienda.',
    'in-window': 'Se presentó entre 150 y 120 días antes del vencimiento, como recomienda USCIS.',
    late: 'Se presentó menos de 120 días antes del vencimiento: más tarde de lo que USCIS recomienda.',
  },
  addExpiry: 'Agregue en Configuración la fecha de vencimiento de su permiso de trabajo actual para ver cuántos días le quedan.',
  notThisAccount: 'USCIS indica que este recibo pertenece a otra cuenta, así que DACA Watch no lo revisa. Verifique el número o inicie sesión con la cuenta con la que se presentó.',

  timelineTitle: 'Cronología',
  timelineHelp: 'Cada punto es un día en que ocurrió algo en un caso. Enfoque o señale un punto para leerlo; las flechas del teclado pasan de un punto a otro.',
  timelineEmpty: 'Todavía no hay nada que mostrar.',
  timelineLegend: 'Verde: una aprobación o una tarjeta. Rojo: una denegación o una solicitud de evidencia. Relleno: oficial; hueco: según la comunidad, en disputa o desconocido.',
  marks: { today: 'Hoy', inquiry: 'Día 105', goal: 'Día 120', expiry: 'Vence el permiso' },
  marksHelp: 'Día 105: puede consultar a USCIS sobre el caso. Día 120: el plazo que USCIS se fija para decidir.',
  entries: (count) => plural(count, 'registro', 'registros'),
  andMore: (count) => `y ${count} más`,
  repeated: (count) => `USCIS mostró esto ${count === 1 ? 'una vez' : `${count} veces`}; aquí aparece una sola vez.`,
  confidence: {
    official: 'Oficial (de USCIS)',
    community: 'Según la comunidad',
    disputed: 'Significado en disputa',
    unknown: 'Significado desconocido',
    inferred: 'Deducido por DACA Watch',
  },

  newsTitle: 'Novedades',
  nothingNew: 'No hay novedades desde la última vez que revisó.',
  markSeen: 'Marcar como visto',
  showAll: (count) => `Mostrar todos (${count})`,
  found: (when) => `Detectado: ${when}`,
  appointment: (when) => `Cita: ${when}`,
  before: (title) => `Antes: ${title}`,
  findings: {
    'new-document': 'Documento nuevo',
    'silent-approval': 'Aprobación antes del cambio de estatus',
    approved: 'Aprobado',
    denied: 'Denegado',
    rfe: 'Solicitud de Evidencia (RFE)',
    'biometrics-appointment': 'Cita de datos biométricos',
    'biometrics-reuse': 'Reutilización de datos biométricos anteriores',
    'status-change': 'Cambio de estatus',
    'new-event': 'Código de evento nuevo',
    'new-notice': 'Aviso nuevo por correo postal',
    'card-produced': 'Tarjeta en producción',
    'card-mailed': 'Tarjeta enviada por correo',
    'card-delivered': 'Tarjeta entregada',
    'case-touched': 'Expediente modificado (no es una decisión)',
    'i821d-approved-inferred': 'Solicitud de DACA aprobada (lo indica el permiso de trabajo)',
  },
  evidence: {
    document: 'un documento',
    event: 'un código de evento',
    code: 'el código del estatus',
    title: 'el título del estatus',
    flag: 'la indicación de «acción requerida»',
    inference: 'el razonamiento de DACA Watch',
  },
  restsOnList: (list) => `Se basa en ${list}.`,

  documentsTitle: 'Documentos',
  noDocuments: 'Todavía no hay documentos.',
  documentsUnread: 'DACA Watch todavía no pudo leer esta lista.',
  source: { uscis: 'De USCIS', applicant: 'Subido por usted', unknown: 'Origen no indicado' },
  newMark: 'Nuevo',
  documentKinds: {
    approval: 'Aprobación',
    denial: 'Denegación',
    rfe: 'Solicitud de Evidencia (RFE)',
    'biometrics-reuse': 'Aviso de reutilización de datos biométricos',
    appointment: 'Aviso de cita',
    receipt: 'Aviso de recibo',
    'applicant-upload': 'Documento que usted subió',
    other: 'Otro documento',
  },

  signedIn: 'Sesión iniciada en myUSCIS',
  signedOut: 'Sesión de myUSCIS cerrada: DACA Watch no puede revisar hasta que vuelva a iniciar sesión.',
  sessionUnknown: 'Comprobando la sesión de myUSCIS…',
  lastCheck: (when) => `Última revisión: ${when}`,
  notChecked: 'Todavía no se ha revisado',
  nextCheck: (when) => `Próxima revisión: ${when}`,
  checking: 'Revisando ahora…',
  paused: (when) => `En pausa hasta: ${when}`,
  backingOff: (when, why) => `En espera hasta ${when} antes de volver a intentar: ${why}`,
  backoffReasons: {
    'rate-limited': 'USCIS pidió menos solicitudes.',
    'server-error': 'USCIS tuvo un error en su servidor.',
    'network-error': 'falló la conexión.',
    timeout: 'USCIS tardó demasiado en responder.',
    challenged: 'hay que renovar la verificación antibots de USCIS.',
    malformed: 'USCIS envió algo inesperado.',
    'unexpected-status': 'USCIS dio una respuesta inesperada.',
    'receipt-refused': 'USCIS rechazó un número de recibo.',
  },
  offline: 'Sin conexión: las revisiones se reanudan cuando vuelva a tener conexión.',
  asleep: 'La computadora estaba suspendida: las revisiones se reanudan en breve.',
  noCases: 'Agregue sus números de recibo para empezar.',
  checkNow: 'Revisar ahora',
  pauseHour: 'Pausar una hora',
  pauseTomorrow: 'Pausar hasta mañana',
  resume: 'Reanudar',

  settingsTitle: 'Configuración',
  intervals: 'Con qué frecuencia revisar',
  workHours: 'Minutos entre revisiones mientras USCIS trabaja (entre semana, de día, hora del Este)',
  offHours: 'Minutos entre revisiones de noche y los fines de semana',
  range: (min, max) => `Un número entero de ${min} a ${max}.`,
  quietHours: 'Horas de silencio',
  quietEnabled: 'Retener las notificaciones durante las horas de silencio (no se pierde ninguna)',
  quietStart: 'Desde',
  quietEnd: 'Hasta',
  notifyAbout: 'Notificarme sobre',
  language: 'Idioma',
  privacy: 'Privacidad e inicio',
  maskReceipts: 'Ocultar la mayor parte de cada número de recibo (IOE•••••5678), para capturas de pantalla',
  startAtLogin: 'Iniciar DACA Watch cuando inicie sesión en esta computadora',
  staySignedIn: 'Mantener activa mi sesión de myUSCIS mientras no esté',
  permitExpiry: 'Fecha de vencimiento de su tarjeta de permiso de trabajo actual',
  clear: 'Borrar',
  receipts: 'Números de recibo',
  session: 'Sesión de myUSCIS',
  signOut: 'Cerrar sesión',
  data: 'Sus datos',
  exportJson: 'Exportar como JSON',
  exportPrint: 'Exportar una copia para imprimir',
  exported: (path) => `Guardado en ${path}`,
  exportCancelled: 'Se canceló la exportación.',
  erase: 'Borrar todo…',
  eraseWarning:
    'Esto elimina de esta computadora sus números de recibo, el historial de sus casos, su configuración y la sesión de myUSCIS. No se puede deshacer.',
  eraseConfirm: 'Sí, borrar todo',
  cancel: 'Cancelar',
};

export const MESSAGES: Record<Language, Messages> = { en, es };

/** Each language's own name, for the language setting. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', es: 'Español' };

const LOCALES: Record<Language, string> = { en: 'en-US', es: 'es-US' };
const formats = new Map<string, Intl.DateTimeFormat>();

const SHAPES = {
  day: { dateStyle: 'medium', timeZone: 'UTC' },
  instant: { dateStyle: 'medium', timeStyle: 'short' },
  month: { month: 'short', timeZone: 'UTC' },
  monthYear: { month: 'short', year: 'numeric', timeZone: 'UTC' },
} as const satisfies Record<string, Intl.DateTimeFormatOptions>;

function format(lang: Language, shape: keyof typeof SHAPES): Intl.DateTimeFormat {
  const key = `${lang} ${shape}`;
  let shown = formats.get(key);
  if (shown === undefined) {
    shown = new Intl.DateTimeFormat(LOCALES[lang], SHAPES[shape]);
    formats.set(key, shown);
  }
  return shown;
}

/** Formatted dates, kept: a year of history shows the same few hundred days again and again. */
const formatted = new Map<string, string>();
function remembered(key: string, make: () => string): string {
  let text = formatted.get(key);
  if (text === undefined) {
    if (formatted.size > 5000) formatted.clear();
    formatted.set(key, (text = make()));
  }
  return text;
}

/** A calendar day (`2026-05-29`, or the date of an ISO instant as written): "May 29, 2026" / "29 may 2026". */
export function formatDay(day: string, lang: Language): string {
  return remembered(`${lang} day ${day.slice(0, 10)}`, () => format(lang, 'day').format(Date.parse(day.slice(0, 10))));
}

/** An instant in the user's own time zone: "Jun 2, 2026, 3:05 PM". */
export function formatInstant(instant: string, lang: Language): string {
  return remembered(`${lang} instant ${instant}`, () => format(lang, 'instant').format(Date.parse(instant)));
}

/** The month of a calendar day, for the timeline's axis: "Jun", or "Jun 2026" with the year. */
export function formatMonth(day: string, lang: Language, withYear: boolean): string {
  return format(lang, withYear ? 'monthYear' : 'month').format(Date.parse(day));
}
