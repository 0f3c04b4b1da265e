// What the desktop shell could not do for the user, kept for the dashboard and the tray: notifications the system
// did not show (an unsigned macOS app gets Notification `failed`; a refused Windows toast), and a start-at-login
// item that did not register. Plain TypeScript (no `electron` import): electron/main.ts feeds it.
// One notice per problem, not one per notification: it stays until a notification is shown again (or the login
// item is set as asked), and the finding it was about stays unseen in the dashboard's news meanwhile.

import type { Clock, DesktopNotification, NotifierPort } from '../engine/ports';
import type { ShellState } from '../shared/ipc/contract';
import type { Language } from '../shared/localized';

export type ShellPlatform = ShellState['platform'];
export type NotShownReason = NonNullable<ShellState['notifications']>['reason'];
export type LoginItemProblem = NonNullable<ShellState['loginItem']>;

export function shellPlatformOf(platform: NodeJS.Platform): ShellPlatform {
  return platform === 'darwin' ? 'mac' : platform === 'win32' ? 'windows' : 'linux';
}

/** The reason a rejected notify() carries (electron/notification-fallback.ts's NotificationNotShown), else 'failed'. */
export function notShownReasonOf(error: unknown): NotShownReason {
  const reason = typeof error === 'object' && error !== null ? (error as { reason?: unknown }).reason : undefined;
  return reason === 'unsupported' || reason === 'no-answer' ? reason : 'failed';
}

export class ShellNotices {
  private notifications: ShellState['notifications'] = null;
  private loginItem: ShellState['loginItem'] = null;

  constructor(
    private readonly platform: ShellPlatform,
    private readonly clock: Clock,
    private readonly onChange: () => void = () => undefined,
  ) {}

  /**
   * The engine's notifier, watched: a shown notification clears the notice; one not shown sets it (once: a second
   * failure for the same reason changes nothing) and is still rejected, so the engine reports it as not shown.
   */
  watch(notifier: NotifierPort): NotifierPort {
    return {
      notify: async (notification: DesktopNotification) => {
        try {
          await notifier.notify(notification);
        } catch (error) {
          this.notificationNotShown(notShownReasonOf(error));
          throw error;
        }
        this.notificationShown();
      },
    };
  }

  notificationNotShown(reason: NotShownReason): void {
    if (this.notifications?.reason === reason) return;
    this.notifications = { reason, since: new Date(this.clock.now()).toISOString() };
    this.onChange();
  }

  notificationShown(): void {
    if (this.notifications === null) return;
    this.notifications = null;
    this.onChange();
  }

  /** What the login-item read-back said ('as-asked' clears the notice). */
  loginItemChecked(state: LoginItemProblem | 'as-asked'): void {
    const next = state === 'as-asked' ? null : state;
    if (next === this.loginItem) return;
    this.loginItem = next;
    this.onChange();
  }

  /** True while notifications are not showing: the tray then asks for attention when something is unseen. */
  notificationsFailing(): boolean {
    return this.notifications !== null;
  }

  state(): ShellState {
    return { platform: this.platform, notifications: this.notifications, loginItem: this.loginItem };
  }
}

/** The tray tooltip's extra line while notifications are not showing. */
export function notificationsTrayLine(language: Language): string {
  return language === 'es' ? 'Las notificaciones no se muestran: abra el panel' : 'Notifications are not showing: open the dashboard';
}
