// Every word the dashboard itself says, in English and Spanish (usted), as one typed dictionary, plus the
// date formats of each language. No explanations of codes, titles or verdicts: those come from shared/knowledge.

import type { DocumentKind } from '../../shared/knowledge/documents';
import type { FilingWindow } from '../../shared/knowledge/daca-timing';
import { findingNamesIn } from '../../shared/knowledge/finding-names';
import type { Confidence } from '../../shared/knowledge/stages';
import type { CheckPreset } from '../../shared/monitor/settings-limits';
import type { Language } from '../../shared/localized';
import type { FindingType } from '../../shared/monitor/findings';
import type { IpcFailure, ShellState } from '../../shared/ipc/contract';

type ShellPlatform = ShellState['platform'];
type LoginItemProblem = NonNullable<ShellState['loginItem']>;

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The labels on every reading: who says it, and how sure it is. */
export type Badge = Confidence | 'inferred' | 'upload';
/** The key days the timeline names on its drawing. */
export type Milestone = 'received' | 'biometrics' | 'review' | 'approval' | 'card';

const en = {
  skip: 'Skip to content',
  sections: 'Sections',
  otherLanguage: 'Español',
  demo: 'Demo: DACA Watch is watching a simulated myUSCIS with made-up cases, not your real account.',
  demoPace: (seconds: number) =>
    `Demo: one day passes every ${seconds >= 120 && seconds % 60 === 0 ? plural(seconds / 60, 'minute', 'minutes') : plural(seconds, 'second', 'seconds')}.`,
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
    'They are on your receipt notices and in your USCIS account. DACA Watch can follow only receipts that start with IOE, the ones myUSCIS shows. The order does not matter: DACA Watch tells the I-821D from the I-765 using USCIS’s own case records.',
  accountCasesTitle: 'Cases found in your myUSCIS account',
  accountCasesHelp: 'DACA Watch found these cases when you signed in. Your DACA renewal is an I-821D and the I-765 filed with it; the pair it found is already selected. You can watch up to 4 cases.',
  accountCase: (form: string, filed: string | null) => (filed === null ? form : `${form}, filed ${filed}`),
  formOf: (form: string | null) => (form === null ? 'Form not given' : `Form ${form}`),
  proposedMark: 'Your DACA renewal',
  watchSelected: (count: number) => (count === 2 ? 'Watch these two cases' : `Watch the ${plural(count, 'selected case', 'selected cases')}`),
  orType: 'Or type receipt numbers',
  otherForm: (form: string) => `This receipt is for Form ${form}, which is not part of a DACA renewal (Forms I-821D and I-765). Check that it is the number you meant.`,
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
  statusBehind: 'USCIS’s status text (not updated yet)',
  asOf: (when: string) => `As of ${when}`,
  notWatchingTitle: 'DACA Watch is not checking your cases right now',
  verdictNotWatching: 'While not checking, DACA Watch cannot tell you anything new.',
  notWatchingWhy: {
    'signed-out': (since: string | null) =>
      since === null ? 'You are signed out of myUSCIS, so DACA Watch cannot check.' : `myUSCIS ended the session on ${since}, so DACA Watch cannot check until you sign in again.`,
    paused: (until: string) => `You paused checking until ${until}.`,
    'backing-off': (until: string, why: string) => `USCIS did not answer properly: ${why} DACA Watch tries again by itself at ${until}.`,
  },
  lastGoodCheck: (when: string) => `Everything on this page is as of the last check, ${when}; anything after that is not shown yet.`,
  noCheckYet: 'No check has finished yet, so nothing on this page is confirmed.',
  approvalWhich: 'Which form appears approved',
  approvalEvidence: 'What shows it',
  approvalPending: 'What is still pending',
  approvalNext: 'What to expect next',
  openMyCase: 'Open my case on myUSCIS',
  openNotDone: 'It could not open here: go to my.uscis.gov and sign in.',
  renewalApprovedPermit: 'Your renewal was approved. Your new card’s dates start on the approval date; until it arrives, this card is the one you have.',
  newCardDelivered: 'Your new work permit card was delivered. This old card’s countdown no longer applies: use the dates on the new card.',
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
  caseFailing: (failures: number, next: string) =>
    `USCIS did not answer for this case ${failures === 1 ? 'the last time' : `the last ${failures} times`}. Nothing is lost; the other case is still checked. Next try: ${next}.`,

  timelineTitle: 'Timeline',
  timelineHelp: 'Each dot is a day something happened on a case; the key days are named and listed below. Focus or point at a dot to read it; arrow keys move between dots.',
  timelineEmpty: 'Nothing to show yet.',
  timelineLegend: 'Green: an approval or a card. Red: a denial or a request for evidence. Filled: from USCIS; hollow: a reading, disputed or unknown.',
  milestones: { received: 'Received', biometrics: 'Biometrics', review: 'Review', approval: 'Approval', card: 'Card' } satisfies Record<Milestone, string>,
  milestonesTitle: 'Key days',
  marks: { today: 'Today', inquiry: 'Day 105', goal: 'Day 120', expiry: 'Permit expires' },
  marksHelp: 'Day 105: you can ask USCIS about the case. Day 120: USCIS’s goal for a decision.',
  entries: (count: number) => plural(count, 'entry', 'entries'),
  andMore: (count: number) => `and ${count} more`,
  repeated: (count: number) => `USCIS listed this ${plural(count, 'time', 'times')}; shown once.`,
  confidence: {
    official: 'From USCIS',
    upload: 'Your upload',
    inferred: 'DACA Watch’s reading',
    community: 'Community reading',
    disputed: 'Disputed',
    unknown: 'Unknown',
  } satisfies Record<Badge, string>,
  badgeMeanings: {
    official: 'USCIS itself says so.',
    upload: 'You (or your representative) uploaded it: not a decision.',
    inferred: 'DACA Watch concluded it from USCIS’s facts.',
    community: 'What public trackers say a code means.',
    disputed: 'Trackers disagree on its meaning.',
    unknown: 'No one has explained it yet.',
  } satisfies Record<Badge, string>,
  legendTitle: 'What the labels mean',

  newsTitle: 'What’s new',
  nothingNew: 'Nothing new since you last looked.',
  markSeen: 'Mark as seen',
  showAll: (count: number) => `Show all ${count}`,
  found: (when: string) => `Found ${when}`,
  appointment: (when: string) => `Appointment: ${when}`,
  before: (title: string) => `Before: ${title}`,
  findings: findingNamesIn('en'),
  evidence: {
    document: 'a new document in your account',
    event: 'a step USCIS recorded on the case',
    code: 'the code behind the status',
    title: 'the status text',
    flag: 'the “action required” mark',
    inference: 'DACA Watch’s reading of these facts',
  } as Record<string, string>,
  restsOnList: (list: string) => `Shown by ${list}.`,
  howWeKnow: 'How DACA Watch knows',
  alsoFound: (what: string) => `Also found: ${what}`,

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
  notSignedInYet: 'Not signed in yet',
  signInWindowOpen: 'A USCIS sign-in window is open: sign in there.',
  checkNotBefore: (when: string) => `Check now is available again at ${when}.`,
  checkQueued: (when: string) => `Next check at ${when}: USCIS is asked about each case at most once every 10 minutes.`,
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
  saved: 'Saved',
  intervals: 'How often to check',
  presets: {
    recommended: 'Recommended: while USCIS works, each case at least every 18 minutes (the one a decision is expected on, about every 12); otherwise every 2 hours',
    'more-often': 'More often: while USCIS works, each case at least every 12 minutes; otherwise every hour',
    'less-often': 'Less often: while USCIS works, each case at least every hour; otherwise every 6 hours',
  } satisfies Record<CheckPreset, string>,
  customPreset: 'Your own minutes (set under Advanced)',
  advanced: 'Advanced',
  frequent: (name: string) => `${name} (frequent, usually routine)`,
  workHours: 'Most minutes between checks of a case while USCIS works (weekdays, daytime Eastern and Central)',
  offHours: 'Most minutes between checks of a case at night and on weekends',
  workHoursMeaning: 'The case a decision is expected on (the I-821D first, then the I-765) is checked more often, never more than once every 10 minutes.',
  offHoursMeaning: 'While your session is kept alive, a light check every 14 minutes goes mostly to the case a decision is expected on.',
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
  renewalReminders: 'Remind me of my renewal’s dates with a desktop notification: the filing window, days 105 and 120 of a pending renewal, and the new card’s dates',
  clear: 'Clear',
  receipts: 'Receipt numbers',
  session: 'myUSCIS session',
  signOut: 'Sign out',
  data: 'Your data',
  exportJson: 'Export as JSON',
  exportPrint: 'Export a printable copy',
  exported: (path: string) => `Saved to ${path}`,
  exportCancelled: 'Export cancelled.',
  exportHelp: 'The printable copy, for a lawyer or a DACA clinic, is a web page with both cases’ full history: open it in a browser, choose Print, then “Save as PDF”. Hidden receipt numbers stay hidden.',
  erase: 'Erase everything…',
  eraseWarning:
    'This deletes your receipt numbers, your cases’ history, your settings and the myUSCIS session from this computer. It cannot be undone.',
  eraseConfirm: 'Yes, erase everything',
  cancel: 'Cancel',

  calendarTitle: 'Your renewal calendar',
  nextRenewalTitle: 'Your next renewal',
  beforeFilingHelp: 'Not filed yet? Enter your current card’s expiry date: DACA Watch shows when USCIS recommends filing and reminds you, with no request to USCIS.',
  windowDates: (opens: string, closes: string) => `USCIS recommends filing between ${opens} and ${closes} (150 to 120 days before the card expires).`,
  windowPhase: {
    'not-yet': (days: number) => `The window opens in ${plural(days, 'day', 'days')}.`,
    open: (days: number) => `The window is open now: ${plural(days, 'day', 'days')} left until the last recommended day.`,
    late: () => 'The recommended window has passed: if you have not filed yet, file as soon as you can.',
    expired: () => 'The card has expired.',
  },
  inquiryTitle: 'You can ask USCIS about your renewal',
  inquiryIntro: (days: number) => `Your renewal has been pending ${plural(days, 'day', 'days')}. USCIS accepts a case inquiry from day 105.`,
  haveReady: 'What to have ready',
  openInquiry: 'Open USCIS’s case inquiry page',
  goalTitle: 'Past USCIS’s 120-day goal',
  newCardTitle: 'Your new work permit',
  newCardEstimate: (from: string, to: string) => `Estimate: valid from ${from} to about ${to} (about two years from the approval).`,
  newCardEstimateNote: 'This is DACA Watch’s estimate, not USCIS’s date. Enter the dates printed on your approval notice or your new card:',
  newCardUnknown: 'Enter the dates printed on your approval notice or your new card:',
  newCardEntered: (from: string | null, to: string) => (from === null ? `Expires ${to} (as you entered it).` : `Valid from ${from} to ${to} (as you entered them).`),
  newCardFrom: 'Valid from (on the card)',
  newCardExpiry: 'Card expires (on the card)',
  saveDates: 'Save the dates',
  employerTitle: 'A sheet for your employer',
  employerHelp: 'A printable page, factual and calm: when you filed, where the renewal stands, your card’s expiry, what (c)(33) means and USCIS’s own pages for employers. It is information, not legal advice.',
  employerLanguage: 'Language of the sheet',
  employerReceipts: 'Show my receipt numbers on it',
  employerSave: 'Save the sheet for my employer',
  /** Said once (one notice, until a notification shows again) when the system did not show DACA Watch's notifications: how to turn them on per OS, or why they cannot show. */
  notificationsNotShown: {
    mac: 'Your Mac did not show DACA Watch’s notifications, so news waits here, marked new, and the tray icon asks for attention. To turn them on: System Settings → Notifications → DACA Watch → Allow notifications. If DACA Watch is not in that list, this copy is not signed by Apple and macOS cannot show its notifications; this page and the tray icon still tell you.',
    windows: 'Windows did not show DACA Watch’s notifications, so news waits here, marked new, and the tray icon asks for attention. To turn them on: Settings → System → Notifications → DACA Watch (and check that Do not disturb is off).',
    linux: 'Your desktop did not show DACA Watch’s notifications, so news waits here, marked new, and the tray icon asks for attention. Check that notifications are on in your desktop’s settings.',
    unsupported: 'This computer has no desktop notifications, so news waits here, marked new, and the tray icon asks for attention.',
  } satisfies Record<ShellPlatform | 'unsupported', string>,
  /** Under "Start at login" in Settings, when the system did not do what the switch asked (read back after each change). */
  loginItemProblem: {
    'not-registered': {
      mac: 'Your Mac did not add DACA Watch to the apps that open when you log in. Add it yourself: System Settings → General → Login Items → +.',
      windows: 'Windows did not add DACA Watch to the apps that start when you sign in. Try again, or turn it on in Settings → Apps → Startup.',
      linux: 'DACA Watch could not write its autostart file in ~/.config/autostart. Check that this folder can be written, then try again.',
    },
    'requires-approval': {
      mac: 'macOS is waiting for your approval. To give it: System Settings → General → Login Items → turn DACA Watch on.',
      windows: 'DACA Watch is turned off in Windows’ startup apps. To turn it on: Settings → Apps → Startup → DACA Watch.',
      linux: 'DACA Watch could not write its autostart file in ~/.config/autostart. Check that this folder can be written, then try again.',
    },
    'still-registered': {
      mac: 'DACA Watch is still set to open when you log in. Remove it in System Settings → General → Login Items.',
      windows: 'DACA Watch is still set to start when you sign in. Turn it off in Settings → Apps → Startup.',
      linux: 'DACA Watch is still set to start when you log in: delete the file daca-watch.desktop in ~/.config/autostart.',
    },
  } satisfies Record<LoginItemProblem, Record<ShellPlatform, string>>,
};

