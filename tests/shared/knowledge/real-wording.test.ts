// The newer wording of my.uscis.gov (MYUSCIS.md, "Seen in real captures"): every title and code the new scenarios
// send is explained, in English and Spanish, never as unknown; APR0 alone is a likely approval, said as likely.

import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/localized';
import { explainCode } from '../../../shared/knowledge/codes';
import { pairVerdict } from '../../../shared/knowledge/daca-pair';
import { explainStatus } from '../../../shared/knowledge/status-titles';
import { getScenario } from '../../../simulator/scenarios';
import { phaseViews } from '../../../simulator/scenario-views';

const UNKNOWN = /unknown|does not know|unconfirmed|desconocid|no conoce|sin confirmar/i;
const NEW_SCENARIOS = ['daca-renewal-we-titles', 'daca-apr0-early-approval', 'daca-rotating-content-ids', 'daca-wrong-receipt', 'daca-interview-notice'];

describe.each(NEW_SCENARIOS)('%s', (name) => {
  const phases = phaseViews(getScenario(name));

  it('explains every title and code it sends, in both languages, without calling any unknown', () => {
    const titles = new Set<string>();
    const codes = new Set<string>();
    for (const { i821d, i765 } of phases) {
      for (const view of [i821d, i765]) {
        for (const title of [view.status?.statusTitle, view.status?.statusTitleSpanish, ...(view.status?.historicalCaseStatuses ?? []).flatMap((h) => [h.statusTitle, h.statusTitleSpanish])]) {
          if (title) titles.add(title);
        }
        for (const code of [view.status?.currentActionCode, ...(view.detail?.events ?? []).map((e) => e.eventCode)]) if (code) codes.add(code);
      }
    }
    expect(titles.size).toBeGreaterThan(5);
    for (const title of titles) {
      for (const lang of LANGUAGES) {
        const read = explainStatus(title, lang);
        expect(read.match, title).toBe('official');
        expect(`${read.title} ${read.explanation}`, title).not.toMatch(/does not know|no conoce/);
      }
    }
    for (const code of codes) {
      for (const lang of LANGUAGES) {
        const read = explainCode(code, lang);
        expect(read.source, code).toBe('built-in');
        expect(`${read.title} ${read.explanation}`, code).not.toMatch(UNKNOWN);
      }
    }
  });

  it('gives verdicts that never call evidence unknown or unconfirmed', () => {
    for (const { i821d, i765, today, phase } of phases) {
      const verdict = pairVerdict(i821d, i765, today);
      expect(`${verdict.explanation.en} ${verdict.explanation.es}`, phase).not.toMatch(UNKNOWN);
    }
  });
});

describe('a renewal told only in "We ..." titles', () => {
  it('gets the classic renewal\'s verdict, stages and evidence kinds at every phase', () => {
    const classic = phaseViews(getScenario('daca-renewal'));
    const told = phaseViews(getScenario('daca-renewal-we-titles'));
    expect(told.map(({ phase }) => phase)).toEqual(classic.map(({ phase }) => phase));
    told.forEach((views, i) => {
      const [a, b] = [pairVerdict(views.i821d, views.i765, views.today), pairVerdict(classic[i]!.i821d, classic[i]!.i765, classic[i]!.today)];
      expect([a.kind, a.stages, a.i821dApprovedByInference], views.phase).toEqual([b.kind, b.stages, b.i821dApprovedByInference]);
      expect(a.evidence.map((e) => `${e.kind}/${e.confidence}`), views.phase).toEqual(b.evidence.map((e) => `${e.kind}/${e.confidence}`));
    });
  });
});

describe('APR0 on its own', () => {
  const { i821d, i765, today } = phaseViews(getScenario('daca-apr0-early-approval')).find(({ phase }) => phase === 'apr0-only')!;

  it('is a likely approval, worded as likely in both languages, resting on the code as a community reading', () => {
    const verdict = pairVerdict(i821d, i765, today);
    expect(verdict.kind).toBe('likely-approved');
    expect(verdict.stages).toEqual({ i821d: 'review', i765: 'review' });
    expect(verdict.headline.en).toMatch(/may have approved/);
    expect(verdict.explanation.en).toMatch(/trackers have seen with approvals.*not a confirmed decision/s);
    expect(verdict.explanation.es).toMatch(/no una decisión confirmada/);
    expect(verdict.explanation.en).toContain('USCIS’s internal code APR0 (likely approval, as public trackers report it) on the DACA request (I-821D)');
    expect(verdict.i821dApprovedByInference).toBe(false);
  });
});
