// The built-in scenarios: DACA renewal pairs (I-821D + I-765) as timelines of data, one per story
// the product must handle. No logic beyond assembling steps; replaying them is case-state.ts's job.

import { ScenarioSchema, type Scenario, type ScenarioInput, type ScenarioStep } from './scenario-schema';
import type { CaseKey } from './scenario-schema';
import { STATUS_WORDING, isStatusWordingKey, type StatusWordingKey } from './status-wording';

type StepInput = ScenarioInput['steps'][number];

const I821D_NAME = 'Consideration of Deferred Action for Childhood Arrivals';
const I765_NAME = 'Application for Employment Authorization';

/** The demo account, shown on the simulator's sign-in page. */
export const DEMO_ACCOUNT = {
  email: 'demo@dacawatch.test',
  password: 'Renewal-Demo-2026',
  verificationCode: '246810',
  applicantName: 'RIVERA, ANA',
} as const;

function pair(i821d: string, i765: string, listsCompanion = false): ScenarioInput['cases'] {
  return {
    i821d: { receipt: i821d, formType: 'I-821D', formName: I821D_NAME, listsCompanion },
    i765: { receipt: i765, formType: 'I-765', formName: I765_NAME, listsCompanion },
  };
}

/** Filing day: both receipts, the applicant's uploads, the receipt notices, background checks. */
const FILED: StepInput[] = [
  {
    day: 0, time: '13:02', case: 'both', phase: 'filed',
    actions: [
      { type: 'status', code: 'IAF', wording: 'received' },
      { type: 'event', code: 'IAF' },
      { type: 'event', code: 'H001' },
    ],
  },
  { day: 0, time: '13:02', case: 'i821d', actions: [{ type: 'document', docType: 'Other', source: 'Applicant Provided', parts: 2 }] },
  { day: 0, time: '13:03', case: 'i765', actions: [{ type: 'document', docType: 'Other', source: 'Applicant Provided' }] },
  { day: 0, time: '13:10', case: 'i821d', actions: [{ type: 'document', docType: 'Account Acceptance Notice', source: 'USCIS Generated' }] },
  {
    day: 0, time: '21:40', case: 'both',
    actions: [
      // Written twice together, 19 ms apart under two ids (as in a capture): one fact.
      { type: 'event', code: 'IAA', nearDuplicateMs: 19 },
      { type: 'document', docType: 'Receipt Notice', source: 'USCIS Generated' },
    ],
  },
  { day: 1, time: '14:00', case: 'both', actions: [{ type: 'event', code: 'FSA0' }] },
];

/** Biometrics reused: the reuse notice reaches the documents list a day before the status text says so. */
function biometricsReused(day: number): StepInput[] {
  return [
    {
      day, time: '15:10', case: 'i821d', phase: 'biometrics-reuse-notice',
      actions: [{ type: 'document', docType: 'Biometrics Reuse Notice', source: 'USCIS Generated' }],
    },
    {
      day: day + 1, time: '14:30', case: 'both', phase: 'biometrics-reused',
      actions: [
        { type: 'event', code: 'H008' },
        { type: 'status', code: 'H008', wording: 'biometrics-reused' },
      ],
    },
  ];
}

/** Review: both cases assigned to an office (receipt_info answers from then on) and actively reviewed. */
function review(day: number, i765Wording: 'actively-reviewed' | 'processing-variant' = 'actively-reviewed'): StepInput[] {
  return [
    {
      day, time: '14:00', case: 'i821d', phase: 'review',
      actions: [
        { type: 'assigned', location: 'SCD' },
        { type: 'event', code: 'FTA0' },
        { type: 'status', code: 'FTA0', wording: 'actively-reviewed' },
      ],
    },
    {
      day, time: '14:01', case: 'i765',
      actions: [
        { type: 'assigned', location: 'SCD' },
        { type: 'event', code: 'FTA0' },
        { type: 'status', code: 'FTA0', wording: i765Wording },
      ],
    },
  ];
}

