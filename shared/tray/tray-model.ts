// The tray as data: which icon, which tooltip and which menu the app state calls for, in English or
// Spanish. Pure; a thin adapter in electron/ turns it into an Electron Tray and Menu.

import type { GapRisk } from '../knowledge/processing-forecast';
import type { Language } from '../localized';
import { saveProblemShort, type SaveFailureCause } from '../monitor/save-problem';

/** What the tray shows at a glance. */
export const TRAY_ICONS = ['watching', 'checking', 'news', 'approved', 'attention'] as const;
export type TrayIcon = (typeof TRAY_ICONS)[number];

export type Activity = 'watching' | 'checking' | 'paused' | 'backing-off' | 'offline' | 'asleep' | 'signed-out' | 'no-cases';

export interface TrayState {
  language: Language;
  activity: Activity;
  /** Findings the user has not looked at yet. */
  unseen: number;
  /** The pair's verdict says approved (or further along). */
  approved: boolean;
  /** A one-line summary of the pair, in the user's language (e.g. "I-821D: approved · I-765: card mailed"). */
  summary: string;
  pausedUntil: string | null;
  startAtLogin: boolean;
  /** Why the last save failed (null or missing: saved). */
  saveProblem?: SaveFailureCause | null;
  /** The start-up check of the kept session is still under way ("Connecting to myUSCIS…"). */
  connecting?: boolean;
  /** The renewal calendar's line, in the user's language ("Filing window opens in 12 days"); null or missing: none. */
  calendar?: string | null;
  /** Can the person work today, and until when (shared/knowledge/work-answer.ts's line): the tooltip's first line. */
  work?: string | null;
  /** The work permit's gap risk by USCIS's published times (processing-forecast.ts workGapRisk); a line only when likely. */
  gapRisk?: GapRisk | null;
}

/**
 * The tray's line when USCIS's published window begins after the permit's expiry; short (Windows keeps 127 units of
 * the tooltip). Only "likely": a gap already begun is the work answer's own line ("cannot work right now").
 */
export function gapTrayLine(state: Pick<TrayState, 'language' | 'gapRisk'>): string | null {
  if (state.gapRisk !== 'likely') return null;
  return state.language === 'es' ? 'Según USCIS, la decisión llegaría después de que venza su permiso' : 'By USCIS’s published time, a decision may come after your permit expires';
}

export type TrayCommand =
  | 'open-dashboard'
  | 'check-now'
  | 'sign-in'
  | 'sign-out'
  | 'pause-hour'
  | 'pause-until-tomorrow'
  | 'resume'
  | 'toggle-start-at-login'
  | 'quit';

export type TrayMenuItem =
  | { kind: 'item'; command: TrayCommand; label: string; enabled: boolean }
  | { kind: 'checkbox'; command: TrayCommand; label: string; checked: boolean }
  | { kind: 'label'; label: string }
  | { kind: 'separator' };

const LABELS: Record<Language, Record<TrayCommand, string> & { paused: string; signedOut: string; failing: string; offline: string; noCases: string; connecting: string }> = {
  en: {
    'open-dashboard': 'Open dashboard',
    'check-now': 'Check now',
    'sign-in': 'Sign in to myUSCIS…',
    'sign-out': 'Sign out',
    'pause-hour': 'Pause for an hour',
    'pause-until-tomorrow': 'Pause until tomorrow',
    resume: 'Resume',
    'toggle-start-at-login': 'Start at login',
    quit: 'Quit DACA Watch',
    paused: 'Paused',
    signedOut: 'Signed out: sign in to keep watching',
    failing: 'USCIS is not answering: trying again later',
    offline: 'Offline: waiting for the network',
    noCases: 'Add your receipt numbers to start',
    connecting: 'Connecting to myUSCIS…',
  },
  es: {
    'open-dashboard': 'Abrir el panel',
    'check-now': 'Revisar ahora',
    'sign-in': 'Iniciar sesión en myUSCIS…',
    'sign-out': 'Cerrar sesión',
    'pause-hour': 'Pausar una hora',
    'pause-until-tomorrow': 'Pausar hasta mañana',
    resume: 'Reanudar',
    'toggle-start-at-login': 'Abrir al iniciar sesión en la computadora',
    quit: 'Salir de DACA Watch',
    paused: 'En pausa',
    signedOut: 'Sesión cerrada: inicie sesión para seguir revisando',
    failing: 'USCIS no responde: se volverá a intentar más tarde',
    offline: 'Sin conexión: esperando la red',
    noCases: 'Agregue sus números de recibo para empezar',
    connecting: 'Conectando con myUSCIS…',
  },
};

/** A command's label in the user's language (the app menu reuses the tray's words). */
export function commandLabel(language: Language, command: TrayCommand): string {
  return LABELS[language][command];
}

