// `npm run simulator -- --scenario NAME --speed N`: runs the myUSCIS simulator on its own and
// prints its addresses. Argument parsing and printing only; the simulator itself is simulator/server.ts.

import { readFileSync } from 'node:fs';
import { DEFAULT_SCENARIO, SCENARIOS, loadScenario, scenarioPhases } from '../simulator/scenarios';
import { startSimulator, SIGNED_OUT_STYLES, type SimulatorOptions } from '../simulator/server';
import { commandLine, usageError } from './command-line';

const HELP = `myUSCIS simulator: a local stand-in for myaccount.uscis.gov and my.uscis.gov.

Usage: npm run simulator -- [options]

  --scenario NAME        one of: ${[...SCENARIOS.keys()].join(', ')} (default ${DEFAULT_SCENARIO})
  --scenario-file PATH   a scenario as JSON (same shape as the built-in ones)
  --speed N              simulated seconds per real second (default 1; 3600 = an hour a second)
  --start-day N          where on the story the clock starts, in days after filing
  --account-port N       port of the sign-in host (default: any free port)
  --data-port N          port of the data host (default: any free port)
  --idle-minutes N       session idle timeout (default 15)
  --lifetime-hours N     absolute session lifetime (default 12)
  --waf                  turn on the WAF-like JavaScript challenge
  --no-passkey           skip the passkey prompt after sign-in
  --landing WHERE        dashboard (default) or applicant: where a sign-in lands
  --signed-out STYLE     rotate (default), ${SIGNED_OUT_STYLES.join(', ')}
  --rotate-content-ids   give every document a new contentId on every documents request
  --json                 print the addresses as one JSON line
  -h, --help             this text

Sessions, lockouts and WAF tokens run on the wall clock here, so a fast story clock does not end a
sign-in within seconds. Everything binds to 127.0.0.1 only.`;

function numberOption(value: string | undefined, name: string, min: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min) fail(`--${name} needs a number of at least ${min}, got "${value}"`);
  return n;
}

function fail(message: string): never {
  return usageError('simulator', message);
}

const args = commandLine('simulator', HELP, {
  scenario: { type: 'string' },
  'scenario-file': { type: 'string' },
  speed: { type: 'string' },
  'start-day': { type: 'string' },
  'account-port': { type: 'string' },
  'data-port': { type: 'string' },
  'idle-minutes': { type: 'string' },
  'lifetime-hours': { type: 'string' },
  waf: { type: 'boolean' },
  'no-passkey': { type: 'boolean' },
  landing: { type: 'string' },
  'signed-out': { type: 'string' },
  'rotate-content-ids': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
});

let scenario;
try {
  if (args['scenario-file']) scenario = loadScenario(JSON.parse(readFileSync(args['scenario-file'], 'utf8')));
  else if (args.scenario && !SCENARIOS.has(args.scenario)) fail(`unknown scenario "${args.scenario}"; known: ${[...SCENARIOS.keys()].join(', ')}`);
  else scenario = args.scenario ?? DEFAULT_SCENARIO;
} catch (error) {
  fail(`could not load ${args['scenario-file']}: ${error instanceof Error ? error.message : String(error)}`);
}
if (args.landing && args.landing !== 'dashboard' && args.landing !== 'applicant') fail('--landing is dashboard or applicant');
const signedOut = args['signed-out'];
if (signedOut && signedOut !== 'rotate' && !(SIGNED_OUT_STYLES as readonly string[]).includes(signedOut)) {
  fail(`--signed-out is rotate or one of ${SIGNED_OUT_STYLES.join(', ')}`);
}

const idle = numberOption(args['idle-minutes'], 'idle-minutes', 1);
const lifetime = numberOption(args['lifetime-hours'], 'lifetime-hours', 0.1);
const startDay = numberOption(args['start-day'], 'start-day', 0);
const options: SimulatorOptions = {
  scenario,
  clock: { speed: numberOption(args.speed, 'speed', 0) ?? 1 },
  accessClock: 'real',
  accountPort: numberOption(args['account-port'], 'account-port', 0) ?? 0,
  dataPort: numberOption(args['data-port'], 'data-port', 0) ?? 0,
  waf: args.waf ?? false,
  passkeyPrompt: !args['no-passkey'],
  landing: args.landing === 'applicant' ? 'applicant' : 'dashboard',
  signedOutStyle: (signedOut ?? 'rotate') as SimulatorOptions['signedOutStyle'],
  ...(args['rotate-content-ids'] ? { rotateContentIds: true } : {}),
  ...(idle !== undefined ? { idleTimeoutMs: idle * 60_000 } : {}),
  ...(lifetime !== undefined ? { sessionLifetimeMs: lifetime * 3_600_000 } : {}),
  ...(startDay !== undefined ? { startDay } : {}),
};

const sim = await startSimulator(options).catch((error: unknown) => fail(`could not start: ${error instanceof Error ? error.message : String(error)}`));
const info = {
  scenario: sim.scenario.name,
  speed: sim.clock.speed,
  signInUrl: sim.signInUrl,
  applicantUrl: sim.applicantUrl,
  accountOrigin: sim.accountOrigin,
  dataOrigin: sim.dataOrigin,
  timesOrigin: sim.timesOrigin,
  demoAccount: { email: sim.scenario.account.email, password: sim.scenario.account.password, verificationCode: sim.scenario.account.verificationCode },
  receipts: sim.receipts,
  controlToken: sim.controlToken,
};
if (args.json) {
  process.stdout.write(`${JSON.stringify(info)}\n`);
} else {
  const phases = scenarioPhases(sim.scenario).map((p) => `day ${p.day} ${p.phase}`).join(', ');
  process.stdout.write(`myUSCIS simulator: scenario ${info.scenario} (${sim.scenario.title}), speed x${info.speed}, story day ${sim.storyDay().toFixed(1)}
  Sign in (myaccount):   ${info.signInUrl}
  Cases (my.uscis.gov):  ${info.applicantUrl}
  Demo account:          ${info.demoAccount.email} / ${info.demoAccount.password}, verification code ${info.demoAccount.verificationCode}
  Receipts:              I-821D ${info.receipts.i821d}, I-765 ${info.receipts.i765}
  JSON, once signed in:  ${sim.dataOrigin}/account/case-service/api/case_status/${info.receipts.i765}
  Processing times:      ${sim.timesOrigin}/processing-times/api/forms (egov.uscis.gov; --times-origin)
  Control (tests):       ${sim.dataOrigin}/__sim/state with header x-sim-control: ${info.controlToken}
  Story phases:          ${phases}
Press Ctrl+C to stop.
`);
}

const stop = () => {
  // Nothing awaits a signal handler: the process exits once the simulator has closed, or failed to.
  void sim.close().finally(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
