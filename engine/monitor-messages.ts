// What the monitor says to a person about its own work (a receipt of another account, a mixed-up answer, a skipped
// check, an unread applicant page, a notification that could not be shown), in English and Spanish. Wording only.

import type { Localized } from '../shared/localized';

export const MONITOR_MESSAGES = {
  /** `receipt` masked; `status` the 404 or 500 USCIS answered. */
  notThisAccount: (receipt: string, status: number): Localized => ({
    en: `${receipt} is not a case of this myUSCIS account (USCIS answered ${status} while your other case was served). DACA Watch checks it again once a day; check the number, enter it again to check it now, or sign in with the account that filed it.`,
    es: `${receipt} no es un caso de esta cuenta de myUSCIS (USCIS respondió ${status} mientras su otro caso sí se mostraba). DACA Watch lo vuelve a consultar una vez al día; revise el número, escríbalo de nuevo para consultarlo ahora o inicie sesión con la cuenta que lo presentó.`,
  }),
  /** Every case refused at the same moment: the site, not the receipts. */
  outage: (status: number): Localized => ({
    en: `myUSCIS answered ${status} for both of your cases at once: the site seems to be having problems. DACA Watch waits a little and reads both cases again.`,
    es: `myUSCIS respondió ${status} para sus dos casos a la vez: el sitio parece tener problemas. DACA Watch espera un poco y vuelve a consultar los dos casos.`,
  }),
  /** An edge network's block page (Akamai, Cloudflare): never a sign-in prompt. */
  blocked: (): Localized => ({
    en: 'USCIS is blocking requests from this computer for now. Signing in again will not help; DACA Watch waits and tries again later.',
    es: 'Por ahora USCIS está bloqueando las solicitudes desde esta computadora. Volver a iniciar sesión no ayuda; DACA Watch espera y lo vuelve a intentar más tarde.',
  }),
  /** `receipt` masked; `other` the masked receipt the answer was about, or null when it named none. */
  foreignAnswer: (receipt: string, other: string | null): Localized => ({
    en: `USCIS answered a request about ${receipt} with data about ${other ?? 'another receipt'}. Nothing from this check was kept; the case is checked again at its next turn.`,
    es: `USCIS respondió a una consulta sobre ${receipt} con datos de ${other ?? 'otro recibo'}. No se guardó nada de esta consulta; el caso se vuelve a consultar en su próximo turno.`,
  }),
  /** `--once` met the per-case floor; `receipt` masked. */
  checkedTooRecently: (receipt: string): Localized => ({
    en: `${receipt} was checked less than 10 minutes ago; skipped to stay polite to USCIS.`,
    es: `${receipt} se consultó hace menos de 10 minutos; se omite esta vez para consultar a USCIS con moderación.`,
  }),
  /** The applicant page failed in a way worth trying again (`kind`: the outcome). */
  accountCasesRetrying: (kind: string): Localized => ({
    en: `Could not read the cases your myUSCIS account lists (${kind}); trying again after a pause. You can still type your receipt numbers.`,
    es: `No se pudieron leer los casos que muestra su cuenta de myUSCIS (${kind}); se volverá a intentar después de una pausa. Puede escribir sus números de recibo de todos modos.`,
  }),
  /** The applicant page answered but listed nothing readable (`why`: the outcome or the reason it was malformed). */
  accountCasesUnlisted: (why: string): Localized => ({
    en: `The myUSCIS applicant page did not list your cases this time (${why}). You can still type your receipt numbers.`,
    es: `La página de solicitante de myUSCIS no mostró sus casos esta vez (${why}). Puede escribir sus números de recibo de todos modos.`,
  }),
  /** `why` is the system's own words (English, technical): kept in the English line, not put into the Spanish one. */
  notificationFailed: (why: string): Localized => ({
    en: `Could not show a notification: ${why}`,
    es: 'No se pudo mostrar una notificación: el sistema no la mostró. La novedad sigue en el panel de DACA Watch y en el ícono de la bandeja.',
  }),
} as const;
