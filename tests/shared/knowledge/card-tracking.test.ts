// The card until it is in hand: the USPS tracking number read from USCIS's status text in its many written shapes
// (and never a receipt, a date or a phone number), the card's stage, the "late" rule at its boundary, and the advice
// for a late or returned card in both languages.

import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/knowledge/calendar-days';
import {
  CARD_ASK_USCIS_AFTER_DAYS,
  CARD_LATE_AFTER_DAYS,
  CARD_PAGES,
  cardTracking,
  findTrackingNumber,
  formatTrackingNumber,
  isUspsTrackingNumber,
  uspsTrackingUrl,
  watchedForCard,
} from '../../../shared/knowledge/card-tracking';
import type { CaseView } from '../../../shared/knowledge/case-reading';
import { readCase } from '../../../shared/knowledge/case-reading';
import { CaseStatusSchema } from '../../../shared/myuscis/schemas';
import { isSafeExternalUrl } from '../../../shared/security/navigation';

const NUMBER = '9205590164917312345678';

describe('the tracking number in a status text', () => {
  it.each([
    ['USCIS’s sentence', `On December 1, 2026, we mailed your new card for Receipt Number IOE0912345678. The tracking number assigned is ${NUMBER}. You can use your tracking number at www.USPS.com.`, NUMBER],
    ['spaced in fours', 'Your tracking number is 9405 5036 9930 0123 4567 89.', '9405503699300123456789'],
    ['Spanish, seguimiento', 'El número de seguimiento asignado es 9400 1000 0000 0000 0000 00. Puede usarlo en www.USPS.com.', '9400100000000000000000'],
    ['Spanish, rastreo', 'Puede seguir el envío con el número de rastreo 9361289877001234567890.', '9361289877001234567890'],
    ['hyphens', 'Tracking: 9361-2898-7700-1234-5678-90', '9361289877001234567890'],
    ['no-break spaces', 'tracking number is 9205\u00A05901\u00A06491\u00A07312\u00A03456\u00A078', NUMBER],
    ['20 digits (a certified label)', 'The tracking number assigned is 70191640000123456789.', '70191640000123456789'],
    ['an S10 label', 'Tracking number: EA123456789US.', 'EA123456789US'],
    ['an S10 label, spaced and in lower case', 'tracking number ea 123 456 789 us', 'EA123456789US'],
    ['with its routing prefix and ZIP code', `Barcode 420 94107 ${formatTrackingNumber(NUMBER)}`, NUMBER],
    ['with a 9-digit ZIP routing prefix, unspaced', `420941071234${NUMBER}`, NUMBER],
    ['after a year on the same line', `Mailed on December 1, 2026 ${formatTrackingNumber(NUMBER)}`, NUMBER],
    ['inside USPS’s link', `https://tools.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}`, NUMBER],
    ['inside USCIS’s raw HTML', `<p>The tracking number assigned is <b>${NUMBER}</b>.</p>`, NUMBER],
    ['after the receipt number it follows', `Receipt Number IOE0912345678 ${NUMBER}`, NUMBER],
    ['the first of two', `tracking ${NUMBER}, earlier label 9400100000000000000000`, NUMBER],
  ])('%s', (_, text, expected) => {
    expect(findTrackingNumber(text)).toBe(expected);
  });

  it.each([
    ['a receipt number', 'Receipt Number IOE0912345678'],
    ['two receipt numbers side by side', 'IOE0912345678 IOE0912345679 IOE0912345680'],
    ['a spaced receipt number', 'IOE 0912345678'],
    ['another office’s receipt', 'EAC2190012345 and SRC2190012345'],
    ['dates', 'On 12/07/2026, 2026-12-07 and 07-18-2026 00:00:00 we mailed your card.'],
    ['a phone number', 'Call 1-800-375-5283 or 800 375 5283.'],
    ['19 digits', 'tracking number 9205590164917312345'],
    ['23 digits in one run', 'tracking number 92055901649173123456789'],
    ['digits glued to letters', `A${NUMBER} and ${NUMBER}B`],
    ['an S10 label of another post', 'tracking number EA123456789CN'],
    ['the status text of a card with no number', 'On December 1, 2026, we mailed your new card. If you move, go to www.uscis.gov/addresschange.'],
    ['nothing', ''],
  ])('finds nothing in %s', (_, text) => {
    expect(findTrackingNumber(text)).toBeNull();
  });

  it('reads no text at all as no number', () => {
    expect(findTrackingNumber(undefined)).toBeNull();
  });

  it('tells the shapes apart', () => {
    expect([NUMBER, '70191640000123456789', 'EA123456789US'].every(isUspsTrackingNumber)).toBe(true);
    expect(['IOE0912345678', '9205 5901 6491 7312 3456 78', '123', `${NUMBER}0`, 'EA123456789CN', ''].some(isUspsTrackingNumber)).toBe(false);
  });

  it('shows a number in groups of four, an S10 label as it is', () => {
    expect(formatTrackingNumber(NUMBER)).toBe('9205 5901 6491 7312 3456 78');
    expect(formatTrackingNumber('EA123456789US')).toBe('EA123456789US');
  });

  it('hides all but the last four characters when receipts are hidden for screenshots', () => {
    expect(formatTrackingNumber(NUMBER, true)).toBe('•••• •••• •••• •••• ••56 78');
    expect(formatTrackingNumber('EA123456789US', true)).toBe('•••••••••89US');
  });

  it('links USPS’s tracking page for the number, which the external-link rule opens', () => {
    const url = uspsTrackingUrl(NUMBER);
    expect(url).toBe(`https://tools.usps.com/go/TrackConfirmAction?tLabels=${NUMBER}`);
    expect(isSafeExternalUrl(url)).toBe(true);
    expect(isSafeExternalUrl(uspsTrackingUrl('EA123456789US'))).toBe(true);
    expect(() => uspsTrackingUrl('IOE0912345678')).toThrow(RangeError);
  });
});

