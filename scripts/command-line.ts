// Command-line basics shared by the simulator, the headless runner and the preview: strict option parsing,
// --help, and bad arguments said plainly with exit code 2, in the tool's language. Parsing only; each tool checks
// its own values.

import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Language, Localized } from '../shared/localized';
import { isLoopbackHost } from '../shared/security/navigation';

type Options = NonNullable<ParseArgsConfig['options']>;

const TRY_HELP: Localized = { en: 'Try --help.', es: 'Pruebe --help.' };

/** Says what is wrong with the arguments (in `lang`; a plain string is said as it is) and exits with code 2. */
export function usageError(tool: string, message: string | Localized, lang: Language = 'en'): never {
  process.stderr.write(`${tool}: ${typeof message === 'string' ? message : message[lang]}\n${TRY_HELP[lang]}\n`);
  process.exit(2);
}

/**
 * The `--lang en|es` a command line asks for, read before the options are parsed (so a mistake in them is told
 * in that language too); undefined when it names none or another value.
 */
export function languageArgument(argv: readonly string[] = process.argv.slice(2)): Language | undefined {
  for (const [index, arg] of argv.entries()) {
    if (arg === '--') break;
    const value = arg === '--lang' ? argv[index + 1] : arg.startsWith('--lang=') ? arg.slice('--lang='.length) : undefined;
    if (value === 'en' || value === 'es') return value;
  }
  return undefined;
}

/** node:util's parseArgs errors in both languages (the English one as Node words it); other errors as they are. */
export function parseArgsProblem(error: unknown): Localized {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string })?.code;
  const named = /'([^']+)'/.exec(message)?.[1] ?? '';
  // "'-h, --help'" and "'--receipts <value>'": the long name alone.
  const option = named.split(/[ ,]+/).find((part) => part.startsWith('--')) ?? named.split(/[ ,]+/)[0] ?? named;
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return { en: message, es: `Opción desconocida '${option}'.` };
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return { en: message, es: `Argumento inesperado '${named}': este comando solo acepta opciones (--nombre valor).` };
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(message)
      ? { en: message, es: `La opción '${option}' no lleva valor.` }
      : { en: message, es: `A la opción '${option}' le falta su valor.` };
  }
  return { en: message, es: message };
}

/**
 * The parsed options; an unknown option or a missing value exits 2 (said in `lang`), --help prints `help` and
 * exits 0.
 */
export function commandLine<const T extends Options>(tool: string, help: string, options: T, lang: Language = 'en') {
  let values: ReturnType<typeof parseArgs<{ options: T; strict: true }>>['values'];
  try {
    values = parseArgs({ options, strict: true }).values;
  } catch (error) {
    return usageError(tool, parseArgsProblem(error), lang);
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(`${help}\n`);
    process.exit(0);
  }
  return values;
}

/** Option problems the runner and the preview share, in both languages. */
export const OPTION_PROBLEMS = {
  notUrl: (origin: string, option = '--origin'): Localized => ({ en: `${option} "${origin}" is not a URL`, es: `${option} "${origin}" no es una dirección (URL)` }),
  notHttps: (origin: string, option = '--origin'): Localized => ({
    en: `${option} must be https (http is allowed only for a simulator on 127.0.0.1 or localhost), got "${origin}"`,
    es: `${option} debe ser https (http solo se permite para un simulador en 127.0.0.1 o localhost), no "${origin}"`,
  }),
  speed: (typed: string | undefined): Localized => ({
    en: `--speed needs a number from 1 to 1000000, got "${typed}"`,
    es: `--speed necesita un número de 1 a 1000000, no "${typed}"`,
  }),
  tooManyReceipts: { en: 'at most 10 receipts', es: 'como máximo 10 recibos' } satisfies Localized,
  /** A receipt of the list that is refused, quoted as typed. */
  receipt: ({ input, message }: { input: string; message: Localized }): Localized => ({ en: `"${input.trim()}": ${message.en}`, es: `"${input.trim()}": ${message.es}` }),
};

/**
 * Whether an origin is this machine (127.0.0.1, localhost, [::1]): where the tools allow plain http, for a simulator.
 * The runners decide from it what they tell the engine (a demo's relaxed floor); the engine itself never looks.
 */
export function isLoopbackOrigin(origin: string): boolean {
  return isLoopbackHost(new URL(origin).hostname);
}

/**
 * The origin of a typed `--origin`-like URL: https, or http only on 127.0.0.1/localhost (a simulator); anything else
 * is refused through `fail` (exit 2) with the option's name.
 */
export function checkedOrigin(typed: string, option: string, fail: (message: Localized) => never): string {
  let url: URL;
  try {
    url = new URL(typed);
  } catch {
    return fail(OPTION_PROBLEMS.notUrl(typed, option));
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackHost(url.hostname))) return fail(OPTION_PROBLEMS.notHttps(typed, option));
  return url.origin;
}
