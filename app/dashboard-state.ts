// What the dashboard is sent: the engine's state and activity in the shape of the IPC contract's
// DashboardState. Plain TypeScript (no `electron` import); it reads the engine and changes nothing.

import type { Monitor } from '../engine/monitor';
import { stallReason } from '../engine/watchdog';
import { DashboardStateSchema, type DashboardState, type ForecastView, type ShellState } from '../shared/ipc/contract';
import { dayInZone } from '../shared/knowledge/calendar-days';
import { filingAdvice, forecastWords, storedForecasts, workGapRisk } from '../shared/knowledge/processing-forecast';
import { publishedFigures, storedFigures } from '../shared/knowledge/stored-figures';
import { storedWorkAnswer } from '../shared/knowledge/work-answer';
import { PUBLISHED_FORMS, type AppState } from '../shared/monitor/state';

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
    forecast: forecastViewOf(state, dayInZone(monitor.now())),
    now: new Date(monitor.now()).toISOString(),
  });
}

/** When the engine next asks USCIS, while it is watching. */
function nextCheckAt(monitor: Monitor): string | null {
  if (monitor.activity() !== 'watching') return null;
  const at = monitor.nextWakeAt();
  return at === null ? null : new Date(at).toISOString();
}

/**
 * USCIS's published times as the dashboard shows them, on the user's day `today`: each form's figure facts and each
 * case's forecast words. Filing advice only before any case is filed (a filed case has its own window), from the
 * I-821D's figure, or the I-765's when the I-821D has none: the work permit is decided only after the I-821D.
 */
export function forecastViewOf(state: Readonly<AppState>, today: string, timeZone?: string): ForecastView {
  const figures = storedFigures(state);
  const cases = storedForecasts(state, publishedFigures(state), today, timeZone);
  const forecasts = cases.map((entry) => entry.forecast);
  const expiry = state.settings.permitExpiry;
  const figure = figures['I-821D'].figure ?? figures['I-765'].figure;
  return {
    gapRisk: workGapRisk(storedWorkAnswer(state, today, timeZone), forecasts),
    forms: PUBLISHED_FORMS.map((form) => {
      const { status, basis, figure: own, readAt } = figures[form];
      return { form, status, basis, publicationDate: own?.publicationDate ?? null, readAt };
    }),
    cases: cases.map(({ receipt, forecast }) => {
      const words = forecastWords(forecast);
      return {
        receipt,
        form: forecast.form as (typeof PUBLISHED_FORMS)[number],
        gapRisk: forecast.gapRisk,
        window: forecast.window,
        inquiryReceivedBefore: forecast.inquiry.receivedBefore,
        canAskNow: forecast.inquiry.canAskNow,
        ...words,
      };
    }),
    filing: cases.length === 0 && expiry !== null ? (filingAdvice(expiry, today, figure)?.text ?? null) : null,
  };
}