/** The I-765's card steps after its approval day. */
function cardSteps(approvedDay: number): StepInput[] {
  return [
    {
      day: approvedDay + 1, time: '10:00', case: 'i765', phase: 'card-produced',
      actions: [
        { type: 'event', code: 'LAA' },
        // 112 ms apart, as a tracker logged it.
        { type: 'event', code: 'LDA', nearDuplicateMs: 112 },
        { type: 'status', code: 'LDA', wording: 'card-produced' },
      ],
    },
    {
      day: approvedDay + 4, time: '02:15', case: 'i765', phase: 'card-mailed',
      actions: [
        { type: 'event', code: 'LEA' },
        { type: 'status', code: 'LEA', wording: 'card-mailed' },
      ],
    },
    {
      day: approvedDay + 4, time: '22:00', case: 'i765',
      actions: [
        { type: 'event', code: 'LEE' },
        { type: 'status', code: 'LEE', wording: 'card-picked-up' },
      ],
    },
    {
      day: approvedDay + 7, time: '19:00', case: 'i765', phase: 'card-delivered',
      actions: [
        { type: 'event', code: 'LED' },
        { type: 'status', code: 'LED', wording: 'card-delivered' },
      ],
    },
  ];
}

/**
 * The normal renewal: receipt, biometrics reuse, review, the silent approval (approval documents
 * appear while both titles still say "being reviewed"), the I-765 approved and its card produced
 * while the I-821D's own status lags two days, then mailed and delivered; `closed` stays false for
 * days after the approval.
 */
function renewalSteps(): StepInput[] {
  return [
    ...FILED,
    ...biometricsReused(8),
    ...review(30, 'processing-variant'),
    {
      day: 75, time: '15:12', case: 'i821d', phase: 'silent-approval',
      actions: [{ type: 'document', docType: 'I-821D Approval Notice', source: 'USCIS Generated' }],
    },
    {
      day: 75, time: '19:40', case: 'i765',
      actions: [{ type: 'document', docType: 'I-765 C33 Standalone Approval', source: 'USCIS Generated' }],
    },
    {
      day: 76, time: '14:05', case: 'i765', phase: 'approved',
      actions: [
        { type: 'event', code: 'SA' },
        { type: 'event', code: 'IEA' },
        { type: 'status', code: 'SA', wording: 'approved-variant' },
      ],
    },
    ...cardSteps(76),
    {
      day: 78, time: '14:30', case: 'i821d', phase: 'i821d-approved',
      actions: [
        { type: 'event', code: 'DA' },
        { type: 'event', code: 'IEA' },
        { type: 'event', code: 'IEE' },
        { type: 'status', code: 'DA', wording: 'approved' },
      ],
    },
    { day: 86, time: '12:00', case: 'both', phase: 'closed', actions: [{ type: 'flags', closed: true }] },
  ];
}

/** A request for evidence on the I-821D, answered; both approved; the card produced and mailed. */
function rfeSteps(): StepInput[] {
  return [
    ...FILED,
    ...biometricsReused(10),
    ...review(35),
    {
      day: 52, time: '16:20', case: 'i821d', phase: 'rfe',
      actions: [
        { type: 'document', docType: 'Request for Evidence', source: 'USCIS Generated' },
        { type: 'event', code: 'IKA' },
        { type: 'status', code: 'IK', wording: 'rfe-sent' },
        { type: 'flags', actionRequired: true },
        { type: 'evidence-request', dueDay: 139 },
      ],
    },
    {
      day: 66, time: '18:45', case: 'i821d', phase: 'rfe-response',
      actions: [
        { type: 'document', docType: 'Other', source: 'Applicant Provided', parts: 3 },
        { type: 'event', code: 'HA' },
        { type: 'status', code: 'HA', wording: 'rfe-response-received' },
        { type: 'flags', actionRequired: false },
      ],
    },
    {
      day: 88, time: '14:00', case: 'both', phase: 'silent-approval',
      actions: [{ type: 'event', code: 'IEA' }],
    },
    { day: 88, time: '14:00', case: 'i821d', actions: [{ type: 'document', docType: 'I-821D Approval Notice', source: 'USCIS Generated' }] },
    { day: 88, time: '14:01', case: 'i765', actions: [{ type: 'document', docType: 'I-765 C33 Approval Notice', source: 'USCIS Generated' }] },
    {
      day: 88, time: '20:30', case: 'both', phase: 'approved',
      actions: [
        { type: 'event', code: 'DA' },
        { type: 'status', code: 'DA', wording: 'approved' },
      ],
    },
    ...cardSteps(89).slice(0, 2),
  ];
}

/** Other wordings per case, by the wording key a step uses. */
type Rewording = Record<CaseKey, Partial<Record<StatusWordingKey, StatusWordingKey>>>;

