// The applicant page's CaseCardsApp case list (MYUSCIS.md, "The applicant page lists the account's cases"): read
// from that script element only, as text, whatever the markup's quoting, escaping or neighbours; garbage is said so.

import { describe, expect, it } from 'vitest';
import { readCaseCards } from '../../../shared/myuscis/case-cards';

const I821D = 'IOE0933131201';
const I765 = 'IOE0933131202';
const OLD = 'IOE0911111111';

/** Two case-detail-shaped cards, the I-765 listed as a full object under the I-821D (as one tracker saw). */
const CARDS = {
  cases: [
    {
      receiptNumber: I821D, formType: 'I-821D', formName: 'Consideration of Deferred Action for Childhood Arrivals',
      submissionDate: '2026-05-29', isPremiumProcessing: false, elisChannelType: 'EFile', events: [{ eventCode: 'IAF' }],
      concurrentCases: [{ receiptNumber: I765, formType: 'I-765', submissionDate: '2026-05-29', concurrentCases: [I821D], isPremiumProcessing: false }],
    },
    { receiptNumber: OLD, formType: 'I-765', submissionDate: '2024-05-01T00:00:00.000Z', concurrentCases: 'not a list', isPremiumProcessing: 'no' },
  ],
};

const EXPECTED = [
  { receipt: I821D, formType: 'I-821D', submissionDate: '2026-05-29', concurrentReceipts: [I765] },
  { receipt: I765, formType: 'I-765', submissionDate: '2026-05-29', concurrentReceipts: [I821D] },
  { receipt: OLD, formType: 'I-765', submissionDate: '2024-05-01', concurrentReceipts: [] },
];

/** react_on_rails writes `<`, `>` and `&` in the JSON as unicode escapes. */
const asRails = (json: unknown) => JSON.stringify(json).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
const page = (scripts: string) => `<!doctype html><html><head><script src="https://x.token.awswaf.com/challenge.js"></script></head><body><h1>Welcome</h1>${scripts}<div id="CaseCardsApp-react-component-0"></div></body></html>`;

describe('readCaseCards', () => {
  it('reads the element as the real page writes it', () => {
    const html = page(`<script type="application/json" class="js-react-on-rails-component" data-component-name="CaseCardsApp" data-dom-id="CaseCardsApp-react-component-0">${asRails(CARDS)}</script>`);
    expect(readCaseCards(html)).toEqual({ ok: true, cases: EXPECTED });
  });

  it.each([
    ['attributes in another order, single quotes', `<script data-dom-id='x' data-component-name='CaseCardsApp' type='application/json'>${asRails(CARDS)}</script>`],
    ['unquoted, spaced, upper-case tag', `<SCRIPT  class=js-react-on-rails-component   data-component-name = CaseCardsApp >\n ${asRails(CARDS)}\n</SCRIPT >`],
    ['HTML-escaped JSON', `<script data-component-name="CaseCardsApp">${JSON.stringify(CARDS).replace(/&/g, '&amp;').replace(/"/g, '&quot;')}</script>`],
    ['an attribute holding ">" before it', `<script data-note="a > b" data-component-name="CaseCardsApp">${asRails(CARDS)}</script>`],
    ['the list inside a props object', `<script data-component-name="CaseCardsApp">${asRails({ props: { ...CARDS } })}</script>`],
  ])('reads it with %s', (_name, script) => {
    expect(readCaseCards(page(script))).toEqual({ ok: true, cases: EXPECTED });
  });

  it('reads only CaseCardsApp among several script elements, and merges two of them', () => {
    const other = `<script type="application/json" data-component-name="HeaderApp">{"cases":[{"receiptNumber":"IOE0999999999","formType":"I-90"}]}</script><script>window.cases = [{"receiptNumber":"IOE0888888888"}]</script>`;
    const first = `<script data-component-name="CaseCardsApp">${asRails({ cases: CARDS.cases.slice(0, 1) })}</script>`;
    const second = `<script data-component-name="CaseCardsApp">${asRails({ cases: CARDS.cases.slice(1) })}</script>`;
    expect(readCaseCards(page(other + first + second))).toEqual({ ok: true, cases: EXPECTED });
  });

  it('keeps only IOE receipts, typed any way, each once; companions given as strings are named, not invented', () => {
    const cards = { cases: [
      { receiptNumber: 'ioe-0933131201', formType: ' I-821D ', concurrentCases: ['IOE 0933131202', 'EAC1234567890', 42] },
      { receiptNumber: 'EAC1234567890', formType: 'I-765' },
      { receiptNumber: I821D, formType: null, submissionDate: 'not a date' },
      null,
      'garbage',
    ] };
    expect(readCaseCards(page(`<script data-component-name="CaseCardsApp">${JSON.stringify(cards)}</script>`))).toEqual({
      ok: true,
      cases: [{ receipt: I821D, formType: 'I-821D', submissionDate: null, concurrentReceipts: [I765] }],
    });
  });

  it('says there is no case list on a page without the element (a sign-in page, a changed page)', () => {
    expect(readCaseCards('<html><body><form action="/sign-in"><input name="email"></form></body></html>')).toEqual({ ok: false, reason: 'no-case-list' });
    expect(readCaseCards('')).toEqual({ ok: false, reason: 'no-case-list' });
    expect(readCaseCards('<script data-component-name="CaseCardsAppX">{"cases":[]}</script>')).toEqual({ ok: false, reason: 'no-case-list' });
  });

  it('says the list is unreadable when the element holds no JSON case list', () => {
    expect(readCaseCards('<script data-component-name="CaseCardsApp">{"cases": [</script>')).toEqual({ ok: false, reason: 'unreadable' });
    expect(readCaseCards('<script data-component-name="CaseCardsApp">{"user": {"name": "x"}}</script>')).toEqual({ ok: false, reason: 'unreadable' });
  });

  it('reads an empty account as no cases, and never runs what the page holds', () => {
    (globalThis as { pwned?: boolean }).pwned = false;
    const html = page(`<script>globalThis.pwned = true</script><script data-component-name="CaseCardsApp">{"cases":[],"x":"\\u003cscript\\u003eglobalThis.pwned = true\\u003c/script\\u003e"}</script>`);
    expect(readCaseCards(html)).toEqual({ ok: true, cases: [] });
    expect((globalThis as { pwned?: boolean }).pwned).toBe(false);
  });
});
