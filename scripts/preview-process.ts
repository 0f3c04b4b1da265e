// Starts `npm run preview -- --json` as a child process for browser tests and scripts, stops it, calls its
// simulator's control API and signs in on the simulator's pages. For tests and scripts only (never part of the app): never reaches into its state.

import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { BrowserContext, Locator, Page } from 'playwright-core';

/** The one line `--json` prints. */
export interface PreviewInfo {
  url: string;
  token: string;
  simulator: {
    signInUrl: string;
    applicantUrl: string;
    dataOrigin: string;
    controlToken: string;
    receipts: { i821d: string; i765: string };
    account: { email: string; password: string; verificationCode: string };
  } | null;
}

export interface PreviewProcess {
  info: PreviewInfo;
  child: ChildProcess;
  /** Everything the preview wrote to stderr so far (its notes), for failure messages. */
  notes(): string;
  /** SIGTERM, then waits for the exit (the preview removes its temporary folder on exit). */
  stop(): Promise<void>;
}

const REPO_ROOT = join(import.meta.dirname, '..');
const READY_TIMEOUT_MS = 30_000;

/** Starts a preview on a free port and resolves once it has printed its address. */
export function startPreview(args: readonly string[] = []): Promise<PreviewProcess> {
  // The story at an hour a minute unless a caller asks otherwise: a browser walk moves it on with the
  // simulator's control API, and the preview's default pace (a day every 20 seconds) would move it on by itself.
  const pace = args.includes('--speed') || args.includes('--origin') ? [] : ['--speed', '60'];
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/preview.ts', '--json', '--port', '0', ...pace, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const stop = () => stopChild(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`preview printed nothing within ${READY_TIMEOUT_MS} ms:\n${stderr}`));
    }, READY_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`preview exited ${code} before it was ready:\n${stderr}`));
    });
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolve({ info: JSON.parse(line) as PreviewInfo, child, notes: () => stderr, stop });
    });
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // A preview that does not stop in time is killed outright, so a test run never hangs on it.
    const kill = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

/** Calls the simulator's control API (`/__sim/...`) of a preview's built-in simulator. */
export async function simControl(info: PreviewInfo, path: 'advance' | 'expire-sessions' | 'state', body?: object): Promise<unknown> {
  if (!info.simulator) throw new Error('this preview has no built-in simulator');
  const response = await fetch(`${info.simulator.dataOrigin}/__sim/${path}`, {
    method: path === 'state' ? 'GET' : 'POST',
    headers: { 'x-sim-control': info.simulator.controlToken, ...(body ? { 'content-type': 'application/json' } : {}) },
    ...(body ? { body: JSON.stringify(body) } : {}),
  });
  if (!response.ok) throw new Error(`/__sim/${path} answered ${response.status}: ${await response.text()}`);
  return response.json();
}

// ------------------------------------------------------------------ driving it in a browser

/**
 * Signs in on the built-in simulator's pages in a new tab of `context` (the dashboard's browser), typing with
 * real key events and submitting with the keyboard, then closes the tab. The preview notices the sign-in itself.
 */
export async function signInOnSimulatorPages(context: BrowserContext, info: PreviewInfo): Promise<void> {
  if (!info.simulator) throw new Error('this preview has no built-in simulator');
  const tab = await context.newPage();
  try {
    await tab.goto(info.simulator.applicantUrl, { waitUntil: 'domcontentloaded' });
    await signInOnThisTab(tab, info);
  } finally {
    await tab.close();
  }
}

/** The same steps on a tab already on the simulator's sign-in page (the one the dashboard's sign-in button opened). */
export async function signInOnThisTab(tab: Page, info: PreviewInfo): Promise<void> {
  const { applicantUrl, account } = info.simulator ?? {};
  if (!applicantUrl || !account) throw new Error('this preview has no built-in simulator');
  await tab.locator('#email').pressSequentially(account.email);
  await tab.locator('#password').pressSequentially(account.password);
  await tab.keyboard.press('Tab');
  await tab.keyboard.press('Space');
  await expectChecked(tab.locator('#terms'));
  await tab.keyboard.press('Tab');
  await tab.keyboard.press('Enter');
  await tab.waitForURL(/\/auth$/);
  await tab.locator('#code').pressSequentially(account.verificationCode);
  await tab.keyboard.press('Enter');
  await tab.waitForURL(/\/passkey/);
  await tab.locator('#skip-passkey').press('Enter');
  await tab.waitForURL(applicantUrl);
}

async function expectChecked(checkbox: Locator): Promise<void> {
  if (!(await checkbox.isChecked())) throw new Error('the simulator sign-in page: Space on "I agree" did not check it');
}

/**
 * Presses Tab (from wherever the focus is) until `target` has the focus, and says how many presses that took;
 * throws when it is not reached within `limit` presses. Proves a control is in the page's Tab order.
 */
export async function tabTo(page: Page, target: Locator, limit = 80): Promise<number> {
  for (let presses = 1; presses <= limit; presses += 1) {
    await page.keyboard.press('Tab');
    if (await target.evaluate((element) => element === document.activeElement, undefined, { timeout: 5_000 })) return presses;
  }
  throw new Error(`${String(target)} was not reached within ${limit} presses of Tab`);
}
