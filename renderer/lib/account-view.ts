// The cases the account's applicant page listed, as the dashboard offers them: the proposed DACA pair first and
// pre-selected, then the rest, newest first. Pure (reads the state's accountCases); no wording, no API calls.

import type { AccountCase, AccountCases } from '../../shared/myuscis/account-cases';
import { proposePair } from '../../shared/knowledge/account-pair';

export interface AccountCaseRow extends AccountCase {
  /** Part of the proposed DACA pair (selected at first). */
  proposed: boolean;
  /** Already watched. */
  watched: boolean;
}

/** The rows to offer; empty when the page listed nothing (or was never read). */
export function accountCaseRows(accountCases: AccountCases, watchedReceipts: readonly string[]): AccountCaseRow[] {
  const pair = proposePair(accountCases.cases);
  const proposed = new Set(pair === null ? [] : [pair.i821d.receipt, pair.i765.receipt]);
  const seen = new Set<string>();
  return accountCases.cases
    .filter((listed) => !seen.has(listed.receipt) && seen.add(listed.receipt))
    .map((listed): AccountCaseRow => ({ ...listed, proposed: proposed.has(listed.receipt), watched: watchedReceipts.includes(listed.receipt) }))
    .sort((a, b) =>
      Number(b.proposed) - Number(a.proposed)
      || formRank(a) - formRank(b)
      || (b.submissionDate ?? '').localeCompare(a.submissionDate ?? '')
      || a.receipt.localeCompare(b.receipt));
}

/** The I-821D before the I-765 before any other form. */
function formRank(listed: AccountCase): number {
  const form = (listed.formType ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');
  return form === 'I821D' ? 0 : form === 'I765' ? 1 : 2;
}

/** The receipts selected at first: the proposed pair, else none (the user picks). */
export function preselected(rows: readonly AccountCaseRow[]): string[] {
  return rows.filter((row) => row.proposed).map((row) => row.receipt);
}

/** The form USCIS lists for a typed receipt, when the account lists it and it is not part of a DACA renewal. */
export function otherFormOf(receipt: string, accountCases: AccountCases): string | null {
  const listed = accountCases.cases.find((candidate) => candidate.receipt === receipt);
  return listed?.formType != null && formRank(listed) === 2 ? listed.formType : null;
}
