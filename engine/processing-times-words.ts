// What a refresh of USCIS's published processing times is said as, in English and Spanish: one sentence for the
// terminal runner (and the logs). Whether the times were read, not what they say: the forecast says that.

import { formatMediumDateTime } from '../shared/format-date';
import type { Language, Localized } from '../shared/localized';
import type { PublishedForm } from '../shared/monitor/state';
import type { TimesEvent } from './processing-times';

const FORM_STATUS: Record<NonNullable<PublishedForm['status']> | 'unread', Localized> = {
  published: { en: 'published', es: 'publicado' },
  'not-published': { en: 'nothing published now', es: 'nada publicado por ahora' },
  'not-listed': { en: 'not listed for DACA', es: 'no aparece para DACA' },
  unread: { en: 'not read yet', es: 'aún sin leer' },
};

function forms(event: TimesEvent, lang: Language): string {
  const say = (status: PublishedForm['status']) => FORM_STATUS[status ?? 'unread'][lang];
  return `I-821D: ${say(event.forms['I-821D'])}; I-765 (c)(33): ${say(event.forms['I-765'])}`;
}

const NOT_AFFECTED: Localized = { en: 'Your myUSCIS checks are not affected.', es: 'Sus consultas a myUSCIS no se ven afectadas.' };

/** The sentence for one refresh (`read`, `fresh`, `waiting`, `blocked`, `failed`) in `lang`. */
export function publishedTimesSentence(event: TimesEvent, lang: Language): string {
  const until = event.until === undefined ? '' : formatMediumDateTime(Date.parse(event.until), lang);
  const en = (): string => {
    switch (event.outcome) {
      case 'read':
        return `USCIS's published processing times were read from egov.uscis.gov (${forms(event, 'en')}).`;
      case 'fresh':
        return `USCIS's published processing times were already read in the last day (${forms(event, 'en')}); nothing was asked of egov.uscis.gov.`;
      case 'waiting':
        return `USCIS's published processing times are not asked for again before ${until} (after a block page or an error). ${NOT_AFFECTED.en}`;
      case 'blocked':
        return `egov.uscis.gov answered with a block page: USCIS's published processing times were not read, and are not asked for again before ${until}. ${NOT_AFFECTED.en}`;
      case 'failed':
        return `USCIS's published processing times could not be read (${event.reason ?? 'no answer'}); tried again after ${until}. ${NOT_AFFECTED.en}`;
    }
  };
  const es = (): string => {
    switch (event.outcome) {
      case 'read':
        return `Se leyeron los tiempos de procesamiento que publica USCIS en egov.uscis.gov (${forms(event, 'es')}).`;
      case 'fresh':
        return `Los tiempos de procesamiento que publica USCIS ya se leyeron en el último día (${forms(event, 'es')}); no se pidió nada a egov.uscis.gov.`;
      case 'waiting':
        return `Los tiempos de procesamiento que publica USCIS no se vuelven a pedir antes del ${until} (tras una página de bloqueo o un error). ${NOT_AFFECTED.es}`;
      case 'blocked':
        return `egov.uscis.gov respondió con una página de bloqueo: no se leyeron los tiempos de procesamiento que publica USCIS, y no se vuelven a pedir antes del ${until}. ${NOT_AFFECTED.es}`;
      case 'failed':
        return `No se pudieron leer los tiempos de procesamiento que publica USCIS (${event.reason ?? 'sin respuesta'}); se intentará de nuevo después del ${until}. ${NOT_AFFECTED.es}`;
    }
  };
  return lang === 'es' ? es() : en();
}