/**
 * The same steps told in other status wordings. A step for both cases whose wording differs per
 * case becomes two steps at the same time (the phase stays on the first).
 */
function reworded(steps: StepInput[], byCase: Rewording): StepInput[] {
  const forCase = (step: StepInput, key: CaseKey) =>
    step.actions.map((action) =>
      action.type === 'status' && typeof action.wording === 'string' && isStatusWordingKey(action.wording)
        ? { ...action, wording: byCase[key][action.wording] ?? action.wording }
        : action,
    );
  return steps.flatMap((step): StepInput[] => {
    if (step.case !== 'both') return [{ ...step, actions: forCase(step, step.case) }];
    const [i821d, i765] = [forCase(step, 'i821d'), forCase(step, 'i765')];
    if (JSON.stringify(i821d) === JSON.stringify(i765)) return [{ ...step, actions: i821d }];
    const { phase: _phase, ...unphased } = step;
    return [{ ...step, case: 'i821d', actions: i821d }, { ...unphased, case: 'i765', actions: i765 }];
  });
}

/**
 * Filing as some captures show it: the IAF event written days after filing, its eventTimestamp at
 * midnight UTC of the filing day.
 */
function filedWithLateIaf(writtenDay: number): StepInput[] {
  const withoutIaf = FILED.map((step) => ({ ...step, actions: step.actions.filter((action) => !(action.type === 'event' && action.code === 'IAF')) }));
  return [
    ...withoutIaf,
    { day: writtenDay, time: '09:30', case: 'both', actions: [{ type: 'event', code: 'IAF', eventDay: 0, eventTime: '00:00' }] },
  ];
}

/**
 * A renewal whose first approval signal is an APR0 event on the I-821D, two days before anything
 * else (no approval document, title unchanged); on the approval days APR0, RCV0, IAK and H008 (twice)
 * are written with the decision, as community reports describe.
 */
function apr0Steps(): StepInput[] {
  return [
    ...reworded(filedWithLateIaf(2), { i821d: { received: 'received-receipt-emailed' }, i765: { received: 'received-receipt-sent' } }),
    ...biometricsReused(8),
    ...review(30, 'processing-variant'),
    // Written at 02:00, dated 09:45 the same day: an eventTimestamp hours after its createdAtTimestamp.
    { day: 31, time: '02:00', case: 'i821d', actions: [{ type: 'event', code: 'FTA1', eventDay: 31, eventTime: '09:45' }] },
    { day: 74, time: '15:20', case: 'i821d', phase: 'apr0-only', actions: [{ type: 'event', code: 'APR0' }] },
    {
      day: 76, time: '13:40', case: 'i821d', phase: 'i821d-approved',
      actions: [
        { type: 'document', docType: 'I-821D Approval Notice', source: 'USCIS Generated' },
        { type: 'event', code: 'H008', nearDuplicateMs: 19 },
        { type: 'event', code: 'RCV0' },
        { type: 'event', code: 'IAK' },
        { type: 'event', code: 'DA' },
        { type: 'event', code: 'IEA' },
        { type: 'status', code: 'DA', wording: 'approved-variant' },
      ],
    },
    {
      day: 76, time: '18:10', case: 'i765', phase: 'i765-approved',
      actions: [
        { type: 'document', docType: 'I-765 C33 Standalone Approval', source: 'USCIS Generated' },
        { type: 'event', code: 'APR0' },
        { type: 'event', code: 'RCV0' },
        { type: 'event', code: 'IAK' },
        { type: 'event', code: 'H008' },
        { type: 'event', code: 'SA' },
        { type: 'event', code: 'IEA' },
        { type: 'status', code: 'SA', wording: 'approved' },
      ],
    },
    ...reworded(cardSteps(76), { i821d: {}, i765: { 'card-produced': 'we-produced-card-lower' } }),
    { day: 86, time: '12:00', case: 'both', phase: 'closed', actions: [{ type: 'flags', closed: true }] },
  ];
}

/** The classic renewal told in my.uscis.gov's newer "We ..." / "Your ..." titles, case and punctuation varying. */
const WE_TITLES: Rewording = {
  i821d: {
    received: 'we-emailed-receipt',
    'biometrics-reused': 'we-fingerprints-applied',
    'actively-reviewed': 'we-processing',
    approved: 'approved-variant',
  },
  i765: {
    received: 'we-received-form',
    'biometrics-reused': 'we-fingerprints-applied',
    'processing-variant': 'we-processing-lower',
    'approved-variant': 'approved-variant-lower',
    'card-produced': 'we-produced-card',
    'card-mailed': 'we-mailed-card',
    'card-picked-up': 'we-card-picked-up',
    'card-delivered': 'we-card-delivered',
  },
};

