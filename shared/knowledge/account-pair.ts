// Proposes the DACA pair (an I-821D and the I-765 filed with it) from the cases the account lists.
// Pure: it only reads the list; the user still confirms (or types receipts) before anything is watched.

import type { AccountCase } from '../myuscis/account-cases';
import { daysBetween } from './calendar-days';

export interface ProposedPair {
  i821d: AccountCase;
  i765: AccountCase;
  /** Why these two go together, strongest reason first. */
  because: 'listed-together' | 'filed-same-day' | 'filed-close-together';
}

/** An I-765 filed more than this many days apart from the I-821D is not proposed as its companion. */
const MAX_DAYS_APART = 14;

const formOf = (value: string | null) => (value ?? '').toUpperCase().replace(/[^A-Z0-9]/g, '');

/**
 * The newest I-821D and the I-765 that goes with it: one USCIS lists as its companion, else one filed
 * the same day, else the closest filed within two weeks. Null when the account has no such pair.
 */
export function proposePair(cases: readonly AccountCase[]): ProposedPair | null {
  const byNewest = (a: AccountCase, b: AccountCase) => (b.submissionDate ?? '').localeCompare(a.submissionDate ?? '') || b.receipt.localeCompare(a.receipt);
  const deferredAction = cases.filter((c) => formOf(c.formType) === 'I821D').sort(byNewest);
  const workPermits = cases.filter((c) => formOf(c.formType) === 'I765');
  for (const i821d of deferredAction) {
    const listed = workPermits.find((c) => i821d.concurrentReceipts.includes(c.receipt) || c.concurrentReceipts.includes(i821d.receipt));
    if (listed) return { i821d, i765: listed, because: 'listed-together' };
    if (i821d.submissionDate === null) continue;
    const dated = workPermits
      .filter((c) => c.submissionDate !== null)
      .map((c) => ({ c, apart: Math.abs(daysBetween(i821d.submissionDate!, c.submissionDate!)) }))
      .filter(({ apart }) => apart <= MAX_DAYS_APART)
      .sort((a, b) => a.apart - b.apart || byNewest(a.c, b.c));
    const closest = dated[0];
    if (closest) return { i821d, i765: closest.c, because: closest.apart === 0 ? 'filed-same-day' : 'filed-close-together' };
  }
  return null;
}
