// Answers one dashboard request against the IPC contract: the payload parsed, the handler run, its answer
// parsed again, every failure a typed result. No `electron` import: main and the browser preview share it.

import { z } from 'zod';
import type { Localized } from '../shared/localized';
import { INVOKE, type InvokeChannel, type InvokeRequest, type InvokeResponse, type IpcFailure, type IpcResult } from '../shared/ipc/contract';

/** What main does for each channel, on a request already parsed. */
export type IpcHandlers = { [C in InvokeChannel]: (request: InvokeRequest<C>) => Promise<InvokeResponse<C>> };

export function refuse(code: IpcFailure['code'], message: string, text?: Localized): IpcResult<never> {
  return { ok: false, failure: { code, message, ...(text ? { text } : {}) } };
}

/** The first refusal a schema worded for a person (`params.text`, e.g. an impossible settings date), if any. */
function personalText(error: z.ZodError): Localized | undefined {
  for (const issue of error.issues) {
    const text = (issue as { params?: { text?: unknown } }).params?.text;
    if (typeof text === 'object' && text !== null && typeof (text as Localized).en === 'string' && typeof (text as Localized).es === 'string') {
      return { en: (text as Localized).en, es: (text as Localized).es };
    }
  }
  return undefined;
}

/** The answer to `channel` with `payload`; the frame or token check comes before this. */
export async function answerRequest(
  channel: string,
  payload: unknown,
  handlers: IpcHandlers,
  reportError?: (channel: InvokeChannel, error: unknown) => void,
): Promise<IpcResult<unknown>> {
  if (!Object.hasOwn(INVOKE, channel)) return refuse('invalid-request', `there is no channel "${channel.slice(0, 64)}"`);
  const name = channel as InvokeChannel;
  const { request: requestSchema, response: responseSchema } = INVOKE[name] as { request: z.ZodType; response: z.ZodType };
  const request = requestSchema.safeParse(payload);
  if (!request.success) return refuse('invalid-request', `${name}: ${z.prettifyError(request.error)}`, personalText(request.error));
  try {
    const handler = handlers[name] as (request: unknown) => Promise<unknown>;
    const response = responseSchema.safeParse(await handler(request.data));
    if (response.success) return { ok: true, value: response.data };
    reportError?.(name, response.error);
  } catch (error) {
    reportError?.(name, error);
  }
  return refuse('failed', `${name} could not be done`);
}
