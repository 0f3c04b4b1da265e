// The monitor's own sentences: both languages, the (masked) receipt and the reason in each, nothing left unsaid.

import { describe, expect, it } from 'vitest';
import { MONITOR_MESSAGES } from '../../engine/monitor-messages';

describe('MONITOR_MESSAGES', () => {
  it('names the masked receipt and the status USCIS answered, in English and Spanish', () => {
    const text = MONITOR_MESSAGES.notThisAccount('IOE•••••2458', 404);
    expect(text.en).toBe('IOE•••••2458 is not a case of this myUSCIS account (USCIS answered 404 while your other case was served). DACA Watch checks it again once a day; check the number, enter it again to check it now, or sign in with the account that filed it.');
    expect(text.es).toBe('IOE•••••2458 no es un caso de esta cuenta de myUSCIS (USCIS respondió 404 mientras su otro caso sí se mostraba). DACA Watch lo vuelve a consultar una vez al día; revise el número, escríbalo de nuevo para consultarlo ahora o inicie sesión con la cuenta que lo presentó.');
  });

  it('says an outage and a block in both languages, never asking to sign in for a block', () => {
    expect(MONITOR_MESSAGES.outage(404).en).toContain('answered 404 for both of your cases at once');
    expect(MONITOR_MESSAGES.outage(404).es).toContain('respondió 404 para sus dos casos a la vez');
    const blocked = MONITOR_MESSAGES.blocked();
    expect(blocked.en).toMatch(/^USCIS is blocking requests from this computer for now\. Signing in again will not help/);
    expect(blocked.es).toMatch(/^Por ahora USCIS está bloqueando las solicitudes desde esta computadora\. Volver a iniciar sesión no ayuda/);
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
    expect(MONITOR_MESSAGES.notificationFailed('denied by the system').es).toBe('No se pudo mostrar una notificación: el sistema no la mostró. La novedad sigue en el panel de DACA Watch y en el ícono de la bandeja.');
    // The system's English words stay out of the Spanish sentence.
    expect(MONITOR_MESSAGES.notificationFailed('denied by the system').es).not.toContain('denied');
  });
});
