// Command-line basics shared by the simulator, the headless runner and the preview: strict option parsing,
// --help, and bad arguments said plainly with exit code 2. Parsing only; each tool checks its own values.

import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;

/** Says what is wrong with the arguments and exits with code 2. */
export function usageError(tool: string, message: string): never {
  process.stderr.write(`${tool}: ${message}\nTry --help.\n`);
  process.exit(2);
}

/** The parsed options; an unknown option or a missing value exits 2, --help prints `help` and exits 0. */
export function commandLine<const T extends Options>(tool: string, help: string, options: T) {
  let values: ReturnType<typeof parseArgs<{ options: T; strict: true }>>['values'];
  try {
    values = parseArgs({ options, strict: true }).values;
  } catch (error) {
    return usageError(tool, error instanceof Error ? error.message : String(error));
  }
  if ((values as { help?: boolean }).help) {
    process.stdout.write(`${help}\n`);
    process.exit(0);
  }
  return values;
}

/**
 * Whether an origin is this machine (127.0.0.1, localhost, [::1]): where the tools allow plain http, for a simulator.
 * The runners decide from it what they tell the engine (a demo's relaxed floor); the engine itself never looks.
 */
export function isLoopbackOrigin(origin: string): boolean {
  const host = new URL(origin).hostname;
  return host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host);
}
