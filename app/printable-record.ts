// The printable record of a DACA renewal for a lawyer or a DACA clinic: one HTML page in the user's language, with
// local times and zone, the verdict, both cases' full history as USCIS reported it and DACA Watch's findings.
// Plain TypeScript (no `electron` import); every value is escaped, no script, receipts masked when asked.

import { formatMediumDay, formatShortStamp } from '../shared/format-date';
import { escapeHtml } from '../shared/html';
import { dayInZone } from '../shared/knowledge/calendar-days';
import { explainCode } from '../shared/knowledge/codes';
import { pairVerdict } from '../shared/knowledge/daca-pair';
import { classifyDocument } from '../shared/knowledge/documents';
import { FINDING_NAMES } from '../shared/knowledge/finding-names';
import { snapshotView } from '../shared/knowledge/snapshot-view';
import type { Language, Localized } from '../shared/localized';
import type { Finding } from '../shared/monitor/findings';
import type { AppState, CaseSnapshot } from '../shared/monitor/state';
import { dateOnlyDay, toIsoDate, toIsoInstant } from '../shared/myuscis/dates';
import { isReceiptNumber, maskReceipt } from '../shared/receipt';
import { recordPage } from './record-page';

/** The page's look on screen and on paper (the print hint hides when printed). */
const RECORD_STYLE =
  'body{font-family:Georgia,serif;margin:2rem;max-width:60rem;color:#111}table{border-collapse:collapse;width:100%;margin-bottom:1rem}td,th{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}dl{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}dt{font-weight:bold}.note{color:#444}@media print{.note.print{display:none}}';

export interface PrintableRecordInput {
  state: Pick<AppState, 'cases' | 'snapshots' | 'history' | 'settings'>;
  /** Epoch ms when the record is made. */
  now: number;
  language: Language;
  /** IANA zone the times are shown in (the computer's own). */
  timeZone: string;
}

const WORDS = {
  title: { en: 'DACA renewal record', es: 'Registro de la renovación de DACA' },
  made: { en: 'Made by DACA Watch on', es: 'Hecho por DACA Watch el' },
  intro: {
    en: 'DACA Watch read these facts from the applicant’s own myUSCIS account. “From USCIS” marks what USCIS itself reported; DACA Watch’s own readings are marked as such. It is not legal advice.',
    es: 'DACA Watch leyó estos datos de la propia cuenta de myUSCIS de la persona solicitante. «De USCIS» indica lo que informó USCIS; las interpretaciones de DACA Watch se indican como tales. No es asesoría legal.',
  },
  print: {
    en: 'To keep it as a PDF: open this file in a web browser, choose Print, then “Save as PDF”.',
    es: 'Para guardarlo como PDF: abra este archivo en un navegador web, elija Imprimir y luego «Guardar como PDF».',
  },
  times: { en: 'Times are local time', es: 'Las horas son hora local' },
  verdict: { en: 'Where the renewal stands', es: 'En qué punto está la renovación' },
  verdictNote: { en: 'DACA Watch’s reading of the facts below.', es: 'Interpretación de DACA Watch de los datos de abajo.' },
  forms: { en: { 'I-821D': 'DACA request (Form I-821D)', 'I-765': 'Work permit (Form I-765)' }, es: { 'I-821D': 'Solicitud de DACA (Formulario I-821D)', 'I-765': 'Permiso de trabajo (Formulario I-765)' } },
  otherForm: { en: 'Case', es: 'Caso' },
  receipt: { en: 'Receipt', es: 'Recibo' },
  filed: { en: 'Filed', es: 'Presentado' },
  office: { en: 'Office', es: 'Oficina' },
  status: { en: 'Current status (USCIS’s words)', es: 'Estatus actual (palabras de USCIS)' },
  lastRead: { en: 'Last read from myUSCIS', es: 'Última lectura de myUSCIS' },
  statuses: { en: 'Status history', es: 'Historial del estatus' },
  events: { en: 'Steps USCIS recorded (event codes)', es: 'Pasos que registró USCIS (códigos de evento)' },
  documents: { en: 'Documents', es: 'Documentos' },
  notices: { en: 'Mailed notices', es: 'Avisos por correo' },
  found: { en: 'What DACA Watch found while watching', es: 'Lo que DACA Watch detectó durante el seguimiento' },
  when: { en: 'When', es: 'Cuándo' },
  code: { en: 'Code', es: 'Código' },
  what: { en: 'What', es: 'Qué' },
  meaning: { en: 'What it usually means', es: 'Qué suele significar' },
  source: { en: 'Source', es: 'Origen' },
  foundAt: { en: 'Found', es: 'Detectado' },
  details: { en: 'Details', es: 'Detalles' },
  caseColumn: { en: 'Case', es: 'Caso' },
  appointment: { en: 'Appointment', es: 'Cita' },
  none: { en: 'None.', es: 'Ninguno.' },
  notRead: { en: 'Not read yet.', es: 'Todavía no se ha leído.' },
  fromUscis: { en: 'From USCIS', es: 'De USCIS' },
  upload: { en: 'Your upload', es: 'Lo subió usted' },
  unknownSource: { en: 'Source not given', es: 'Origen no indicado' },
  reading: { en: 'DACA Watch’s reading', es: 'Interpretación de DACA Watch' },
  confidence: {
    official: { en: 'matches USCIS’s wording', es: 'coincide con el texto de USCIS' },
    community: { en: 'community reading', es: 'según la comunidad' },
    disputed: { en: 'disputed', es: 'en duda' },
    unknown: { en: 'unknown code', es: 'código desconocido' },
  },
} satisfies Record<string, unknown>;

