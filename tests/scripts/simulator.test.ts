// `npm run simulator` as a user runs it: a real child process that prints its addresses, serves a
// sign-in that works, refuses bad arguments with exit code 2, and stops cleanly on SIGTERM (on Windows, where
// SIGTERM is a forced kill, it is ended at once instead).

import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { endpointPath } from '../../shared/myuscis/endpoints';
import { expectedSigtermEnd } from '../helpers/platform';
import { SimBrowser, signInThroughPages } from '../helpers/sim-browser';

const CLI = ['--import', 'tsx', 'scripts/simulator.ts'];
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`simulator exited with ${code}`)));
  });
}

describe('npm run simulator', () => {
  it('prints its addresses and serves the demo sign-in and the JSON endpoints', async () => {
    const child = spawn(process.execPath, [...CLI, '--scenario', 'daca-renewal', '--speed', '60', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const info = JSON.parse(await firstLine(child)) as {
      scenario: string;
      speed: number;
      signInUrl: string;
      applicantUrl: string;
      dataOrigin: string;
      receipts: { i821d: string; i765: string };
      demoAccount: { email: string; password: string; verificationCode: string };
    };
    expect(info.scenario).toBe('daca-renewal');
    expect(info.speed).toBe(60);
    expect(info.signInUrl).toMatch(/^http:\/\/localhost:\d+\/sign-in$/);
    expect(info.applicantUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/account\/applicant$/);

    const browser = new SimBrowser();
    const page = await signInThroughPages(browser, { applicantUrl: info.applicantUrl, scenario: { account: info.demoAccount } });
    expect(page.url).toBe(info.applicantUrl);
    const status = await browser.fetch(`${info.dataOrigin}${endpointPath.caseStatus(info.receipts.i765)}`, { referer: info.applicantUrl });
    expect(status.status).toBe(200);
    expect(status.json<{ data: { receiptNumber: string } }>().data.receiptNumber).toBe(info.receipts.i765);

    child.kill('SIGTERM');
    const end = await new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    expect(end).toEqual(expectedSigtermEnd(process.platform));
  });

  it('--rotate-content-ids turns the rotation on (the control interface reports it)', async () => {
    const child = spawn(process.execPath, [...CLI, '--scenario', 'daca-renewal', '--rotate-content-ids', '--json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const info = JSON.parse(await firstLine(child)) as { dataOrigin: string; controlToken: string };
    const state = await fetch(`${info.dataOrigin}/__sim/state`, { headers: { 'x-sim-control': info.controlToken } });
    expect(((await state.json()) as { rotateContentIds: unknown }).rotateContentIds).toBe(true);
  });

  it('prints a human-readable summary with the demo credentials', async () => {
    const child = spawn(process.execPath, [...CLI, '--scenario', 'daca-rfe'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    const lines: string[] = [];
    const reader = createInterface({ input: child.stdout! });
    await new Promise<void>((resolve) => reader.on('line', (line) => (lines.push(line), line.startsWith('Press Ctrl+C') && resolve())));
    const text = lines.join('\n');
    expect(text).toContain('scenario daca-rfe');
    expect(text).toMatch(/Sign in \(myaccount\): +http:\/\/localhost:\d+\/sign-in/);
    expect(text).toContain('demo@dacawatch.test / Renewal-Demo-2026, verification code 246810');
    expect(text).toContain('day 52 rfe');
  });

  it.each([
    [['--scenario', 'no-such-story'], 'unknown scenario "no-such-story"'],
    [['--speed', 'fast'], '--speed needs a number'],
    [['--landing', 'moon'], '--landing is dashboard or applicant'],
    [['--bogus'], "Unknown option '--bogus'"],
    [['--scenario-file', '/nonexistent/scenario.json'], 'could not load /nonexistent/scenario.json'],
  ])('refuses %j with exit code 2 and says why', (args, message) => {
    const run = spawnSync(process.execPath, [...CLI, ...args], { encoding: 'utf8', timeout: 20_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(message);
  });
});