/** A status as USCIS serves it (raw HTML text), parsed by the real schema. */
function status(fields: { code: string; date: string; title: string; titleEs?: string; text?: string; textEs?: string; history?: Array<{ date: string; actionCode: string; statusTitle: string }> }): CaseView['status'] {
  return CaseStatusSchema.parse({
    currentActionCode: fields.code,
    currentActionCodeDate: fields.date,
    statusTitle: fields.title,
    statusTitleSpanish: fields.titleEs,
    statusText: fields.text,
    statusTextSpanish: fields.textEs,
    historicalCaseStatuses: fields.history ?? [],
  });
}

const MAILED_TEXT = `On December 1, 2026, we mailed your new card for Receipt Number IOE0912345678 to the address you gave us. The tracking number assigned is ${NUMBER}.`;

/** The view and the stage the knowledge base reads from it (the same reader the dashboard uses). */
function read(view: CaseView) {
  return { view, stage: readCase('I-765', view, {}).stage };
}

const mailed = read({ status: status({ code: 'LEA', date: '2026-12-01T00:00:00.000Z', title: 'Card Was Mailed To Me', text: MAILED_TEXT }) });

describe('the card’s stage', () => {
  it('mailed: since which day, how long ago, the number and its link, still watched', () => {
    const card = cardTracking(mailed.view, mailed.stage, '2026-12-04')!;
    expect(card).toMatchObject({ step: 'mailed', late: false, mailedOn: '2026-12-01', daysSinceMailed: 3, trackingNumber: NUMBER, trackingUrl: uspsTrackingUrl(NUMBER), watched: true, advice: [], links: [] });
    expect(card.headline.en).toContain('December 1, 2026, 3 days ago');
    expect(card.headline.es).toContain('1 de diciembre de 2026, hace 3 días');
  });

  it(`is late only after ${CARD_LATE_AFTER_DAYS} days without a delivery, and then says what to do`, () => {
    const onTime = cardTracking(mailed.view, mailed.stage, addDays('2026-12-01', CARD_LATE_AFTER_DAYS))!;
    const late = cardTracking(mailed.view, mailed.stage, addDays('2026-12-01', CARD_LATE_AFTER_DAYS + 1))!;
    expect(onTime.late).toBe(false);
    expect(late.late).toBe(true);
    expect(late.watched).toBe(true);
    const askBy = addDays('2026-12-01', CARD_ASK_USCIS_AFTER_DAYS);
    expect(askBy).toBe('2026-12-31');
    expect(late.advice.map((a) => a.en).join(' ')).toMatch(/tracking number on USPS’s site.*December 31, 2026.*USCIS Contact Center.*DACA Watch’s advice, not a USCIS rule/s);
    expect(late.advice.map((a) => a.es).join(' ')).toMatch(/número de rastreo en el sitio de USPS.*31 de diciembre de 2026.*Centro de Contacto de USCIS.*consejo de DACA Watch, no una regla de USCIS/s);
    expect(late.links.map((link) => link.url)).toEqual([CARD_PAGES.contactCenter, CARD_PAGES.addressChange]);
    expect(late.links.every((link) => isSafeExternalUrl(link.url))).toBe(true);
  });

  it(`from day ${CARD_ASK_USCIS_AFTER_DAYS} after mailing, says to contact USCIS now rather than by a day already past`, () => {
    const before = cardTracking(mailed.view, mailed.stage, addDays('2026-12-01', CARD_ASK_USCIS_AFTER_DAYS - 1))!;
    const now = cardTracking(mailed.view, mailed.stage, addDays('2026-12-01', CARD_ASK_USCIS_AFTER_DAYS))!;
    expect(before.advice[1]!.en).toContain('If the card has not arrived 30 days after it was mailed (December 31, 2026)');
    expect(now.advice[1]!.en).toBe('It has been 30 days since the card was mailed: contact the USCIS Contact Center now and check the mailing address USCIS has for you.');
    expect(now.advice[1]!.es).toContain('Han pasado 30 días desde el envío de la tarjeta: comuníquese ahora con el Centro de Contacto de USCIS');
  });

  it('late without a number: the post office instead of a tracking page', () => {
    const bare = read({ status: status({ code: 'LEA', date: '2026-12-01T00:00:00.000Z', title: 'Card Was Mailed To Me', text: 'On December 1, 2026, we mailed your new card.' }) });
    const card = cardTracking(bare.view, bare.stage, '2026-12-20')!;
    expect(card).toMatchObject({ late: true, trackingNumber: null, trackingUrl: null });
    expect(card.advice[0]!.en).toContain('post office');
    expect(card.advice[0]!.es).toContain('oficina de correos');
  });

  it('picked up by the Postal Service: the mailing day from the earlier LEA in the history, the number from the Spanish text alone', () => {
    const picked = read({
      status: status({
        code: 'LEE', date: '2026-12-02T00:00:00.000Z',
        title: 'Card Was Picked Up By The United States Postal Service',
        titleEs: 'El Servicio Postal de los Estados Unidos Recogió la Tarjeta',
        textEs: 'El 2 de diciembre de 2026, la oficina de correos recogió su tarjeta. Su número de seguimiento es 9405 5036 9930 0123 4567 89.',
        history: [{ date: '12-01-2026 00:00:00', actionCode: 'LEA', statusTitle: 'Card Was Mailed To Me' }],
      }),
    });
    expect(picked.stage).toBe('card-mailed');
    expect(cardTracking(picked.view, picked.stage, '2026-12-03')).toMatchObject({ step: 'picked-up', mailedOn: '2026-12-01', daysSinceMailed: 2, trackingNumber: '9405503699300123456789', watched: true });
  });

  it('delivered: no longer watched for the card, never late, however long ago it was mailed', () => {
    const delivered = read({
      detail: { events: [{ eventCode: 'LEA', eventTimestamp: '2026-12-01T02:15:00.000Z' }, { eventCode: 'LED', eventTimestamp: '2026-12-30T19:00:00.000Z' }] } as CaseView['detail'],
      status: status({ code: 'LED', date: '2026-12-30T00:00:00.000Z', title: 'Card Was Delivered To Me By The Post Office', text: `The Post Office delivered your new card. The tracking number assigned is ${NUMBER}.` }),
    });
    const card = cardTracking(delivered.view, delivered.stage, '2027-01-02')!;
    expect(card).toMatchObject({ step: 'delivered', late: false, watched: false, mailedOn: '2026-12-01', trackingNumber: NUMBER, advice: [] });
    expect(watchedForCard(delivered.stage)).toBe(false);
  });

  it('returned to USCIS: contact USCIS and check the address, in both languages, with USCIS’s two pages', () => {
    const returned = read({ status: status({ code: 'LFA', date: '2026-12-08T00:00:00.000Z', title: 'Card Was Returned To USCIS', text: 'The Post Office returned your new card to us because it could not be delivered.' }) });
    const card = cardTracking(returned.view, returned.stage, '2026-12-09')!;
    expect(card).toMatchObject({ step: 'returned', late: false, watched: false, trackingNumber: null });
    expect(card.advice.map((a) => a.en).join(' ')).toMatch(/USCIS Contact Center.*address USCIS has/s);
    expect(card.advice.map((a) => a.es).join(' ')).toMatch(/Centro de Contacto de USCIS.*dirección postal que USCIS tiene/s);
    expect(card.links.map((link) => link.url)).toEqual(['https://www.uscis.gov/contactcenter', 'https://www.uscis.gov/addresschange']);
  });

  it('has nothing to say before the card is mailed', () => {
    expect(cardTracking({}, 'unknown', '2026-12-01')).toBeNull();
    expect(cardTracking({}, 'approved', '2026-12-01')).toBeNull();
    expect(cardTracking({}, 'card-produced', '2026-12-01')).toBeNull();
    expect(watchedForCard('card-produced')).toBe(false);
    expect(watchedForCard(mailed.stage)).toBe(true);
  });

  it('says every sentence in both languages, never the same words twice', () => {
    const texts = [
      cardTracking(mailed.view, mailed.stage, '2026-12-02')!,
      cardTracking(mailed.view, mailed.stage, '2026-12-30')!,
    ].flatMap((card) => [card.headline, ...card.advice, ...card.links.map((link) => link.name)]);
    for (const text of texts) {
      expect(text.en.length).toBeGreaterThan(10);
      expect(text.es).not.toBe(text.en);
    }
  });
});
