// axe-core run inside a Playwright page: the serious and critical violations only, as readable lines.
// Test support only (both end-to-end suites that check accessibility use it).

import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeOptions {
  /** Open every <details> for the run (so their contents are checked too) and close them again after. */
  openDetails?: boolean;
}

/** axe-core on the page's document; one line per serious or critical violation: "id (impact): targets". */
export async function seriousAxeViolations(page: Page, options: AxeOptions = {}): Promise<string[]> {
  if (options.openDetails) await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = true)));
  // page.evaluate runs through the DevTools protocol: an inline <script> would be (rightly) refused by the CSP.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const results = await page.evaluate(() =>
    (window as unknown as { axe: { run(context: Document, options: object): Promise<AxeResults> } }).axe.run(document, { resultTypes: ['violations'] }),
  );
  if (options.openDetails) await page.evaluate(() => document.querySelectorAll('details').forEach((details) => (details.open = false)));
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
