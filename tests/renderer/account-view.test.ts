// The cases the account lists, as offered: the proposed DACA pair first and pre-selected, the rest after, each once,
// and the hint for a typed receipt of another form type.

import { describe, expect, it } from 'vitest';
import { accountCaseRows, otherFormOf, preselected } from '../../renderer/lib/account-view';
import type { AccountCases } from '../../shared/myuscis/account-cases';

const listed: AccountCases = {
  readAt: '2026-06-02T15:00:00.000Z',
  cases: [
    { receipt: 'IOE0900000001', formType: 'I-131', submissionDate: '2026-05-01', concurrentReceipts: [] },
    { receipt: 'IOE0933012458', formType: 'I-765', submissionDate: '2026-05-29', concurrentReceipts: [] },
    { receipt: 'IOE0800000009', formType: 'I-821D', submissionDate: '2024-05-02', concurrentReceipts: [] },
    { receipt: 'IOE0933012457', formType: 'I-821D', submissionDate: '2026-05-29', concurrentReceipts: [] },
    { receipt: 'IOE0933012457', formType: 'I-821D', submissionDate: '2026-05-29', concurrentReceipts: [] },
  ],
};

describe('accountCaseRows', () => {
  it('puts the proposed pair first (I-821D, then I-765), then the other forms, each receipt once', () => {
    const rows = accountCaseRows(listed, ['IOE0933012458']);
    expect(rows.map((row) => [row.receipt, row.proposed, row.watched])).toEqual([
      ['IOE0933012457', true, false],
      ['IOE0933012458', true, true],
      ['IOE0800000009', false, false],
      ['IOE0900000001', false, false],
    ]);
    expect(preselected(rows)).toEqual(['IOE0933012457', 'IOE0933012458']);
  });

  it('offers nothing when the page was never read or listed nothing', () => {
    expect(accountCaseRows({ readAt: null, cases: [] }, [])).toEqual([]);
  });

  it('selects nothing when no pair can be proposed', () => {
    const single = { readAt: null, cases: [listed.cases[0]!] };
    expect(preselected(accountCaseRows(single, []))).toEqual([]);
  });
});

describe('otherFormOf', () => {
  it('names the form of a listed receipt that is not part of a DACA renewal', () => {
    expect(otherFormOf('IOE0900000001', listed)).toBe('I-131');
    expect(otherFormOf('IOE0933012457', listed)).toBeNull();
    expect(otherFormOf('IOE0999999999', listed)).toBeNull();
  });
});
