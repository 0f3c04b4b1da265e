// `npx tsx scripts/print-verdicts.ts`: the pair verdict at every phase of every simulator scenario, as a compact
// table for issue notes. Prints only; the same views are asserted in tests/shared/knowledge/daca-pair.test.ts.

import { pairVerdict, type Evidence } from '../shared/knowledge/daca-pair';
import { SCENARIOS } from '../simulator/scenarios';
import { phaseViews } from '../simulator/scenario-views';

const rows = [['scenario', 'phase', 'from day', 'verdict', 'I-821D', 'I-765', 'by inference', 'pending', 'rests on', 'headline']];
for (const scenario of SCENARIOS.values()) {
  for (const { phase, day, today, i821d, i765 } of phaseViews(scenario)) {
    const verdict = pairVerdict(i821d, i765, today);
    const [first, second, ...rest] = verdict.evidence;
    const restsOn = [first, second].filter((item) => item !== undefined).map(brief);
    rows.push([
      scenario.name,
      phase,
      String(day),
      verdict.kind,
      verdict.stages.i821d,
      verdict.stages.i765,
      verdict.i821dApprovedByInference ? 'yes' : '',
      verdict.pending === undefined ? '' : `${verdict.pending.days}d${verdict.pending.canInquire ? ' (may inquire)' : ''}`,
      restsOn.join('; ') + (rest.length > 0 ? `; +${rest.length}` : ''),
      verdict.headline.en,
    ]);
  }
}

/** `title I-765 “Case Was Approved”`, `code I-765 SA (community)`, `inference I-821D: the I-765’s approval: USCIS…`. */
function brief({ kind, form, what, confidence }: Evidence): string {
  const reasoning = what.en.length > 48 ? `${what.en.slice(0, 47)}…` : what.en;
  const shown = kind === 'inference' ? `: ${reasoning}` : kind === 'code' || kind === 'flag' ? ` ${what.en}` : ` “${what.en}”`;
  return `${kind} ${form}${shown}${confidence === 'official' || confidence === 'inferred' ? '' : ` (${confidence})`}`;
}

const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
console.log([line(rows[0]!), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n'));
