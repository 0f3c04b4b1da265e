// What the dashboard is sent: the engine's state and activity in the shape of the IPC contract's
// DashboardState. Plain TypeScript (no `electron` import); it reads the engine and changes nothing.

import type { Monitor } from '../engine/monitor';
import { stallReason } from '../engine/watchdog';
import { DashboardStateSchema, type DashboardState, type ShellState } from '../shared/ipc/contract';

/** `shell`: what the desktop shell could not do (app/shell-notices.ts); absent in the preview. */
export function dashboardStateOf(monitor: Monitor, demo: boolean, shell?: ShellState): DashboardState {
  const state = monitor.snapshot;
  const schedule = state.schedule;
  const caseTimes = Object.values(schedule.cases);
  const latest = (values: Array<string | null>) => values.filter((v): v is string => v !== null).sort().at(-1) ?? null;
  return DashboardStateSchema.parse({
    session: { state: state.session.state, since: state.session.since },
    activity: monitor.activity(),
    lastCheckAt: latest(caseTimes.map((c) => c.lastCheckAt)),
    nextCheckAt: nextCheckAt(monitor),
    backoff: schedule.backoff ? { until: schedule.backoff.until, reason: schedule.backoff.reason } : null,
    pausedUntil: schedule.pausedUntil,
    cases: state.cases.map(({ receipt, formType, problem, stalledSince, readAt }) => {
      const own = schedule.cases[receipt];
      const failing = own && own.failures > 0 && own.retryAt !== null ? { failures: own.failures, retryAt: own.retryAt } : null;
      const stalled = stalledSince ? { since: stalledSince, reason: stallReason(state, receipt) } : null;
      return { receipt, formType, problem, failing, stalled, readAt: readAt ?? null };
    }),
    snapshots: state.snapshots,
    history: state.history,
    settings: state.settings,
    lastSeenAt: state.lastSeenAt,
    accountCases: state.accountCases,
    saveProblem: monitor.saveProblem(),
    ...(shell ? { shell } : {}),
    demo,
    now: new Date(monitor.now()).toISOString(),
  });
}

/** When the engine next asks USCIS, while it is watching. */
function nextCheckAt(monitor: Monitor): string | null {
  if (monitor.activity() !== 'watching') return null;
  const at = monitor.nextWakeAt();
  return at === null ? null : new Date(at).toISOString();
}
