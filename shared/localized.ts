// Text shown to people, always in both of the product's languages.
// Holds no wording itself; wording lives next to the logic that produces it.

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A user-facing sentence in English and Spanish. */
export interface Localized {
  en: string;
  es: string;
}

/**
 * The language DACA Watch speaks (dashboard, notifications, tray, records): the one the user picked; until they
 * pick one, the system's. A stored Spanish counts as picked (it is not the default).
 */
export function spokenLanguage(settings: { language: Language; languageChosen: boolean }, systemLanguage: Language): Language {
  return languagePicked(settings) ? settings.language : systemLanguage;
}

/** Whether the stored language was picked by the user (false: DACA Watch follows the system's). */
export function languagePicked(settings: { language: Language; languageChosen: boolean }): boolean {
  return settings.languageChosen || settings.language !== 'en';
}

/**
 * The product's language for a locale or a language list (`es-MX`, `es_MX.UTF-8`, `es`, `es-419,es;q=0.9`):
 * Spanish for any Spanish, English for everything else.
 */
export function languageOfLocale(locale: string): Language {
  return /^es(?:[_\-.@,;]|$)/i.test(locale.trim()) ? 'es' : 'en';
}
