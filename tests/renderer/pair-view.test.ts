// The dashboard's reading of the watched cases: which is the I-821D and which the I-765 whatever their order,
// the verdict from the stored snapshots, each card's facts in the user's language, receipts and USCIS's message.

import { describe, expect, it } from 'vitest';
import { CaseSnapshotSchema } from '../../shared/monitor/state';
import {
  caseFacts,
  isDecided,
  localDay,
  messageParts,
  officialTitle,
  shownReceipt,
  stageOf,
  titlesShownOn,
  verdictOf,
  watchedCases,
} from '../../renderer/lib/pair-view.svelte';
import { exampleDashboardState } from '../helpers/example-dashboard-state';
import { cardDeliveredState } from '../helpers/dashboard-state-samples';

const I821D = 'IOE0933012457';
const I765 = 'IOE0933012458';
const AT = '2026-06-02T15:00:00.000Z';

const reviewed = CaseSnapshotSchema.parse({
  detail: { at: AT, formType: 'I-821D', submissionDate: '2026-05-29', events: [], notices: [] },
  status: {
    at: AT,
    code: 'FTA0',
    date: '2026-06-01T10:00:00.000Z',
    title: 'Case Is Being Actively Reviewed By USCIS',
    office: 'NEBRASKA SERVICE CENTER',
    text: 'We are reviewing it. Questions? Visit www.uscis.gov/contactcenter.',
    history: [],
  },
  documents: { at: AT, items: [] },
});
const approvedPermit = CaseSnapshotSchema.parse({
  detail: { at: AT, formType: 'I-765', submissionDate: '2026-05-29', events: [], notices: [] },
  status: { at: AT, title: 'Case Is Being Actively Reviewed By USCIS', history: [] },
  documents: { at: AT, items: [{ type: 'I-765 C33 Standalone Approval', sourceType: 'USCIS Generated', createDate: AT }] },
});

function state(order: 'i821d-first' | 'i765-first', formTypes: 'known' | 'from-detail' = 'known') {
  const cases = [
    { receipt: I821D, formType: formTypes === 'known' ? 'I-821D' : null, problem: null, failing: null, stalled: null },
    { receipt: I765, formType: formTypes === 'known' ? 'I-765' : null, problem: null, failing: null, stalled: null },
  ];
  return exampleDashboardState({
    cases: order === 'i821d-first' ? cases : [...cases].reverse(),
    snapshots: { [I821D]: reviewed, [I765]: approvedPermit },
  });
}

describe('watchedCases', () => {
  it('puts the I-821D first and the I-765 second, whatever order they were added in', () => {
    for (const order of ['i821d-first', 'i765-first'] as const) {
      expect(watchedCases(state(order)).map(({ receipt, form }) => [receipt, form])).toEqual([[I821D, 'I-821D'], [I765, 'I-765']]);
    }
  });

  it('reads each case’s time of its last read apart from the time its reading last changed', () => {
    const quiet = '2026-06-03T09:30:00.000Z';
    const base = state('i821d-first');
    const cases = watchedCases({ ...base, cases: base.cases.map((c) => (c.receipt === I765 ? { ...c, readAt: quiet } : c)) });
    // Read again after a check that changed nothing: the read time moves, the change time stays with the snapshot.
    expect(cases.find((c) => c.receipt === I765)).toMatchObject({ readAt: quiet, changedAt: AT });
    // No read time sent (an older store): the newest reading stands for both.
    expect(cases.find((c) => c.receipt === I821D)).toMatchObject({ readAt: AT, changedAt: AT });
  });

  it('tells the forms apart from the case detail when the watched list does not know them yet', () => {
    expect(watchedCases(state('i765-first', 'from-detail')).map(({ form }) => form)).toEqual(['I-821D', 'I-765']);
  });

  it('leaves a case never read with no form and an empty view, after the pair', () => {
    const cases = watchedCases(exampleDashboardState({
      cases: [{ receipt: 'IOE0000000001', formType: null, problem: null, failing: null, stalled: null }, { receipt: I765, formType: 'I-765', problem: null, failing: null, stalled: null }],
      snapshots: {},
    }));
    expect(cases.map(({ receipt, form, view }) => [receipt, form, view])).toEqual([[I765, 'I-765', {}], ['IOE0000000001', null, {}]]);
  });
});

describe('verdictOf', () => {
  it('gives the same verdict whatever the order, and reads the permit expiry from the settings', () => {
    const first = verdictOf(watchedCases(state('i821d-first')), '2026-06-03', '2026-08-01');
    const second = verdictOf(watchedCases(state('i765-first')), '2026-06-03', '2026-08-01');
    expect(second).toEqual(first);
    expect(first.kind).toBe('silently-approved');
    expect(first.i821dApprovedByInference).toBe(true);
    expect(first.permit?.daysLeft).toBe(59);
    expect(verdictOf(watchedCases(state('i821d-first')), '2026-06-03', null).permit).toBeUndefined();
  });

  it('says there is no data yet when no case was read', () => {
    expect(verdictOf([], '2026-06-03', null).kind).toBe('no-data');
  });
});