const ACCOUNT = DEMO_ACCOUNT;

const SCENARIO_INPUTS: ScenarioInput[] = [
  {
    name: 'daca-renewal',
    title: 'A normal DACA renewal with a silent approval',
    description:
      'Receipt, biometrics reused, review, approval documents appearing a day before any status changes, the I-765 approved, card produced, mailed and delivered.',
    seed: 'daca-renewal-1',
    startDay: 70,
    endDay: 90,
    account: ACCOUNT,
    cases: pair('IOE0933012457', 'IOE0933012458'),
    otherAccountReceipts: ['IOE0933999001'],
    steps: renewalSteps(),
  },
  {
    name: 'daca-rfe',
    title: 'A renewal with a request for evidence',
    description: 'The I-821D gets a request for evidence; the applicant responds; both cases are approved and the card is mailed.',
    seed: 'daca-rfe-1',
    startDay: 48,
    endDay: 96,
    account: ACCOUNT,
    cases: {
      i821d: { ...pair('IOE0933020101', 'IOE0933020102', true).i821d, elisChannelType: 'Service Center' },
      i765: { ...pair('IOE0933020101', 'IOE0933020102', true).i765, elisChannelType: 'Service Center' },
    },
    otherAccountReceipts: ['IOE0933999002'],
    steps: rfeSteps(),
  },
  {
    name: 'daca-denial',
    title: 'A denied renewal',
    description:
      'No biometrics are ever reported; a denial notice reaches the documents list before the I-821D status says "Case Was Denied"; the I-765 is denied the next day.',
    seed: 'daca-denial-1',
    startDay: 60,
    endDay: 80,
    account: { ...ACCOUNT, representativeName: 'MORALES, LUIS' },
    cases: pair('IOE0933030201', 'IOE0933030202'),
    otherAccountReceipts: ['IOE0933999003'],
    steps: [
      ...FILED,
      { day: 0, time: '13:04', case: 'both', actions: [{ type: 'document', docType: 'G-28', source: 'Applicant Provided' }] },
      ...review(31),
      {
        day: 68, time: '14:20', case: 'i821d', phase: 'silent-denial',
        actions: [{ type: 'document', docType: 'I-821D Denial Notice', source: 'USCIS Generated' }],
      },
      {
        day: 69, time: '15:00', case: 'i821d', phase: 'denied',
        actions: [
          { type: 'event', code: 'EA' },
          { type: 'event', code: 'IFA' },
          { type: 'status', code: 'EA', wording: 'denied' },
        ],
      },
      {
        day: 70, time: '14:00', case: 'i765', phase: 'i765-denied',
        actions: [
          { type: 'document', docType: 'I-765 Denial Notice', source: 'USCIS Generated' },
          { type: 'event', code: 'EA' },
          { type: 'event', code: 'IFA' },
          { type: 'status', code: 'EA', wording: 'denied' },
        ],
      },
      { day: 73, time: '12:00', case: 'both', phase: 'closed', actions: [{ type: 'flags', closed: true }] },
    ],
  },
  {
    name: 'daca-biometrics-appointment',
    title: 'A renewal with a biometrics appointment',
    description: 'An appointment notice (with its date), fingerprints taken at the appointment, review, approval and card.',
    seed: 'daca-biometrics-1',
    startDay: 0,
    endDay: 95,
    account: ACCOUNT,
    cases: pair('IOE0933040301', 'IOE0933040302'),
    otherAccountReceipts: ['IOE0933999004'],
    steps: [
      ...FILED,
      {
        day: 3, time: '15:00', case: 'both', phase: 'biometrics-scheduled',
        actions: [
          { type: 'event', code: 'IMAF' },
          { type: 'notice', actionType: 'Appointment Scheduled', appointmentDay: 17, appointmentTime: '13:30' },
          { type: 'document', docType: 'Appointment Scheduled', source: 'USCIS Generated' },
          { type: 'status', code: 'FNA', wording: 'biometrics-scheduled' },
        ],
      },
      {
        day: 17, time: '14:10', case: 'both', phase: 'biometrics-taken',
        actions: [
          { type: 'event', code: 'FNB' },
          { type: 'status', code: 'FNB', wording: 'fingerprints-taken' },
        ],
      },
      { day: 18, time: '09:00', case: 'both', actions: [{ type: 'event', code: 'MA70' }] },
      ...review(40),
      {
        day: 85, time: '14:00', case: 'i821d', phase: 'silent-approval',
        actions: [{ type: 'document', docType: 'I-821D Approval Notice', source: 'USCIS Generated' }],
      },
      { day: 85, time: '16:00', case: 'i765', actions: [{ type: 'document', docType: 'I-765 C33 Standalone Approval', source: 'USCIS Generated' }] },
      {
        day: 86, time: '13:30', case: 'both', phase: 'approved',
        actions: [
          { type: 'event', code: 'DA' },
          { type: 'status', code: 'DA', wording: 'approved' },
        ],
      },
      ...cardSteps(86),
    ],
  },
  {
    name: 'daca-reemitted-events',
    title: 'The normal renewal, with re-emitted, backdated and unknown events',
    description:
      'USCIS re-emits events under new ids with the same code and time, adds an event months after the day it says it happened, and uses codes that are in no list.',
    seed: 'daca-reemitted-1',
    startDay: 28,
    endDay: 90,
    account: ACCOUNT,
    cases: pair('IOE0933050401', 'IOE0933050402'),
    otherAccountReceipts: ['IOE0933999005'],
    steps: [
      ...renewalSteps(),
      { day: 31, time: '03:00', case: 'i821d', phase: 'reemitted', actions: [{ type: 'event', code: 'FTA0', reemit: true }] },
      { day: 45, time: '11:00', case: 'i765', phase: 'backdated', actions: [{ type: 'event', code: 'FSA0', eventDay: 1 }] },
      { day: 50, time: '03:00', case: 'both', actions: [{ type: 'event', code: 'IAF', reemit: true }] },
      { day: 52, time: '15:00', case: 'i821d', phase: 'unknown-code', actions: [{ type: 'event', code: 'XRZ1' }] },
      { day: 53, time: '15:30', case: 'i765', actions: [{ type: 'event', code: 'FTA1' }] },
    ],
  },
  {
    name: 'daca-applicant-upload',
    title: 'The normal renewal, with the applicant uploading and USCIS touching the record',
    description:
      'The applicant uploads a document and the record is touched several times: updatedAtTimestamp moves but nothing is decided.',
    seed: 'daca-upload-1',
    startDay: 18,
    endDay: 90,
    account: ACCOUNT,
    cases: pair('IOE0933060501', 'IOE0933060502'),
    otherAccountReceipts: ['IOE0933999006'],
    steps: [
      ...renewalSteps(),
      { day: 20, time: '23:15', case: 'i821d', phase: 'applicant-upload', actions: [{ type: 'document', docType: 'Other', source: 'Applicant Provided' }] },
      { day: 40, time: '16:00', case: 'i765', phase: 'touched', actions: [{ type: 'touch' }] },
      { day: 56, time: '17:20', case: 'i821d', actions: [{ type: 'touch' }] },
    ],
  },
  {
    name: 'daca-silent-i821d',
    title: 'The I-821D record never moves; only the I-765 shows the decision',
    description:
      'The I-821D keeps saying "being reviewed" with no approval document or notice, while the I-765 is approved and its card produced: the I-821D was approved, by inference.',
    seed: 'daca-silent-i821d-1',
    startDay: 65,
    endDay: 85,
    account: ACCOUNT,
    cases: pair('IOE0933070601', 'IOE0933070602'),
    otherAccountReceipts: ['IOE0933999007'],
    steps: [
      ...FILED,
      ...biometricsReused(9),
      ...review(33),
      {
        day: 70, time: '14:40', case: 'i765', phase: 'silent-approval',
        actions: [{ type: 'document', docType: 'I-765 C33 Standalone Approval', source: 'USCIS Generated' }],
      },
      {
        day: 71, time: '15:00', case: 'i765', phase: 'approved',
        actions: [
          { type: 'event', code: 'SA' },
          { type: 'status', code: 'SA', wording: 'approved' },
        ],
      },
      ...cardSteps(71),
    ],
  },
  {
    name: 'daca-empty-documents',
    title: 'The normal renewal with an empty documents list throughout',
    description:
      'The documents endpoint answers an empty list from filing to card delivery: only codes, titles and events show the approval.',
    seed: 'daca-empty-docs-1',
    startDay: 74,
    endDay: 90,
    account: ACCOUNT,
    cases: pair('IOE0933090801', 'IOE0933090802'),
    otherAccountReceipts: ['IOE0933999009'],
    steps: withoutDocuments(renewalSteps()),
  },
  {
    name: 'daca-flaky-documents',
    title: 'The normal renewal, with a documents list that fails now and then',
    description:
      'Every third documents request answers 503 and every other seventh one drops the connection: a failed fetch is not an empty list.',
    seed: 'daca-flaky-1',
    startDay: 70,
    endDay: 90,
    account: ACCOUNT,
    cases: pair('IOE0933080701', 'IOE0933080702'),
    otherAccountReceipts: ['IOE0933999008'],
    steps: renewalSteps(),
    faults: [
      { endpoint: 'documents', kind: 'server-error', status: 503, every: 3 },
      { endpoint: 'documents', kind: 'drop', every: 7 },
    ],
  },
  {
    name: 'daca-apr0-early-approval',
    title: 'A renewal whose first approval signal is an APR0 event',
    description:
      'Filed online (EFile), the IAF dated midnight of the filing day but written two days later; the I-821D gets an APR0 event two days before any approval document or title; APR0, RCV0, IAK and H008 (twice) come with the approvals; "We produced your new card".',
    seed: 'daca-apr0-1',
    startDay: 72,
    endDay: 90,
    account: ACCOUNT,
    cases: {
      i821d: { ...pair('IOE0933100901', 'IOE0933100902', true).i821d, elisChannelType: 'EFile' },
      i765: { ...pair('IOE0933100901', 'IOE0933100902', true).i765, elisChannelType: 'EFile' },
    },
    otherAccountReceipts: ['IOE0933999010'],
    steps: apr0Steps(),
  },
  {
    name: 'daca-renewal-we-titles',
    title: 'The normal renewal told in "We ..." titles',
    description:
      'The daca-renewal story phase by phase, with every status title in my.uscis.gov\'s newer "We ..." / "Your ..." wording and its Spanish twin, case and punctuation varying.',
    seed: 'daca-we-titles-1',
    startDay: 70,
    endDay: 90,
    account: ACCOUNT,
    cases: pair('IOE0933111001', 'IOE0933111002'),
    otherAccountReceipts: ['IOE0933999011'],
    steps: reworded(renewalSteps(), WE_TITLES),
  },
  {
    name: 'daca-rotating-content-ids',
    title: 'The normal renewal, with a new contentId for every document on every request',
    description:
      'Every documents answer gives every document a new opaque contentId (its name, type, date and source unchanged); the case cards list companions as receipts.',
    seed: 'daca-rotating-1',
    startDay: 70,
    endDay: 90,
    account: ACCOUNT,
    cases: pair('IOE0933121101', 'IOE0933121102', true),
    otherAccountReceipts: ['IOE0933999012'],
    steps: reworded(renewalSteps(), { i821d: { received: 'received-receipt-sent' }, i765: {} }),
    rotateContentIds: true,
    caseCardsCompanions: 'receipts',
  },
  {
    name: 'daca-wrong-receipt',
    title: 'A renewal with a request for evidence, where answers carry another receipt\'s payload',
    description:
      'On the RFE days the I-765\'s detail, status and documents carry the I-821D\'s payload; on the approval day the I-821D\'s carry another account\'s receipt. The RFE title reads "We sent a request for additional evidence.".',
    seed: 'daca-wrong-receipt-1',
    startDay: 48,
    endDay: 96,
    account: ACCOUNT,
    cases: {
      i821d: { ...pair('IOE0933131201', 'IOE0933131202', true).i821d, elisChannelType: 'Service Center' },
      i765: { ...pair('IOE0933131201', 'IOE0933131202', true).i765, elisChannelType: 'Service Center' },
    },
    otherAccountReceipts: ['IOE0933999013'],
    steps: reworded(rfeSteps(), { i821d: { 'rfe-sent': 'we-sent-rfe' }, i765: {} }),
    wrongReceipt: [
      { case: 'i765', answersAs: 'companion', fromDay: 52, untilDay: 54 },
      { case: 'i821d', answersAs: 'IOE0933999013', fromDay: 88, untilDay: 89 },
    ],
    receiptInfoMessage: 'inside-data',
  },
  {
    name: 'daca-interview-notice',
    title: 'The normal renewal, with an interview notice',
    description:
      'An "Interview Scheduled" notice (with its date) and its document reach the I-821D while its title still says "being reviewed"; no event code tells of it; the renewal then goes on as usual.',
    seed: 'daca-interview-1',
    startDay: 38,
    endDay: 90,
    account: ACCOUNT,
    cases: pair('IOE0933141301', 'IOE0933141302'),
    otherAccountReceipts: ['IOE0933999014'],
    steps: [
      ...renewalSteps(),
      {
        day: 40, time: '16:05', case: 'i821d', phase: 'interview-scheduled',
        actions: [
          { type: 'notice', actionType: 'Interview Scheduled', appointmentDay: 55, appointmentTime: '14:30' },
          { type: 'document', docType: 'Interview Scheduled', source: 'USCIS Generated' },
        ],
      },
    ],
  },
  {
    name: 'daca-termination',
    title: 'A terminated DACA request, then a denied work permit',
    description:
      'The I-821D status turns to "Your Case Was Terminated (Denial)" with code H016 (seen live); the I-765 is denied the next day.',
    seed: 'daca-termination-1',
    startDay: 58,
    endDay: 70,
    account: ACCOUNT,
    cases: pair('IOE0933060501', 'IOE0933060502'),
    otherAccountReceipts: ['IOE0933999021'],
    steps: [
      ...FILED,
      ...biometricsReused(8),
      ...review(30),
      {
        day: 60, time: '14:10', case: 'i821d', phase: 'terminated',
        actions: [
          { type: 'event', code: 'H016' },
          { type: 'status', code: 'H016', wording: 'terminated-denial' },
        ],
      },
      {
        day: 61, time: '15:00', case: 'i765', phase: 'i765-denied',
        actions: [
          { type: 'event', code: 'EA' },
          { type: 'status', code: 'EA', wording: 'denied' },
        ],
      },
      { day: 64, time: '12:00', case: 'both', phase: 'closed', actions: [{ type: 'flags', closed: true }] },
    ],
  },
  {
    name: 'daca-rejection',
    title: 'A rejected renewal filing',
    description:
      'Both filings are rejected a few days after the receipt ("Case Was Rejected"), with no document; the status code is of a family trackers list with such decisions.',
    seed: 'daca-rejection-1',
    startDay: 1,
    endDay: 10,
    account: ACCOUNT,
    cases: pair('IOE0933070601', 'IOE0933070602'),
    otherAccountReceipts: ['IOE0933999022'],
    steps: [
      ...FILED,
      {
        day: 4, time: '16:00', case: 'both', phase: 'rejected',
        // Which code a rejection carries is not known; EZ is one of the families listed with such decisions.
        actions: [{ type: 'status', code: 'EZ', wording: 'rejected' }],
      },
      { day: 6, time: '12:00', case: 'both', phase: 'closed', actions: [{ type: 'flags', closed: true }] },
    ],
  },
  {
    name: 'daca-h008-approval',
    title: 'A renewal approved under code H008',
    description:
      'H008 first as the biometrics-reuse status, then, on the approval day, written twice and shown as the status code of "Case Approved" on both cases (as one user reported); the card follows.',
    seed: 'daca-h008-1',
    startDay: 69,
    endDay: 80,
    account: ACCOUNT,
    cases: pair('IOE0933090801', 'IOE0933090802'),
    otherAccountReceipts: ['IOE0933999024'],
    steps: [
      ...FILED,
      ...biometricsReused(8),
      ...review(30),
      {
        day: 70, time: '14:20', case: 'both', phase: 'approved',
        actions: [
          { type: 'event', code: 'H008', nearDuplicateMs: 19 },
          { type: 'status', code: 'H008', wording: 'case-approved' },
        ],
      },
      ...cardSteps(70),
    ],
  },
  {
    name: 'daca-card-returned',
    title: 'The normal renewal, with the new card returned to USCIS',
    description:
      'The normal renewal until the card is mailed (with its USPS tracking number) and picked up by the Post Office; no delivery for twelve days (late), then the card is returned to USCIS as undeliverable.',
    seed: 'daca-card-returned-1',
    startDay: 79,
    endDay: 95,
    account: ACCOUNT,
    cases: pair('IOE0933091001', 'IOE0933091002'),
    otherAccountReceipts: ['IOE0933999025'],
    steps: [
      // The renewal's steps up to the pick-up (the card is mailed on day 80); the delivery and the closing never come.
      ...renewalSteps().filter((step) => step.phase !== 'card-delivered' && step.phase !== 'closed'),
      {
        day: 92, time: '16:20', case: 'i765', phase: 'card-returned',
        actions: [
          { type: 'event', code: 'LFA' },
          { type: 'status', code: 'LFA', wording: 'card-returned' },
        ],
      },
    ],
  },
  {
    name: 'daca-sparse-events',
    title: 'The normal renewal, served as users trim it',
    description:
      'Every event comes as {eventCode, createdAt} only (no id, no timestamp) and notices without ids; FTA0 is written again days apart, and twice on one day.',
    seed: 'daca-sparse-1',
    startDay: 29,
    endDay: 90,
    account: ACCOUNT,
    cases: pair('IOE0933080701', 'IOE0933080702'),
    otherAccountReceipts: ['IOE0933999023'],
    payloadTrim: 'sparse',
    steps: [
      ...renewalSteps(),
      { day: 32, time: '09:00', case: 'i765', phase: 'fta0-again', actions: [{ type: 'event', code: 'FTA0' }] },
      { day: 32, time: '18:00', case: 'i765', actions: [{ type: 'event', code: 'FTA0' }] },
      { day: 50, time: '15:00', case: 'i765', phase: 'fta0-later', actions: [{ type: 'event', code: 'FTA0' }] },
    ],
  },
];

