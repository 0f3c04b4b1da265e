import { launchChromium } from './tests/helpers/chromium';
import { fakePreload, serveDashboard } from './tests/helpers/fixture-dashboard';
import { yearOfHistory, historyOf, PAINT_WATCH } from './bench/renderer';
const dash = await serveDashboard();
const browser = await launchChromium();
const states = { week: historyOf(7), year: yearOfHistory() };
const out: Record<string, number[][]> = { week: [], year: [] };
for (let i = 0; i < 7; i++) for (const [name, state] of Object.entries(states)) {
  dash.firstPaint(state);
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: fakePreload(state) });
  await page.addInitScript({ content: PAINT_WATCH });
  await page.goto(dash.url, { waitUntil: 'commit' });
  await page.waitForFunction(() => (window as any).benchPaint.full !== undefined);
  const r = await page.evaluate(() => [performance.getEntriesByType('navigation')[0]!.toJSON().domInteractive, (window as any).benchStateAskedAt, (window as any).benchPaint.banner, (window as any).benchPaint.full].map(Math.round));
  out[name]!.push(r);
  await context.close();
}
for (const [n, rows] of Object.entries(out)) {
  const med = (i: number) => rows.map((r) => r[i]!).sort((a, b) => a - b)[3];
  const medd = rows.map((r) => r[3]! - r[1]!).sort((a, b) => a - b)[3];
  console.log(n, 'domInt', med(0), 'asked', med(1), 'banner', med(2), 'full', med(3), 'asked->full', medd);
}
await browser.close(); await dash.close();