describe('caseFacts', () => {
  const [deferredAction] = watchedCases(state('i821d-first'));

  it('shows the official title, its explanation and the day counts in the asked language', () => {
    const facts = caseFacts(deferredAction!.view, 'review', '2026-09-20', 'es');
    expect(facts.title).toMatch(/^USCIS Está Revisando Activamente/u);
    expect(facts.explanation).toMatch(/USCIS/u);
    expect(facts.office).toBe('NEBRASKA SERVICE CENTER');
    expect(facts.filed).toBe('2026-05-29');
    expect(facts.pending).toMatchObject({ days: 114, canInquire: true, pastGoal: false, goalDate: '2026-09-26', decided: false });
    expect(facts.message?.text).toMatch(/^We are reviewing it/u);
  });

  it('counts a decided case as decided', () => {
    expect(caseFacts(deferredAction!.view, 'approved', '2026-09-20', 'en').pending?.canInquire).toBe(false);
    expect(isDecided('card-mailed')).toBe(true);
    expect(isDecided('denied')).toBe(true);
    expect(isDecided('review')).toBe(false);
    expect(isDecided('unknown')).toBe(false);
  });

  it('has nothing but what USCIS said for a case never read', () => {
    expect(caseFacts({}, 'unknown', '2026-09-20', 'en')).toEqual({ office: undefined, filed: undefined });
  });

  it('takes each case\'s stage from the verdict', () => {
    const verdict = verdictOf(watchedCases(state('i821d-first')), '2026-06-03', null);
    expect(stageOf(verdict, 'I-821D')).toBe('approved');
    expect(stageOf(verdict, null)).toBe('unknown');
  });
});

describe('officialTitle', () => {
  it('prefers USCIS\'s own Spanish title, then the known twin, then the title as sent', () => {
    expect(officialTitle('Case Was Received', 'Recibido (USCIS)', 'es')).toBe('Recibido (USCIS)');
    expect(officialTitle('Case Was Received', undefined, 'es')).toBe('Caso Fue Recibido');
    expect(officialTitle('A Title Nobody Knows', undefined, 'es')).toBe('A Title Nobody Knows');
    expect(officialTitle(undefined, 'Caso Fue Recibido', 'en')).toBe('Caso Fue Recibido');
    expect(officialTitle(undefined, undefined, 'es')).toBeUndefined();
  });
});

describe('receipts, days and messages', () => {
  it('masks receipts only when asked, and never garbles what is not a receipt', () => {
    expect(shownReceipt(I821D, false)).toBe(I821D);
    expect(shownReceipt(I821D, true)).toBe('IOE•••••2457');
    expect(shownReceipt('not a receipt', true)).toBe('not a receipt');
  });

  it('takes today from the user\'s own calendar', () => {
    expect(localDay(new Date(2026, 0, 1, 23, 30).getTime())).toBe('2026-01-01');
  });

  it('splits USCIS\'s message into text and openable addresses, keeping unsafe ones as text', () => {
    const links = [
      { text: 'www.uscis.gov/contactcenter', href: 'https://www.uscis.gov/contactcenter', safeUrl: 'https://www.uscis.gov/contactcenter' },
      { text: 'http://example.com', href: 'http://example.com', safeUrl: null },
      { text: 'not in the text', href: 'https://www.uscis.gov/x', safeUrl: 'https://www.uscis.gov/x' },
    ];
    expect(messageParts({ text: 'Call www.uscis.gov/contactcenter or http://example.com.', links })).toEqual([
      { text: 'Call ', url: null },
      { text: 'www.uscis.gov/contactcenter', url: 'https://www.uscis.gov/contactcenter' },
      { text: ' or ', url: null },
      { text: 'http://example.com', url: null },
      { text: '.', url: null },
    ]);
    expect(messageParts({ text: 'No links.', links: [] })).toEqual([{ text: 'No links.', url: null }]);
  });
});

