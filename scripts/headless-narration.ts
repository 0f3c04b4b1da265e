// The headless runner's plain output for a person, in English or Spanish: where the pair stands once both cases
// were read, one line per finding and notification, and a summary at the end. Words lines only; prints nothing.

import type { MonitorEvent } from '../engine/monitor';
import { signInAgainNotification, withWorkNote, wordFinding } from '../engine/notification-policy';
import { formatMediumDateTime } from '../shared/format-date';
import { calendarDay } from '../shared/knowledge/calendar-days';
import { codeInWords } from '../shared/knowledge/codes';
import { pairVerdict, type PairVerdict } from '../shared/knowledge/daca-pair';
import { snapshotView } from '../shared/knowledge/snapshot-view';
import { STAGE_NAMES } from '../shared/knowledge/stages';
import { explainStatus } from '../shared/knowledge/status-titles';
import type { Language } from '../shared/localized';
import type { Finding, FindingType } from '../shared/monitor/findings';
import type { AppState } from '../shared/monitor/state';
import { saveProblemMessage } from '../shared/monitor/save-problem';
import { stageAt } from '../engine/reminders';
import { dayInZone } from '../shared/knowledge/calendar-days';
import { countDays, dueReminders, formatCivilDay, type FilingWindow, type Reminder, type RenewalStage } from '../shared/knowledge/renewal-calendar';
import { storedWorkAnswer, type WorkAnswer } from '../shared/knowledge/work-answer';
import { isReceiptNumber, maskReceipt } from '../shared/receipt';

const DAY = 24 * 3_600_000;

export interface NarrationOptions {
  lang: Language;
  /** The per-check lines too. */
  verbose: boolean;
  /** The engine's state, read when a line needs it. */
  state: () => Readonly<AppState>;
  /** The engine's clock (epoch ms). */
  now: () => number;
  /** In a demo: the simulator's filing day (epoch ms, midnight UTC), so times read "day 75, 15:20". */
  filingDay?: number;
}

type Words = Record<Language, string>;
type Counted = Record<Language, [one: string, many: string]>;

/** What a finding is, counted: "2 silent approvals". */
const FINDING_NAMES: Record<FindingType, Counted> = {
  'silent-approval': { en: ['silent approval', 'silent approvals'], es: ['aprobación silenciosa', 'aprobaciones silenciosas'] },
  'likely-approved': { en: ['likely approval (not confirmed)', 'likely approvals (not confirmed)'], es: ['probable aprobación (sin confirmar)', 'probables aprobaciones (sin confirmar)'] },
  approved: { en: ['approval', 'approvals'], es: ['aprobación', 'aprobaciones'] },
  denied: { en: ['denial', 'denials'], es: ['denegación', 'denegaciones'] },
  'case-ended': { en: ['decision without approval', 'decisions without approval'], es: ['decisión sin aprobación', 'decisiones sin aprobación'] },
  rfe: { en: ['request for evidence', 'requests for evidence'], es: ['solicitud de evidencia', 'solicitudes de evidencia'] },
  'i821d-approved-inferred': { en: ['approval by inference', 'approvals by inference'], es: ['aprobación deducida', 'aprobaciones deducidas'] },
  'biometrics-appointment': { en: ['biometrics appointment', 'biometrics appointments'], es: ['cita biométrica', 'citas biométricas'] },
  'biometrics-reuse': { en: ['biometrics reuse', 'biometrics reuses'], es: ['reutilización de biométricos', 'reutilizaciones de biométricos'] },
  'card-produced': { en: ['card produced', 'cards produced'], es: ['tarjeta producida', 'tarjetas producidas'] },
  'card-mailed': { en: ['card mailed', 'cards mailed'], es: ['tarjeta enviada', 'tarjetas enviadas'] },
  'card-delivered': { en: ['card delivered', 'cards delivered'], es: ['tarjeta entregada', 'tarjetas entregadas'] },
  'new-document': { en: ['new document', 'new documents'], es: ['documento nuevo', 'documentos nuevos'] },
  'new-notice': { en: ['new notice', 'new notices'], es: ['notificación nueva', 'notificaciones nuevas'] },
  'status-change': { en: ['status change', 'status changes'], es: ['cambio de estatus', 'cambios de estatus'] },
  'new-event': { en: ['new step', 'new steps'], es: ['paso nuevo', 'pasos nuevos'] },
  'case-touched': { en: ['record touched', 'records touched'], es: ['expediente modificado', 'expedientes modificados'] },
};

