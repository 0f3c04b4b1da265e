// The desktop notification when node-notifier cannot show one (and the only one on macOS): Electron's
// Notification, kept referenced until it closes so a click still reaches the app. It never logs a title or body.
// It resolves only once the system has shown the notification: Electron emits `show` then, and `failed` (with an
// error string) when the native notification could not be created and shown; since Electron 42 macOS notifications
// go through UNNotification, which needs a code-signed app, and an unsigned one gets `failed`
// (docs/api/notification.md, its UNNotification note and "Event: 'failed'"; docs/breaking-changes.md, Electron 42).
// A failed, unsupported or unanswered notification rejects, so the engine never counts it as shown.

import { Notification } from 'electron';
import type { DesktopNotification } from '../engine/ports';

export interface NotificationFallbackOptions {
  /** A real file on disk (see resources.ts): the notification server reads it itself. */
  iconPath: string;
  onClick: () => void;
  /** The longest wait for `show` or `failed` (default SHOW_WAIT_MS). */
  waitMs?: number;
}

/** How long the system gets to answer show() with `show` or `failed`. */
export const SHOW_WAIT_MS = 10_000;

/** Why a notification was not shown: the system refused it, has no notifications, or never answered. */
export type NotShownReason = 'failed' | 'unsupported' | 'no-answer';

/** A notification the system did not show. Its message carries no title or body. */
export class NotificationNotShown extends Error {
  constructor(
    readonly reason: NotShownReason,
    detail: string,
  ) {
    super(detail);
    this.name = 'NotificationNotShown';
  }
}

export function createNotificationFallback(options: NotificationFallbackOptions): (notification: DesktopNotification) => Promise<void> {
  const waitMs = options.waitMs ?? SHOW_WAIT_MS;
  // Each notification stays referenced here until it closes, so it is not collected while it is on
  // screen and its click still reaches the app.
  const shown = new Set<Notification>();
  return (n) => {
    // Notification.isSupported(): "whether or not desktop notifications are supported on the current system".
    if (!Notification.isSupported()) return Promise.reject(new NotificationNotShown('unsupported', 'desktop notifications are not supported on this system'));
    const note = new Notification({ title: n.title, body: n.body, icon: options.iconPath, urgency: n.priority === 'high' ? 'critical' : 'normal' });
    note.on('click', () => options.onClick());
    note.on('close', () => shown.delete(note));
    shown.add(note);
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        shown.delete(note);
        reject(new NotificationNotShown('no-answer', `the system did not say within ${Math.round(waitMs / 1000)} s that it showed the notification`));
      }, waitMs);
      // `show` may fire again (show() called again); only the first answer counts.
      note.once('show', () => {
        clearTimeout(timer);
        resolve();
      });
      note.once('failed', (_event, error) => {
        clearTimeout(timer);
        shown.delete(note);
        // Electron's error string describes the system's refusal (for example an unsigned macOS app); it never holds the text.
        reject(new NotificationNotShown('failed', `the system refused it (${error})`));
      });
      note.show();
    });
  };
}
