// Every channel of the IPC contract refuses a payload that is not its own before any handler runs, through
// the one answerer both Electron's IPC and the preview's WebSocket use; and mark-seen cannot reach past now.

import { describe, expect, it } from 'vitest';
import { answerRequest, type IpcHandlers } from '../../../app/ipc-answer';
import { createIpcHandlers } from '../../../app/ipc-handlers';
import { INVOKE, type InvokeChannel } from '../../../shared/ipc/contract';
import { engineHarness } from '../../helpers/engine-harness';

/** Payloads no channel takes: wrong types, extra keys, oversized text, prototype tricks. */
const HOSTILE: unknown[] = [
  { unexpected: true },
  { receipts: ['IOE0933012457'.repeat(10)] },
  { receipts: Array.from({ length: 5 }, () => 'IOE0933012457') },
  { upTo: 'yesterday' },
  { upTo: '2026-13-40T99:99:99Z' },
  { until: 'forever' },
  { format: 'exe' },
  { confirm: 'yes' },
  { url: `https://${'a'.repeat(3000)}.gov` },
  { language: 'fr' },
  { workHoursIntervalMinutes: 1 },
  { maskReceipts: 'no' },
  JSON.parse('{"__proto__": {"polluted": true}}'),
  'a string',
  42,
  [],
];

describe('the contract is checked on every channel', () => {
  it('refuses hostile payloads on every channel without running its handler', async () => {
    const ran: string[] = [];
    const handlers = Object.fromEntries(
      Object.keys(INVOKE).map((channel) => [channel, async () => void ran.push(channel)]),
    ) as unknown as IpcHandlers;
    for (const channel of Object.keys(INVOKE) as InvokeChannel[]) {
      const takesNothing = INVOKE[channel].request.safeParse(undefined).success;
      for (const payload of HOSTILE) {
        if (takesNothing && payload === undefined) continue;
        const answer = await answerRequest(channel, payload, handlers);
        // A channel that takes no payload ignores none: z.void() refuses every value but undefined.
        expect(answer, `${channel} with ${JSON.stringify(payload)}`).toMatchObject({ ok: false, failure: { code: 'invalid-request' } });
      }
    }
    expect(ran).toEqual([]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('marks findings seen no later than the engine\'s now, whatever date is asked', async () => {
    const h = await engineHarness({ scenario: 'daca-renewal', startDay: 75 });
    const run = h.start();
    const handlers = createIpcHandlers({
      monitor: run.monitor,
      clock: { now: () => h.sim.clock.now() },
      demo: true,
      signIn: { open: () => true, signOut: async () => {} },
      setStartAtLogin: () => {},
      openExternal: async () => false,
      saveFile: async () => null,
    });
    const answer = await answerRequest('findings:mark-seen', { upTo: '9999-12-31T23:59:59.000Z' }, handlers);
    expect(answer).toEqual({ ok: true, value: { ok: true } });
    expect(run.monitor.snapshot.lastSeenAt).toBe(new Date(h.sim.clock.now()).toISOString());
  });
});
