// The language of the person at the terminal, for the command-line tools: LC_ALL, LC_MESSAGES, LANG, then
// the runtime's locale; Spanish for any "es…" locale, English otherwise. Reads only; it never stores a setting.

import { languageOfLocale, type Language } from '../shared/localized';

type Environment = Readonly<Record<string, string | undefined>>;

/**
 * POSIX order: LC_ALL wins over LC_MESSAGES, which wins over LANG (`es_MX.UTF-8`, `es`, `C`). A set but empty
 * variable counts as unset; with none set, the runtime's own locale (Intl) decides.
 */
export function systemLanguage(env: Environment = process.env, runtimeLocale: () => string = () => Intl.DateTimeFormat().resolvedOptions().locale): Language {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((value) => value !== undefined && value.trim() !== '') ?? runtimeLocale();
  return languageOfLocale(locale);
}
