// The Electron smoke test: the real app, built, started in demo mode with Playwright's Electron support,
// signed in on the simulator's pages, until the demo pair and a notification show; then it quits.
// It runs only where an Electron binary is installed (CI, after `install-electron`); elsewhere it is skipped.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { _electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNT } from '../../simulator/scenarios';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The Electron binary, read from node_modules/electron/path.txt without requiring `electron`: since
 * Electron's lazy download (electron/rfcs#22) that require would try to download it.
 */
function electronBinary(): string | null {
  const folder = join(ROOT, 'node_modules', 'electron');
  const pathFile = join(folder, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(folder, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
const skipReason =
  binary === null
    ? 'no Electron binary in node_modules/electron (it cannot be downloaded here; CI runs `node node_modules/electron/install.js`)'
    : process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY
      ? 'no display: run it under xvfb-run on Linux'
      : null;

/** How long a demo renewal takes to reach its first notification at the demo's speed, with room to spare. */
const DEMO_STORY_MS = 6 * 60_000;

describe.skipIf(skipReason !== null)(`the real app in Electron, demo mode${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let app: ElectronApplication | undefined;
  const output: string[] = [];

  afterAll(async () => {
    await app?.close().catch(() => undefined);
  });

  it('starts, signs in on the simulator, shows the demo pair and a notification, and quits', async () => {
    execFileSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'pipe', timeout: 180_000 });
    app = await _electron.launch({
      executablePath: binary!,
      args: [ROOT, '--demo'],
      cwd: ROOT,
      env: { ...process.env, DACA_WATCH_SMOKE: '1' },
      timeout: 60_000,
    });
    app.process().stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString('utf8')));

    const dashboard = await app.firstWindow();
    await dashboard.waitForURL(/^app:\/\/dashboard\//);
    await dashboard.getByRole('main').waitFor();
    const windowsBefore = app.windows().length;
    const signInWindow: Promise<Page> = app.waitForEvent('window');
    await dashboard.getByRole('button', { name: 'Sign in to myUSCIS' }).first().click();
    const signIn = await signInWindow;
    expect(app.windows().length).toBeGreaterThan(windowsBefore);

    await signIn.locator('#email').pressSequentially(DEMO_ACCOUNT.email);
    await signIn.locator('#password').pressSequentially(DEMO_ACCOUNT.password);
    await signIn.locator('#terms').check();
    await signIn.locator('#sign-in').click();
    await signIn.locator('#code').pressSequentially(DEMO_ACCOUNT.verificationCode);
    await signIn.locator('#submit-code').click();
    await signIn.locator('#skip-passkey').click();
    // The app notices the session and closes the sign-in window by itself.
    await signIn.waitForEvent('close', { timeout: 60_000 });

    await dashboard.getByTestId('pair-verdict').waitFor({ timeout: 60_000 });
    await expect.poll(() => dashboard.getByRole('main').innerText(), { timeout: 60_000 }).toMatch(/Form I-765/);
    await expect.poll(() => output.join(''), { timeout: DEMO_STORY_MS, interval: 1_000 }).toMatch(/\[smoke\] notification shown/);

    await app.evaluate(({ app: electronApp }) => electronApp.quit());
    await expect.poll(() => app!.process().exitCode, { timeout: 30_000 }).not.toBeNull();
    app = undefined;
  }, DEMO_STORY_MS + 5 * 60_000);
});
