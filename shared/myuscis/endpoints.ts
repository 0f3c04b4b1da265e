// The myUSCIS hosts and JSON endpoints DACA Watch knows about (see MYUSCIS.md), as path builders
// and a matcher. Pure data: no fetching here, and no endpoint that the real service lacks.

/** Where the case data lives. */
export const MYUSCIS_ORIGIN = 'https://my.uscis.gov';
/** Where sign-in and two-step verification live. */
export const MYACCOUNT_ORIGIN = 'https://myaccount.uscis.gov';

/** The page that carries a myaccount sign-in over to my.uscis.gov and lists the applicant's cases. */
export const APPLICANT_PAGE_PATH = '/account/applicant';

export const ENDPOINT_NAMES = [
  'cases-probe',
  'case-detail',
  'case-status',
  'documents',
  'processing-times',
  'receipt-info',
  'history',
] as const;
export type EndpointName = (typeof ENDPOINT_NAMES)[number];

const CASE_API = '/account/case-service/api';

/** Path builders for every endpoint; receipts must already be canonical (see receipt.ts). */
export const endpointPath = {
  /** `{"data": []}` even with cases: only useful as a session probe. */
  casesProbe: (): string => `${CASE_API}/cases`,
  caseDetail: (receipt: string): string => `${CASE_API}/cases/${receipt}`,
  caseStatus: (receipt: string): string => `${CASE_API}/case_status/${receipt}`,
  documents: (receipt: string): string => `${CASE_API}/cases/${receipt}/documents`,
  /** Answers 204 No Content for every form tried. */
  processingTimes: (formType: string, receipt: string): string =>
    `${CASE_API}/cases/${formType}/processing_times/${receipt}`,
  /** Answers `{"data": null}`. */
  receiptInfo: (receipt: string): string => `/secure-messaging/api/case-service/receipt_info/${receipt}`,
  /** Does not exist: 404. */
  history: (receipt: string): string => `${CASE_API}/cases/${receipt}/history`,
} as const;

export interface EndpointMatch {
  name: EndpointName;
  /** The receipt segment exactly as it appeared in the path (not validated). */
  receipt?: string;
  /** The form segment of the processing-times path. */
  formType?: string;
}

const SEGMENT = '([^/]+)';
const MATCHERS: ReadonlyArray<[EndpointName, RegExp]> = [
  ['cases-probe', new RegExp(`^${CASE_API}/cases/?$`)],
  ['processing-times', new RegExp(`^${CASE_API}/cases/${SEGMENT}/processing_times/${SEGMENT}/?$`)],
  ['documents', new RegExp(`^${CASE_API}/cases/${SEGMENT}/documents/?$`)],
  ['history', new RegExp(`^${CASE_API}/cases/${SEGMENT}/history/?$`)],
  ['case-detail', new RegExp(`^${CASE_API}/cases/${SEGMENT}/?$`)],
  ['case-status', new RegExp(`^${CASE_API}/case_status/${SEGMENT}/?$`)],
  ['receipt-info', new RegExp(`^/secure-messaging/api/case-service/receipt_info/${SEGMENT}/?$`)],
];

/** Which endpoint a URL path is, or null for anything else (pages, unknown APIs). */
export function matchEndpoint(pathname: string): EndpointMatch | null {
  for (const [name, pattern] of MATCHERS) {
    const m = pattern.exec(pathname);
    if (!m) continue;
    if (name === 'processing-times') return { name, formType: decode(m[1]), receipt: decode(m[2]) };
    if (name === 'cases-probe') return { name };
    return { name, receipt: decode(m[1]) };
  }
  return null;
}

function decode(segment: string | undefined): string {
  if (segment === undefined) return '';
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