export function printableRecord({ state, now, language: lang, timeZone }: PrintableRecordInput): string {
  const say = (words: Localized) => escapeHtml(words[lang]);
  /** A time USCIS gave (ISO, `+0000`, MM-DD-YYYY...), local with its zone; a date alone as a date; else as given. */
  const when = (raw: string | undefined): string => {
    if (raw === undefined || raw === '') return '';
    // Midnight UTC is how USCIS sends a date without a time: a day, never "12:00 AM UTC".
    const at = /T\d/.test(raw) && dateOnlyDay(raw) === null ? toIsoInstant(raw) : null;
    if (at !== null) return formatShortStamp(Date.parse(at), lang, timeZone);
    const date = toIsoDate(raw);
    return date === null ? raw : formatMediumDay(date, lang);
  };
  const receipt = (value: string) => (state.settings.maskReceipts && isReceiptNumber(value) ? maskReceipt(value) : value);
  const table = (headers: Localized[], rows: string[][]): string =>
    rows.length === 0
      ? `<p>${say(WORDS.none)}</p>`
      : `<table><thead><tr>${headers.map((header) => `<th>${say(header)}</th>`).join('')}</tr></thead><tbody>${rows
          .map((row) => `<tr>${row.map((cell) => `<td>${escapeHtml(cell)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`;
  const byTime = <T>(items: readonly T[], time: (item: T) => string | undefined) =>
    [...items].sort((a, b) => (toIsoInstant(time(a)) ?? time(a) ?? '').localeCompare(toIsoInstant(time(b)) ?? time(b) ?? ''));

  const formOf = (receiptNumber: string): 'I-821D' | 'I-765' | null => {
    const watched = state.cases.find((candidate) => candidate.receipt === receiptNumber);
    const type = watched?.formType ?? state.snapshots[receiptNumber]?.detail?.formType;
    return type === 'I-821D' || type === 'I-765' ? type : null;
  };
  const cases = [...state.cases].sort((a, b) => (formOf(a.receipt) === 'I-821D' ? 0 : 1) - (formOf(b.receipt) === 'I-821D' ? 0 : 1));
  const viewOf = (form: 'I-821D' | 'I-765') => {
    const watched = cases.find((candidate) => formOf(candidate.receipt) === form);
    const snapshot = watched === undefined ? undefined : state.snapshots[watched.receipt];
    return snapshot === undefined ? {} : snapshotView(snapshot);
  };
  const today = dayInZone(now, timeZone);
  const verdict = pairVerdict(viewOf('I-821D'), viewOf('I-765'), today, state.settings.permitExpiry === null ? {} : { permitExpiry: state.settings.permitExpiry });

  const caseSection = (receiptNumber: string, snapshot: CaseSnapshot | undefined): string => {
    const form = formOf(receiptNumber);
    const name = form === null ? WORDS.otherForm[lang] : WORDS.forms[lang][form];
    const lines = [`<h2>${escapeHtml(name)}</h2>`, '<dl>', `<dt>${say(WORDS.receipt)}</dt><dd>${escapeHtml(receipt(receiptNumber))}</dd>`];
    if (snapshot === undefined || (snapshot.detail === null && snapshot.status === null && snapshot.documents === null)) {
      return [...lines, '</dl>', `<p>${say(WORDS.notRead)}</p>`].join('\n');
    }
    const { detail, status, documents } = snapshot;
    const read = [detail?.at, status?.at, documents?.at].filter((at) => at !== undefined).sort().at(-1);
    if (detail?.submissionDate) lines.push(`<dt>${say(WORDS.filed)}</dt><dd>${escapeHtml(when(detail.submissionDate))}</dd>`);
    if (status?.office) lines.push(`<dt>${say(WORDS.office)}</dt><dd>${escapeHtml(status.office)}</dd>`);
    const title = lang === 'es' ? (status?.titleSpanish ?? status?.title) : status?.title;
    if (title) lines.push(`<dt>${say(WORDS.status)}</dt><dd>${escapeHtml(`${title}${status?.code ? ` (${status.code})` : ''}${status?.date ? ` · ${when(status.date)}` : ''}`)}</dd>`);
    if (read) lines.push(`<dt>${say(WORDS.lastRead)}</dt><dd>${escapeHtml(when(read))}</dd>`);
    lines.push('</dl>');
    const statuses = byTime(status?.history ?? [], (entry) => entry.date).map((entry) => [
      when(entry.date),
      entry.code ?? '',
      (lang === 'es' ? (entry.titleSpanish ?? entry.title) : entry.title) ?? '',
    ]);
    lines.push(`<h3>${say(WORDS.statuses)}</h3>`, table([WORDS.when, WORDS.code, WORDS.what], statuses));
    const events = byTime(detail?.events ?? [], (event) => event.eventTimestamp ?? event.createdAtTimestamp).map((event) => {
      const read = explainCode(event.eventCode ?? '', lang);
      // The name without the title's own hedge: how sure it is is said once, in the parenthesis.
      return [when(event.eventTimestamp ?? event.createdAtTimestamp), read.code, `${read.name} (${WORDS.confidence[read.confidence][lang]})`];
    });
    lines.push(`<h3>${say(WORDS.events)}</h3>`, table([WORDS.when, WORDS.code, WORDS.meaning], events));
    const documentRows = byTime(documents?.items ?? [], (document) => document.createDate).map((document) => {
      const source = classifyDocument(document) === 'applicant-upload' ? WORDS.upload : /uscis/i.test(document.sourceType ?? '') ? WORDS.fromUscis : WORDS.unknownSource;
      return [when(document.createDate), document.type ?? '', source[lang]];
    });
    lines.push(`<h3>${say(WORDS.documents)}</h3>`, documents === null ? `<p>${say(WORDS.notRead)}</p>` : table([WORDS.when, WORDS.what, WORDS.source], documentRows));
    const notices = byTime(detail?.notices ?? [], (notice) => notice.generationDate).map((notice) => [
      when(notice.generationDate),
      notice.actionType ?? '',
      notice.appointmentDateTime ? `${WORDS.appointment[lang]}: ${when(notice.appointmentDateTime)}` : '',
    ]);
    lines.push(`<h3>${say(WORDS.notices)}</h3>`, table([WORDS.when, WORDS.what, WORDS.appointment], notices));
    return lines.join('\n');
  };

  const findingRow = (finding: Finding): string[] => {
    const form = formOf(finding.receipt);
    const { documentType, code, title, titleSpanish } = finding.detail;
    const detail = [documentType, lang === 'es' ? (titleSpanish ?? title) : title, code].filter(Boolean).join(' · ');
    const what = `${FINDING_NAMES[finding.type][lang]}${finding.inferred || finding.type === 'silent-approval' || finding.type === 'i821d-approved-inferred' ? ` (${WORDS.reading[lang]})` : ''}`;
    return [when(finding.foundAt), `${form ?? ''} ${receipt(finding.receipt)}`.trim(), what, detail];
  };
  const findings = byTime(state.history, (finding) => finding.foundAt).map(findingRow);

  return recordPage({
    language: lang,
    title: WORDS.title[lang],
    style: RECORD_STYLE,
    body: `<h1>${say(WORDS.title)}</h1>
<p>${say(WORDS.made)} ${escapeHtml(formatShortStamp(now, lang, timeZone))}. ${say(WORDS.times)} (${escapeHtml(timeZone)}).</p>
<p class="note">${say(WORDS.intro)}</p>
<p class="note print">${say(WORDS.print)}</p>
<h2>${say(WORDS.verdict)}</h2>
<p><strong>${say(verdict.headline)}</strong></p>
<p>${say(verdict.explanation)}</p>
<p class="note">${say(WORDS.verdictNote)}</p>
${cases.map((watched) => caseSection(watched.receipt, state.snapshots[watched.receipt])).join('\n')}
<h2>${say(WORDS.found)}</h2>
${table([WORDS.foundAt, WORDS.caseColumn, WORDS.what, WORDS.details], findings)}`,
  });
}
