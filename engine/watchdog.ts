// The watcher watches itself: a watched case with no good read for much longer than its plan allows, while the
// engine could read (signed in, online, awake, not paused), is a stall: a stuck request, a backoff that does not end,
// a flag that keeps the case off the plan. Pure: the monitor asks it at every wake and tells the user once per stall.

import type { Language, Localized } from '../shared/localized';
import type { AppState, Settings } from '../shared/monitor/state';
import { maskReceipt, type ReceiptNumber } from '../shared/receipt';
import type { DesktopNotification } from './ports';

const MINUTE = 60_000;
/** A stall is this many times the case's longest planned wait without a good read. */
export const STALL_FACTOR = 3;

/**
 * The longest a case may go unread before it is a stall: three times the longest wait the plan allows any case (the
 * settings' longer interval, twice over: a decided case's bound, and what a case off hours can wait behind its
 * likelier companion's keep-alive turns). A stall is what lasts (a stuck request, a backoff that never ends, a flag),
 * so the bound errs long: a false "cannot read" at night would teach the user to ignore the real one.
 */
export function stallLimitMs(settings: Pick<Settings, 'workHoursIntervalMinutes' | 'offHoursIntervalMinutes'>): number {
  return STALL_FACTOR * 2 * Math.max(settings.workHoursIntervalMinutes, settings.offHoursIntervalMinutes) * MINUTE;
}

/** When the case's last good read was (epoch ms): the newest of its documents, status and detail reads; null: never. */
export function lastGoodReadAt(state: AppState, receipt: string): number | null {
  const entry = state.schedule.cases[receipt];
  const times = [entry?.lastDocumentsAt, entry?.lastStatusAt, entry?.lastDetailAt].map((at) => Date.parse(at ?? '')).filter((at) => !Number.isNaN(at));
  return times.length === 0 ? null : Math.max(...times);
}

/**
 * Since when the case has stalled (epoch ms), or null. The clock runs from its last good read, or from the moment the
 * engine could read at all (`ableSince`), whichever is later: a sign-in after a week away is no stall.
 */
export function stalledSince(lastRead: number | null, ableSince: number | null, now: number, limitMs: number): number | null {
  if (ableSince === null) return null;
  const from = Math.max(lastRead ?? ableSince, ableSince);
  return now - from > limitMs ? from : null;
}

/** Why the engine thinks the case is not being read, from what it knows (the whole engine first, then the case). */
export function stallReason(state: AppState, receipt: string): Localized {
  const { backoff, blockedSince } = state.schedule;
  if (blockedSince) return { en: 'USCIS is blocking requests from this computer', es: 'USCIS está bloqueando las solicitudes desde esta computadora' };
  if (backoff) {
    const reason = REASONS[backoff.reason];
    if (reason) return reason;
  }
  const failures = state.schedule.cases[receipt]?.failures ?? 0;
  if (failures > 0) {
    return { en: `its last ${failures} requests failed`, es: `sus últimas ${failures} solicitudes fallaron` };
  }
  return { en: 'no request for it has been answered', es: 'ninguna solicitud para este caso ha tenido respuesta' };
}

const REASONS: Record<string, Localized> = {
  'rate-limited': { en: 'USCIS asked DACA Watch to slow down', es: 'USCIS pidió a DACA Watch que consulte con menos frecuencia' },
  challenged: { en: "myUSCIS's bot check keeps stopping the requests", es: 'la verificación contra robots de myUSCIS sigue deteniendo las solicitudes' },
  blocked: { en: 'USCIS is blocking requests from this computer', es: 'USCIS está bloqueando las solicitudes desde esta computadora' },
  outage: { en: 'myUSCIS seems to be down', es: 'myUSCIS parece no estar funcionando' },
  'server-error': { en: 'myUSCIS keeps answering with errors', es: 'myUSCIS sigue respondiendo con errores' },
  'network-error': { en: 'myUSCIS could not be reached', es: 'no se pudo conectar con myUSCIS' },
  timeout: { en: 'myUSCIS did not answer in time', es: 'myUSCIS no respondió a tiempo' },
};

/** What the user is told once per stall: the case, for how long, and the reason; in the language asked. */
export function stallMessage(form: string | null, maskedReceipt: string, hours: number, reason: Localized): Localized {
  const what = (lang: Language) => (form ? `${lang === 'es' ? 'su' : 'your'} ${form} (${maskedReceipt})` : maskedReceipt);
  return {
    en: `DACA Watch has not been able to read ${what('en')} for ${hours} hours (${reason.en}). It keeps trying; you can also check the case on my.uscis.gov.`,
    es: `DACA Watch no ha podido consultar ${what('es')} en ${hours} horas (${reason.es}). Lo sigue intentando; también puede revisar el caso en my.uscis.gov.`,
  };
}

export interface StallContext {
  /** Since when the engine could read at all; null while it cannot (no stall is counted then). */
  ableSince: number | null;
  now: number;
  language: Language;
}

/**
 * Marks the cases on the plan that stalled just now (`stalledSince` in `state`) and returns what to say about them now
 * (`fresh`, once per stall) and the notification of every stalled case (its key names the stall, so the ledger tells
 * it once, and holds it through quiet hours).
 */
export function watchStalls(state: AppState, receipts: readonly string[], context: StallContext): { fresh: Localized[]; notifications: DesktopNotification[] } {
  const fresh: Localized[] = [];
  const notifications: DesktopNotification[] = [];
  const { now, language } = context;
  for (const receipt of receipts) {
    const watched = state.cases.find((c) => c.receipt === receipt);
    if (!watched || watched.problem) continue;
    const hoursSince = (iso: string) => Math.floor((now - Date.parse(iso)) / 3_600_000);
    const say = (iso: string) => stallMessage(watched.formType, maskReceipt(receipt as ReceiptNumber), hoursSince(iso), stallReason(state, receipt));
    if (!watched.stalledSince) {
      const since = stalledSince(lastGoodReadAt(state, receipt), context.ableSince, now, stallLimitMs(state.settings));
      if (since === null) continue;
      watched.stalledSince = new Date(since).toISOString();
      fresh.push(say(watched.stalledSince));
    }
    const title = language === 'es' ? 'DACA Watch no puede consultar su caso' : 'DACA Watch cannot read your case';
    notifications.push({ key: `stalled:${receipt}:${watched.stalledSince}`, title, body: say(watched.stalledSince)[language], priority: 'normal' });
  }
  return { fresh, notifications };
}
