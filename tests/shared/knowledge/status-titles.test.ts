// Status titles: the 14 official ones and the my.uscis.gov variants, in English and Spanish, as sent and as
// people paste them; unknown titles placed by their words only where that cannot suggest a decision.

import { describe, expect, it } from 'vitest';
import { LANGUAGES } from '../../../shared/localized';
import { STATUS_TITLE_KEYS, explainStatus, type StatusTitleKey } from '../../../shared/knowledge/status-titles';
import type { Stage } from '../../../shared/knowledge/stages';
import { STATUS_WORDING } from '../../../simulator/status-wording';

/** MYUSCIS.md's official titles, then the two my.uscis.gov variants, with USCIS's Spanish titles. */
const TITLES: Array<[key: StatusTitleKey, en: string, es: string, stage: Stage]> = [
  ['received', 'Case Was Received', 'Caso Fue Recibido', 'filed'],
  ['fingerprint-fee-received', 'Fingerprint Fee Was Received', 'Se Recibió el Pago para las Huellas Dactilares', 'filed'],
  ['biometrics-scheduled', 'Fingerprint and Biometrics Appointment Was Scheduled', 'Se Programó la Cita para Huellas Dactilares y Datos Biométricos', 'biometrics'],
  ['fingerprints-taken', 'Case Was Updated To Show Fingerprints Were Taken', 'Se Actualizó el Caso para Indicar que se Tomaron las Huellas Dactilares', 'biometrics'],
  ['actively-reviewed', 'Case Is Being Actively Reviewed By USCIS', 'USCIS Está Revisando Activamente el Caso', 'review'],
  ['rfe-sent', 'Request for Additional Evidence Was Sent', 'Se Envió una Solicitud de Evidencia Adicional', 'evidence-request'],
  ['rfe-response-received', "Response To USCIS' Request For Evidence Was Received", 'Se Recibió su Respuesta a la Solicitud de Evidencia de USCIS', 'evidence-request'],
  ['approved', 'Case Was Approved', 'Caso Fue Aprobado', 'approved'],
  ['card-produced', 'New Card Is Being Produced', 'Se Está Produciendo su Nueva Tarjeta', 'card-produced'],
  ['card-mailed', 'Card Was Mailed To Me', 'Se Envió mi Tarjeta por Correo', 'card-mailed'],
  ['card-picked-up', 'Card Was Picked Up By The United States Postal Service', 'El Servicio Postal de los Estados Unidos Recogió la Tarjeta', 'card-mailed'],
  ['card-delivered', 'Card Was Delivered To Me By The Post Office', 'La Oficina de Correos Me Entregó la Tarjeta', 'card-delivered'],
  ['card-returned', 'Card Was Returned To USCIS', 'La Tarjeta Fue Devuelta a USCIS', 'card-returned'],
  ['denied', 'Case Was Denied', 'Caso Fue Denegado', 'denied'],
  ['processing-variant', 'USCIS Is currently Processing the Case', 'USCIS Está Procesando el Caso Actualmente', 'review'],
  ['approved-variant', 'Your Case Has Been Approved', 'Su Caso Ha Sido Aprobado', 'approved'],
  ['rejected', 'Case Was Rejected', 'Caso Fue Rechazado', 'rejected'],
  ['terminated', 'Case Was Terminated', 'Caso Fue Terminado', 'terminated'],
  ['withdrawn', 'Withdrawal Acknowledgement Notice Was Sent', 'Se Envió un Aviso de Confirmación de Retiro', 'withdrawn'],
  ['admin-closed', 'Case Was Administratively Closed', 'Caso Fue Cerrado Administrativamente', 'admin-closed'],
];

