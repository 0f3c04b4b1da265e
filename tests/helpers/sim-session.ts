// A SimBrowser already signed in to the simulated my.uscis.gov (a live, warm session), a GET without
// following redirects, and the shapes of served events and documents. Test support only: no sign-in pages here.

import type { Simulator } from '../../simulator/server';
import { SimBrowser, type SimResponse } from './sim-browser';

/** A browser holding a live, warm my.uscis.gov session (stands for a finished sign-in). */
export function signedInBrowser(sim: Simulator): SimBrowser {
  const browser = new SimBrowser();
  const cookie = sim.createSession({ warm: true });
  const eq = cookie.indexOf('=');
  browser.cookies(new URL(sim.dataOrigin).hostname).set(cookie.slice(0, eq), cookie.slice(eq + 1));
  return browser;
}

/** A GET on the data host, redirects not followed. */
export function getData(browser: SimBrowser, sim: Simulator, path: string): Promise<SimResponse> {
  return browser.fetch(sim.dataOrigin + path, { follow: false });
}

/** An event of a case detail's events[], as served. */
export interface EventJson {
  receiptNumber: string;
  eventId: string;
  eventCode: string;
  createdAt: string;
  createdAtTimestamp: string;
  updatedAt: string;
  updatedAtTimestamp: string;
  eventDateTime: string;
  eventTimestamp: string;
}

/** An entry of the documents list, as served. */
export interface DocumentJson {
  fileName: string;
  contentId: string;
  type: string;
  createDate: string;
  sourceType: string;
}