const count = (n: number, noun: Counted, lang: Language) => `${n} ${n === 1 ? noun[lang][0] : noun[lang][1]}`;

const BACKOFF_REASONS: Record<string, Words> = {
  'rate-limited': { en: 'USCIS asked to slow down', es: 'USCIS pidió ir más despacio' },
  'server-error': { en: 'USCIS answered with an error', es: 'USCIS respondió con un error' },
  'network-error': { en: 'the network failed', es: 'falló la red' },
  timeout: { en: 'USCIS did not answer in time', es: 'USCIS no respondió a tiempo' },
  challenged: { en: "USCIS's bot protection wants a browser", es: 'la protección contra bots de USCIS pide un navegador' },
  'receipt-refused': { en: 'USCIS refused this receipt', es: 'USCIS rechazó este recibo' },
  malformed: { en: 'USCIS answered with something unreadable', es: 'USCIS respondió algo ilegible' },
  'unexpected-status': { en: 'USCIS said no, for no reason it gave', es: 'USCIS dijo que no, sin dar motivo' },
  blocked: { en: 'USCIS is blocking requests from this computer for now', es: 'por ahora USCIS bloquea las solicitudes desde esta computadora' },
  outage: { en: 'myUSCIS refused both cases at once (the site, not your receipts)', es: 'myUSCIS rechazó los dos casos a la vez (el sitio, no sus recibos)' },
};

export class Narration {
  private readonly found = new Map<FindingType, number>();
  private readonly findings = new Map<string, Finding>();
  private notifications = 0;
  private requests = 0;
  private checks = 0;
  private standingTold = false;
  /** When the last check ended: the time of the findings and notifications it brings (the clock runs on meanwhile). */
  private checkedAt: number | null = null;
  private readonly sinceCheck = new Set<string>();
  private readonly startedAt: number;

  constructor(private readonly options: NarrationOptions) {
    this.startedAt = options.now();
  }

  private get lang(): Language {
    return this.options.lang;
  }

  private say(words: Words): string {
    return words[this.lang];
  }

  /** "Day 75, 15:20" in a demo; the local date and time otherwise. */
  private when(at = this.options.now()): string {
    const { filingDay } = this.options;
    if (filingDay !== undefined) {
      const time = new Date(at).toISOString().slice(11, 16);
      return `${this.lang === 'es' ? 'Día' : 'Day'} ${Math.floor((at - filingDay) / DAY)}, ${time}`;
    }
    return formatMediumDateTime(at, this.lang);
  }

  private formOf(receipt: string): string | null {
    const state = this.options.state();
    return state.cases.find((c) => c.receipt === receipt)?.formType ?? state.snapshots[receipt]?.detail?.formType ?? null;
  }

  /** "your I-765 (IOE•••••2458)". */
  private caseName(receipt: string): string {
    const shown = isReceiptNumber(receipt) ? maskReceipt(receipt) : receipt;
    const form = this.formOf(receipt);
    if (this.lang === 'es') return form ? `su ${form} (${shown})` : `su caso ${shown}`;
    return form ? `your ${form} (${shown})` : `your case ${shown}`;
  }

  /** The lines an engine event adds (often none). */
  event(event: MonitorEvent): string[] {
    switch (event.kind) {
      case 'check':
        return this.check(event);
      case 'finding':
        return [this.findingLine(event)];
      case 'notification':
        this.notifications += 1;
        return [this.notificationLine(event)];
      case 'session':
        return [
          event.state === 'signed-in'
            ? this.say({ en: 'Signed in to myUSCIS.', es: 'Sesión iniciada en myUSCIS.' })
            : this.say({ en: 'The myUSCIS session ended: no more checks until you sign in again.', es: 'La sesión de myUSCIS terminó: no habrá más consultas hasta que vuelva a iniciar sesión.' }),
        ];
      case 'backoff': {
        const why = BACKOFF_REASONS[event.reason]?.[this.lang] ?? event.reason;
        if (event.receipt !== undefined) {
          // One case's own failures: it alone waits; the other case goes on.
          const name = this.caseName(event.receipt);
          const waits = this.say({ en: `Checks of ${name} wait until`, es: `Las consultas de ${name} esperan hasta` });
          const others = this.say({ en: 'the other case is still checked', es: 'el otro caso se sigue consultando' });
          return [`${this.when()}  ${waits} ${this.when(Date.parse(event.until))}: ${why}; ${others}.`];
        }
        return [`${this.when()}  ${this.say({ en: 'Checks wait until', es: 'Las consultas esperan hasta' })} ${this.when(Date.parse(event.until))}: ${why}.`];
      }
      case 'error':
        if (event.saveProblem) return [saveProblemMessage(event.saveProblem)[this.lang]];
        return [`${this.say({ en: 'Problem', es: 'Problema' })}: ${event.text?.[this.lang] ?? event.message}`];
      default:
        // A kind this narration does not tell yet prints nothing here; --json prints every kind.
        return [];
    }
  }

