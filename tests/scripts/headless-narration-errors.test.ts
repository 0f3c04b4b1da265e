// The terminal runner's words for the engine's problems: in the runner's language when the engine gave both,
// else the engine's own (technical) English; a save problem in its own words.

import { describe, expect, it } from 'vitest';
import { Narration } from '../../scripts/headless-narration';
import { mergeReading } from '../../shared/monitor/merge-reading';
import { emptyState } from '../../shared/monitor/state';

const narration = (lang: 'en' | 'es') => new Narration({ lang, verbose: false, state: () => emptyState(), now: () => Date.parse('2026-08-12T15:00:00Z') });

describe('problems the engine reports', () => {
  const text = { en: 'IOE•••••2457 is not a case of this myUSCIS account.', es: 'IOE•••••2457 no es un caso de esta cuenta de myUSCIS.' };

  it('are said in the runner’s language when the engine gave both', () => {
    expect(narration('es').event({ kind: 'error', message: text.en, text })).toEqual([`Problema: ${text.es}`]);
    expect(narration('en').event({ kind: 'error', message: text.en, text })).toEqual([`Problem: ${text.en}`]);
  });

  it('keep the engine’s English when it is technical (no text for a person)', () => {
    expect(narration('es').event({ kind: 'error', message: 'Unexpected engine error: boom' })).toEqual(['Problema: Unexpected engine error: boom']);
  });
});

describe('cases off the plan or not read for hours', () => {
  const I821D = 'IOE0933012457';
  const I765 = 'IOE0933012458';
  const state = () => {
    const s = emptyState();
    s.cases = [
      { receipt: I821D, formType: 'I-821D', addedAt: '2026-08-01T00:00:00.000Z', problem: 'not-this-account', problemSince: '2026-08-12T10:00:00.000Z' },
      { receipt: I765, formType: 'I-765', addedAt: '2026-08-01T00:00:00.000Z', problem: null, stalledSince: '2026-08-12T06:00:00.000Z' },
    ];
    s.snapshots = { [I765]: mergeReading(null, { at: Date.parse('2026-08-12T06:00:00Z'), documents: [] }) };
    return s;
  };
  const told = (lang: 'en' | 'es') =>
    new Narration({ lang, verbose: false, state, now: () => Date.parse('2026-08-12T15:00:00Z') }).event({ kind: 'check', receipt: I765, requests: 1, outcome: 'server-error', full: false, purpose: 'scheduled' });

  it('say so where the runner tells where the renewal stands, in its language', () => {
    const en = told('en').join('\n');
    expect(en).toMatch(/Your I-821D \(IOE•+2457\): not a case of this account \(checked again once a day; enter it again to check it now\)/);
    expect(en).toMatch(/Your I-765 \(IOE•+2458\): not read since .+; still trying/);
    const es = told('es').join('\n');
    expect(es).toMatch(/Su I-821D \(IOE•+2457\): no es un caso de esta cuenta/);
    expect(es).toMatch(/Su I-765 \(IOE•+2458\): sin consultar desde .+; se sigue intentando/);
  });

  it('name the new backoff reasons: a block and an outage', () => {
    const n = new Narration({ lang: 'es', verbose: false, state: emptyState, now: () => Date.parse('2026-08-12T15:00:00Z') });
    expect(n.event({ kind: 'backoff', until: '2026-08-12T15:10:00.000Z', reason: 'blocked' })[0]).toContain('por ahora USCIS bloquea las solicitudes desde esta computadora');
    expect(n.event({ kind: 'backoff', until: '2026-08-12T15:10:00.000Z', reason: 'outage' })[0]).toContain('el sitio, no sus recibos');
  });
});
