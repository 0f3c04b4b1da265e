// The monitor's own sentences: both languages, the (masked) receipt and the reason in each, nothing left unsaid.

import { describe, expect, it } from 'vitest';
import { MONITOR_MESSAGES } from '../../engine/monitor-messages';

describe('MONITOR_MESSAGES', () => {
  it('names the masked receipt and the status USCIS answered, in English and Spanish', () => {
    const text = MONITOR_MESSAGES.notThisAccount('IOE•••••2458', 404);
    expect(text.en).toBe('IOE•••••2458 is not a case of this myUSCIS account (USCIS answered 404). It is no longer checked; check the number or sign in with the account that filed it.');
    expect(text.es).toBe('IOE•••••2458 no es un caso de esta cuenta de myUSCIS (USCIS respondió 404). Ya no se consulta; revise el número o inicie sesión con la cuenta que lo presentó.');
  });

  it('says "another receipt" when a mixed-up answer named none', () => {
    expect(MONITOR_MESSAGES.foreignAnswer('IOE•••••2458', null).en).toContain('with data about another receipt.');
    expect(MONITOR_MESSAGES.foreignAnswer('IOE•••••2458', 'IOE•••••2457').es).toContain('con datos de IOE•••••2457.');
  });

  it('has every sentence in both languages, each with its detail', () => {
    const all = [
      MONITOR_MESSAGES.notThisAccount('R', 500),
      MONITOR_MESSAGES.foreignAnswer('R', 'O'),
      MONITOR_MESSAGES.checkedTooRecently('R'),
      MONITOR_MESSAGES.accountCasesRetrying('timeout'),
      MONITOR_MESSAGES.accountCasesUnlisted('no-cases'),
      MONITOR_MESSAGES.notificationFailed('denied by the system'),
    ];
    for (const text of all) {
      expect(text.en).not.toBe(text.es);
      expect(text.en.length).toBeGreaterThan(20);
    }
    expect(MONITOR_MESSAGES.accountCasesRetrying('timeout').es).toContain('(timeout)');
    expect(MONITOR_MESSAGES.notificationFailed('denied by the system').es).toBe('No se pudo mostrar una notificación: denied by the system');
  });
});
