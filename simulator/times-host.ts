// The processing-times host (egov.uscis.gov, reached as 127.0.0.1:PORT3): USCIS's public processing-times JSON in
// its published shape (MYUSCIS.md "USCIS's published processing times"), with a catalogue whose subtype and office
// codes no client could guess, a 204 for an office that publishes nothing, a publication that changes, faults (a 403
// block page among them) and a log of every request with its headers. It serves only; it has no sessions at all.

import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { SimClock } from './clock';
import type { FaultBoard } from './faults';
import { sendHtml, sendJson } from './http-kit';
import * as pages from './pages';
import type { FaultRule } from './scenario-schema';

const DAY = 86_400_000;
const API = '/processing-times/api/';

/** One request the host received, with its headers as sent (lower-case names), for tests to assert on. */
export interface TimesRequestEntry {
  seq: number;
  /** Simulated time (ISO). */
  at: string;
  /** Wall-clock epoch milliseconds (the spacing between requests is real time). */
  realAt: number;
  path: string;
  /** The endpoint's name (`processingtime`, `forms`, `formtypes`, `formoffices`) or null for anything else. */
  endpoint: string | null;
  status: number | null;
  headers: Record<string, string>;
  outcome: string;
}

interface Office {
  office_code: string;
  office_description: string;
}

interface Subtype {
  form_type: string;
  en: string;
  es: string;
  offices: Office[];
  /** Upper then lower bound at publication 0, per office code; an office missing here answers 204. */
  ranges: Record<string, { high: number; low: number; unit: 'Months' | 'Weeks' | 'Days'; step: number }>;
}

interface Form {
  form_name: string;
  en: string;
  es: string;
  note: { en: string; es: string };
  subtypes: Subtype[];
}

const NEBRASKA: Office = { office_code: 'QXN', office_description: 'Nebraska Service Center' };
const POTOMAC: Office = { office_code: 'QXP', office_description: 'Potomac Service Center' };
const TEXAS: Office = { office_code: 'QXT', office_description: 'Texas Service Center' };

/**
 * The catalogue. Codes are deliberately arbitrary (the real ones are unconfirmed): a client must find the DACA
 * subtypes by their descriptions and the offices through formoffices.
 */
export const TIMES_CATALOGUE: readonly Form[] = [
  {
    form_name: 'I-821D',
    en: 'Consideration of Deferred Action for Childhood Arrivals',
    es: 'Consideración de Acción Diferida para los Llegados en la Infancia',
    note: { en: 'Processing times are for renewal requests only.', es: 'Los tiempos de procesamiento son solo para solicitudes de renovación.' },
    subtypes: [
      {
        form_type: 'ptk-309',
        en: 'Initial request for Deferred Action for Childhood Arrivals',
        es: 'Solicitud inicial de Acción Diferida para los Llegados en la Infancia',
        offices: [NEBRASKA],
        ranges: {},
      },
      {
        form_type: 'ptk-311',
        en: 'Renewal of Deferred Action for Childhood Arrivals',
        es: 'Renovación de Acción Diferida para los Llegados en la Infancia',
        offices: [NEBRASKA, POTOMAC],
        ranges: { QXN: { high: 5, low: 3.5, unit: 'Months', step: 0.5 }, QXP: { high: 6, low: 4, unit: 'Months', step: 0.5 } },
      },
    ],
  },
  {
    form_name: 'I-765',
    en: 'Application for Employment Authorization',
    es: 'Solicitud de Autorización de Empleo',
    note: { en: '', es: '' },
    subtypes: [
      {
        form_type: 'w2c-18',
        en: 'Based on a pending asylum application [(c)(8)]',
        es: 'Basada en una solicitud de asilo pendiente [(c)(8)]',
        offices: [NEBRASKA, TEXAS],
        ranges: { QXN: { high: 7, low: 2, unit: 'Months', step: 0 }, QXT: { high: 8, low: 3, unit: 'Months', step: 0 } },
      },
      {
        form_type: 'w2c-40',
        en: 'Based on an approved Deferred Action for Childhood Arrivals request [(c)(33)]',
        es: 'Basada en una solicitud aprobada de Acción Diferida para los Llegados en la Infancia [(c)(33)]',
        offices: [NEBRASKA, POTOMAC, TEXAS],
        // Texas lists the subtype but publishes nothing for it (204); Potomac publishes in weeks.
        ranges: { QXN: { high: 4.5, low: 3, unit: 'Months', step: 0.5 }, QXP: { high: 22, low: 14, unit: 'Weeks', step: 2 } },
      },
    ],
  },
  {
    form_name: 'I-131',
    en: 'Application for Travel Document',
    es: 'Solicitud de Documento de Viaje',
    note: { en: '', es: '' },
    subtypes: [{ form_type: 'tv-2', en: 'Advance parole document', es: 'Documento de permiso adelantado', offices: [NEBRASKA], ranges: { QXN: { high: 9, low: 5, unit: 'Months', step: 0 } } }],
  },
];

