// The one rule for which language DACA Watch speaks: the user's pick, else the system's.

import { describe, expect, it } from 'vitest';
import { spokenLanguage } from '../../shared/localized';

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
