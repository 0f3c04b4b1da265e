// The simulator's scenarios as the CaseViews DACA Watch would hold at each story phase, built in-process from
// the simulator's records and payloads read through the real schemas. Test and script helper: no assertions.

import { parseCaseDetailBody, parseCaseStatusBody, parseDocumentsBody, type ParsedBody } from '../shared/myuscis/schemas';
import type { CaseView } from '../shared/knowledge/daca-pair';
import { caseRecordAt } from './case-state';
import { caseDetailPayload, caseStatusPayload, documentsPayload } from './payloads';
import type { CaseKey, Scenario } from './scenario-schema';
import { scenarioPhases } from './scenarios';

/** Any UTC midnight works: the scenarios place their steps relative to it. */
export const FILING_DAY = Date.UTC(2026, 4, 29);
const HOUR = 3_600_000;
/** Past the up-to-59-second jitter the simulator adds to every step. */
const SETTLE_MS = 2 * 60_000;

export interface PhaseViews {
  phase: string;
  /** Whole days after filing. */
  day: number;
  /** The phase's last step plus two minutes, as YYYY-MM-DD. */
  today: string;
  i821d: CaseView;
  i765: CaseView;
}

export function phaseViews(scenario: Scenario): PhaseViews[] {
  return scenarioPhases(scenario).map(({ phase, day, settledHours }) => {
    const now = FILING_DAY + settledHours * HOUR + SETTLE_MS;
    return {
      phase,
      day,
      today: new Date(now).toISOString().slice(0, 10),
      i821d: caseViewAt(scenario, 'i821d', now),
      i765: caseViewAt(scenario, 'i765', now),
    };
  });
}

/** What the three endpoints would serve for one case at `now`, read through the schemas; `{}` before the case exists. */
export function caseViewAt(scenario: Scenario, key: CaseKey, now: number): CaseView {
  const record = caseRecordAt(scenario, key, FILING_DAY, now);
  if (record === null) return {};
  const companion = scenario.cases[key === 'i821d' ? 'i765' : 'i821d'].receipt;
  return {
    detail: valueOf(parseCaseDetailBody(caseDetailPayload(record, scenario, companion))),
    status: valueOf(parseCaseStatusBody(caseStatusPayload(record, scenario))),
    documents: valueOf(parseDocumentsBody(documentsPayload(record))),
  };
}

function valueOf<T>(parsed: ParsedBody<T>): T {
  if (!parsed.ok) throw new Error(`The simulator served a body the schemas reject: ${parsed.reason} ${parsed.issues ?? ''}`);
  return parsed.value;
}
