// The monitor's real-timer loop: one timeout for the next wake, scaled by the speed; wakes never overlap; a wake
// that throws is reported and the loop goes on; stopped, it sets nothing.

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { WakeTimer, type WakeHost } from '../../engine/wake-timer';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function host(nextAt: () => number | null, wakeOnce: () => Promise<void> = async () => undefined) {
  const failures: unknown[] = [];
  const wakes: number[] = [];
  const h: WakeHost = {
    nextWakeAt: nextAt,
    now: () => Date.now(),
    wakeOnce: async () => {
      wakes.push(Date.now());
      await wakeOnce();
    },
    failed: (error) => failures.push(error),
  };
  return { h, failures, wakes };
}

describe('WakeTimer', () => {
  it('wakes when the engine asks, the delay divided by the speed', async () => {
    const start = Date.now();
    let next: number | null = start + 60_000;
    const { h, wakes } = host(() => next, async () => {
      next = null;
    });
    const timer = new WakeTimer(h);
    timer.start(60);
    await vi.advanceTimersByTimeAsync(999);
    expect(wakes).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(wakes).toEqual([start + 1000]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(wakes).toHaveLength(1);
  });

  it('joins a wake asked while another runs', async () => {
    let release = () => {};
    const { h, wakes } = host(() => null, () => new Promise<void>((resolve) => (release = resolve)));
    const timer = new WakeTimer(h);
    const first = timer.wake();
    const second = timer.wake();
    release();
    await Promise.all([first, second]);
    expect(wakes).toHaveLength(1);
  });

  it('reports a wake that threw and sets the timer again', async () => {
    let calls = 0;
    const { h, failures } = host(() => Date.now() + 1000, async () => {
      calls += 1;
      if (calls === 1) throw new Error('boom');
    });
    const timer = new WakeTimer(h);
    timer.start(1);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(failures).toEqual([new Error('boom')]);
    expect(calls).toBe(2);
    timer.stop();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toBe(2);
  });

  it('sets nothing while stopped', async () => {
    const { h, wakes } = host(() => Date.now());
    const timer = new WakeTimer(h);
    timer.reschedule();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(wakes).toEqual([]);
  });
});
