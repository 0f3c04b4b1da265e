// Learning code-to-title pairings from case_status: current and historical pairings, newest wins, Spanish kept,
// the input map untouched, and the map surviving a JSON round trip through its schema (so it can be stored).

import { describe, expect, it } from 'vitest';
import { CaseStatusSchema } from '../../../shared/myuscis/schemas';
import { learnTitles } from '../../../shared/knowledge/learned-titles';
import { LearnedTitlesSchema } from '../../../shared/knowledge/learned-titles-schema';
import { explainCode } from '../../../shared/knowledge/codes';

/** A case_status body's data, read through the real schema (history dates as the service writes them). */
function status(fields: Record<string, unknown>) {
  return CaseStatusSchema.parse({ receiptNumber: 'IOE0912345678', formType: 'I-765', ...fields });
}

describe('learnTitles', () => {
  it('keeps the current pairing and every historical one, English and Spanish', () => {
    const learned = learnTitles(status({
      currentActionCode: 'SA',
      statusTitle: 'Your Case Has Been Approved',
      statusTitleSpanish: 'Su Caso Ha Sido Aprobado',
      historicalCaseStatuses: [
        { date: '07-18-2026 00:00:00', actionCode: 'FTA0', statusTitle: 'Case Is Being Actively Reviewed By USCIS', statusTitleSpanish: 'USCIS Está Revisando Activamente el Caso' },
        { date: '06-07-2026 00:00:00', actionCode: 'H008', statusTitle: 'Case Was Updated To Show Fingerprints Were Taken' },
      ],
    }), {});
    expect(learned).toEqual({
      SA: { en: 'Your Case Has Been Approved', es: 'Su Caso Ha Sido Aprobado' },
      FTA0: { en: 'Case Is Being Actively Reviewed By USCIS', es: 'USCIS Está Revisando Activamente el Caso' },
      H008: { en: 'Case Was Updated To Show Fingerprints Were Taken' },
    });
    expect(explainCode('SA', 'es', learned).title).toBe('Su Caso Ha Sido Aprobado');
  });

  it('lets the newest pairing of a code win: history by date, then the current status', () => {
    const learned = learnTitles(status({
      currentActionCode: 'IAF',
      statusTitle: 'Case Was Received',
      historicalCaseStatuses: [
        { date: '05-30-2026 00:00:00', actionCode: 'IAF', statusTitle: 'Case Was Received And A Receipt Notice Was Emailed' },
        { date: '06-15-2026 00:00:00', actionCode: 'XQ1', statusTitle: 'Newer Title' },
        { date: '05-29-2026 00:00:00', actionCode: 'XQ1', statusTitle: 'Older Title' },
      ],
    }), { IAF: { en: 'Stored Earlier' } });
    expect(learned.IAF).toEqual({ en: 'Case Was Received' });
    expect(learned.XQ1).toEqual({ en: 'Newer Title' });
  });

  it('keeps a Spanish title learned earlier while the English one is unchanged, and drops it when it changes', () => {
    const before = { DA: { en: 'Case Was Approved', es: 'Caso Fue Aprobado' } };
    expect(learnTitles(status({ currentActionCode: 'DA', statusTitle: 'Case  Was Approved ' }), before).DA)
      .toEqual({ en: 'Case Was Approved', es: 'Caso Fue Aprobado' });
    expect(learnTitles(status({ currentActionCode: 'DA', statusTitle: 'Your Case Has Been Approved' }), before).DA)
      .toEqual({ en: 'Your Case Has Been Approved' });
  });

  it('ignores pairings with no code or no title, normalises codes, and never changes the map it was given', () => {
    const before = Object.freeze({ FTA0: { en: 'Case Is Being Actively Reviewed By USCIS' } });
    const learned = learnTitles(status({
      currentActionCode: ' lda ',
      statusTitle: 'New Card Is Being Produced',
      historicalCaseStatuses: [
        { date: '06-01-2026 00:00:00', actionCode: '', statusTitle: 'Case Was Received' },
        { date: '06-02-2026 00:00:00', actionCode: 'FNA', statusTitle: '   ' },
        { date: '06-03-2026 00:00:00', actionCode: 'FNB' },
      ],
    }), before);
    expect(learned).toEqual({ FTA0: before.FTA0, LDA: { en: 'New Card Is Being Produced' } });
    expect(before).toEqual({ FTA0: { en: 'Case Is Being Actively Reviewed By USCIS' } });
  });

  it('is plain JSON that its schema reads back, and the schema rejects a malformed store', () => {
    const learned = learnTitles(status({ currentActionCode: 'SA', statusTitle: 'Case Was Approved', statusTitleSpanish: 'Caso Fue Aprobado' }), {});
    expect(LearnedTitlesSchema.parse(JSON.parse(JSON.stringify(learned)))).toEqual(learned);
    expect(LearnedTitlesSchema.safeParse({ SA: { es: 'Caso Fue Aprobado' } }).success).toBe(false);
  });
});
