// One served dashboard and one Chromium for a browser test file: started before its tests, closed after them, with
// every page's problems (page errors, CSP violations) collected and required to be none at the end.

import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { DashboardState } from '../../shared/ipc/contract';
import { openDashboardPage, serveDashboardInChromium, type OpenPageOptions, type ServedDashboard } from '../../scripts/served-dashboard';

/** What a test may choose when it opens a page: the rest (contexts, problems) is the suite's. */
export type SuiteOpenOptions = Partial<Omit<OpenPageOptions, 'contexts' | 'problems'>>;

export interface DashboardSuite {
  readonly browser: Browser;
  readonly dashboard: ServedDashboard;
  /** Every context opened, closed after the file's tests. */
  readonly contexts: BrowserContext[];
  /** Page errors and CSP violations seen on any page: none by the end. */
  readonly problems: string[];
  /** A new page on the dashboard answering with `state` (the suite's defaults, then `options`). */
  open(state: DashboardState, options?: SuiteOpenOptions): Promise<Page>;
}

/** Registers the file's beforeAll/afterAll; `defaults` apply to every page it opens (a time zone, say). */
export function servedDashboardSuite(defaults: SuiteOpenOptions & { timezoneId: string }): DashboardSuite {
  let served: { dashboard: ServedDashboard; browser: Browser } | null = null;
  const contexts: BrowserContext[] = [];
  const problems: string[] = [];
  const started = () => {
    if (served === null) throw new Error('the served dashboard is not started (use it inside a test)');
    return served;
  };

  beforeAll(async () => {
    served = await serveDashboardInChromium();
  }, 60_000);

  afterAll(async () => {
    await Promise.allSettled(contexts.map((context) => context.close()));
    await Promise.allSettled([served?.browser.close(), served?.dashboard.close()]);
    expect(problems).toEqual([]);
  });

  return {
    get browser() {
      return started().browser;
    },
    get dashboard() {
      return started().dashboard;
    },
    contexts,
    problems,
    open: (state, options = {}) => openDashboardPage(started().browser, started().dashboard, state, { ...defaults, ...options, contexts, problems }),
  };
}
