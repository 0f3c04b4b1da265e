// The tray's words come partly from USCIS (a case's form type): they reach the tray without control or
// bidirectional-override characters, and a receipt shown there is masked when the user asked for masking.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AppController } from '../../app/app-controller';
import { createNodeMonitor } from '../../engine/node-monitor';
import { AppStateSchema, STATE_VERSION } from '../../shared/monitor/state';
import { tempFolder } from '../helpers/engine-harness';

function controllerFor(state: unknown) {
  const dir = tempFolder();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'config.json'), JSON.stringify(AppStateSchema.parse(state)));
  const clock = { now: () => Date.parse('2026-06-01T15:00:00Z') };
  const { monitor } = createNodeMonitor({ origin: 'http://127.0.0.1:9', clock, storeDir: dir });
  return new AppController({ monitor, clock, renderTray: () => {}, openDashboard: () => {}, startSignIn: () => {}, clearSession: async () => {}, setStartAtLogin: () => {}, quit: () => {} });
}

describe('the tray summary', () => {
  it('strips control and bidirectional characters from a form type USCIS sent, and masks a receipt when masking is on', () => {
    const controller = controllerFor({
      version: STATE_VERSION,
      settings: { maskReceipts: true },
      cases: [
        { receipt: 'IOE0912345678', formType: 'I-821D\u202E\u0007<b>x</b>', addedAt: '2026-05-01T00:00:00.000Z' },
        { receipt: 'IOE0912345679', formType: null, addedAt: '2026-05-01T00:00:00.000Z' },
      ],
    });
    const { summary } = controller.trayState();
    expect(summary).not.toMatch(/[\u0000-\u001F\u202A-\u202E<>]/);
    expect(summary).toContain('I-821Dx: ');
    expect(summary).not.toContain('IOE0912345679');
    expect(summary).toMatch(/IOE\S*5679: /);
  });

  it('shows the receipt in full when masking is off', () => {
    const controller = controllerFor({ version: STATE_VERSION, cases: [{ receipt: 'IOE0912345679', formType: null, addedAt: '2026-05-01T00:00:00.000Z' }] });
    expect(controller.trayState().summary).toContain('IOE0912345679: ');
  });
});
