// The main side of the IPC contract: one ipcMain handler per channel that answers only the dashboard's
// frame, parses what comes in and what goes out, and sends state to the dashboard. No app logic here.

import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { z } from 'zod';
import {
  EVENTS,
  INVOKE,
  type DashboardState,
  type EventChannel,
  type InvokeChannel,
  type IpcResult,
} from '../shared/ipc/contract';
import { allowListOf, isAllowedNavigation } from '../shared/security/navigation';
import { answerRequest, refuse, type IpcHandlers } from '../app/ipc-answer';

export type { IpcHandlers } from '../app/ipc-answer';

export interface IpcOptions {
  /** The dashboard's origin (`app://dashboard`): the only frame whose requests are answered. */
  appOrigin: string;
  /** Hears what a handler threw or returned outside the contract (the dashboard only gets `failed`). */
  reportError?: (channel: InvokeChannel, error: unknown) => void;
}

/** Registers every channel of the contract; returns the function that removes them again. */
export function registerIpcHandlers(handlers: IpcHandlers, options: IpcOptions): () => void {
  const dashboardFrames = allowListOf([options.appOrigin]);
  const channels = Object.keys(INVOKE) as InvokeChannel[];

  const answer = async (channel: InvokeChannel, event: IpcMainInvokeEvent, payload: unknown): Promise<IpcResult<unknown>> => {
    const frame = event.senderFrame;
    if (frame === null || !isAllowedNavigation(frame.url, dashboardFrames)) {
      return refuse('not-the-dashboard', `${channel} answers only the dashboard`);
    }
    return answerRequest(channel, payload, handlers, options.reportError);
  };

  for (const channel of channels) ipcMain.handle(channel, (event, payload: unknown) => answer(channel, event, payload));
  return () => {
    for (const channel of channels) ipcMain.removeHandler(channel);
  };
}

const STATE_CHANGED = 'state:changed' satisfies EventChannel;

/** Sends the dashboard its new state, checked against the contract first (a mismatch is a bug in main: it throws). */
export function sendState(webContents: WebContents, state: DashboardState): void {
  const checked = EVENTS[STATE_CHANGED].safeParse(state);
  if (!checked.success) throw new Error(`sendState: the dashboard state does not match the contract:\n${z.prettifyError(checked.error)}`);
  if (!webContents.isDestroyed()) webContents.send(STATE_CHANGED, checked.data);
}