  private check(event: Extract<MonitorEvent, { kind: 'check' }>): string[] {
    this.checkedAt = this.options.now();
    this.sinceCheck.clear();
    this.checks += 1;
    this.requests += event.requests;
    const lines: string[] = [];
    if (this.options.verbose) {
      const requests = count(event.requests, { en: ['request', 'requests'], es: ['solicitud', 'solicitudes'] }, this.lang);
      lines.push(`${this.when()}  ${this.say({ en: 'Checked', es: 'Consultado' })} ${this.caseName(event.receipt)}: ${requests}, ${event.outcome}`);
    }
    if (!this.standingTold && this.everyCaseRead()) {
      this.standingTold = true;
      lines.push(...this.standing(this.say({ en: 'Where your renewal stands', es: 'Dónde está su renovación' })));
    }
    return lines;
  }

  private everyCaseRead(): boolean {
    const state = this.options.state();
    return state.cases.length > 0 && state.cases.every((c) => c.problem !== null || state.snapshots[c.receipt] !== undefined);
  }

  /** The pair's verdict, or null when the watched cases are not an I-821D and an I-765. */
  private verdict(): PairVerdict | null {
    const state = this.options.state();
    const view = (form: string) => {
      const watched = state.cases.find((c) => this.formOf(c.receipt) === form);
      const snapshot = watched && state.snapshots[watched.receipt];
      return snapshot ? snapshotView(snapshot) : null;
    };
    const i821d = view('I-821D');
    const i765 = view('I-765');
    return i821d && i765 ? pairVerdict(i821d, i765, calendarDay(new Date(this.options.now()).toISOString())) : null;
  }

  /** A heading, one line per case (its stage and USCIS's title), and the pair's verdict. */
  private standing(heading: string): string[] {
    const state = this.options.state();
    const verdict = this.verdict();
    const lines = [`${heading} (${this.when()}):`];
    for (const watched of state.cases) {
      const snapshot = state.snapshots[watched.receipt];
      const form = this.formOf(watched.receipt);
      const stage = verdict && form === 'I-821D' ? verdict.stages.i821d : verdict && form === 'I-765' ? verdict.stages.i765 : null;
      const title = snapshot?.status ? explainStatus(this.lang === 'es' ? (snapshot.status.titleSpanish ?? snapshot.status.title) : snapshot.status.title, this.lang).title : null;
      const parts = [stage && stage !== 'unknown' ? STAGE_NAMES[stage][this.lang] : null, title ? (this.lang === 'es' ? `«${title}»` : `“${title}”`) : null].filter((p) => p !== null);
      const name = this.caseName(watched.receipt);
      // A case off the plan or not read for hours says so first (engine/watched-cases.ts, engine/watchdog.ts).
      const trouble =
        watched.problem === 'not-this-account'
          ? this.say({ en: 'not a case of this account (checked again once a day; enter it again to check it now)', es: 'no es un caso de esta cuenta (se vuelve a consultar una vez al día; escríbalo de nuevo para consultarlo ahora)' })
          : watched.stalledSince
            ? this.say({ en: `not read since ${this.when(Date.parse(watched.stalledSince))}; still trying`, es: `sin consultar desde ${this.when(Date.parse(watched.stalledSince))}; se sigue intentando` })
            : null;
      const said = [trouble, ...parts].filter((p) => p !== null);
      lines.push(`  ${name.charAt(0).toUpperCase()}${name.slice(1)}: ${said.join(', ') || this.say({ en: 'not read yet', es: 'todavía sin leer' })}`);
    }
    if (verdict) lines.push(`  ${this.say({ en: 'Together', es: 'En conjunto' })}: ${verdict.headline[this.lang]}.`);
    return lines;
  }