/** The publication date as the page shows it ("October 3, 2026"), on the UTC day. */
function publishedDay(ms: number): string {
  return new Date(ms).toLocaleDateString('en-US', { timeZone: 'UTC', year: 'numeric', month: 'long', day: 'numeric' });
}

/** Whole-month and fractional-month offsets as USCIS rounds them: a day count is close enough for a simulator. */
function monthsBefore(ms: number, value: number, unit: string): number {
  const days = unit === 'Weeks' ? value * 7 : unit === 'Days' ? value : value * 30.44;
  return ms - Math.round(days) * DAY;
}

export interface TimesHostSettings {
  /** Forms whose every processingtime request answers 204 ("nothing published"), e.g. ['I-765']. */
  unpublishedForms: string[];
}

export interface TimesHost {
  handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void>;
  /** Starts a new publication dated today (the story's day), with every range moved by its step. */
  bumpPublication(): { publication: number; publicationDate: string };
  publication(): { publication: number; publicationDate: string };
  readonly settings: TimesHostSettings;
  log(): TimesRequestEntry[];
  clearLog(): void;
}

export function timesHost(clock: SimClock, faults: FaultBoard, logLimit: number): TimesHost {
  const settings: TimesHostSettings = { unpublishedForms: [] };
  const log: TimesRequestEntry[] = [];
  let seq = 0;
  let publication = 0;
  // The first publication is dated some days before the story starts, as a page read mid-month would be.
  let publishedAt = clock.now() - 9 * DAY;

  const formOf = (name: string | undefined) => TIMES_CATALOGUE.find((form) => form.form_name.toLowerCase() === (name ?? '').toLowerCase());

  function subtypePayload(subtype: Subtype, office: string) {
    const range = subtype.ranges[office];
    if (!range) return null;
    const high = range.high + publication * range.step;
    const low = range.low + publication * range.step;
    return {
      form_type: subtype.form_type,
      publication_date: publishedDay(publishedAt),
      range: [
        { value: high, unit: range.unit },
        { value: low, unit: range.unit },
      ],
      service_request_date: publishedDay(monthsBefore(publishedAt, high, range.unit)),
      subtype_info_en: subtype.en,
      subtype_info_es: subtype.es,
      subtype_note_en: '',
      subtype_note_es: '',
    };
  }

  /** The JSON answer (or a bare status) for one API path; null for a path that is not the API. */
  function answer(parts: string[]): { status: number; body?: unknown } | null {
    const [endpoint, formName, second, third] = parts;
    if (endpoint === 'forms' && parts.length === 1) {
      return { status: 200, body: { data: { forms: { forms: TIMES_CATALOGUE.map((f) => ({ form_name: f.form_name, form_description_en: f.en, form_description_es: f.es })) } } } };
    }
    const form = formOf(formName);
    if (endpoint === 'formtypes' && parts.length === 2) {
      if (!form) return { status: 404 };
      return {
        status: 200,
        body: { data: { form_types: { form_name: form.form_name, subtypes: form.subtypes.map((s) => ({ form_type: s.form_type, form_type_description_en: s.en, form_type_description_es: s.es })) } } },
      };
    }
    if (endpoint === 'formoffices' && parts.length === 3) {
      const subtype = form?.subtypes.find((s) => s.form_type === second);
      if (!form || !subtype) return { status: 404 };
      return { status: 200, body: { data: { form_offices: { form_name: form.form_name, form_type: subtype.form_type, offices: subtype.offices } } } };
    }
    if (endpoint === 'processingtime' && (parts.length === 3 || parts.length === 4)) {
      if (!form) return { status: 404 };
      if (settings.unpublishedForms.includes(form.form_name)) return { status: 204 };
      const wanted = third === undefined ? form.subtypes : form.subtypes.filter((s) => s.form_type === third);
      if (wanted.length === 0) return { status: 404 };
      const subtypes = wanted.flatMap((s) => subtypePayload(s, second ?? '') ?? []);
      if (subtypes.length === 0) return { status: 204 };
      const office = TIMES_CATALOGUE.flatMap((f) => f.subtypes.flatMap((s) => s.offices)).find((o) => o.office_code === second);
      return {
        status: 200,
        body: {
          data: {
            processing_time: {
              form_name: form.form_name,
              office_code: office?.office_code ?? second,
              form_note_en: form.note.en,
              form_note_es: form.note.es,
              subtypes,
            },
          },
        },
      };
    }
    return null;
  }

  /** A faulty answer; false for 'slow', after which the normal answer follows. */
  async function applyFault(rule: FaultRule, req: IncomingMessage, res: ServerResponse, entry: TimesRequestEntry): Promise<boolean> {
    entry.outcome = `fault:${rule.kind}`;
    switch (rule.kind) {
      case 'slow':
        await sleep(rule.delayMs ?? 3000);
        return false;
      case 'drop':
        req.socket.destroy();
        return true;
      case 'block-page': {
        const reference = `18.${(0x4c1d0a07 + entry.seq).toString(16)}.${Math.floor(clock.now() / 1000)}`;
        sendHtml(res, rule.status === 200 ? 200 : 403, pages.accessDeniedPage(req.url ?? '/', reference, 'egov.uscis.gov'), { Server: 'AkamaiGHost' });
        return true;
      }
      case 'rate-limit':
        sendJson(res, 429, { message: 'Too Many Requests' }, { 'Retry-After': String(rule.retryAfterSeconds ?? 120) });
        return true;
      case 'html':
        sendHtml(res, 200, pages.maintenancePage());
        return true;
      case 'not-found':
        // A subtype or office egov no longer knows (its lists changed).
        sendJson(res, 404, { data: null, message: 'Not Found' });
        return true;
      default: {
        const status = rule.status ?? 503;
        sendHtml(res, status, pages.simplePage('Service Unavailable', 'The server is temporarily unable to handle your request.', String(status)));
        return true;
      }
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const parts = url.pathname.startsWith(API) ? url.pathname.slice(API.length).split('/').filter(Boolean).map(decodeURIComponent) : [];
    const endpoint = parts[0] ?? null;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const entry: TimesRequestEntry = { seq: (seq += 1), at: new Date(clock.now()).toISOString(), realAt: Date.now(), path: url.pathname, endpoint, status: null, headers, outcome: 'ok' };
    log.push(entry);
    if (log.length > logLimit) log.splice(0, log.length - logLimit);
    res.on('finish', () => (entry.status = res.statusCode));

    const fault = faults.pick(`egov-${endpoint ?? 'page'}`, undefined, endpoint !== null, 'any-egov');
    if (fault && (await applyFault(fault, req, res, entry))) return;
    if (url.pathname === '/processing-times/' || url.pathname === '/processing-times') {
      return sendHtml(res, 200, pages.simplePage('Check Case Processing Times', 'Select your form, form category, and the office that is processing your case.'));
    }
    const found = endpoint === null ? null : answer(parts);
    if (!found) {
      entry.outcome = 'not-found';
      return sendHtml(res, 404, pages.simplePage('Page not found', 'The page you requested does not exist.', '404'));
    }
    if (found.status === 204) {
      entry.outcome = 'no-content';
      res.writeHead(204);
      return void res.end();
    }
    if (found.body === undefined) {
      entry.outcome = 'not-found';
      return sendJson(res, found.status, { data: null, message: 'Not Found' });
    }
    sendJson(res, found.status, found.body);
  }

  const current = () => ({ publication, publicationDate: publishedDay(publishedAt) });
  return {
    handle,
    settings,
    bumpPublication() {
      publication += 1;
      publishedAt = clock.now();
      return current();
    },
    publication: current,
    log: () => log.map((entry) => ({ ...entry, headers: { ...entry.headers } })),
    clearLog: () => void log.splice(0, log.length),
  };
}
