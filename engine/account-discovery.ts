// What `--discover` tells: the cases the account's applicant page lists, with their forms, and the DACA pair proposed
// from them, in English or Spanish, receipts masked on request. Wording only: the page is read by the monitor.

import { proposePair, type ProposedPair } from '../shared/knowledge/account-pair';
import type { Language } from '../shared/localized';
import type { AccountCase } from '../shared/myuscis/account-cases';
import { isReceiptNumber, maskReceipt } from '../shared/receipt';

export interface Discovery {
  cases: AccountCase[];
  pair: ProposedPair | null;
}

export function discoveryOf(cases: AccountCase[]): Discovery {
  return { cases, pair: proposePair(cases) };
}

const BECAUSE: Record<ProposedPair['because'], Record<Language, string>> = {
  'listed-together': { en: 'USCIS lists them together', es: 'USCIS los muestra juntos' },
  'filed-same-day': { en: 'filed the same day', es: 'presentados el mismo día' },
  'filed-close-together': { en: 'filed within two weeks of each other', es: 'presentados con menos de dos semanas de diferencia' },
};

/** The lines `--discover` prints. */
export function describeDiscovery(discovery: Discovery, options: { language: Language; mask: boolean }): string[] {
  const { language: lang, mask } = options;
  const shown = (receipt: string) => (mask && isReceiptNumber(receipt) ? maskReceipt(receipt) : receipt);
  const form = (c: AccountCase) => c.formType ?? (lang === 'en' ? 'form not given' : 'formulario no indicado');
  if (discovery.cases.length === 0) {
    return [lang === 'en' ? 'The myUSCIS account lists no online (IOE) cases.' : 'La cuenta de myUSCIS no muestra casos en línea (IOE).'];
  }
  const lines = [
    lang === 'en' ? `Cases on this myUSCIS account (${discovery.cases.length}):` : `Casos de esta cuenta de myUSCIS (${discovery.cases.length}):`,
    ...discovery.cases.map((c) => `  ${form(c).padEnd(8)} ${shown(c.receipt)}${c.submissionDate ? (lang === 'en' ? `  filed ${c.submissionDate}` : `  presentado el ${c.submissionDate}`) : ''}`),
  ];
  const { pair } = discovery;
  lines.push(pair === null
    ? (lang === 'en' ? 'No DACA pair (an I-821D and its I-765) to propose: type the receipts instead.' : 'No hay un par de DACA (un I-821D y su I-765) que proponer: escriba los números de recibo.')
    : (lang === 'en'
      ? `Proposed pair: I-821D ${shown(pair.i821d.receipt)} + I-765 ${shown(pair.i765.receipt)} (${BECAUSE[pair.because].en}).`
      : `Par propuesto: I-821D ${shown(pair.i821d.receipt)} + I-765 ${shown(pair.i765.receipt)} (${BECAUSE[pair.because].es}).`));
  return lines;
}