describe('explainStatus', () => {
  it('knows exactly these titles', () => {
    expect([...STATUS_TITLE_KEYS].sort()).toEqual(TITLES.map(([key]) => key).sort());
  });

  it.each(TITLES)('%s: “%s” / “%s” is %s, explained with what comes next in both languages', (key, en, es, stage) => {
    const explained = LANGUAGES.map((lang) => explainStatus(lang === 'en' ? en : es, lang));
    const [english, spanish] = explained;
    for (const explanation of explained) {
      expect(explanation).toMatchObject({ key, match: 'official', stage });
      expect(explanation.explanation.length).toBeGreaterThan(30);
      expect(explanation.next.length).toBeGreaterThan(30);
    }
    expect(english!.title).toBe(en);
    expect(spanish!.title).toBe(es);
    expect(spanish!.explanation).not.toBe(english!.explanation);
    expect(spanish!.next).not.toBe(english!.next);
    // Either title, in either language: a Spanish title shown to an English reader still gets explained.
    expect(explainStatus(es, 'en')).toEqual(english);
    expect(explainStatus(en, 'es')).toEqual(spanish);
  });

  it('recognises every title the simulator sends, English and Spanish, at the stage its wording implies', () => {
    for (const { title } of Object.values(STATUS_WORDING)) {
      expect(explainStatus(title.en, 'en').match, title.en).toBe('official');
      expect(explainStatus(title.es, 'es').key, title.es).toBe(explainStatus(title.en, 'en').key);
    }
  });

  it.each([
    ['case was approved', 'approved'],
    ['  Case   Was\n Approved.  ', 'approved'],
    ['USCIS IS CURRENTLY PROCESSING THE CASE', 'processing-variant'],
    ['Response To USCIS’ Request For Evidence Was Received', 'rfe-response-received'],
    ['Response To USCIS` Request For Evidence Was Received', 'rfe-response-received'],
    ['Se Programo la Cita para Huellas Dactilares y Datos Biometricos', 'biometrics-scheduled'],
    ['su caso ha sido aprobado', 'approved-variant'],
  ])('reads %j as the known title %s', (title, key) => {
    expect(explainStatus(title, 'en').key).toBe(key);
  });

  it.each([
    ['Response To Request For Evidence Was Received By The Office', 'evidence-request'],
    ['Biometrics Appointment Was Rescheduled', 'biometrics'],
    ['Case Was Transferred To Another Office', 'transfer'],
    ['Case Is Ready To Be Reviewed', 'review'],
    ['Se Recibió el Caso en Otra Oficina', 'filed'],
  ])('places the unknown title %j at stage %s by its words, saying it is a guess', (title, stage) => {
    for (const lang of LANGUAGES) {
      const explained = explainStatus(title, lang);
      expect(explained).toMatchObject({ match: 'keyword', stage, title });
      expect(explained.key).toBeUndefined();
      expect(explained.explanation).toContain(title);
    }
    expect(explainStatus(title, 'en').explanation).toMatch(/does not know.*suggest/s);
    expect(explainStatus(title, 'es').explanation).toMatch(/todavía no conoce.*parece/s);
  });

  it.each([
    'Case Approval Was Reaffirmed And Mailed Back To The Department Of State',
    'Decision Notice Mailed',
    'Decision Was Emailed To Me',
    'New Card Is Being Mailed',
  ])('never guesses a decision or a card from the words of the unknown title %j', (title) => {
    expect(explainStatus(title, 'en')).toMatchObject({ match: 'unknown', stage: 'other', title });
    expect(explainStatus(title, 'en').explanation).toMatch(/does not mean a decision by itself/);
    expect(explainStatus(title, 'es').explanation).toMatch(/no significa por sí solo una decisión/);
  });

  it('answers an empty or missing title calmly', () => {
    for (const title of [undefined, '', '   ']) {
      expect(explainStatus(title, 'en')).toMatchObject({ match: 'unknown', stage: 'other', title: '' });
      expect(explainStatus(title, 'es').explanation).toMatch(/no envió ningún título/);
    }
  });
});

describe('the newer titles (MYUSCIS.md, "More titles"), matched loosely', () => {
  it.each([
    ['We Emailed You a Receipt Notice', 'received'],
    ['Case Was Received and A Receipt Notice Was Sent', 'received'],
    ['Case Was Received and A Receipt Notice Was Emailed', 'received'],
    ['We received your Form I-485.', 'received'],
    ['We received your Form I-821D', 'received'],
    ['USCIS Is Currently Processing Your Case', 'processing-variant'],
    ['We sent a request for additional evidence.', 'rfe-sent'],
    ['We Produced Your New Card', 'card-produced'],
    ['We produced your new card', 'card-produced'],
    ['Your Case Has Been Approved', 'approved-variant'],
    ['your case has been approved.', 'approved-variant'],
    ['  YOUR CASE HAS BEEN APPROVED!  ', 'approved-variant'],
    // "We"/"Your" forms of official titles: the same words once the phrasing is set aside.
    ['We Mailed Your New Card', 'card-mailed'],
    ['We Updated Your Case To Show Fingerprints Were Taken', 'fingerprints-taken'],
    ['Your new card was delivered.', 'card-delivered'],
    ['Le Enviamos un Recibo por Correo Electronico', 'received'],
    ['USCIS Está Procesando Su Caso Actualmente', 'processing-variant'],
    ['usCIS esta procesando su caso actualmente.', 'processing-variant'],
    ['Produjimos Su Nueva Tarjeta', 'card-produced'],
    ['Se Está Produciendo Su Nueva Tarjeta', 'card-produced'],
  ] as const)('%j is the known title %s, never "unknown", in both languages', (title, key) => {
    for (const lang of LANGUAGES) {
      const read = explainStatus(title, lang);
      expect(read).toMatchObject({ key, match: 'official' });
      expect(read.explanation).not.toMatch(/does not know|no conoce/);
    }
  });

  it('shows a newer English wording as USCIS wrote it in English, and the Spanish twin in Spanish', () => {
    expect(explainStatus('We Produced Your New Card', 'en').title).toBe('We Produced Your New Card');
    expect(explainStatus('We Produced Your New Card', 'es').title).toBe('Se Está Produciendo su Nueva Tarjeta');
  });

  it('still never places "New Card Is Being Mailed" or "Case Was Approved In Part" by words alone', () => {
    expect(explainStatus('New Card Is Being Mailed', 'en').key).toBeUndefined();
    expect(explainStatus('Case Was Approved In Part', 'en').key).toBeUndefined();
  });
});

describe('a "We"/"Your" form matched by its words', () => {
  it('is shown as written in its own language and as the known twin in the other', () => {
    expect(explainStatus('Your Card Was Mailed To Me', 'en')).toMatchObject({ key: 'card-mailed', title: 'Your Card Was Mailed To Me' });
    expect(explainStatus('Your Card Was Mailed To Me', 'es')).toMatchObject({ key: 'card-mailed', title: 'Se Envió mi Tarjeta por Correo' });
  });
});
