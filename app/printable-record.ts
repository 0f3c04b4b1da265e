// The printable record of a DACA renewal for the applicant's lawyer or DACA clinic, written to them about the applicant
// (third person): the work permit's expiry and status, the renewal's key days, both cases with their receipts, filing
// dates and days pending, and each case's history with USCIS's own wording first and DACA Watch's reading second. One HTML
// page in the user's language, local times with the zone. Plain TypeScript (no `electron` import); every value is
// escaped, no script, receipts masked when asked.

import { formatMediumDay, formatShortStamp } from '../shared/format-date';
import { escapeHtml } from '../shared/html';
import { addDays, daysBetween, dayInZone } from '../shared/knowledge/calendar-days';
import type { CaseStage } from '../shared/knowledge/case-reading';
import { explainCode } from '../shared/knowledge/codes';
import { basis } from '../shared/knowledge/daca-pair';
import { INQUIRY_AFTER_DAYS, pendingSince } from '../shared/knowledge/daca-timing';
import { classifyDocument } from '../shared/knowledge/documents';
import { FINDING_NAMES } from '../shared/knowledge/finding-names';
import { countDays, formatCivilDay } from '../shared/knowledge/renewal-calendar';
import { storedVerdict } from '../shared/knowledge/renewal-facts';
import { CASE_TIME_WORDS, caseTimes } from '../shared/knowledge/snapshot-view';
import { STAGE_NAMES, isApprovedStage, isEndingStage } from '../shared/knowledge/stages';
import { explainStatus } from '../shared/knowledge/status-titles';
import { storedWorkAnswer } from '../shared/knowledge/work-answer';
import type { Language, Localized } from '../shared/localized';
import type { Finding, FindingType } from '../shared/monitor/findings';
import type { AppState, CaseSnapshot } from '../shared/monitor/state';
import { dateOnlyDay, toIsoDate, toIsoInstant } from '../shared/myuscis/dates';
import { isReceiptNumber, maskReceipt } from '../shared/receipt';
import { newCardStatement, permitStatement, publishedInquiryStatement, publishedWindowStatement, renewalStatement } from './record-facts';
import { storedForecasts } from '../shared/knowledge/processing-forecast';
import { publishedFigures } from '../shared/knowledge/stored-figures';
import { recordPage } from './record-page';

/** The page's look on screen and on paper (the print hint hides when printed). */
const RECORD_STYLE =
  'body{font-family:Georgia,serif;margin:2rem;max-width:60rem;color:#111;overflow-wrap:break-word}table{border-collapse:collapse;width:100%;margin-bottom:1rem}td,th{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#eee}dl{display:grid;grid-template-columns:fit-content(18rem) 1fr;gap:.2rem 1rem}dt{font-weight:bold}dd{margin:0}.note{color:#444}@media (max-width:40rem){body{margin:1rem}dl{grid-template-columns:1fr;gap:.1rem}dd{margin-bottom:.5rem}td,th{overflow-wrap:anywhere;padding:.2rem .3rem}}@media print{.note.print{display:none}}';

export interface PrintableRecordInput {
  /** `processingTimes`: egov's stored answers (absent: none read; the record then quotes no published time). */
  state: Pick<AppState, 'cases' | 'snapshots' | 'history' | 'settings'> & Partial<Pick<AppState, 'processingTimes'>>;
  /** Epoch ms when the record is made. */
  now: number;
  language: Language;
  /** IANA zone the times are shown in (the computer's own). */
  timeZone: string;
}

