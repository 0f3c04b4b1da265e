// The published-times adapter over the shared Electron double (never Electron itself): net.request in egov's own
// partition to the simulator's egov host. Both hosts are 127.0.0.1, where cookies are kept by host, not port: only the
// partition keeps the myUSCIS session cookie from going along. A 403 leads to one warm-up page load, then one retry.

import { describe, expect, it, vi } from 'vitest';
import { PublishedTimesReader } from '../../engine/processing-times';
import { emptyState, type PublishedTimes } from '../../shared/monitor/state';
import type { ElectronDouble } from '../helpers/electron-double';
import { onPage } from '../helpers/electron-double';
import { frozenSimulator } from '../helpers/sim-fixture';

vi.mock('electron', () => import('../helpers/electron-double').then((m) => m.electronModule()));
const electron = (await import('electron')) as unknown as ElectronDouble;
const { publishedTimesTransport, TIMES_PARTITION } = await import('../../electron/published-times-transport');
const { signInPartition } = await import('../../electron/sign-in-window');

/** A monitor's minimal face: a state of its own, as the engine's reader sees it. */
function holder(now: () => number) {
  const state = emptyState();
  return { snapshot: state, now, setPublishedTimes: (times: PublishedTimes) => void (state.processingTimes = times) };
}

describe('the published-times transport (Electron double)', () => {
  it('reads egov in its own partition: the sign-in partition\'s session cookie for the same host never goes along', async () => {
    const sim = await frozenSimulator({ startDay: 20 });
    const [name, value] = sim.createSession().split('=') as [string, string];
    electron.session.fromPartition(signInPartition({ kind: 'real' })).cookies.put('127.0.0.1', name, value);
    const monitor = holder(() => sim.clock.now());
    const reader = new PublishedTimesReader({ port: publishedTimesTransport(sim.timesOrigin), origin: sim.timesOrigin, monitor, spacingMs: 1 });
    expect((await reader.refreshIfDue()).outcome).toBe('read');
    expect(monitor.snapshot.processingTimes.byForm['I-821D'].status).toBe('published');
    for (const entry of sim.timesRequestLog()) expect(entry.headers.cookie).toBeUndefined();
  });

  it('answers a 403 with one warm-up load of the processing-times page in egov\'s partition, then asks once more', async () => {
    const sim = await frozenSimulator({ startDay: 20 });
    sim.addFault({ endpoint: 'any-egov', kind: 'block-page', times: 1 });
    // The page's bot-protection script leaves a cookie in the partition the API requests then carry.
    onPage(`${sim.timesOrigin}/processing-times/`, ({ contents }) => contents.session.cookies.put('127.0.0.1', 'egov-pass', 'ok'));
    const monitor = holder(() => sim.clock.now());
    const reader = new PublishedTimesReader({ port: publishedTimesTransport(sim.timesOrigin), origin: sim.timesOrigin, monitor, spacingMs: 1 });
    expect((await reader.refreshIfDue()).outcome).toBe('read');
    const log = sim.timesRequestLog();
    expect(log[0]).toMatchObject({ status: 403 });
    expect(log[1]).toMatchObject({ path: log[0]!.path, status: 200 });
    expect(log[1]!.headers.cookie).toBe('egov-pass=ok');
    expect(electron.session.fromPartition(TIMES_PARTITION).cookies.header(sim.timesOrigin)).toBe('egov-pass=ok');
    // The warm-up page itself is not a request the simulator counts as the API's.
    expect(log.filter((e) => e.endpoint === null)).toEqual([]);
  });
});
