// Starts a simulator on a frozen story clock for one test file and closes it afterwards.
// Test support only.

import { afterEach } from 'vitest';
import { startSimulator, type Simulator, type SimulatorOptions } from '../../simulator/server';

/** 2026-05-29 (a Friday), 13:00 UTC: where frozen test clocks start unless a test says otherwise. */
export const TEST_START = Date.UTC(2026, 4, 29, 13, 0, 0);

const running: Simulator[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

/** A simulator whose story clock only moves when the test advances it. */
export async function frozenSimulator(options: SimulatorOptions = {}): Promise<Simulator> {
  const sim = await startSimulator({ clock: { start: TEST_START, speed: 0 }, startDay: 0, ...options });
  running.push(sim);
  return sim;
}
