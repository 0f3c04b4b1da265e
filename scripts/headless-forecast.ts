// The runner's "will it be decided in time?" report: one `work` line and one `forecast` line per case with a published
// time (--json), or the same in words (EN/ES). Built from the stored state only (the published times the engine keeps),
// so it makes no request of its own. Printing only; the rules are shared/knowledge/processing-forecast.ts.

import type { AppState } from '../shared/monitor/state';
import { dayInZone } from '../shared/knowledge/calendar-days';
import { countDays, formatCivilDay } from '../shared/knowledge/renewal-calendar';
import { forecastWords, storedForecastLines, storedForecasts, type ForecastLine, type GapRisk, type WorkLine, type WorkStatus } from '../shared/knowledge/processing-forecast';
import { publishedFigures } from '../shared/knowledge/stored-figures';
import type { Language, Localized } from '../shared/localized';
import { maskReceipt, type ReceiptNumber } from '../shared/receipt';

export interface ForecastReport {
  work: WorkLine;
  forecasts: ForecastLine[];
}

/** The report's JSON lines' fields, receipts in full (as every other JSON kind prints them). */
export function forecastReport(state: Readonly<AppState>, now: number, timeZone?: string): ForecastReport {
  return storedForecastLines(state, publishedFigures(state), dayInZone(now, timeZone), timeZone, (receipt) => receipt);
}

/**
 * What makes a watch tell the report again: the published figures, the windows, the inquiry, the status and the risk;
 * not the days left, which change every day.
 */
export function forecastKey(report: ForecastReport): string {
  const { daysLeft: _daysLeft, ...work } = report.work;
  return JSON.stringify({ work, forecasts: report.forecasts });
}

export function forecastJsonLines(report: ForecastReport): string[] {
  return [JSON.stringify({ kind: 'work', ...report.work }), ...report.forecasts.map((line) => JSON.stringify({ kind: 'forecast', ...line }))];
}

const STATUS_WORDS: Record<WorkStatus, Localized> = {
  valid: { en: 'valid', es: 'vigente' },
  'expires-soon': { en: 'expires soon', es: 'vence pronto' },
  expired: { en: 'expired', es: 'vencido' },
  renewed: { en: 'renewed', es: 'renovado' },
  unknown: { en: 'expiry not entered', es: 'sin fecha de vencimiento' },
};

const RISK_WORDS: Record<GapRisk, Localized> = {
  none: { en: 'none by USCIS’s published times', es: 'ninguno según los tiempos publicados por USCIS' },
  possible: { en: 'possible', es: 'posible' },
  likely: { en: 'likely', es: 'probable' },
  'gap-now': { en: 'a gap has begun: you cannot work until the renewal is approved and you have the new card', es: 'ya empezó: no puede trabajar hasta que aprueben la renovación y tenga la nueva tarjeta' },
  unknown: { en: 'unknown (no published time to compare with)', es: 'desconocido (no hay un tiempo publicado con el que comparar)' },
};

/** The same report in words: the work line, then each case's published window, inquiry, risk and, when urgent, the steps. */
export function forecastTextLines(state: Readonly<AppState>, now: number, lang: Language, timeZone?: string): string[] {
  const { work } = forecastReport(state, now, timeZone);
  const say = (text: Localized) => text[lang];
  const risk: Localized =
    work.gapRisk === 'unknown' && work.permitExpiry === null
      ? { en: 'unknown until you enter your work permit’s expiry date (--permit-expiry)', es: 'desconocido hasta que escriba la fecha de vencimiento de su permiso de trabajo (--permit-expiry)' }
      : RISK_WORDS[work.gapRisk];
  // The days in the tense of the day: never "0 days left" on the expiry day (its last valid day) or a negative count.
  const days = (left: number): string =>
    left > 0
      ? lang === 'en' ? `, ${countDays(left, lang)} left` : `, quedan ${countDays(left, lang)}`
      : left === 0
        ? lang === 'en' ? ', today is its last valid day' : ', hoy es su último día de validez'
        : lang === 'en' ? `, ${countDays(-left, lang)} ago` : `, hace ${countDays(-left, lang)}`;
  const expiry = work.permitExpiry === null ? '' : ` (${formatCivilDay(work.permitExpiry, lang)}${work.daysLeft === null ? '' : days(work.daysLeft)})`;
  const lines = [
    say({ en: 'Will it be decided in time? (USCIS’s published processing times)', es: '¿Se decidirá a tiempo? (tiempos de trámite publicados por USCIS)' }),
    say({
      en: `  Work permit: ${STATUS_WORDS[work.status].en}${expiry}. Risk of a stretch without permission to work: ${risk.en}.`,
      es: `  Permiso de trabajo: ${STATUS_WORDS[work.status].es}${expiry}. Riesgo de un periodo sin permiso para trabajar: ${risk.es}.`,
    }),
  ];
  const today = dayInZone(now, timeZone);
  const cases = storedForecasts(state, publishedFigures(state), today, timeZone).filter(({ forecast }) => forecast.figure !== null);
  if (cases.length === 0) {
    lines.push(say({ en: '  No published processing time has been read for your cases yet.', es: '  Todavía no se ha leído un tiempo de trámite publicado para sus casos.' }));
  }
  for (const { receipt, forecast } of cases) {
    const words = forecastWords(forecast);
    lines.push(`  ${forecast.form} (${maskReceipt(receipt as ReceiptNumber)}):`);
    for (const text of [words.published, words.inquiry, words.risk]) if (text !== null) lines.push(`    ${say(text)}`);
    for (const step of words.steps) lines.push(`    - ${say(step.text)}${step.link === null ? '' : ` ${step.link}`}`);
  }
  return lines;
}
