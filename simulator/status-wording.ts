// What the simulated myUSCIS says in statusTitle/statusText and their Spanish twins: the public
// tracker's official titles, the my.uscis.gov variants seen live and a few marked "We" forms of our own,
// with raw <a href> anchors as USCIS sends. Simulator data only: explaining titles is the knowledge base's job.

export interface StatusWording {
  title: { en: string; es: string };
  /**
   * Templates: {date}, {form}, {formName} and {receipt} are filled in per case; {tracking} is the card's USPS tracking
   * number (trackingNumberFor), {trackingSpaced} the same in groups of four.
   */
  text: { en: string; es: string };
}

const CONTACT_EN =
  'If you have questions, contact the USCIS Contact Center at <a href="https://www.uscis.gov/contactcenter" target="_blank">www.uscis.gov/contactcenter</a>.';
const CONTACT_ES =
  'Si tiene preguntas, comuníquese con el Centro de Contacto de USCIS en <a href="https://www.uscis.gov/es/contactcenter" target="_blank">www.uscis.gov/es/contactcenter</a>.';
// USCIS's card texts carry the USPS tracking number (MYUSCIS.md "Facts").
const TRACKING_EN =
  'The tracking number assigned is {tracking}. You can use your tracking number on the Postal Service’s website to follow it.';
const TRACKING_ES =
  'El número de rastreo asignado es {tracking}. Puede usar su número de rastreo en el sitio web del Servicio Postal para seguir el envío.';
const MOVE_EN =
  'If you move, go to <a href="https://www.uscis.gov/addresschange" target="_blank">www.uscis.gov/addresschange</a> to give us your new mailing address.';
const MOVE_ES =
  'Si se muda, visite <a href="https://www.uscis.gov/es/cambiodedireccion" target="_blank">www.uscis.gov/es/cambiodedireccion</a> para darnos su nueva dirección postal.';

// Texts shared by an official title and its newer or varied wording.
const REUSED_TEXT = {
  en: `As of {date}, the fingerprints and biometrics we collected from you before have been applied to your Form {form}, {formName}, Receipt Number {receipt}. You do not need to attend a new biometrics appointment. ${CONTACT_EN}`,
  es: `Desde el {date}, las huellas dactilares y los datos biométricos que le tomamos anteriormente se aplicaron a su Formulario {form}, {formName}, Número de Recibo {receipt}. No tiene que acudir a una nueva cita de datos biométricos. ${CONTACT_ES}`,
};
const GOOD_NEWS_TEXT = {
  en: `Good news! On {date}, we approved your Form {form}, Receipt Number {receipt}. ${CONTACT_EN}`,
  es: `¡Buenas noticias! El {date}, aprobamos su Formulario {form}, Número de Recibo {receipt}. ${CONTACT_ES}`,
};
const PROCESSING_TEXT = {
  en: `As of {date}, we are processing your Form {form}, {formName}, Receipt Number {receipt}. We will let you know if we need anything from you. ${CONTACT_EN}`,
  es: `Desde el {date}, estamos procesando su Formulario {form}, {formName}, Número de Recibo {receipt}. Le avisaremos si necesitamos algo de usted. ${CONTACT_ES}`,
};
const PRODUCED_TEXT = {
  en: `On {date}, we produced your new card for Receipt Number {receipt}. We will mail it to the address you gave us. ${MOVE_EN}`,
  es: `El {date}, produjimos su nueva tarjeta para el Número de Recibo {receipt}. Se la enviaremos por correo a la dirección que nos dio. ${MOVE_ES}`,
};

