import { launchChromium } from './tests/helpers/chromium';
import { fakePreload, serveDashboard } from './tests/helpers/fixture-dashboard';
import { yearOfHistory, historyOf, PAINT_WATCH } from './bench/renderer';
const dash = await serveDashboard();
const browser = await launchChromium();
const state = process.argv[2] === 'week' ? historyOf(7) : yearOfHistory();
dash.firstPaint(state);
const total = new Map<string, number>(); const selfT = new Map<string, number>();
for (let i = 0; i < 4; i++) {
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await page.addInitScript({ content: fakePreload(state) });
await page.addInitScript({ content: PAINT_WATCH });
await cdp.send('Profiler.start');
await page.goto(dash.url, { waitUntil: 'commit' });
await page.waitForFunction(() => (window as any).benchPaint.full !== undefined);
const { profile } = await cdp.send('Profiler.stop') as any;
const r = await page.evaluate(() => ({ asked: (window as any).benchStateAskedAt, ...(window as any).benchPaint }));
console.log(r);
const byId = new Map(profile.nodes.map((n: any) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const key = (n: any) => `${n.callFrame.functionName || '(anon)'}:${n.callFrame.lineNumber}`;
let t = 0;
profile.samples.forEach((id: number, i: number) => {
  const dt = profile.timeDeltas[i] / 1000; t += dt;
  if (t < r.asked) return;
  let n: any = byId.get(id);
  selfT.set(key(n), (selfT.get(key(n)) ?? 0) + dt);
  const seen = new Set<string>();
  while (n) { const k = key(n); if (!seen.has(k)) { seen.add(k); total.set(k, (total.get(k) ?? 0) + dt); } n = byId.get(parent.get(n.id)!); }
});
await context.close();
}
const names=['flush_sync','#process','get_first_child','hydrate_node','consequent_11','consequent_10','timelineOf','snapshotView','pairVerdict','watchedCases','newsEntries','unseenFindings','documentRows','learnedOf','renewalFactsOf','renewalStage','entrySummary','itemsOf','milestonesOf','format','formatInstant','formatDay','explainCode','explainStatus','readCase','WhatsNew','Timeline','CaseCard','RenewalCalendar','DocumentList','Settings','StatusBar','PairVerdict','hydrate','App'];
console.log('TOTAL'); console.log([...total].filter(([k])=>names.includes(k.split(':')[0])).sort((a, b) => b[1] - a[1]).slice(0, 45).map(([k, v]) => `${(v/4).toFixed(1).padStart(7)} ${k}`).join('\n'));
console.log('SELF'); console.log([...selfT].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${(v/4).toFixed(1).padStart(7)} ${k}`).join('\n'));
await browser.close(); await dash.close();
