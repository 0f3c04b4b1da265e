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
  type InvokeRequest,
  type InvokeResponse,
  type IpcFailure,
  type IpcResult,
} from '../shared/ipc/contract';
import { allowListOf, isAllowedNavigation } from '../shared/security/navigation';

/** What main does for each channel, on a request already parsed. */
export type IpcHandlers = { [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> };

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
    const { request: requestSchema, response: responseSchema } = INVOKE[channel] as { request: z.ZodType; response: z.ZodType };
    const request = requestSchema.safeParse(payload);
    if (!request.success) return refuse('invalid-request', `${channel}: ${z.prettifyError(request.error)}`);
    try {
      const handler = handlers[channel] as (request: unknown) => Promise<unknown>;
      const response = responseSchema.safeParse(await handler(request.data));
      if (response.success) return { ok: true, value: response.data };
      options.reportError?.(channel, response.error);
    } catch (error) {
      options.reportError?.(channel, error);
    }
    return refuse('failed', `${channel} could not be done`);
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

function refuse(code: IpcFailure['code'], message: string): IpcResult<never> {
  return { ok: false, failure: { code, message } };
}