/**
 * The renewal as some approved cases show it: the documents list stays empty throughout, so only
 * status codes, titles and events tell the story (steps left with no action are dropped).
 */
function withoutDocuments(steps: StepInput[]): StepInput[] {
  return steps.flatMap((step) => {
    const actions = step.actions.filter((action) => action.type !== 'document');
    return actions.length > 0 ? [{ ...step, actions }] : [];
  });
}

/** Sorts steps by when they happen, keeping the written order for steps at the same time. */
function inTimeOrder(steps: ScenarioStep[]): ScenarioStep[] {
  return steps
    .map((step, index) => ({ step, index }))
    .sort((a, b) => stepHours(a.step) - stepHours(b.step) || a.index - b.index)
    .map(({ step }) => step);
}

/** A step's time in hours after filing-day midnight (UTC). */
export function stepHours(step: Pick<ScenarioStep, 'day' | 'time'>): number {
  const [h = 0, m = 0] = step.time.split(':').map(Number);
  return step.day * 24 + h + m / 60;
}

/** Validates a scenario (built-in or from a JSON file) and puts its steps in time order. */
export function loadScenario(input: unknown): Scenario {
  const scenario = ScenarioSchema.parse(input);
  for (const step of scenario.steps) {
    for (const action of step.actions) {
      if (action.type === 'status' && typeof action.wording === 'string' && !isStatusWordingKey(action.wording)) {
        throw new Error(`Scenario ${scenario.name}: unknown status wording "${action.wording}" on day ${step.day}. Known: ${Object.keys(STATUS_WORDING).join(', ')}`);
      }
    }
  }
  return { ...scenario, steps: inTimeOrder(scenario.steps) };
}

export const SCENARIOS: ReadonlyMap<string, Scenario> = new Map(
  SCENARIO_INPUTS.map((input) => [input.name, loadScenario(input)]),
);

export const DEFAULT_SCENARIO = 'daca-renewal';

export function getScenario(name: string): Scenario {
  const scenario = SCENARIOS.get(name);
  if (!scenario) {
    throw new Error(`Unknown scenario "${name}". Known scenarios: ${[...SCENARIOS.keys()].join(', ')}`);
  }
  return scenario;
}

/**
 * The story's phases in order: when each begins and when its last step has happened (hours after
 * filing-day midnight, UTC). A phase lasts until the next one begins.
 */
export function scenarioPhases(scenario: Scenario): Array<{ phase: string; day: number; time: string; hours: number; settledHours: number }> {
  const phases: Array<{ phase: string; day: number; time: string; hours: number; settledHours: number }> = [];
  for (const step of scenario.steps) {
    const hours = stepHours(step);
    if (step.phase !== undefined) phases.push({ phase: step.phase, day: step.day, time: step.time, hours, settledHours: hours });
    else if (phases.length > 0) phases[phases.length - 1]!.settledHours = hours;
  }
  return phases;
}
