// The silent approval's answers (which form, what shows it, what is pending, what next, where on myUSCIS) and the
// stage guide that speaks for a case whose stage is ahead of its title, on the simulator's renewal phases.

import { describe, expect, it } from 'vitest';
import { approvalAnswers, MY_CASES_URL } from '../../../shared/knowledge/approval-answers';
import { pairVerdict } from '../../../shared/knowledge/daca-pair';
import { stageAheadOfTitle } from '../../../shared/knowledge/stage-guide';
import { isSafeExternalUrl } from '../../../shared/security/navigation';
import { getScenario } from '../../../simulator/scenarios';
import { phaseViews } from '../../../simulator/scenario-views';

const phases = new Map(phaseViews(getScenario('daca-renewal')).map((views) => [views.phase, views]));
const verdictAt = (phase: string) => {
  const views = phases.get(phase)!;
  return pairVerdict(views.i821d, views.i765, views.today);
};

describe('approvalAnswers', () => {
  it('answers a silent approval: both forms, on their documents, the status text and card still to come', () => {
    const answers = approvalAnswers(verdictAt('silent-approval'));
    expect(answers).toBeDefined();
    expect(answers!.which.en).toContain('Form I-821D');
    expect(answers!.which.en).toContain('Form I-765');
    expect(answers!.which.es).toContain('Formulario I-765');
    expect(answers!.evidence.length).toBeGreaterThan(0);
    expect(answers!.evidence.map((item) => item.en).join(' ')).toMatch(/Approval/);
    expect(answers!.pending.en).toMatch(/status text/);
    expect(answers!.pending.es).toMatch(/texto del estatus/);
    expect(answers!.next.en).toMatch(/card/);
    expect(answers!.next.es).toMatch(/tarjeta/);
  });

  it('answers only a silent approval', () => {
    for (const phase of ['review', 'approved', 'card-mailed']) expect(approvalAnswers(verdictAt(phase))).toBeUndefined();
  });

  it('links to the applicant page on my.uscis.gov, a link main accepts', () => {
    expect(MY_CASES_URL).toBe('https://my.uscis.gov/account/applicant');
    expect(isSafeExternalUrl(MY_CASES_URL)).toBe(true);
  });
});

describe('stageAheadOfTitle', () => {
  it('speaks for an approval or a card step the title does not show yet', () => {
    expect(stageAheadOfTitle('approved', 'review')?.next.en).toMatch(/status text usually changes/);
    expect(stageAheadOfTitle('card-produced', 'approved')?.explanation.en).toMatch(/producing your new card/);
    expect(stageAheadOfTitle('denied', 'review')?.explanation.es).toMatch(/denegad/);
  });

  it('lets the title speak when it already says as much, or when there is no title', () => {
    expect(stageAheadOfTitle('approved', 'approved')).toBeUndefined();
    expect(stageAheadOfTitle('review', 'filed')).toBeUndefined();
    expect(stageAheadOfTitle('approved', undefined)).toBeUndefined();
    expect(stageAheadOfTitle('card-mailed', 'card-delivered')).toBeUndefined();
  });
});
