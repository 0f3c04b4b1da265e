// Launches Debian's Chromium through playwright-core for what needs a real browser engine: the browser tests, the
// screenshots and the renderer bench. Never part of the app: no network beyond loopback, a fresh profile every launch.

import { chromium, type Browser } from 'playwright-core';

/** Where a Chromium-based browser usually is when CHROMIUM_PATH does not say: Debian's Chromium, or Google Chrome. */
export function defaultChromiumPath(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome';
  if (platform === 'win32') return 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe';
  return '/usr/bin/chromium';
}
/** CHROMIUM_PATH, else Debian's Chromium on Linux and Google Chrome where macOS and Windows install it. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? defaultChromiumPath(process.platform);

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
}
