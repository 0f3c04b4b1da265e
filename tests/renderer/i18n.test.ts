// The dashboard's dictionary: Spanish says everything English says (same keys, same list lengths, every
// sentence translated and in "usted"), and the date formats of both languages.

import { describe, expect, it } from 'vitest';
import { DOCUMENT_KINDS } from '../../shared/knowledge/documents';
import { FINDING_TYPES } from '../../shared/monitor/findings';
import { formatMonth } from '../../shared/format-date';
import { formatDay, formatInstant, MESSAGES } from '../../renderer/lib/i18n';
import { REQUEST_BUDGET } from '../../shared/monitor/settings-limits';

/** Every leaf of the dictionary as [path, text]; a function is called with sample arguments. */
function leaves(value: unknown, path = ''): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') return [[path, String((value as (...args: unknown[]) => unknown)(2, 'X'))], [`${path}(1)`, String((value as (...args: unknown[]) => unknown)(1, 'X'))]];
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key));
  throw new Error(`${path}: not text`);
}

const english = new Map(leaves(MESSAGES.en));
const spanish = new Map(leaves(MESSAGES.es));

describe('the dictionary', () => {
  it('has the same entries in English and Spanish', () => {
    expect([...spanish.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it.each([...english.keys()])('%s is said in both languages, differently', (path) => {
    const en = english.get(path) ?? '';
    const es = spanish.get(path) ?? '';
    expect(en.trim()).not.toBe('');
    expect(es.trim()).not.toBe('');
    expect(es).not.toBe(en);
  });

  it('speaks Spanish with "usted", never "tú"', () => {
    const informal = [...spanish].filter(([, text]) => /\b(tú|tu|tus|te|ti|tienes|puedes|quieres|eres|estás|necesitas)\b/iu.test(text));
    expect(informal).toEqual([]);
  });

  it('names every finding type and every document kind', () => {
    for (const lang of ['en', 'es'] as const) {
      expect(Object.keys(MESSAGES[lang].findings).sort()).toEqual([...FINDING_TYPES].sort());
      expect(Object.keys(MESSAGES[lang].documentKinds).sort()).toEqual([...DOCUMENT_KINDS].sort());
    }
  });

  it('says when a renewal was filed against the expiry in words true before and after that day (the card shows it after)', () => {
    for (const lang of ['en', 'es'] as const) {
      for (const text of Object.values(MESSAGES[lang].filingWindow)) expect(text).not.toMatch(/\bexpires\b|\bexpired\b|\bvence\b|\bvenció\b/);
    }
  });

  it('counts in the right number', () => {
    expect(MESSAGES.en.pending(1)).toBe('Pending 1 day');
    expect(MESSAGES.es.pending(87)).toBe('87 días en trámite');
    // Shown after "Expires <day>" / "Expired on <day>": the count without the verb again ("Expired on ... · Expired 3 days ago").
    expect(MESSAGES.en.daysLeft(-3)).toBe('3 days ago');
    expect(MESSAGES.es.daysLeft(-3)).toBe('hace 3 días');
    expect(MESSAGES.es.daysLeft(1)).toBe('Queda 1 día');
    expect(MESSAGES.en.daysLeft(0)).toBe('today, its last valid day');
    expect(MESSAGES.es.daysLeft(0)).toBe('hoy, su último día válido');
  });
});

describe('dates', () => {
  it('shows a calendar day as written, whatever the time zone', () => {
    expect(formatDay('2026-05-29', 'en')).toBe('May 29, 2026');
    expect(formatDay('2026-06-04T23:09:53.542Z', 'en')).toBe('Jun 4, 2026');
    expect(formatDay('2026-05-29', 'es')).toMatch(/29 .*may.* 2026/u);
  });

  it('shows instants with a time, and months for the axis', () => {
    expect(formatInstant('2026-06-02T15:00:00.000Z', 'en')).toMatch(/Jun 2, 2026.*\d:\d\d/u);
    expect(formatMonth('2026-01-01', 'en', true)).toBe('Jan 2026');
    expect(formatMonth('2026-07-01', 'en', false)).toBe('Jul');
  });

  it('shows a date USCIS gave without a time as that day, never at 12:00 AM or the evening before', () => {
    for (const value of ['2026-05-29', '2026-05-29T00:00:00.000Z', '2026-05-29T00:00:00.000+0000']) {
      expect(formatInstant(value, 'en')).toBe('May 29, 2026');
      expect(formatInstant(value, 'es')).toBe('29 may 2026');
    }
  });
});

describe('the request budget in the settings', () => {
  it('states the weekly average and the weekday figure the engine keeps to, in both languages', () => {
    const { weekdayMax, weeklyAveragePerDay } = REQUEST_BUDGET;
    expect(MESSAGES.en.requestBudget(weekdayMax, weeklyAveragePerDay)).toBe(
      'With the recommended pace, DACA Watch sends USCIS about 170 requests on a weekday and fewer on weekends: at most 150 a day on average over the week, one at a time, seconds apart.',
    );
    expect(MESSAGES.es.requestBudget(weekdayMax, weeklyAveragePerDay)).toMatch(/unas 170 solicitudes en un día entre semana .* como máximo 150 al día en promedio durante la semana/);
  });
});

describe('the demo pace', () => {
  it('says seconds for a fast demo and whole minutes for a slow one, in both languages', () => {
    expect(MESSAGES.en.demoPace(20)).toBe('Demo: one day passes every 20 seconds.');
    expect(MESSAGES.en.demoPace(1)).toBe('Demo: one day passes every 1 second.');
    expect(MESSAGES.en.demoPace(1440)).toBe('Demo: one day passes every 24 minutes.');
    expect(MESSAGES.es.demoPace(20)).toBe('Demostración: pasa un día cada 20 segundos.');
    expect(MESSAGES.es.demoPace(1440)).toBe('Demostración: pasa un día cada 24 minutos.');
    expect(MESSAGES.en.demoPace(150)).toBe('Demo: one day passes every 150 seconds.');
  });
});
