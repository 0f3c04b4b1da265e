// Text shown to people, always in both of the product's languages.
// Holds no wording itself; wording lives next to the logic that produces it.

export const LANGUAGES = ['en', 'es'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A user-facing sentence in English and Spanish. */
export interface Localized {
  en: string;
  es: string;
}