/** Needs attention beats news, news beats approved, approved beats the everyday states. */
export function trayIcon(state: TrayState): TrayIcon {
  if (state.connecting) return 'checking';
  if (state.activity === 'signed-out' || state.activity === 'backing-off' || state.saveProblem) return 'attention';
  if (state.unseen > 0) return 'news';
  if (state.approved) return 'approved';
  return state.activity === 'checking' ? 'checking' : 'watching';
}

/** The status line: why the app is not watching, or the pair's summary. */
function statusLine(state: TrayState): string {
  const words = LABELS[state.language];
  // Before the kept session is checked, "signed out" would be a guess.
  if (state.connecting) return words.connecting;
  switch (state.activity) {
    case 'signed-out':
      return words.signedOut;
    case 'backing-off':
      return words.failing;
    case 'offline':
      return words.offline;
    case 'no-cases':
      return words.noCases;
    case 'paused':
      return `${words.paused}${state.summary ? ` · ${state.summary}` : ''}`;
    default:
      return state.summary;
  }
}

export function trayTooltip(state: TrayState): string {
  const news = state.unseen > 0 ? (state.language === 'es' ? ` · ${state.unseen} novedad${state.unseen === 1 ? '' : 'es'}` : ` · ${state.unseen} new`) : '';
  const unsaved = state.saveProblem ? ` · ${saveProblemShort(state.saveProblem)[state.language]}` : '';
  const calendar = state.calendar ? ` · ${state.calendar}` : '';
  const work = state.work ? `${state.work}\n` : '';
  const gap = gapTrayLine(state);
  return `${work}${gap ? `${gap}\n` : ''}DACA Watch — ${statusLine(state)}${calendar}${news}${unsaved}`;
}

export function buildTrayMenu(state: TrayState): TrayMenuItem[] {
  const words = LABELS[state.language];
  const signedOut = state.activity === 'signed-out';
  const paused = state.activity === 'paused';
  return [
    ...(state.work ? [{ kind: 'label', label: state.work } as const] : []),
    ...(gapTrayLine(state) ? [{ kind: 'label', label: gapTrayLine(state)! } as const] : []),
    { kind: 'label', label: statusLine(state) },
    ...(state.calendar ? [{ kind: 'label', label: state.calendar } as const] : []),
    ...(state.saveProblem ? [{ kind: 'label', label: saveProblemShort(state.saveProblem)[state.language] } as const] : []),
    { kind: 'separator' },
    { kind: 'item', command: 'open-dashboard', label: words['open-dashboard'], enabled: true },
    { kind: 'item', command: 'check-now', label: words['check-now'], enabled: !signedOut && !paused && state.activity !== 'offline' && state.activity !== 'no-cases' },
    signedOut ? { kind: 'item', command: 'sign-in', label: words['sign-in'], enabled: true } : { kind: 'item', command: 'sign-out', label: words['sign-out'], enabled: true },
    { kind: 'separator' },
    ...(paused
      ? [{ kind: 'item', command: 'resume', label: words.resume, enabled: true } as const]
      : [
          { kind: 'item', command: 'pause-hour', label: words['pause-hour'], enabled: !signedOut } as const,
          { kind: 'item', command: 'pause-until-tomorrow', label: words['pause-until-tomorrow'], enabled: !signedOut } as const,
        ]),
    { kind: 'checkbox', command: 'toggle-start-at-login', label: words['toggle-start-at-login'], checked: state.startAtLogin },
    { kind: 'separator' },
    { kind: 'item', command: 'quit', label: words.quit, enabled: true },
  ];
}

/**
 * Windows keeps at most 127 UTF-16 units of a tray tooltip (NOTIFYICONDATAW.szTip is 128 with its terminator) and
 * Electron cuts the rest wherever it falls (`wcsncpy_s(icon_data.szTip, ..., _TRUNCATE)` in Electron's
 * shell/browser/ui/win/notify_icon.cc). The tooltip's lines are most important first (the work answer), so whole lines
 * are kept while they fit; a first line too long alone is cut at a word and ends with "…".
 */
export const WINDOWS_TOOLTIP_MAX = 127;

export function fitTooltip(text: string, max: number): string {
  if (text.length <= max) return text;
  const kept: string[] = [];
  for (const line of text.split('\n')) {
    const next = [...kept, line].join('\n');
    if (next.length > max) break;
    kept.push(line);
  }
  if (kept.length > 0) return kept.join('\n');
  const first = text.split('\n')[0]!;
  const room = first.slice(0, max - 1);
  const atWord = room.lastIndexOf(' ');
  return `${(atWord > max / 2 ? room.slice(0, atWord) : room).trimEnd()}…`;
}
