// The sheet for the employer: one printable HTML page in English or Spanish, factual and calm (when the renewal was
// filed, its state as of the last check, the card's expiry, what (c)(33) means, USCIS's own pages), marked as information,
// not legal advice. Plain TypeScript (no `electron` import); every value escaped, no script, nothing loaded from anywhere.

import { formatLongStamp } from '../shared/format-date';
import { escapeHtml } from '../shared/html';
import { dayInZone } from '../shared/knowledge/calendar-days';
import { formatCivilDay, USCIS_PAGES } from '../shared/knowledge/renewal-calendar';
import { renewalFactsOf, shownReceipts, storedVerdict } from '../shared/knowledge/renewal-facts';
import type { Language, Localized } from '../shared/localized';
import type { AppState } from '../shared/monitor/state';
import { isUscisHelpLink } from '../shared/security/navigation';
import { recordPage } from './record-page';

/** The page's look on screen and on paper (the print hint hides when printed). */
const SHEET_STYLE =
  'body{font-family:Georgia,serif;margin:2rem;max-width:46rem;color:#111;line-height:1.45}dl{display:grid;grid-template-columns:max-content 1fr;gap:.4rem 1rem}dt{font-weight:bold}.notice{border:2px solid #111;padding:.6rem .8rem}.note{color:#333}@media print{.note.print{display:none}}';

export interface EmployerSheetInput {
  state: Pick<AppState, 'cases' | 'snapshots' | 'history' | 'settings'>;
  /** Epoch ms when the sheet is made. */
  now: number;
  language: Language;
  /** IANA zone the times are shown in (the computer's own). */
  timeZone: string;
  /** The receipt numbers appear only when the user chose it (masked still, when masking is on). */
  showReceipts: boolean;
}

const WORDS = {
  title: { en: 'DACA renewal: information for the employer', es: 'Renovación de DACA: información para el empleador' },
  notAdvice: {
    en: 'This sheet is information, not legal advice. The employee prepared it with DACA Watch, an app that reads their own USCIS online account; it is not a USCIS document.',
    es: 'Esta hoja es información, no asesoría legal. La persona empleada la preparó con DACA Watch, una aplicación que lee su propia cuenta en línea de USCIS; no es un documento de USCIS.',
  },
  made: { en: 'Prepared on', es: 'Preparada el' },
  facts: { en: 'The renewal', es: 'La renovación' },
  filed: { en: 'Renewal filed with USCIS on', es: 'Renovación presentada ante USCIS el' },
  notFiled: { en: 'Not filed yet, or the filing date has not been read yet.', es: 'Todavía no se presentó, o todavía no se leyó la fecha de presentación.' },
  forms: { en: 'Forms', es: 'Formularios' },
  formsValue: {
    en: 'Form I-821D (Consideration of Deferred Action for Childhood Arrivals) and Form I-765 (Application for Employment Authorization), filed together',
    es: 'Formulario I-821D (Consideración de Acción Diferida para los Llegados en la Infancia) y Formulario I-765 (Solicitud de Autorización de Empleo), presentados juntos',
  },
  receipts: { en: 'Receipt numbers', es: 'Números de recibo' },
  state: { en: 'Current state', es: 'Estado actual' },
  asOf: { en: 'as of', es: 'a la fecha de' },
  notChecked: { en: 'not checked yet', es: 'todavía sin revisar' },
  expiry: { en: 'Current work permit (EAD) expires on', es: 'El permiso de trabajo (EAD) actual vence el' },
  expiryUnknown: { en: 'Not given.', es: 'No indicado.' },
  newCard: { en: 'New work permit, as printed on the card', es: 'Nuevo permiso de trabajo, según la tarjeta' },
  validFromTo: { en: 'valid from {from} to {to}', es: 'válido del {from} al {to}' },
  c33Title: { en: 'What category (c)(33) means', es: 'Qué significa la categoría (c)(33)' },
  c33: {
    en: 'DACA work permits are issued under category (c)(33). USCIS does not automatically extend a (c)(33) work permit while its renewal is pending: the receipt notice for the renewal does not extend the card. If the card expires before USCIS approves the renewal, the employee is not authorized to work from the expiry date until the renewal is approved. A new card is valid from the approval date, usually for two years.',
    es: 'Los permisos de trabajo de DACA se emiten en la categoría (c)(33). USCIS no extiende automáticamente un permiso (c)(33) mientras su renovación está pendiente: el aviso de recibo de la renovación no extiende la tarjeta. Si la tarjeta vence antes de que USCIS apruebe la renovación, la persona no está autorizada a trabajar desde la fecha de vencimiento hasta que se apruebe la renovación. Una tarjeta nueva es válida desde la fecha de aprobación, normalmente por dos años.',
  },
  guidanceTitle: { en: 'USCIS’s own guidance', es: 'La información oficial de USCIS' },
  guidance: { en: 'Official pages on uscis.gov:', es: 'Páginas oficiales en uscis.gov:' },
  pages: {
    i9Central: { en: 'I-9 Central: verifying employment eligibility (Form I-9)', es: 'I-9 Central: verificación de elegibilidad de empleo (Formulario I-9)' },
    automaticExtension: { en: 'Automatic extensions of work permits: which categories qualify', es: 'Extensiones automáticas de permisos de trabajo: qué categorías califican' },
    daca: { en: 'Deferred Action for Childhood Arrivals (DACA)', es: 'Acción Diferida para los Llegados en la Infancia (DACA)' },
  },
  print: {
    en: 'To print or keep as a PDF: open this file in a web browser and choose Print.',
    es: 'Para imprimirla o guardarla como PDF: abra este archivo en un navegador web y elija Imprimir.',
  },
} satisfies Record<string, unknown>;