  private findingLine(event: Extract<MonitorEvent, { kind: 'finding' }>): string {
    const finding: Finding = { key: event.key, type: event.type, receipt: event.receipt, foundAt: new Date(this.options.now()).toISOString(), inferred: event.inferred, detail: event.detail };
    this.findings.set(event.key, finding);
    this.sinceCheck.add(event.key);
    this.found.set(event.type, (this.found.get(event.type) ?? 0) + 1);
    const name = this.caseName(event.receipt);
    const { documentType, code, source } = event.detail;
    const status = event.detail.title ? explainStatus(this.lang === 'es' ? (event.detail.titleSpanish ?? event.detail.title) : event.detail.title, this.lang).title : null;
    const shows = status ? { en: ` now shows “${status}”`, es: ` ahora muestra «${status}»` } : { en: '', es: '' };
    const words: Words = ((): Words => {
      switch (event.type) {
        case 'silent-approval':
          return {
            en: `Silent approval: “${documentType ?? 'an approval notice'}” is in the documents of ${name}, while its status has not changed.`,
            es: `Aprobación silenciosa: «${documentType ?? 'una notificación de aprobación'}» está en los documentos de ${name}, aunque su estatus no ha cambiado.`,
          };
        case 'new-document':
          return source === 'applicant'
            ? { en: `New document of yours on ${name}: “${documentType ?? '?'}”.`, es: `Documento nuevo suyo en ${name}: «${documentType ?? '?'}».` }
            : { en: `New document from USCIS on ${name}: “${documentType ?? '?'}”.`, es: `Documento nuevo de USCIS en ${name}: «${documentType ?? '?'}».` };
        case 'new-event': {
          const step = code ? codeInWords(code, this.lang) : this.say({ en: 'code unknown', es: 'código desconocido' });
          return { en: `New step recorded on ${name}: ${step}.`, es: `Paso nuevo registrado en ${name}: ${step}.` };
        }
        case 'new-notice':
          return { en: `New notice on ${name}.`, es: `Notificación nueva en ${name}.` };
        case 'case-touched':
          return { en: `The record of ${name} was touched; nothing was decided.`, es: `El expediente de ${name} se modificó; no se decidió nada.` };
        case 'i821d-approved-inferred':
          return {
            en: `${name} counts as approved: the I-765 is moving, and USCIS decides it only after the I-821D.`,
            es: `${name} cuenta como aprobado: el I-765 avanza, y USCIS lo decide solo después del I-821D.`,
          };
        case 'biometrics-appointment':
        case 'biometrics-reuse':
        case 'rfe': {
          const { title } = wordFinding(finding, { language: this.lang, maskReceipts: true, formTypes: this.formTypes() });
          return { en: `${title}.`, es: `${title}.` };
        }
        default: {
          // Decisions, card steps and status changes: the stage reached, in USCIS's words when it gave them.
          const stage = FINDING_NAMES[event.type][this.lang][0];
          return { en: `${name}${shows.en || `: ${stage}`}.`, es: `${name}${shows.es || `: ${stage}`}.` };
        }
      }
    })();
    const sentence = words[this.lang];
    return `${this.when(this.checkedAt ?? undefined)}  ${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}`;
  }

  private formTypes(): Record<string, string | null> {
    return Object.fromEntries(this.options.state().cases.map((c) => [c.receipt, this.formOf(c.receipt)]));
  }

  /** The notification as the person would get it, worded again in this run's language with receipts masked. */
  private notificationLine(event: Extract<MonitorEvent, { kind: 'notification' }>): string {
    const finding = this.findings.get(event.key);
    const since = event.key.startsWith('session-expired:') ? event.key.slice('session-expired:'.length) : null;
    const reminder = event.key.startsWith('reminder:') ? this.reminder(event.key) : undefined;
    const worded = finding
      ? wordFinding(finding, withWorkNote(finding, { language: this.lang, maskReceipts: true, formTypes: this.formTypes() }, this.options.state(), this.options.now()))
      : reminder !== undefined
        ? { title: reminder.title[this.lang], body: `${reminder.body[this.lang]}${reminder.link === undefined ? '' : ` ${reminder.link}`}` }
        : since !== null
        ? signInAgainNotification(this.lang, since)
        : { title: maskAll(event.title), body: maskAll(event.body) };
    const at = this.sinceCheck.has(event.key) ? (this.checkedAt ?? undefined) : undefined;
    return `${this.when(at)}  ${this.say({ en: 'Notification', es: 'Notificación' })}: ${worded.title}. ${worded.body}`;
  }

  /** A reminder of the renewal calendar due now, worded again in this run's language with receipts masked. */
  private reminder(key: string): Reminder | undefined {
    const state = this.options.state();
    const receipts = state.cases.map((c) => (isReceiptNumber(c.receipt) ? maskReceipt(c.receipt) : c.receipt));
    return renewalCalendar(state, this.options.now(), receipts).due.find((due) => due.key === key);
  }