export const STATUS_WORDING = {
  received: {
    title: { en: 'Case Was Received', es: 'Caso Fue Recibido' },
    text: {
      en: `On {date}, we received your Form {form}, {formName}, Receipt Number {receipt}, and sent you the receipt notice that describes how we will process your case. Please follow the instructions in the notice. ${CONTACT_EN} ${MOVE_EN}`,
      es: `El {date}, recibimos su Formulario {form}, {formName}, Número de Recibo {receipt}, y le enviamos la notificación de recibo que explica cómo procesaremos su caso. Siga las instrucciones de la notificación. ${CONTACT_ES} ${MOVE_ES}`,
    },
  },
  'processing-variant': {
    title: { en: 'USCIS Is currently Processing the Case', es: 'USCIS Está Procesando el Caso Actualmente' },
    text: PROCESSING_TEXT,
  },
  'fingerprint-fee-received': {
    title: { en: 'Fingerprint Fee Was Received', es: 'Se Recibió el Pago para las Huellas Dactilares' },
    text: {
      en: `On {date}, we received your fingerprint fee for your Form {form}, Receipt Number {receipt}. ${CONTACT_EN}`,
      es: `El {date}, recibimos el pago para sus huellas dactilares de su Formulario {form}, Número de Recibo {receipt}. ${CONTACT_ES}`,
    },
  },
  'biometrics-scheduled': {
    title: {
      en: 'Fingerprint and Biometrics Appointment Was Scheduled',
      es: 'Se Programó la Cita para Huellas Dactilares y Datos Biométricos',
    },
    text: {
      en: `On {date}, we scheduled an appointment for you to have your fingerprints, photos, and signature taken for your Form {form}, Receipt Number {receipt}. We mailed you an appointment notice; please bring it to your appointment. ${CONTACT_EN}`,
      es: `El {date}, programamos una cita para tomarle las huellas dactilares, la fotografía y la firma para su Formulario {form}, Número de Recibo {receipt}. Le enviamos por correo una notificación de cita; llévela a su cita. ${CONTACT_ES}`,
    },
  },
  'fingerprints-taken': {
    title: {
      en: 'Case Was Updated To Show Fingerprints Were Taken',
      es: 'Se Actualizó el Caso para Indicar que se Tomaron las Huellas Dactilares',
    },
    text: {
      en: `As of {date}, fingerprints relating to your Form {form}, {formName}, Receipt Number {receipt}, have been taken and applied to your case. We will let you know if we need anything else. ${CONTACT_EN}`,
      es: `Desde el {date}, se tomaron las huellas dactilares relacionadas con su Formulario {form}, {formName}, Número de Recibo {receipt}, y se aplicaron a su caso. Le avisaremos si necesitamos algo más. ${CONTACT_ES}`,
    },
  },
  'biometrics-reused': {
    title: {
      en: 'Case Was Updated To Show Fingerprints Were Taken',
      es: 'Se Actualizó el Caso para Indicar que se Tomaron las Huellas Dactilares',
    },
    text: REUSED_TEXT,
  },
  'actively-reviewed': {
    title: { en: 'Case Is Being Actively Reviewed By USCIS', es: 'USCIS Está Revisando Activamente el Caso' },
    text: {
      en: `As of {date}, we are actively reviewing your Form {form}, {formName}, Receipt Number {receipt}. Our records show nothing is outstanding at this time. We will let you know if we need anything from you. ${CONTACT_EN}`,
      es: `Desde el {date}, estamos revisando activamente su Formulario {form}, {formName}, Número de Recibo {receipt}. Según nuestros registros, no hay nada pendiente por el momento. Le avisaremos si necesitamos algo de usted. ${CONTACT_ES}`,
    },
  },
  'rfe-sent': {
    title: { en: 'Request for Additional Evidence Was Sent', es: 'Se Envió una Solicitud de Evidencia Adicional' },
    text: {
      en: `On {date}, we sent a request for additional evidence for your Form {form}, Receipt Number {receipt}. The request explains what we need and when we must receive it. Please follow the instructions in the request. ${CONTACT_EN}`,
      es: `El {date}, le enviamos una solicitud de evidencia adicional para su Formulario {form}, Número de Recibo {receipt}. La solicitud explica qué necesitamos y la fecha límite para recibirlo. Siga las instrucciones de la solicitud. ${CONTACT_ES}`,
    },
  },
  'rfe-response-received': {
    title: {
      en: "Response To USCIS' Request For Evidence Was Received",
      es: 'Se Recibió su Respuesta a la Solicitud de Evidencia de USCIS',
    },
    text: {
      en: `On {date}, we received your response to our request for evidence for your Form {form}, Receipt Number {receipt}. USCIS has resumed processing your case. ${CONTACT_EN}`,
      es: `El {date}, recibimos su respuesta a nuestra solicitud de evidencia para su Formulario {form}, Número de Recibo {receipt}. USCIS reanudó el trámite de su caso. ${CONTACT_ES}`,
    },
  },
  approved: {
    title: { en: 'Case Was Approved', es: 'Caso Fue Aprobado' },
    text: {
      en: `On {date}, we approved your Form {form}, {formName}, Receipt Number {receipt}. We emailed you an approval notice and mailed you a copy. Please follow the instructions in the notice. ${CONTACT_EN} ${MOVE_EN}`,
      es: `El {date}, aprobamos su Formulario {form}, {formName}, Número de Recibo {receipt}. Le enviamos la notificación de aprobación por correo electrónico y una copia por correo postal. Siga las instrucciones de la notificación. ${CONTACT_ES} ${MOVE_ES}`,
    },
  },
  'approved-variant': {
    title: { en: 'Your Case Has Been Approved', es: 'Su Caso Ha Sido Aprobado' },
    text: GOOD_NEWS_TEXT,
  },
  'card-produced': {
    title: { en: 'New Card Is Being Produced', es: 'Se Está Produciendo su Nueva Tarjeta' },
    text: {
      en: `On {date}, we ordered your new card for Receipt Number {receipt}, and will mail it to the address you gave us. ${MOVE_EN}`,
      es: `El {date}, ordenamos la producción de su nueva tarjeta para el Número de Recibo {receipt} y se la enviaremos por correo a la dirección que nos dio. ${MOVE_ES}`,
    },
  },
  'card-mailed': {
    title: { en: 'Card Was Mailed To Me', es: 'Se Envió mi Tarjeta por Correo' },
    text: {
      en: `On {date}, we mailed your new card for Receipt Number {receipt} to the address you gave us. The Post Office should deliver it within 30 days. ${TRACKING_EN} ${CONTACT_EN}`,
      es: `El {date}, enviamos por correo su nueva tarjeta para el Número de Recibo {receipt} a la dirección que nos dio. La oficina de correos debería entregarla en un plazo de 30 días. ${TRACKING_ES} ${CONTACT_ES}`,
    },
  },
  'card-picked-up': {
    title: {
      en: 'Card Was Picked Up By The United States Postal Service',
      es: 'El Servicio Postal de los Estados Unidos Recogió la Tarjeta',
    },
    text: {
      en: `On {date}, the Post Office picked up mail containing your new card for Receipt Number {receipt}. ${TRACKING_EN} ${CONTACT_EN}`,
      es: `El {date}, la oficina de correos recogió el envío con su nueva tarjeta para el Número de Recibo {receipt}. ${TRACKING_ES} ${CONTACT_ES}`,
    },
  },
  'card-delivered': {
    title: { en: 'Card Was Delivered To Me By The Post Office', es: 'La Oficina de Correos Me Entregó la Tarjeta' },
    text: {
      en: `On {date}, the Post Office delivered your new card for Receipt Number {receipt} to the address you gave us. ${TRACKING_EN} ${CONTACT_EN}`,
      es: `El {date}, la oficina de correos entregó su nueva tarjeta para el Número de Recibo {receipt} en la dirección que nos dio. ${TRACKING_ES} ${CONTACT_ES}`,
    },
  },
  'card-returned': {
    title: { en: 'Card Was Returned To USCIS', es: 'La Tarjeta Fue Devuelta a USCIS' },
    text: {
      en: `On {date}, the Post Office returned your new card for Receipt Number {receipt} to us because it could not be delivered. ${MOVE_EN}`,
      es: `El {date}, la oficina de correos nos devolvió su nueva tarjeta para el Número de Recibo {receipt} porque no pudo entregarla. ${MOVE_ES}`,
    },
  },
  denied: {
    title: { en: 'Case Was Denied', es: 'Caso Fue Denegado' },
    text: {
      en: `On {date}, we denied your Form {form}, {formName}, Receipt Number {receipt}. We mailed you a decision notice that explains why. Please follow the instructions in the notice. ${CONTACT_EN}`,
      es: `El {date}, denegamos su Formulario {form}, {formName}, Número de Recibo {receipt}. Le enviamos por correo una notificación de decisión que explica el motivo. Siga las instrucciones de la notificación. ${CONTACT_ES}`,
    },
  },

  // ---- Decisions other than approval (MYUSCIS.md "Seen since"): the public tracker's titles; the Spanish twins
  // are the simulator's own (none was seen).
  rejected: {
    title: { en: 'Case Was Rejected', es: 'Caso Fue Rechazado' },
    text: {
      en: `On {date}, we rejected your Form {form}, {formName}, Receipt Number {receipt}, and returned it to you. We mailed you a notice that explains why. ${CONTACT_EN}`,
      es: `El {date}, rechazamos su Formulario {form}, {formName}, Número de Recibo {receipt}, y se lo devolvimos. Le enviamos por correo una notificación que explica el motivo. ${CONTACT_ES}`,
    },
  },
  terminated: {
    title: { en: 'Case Was Terminated', es: 'Caso Fue Terminado' },
    text: {
      en: `On {date}, we terminated your Form {form}, {formName}, Receipt Number {receipt}. We mailed you a notice that explains why. ${CONTACT_EN}`,
      es: `El {date}, terminamos su Formulario {form}, {formName}, Número de Recibo {receipt}. Le enviamos por correo una notificación que explica el motivo. ${CONTACT_ES}`,
    },
  },
  /** Seen live with currentActionCode H016; the Spanish title is the simulator's. */
  'terminated-denial': {
    title: { en: 'Your Case Was Terminated (Denial)', es: 'Su Caso Fue Terminado (Denegación)' },
    text: {
      en: `On {date}, we terminated your Form {form}, {formName}, Receipt Number {receipt}. We mailed you a decision notice that explains why. ${CONTACT_EN}`,
      es: `El {date}, terminamos su Formulario {form}, {formName}, Número de Recibo {receipt}. Le enviamos por correo una notificación de decisión que explica el motivo. ${CONTACT_ES}`,
    },
  },
  withdrawn: {
    title: { en: 'Withdrawal Acknowledgement Notice Was Sent', es: 'Se Envió un Aviso de Confirmación de Retiro' },
    text: {
      en: `On {date}, we received your request to withdraw your Form {form}, {formName}, Receipt Number {receipt}, and mailed you a withdrawal acknowledgement notice. ${CONTACT_EN}`,
      es: `El {date}, recibimos su solicitud para retirar su Formulario {form}, {formName}, Número de Recibo {receipt}, y le enviamos por correo un aviso de confirmación del retiro. ${CONTACT_ES}`,
    },
  },
  'admin-closed': {
    title: { en: 'Case Was Administratively Closed', es: 'Caso Fue Cerrado Administrativamente' },
    text: {
      en: `On {date}, we administratively closed your Form {form}, {formName}, Receipt Number {receipt}. ${CONTACT_EN}`,
      es: `El {date}, cerramos administrativamente su Formulario {form}, {formName}, Número de Recibo {receipt}. ${CONTACT_ES}`,
    },
  },

  /** Seen live as the title of currentActionCode H008 (MYUSCIS.md "Seen since"); the Spanish title is the simulator's. */
  'case-approved': {
    title: { en: 'Case Approved', es: 'Caso Aprobado' },
    text: GOOD_NEWS_TEXT,
  },

  // ---- my.uscis.gov's newer wording (MYUSCIS.md "More titles"): seen live, with the Spanish twins seen.
  'we-emailed-receipt': {
    title: { en: 'We Emailed You a Receipt Notice', es: 'Le Enviamos un Recibo por Correo Electronico' },
    text: {
      en: `On {date}, we received your Form {form}, {formName}, Receipt Number {receipt}, and emailed you a receipt notice. Please follow the instructions in the notice. ${CONTACT_EN}`,
      es: `El {date}, recibimos su Formulario {form}, {formName}, Número de Recibo {receipt}, y le enviamos un recibo por correo electrónico. Siga las instrucciones de la notificación. ${CONTACT_ES}`,
    },
  },
  'received-receipt-sent': {
    title: { en: 'Case Was Received and A Receipt Notice Was Sent', es: 'Caso Fue Recibido y Se Envió un Recibo' },
    text: {
      en: `On {date}, we received your Form {form}, {formName}, Receipt Number {receipt}, and sent you the receipt notice that describes how we will process your case. ${CONTACT_EN} ${MOVE_EN}`,
      es: `El {date}, recibimos su Formulario {form}, {formName}, Número de Recibo {receipt}, y le enviamos la notificación de recibo que explica cómo procesaremos su caso. ${CONTACT_ES} ${MOVE_ES}`,
    },
  },
  'received-receipt-emailed': {
    title: { en: 'Case Was Received and A Receipt Notice Was Emailed', es: 'Caso Fue Recibido y Se Envió un Recibo por Correo Electrónico' },
    text: {
      en: `On {date}, we received your Form {form}, {formName}, Receipt Number {receipt}, and emailed you a receipt notice. ${CONTACT_EN} ${MOVE_EN}`,
      es: `El {date}, recibimos su Formulario {form}, {formName}, Número de Recibo {receipt}, y le enviamos un recibo por correo electrónico. ${CONTACT_ES} ${MOVE_ES}`,
    },
  },
  /** "We received your Form I-485." was seen; here the title names the case's own form. */
  'we-received-form': {
    title: { en: 'We received your Form {form}.', es: 'Recibimos su Formulario {form}.' },
    text: {
      en: `On {date}, we received your Form {form}, {formName}, Receipt Number {receipt}. We will let you know when we need anything from you. ${CONTACT_EN}`,
      es: `El {date}, recibimos su Formulario {form}, {formName}, Número de Recibo {receipt}. Le avisaremos cuando necesitemos algo de usted. ${CONTACT_ES}`,
    },
  },
  'we-processing': {
    title: { en: 'USCIS Is Currently Processing Your Case', es: 'USCIS Está Procesando Su Caso Actualmente' },
    text: PROCESSING_TEXT,
  },
  'we-sent-rfe': {
    title: { en: 'We sent a request for additional evidence.', es: 'Le enviamos una solicitud de evidencia adicional.' },
    text: {
      en: `On {date}, we sent a request for additional evidence for your Form {form}, Receipt Number {receipt}. The request explains what we need and when we must receive it. ${CONTACT_EN}`,
      es: `El {date}, le enviamos una solicitud de evidencia adicional para su Formulario {form}, Número de Recibo {receipt}. La solicitud explica qué necesitamos y la fecha límite para recibirlo. ${CONTACT_ES}`,
    },
  },
  'we-produced-card': {
    title: { en: 'We Produced Your New Card', es: 'Produjimos Su Nueva Tarjeta' },
    text: PRODUCED_TEXT,
  },
  'we-produced-card-lower': {
    title: { en: 'We produced your new card', es: 'Se Está Produciendo Su Nueva Tarjeta' },
    text: PRODUCED_TEXT,
  },
  // ---- Case and punctuation varying, as MYUSCIS.md says they do (these exact strings were not seen).
  'we-processing-lower': {
    title: { en: 'USCIS is currently processing your case.', es: 'USCIS está procesando su caso actualmente.' },
    text: {
      en: `As of {date}, we are processing your Form {form}, {formName}, Receipt Number {receipt}. ${CONTACT_EN}`,
      es: `Desde el {date}, estamos procesando su Formulario {form}, {formName}, Número de Recibo {receipt}. ${CONTACT_ES}`,
    },
  },
  'approved-variant-lower': {
    title: { en: 'your case has been approved.', es: 'su caso ha sido aprobado.' },
    text: GOOD_NEWS_TEXT,
  },
  // ---- NOT seen live: the simulator's "We"/"Your" forms of official titles that have no newer wording
  // on record, so a renewal can be told in "We ..." titles from receipt to delivery.
  'we-fingerprints-applied': {
    title: { en: 'We Updated Your Case To Show Fingerprints Were Taken', es: 'Actualizamos Su Caso para Indicar que se Tomaron Sus Huellas Dactilares' },
    text: REUSED_TEXT,
  },
  'we-mailed-card': {
    title: { en: 'We Mailed Your New Card', es: 'Le Enviamos Su Nueva Tarjeta por Correo' },
    text: {
      en: `On {date}, we mailed your new card for Receipt Number {receipt} to the address you gave us. Your USPS tracking number is {trackingSpaced}. ${CONTACT_EN}`,
      es: `El {date}, le enviamos por correo su nueva tarjeta para el Número de Recibo {receipt} a la dirección que nos dio. Su número de seguimiento de USPS es {trackingSpaced}. ${CONTACT_ES}`,
    },
  },
  'we-card-picked-up': {
    title: { en: 'Your New Card Was Picked Up By The Postal Service', es: 'El Servicio Postal Recogió Su Nueva Tarjeta' },
    text: {
      en: `On {date}, the Post Office picked up mail containing your new card for Receipt Number {receipt}. Your USPS tracking number is {trackingSpaced}. ${CONTACT_EN}`,
      es: `El {date}, la oficina de correos recogió el envío con su nueva tarjeta para el Número de Recibo {receipt}. Su número de seguimiento de USPS es {trackingSpaced}. ${CONTACT_ES}`,
    },
  },
  'we-card-delivered': {
    title: { en: 'Your new card was delivered.', es: 'Su nueva tarjeta fue entregada.' },
    text: {
      en: `On {date}, the Post Office delivered your new card for Receipt Number {receipt} to the address you gave us. ${CONTACT_EN}`,
      es: `El {date}, la oficina de correos entregó su nueva tarjeta para el Número de Recibo {receipt} en la dirección que nos dio. ${CONTACT_ES}`,
    },
  },
} as const satisfies Record<string, StatusWording>;

