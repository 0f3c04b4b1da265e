// What the simulator offers its users (the app's demo, the bench, the tests): its options, the request log's
// entries and the handle startSimulator returns. Types and names only; the serving is in server.ts and the hosts.

import type { EndpointMatch } from '../shared/myuscis/endpoints';
import type { CaseRecord } from './case-state';
import type { SimClock, SimClockOptions } from './clock';
import type { CaseKey, FaultRule, Scenario, WrongReceiptRuleInput } from './scenario-schema';
import type { TimesRequestEntry } from './times-host';

/** The data host's session cookie (my.uscis.gov's). */
export const SESSION_COOKIE = '_myuscis_session_rx';

export const SIGNED_OUT_STYLES = ['401', 'redirect', 'html', 'data-null-error'] as const;
export type SignedOutStyle = (typeof SIGNED_OUT_STYLES)[number];

export interface SimulatorOptions {
  /** A built-in scenario's name or a loaded scenario; default daca-renewal. */
  scenario?: string | Scenario;
  /** A clock to share, or options for a new one (tests: `{ start, speed: 0 }`). */
  clock?: SimClock | SimClockOptions;
  /** Where on the story the clock starts, in days after filing; default the scenario's startDay. */
  startDay?: number;
  /** 0 (default) picks free ports. */
  accountPort?: number;
  dataPort?: number;
  /** The processing-times host (egov.uscis.gov). */
  timesPort?: number;
  /** Which clock times sessions, lockouts and tokens: the story's (tests) or the wall clock (demo at speed). */
  accessClock?: 'story' | 'real';
  idleTimeoutMs?: number;
  sessionLifetimeMs?: number;
  waf?: boolean;
  wafTokenTtlMs?: number;
  passkeyPrompt?: boolean;
  /** Where a sign-in without a destination lands: myaccount's dashboard or my.uscis.gov's applicant page. */
  landing?: 'dashboard' | 'applicant';
  /** How API calls without a live session are answered; 'rotate' cycles through all four. */
  signedOutStyle?: SignedOutStyle | 'rotate';
  /** How a receipt of another account is answered: 404 in one report, 500 in another. */
  foreignReceiptStatus?: 404 | 500;
  lockoutThreshold?: number;
  lockoutMs?: number;
  rememberBrowserMs?: number;
  /** Faults on top of the scenario's own. */
  faults?: FaultRule[];
  /** Every document gets a new contentId on every documents request; default the scenario's rotateContentIds. */
  rotateContentIds?: boolean;
  /** Answers carrying another receipt's payload, on top of the scenario's own. */
  wrongReceipt?: WrongReceiptRuleInput[];
  controlToken?: string;
  /** How many requests the log keeps (oldest dropped first). */
  logLimit?: number;
}

export interface RequestLogEntry {
  seq: number;
  /** Simulated time (ISO). */
  at: string;
  /** Wall-clock epoch milliseconds. */
  realAt: number;
  host: 'account' | 'data';
  method: string;
  path: string;
  endpoint: EndpointMatch['name'] | null;
  receipt: string | null;
  status: number | null;
  /** Whether the request carried a session cookie at all, live or not. */
  sessionCookie: boolean;
  /** Whether that cookie named a live session. */
  sessionLive: boolean;
  referer: boolean;
  outcome: string;
}

export interface Simulator {
  readonly scenario: Scenario;
  readonly clock: SimClock;
  /** Midnight UTC of the filing day. */
  readonly filingDay: number;
  /** http://localhost:PORT (myaccount.uscis.gov). */
  readonly accountOrigin: string;
  /** http://127.0.0.1:PORT2 (my.uscis.gov). */
  readonly dataOrigin: string;
  /** http://127.0.0.1:PORT3 (egov.uscis.gov's processing times). */
  readonly timesOrigin: string;
  readonly signInUrl: string;
  readonly applicantUrl: string;
  readonly controlToken: string;
  readonly receipts: Record<CaseKey, string>;
  /** Moves the story forward. */
  advance(ms: number): void;
  /** Moves the clock to just after every step of a phase has happened, before the next phase (see scenarioPhases). */
  advanceToPhase(phase: string): void;
  /** The story time as days after filing. */
  storyDay(): number;
  caseRecords(): Record<CaseKey, CaseRecord | null>;
  setFaults(rules: FaultRule[]): void;
  addFault(rule: FaultRule): void;
  clearFaults(): void;
  setWaf(enabled: boolean): void;
  setSignedOutStyle(style: SignedOutStyle | 'rotate'): void;
  setForeignReceiptStatus(status: 404 | 500): void;
  /** Turns the rotation of every document's contentId on every documents request on or off. */
  setRotateContentIds(enabled: boolean): void;
  /** Replaces the wrong-receipt rules (the scenario's included); [] serves every case its own payload. */
  setWrongReceipt(rules: WrongReceiptRuleInput[]): void;
  /** A live data-host session for the scenario's account, as a Cookie header (stands for a finished sign-in). */
  createSession(options?: { warm?: boolean }): string;
  /** Ends every session on both hosts (a server-side sign-out). */
  expireSessions(): void;
  requestLog(): RequestLogEntry[];
  clearRequestLog(): void;
  /** Every request the processing-times host received, with its headers (faults: endpoint `egov-processingtime`, `egov-formtypes`, … or `any-egov`). */
  timesRequestLog(): TimesRequestEntry[];
  clearTimesRequestLog(): void;
  /** USCIS publishes new processing times, dated today (the story's day). */
  bumpPublication(): { publication: number; publicationDate: string };
  /** These forms ('I-765', 'I-821D') answer 204 for every office until set again. */
  setUnpublishedForms(forms: readonly string[]): void;
  close(): Promise<void>;
}