/** The pages the sheet lists, in this order; each one checked as an official https uscis.gov page. */
const GUIDANCE: Array<keyof typeof WORDS.pages> = ['i9Central', 'automaticExtension', 'daca'];

export function employerSheet({ state, now, language: lang, timeZone, showReceipts }: EmployerSheetInput): string {
  const say = (words: Localized) => escapeHtml(words[lang]);
  const today = dayInZone(now, timeZone);
  const verdict = storedVerdict(state, today);
  const facts = renewalFactsOf(state, today, timeZone, verdict);
  const readTimes = state.cases
    .flatMap((c) => {
      const snapshot = state.snapshots[c.receipt];
      return [snapshot?.detail?.at, snapshot?.status?.at, snapshot?.documents?.at];
    })
    .filter((at): at is string => at !== undefined)
    .sort();
  const lastRead = readTimes.at(-1);

  const rows: Array<[string, string]> = [];
  rows.push([say(WORDS.filed), facts.submitted === null ? say(WORDS.notFiled) : escapeHtml(formatCivilDay(facts.submitted, lang))]);
  if (facts.filed) rows.push([say(WORDS.forms), say(WORDS.formsValue)]);
  if (showReceipts && facts.filed) rows.push([say(WORDS.receipts), escapeHtml(shownReceipts(state).join(', '))]);
  if (facts.filed) {
    const when = lastRead === undefined ? say(WORDS.notChecked) : escapeHtml(formatLongStamp(Date.parse(lastRead), lang, timeZone));
    rows.push([say(WORDS.state), `${escapeHtml(verdict.headline[lang])} (${say(WORDS.asOf)} ${when})`]);
  }
  rows.push([say(WORDS.expiry), facts.permitExpiry === null ? say(WORDS.expiryUnknown) : escapeHtml(formatCivilDay(facts.permitExpiry, lang))]);
  if (facts.decision === 'approved' && facts.newCard !== null) {
    const from = facts.newCard.validFrom === null ? '' : formatCivilDay(facts.newCard.validFrom, lang);
    const to = formatCivilDay(facts.newCard.expiry, lang);
    rows.push([say(WORDS.newCard), escapeHtml(WORDS.validFromTo[lang].replace('{from}', from).replace('{to}', to))]);
  }

  const links = GUIDANCE.map((name) => {
    const url = USCIS_PAGES[name];
    // Only official https pages on uscis.gov reach the sheet.
    if (!isUscisHelpLink(url)) throw new Error(`Not an official USCIS page: ${url}`);
    return `<li>${say(WORDS.pages[name])}: <a href="${escapeHtml(url)}">${escapeHtml(url)}</a></li>`;
  });

  return recordPage({
    language: lang,
    title: WORDS.title[lang],
    style: SHEET_STYLE,
    body: `<h1>${say(WORDS.title)}</h1>
<p class="notice" data-role="not-advice"><strong>${say(WORDS.notAdvice)}</strong></p>
<p>${say(WORDS.made)} ${escapeHtml(formatLongStamp(now, lang, timeZone))}.</p>
<h2>${say(WORDS.facts)}</h2>
<dl>
${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('\n')}
</dl>
<h2>${say(WORDS.c33Title)}</h2>
<p>${say(WORDS.c33)}</p>
<h2>${say(WORDS.guidanceTitle)}</h2>
<p>${say(WORDS.guidance)}</p>
<ul>
${links.join('\n')}
</ul>
<p class="note print">${say(WORDS.print)}</p>`,
  });
}