export type StatusWordingKey = keyof typeof STATUS_WORDING;

export function isStatusWordingKey(key: string): key is StatusWordingKey {
  return Object.hasOwn(STATUS_WORDING, key);
}

const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_ES = ['enero', 'febrero', 'marzo', 'abril', 'mayo', 'junio', 'julio', 'agosto', 'septiembre', 'octubre', 'noviembre', 'diciembre'];

/** "May 29, 2026" / "29 de mayo de 2026", from a UTC instant. */
export function formatStatusDate(epochMs: number, lang: 'en' | 'es'): string {
  const d = new Date(epochMs);
  const day = d.getUTCDate();
  const year = d.getUTCFullYear();
  return lang === 'en'
    ? `${MONTHS_EN[d.getUTCMonth()]} ${day}, ${year}`
    : `${day} de ${MONTHS_ES[d.getUTCMonth()]} de ${year}`;
}

export function fillStatusTemplate(template: string, values: Record<'date' | 'form' | 'formName' | 'receipt', string>): string {
  const filled = { ...values, tracking: trackingNumberFor(values.receipt), trackingSpaced: trackingNumberFor(values.receipt).replace(/(\d{4})(?=\d)/g, '$1 ') };
  return template.replace(/\{(date|form|formName|receipt|tracking|trackingSpaced)\}/g, (_, key: keyof typeof filled) => filled[key]);
}

/**
 * The USPS tracking number the simulated USCIS gives a case's card: 22 digits starting 92, as most USPS labels,
 * the same for a receipt every time (the receipt's 10 digits after a fixed 12-digit label prefix). Made up.
 */
export function trackingNumberFor(receipt: string): string {
  return `920559016491${receipt.replace(/\D/g, '').padStart(10, '0').slice(-10)}`;
}