  private myUscis(): string {
    return this.options.filingDay === undefined ? 'myUSCIS' : this.say({ en: 'the simulated myUSCIS', es: 'myUSCIS simulado' });
  }

  /** The closing lines: the verdict, what was found, the requests made. */
  summary(): string[] {
    const lang = this.lang;
    const lines = ['', this.say({ en: 'Summary', es: 'Resumen' })];
    // The first question: can this person work today, and until when.
    const work = storedWorkAnswer(this.options.state(), dayInZone(this.options.now()));
    const hint = work.actionId === 'enter-expiry' ? this.say({ en: ' (--permit-expiry YYYY-MM-DD)', es: ' (--permit-expiry AAAA-MM-DD)' }) : '';
    lines.push(`  ${this.say({ en: 'Work', es: 'Trabajo' })}: ${work.line[lang]}${hint}.`);
    const verdict = this.verdict();
    if (verdict) lines.push(`  ${this.say({ en: 'Verdict', es: 'Veredicto' })}: ${verdict.headline[lang]}.`);
    const total = [...this.found.values()].reduce((a, b) => a + b, 0);
    const byType = [...this.found].sort(([, a], [, b]) => b - a).map(([type, n]) => count(n, FINDING_NAMES[type], lang));
    lines.push(
      total === 0
        ? `  ${this.say({ en: 'Found: nothing new.', es: 'Encontrado: nada nuevo.' })}`
        : `  ${this.say({ en: 'Found', es: 'Encontrado' })}: ${count(total, { en: ['change', 'changes'], es: ['cambio', 'cambios'] }, lang)} (${byType.join(', ')}); ${count(this.notifications, { en: ['notification', 'notifications'], es: ['notificación', 'notificaciones'] }, lang)}.`,
    );
    const days = (this.options.now() - this.startedAt) / DAY;
    const checks = count(this.checks, { en: ['check', 'checks'], es: ['consulta', 'consultas'] }, lang);
    const span = days >= 1 ? this.say({ en: ` over ${days.toFixed(1)} days (about ${Math.round(this.requests / days)} a day)`, es: ` en ${days.toFixed(1)} días (unas ${Math.round(this.requests / days)} al día)` }) : '';
    lines.push(`  ${this.say({ en: 'Requests', es: 'Solicitudes' })}: ${this.requests} ${this.say({ en: `to ${this.myUscis()} in`, es: `${this.myUscis() === 'myUSCIS' ? 'a myUSCIS' : 'al myUSCIS simulado'} en` })} ${checks}${span}.`);
    return lines;
  }
}

function maskAll(text: string): string {
  return text.replace(/\b[A-Z]{3}\d{10}\b/g, (receipt) => (isReceiptNumber(receipt) ? maskReceipt(receipt) : receipt));
}

// ------------------------------------------------------------------ the renewal calendar (`--permit-expiry`, `--once`)

export interface CalendarReport {
  /** YYYY-MM-DD, the user's own day. */
  today: string;
  stage: RenewalStage;
  due: Reminder[];
  /** Can the person work today, and until when (printed first). */
  work: WorkAnswer;
}

/** The renewal calendar on the user's day: the stage and the reminders due (whether or not already notified). */
export function renewalCalendar(state: Readonly<AppState>, now: number, receipts: readonly string[], timeZone?: string): CalendarReport {
  const stage = stageAt(state, now, timeZone);
  const today = dayInZone(now, timeZone);
  return { today, stage, due: dueReminders(stage, { receipts }), work: storedWorkAnswer(state, today, timeZone) };
}

