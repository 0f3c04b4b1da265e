// A process that saves a growing history as fast as it can and says after each save how many entries
// are on disk; the reliability suite kills it with SIGKILL mid-write. Test support, bundled per run.

import { openStateStore } from '../../engine/store/file-state-store';
import { AppStateSchema } from '../../shared/monitor/state';

const [dir = '', startText = '0'] = process.argv.slice(2);
const store = openStateStore({ dir });
const state = store.read().state;
let n = Math.max(Number(startText), state.history.length);
// Never ends by itself: the suite kills it.
for (;;) {
  n += 1;
  const foundAt = new Date(Date.UTC(2026, 0, 1) + n * 60_000).toISOString();
  state.history.push(
    AppStateSchema.shape.history.unwrap().element.parse({
      key: `new-event:IOE0912345678:event-${n}`,
      type: 'new-event',
      receipt: 'IOE0912345678',
      foundAt,
      detail: { code: 'FTA0', title: `Event ${n} ${'x'.repeat(200)}`, evidence: ['event'] },
    }),
  );
  state.history = state.history.slice(-400);
  if (store.write(state)) process.stdout.write(`saved ${state.history.at(-1)!.key}\n`);
}
