// What the desktop app does with tray commands, power events and network changes, and what the tray
// should show for the engine's state. Plain TypeScript (no `electron` import): electron/main.ts plugs Electron in.

import type { Monitor, MonitorEvent } from '../engine/monitor';
import { stageAt } from '../engine/reminders';
import type { Clock } from '../engine/ports';
import { displayText } from '../shared/display-text';
import { dayInZone } from '../shared/knowledge/calendar-days';
import { renewalTrayLine } from '../shared/knowledge/renewal-calendar';
import { storedWorkAnswer } from '../shared/knowledge/work-answer';
import { storedForecasts, workGapRisk } from '../shared/knowledge/processing-forecast';
import { publishedFigures } from '../shared/knowledge/stored-figures';
import { unseenAnnouncedCount } from '../shared/monitor/announcement';
import { STAGE_NAMES } from '../shared/knowledge/stages';
import { isReceiptNumber, maskReceipt } from '../shared/receipt';
import { explainStatus } from '../shared/knowledge/status-titles';
import { notificationsTrayLine } from './shell-notices';
import { buildTrayMenu, trayIcon, trayTooltip, type TrayCommand, type TrayIcon, type TrayMenuItem, type TrayState } from '../shared/tray/tray-model';

const HOUR = 3_600_000;

export interface ControllerPorts {
  monitor: Monitor;
  clock: Clock;
  /** Draws the tray (icon, tooltip, context menu) from data. */
  renderTray: (view: { icon: TrayIcon; tooltip: string; menu: TrayMenuItem[] }) => void;
  openDashboard: () => void;
  startSignIn: () => void;
  /** Clears the sign-in partition's storage and cache. */
  clearSession: () => Promise<void>;
  setStartAtLogin: (enabled: boolean) => void;
  quit: () => void;
  /**
   * True while desktop notifications are not showing (app/shell-notices.ts): the tray then asks for attention
   * while a finding is unseen, since no notification told it.
   */
  notificationsFailing?: () => boolean;
}

export type PowerEvent = 'suspend' | 'resume' | 'lock-screen' | 'unlock-screen';

/** Findings that mean the renewal is approved or further along. */
const APPROVED_TYPES = new Set(['silent-approval', 'approved', 'i821d-approved-inferred', 'card-produced', 'card-mailed', 'card-delivered']);

/** 08:00 local time on the next day. */
export function tomorrowMorning(now: number): number {
  const next = new Date(now);
  next.setDate(next.getDate() + 1);
  next.setHours(8, 0, 0, 0);
  return next.getTime();
}

/** What the tray says of a case that is off the plan or has not been read for hours. */
const CASE_TROUBLE = {
  notThisAccount: { en: 'not on this account (checked again daily)', es: 'no está en esta cuenta (se vuelve a consultar a diario)' },
  notRead: { en: 'not read for hours; still trying', es: 'sin consultar desde hace horas; se sigue intentando' },
} as const;

export class AppController {
  /** True from start-up until the kept session has been checked (in the background). */
  private connecting = false;

  constructor(private readonly ports: ControllerPorts) {}

  /** The tray says "Connecting to myUSCIS" while the start-up session check runs. */
  setConnecting(connecting: boolean): void {
    this.connecting = connecting;
    this.refresh();
  }