/** The calendar for a person: where the renewal stands in time, then what is due now, in English or Spanish. */
export function calendarLines({ today, stage, due, work }: CalendarReport, lang: Language): string[] {
  const day = (d: string) => formatCivilDay(d, lang);
  const n = (count: number) => countDays(count, lang);
  const say = (words: Words) => words[lang];
  // The dashboard's one step (focus the expiry field) is, here, the option that enters it.
  const enterExpiry = work.actionId === 'enter-expiry' ? [say({ en: '  Enter it with --permit-expiry YYYY-MM-DD.', es: '  Escríbala con --permit-expiry AAAA-MM-DD.' })] : [];
  const lines = [
    // Every headline answers the question but "not known yet", which needs the question before it.
    `${enterExpiry.length > 0 ? `${say({ en: 'Can you work today?', es: '¿Puede trabajar hoy?' })} ` : ''}${work.headline[lang]}.`,
    `  ${work.detail[lang]}`,
    ...enterExpiry,
    say({ en: `Renewal calendar (today: ${day(today)}):`, es: `Calendario de la renovación (hoy: ${day(today)}):` }),
  ];
  const windowLine = (window: FilingWindow) => {
    // A past expiry in the past tense, and the expiry day as the card's last day (never "0 days left").
    if (window.daysLeft < 0) return say({ en: `  Work permit expired on ${day(window.expiry)}.`, es: `  El permiso de trabajo venció el ${day(window.expiry)}.` });
    if (window.daysLeft === 0) return say({ en: `  Work permit expires today (${day(window.expiry)}).`, es: `  El permiso de trabajo vence hoy (${day(window.expiry)}).` });
    const phase: Words = {
      'not-yet': { en: `opens in ${n(window.daysToOpen)}`, es: `se abre en ${n(window.daysToOpen)}` },
      open: { en: 'open now', es: 'abierto ahora' },
      late: { en: 'passed: file as soon as you can', es: 'ya pasó: presente la renovación cuanto antes' },
      expired: { en: 'the permit has expired', es: 'el permiso ya venció' },
    }[window.phase];
    return say({
      en: `  Work permit expires ${day(window.expiry)} (${n(window.daysLeft)} left). Recommended filing window: ${day(window.opens)} to ${day(window.closes)} (${phase.en}).`,
      es: `  El permiso de trabajo vence el ${day(window.expiry)} (quedan ${n(window.daysLeft)}). Periodo recomendado para presentar: del ${day(window.opens)} al ${day(window.closes)} (${phase.es}).`,
    });
  };
  switch (stage.kind) {
    case 'nothing':
      lines.push(say({ en: '  No dates to go on: give the current card’s expiry with --permit-expiry YYYY-MM-DD.', es: '  No hay fechas: indique el vencimiento de la tarjeta actual con --permit-expiry AAAA-MM-DD.' }));
      break;
    case 'before-filing':
      lines.push(windowLine(stage.window));
      break;
    case 'pending':
      lines.push(say({
        en: `  Pending ${n(stage.days)} since ${day(stage.since)}. Day 105 (a case inquiry is possible): ${day(stage.inquiryOn)}. USCIS’s 120-day goal: ${day(stage.goalOn)}.`,
        es: `  Pendiente desde hace ${n(stage.days)} (desde el ${day(stage.since)}). Día 105 (se puede consultar el caso): ${day(stage.inquiryOn)}. Plazo de 120 días de USCIS: ${day(stage.goalOn)}.`,
      }));
      break;
    case 'approved':
      if (stage.card === null) {
        lines.push(say({ en: '  Approved. Enter the dates printed on the approval notice or the card to count the next filing window.', es: '  Aprobada. Escriba las fechas impresas en el aviso de aprobación o en la tarjeta para calcular el próximo periodo.' }));
      } else if (stage.card.estimate) {
        lines.push(say({
          en: `  New card (an estimate, about two years from the approval): valid from ${day(stage.card.validFrom)} to about ${day(stage.card.expiry)}. Enter the dates printed on the approval notice or the card to count the next filing window from them.`,
          es: `  Tarjeta nueva (una estimación, unos dos años desde la aprobación): válida desde el ${day(stage.card.validFrom)} hasta aproximadamente el ${day(stage.card.expiry)}. Escriba las fechas impresas en el aviso de aprobación o en la tarjeta para calcular desde ellas el próximo periodo.`,
        }));
      } else {
        lines.push(say({ en: `  New card (dates as entered): expires ${day(stage.card.expiry)}.`, es: `  Tarjeta nueva (fechas escritas por usted): vence el ${day(stage.card.expiry)}.` }));
      }
      if (stage.window !== null) lines.push(windowLine(stage.window));
      break;
  }
  if (work.actions.length > 0) {
    lines.push(say({ en: '  What to do now:', es: '  Qué hacer ahora:' }));
    for (const action of work.actions) lines.push(`  - ${action[lang]}`);
  }
  if (due.length === 0 && work.actions.length === 0) lines.push(say({ en: '  Nothing due today.', es: '  Nada pendiente hoy.' }));
  for (const reminder of due) {
    lines.push(`  ${say({ en: 'Due', es: 'Pendiente' })}: ${reminder.title[lang]}. ${reminder.body[lang]}`);
    if (reminder.link !== undefined) lines.push(`    ${reminder.link}`);
  }
  return lines;
}
