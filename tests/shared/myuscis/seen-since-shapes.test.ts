// Shapes from users' reports (MYUSCIS.md "Seen since"): receipt_info flat, a field office as jurisdiction, the DACA
// formName, the biometrics notice, trimmed events and notices. The lenient schemas read them all.

import { describe, expect, it } from 'vitest';
import { parseCaseDetailBody, parseCaseStatusBody, parseReceiptInfoBody } from '../../../shared/myuscis/schemas';

describe('shapes seen since', () => {
  it('reads receipt_info flat ({data: {form, location, subtype}})', () => {
    expect(parseReceiptInfoBody({ data: { form: 'I-765', location: 'SCD', subtype: '147-C9' } })).toEqual({ ok: true, value: { form: 'I-765', location: 'SCD', subtype: '147-C9' } });
  });

  it('reads a field office as jurisdictionDescription, and H016 with "Your Case Was Terminated (Denial)"', () => {
    const read = parseCaseStatusBody({ data: { receiptNumber: 'IOE0912345678', currentActionCode: 'H016', statusTitle: 'Your Case Was Terminated (Denial)', jurisdiction: 'CLT', jurisdictionDescription: 'CHARLOTTE, NC', historicalCaseStatuses: [] } });
    expect(read.ok && read.value).toMatchObject({ currentActionCode: 'H016', jurisdictionDescription: 'CHARLOTTE, NC' });
  });

  it('reads a DACA formName, an "Appointment Scheduled" notice without ids and events trimmed to {eventCode, createdAt}', () => {
    const read = parseCaseDetailBody({
      data: {
        receiptNumber: 'IOE0912345678',
        formType: 'I-821D',
        formName: 'Consideration of Deferred Action for Childhood Arrivals (DACA)',
        notices: [{ actionType: 'Appointment Scheduled', generationDate: '2026-02-01T10:00:00Z', appointmentDateTime: '2026-02-20T14:00:00Z' }],
        events: [{ eventCode: 'FTA0', createdAt: '2026-02-13' }, { eventCode: 'FTA0', createdAt: '2026-02-15' }],
      },
    });
    if (!read.ok) throw new Error(read.reason);
    expect(read.value.formName).toMatch(/Childhood Arrivals \(DACA\)$/);
    expect(read.value.notices).toEqual([{ actionType: 'Appointment Scheduled', generationDate: '2026-02-01T10:00:00.000Z', appointmentDateTime: '2026-02-20T14:00:00.000Z' }]);
    expect(read.value.events).toEqual([{ eventCode: 'FTA0', createdAt: '2026-02-13' }, { eventCode: 'FTA0', createdAt: '2026-02-15' }]);
  });
});