/** The dictionary's shape: Spanish must say everything English says. */
export type Messages = typeof en;

const es: Messages = {
  skip: 'Saltar al contenido',
  sections: 'Secciones',
  otherLanguage: 'English',
  demo: 'Demostración: DACA Watch está revisando una simulación de myUSCIS con casos inventados, no su cuenta real.',
  demoPace: (seconds: number) =>
    `Demostración: pasa un día cada ${seconds >= 120 && seconds % 60 === 0 ? `${seconds / 60} minutos` : seconds === 1 ? 'segundo' : `${seconds} segundos`}.`,
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
    'Aparecen en sus avisos de recibo y en su cuenta de USCIS. DACA Watch solo puede seguir los recibos que empiezan por IOE, que son los que muestra myUSCIS. El orden no importa: DACA Watch distingue el I-821D del I-765 con los propios registros de USCIS.',
  accountCasesTitle: 'Casos encontrados en su cuenta de myUSCIS',
  accountCasesHelp: 'DACA Watch encontró estos casos cuando usted inició sesión. Su renovación de DACA es un I-821D y el I-765 que presentó con él; la pareja encontrada ya está seleccionada. Puede seguir hasta 4 casos.',
  accountCase: (form, filed) => (filed === null ? form : `${form}, presentado el ${filed}`),
  formOf: (form) => (form === null ? 'Formulario no indicado' : `Formulario ${form}`),
  proposedMark: 'Su renovación de DACA',
  watchSelected: (count) => (count === 2 ? 'Seguir estos dos casos' : `Seguir ${count === 1 ? 'el caso seleccionado' : `los ${count} casos seleccionados`}`),
  orType: 'O escriba los números de recibo',
  otherForm: (form) => `Este recibo es del Formulario ${form}, que no forma parte de una renovación de DACA (Formularios I-821D e I-765). Verifique que sea el número que quería.`,
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
  statusBehind: 'Texto del estatus de USCIS (todavía sin actualizar)',
  asOf: (when) => `Datos del ${when}`,
  notWatchingTitle: 'DACA Watch no está revisando sus casos en este momento',
  verdictNotWatching: 'Mientras no revise, DACA Watch no puede avisarle de nada nuevo.',
  notWatchingWhy: {
    'signed-out': (since) =>
      since === null ? 'No tiene una sesión abierta en myUSCIS, así que DACA Watch no puede revisar.' : `myUSCIS cerró la sesión el ${since}, así que DACA Watch no puede revisar hasta que vuelva a iniciar sesión.`,
    paused: (until) => `Usted pausó las revisiones hasta el ${until}.`,
    'backing-off': (until, why) => `USCIS no respondió bien: ${why} DACA Watch lo intentará de nuevo por su cuenta el ${until}.`,
  },
  lastGoodCheck: (when) => `Todo lo que ve en esta página es de la última revisión, del ${when}; lo que haya pasado después todavía no aparece.`,
  noCheckYet: 'Todavía no ha terminado ninguna revisión, así que nada de esta página está confirmado.',
  approvalWhich: 'Qué solicitud parece aprobada',
  approvalEvidence: 'Qué lo muestra',
  approvalPending: 'Qué falta todavía',
  approvalNext: 'Qué esperar ahora',
  openMyCase: 'Abrir mi caso en myUSCIS',
  openNotDone: 'No se pudo abrir aquí: entre en my.uscis.gov e inicie sesión.',
  renewalApprovedPermit: 'Su renovación fue aprobada. Las fechas de su nueva tarjeta empiezan en la fecha de aprobación; hasta que le llegue, esta es la tarjeta que tiene.',
  newCardDelivered: 'Se entregó su nueva tarjeta de permiso de trabajo. La cuenta regresiva de esta tarjeta anterior ya no aplica: guíese por las fechas de la tarjeta nueva.',
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
  caseFailing: (failures, next) =>
    `USCIS no respondió por este caso ${failures === 1 ? 'la última vez' : `las últimas ${failures} veces`}. No se pierde nada; el otro caso se sigue revisando. Próximo intento: ${next}.`,

  timelineTitle: 'Cronología',
  timelineHelp: 'Cada punto es un día en que ocurrió algo en un caso; los días clave se nombran y se listan abajo. Enfoque o señale un punto para leerlo; las flechas pasan de un punto a otro.',
  timelineEmpty: 'Todavía no hay nada que mostrar.',
  timelineLegend: 'Verde: una aprobación o una tarjeta. Rojo: una denegación o una solicitud de evidencia. Relleno: de USCIS; hueco: una interpretación, en duda o desconocido.',
  milestones: { received: 'Recibido', biometrics: 'Biométricos', review: 'Revisión', approval: 'Aprobación', card: 'Tarjeta' },
  milestonesTitle: 'Días clave',
  marks: { today: 'Hoy', inquiry: 'Día 105', goal: 'Día 120', expiry: 'Vence el permiso' },
  marksHelp: 'Día 105: puede consultar a USCIS sobre el caso. Día 120: el plazo que USCIS se fija para decidir.',
  entries: (count) => plural(count, 'registro', 'registros'),
  andMore: (count) => `y ${count} más`,
  repeated: (count) => `USCIS mostró esto ${count === 1 ? 'una vez' : `${count} veces`}; aquí aparece una sola vez.`,
  confidence: {
    official: 'De USCIS',
    upload: 'Lo subió usted',
    inferred: 'Interpretación de DACA Watch',
    community: 'Según la comunidad',
    disputed: 'En duda',
    unknown: 'Desconocido',
  },
  badgeMeanings: {
    official: 'Lo dice USCIS.',
    upload: 'Lo subió usted (o su representante): no es una decisión.',
    inferred: 'DACA Watch lo dedujo de los datos de USCIS.',
    community: 'Lo que dicen los grupos que siguen casos.',
    disputed: 'Esos grupos no se ponen de acuerdo.',
    unknown: 'Nadie lo ha explicado todavía.',
  },
  legendTitle: 'Qué significan las etiquetas',

  newsTitle: 'Novedades',
  nothingNew: 'No hay novedades desde la última vez que revisó.',
  markSeen: 'Marcar como visto',
  showAll: (count) => `Mostrar todos (${count})`,
  found: (when) => `Detectado: ${when}`,
  appointment: (when) => `Cita: ${when}`,
  before: (title) => `Antes: ${title}`,
  findings: findingNamesIn('es'),
  evidence: {
    document: 'un documento nuevo en su cuenta',
    event: 'un paso que USCIS registró en el caso',
    code: 'el código detrás del estatus',
    title: 'el texto del estatus',
    flag: 'la indicación de «acción requerida»',
    inference: 'la interpretación de DACA Watch de estos datos',
  },
  restsOnList: (list) => `Lo muestra ${list}.`,
  howWeKnow: 'Cómo lo sabe DACA Watch',
  alsoFound: (what) => `También se detectó: ${what}`,

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
  notSignedInYet: 'Todavía no ha iniciado sesión',
  signInWindowOpen: 'Hay una ventana de inicio de sesión de USCIS abierta: inicie sesión allí.',
  checkNotBefore: (when) => `«Revisar ahora» vuelve a estar disponible el ${when}.`,
  checkQueued: (when) => `Próxima revisión: ${when}. A USCIS se le pregunta por cada caso como mucho una vez cada 10 minutos.`,
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
  saved: 'Guardado',
  intervals: 'Con qué frecuencia revisar',
  presets: {
    recommended: 'Recomendado: mientras USCIS trabaja, cada caso al menos cada 18 minutos (el caso con la decisión esperada, cada 12 más o menos); el resto del tiempo, cada 2 horas',
    'more-often': 'Más seguido: mientras USCIS trabaja, cada caso al menos cada 12 minutos; el resto del tiempo, cada hora',
    'less-often': 'Menos seguido: mientras USCIS trabaja, cada caso al menos cada hora; el resto del tiempo, cada 6 horas',
  },
  customPreset: 'Sus propios minutos (en Opciones avanzadas)',
  advanced: 'Opciones avanzadas',
  frequent: (name) => `${name} (frecuente, casi siempre rutina)`,
  workHours: 'Máximo de minutos entre revisiones de un caso mientras USCIS trabaja (entre semana, de día, hora del Este y del Centro)',
  offHours: 'Máximo de minutos entre revisiones de un caso de noche y los fines de semana',
  workHoursMeaning: 'El caso con la decisión esperada (primero el I-821D, luego el I-765) se revisa más seguido, nunca más de una vez cada 10 minutos.',
  offHoursMeaning: 'Mientras su sesión se mantiene activa, una revisión ligera cada 14 minutos va sobre todo al caso con la decisión esperada.',
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
  renewalReminders: 'Recordarme las fechas de mi renovación con una notificación de escritorio: el periodo para presentarla, los días 105 y 120 de una renovación pendiente y las fechas de la nueva tarjeta',
  clear: 'Borrar',
  receipts: 'Números de recibo',
  session: 'Sesión de myUSCIS',
  signOut: 'Cerrar sesión',
  data: 'Sus datos',
  exportJson: 'Exportar como JSON',
  exportPrint: 'Exportar una copia para imprimir',
  exported: (path) => `Guardado en ${path}`,
  exportCancelled: 'Se canceló la exportación.',
  exportHelp: 'La copia para imprimir, para un abogado o una clínica de DACA, es una página web con el historial completo de los dos casos: ábrala en un navegador, elija Imprimir y luego «Guardar como PDF». Los recibos ocultos siguen ocultos.',
  erase: 'Borrar todo…',
  eraseWarning:
    'Esto elimina de esta computadora sus números de recibo, el historial de sus casos, su configuración y la sesión de myUSCIS. No se puede deshacer.',
  eraseConfirm: 'Sí, borrar todo',
  cancel: 'Cancelar',

  calendarTitle: 'El calendario de su renovación',
  nextRenewalTitle: 'Su próxima renovación',
  beforeFilingHelp: '¿Todavía no la presentó? Escriba la fecha de vencimiento de su tarjeta actual: DACA Watch le muestra cuándo recomienda USCIS presentar la renovación y se lo recuerda, sin consultar a USCIS.',
  windowDates: (opens, closes) => `USCIS recomienda presentarla entre el ${opens} y el ${closes} (de 150 a 120 días antes de que venza la tarjeta).`,
  windowPhase: {
    'not-yet': (days: number) => `El periodo se abre en ${plural(days, 'día', 'días')}.`,
    open: (days: number) => `El periodo está abierto: quedan ${plural(days, 'día', 'días')} hasta el último día recomendado.`,
    late: () => 'Ya pasó el periodo recomendado: si todavía no presentó la renovación, hágalo cuanto antes.',
    expired: () => 'La tarjeta ya venció.',
  },
  inquiryTitle: 'Ya puede preguntar a USCIS por su renovación',
  inquiryIntro: (days) => `Su renovación lleva ${plural(days, 'día', 'días')} pendiente. USCIS acepta consultas sobre el caso a partir del día 105.`,
  haveReady: 'Qué tener a mano',
  openInquiry: 'Abrir la página de consultas de USCIS',
  goalTitle: 'Pasó el plazo de 120 días de USCIS',
  newCardTitle: 'Su nuevo permiso de trabajo',
  newCardEstimate: (from, to) => `Estimación: válido desde el ${from} hasta aproximadamente el ${to} (unos dos años desde la aprobación).`,
  newCardEstimateNote: 'Es una estimación de DACA Watch, no una fecha de USCIS. Escriba las fechas impresas en su aviso de aprobación o en su tarjeta nueva:',
  newCardUnknown: 'Escriba las fechas impresas en su aviso de aprobación o en su tarjeta nueva:',
  newCardEntered: (from, to) => (from === null ? `Vence el ${to} (según lo que escribió).` : `Válido desde el ${from} hasta el ${to} (según lo que escribió).`),
  newCardFrom: 'Válido desde (según la tarjeta)',
  newCardExpiry: 'Vence (según la tarjeta)',
  saveDates: 'Guardar las fechas',
  employerTitle: 'Una hoja para su empleador',
  employerHelp: 'Una página para imprimir, con datos y sin alarmas: cuándo presentó la renovación, en qué punto está, el vencimiento de su tarjeta, qué significa (c)(33) y las páginas de USCIS para empleadores. Es información, no asesoría legal.',
  employerLanguage: 'Idioma de la hoja',
  employerReceipts: 'Mostrar mis números de recibo en la hoja',
  employerSave: 'Guardar la hoja para mi empleador',
  notificationsNotShown: {
    mac: 'Su Mac no mostró las notificaciones de DACA Watch, así que las novedades esperan aquí, marcadas como nuevas, y el ícono de la bandeja le avisa. Para activarlas: Configuración del Sistema → Notificaciones → DACA Watch → Permitir notificaciones. Si DACA Watch no aparece en esa lista, esta copia no está firmada por Apple y macOS no puede mostrar sus notificaciones; esta página y el ícono de la bandeja le avisan igual.',
    windows: 'Windows no mostró las notificaciones de DACA Watch, así que las novedades esperan aquí, marcadas como nuevas, y el ícono de la bandeja le avisa. Para activarlas: Configuración → Sistema → Notificaciones → DACA Watch (y revise que No molestar esté desactivado).',
    linux: 'Su escritorio no mostró las notificaciones de DACA Watch, así que las novedades esperan aquí, marcadas como nuevas, y el ícono de la bandeja le avisa. Revise que las notificaciones estén activadas en la configuración de su escritorio.',
    unsupported: 'Esta computadora no tiene notificaciones de escritorio, así que las novedades esperan aquí, marcadas como nuevas, y el ícono de la bandeja le avisa.',
  } satisfies Record<ShellPlatform | 'unsupported', string>,
  loginItemProblem: {
    'not-registered': {
      mac: 'Su Mac no agregó DACA Watch a las aplicaciones que se abren al iniciar sesión. Agréguelo usted: Configuración del Sistema → General → Ítems de inicio → +.',
      windows: 'Windows no agregó DACA Watch a las aplicaciones que se inician al iniciar sesión. Intente de nuevo, o actívelo en Configuración → Aplicaciones → Inicio.',
      linux: 'DACA Watch no pudo escribir su archivo de inicio automático en ~/.config/autostart. Revise que se pueda escribir en esa carpeta e intente de nuevo.',
    },
    'requires-approval': {
      mac: 'macOS espera su aprobación. Para darla: Configuración del Sistema → General → Ítems de inicio → active DACA Watch.',
      windows: 'DACA Watch está desactivado en las aplicaciones de inicio de Windows. Para activarlo: Configuración → Aplicaciones → Inicio → DACA Watch.',
      linux: 'DACA Watch no pudo escribir su archivo de inicio automático en ~/.config/autostart. Revise que se pueda escribir en esa carpeta e intente de nuevo.',
    },
    'still-registered': {
      mac: 'DACA Watch sigue configurado para abrirse al iniciar sesión. Quítelo en Configuración del Sistema → General → Ítems de inicio.',
      windows: 'DACA Watch sigue configurado para iniciarse al iniciar sesión. Desactívelo en Configuración → Aplicaciones → Inicio.',
      linux: 'DACA Watch sigue configurado para iniciarse al iniciar sesión: borre el archivo daca-watch.desktop en ~/.config/autostart.',
    },
  } satisfies Record<LoginItemProblem, Record<ShellPlatform, string>>,
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
