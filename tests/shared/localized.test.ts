// The one rule for which language DACA Watch speaks: the user's pick, else the system's.

import { describe, expect, it } from 'vitest';
import { languagePicked, spokenLanguage } from '../../shared/localized';

describe('spokenLanguage', () => {
  it.each([
    [{ language: 'en', languageChosen: false }, 'es', 'es'],
    [{ language: 'en', languageChosen: false }, 'en', 'en'],
    [{ language: 'en', languageChosen: true }, 'es', 'en'],
    [{ language: 'es', languageChosen: true }, 'en', 'es'],
    // A stored Spanish from before the choice was recorded was picked: English is the only default.
    [{ language: 'es', languageChosen: false }, 'en', 'es'],
  ] as const)('%j with a %s system speaks %s', (settings, system, spoken) => {
    expect(spokenLanguage(settings, system)).toBe(spoken);
  });
});

describe('languagePicked', () => {
  it.each([
    [{ language: 'en', languageChosen: false }, false],
    [{ language: 'en', languageChosen: true }, true],
    [{ language: 'es', languageChosen: false }, true],
  ] as const)('%j: picked %s (and spokenLanguage follows the system exactly when not)', (settings, picked) => {
    expect(languagePicked(settings)).toBe(picked);
    expect(spokenLanguage(settings, 'es') === spokenLanguage(settings, 'en')).toBe(picked);
  });
});