const WORDS = {
  title: { en: 'DACA renewal record', es: 'Registro de la renovación de DACA' },
  made: {
    en: 'Prepared by DACA Watch for the applicant’s lawyer or DACA clinic on',
    es: 'Preparado por DACA Watch para la abogada, el abogado o la clínica de DACA de la persona solicitante el',
  },
  intro: {
    en: 'DACA Watch read these facts from the applicant’s own myUSCIS account. What USCIS printed (status titles, codes, document names) comes first, as printed; DACA Watch’s plain reading follows it and is marked as such. The work permit’s expiry is the date the applicant entered from the card. It is not legal advice.',
    es: 'DACA Watch leyó estos datos de la propia cuenta de myUSCIS de la persona solicitante. Lo que USCIS publicó (títulos de estatus, códigos, nombres de documentos) va primero, tal como aparece; la interpretación de DACA Watch va después y se indica como tal. El vencimiento del permiso de trabajo es la fecha que la persona solicitante copió de la tarjeta. No es asesoría legal.',
  },
  print: {
    en: 'To keep it as a PDF: open this file in a web browser, choose Print, then “Save as PDF”.',
    es: 'Para guardarlo como PDF: abra este archivo en un navegador web, elija Imprimir y luego «Guardar como PDF».',
  },
  times: { en: 'Times are local time', es: 'Las horas son hora local' },
  summary: { en: 'Summary', es: 'Resumen' },
  permit: { en: 'Work permit (EAD, category C33)', es: 'Permiso de trabajo (EAD, categoría C33)' },
  renewal: { en: 'The renewal', es: 'La renovación' },
  newCard: { en: 'New card', es: 'Nueva tarjeta' },
  inquiry: { en: 'Day 105: a case inquiry is allowed', es: 'Día 105: se puede hacer una consulta sobre el caso' },
  goal: { en: 'Day 120: USCIS’s goal for a decision', es: 'Día 120: plazo que USCIS se fija para decidir' },
  publishedTime: { en: 'USCIS’s published time, {form}', es: 'Tiempo publicado por USCIS, {form}' },
  publishedInquiry: { en: 'USCIS’s published inquiry date, {form}', es: 'Fecha de consulta publicada por USCIS, {form}' },
  reached: { en: 'reached', es: 'ya llegó' },
  passed: { en: 'passed', es: 'ya pasó' },
  inDays: { en: 'in {n}', es: 'dentro de {n}' },
  todayIs: { en: 'today', es: 'hoy' },
  reading: { en: 'DACA Watch’s reading', es: 'Interpretación de DACA Watch' },
  cases: { en: 'Both cases', es: 'Los dos casos' },
  form: { en: 'Form', es: 'Formulario' },
  forms: { en: { 'I-821D': 'DACA request (Form I-821D)', 'I-765': 'Work permit (Form I-765)' }, es: { 'I-821D': 'Solicitud de DACA (Formulario I-821D)', 'I-765': 'Permiso de trabajo (Formulario I-765)' } },
  otherForm: { en: 'Case', es: 'Caso' },
  receipt: { en: 'Receipt', es: 'Recibo' },
  filed: { en: 'Filed', es: 'Presentado' },
  daysPending: { en: 'Days pending', es: 'Días en trámite' },
  decided: { en: 'decided', es: 'decidido' },
  office: { en: 'Office', es: 'Oficina' },
  status: { en: 'Current status, as USCIS printed it', es: 'Estatus actual, tal como lo publicó USCIS' },
  statuses: { en: 'Status history', es: 'Historial del estatus' },
  officialTitle: { en: 'Status title, as USCIS printed it', es: 'Título del estatus, tal como lo publicó USCIS' },
  events: { en: 'Steps USCIS recorded (event codes)', es: 'Pasos que registró USCIS (códigos de evento)' },
  officialCode: { en: 'Code, as USCIS recorded it', es: 'Código, tal como lo registró USCIS' },
  documents: { en: 'Documents', es: 'Documentos' },
  officialDocument: { en: 'Document, as USCIS listed it', es: 'Documento, tal como lo listó USCIS' },
  notices: { en: 'Mailed notices', es: 'Avisos por correo' },
  found: { en: 'What DACA Watch found while watching', es: 'Lo que DACA Watch detectó durante el seguimiento' },
  when: { en: 'When', es: 'Cuándo' },
  code: { en: 'Code', es: 'Código' },
  what: { en: 'What', es: 'Qué' },
  source: { en: 'Source', es: 'Origen' },
  foundAt: { en: 'Found', es: 'Detectado' },
  details: { en: 'Details', es: 'Detalles' },
  caseColumn: { en: 'Case', es: 'Caso' },
  appointment: { en: 'Appointment', es: 'Cita' },
  none: { en: 'None.', es: 'Ninguno.' },
  notRead: { en: 'Not read yet.', es: 'Todavía no se ha leído.' },
  unknownTitle: { en: 'a title DACA Watch does not know', es: 'un título que DACA Watch no conoce' },
  fromUscis: { en: 'From USCIS', es: 'De USCIS' },
  upload: { en: 'The applicant’s upload', es: 'Subido por la persona solicitante' },
  unknownSource: { en: 'Source not given', es: 'Origen no indicado' },
  confidence: {
    official: { en: 'matches USCIS’s wording', es: 'coincide con el texto de USCIS' },
    community: { en: 'community reading', es: 'según la comunidad' },
    disputed: { en: 'disputed', es: 'en duda' },
    unknown: { en: 'unknown code', es: 'código desconocido' },
  },
  /** The finding names the dashboard says to the applicant, said of the applicant here. */
  findingNames: {
    'new-document': { en: 'New document in the applicant’s account', es: 'Documento nuevo en la cuenta de la persona solicitante' },
  } as Partial<Record<FindingType, Localized>>,
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
  const terms = (rows: Array<[Localized, string]>) => `<dl>\n${rows.map(([term, value]) => `<dt>${say(term)}</dt><dd>${escapeHtml(value)}</dd>`).join('\n')}\n</dl>`;
  const byTime = <T>(items: readonly T[], time: (item: T) => string | undefined) =>
    [...items].sort((a, b) => (toIsoInstant(time(a)) ?? time(a) ?? '').localeCompare(toIsoInstant(time(b)) ?? time(b) ?? ''));

  const formOf = (receiptNumber: string): 'I-821D' | 'I-765' | null => {
    const watched = state.cases.find((candidate) => candidate.receipt === receiptNumber);
    const type = watched?.formType ?? state.snapshots[receiptNumber]?.detail?.formType;
    return type === 'I-821D' || type === 'I-765' ? type : null;
  };
  const formName = (receiptNumber: string) => {
    const form = formOf(receiptNumber);
    return form === null ? WORDS.otherForm[lang] : WORDS.forms[lang][form];
  };
  const cases = [...state.cases].sort((a, b) => (formOf(a.receipt) === 'I-821D' ? 0 : 1) - (formOf(b.receipt) === 'I-821D' ? 0 : 1));
  const today = dayInZone(now, timeZone);
  const verdict = storedVerdict(state, today);
  const answer = storedWorkAnswer(state, today, timeZone);
  const stageOf = (receiptNumber: string): CaseStage => {
    const form = formOf(receiptNumber);
    return form === 'I-821D' ? verdict.stages.i821d : form === 'I-765' ? verdict.stages.i765 : 'unknown';
  };
  const decided = (stage: CaseStage) => stage !== 'unknown' && (isApprovedStage(stage) || isEndingStage(stage));
  /** "September 11, 2026 (reached)" / "(in 5 days)": a key day of the renewal against today. */
  const keyDay = (date: string, past: Localized) => {
    const ahead = daysBetween(today, date);
    const where = ahead < 0 ? past[lang] : ahead === 0 ? WORDS.todayIs[lang] : WORDS.inDays[lang].replace('{n}', countDays(ahead, lang));
    return `${formatCivilDay(date, lang)} (${where})`;
  };

  const summary: Array<[Localized, string]> = [[WORDS.permit, permitStatement(answer, 'applicant', lang)]];
  const renewal = renewalStatement(answer, verdict, lang);
  if (renewal !== null) summary.push([WORDS.renewal, renewal]);
  const newCard = newCardStatement(answer, 'applicant', lang);
  if (newCard !== null) summary.push([WORDS.newCard, newCard]);
  if (verdict.pending !== undefined && !verdict.pending.decided) {
    summary.push([WORDS.inquiry, keyDay(addDays(verdict.pending.since, INQUIRY_AFTER_DAYS), WORDS.reached)]);
    summary.push([WORDS.goal, keyDay(verdict.pending.goalDate, WORDS.passed)]);
  }
  // USCIS's published times (issue 24): each pending case's window and the published inquiry date, labelled as
  // USCIS's figure with its publication date. The employer's sheet quotes none of it (employer-sheet.ts).
  if (state.processingTimes !== undefined) {
    const withTimes = { ...state, processingTimes: state.processingTimes };
    for (const { forecast } of storedForecasts(state, publishedFigures(withTimes), today, timeZone)) {
      const named = (label: Localized): Localized => ({ en: label.en.replace('{form}', forecast.form), es: label.es.replace('{form}', forecast.form) });
      const window = publishedWindowStatement(forecast, lang);
      if (window !== null) summary.push([named(WORDS.publishedTime), window]);
      const inquiry = publishedInquiryStatement(forecast, lang);
      if (inquiry !== null) summary.push([named(WORDS.publishedInquiry), inquiry]);
    }
  }
  const stages = cases
    .filter((watched) => formOf(watched.receipt) !== null)
    .map((watched) => `${formName(watched.receipt)}: ${stageName(stageOf(watched.receipt))}.`);
  // A status title is quoted as USCIS printed it (its own Spanish when it gave one), never in DACA Watch's translation.
  const printedSpanish = (form: string) => cases.find((watched) => formOf(watched.receipt) === form && state.snapshots[watched.receipt]?.status?.titleSpanish !== undefined);
  const asPrinted = verdict.evidence.map((item) => (item.kind === 'title' && printedSpanish(item.form) === undefined ? { ...item, what: { ...item.what, es: item.what.en } } : item));
  summary.push([WORDS.reading, [...stages, basis(asPrinted, lang)].filter(Boolean).join(' ')]);

  const filedOf = (snapshot: CaseSnapshot | undefined) => snapshot?.detail?.submissionDate;
  const pendingOf = (receiptNumber: string): string => {
    const filed = filedOf(state.snapshots[receiptNumber]);
    if (filed === undefined || toIsoDate(filed) === null) return '';
    const stage = stageOf(receiptNumber);
    return decided(stage) ? WORDS.decided[lang] : String(pendingSince(toIsoDate(filed)!, today, false).days);
  };
  const overview = cases.map((watched) => [formName(watched.receipt), receipt(watched.receipt), when(filedOf(state.snapshots[watched.receipt])), pendingOf(watched.receipt)]);

  function stageName(stage: CaseStage): string {
    return stage === 'unknown' ? WORDS.notRead[lang] : STAGE_NAMES[stage][lang];
  }

  const caseSection = (receiptNumber: string, snapshot: CaseSnapshot | undefined, readAt: string | null | undefined): string => {
    const lines = [`<h2>${escapeHtml(formName(receiptNumber))}</h2>`];
    const facts: Array<[Localized, string]> = [[WORDS.receipt, receipt(receiptNumber)]];
    if (snapshot === undefined || (snapshot.detail === null && snapshot.status === null && snapshot.documents === null)) {
      return [...lines, terms(facts), `<p>${say(WORDS.notRead)}</p>`].join('\n');
    }
    const { detail, status, documents } = snapshot;
    if (detail?.submissionDate) facts.push([WORDS.filed, when(detail.submissionDate)]);
    const pending = pendingOf(receiptNumber);
    if (pending !== '') facts.push([WORDS.daysPending, pending]);
    if (status?.office) facts.push([WORDS.office, status.office]);
    const title = officialTitle(status?.title, status?.titleSpanish);
    if (title) facts.push([WORDS.status, `${title}${status?.code ? ` (${status.code})` : ''}${status?.date ? ` · ${when(status.date)}` : ''}`]);
    facts.push([WORDS.reading, stageName(stageOf(receiptNumber))]);
    const times = caseTimes(snapshot, readAt);
    if (times.readAt) facts.push([CASE_TIME_WORDS.readAt, when(times.readAt)]);
    if (times.changedAt) facts.push([CASE_TIME_WORDS.changedAt, when(times.changedAt)]);
    lines.push(terms(facts));
    const statuses = byTime(status?.history ?? [], (entry) => entry.date).map((entry) => [
      when(entry.date),
      officialTitle(entry.title, entry.titleSpanish),
      entry.code ?? '',
      historyReading(entry.title ?? entry.titleSpanish, entry.code),
    ]);
    lines.push(`<h3>${say(WORDS.statuses)}</h3>`, table([WORDS.when, WORDS.officialTitle, WORDS.code, WORDS.reading], statuses));
    const events = byTime(detail?.events ?? [], (event) => event.eventTimestamp ?? event.createdAtTimestamp).map((event) => {
      const read = explainCode(event.eventCode ?? '', lang);
      return [when(event.eventTimestamp ?? event.createdAtTimestamp), read.code, codeReading(read)];
    });
    lines.push(`<h3>${say(WORDS.events)}</h3>`, table([WORDS.when, WORDS.officialCode, WORDS.reading], events));
    const documentRows = byTime(documents?.items ?? [], (document) => document.createDate).map((document) => {
      const source = classifyDocument(document) === 'applicant-upload' ? WORDS.upload : /uscis/i.test(document.sourceType ?? '') ? WORDS.fromUscis : WORDS.unknownSource;
      return [when(document.createDate), document.type ?? '', source[lang]];
    });
    lines.push(`<h3>${say(WORDS.documents)}</h3>`, documents === null ? `<p>${say(WORDS.notRead)}</p>` : table([WORDS.when, WORDS.officialDocument, WORDS.source], documentRows));
    const notices = byTime(detail?.notices ?? [], (notice) => notice.generationDate).map((notice) => [
      when(notice.generationDate),
      notice.actionType ?? '',
      notice.appointmentDateTime ? `${WORDS.appointment[lang]}: ${when(notice.appointmentDateTime)}` : '',
    ]);
    lines.push(`<h3>${say(WORDS.notices)}</h3>`, table([WORDS.when, WORDS.what, WORDS.appointment], notices));
    return lines.join('\n');
  };

  /** USCIS's title as printed: in English, and in a Spanish record with USCIS's own Spanish title beside it when it sent one. */
  function officialTitle(title: string | undefined, titleSpanish: string | undefined): string {
    if (lang === 'es' && title && titleSpanish) return `${title} / ${titleSpanish}`;
    return title ?? titleSpanish ?? '';
  }
  /** What a status history entry means: the stage its title names, then its code's usual meaning. */
  function historyReading(title: string | undefined, code: string | undefined): string {
    const read = title === undefined ? null : explainStatus(title, lang);
    const titleReading = read === null ? '' : read.match === 'unknown' ? WORDS.unknownTitle[lang] : STAGE_NAMES[read.stage][lang];
    return [titleReading, code ? `${code}: ${codeReading(explainCode(code, lang))}` : ''].filter(Boolean).join(' · ');
  }
  /** The code's name without the title's own hedge: how sure it is is said once, in the parenthesis. */
  function codeReading(read: ReturnType<typeof explainCode>): string {
    return `${read.name} (${WORDS.confidence[read.confidence][lang]})`;
  }

  const findingRow = (finding: Finding): string[] => {
    const form = formOf(finding.receipt);
    const { documentType, code, title, titleSpanish } = finding.detail;
    const detail = [documentType, lang === 'es' ? (titleSpanish ?? title) : title, code].filter(Boolean).join(' · ');
    const name = WORDS.findingNames[finding.type] ?? FINDING_NAMES[finding.type];
    const what = `${name[lang]}${finding.inferred || finding.type === 'silent-approval' || finding.type === 'i821d-approved-inferred' ? ` (${WORDS.reading[lang]})` : ''}`;
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
<h2>${say(WORDS.summary)}</h2>
${terms(summary)}
<h2>${say(WORDS.cases)}</h2>
${table([WORDS.form, WORDS.receipt, WORDS.filed, WORDS.daysPending], overview)}
${cases.map((watched) => caseSection(watched.receipt, state.snapshots[watched.receipt], watched.readAt)).join('\n')}
<h2>${say(WORDS.found)}</h2>
${table([WORDS.foundAt, WORDS.caseColumn, WORDS.what, WORDS.details], findings)}`,
  });
}