describe('the DACA request’s card once the work permit is decided', () => {
  const FOLLOWS = { en: /work permit decision usually follows/, es: /decisión del permiso de trabajo suele llegar/ };

  it.each(['en', 'es'] as const)('%s: after the card was delivered, no longer promises the work permit decision', (lang) => {
    const cases = watchedCases(cardDeliveredState());
    const verdict = verdictOf(cases, '2026-08-12', null);
    const request = cases.find((watched) => watched.form === 'I-821D')!;
    expect([stageOf(verdict, 'I-821D'), stageOf(verdict, 'I-765')]).toEqual(['approved', 'card-delivered']);
    // Without the work permit's stage (another card, or a pending permit), the approval's usual words.
    expect(caseFacts(request.view, 'approved', '2026-08-12', lang).next).toMatch(FOLLOWS[lang]);
    const facts = caseFacts(request.view, 'approved', '2026-08-12', lang, stageOf(verdict, 'I-765'));
    expect(facts.next).not.toMatch(FOLLOWS[lang]);
    expect(facts.next).toContain(lang === 'en' ? 'its new card was delivered' : 'su nueva tarjeta fue entregada');
  });

  it.each(['approved', 'card-ordered', 'card-produced', 'card-mailed', 'card-delivered', 'card-returned', 'denied'] as const)(
    'with the work permit %s, says where it stands, in both languages',
    (permitStage) => {
      const request = watchedCases(cardDeliveredState()).find((watched) => watched.form === 'I-821D')!;
      for (const lang of ['en', 'es'] as const) {
        const next = caseFacts(request.view, 'approved', '2026-08-12', lang, permitStage).next!;
        expect(next).not.toMatch(FOLLOWS[lang]);
        expect(next).toContain(lang === 'en' ? 'work permit (I-765)' : 'permiso de trabajo (I-765)');
      }
    },
  );

  it.each(['en', 'es'] as const)('%s: each approved card says what follows on its own form only', (lang) => {
    const delivered = cardDeliveredState();
    const permit = delivered.snapshots[I765]!;
    const approved = { ...delivered, snapshots: { ...delivered.snapshots, [I765]: { ...permit, status: { ...permit.status!, title: 'Case Was Approved', code: 'DA' } } } };
    const cases = watchedCases(approved);
    const card = (form: 'I-821D' | 'I-765') => cases.find((watched) => watched.form === form)!;
    const permitNext = caseFacts(card('I-765').view, 'approved', '2026-08-12', lang).next!;
    expect(permitNext).toMatch(lang === 'en' ? /new card is produced and mailed/ : /se produce la nueva tarjeta/i);
    expect(permitNext).not.toMatch(/I-821D|DACA/);
    const requestNext = caseFacts(card('I-821D').view, 'approved', '2026-08-12', lang).next!;
    expect(requestNext).toMatch(FOLLOWS[lang]);
    expect(requestNext).not.toMatch(/card|tarjeta/i);
  });

  it('keeps the usual words while the work permit is pending', () => {
    const request = watchedCases(cardDeliveredState()).find((watched) => watched.form === 'I-821D')!;
    expect(caseFacts(request.view, 'approved', '2026-08-12', 'en', 'review').next).toMatch(FOLLOWS.en);
  });
});

describe('one voice: a stage ahead of USCIS’s status title', () => {
  it('explains the stage first, marks the title as not updated yet, and says what follows the stage', () => {
    const cases = watchedCases(state('i821d-first'));
    const permit = cases.find((watched) => watched.form === 'I-765')!;
    const verdict = verdictOf(cases, '2026-06-03', null);
    expect(stageOf(verdict, 'I-765')).toBe('approved');
    const facts = caseFacts(permit.view, stageOf(verdict, 'I-765'), '2026-06-03', 'en');
    expect(facts.title).toBe('Case Is Being Actively Reviewed By USCIS');
    expect(facts.titleBehind).toBe(true);
    expect(facts.explanation).toMatch(/approval shows on this case/);
    expect(facts.next).not.toMatch(/Request for Evidence/);
    expect(facts.next).toMatch(/status text usually changes/);
    expect(caseFacts(permit.view, stageOf(verdict, 'I-765'), '2026-06-03', 'es').next).toMatch(/texto del estatus de USCIS suele cambiar/);
  });

  it('lets the title speak when the case is where the title says', () => {
    const cases = watchedCases(state('i821d-first'));
    const facts = caseFacts(cases[0]!.view, 'review', '2026-06-03', 'en');
    expect(facts.titleBehind).toBe(false);
    expect(facts.next).toMatch(/Request for Evidence/);
  });

  it('knows when each case was last read, and the form USCIS named even outside a DACA renewal', () => {
    const cases = watchedCases(state('i821d-first'));
    expect(cases.map((watched) => watched.readAt)).toEqual([AT, AT]);
    const other = watchedCases(exampleDashboardState({ cases: [{ receipt: I821D, formType: 'I-131', problem: null, failing: null, stalled: null }], snapshots: {} }));
    expect(other[0]).toMatchObject({ form: null, formType: 'I-131', readAt: null });
  });
});

describe('titlesShownOn', () => {
  it('holds only the titles USCIS showed on that case, not the other case’s', () => {
    const cases = watchedCases(cardDeliveredState());
    const [request, permit] = [cases.find((watched) => watched.form === 'I-821D'), cases.find((watched) => watched.form === 'I-765')];
    expect(titlesShownOn(request)).toEqual({ IAF: { en: 'Case Was Received' }, DA: { en: 'Case Was Approved' } });
    expect(titlesShownOn(permit)).toEqual({ IAF: { en: 'Case Was Received' }, LED: { en: 'Card Was Delivered To Me By The Post Office' } });
    expect(titlesShownOn(undefined)).toEqual({});
  });
});