  trayState(): TrayState {
    const state = this.ports.monitor.snapshot;
    const language = this.ports.monitor.language;
    const now = this.ports.clock.now();
    const stage = stageAt(state, now);
    const work = storedWorkAnswer(state, dayInZone(now));
    const denied = state.history.some((f) => f.type === 'denied' || f.type === 'case-ended');
    const summary = state.cases
      .map((c) => {
        // The form type comes from USCIS: shown without control or bidirectional characters, and short.
        const name = c.formType ? displayText(c.formType, { limit: 16 }) : state.settings.maskReceipts && isReceiptNumber(c.receipt) ? maskReceipt(c.receipt) : c.receipt;
        // A case off the plan or not read for hours says so, never a stale stage (engine/watched-cases.ts, engine/watchdog.ts).
        if (c.problem === 'not-this-account') return `${name}: ${CASE_TROUBLE.notThisAccount[language]}`;
        if (c.stalledSince) return `${name}: ${CASE_TROUBLE.notRead[language]}`;
        const title = state.snapshots[c.receipt]?.status?.title;
        const stage = title ? explainStatus(title, language).stage : 'filed';
        return `${name}: ${STAGE_NAMES[stage][language]}`;
      })
      .join(' · ');
    return {
      language,
      activity: this.ports.monitor.activity(),
      // The same rule as the dashboard's news and the notifications: shared/monitor/announcement.ts.
      unseen: unseenAnnouncedCount(state.history, state.lastSeenAt, state.settings),
      approved: !denied && state.history.some((f) => APPROVED_TYPES.has(f.type)),
      summary,
      pausedUntil: state.schedule.pausedUntil,
      startAtLogin: state.settings.startAtLogin,
      saveProblem: this.ports.monitor.saveProblem()?.cause ?? null,
      connecting: this.connecting,
      // The renewal calendar on the user's own day: days left, the filing window, day 105 (no request needed); not
      // when the work answer already says the card has expired or expires soon (the window line would repeat it).
      calendar: stage.kind !== 'pending' && (work.kind === 'expired' || work.kind === 'expiring-soon') ? null : renewalTrayLine(stage, language),
      work: work.line[language],
      gapRisk: workGapRisk(work, storedForecasts(state, publishedFigures(state), dayInZone(now)).map((entry) => entry.forecast)),
    };
  }

  /** Redraws the tray; call after anything that may have changed the state. */
  refresh(): void {
    const state = this.trayState();
    const untold = state.unseen > 0 && this.ports.notificationsFailing?.() === true;
    const trouble = this.ports.monitor.snapshot.cases.some((c) => c.problem !== null || Boolean(c.stalledSince));
    this.ports.renderTray({
      icon: untold || trouble ? 'attention' : trayIcon(state),
      tooltip: untold ? `${trayTooltip(state)}\n${notificationsTrayLine(state.language)}` : trayTooltip(state),
      menu: buildTrayMenu(state),
    });
  }

  async command(command: TrayCommand): Promise<void> {
    const { monitor, clock } = this.ports;
    switch (command) {
      case 'open-dashboard':
        this.ports.openDashboard();
        break;
      case 'check-now':
        monitor.checkNow();
        break;
      case 'sign-in':
        this.ports.startSignIn();
        break;
      case 'sign-out':
        await this.ports.clearSession();
        await monitor.signedOut({ byUser: true });
        break;
      case 'pause-hour':
        monitor.pause(clock.now() + HOUR);
        break;
      case 'pause-until-tomorrow':
        monitor.pause(tomorrowMorning(clock.now()));
        break;
      case 'resume':
        monitor.pause(null);
        break;
      case 'toggle-start-at-login': {
        const enabled = !monitor.snapshot.settings.startAtLogin;
        monitor.updateSettings({ startAtLogin: enabled });
        this.ports.setStartAtLogin(enabled);
        break;
      }
      case 'quit':
        monitor.stop();
        this.ports.quit();
        return;
    }
    this.refresh();
  }

  /** Asleep means no requests; waking up means a check soon (the engine's schedule does that). */
  onPower(event: PowerEvent): void {
    if (event === 'suspend') this.ports.monitor.setAwake(false);
    if (event === 'resume') this.ports.monitor.setAwake(true);
    // A locked screen changes nothing: the person is away, which is when watching matters most.
    this.refresh();
  }

  onOnline(online: boolean): void {
    this.ports.monitor.setOnline(online);
    this.refresh();
  }

  onMonitorEvent(_event: MonitorEvent): void {
    this.refresh();
  }
}
