// The sheet for the employer, written to the employer about the employee (third person, never to the employee): the
// work permit's status as facts with their dates (past tense for a past expiry), the renewal's filing and receipt dates,
// and what the rules say ((c)(33): no automatic extension; Form I-9 reverification with the new card), with USCIS's
// pages. One printable HTML page in English or Spanish, marked as information, not legal advice. Plain TypeScript (no
// `electron` import); every value escaped, no script, nothing loaded from anywhere.

import { formatLongStamp } from '../shared/format-date';
import { escapeHtml } from '../shared/html';
import { dayInZone } from '../shared/knowledge/calendar-days';
import { formatCivilDay, USCIS_PAGES } from '../shared/knowledge/renewal-calendar';
import { renewalFactsOf, shownReceipts, storedVerdict } from '../shared/knowledge/renewal-facts';
import { CASE_TIME_WORDS, caseTimes } from '../shared/knowledge/snapshot-view';
import { storedWorkAnswer } from '../shared/knowledge/work-answer';
import type { Language, Localized } from '../shared/localized';
import type { AppState } from '../shared/monitor/state';
import { isUscisHelpLink } from '../shared/security/navigation';
import { newCardStatement, permitStatement, renewalStatement } from './record-facts';
import { recordPage } from './record-page';

/** The page's look on screen and on paper (the print hint hides when printed). */
const SHEET_STYLE =
  'body{font-family:Georgia,serif;margin:2rem;max-width:46rem;color:#111;line-height:1.45;overflow-wrap:break-word}dl{display:grid;grid-template-columns:fit-content(16rem) 1fr;gap:.4rem 1rem}dt{font-weight:bold}dd{margin:0}.notice{border:2px solid #111;padding:.6rem .8rem}.note{color:#333}@media (max-width:40rem){body{margin:1rem}dl{grid-template-columns:1fr;gap:.1rem}dd{margin-bottom:.5rem}}@media print{.note.print{display:none}}';

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
    en: 'This sheet is information, not legal advice. The employee prepared it with DACA Watch, an app that reads the employee’s own USCIS online account; it is not a USCIS document.',
    es: 'Esta hoja es información, no asesoría legal. La persona empleada la preparó con DACA Watch, una aplicación que lee la propia cuenta en línea de USCIS de la persona empleada; no es un documento de USCIS.',
  },
  made: { en: 'Prepared on', es: 'Preparada el' },
  permitTitle: { en: 'The employee’s work permit', es: 'El permiso de trabajo de la persona empleada' },
  expiryEntered: {
    en: 'The expiry date is the one the employee entered from the card; the card itself is the proof.',
    es: 'La fecha de vencimiento es la que la persona empleada copió de la tarjeta; la prueba es la tarjeta misma.',
  },
  facts: { en: 'The renewal', es: 'La renovación' },
  filed: { en: 'Filed with USCIS on', es: 'Presentada ante USCIS el' },
  notFiled: { en: 'No renewal is being followed in DACA Watch, or its filing date has not been read yet.', es: 'DACA Watch no está siguiendo ninguna renovación, o todavía no leyó su fecha de presentación.' },
  forms: { en: 'Forms', es: 'Formularios' },
  formsValue: {
    en: 'Form I-821D (Consideration of Deferred Action for Childhood Arrivals) and Form I-765 (Application for Employment Authorization), filed together',
    es: 'Formulario I-821D (Consideración de Acción Diferida para los Llegados en la Infancia) y Formulario I-765 (Solicitud de Autorización de Empleo), presentados juntos',
  },
  receipts: { en: 'Receipt numbers', es: 'Números de recibo' },
  state: { en: 'Where it stands', es: 'En qué punto está' },
  notChecked: { en: 'not read yet', es: 'todavía sin leer' },
  goal: { en: 'USCIS’s goal for a decision', es: 'Plazo que USCIS se fija para decidir' },
  goalValue: { en: '{day} (120 days after filing; a goal, not a deadline)', es: '{day} (120 días después de la presentación; una meta, no un plazo obligatorio)' },
  newCard: { en: 'New card', es: 'Nueva tarjeta' },
  lawTitle: { en: 'What the rules say', es: 'Lo que dicen las normas' },
  noExtension: {
    en: 'No automatic extension: USCIS extends some work permits automatically while their renewal is pending, but not those in category (c)(33), the DACA category. The receipt notice for a DACA renewal does not extend the card.',
    es: 'Sin extensión automática: USCIS extiende automáticamente algunos permisos de trabajo mientras se tramita la renovación, pero no los de la categoría (c)(33), la de DACA. El aviso de recibo de una renovación de DACA no extiende la tarjeta.',
  },
  i9: {
    en: 'Form I-9: when the card expires, the employer reverifies the employee’s employment authorization. The new (c)(33) card shows the renewed authorization once it arrives; the approval notice alone is not the card. The employee may choose which acceptable document to present.',
    es: 'Formulario I-9: cuando vence la tarjeta, el empleador vuelve a verificar la autorización de empleo de la persona empleada. La nueva tarjeta (c)(33) muestra la autorización renovada cuando llega; el aviso de aprobación por sí solo no es la tarjeta. La persona empleada puede elegir qué documento aceptable presenta.',
  },
  newCardRule: {
    en: 'A new card is valid from the approval date; its end date is the one printed on it (DACA periods are usually two years; not confirmed for each case).',
    es: 'Una tarjeta nueva es válida desde la fecha de aprobación; su fecha final es la impresa en ella (los periodos de DACA suelen ser de dos años; no está confirmado para cada caso).',
  },
  see: { en: 'USCIS:', es: 'USCIS:' },
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

