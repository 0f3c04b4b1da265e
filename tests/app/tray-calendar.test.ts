// The tray's renewal calendar line through the app controller and the real engine: days until the filing window
// opens, before any receipt and with no request to USCIS, in the user's language; nothing without an expiry.

import { describe, expect, it } from 'vitest';
import { AppController, type ControllerPorts } from '../../app/app-controller';
import { createNodeMonitor } from '../../engine/node-monitor';
import type { TrayMenuItem } from '../../shared/tray/tray-model';
import { tempFolder } from '../helpers/engine-harness';
import { frozenSimulator } from '../helpers/sim-fixture';

const labels = (menu: TrayMenuItem[]) => menu.filter((item) => item.kind === 'label').map((item) => (item as { label: string }).label);

async function setup(now: string) {
  const sim = await frozenSimulator();
  const clock = { at: Date.parse(now), now: () => clock.at };
  const { monitor } = createNodeMonitor({ origin: sim.dataOrigin, clock, storeDir: tempFolder() });
  const views: Array<Parameters<ControllerPorts['renderTray']>[0]> = [];
  const controller = new AppController({
    monitor,
    clock,
    renderTray: (view) => views.push(view),
    openDashboard: () => undefined,
    startSignIn: () => undefined,
    clearSession: async () => undefined,
    setStartAtLogin: () => undefined,
    quit: () => undefined,
  });
  return { sim, clock, monitor, controller, last: () => views.at(-1)! };
}

describe('the tray before filing', () => {
  it('counts the days to the filing window, then the days left, in English and Spanish', async () => {
    // Noon UTC is morning in every US zone: the same calendar day wherever the test runs in the Americas or Europe.
    const { sim, clock, monitor, controller, last } = await setup('2027-03-04T12:00:00.000Z');
    controller.refresh();
    // The work answer comes first: without an expiry, the way to enter it; with one, until when.
    expect(labels(last().menu)).toEqual(['Can you work? Enter your work permit’s expiry date', 'Signed out: sign in to keep watching']);
    monitor.updateSettings({ permitExpiry: '2027-08-11' });
    controller.refresh();
    expect(labels(last().menu)).toEqual(['You can work until August 11, 2027 (160 days left)', 'Signed out: sign in to keep watching', 'Filing window opens in 10 days']);
    expect(last().tooltip).toContain('Filing window opens in 10 days');
    clock.at = Date.parse('2027-04-01T12:00:00.000Z');
    controller.refresh();
    expect(labels(last().menu)).toContain('Filing window open: 132 days until your permit expires');
    monitor.updateSettings({ language: 'es' });
    controller.refresh();
    expect(labels(last().menu)).toContain('Periodo para renovar abierto: 132 días para que venza su permiso');
    monitor.stop();
    expect(sim.requestLog()).toHaveLength(0);
  });
});
