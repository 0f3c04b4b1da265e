// The terminal runner's words for the engine's problems: in the runner's language when the engine gave both,
// else the engine's own (technical) English; a save problem in its own words.

import { describe, expect, it } from 'vitest';
import { Narration } from '../../scripts/headless-narration';
import { emptyState } from '../../shared/monitor/state';

const narration = (lang: 'en' | 'es') => new Narration({ lang, verbose: false, state: () => emptyState(), now: () => Date.parse('2026-08-12T15:00:00Z') });

describe('problems the engine reports', () => {
  const text = { en: 'IOE•••••2457 is not a case of this myUSCIS account.', es: 'IOE•••••2457 no es un caso de esta cuenta de myUSCIS.' };

  it('are said in the runner’s language when the engine gave both', () => {
    expect(narration('es').event({ kind: 'error', message: text.en, text })).toEqual([`Problema: ${text.es}`]);
    expect(narration('en').event({ kind: 'error', message: text.en, text })).toEqual([`Problem: ${text.en}`]);
  });

  it('keep the engine’s English when it is technical (no text for a person)', () => {
    expect(narration('es').event({ kind: 'error', message: 'Unexpected engine error: boom' })).toEqual(['Problema: Unexpected engine error: boom']);
  });
});
