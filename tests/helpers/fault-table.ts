// The reliability suites' table: one row per fault, what was on disk before and readable after, and what the user
// was told. Each suite prints its own table under its own heading, in this one format.

export interface FaultRow {
  fault: string;
  /** What the row counts, on disk before the fault and readable after it (the suite's heading names it). */
  before: number;
  after: number;
  told: string;
}

/** The table as printed: `| fault | before | after | lost |`, then what the user was told for each row. */
export function faultTable(heading: string, rows: readonly FaultRow[]): string {
  const widths = [44, 8, 8, 6];
  const line = (cells: string[]) => `| ${cells.map((cell, i) => cell.padEnd(widths[i] ?? 0)).join(' | ')} |`;
  const table = [
    line(['fault', 'before', 'after', 'lost']),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map((row) => line([row.fault, String(row.before), String(row.after), String(Math.max(0, row.before - row.after))])),
    '',
    'What the user was told:',
    ...rows.map((row) => `- ${row.fault}: ${row.told}`),
  ].join('\n');
  return `\n${heading}\n${table}\n`;
}
