// What the simulator's two hosts and its control interface share: the story (scenario, clock, case records),
// the session tables both hosts read, and the settings the control interface changes. State only; serves nothing.

import type { CaseRecord } from './case-state';
import type { SimClock } from './clock';
import type { ExpiringTable } from './expiring-table';
import type { FaultBoard } from './faults';
import type { CaseKey, Scenario, WrongReceiptRule } from './scenario-schema';
import type { SignedOutStyle } from './simulator-api';
import type { WafChallenge } from './waf';

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export interface DataSession {
  account: string;
  /** Whether a my.uscis.gov page has been loaded in this session (API calls before that need a Referer). */
  warm: boolean;
}

/** Settings the control interface may change while the simulator runs. */
export interface LiveSettings {
  signedOutStyle: SignedOutStyle | 'rotate';
  foreignReceiptStatus: 404 | 500;
  rotateContentIds: boolean;
  wrongReceipt: WrongReceiptRule[];
}

export interface SimWorld {
  readonly scenario: Scenario;
  readonly account: Scenario['account'];
  readonly clock: SimClock;
  /** Midnight UTC of the filing day. */
  readonly filingDay: number;
  /** The clock that times sessions, lockouts and tokens (the story's, or the wall clock). */
  readonly accessNow: () => number;
  readonly receipts: Record<CaseKey, string>;
  readonly keyOfReceipt: ReadonlyMap<string, CaseKey>;
  /** http://localhost:PORT (myaccount.uscis.gov). */
  readonly accountOrigin: string;
  /** http://127.0.0.1:PORT2 (my.uscis.gov). */
  readonly dataOrigin: string;
  /** The data host's OIDC callback, the only redirect_uri the sign-in host accepts. */
  readonly callbackUrl: string;
  readonly applicantUrl: string;
  readonly faults: FaultBoard;
  readonly waf: WafChallenge;
  readonly dataSessions: ExpiringTable<DataSession>;
  readonly accountSessions: ExpiringTable<string>;
  /** One-minute OIDC codes: issued by the sign-in host, redeemed by the data host. */
  readonly authCodes: ExpiringTable<{ account: string; redirectUri: string }>;
  readonly settings: LiveSettings;
  /** Both cases as the story has them now (null before a case is filed). */
  recordsNow(): Record<CaseKey, CaseRecord | null>;
  /** The story time as days after filing. */
  storyDay(): number;
}
