// The shell's notices on the built dashboard in Debian's Chromium, over a stand-in preload (no Electron): the one
// notice when the system did not show notifications (how to turn them on, per OS) and, in Settings, a login item that
// did not register; English and Spanish, 360 and 1280 px, axe-core (serious and critical), no CSP violation.

import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { ShellState } from '../../shared/ipc/contract';
import { seriousAxeViolations } from '../helpers/axe';
import { silentApprovalState } from '../helpers/dashboard-state-samples';
import { servedDashboardSuite } from '../helpers/dashboard-suite';
const SOON = { timeout: 5_000 };

const suite = servedDashboardSuite({ timezoneId: 'America/New_York' });
const open = suite.open;

const seriousViolations = (page: Page) => seriousAxeViolations(page, { openDetails: true });

const shell = (changes: Partial<ShellState>): ShellState => ({ platform: 'mac', notifications: null, loginItem: null, ...changes });

describe('the shell’s notices', { timeout: 60_000 }, () => {
  it('on a Mac that refused the notifications: one notice with the steps; the Settings switch says its login item did not register', async () => {
    const page = await open(silentApprovalState({ shell: shell({ notifications: { reason: 'failed', since: '2026-08-12T14:12:00.000Z' }, loginItem: 'not-registered' }) }));
    const notice = page.locator('[data-notifications-not-shown]');
    await notice.waitFor(SOON);
    expect(await notice.count()).toBe(1);
    expect(await notice.innerText()).toContain('System Settings → Notifications → DACA Watch → Allow notifications');
    const loginItem = page.locator('[data-login-item]');
    await loginItem.waitFor(SOON);
    expect(await loginItem.innerText()).toContain('System Settings → General → Login Items');
    // The switch is described by the note, so a screen reader says it with the switch.
    const described = await page.getByLabel('Start DACA Watch when I log in to this computer').getAttribute('aria-describedby');
    expect(described).toBe(await loginItem.getAttribute('id'));
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('on Windows, in Spanish at 360 px: the notice with Windows’ steps, and a deactivated startup entry', async () => {
    const page = await open(silentApprovalState({ shell: shell({ platform: 'windows', notifications: { reason: 'failed', since: '2026-08-12T14:12:00.000Z' }, loginItem: 'requires-approval' }) }), { locale: 'es-MX', width: 360 });
    const notice = page.locator('[data-notifications-not-shown]');
    await notice.waitFor(SOON);
    expect(await notice.innerText()).toContain('Configuración → Sistema → Notificaciones → DACA Watch');
    await page.locator('[data-login-item]').waitFor(SOON);
    expect(await page.locator('[data-login-item]').innerText()).toContain('Configuración → Aplicaciones → Inicio');
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);
  });

  it('says nothing when the shell has nothing to say, or there is no shell (the preview)', async () => {
    for (const state of [silentApprovalState({ shell: shell({}) }), silentApprovalState()]) {
      const page = await open(state);
      await page.locator('#settings').waitFor(SOON);
      expect(await page.locator('[data-notifications-not-shown], [data-login-item]').count()).toBe(0);
    }
  });
});
