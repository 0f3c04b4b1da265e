// The desktop notification when node-notifier cannot show one (and the only one on macOS): Electron's
// Notification, kept referenced until it closes so a click still reaches the app. It never logs a title or body.

import { Notification } from 'electron';
import type { DesktopNotification } from '../engine/ports';

export interface NotificationFallbackOptions {
  /** A real file on disk (see resources.ts): the notification server reads it itself. */
  iconPath: string;
  onClick: () => void;
}

export function createNotificationFallback(options: NotificationFallbackOptions): (notification: DesktopNotification) => Promise<void> {
  // Each shown notification stays referenced here until it closes, so it is not collected while it is on
  // screen and its click still reaches the app.
  const shown = new Set<Notification>();
  return async (n) => {
    const note = new Notification({ title: n.title, body: n.body, icon: options.iconPath, urgency: n.priority === 'high' ? 'critical' : 'normal' });
    note.on('click', () => options.onClick());
    note.on('close', () => shown.delete(note));
    shown.add(note);
    note.show();
  };
}
