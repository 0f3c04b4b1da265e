// A USPS tracking number's shape and USPS's one tracking page: what the card tracker reads from USCIS's text and the
// only non-USCIS address the external-link rule lets the user open. A leaf: no imports (like receipt.ts).

/**
 * USPS tracking numbers: the domestic barcode (IMpb) is 20 or 22 digits (22 starting 92-95 for most mail, 20 for
 * older and certified labels); an international or Priority Mail Express label is two letters, nine digits and "US"
 * (the UPU S10 shape). 21 digits is accepted too: a digit lost in copying should still be shown, not hidden.
 */
const DIGITS_ONLY = /^\d{20,22}$/;
const S10 = /^[A-Z]{2}\d{9}US$/;

/** Whether `value` (no spaces) has the shape of a USPS tracking number. */
export function isUspsTrackingNumber(value: string): boolean {
  return DIGITS_ONLY.test(value) || S10.test(value);
}

/**
 * USPS's own tracking page for the number: the only USPS address the app opens (shared/security/navigation.ts
 * allows exactly this path with one valid number). The user opens it in the browser; DACA Watch sends nothing.
 */
export const USPS_TRACKING_PAGE = 'https://tools.usps.com/go/TrackConfirmAction';
