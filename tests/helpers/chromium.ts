// Launches Debian's Chromium through playwright-core for tests that need a real browser engine.
// Test support only: no network beyond loopback, a fresh profile every launch.

import { chromium, type Browser } from 'playwright-core';
import { defaultChromiumPath } from './platform';

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
