import { historyOf } from './bench/renderer';
const { renderFirstPaint } = await import('/tmp/fp/first-paint.mjs' as string);
const t0 = performance.now();
const html = renderFirstPaint(historyOf(365), 'en');
console.log((performance.now() - t0).toFixed(1), 'ms', html.length);
const t1 = performance.now();
renderFirstPaint(historyOf(365), 'es');
console.log((performance.now() - t1).toFixed(1), 'ms');
console.log(html);
