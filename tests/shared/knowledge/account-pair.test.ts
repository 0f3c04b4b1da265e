import { describe, expect, it } from 'vitest';
import { proposePair } from '../../../shared/knowledge/account-pair';
import type { AccountCase } from '../../../shared/myuscis/account-cases';

const c = (receipt: string, formType: string | null, submissionDate: string | null, concurrentReceipts: string[] = []): AccountCase => ({
  receipt,
  formType,
  submissionDate,
  concurrentReceipts,
});

describe('proposePair', () => {
  it('pairs the I-821D with the I-765 USCIS lists as its companion, whatever the dates', () => {
    const pair = proposePair([
      c('IOE0000000001', 'I-765', '2026-05-29'),
      c('IOE0000000002', 'I-821D', '2026-05-01', ['IOE0000000003']),
      c('IOE0000000003', 'I-765', '2026-04-01'),
    ]);
    expect(pair?.i821d.receipt).toBe('IOE0000000002');
    expect(pair?.i765.receipt).toBe('IOE0000000003');
    expect(pair?.because).toBe('listed-together');
  });

  it('pairs by the filing date when nothing is listed, the newest renewal first', () => {
    const pair = proposePair([
      c('IOE0000000010', 'I-821D', '2024-05-02'),
      c('IOE0000000011', 'I-765', '2024-05-02'),
      c('IOE0000000020', 'i821d', '2026-05-29'),
      c('IOE0000000021', 'I765', '2026-05-30'),
      c('IOE0000000022', 'I-765', '2026-05-29'),
    ]);
    expect(pair).toMatchObject({ i821d: { receipt: 'IOE0000000020' }, i765: { receipt: 'IOE0000000022' }, because: 'filed-same-day' });
  });

  it('takes an I-765 filed a few days apart, but not one filed months apart, and proposes nothing without both forms', () => {
    expect(proposePair([c('IOE0000000030', 'I-821D', '2026-05-29'), c('IOE0000000031', 'I-765', '2026-06-03')])?.because).toBe('filed-close-together');
    expect(proposePair([c('IOE0000000030', 'I-821D', '2026-05-29'), c('IOE0000000031', 'I-765', '2026-09-03')])).toBeNull();
    expect(proposePair([c('IOE0000000030', 'I-821D', '2026-05-29')])).toBeNull();
    expect(proposePair([c('IOE0000000031', 'I-765', '2026-05-29'), c('IOE0000000032', 'I-131', '2026-05-29')])).toBeNull();
    expect(proposePair([])).toBeNull();
  });
});