/** An official https page on uscis.gov as a link; anything else is a mistake here, never shown. */
function uscisLink(url: string, text: string): string {
  if (!isUscisHelpLink(url)) throw new Error(`Not an official USCIS page: ${url}`);
  return `<a href="${escapeHtml(url)}">${escapeHtml(text)}</a>`;
}

// USCIS's published processing times are left off on purpose (issue 24: "employer: only what the person chooses"):
// a window that reaches past the expiry is the person's to share, so the sheet quotes no published time by default.
export function employerSheet({ state, now, language: lang, timeZone, showReceipts }: EmployerSheetInput): string {
  const say = (words: Localized) => escapeHtml(words[lang]);
  const today = dayInZone(now, timeZone);
  const verdict = storedVerdict(state, today);
  const facts = renewalFactsOf(state, today, timeZone, verdict);
  const answer = storedWorkAnswer(state, today, timeZone);
  // When the employee's account was last read, and when what it shows last changed: the newest of the cases' times,
  // in the words the dashboard and the lawyer's record use.
  const times = state.cases.map((c) => caseTimes(state.snapshots[c.receipt], c.readAt));
  const newest = (values: Array<string | null>) => values.filter((at): at is string => at !== null).sort((a, b) => Date.parse(a) - Date.parse(b)).at(-1);
  const lastRead = newest(times.map((t) => t.readAt));
  const lastChange = newest(times.map((t) => t.changedAt));

  const permit = [permitStatement(answer, 'employee', lang)];
  const newCard = newCardStatement(answer, 'employee', lang);
  if (newCard !== null) permit.push(newCard);
  if (answer.expiry !== null) permit.push(WORDS.expiryEntered[lang]);

  const rows: Array<[string, string]> = [];
  rows.push([say(WORDS.filed), facts.submitted === null ? say(WORDS.notFiled) : escapeHtml(formatCivilDay(facts.submitted, lang))]);
  if (facts.filed) rows.push([say(WORDS.forms), say(WORDS.formsValue)]);
  if (showReceipts && facts.filed) rows.push([say(WORDS.receipts), escapeHtml(shownReceipts(state).join(', '))]);
  const standing = renewalStatement(answer, verdict, lang);
  if (facts.filed && standing !== null) rows.push([say(WORDS.state), escapeHtml(standing)]);
  if (facts.filed) rows.push([say(CASE_TIME_WORDS.readAt), lastRead === undefined ? say(WORDS.notChecked) : escapeHtml(formatLongStamp(Date.parse(lastRead), lang, timeZone))]);
  if (facts.filed && lastChange !== undefined) rows.push([say(CASE_TIME_WORDS.changedAt), escapeHtml(formatLongStamp(Date.parse(lastChange), lang, timeZone))]);
  if (answer.pending !== null) rows.push([say(WORDS.goal), escapeHtml(WORDS.goalValue[lang].replace('{day}', formatCivilDay(answer.pending.goalOn, lang)))]);

  const links = GUIDANCE.map((name) => `<li>${say(WORDS.pages[name])}: ${uscisLink(USCIS_PAGES[name], USCIS_PAGES[name])}</li>`);

  return recordPage({
    language: lang,
    title: WORDS.title[lang],
    style: SHEET_STYLE,
    body: `<h1>${say(WORDS.title)}</h1>
<p class="notice" data-role="not-advice"><strong>${say(WORDS.notAdvice)}</strong></p>
<p>${say(WORDS.made)} ${escapeHtml(formatLongStamp(now, lang, timeZone))}.</p>
<h2>${say(WORDS.permitTitle)}</h2>
${permit.map((sentence, index) => `<p${index === 0 ? ' data-role="permit"' : ''}>${escapeHtml(sentence)}</p>`).join('\n')}
<h2>${say(WORDS.facts)}</h2>
<dl>
${rows.map(([term, value]) => `<dt>${term}</dt><dd>${value}</dd>`).join('\n')}
</dl>
<h2>${say(WORDS.lawTitle)}</h2>
<ul>
<li data-role="no-extension">${say(WORDS.noExtension)} ${say(WORDS.see)} ${uscisLink(USCIS_PAGES.automaticExtension, USCIS_PAGES.automaticExtension)}</li>
<li data-role="i-9">${say(WORDS.i9)} ${say(WORDS.see)} ${uscisLink(USCIS_PAGES.i9Central, USCIS_PAGES.i9Central)}</li>
<li>${say(WORDS.newCardRule)}</li>
</ul>
<h2>${say(WORDS.guidanceTitle)}</h2>
<p>${say(WORDS.guidance)}</p>
<ul>
${links.join('\n')}
</ul>
<p class="note print">${say(WORDS.print)}</p>`,
  });
}
