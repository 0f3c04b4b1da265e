// The questions an applicant asks when an approval shows before USCIS's status text changes: which form, on what
// evidence, what is still pending, what comes next, and where to see it on myUSCIS. Reads the verdict only.

import type { Language, Localized } from '../localized';
import { APPLICANT_PAGE_PATH, MYUSCIS_ORIGIN } from '../myuscis/endpoints';
import { describeEvidence, type PairVerdict } from './daca-pair';
import { isApprovedStage } from './stages';

export interface ApprovalAnswers {
  /** Which form (or both) appears approved. */
  which: Localized;
  /** Each piece of evidence the approval rests on, strongest first, as a phrase. */
  evidence: Localized[];
  /** What has not happened yet. */
  pending: Localized;
  next: Localized;
}

/** Said after what comes next, only while DACA Watch is checking (it promises news). */
export const WHILE_WATCHING: Localized = {
  en: 'You do not need to do anything. DACA Watch keeps checking and tells you once for each step.',
  es: 'No tiene que hacer nada. DACA Watch sigue revisando y le avisa una vez por cada paso.',
};

/** Where the applicant sees their cases on myUSCIS (main checks it again before opening it). */
export const MY_CASES_URL = `${MYUSCIS_ORIGIN}${APPLICANT_PAGE_PATH}`;

const FORM_NAMES = {
  'I-821D': { en: 'your DACA request (Form I-821D)', es: 'su solicitud de DACA (Formulario I-821D)' },
  'I-765': { en: 'your work permit application (Form I-765)', es: 'su solicitud de permiso de trabajo (Formulario I-765)' },
} as const;

/** The answers for a silent approval; undefined for any other verdict. */
export function approvalAnswers(verdict: PairVerdict): ApprovalAnswers | undefined {
  if (verdict.kind !== 'silently-approved') return undefined;
  const approved = (stage: PairVerdict['stages']['i821d']) => stage !== 'unknown' && isApprovedStage(stage);
  const deferredAction = approved(verdict.stages.i821d);
  const workPermit = approved(verdict.stages.i765);
  const each = (make: (lang: Language) => string): Localized => ({ en: make('en'), es: make('es') });

  const which = each((lang) => {
    if (deferredAction && workPermit) return lang === 'en' ? `Both: ${FORM_NAMES['I-821D'].en} and ${FORM_NAMES['I-765'].en}.` : `Las dos: ${FORM_NAMES['I-821D'].es} y ${FORM_NAMES['I-765'].es}.`;
    const form = FORM_NAMES[workPermit ? 'I-765' : 'I-821D'][lang];
    return `${form[0]!.toUpperCase()}${form.slice(1)}.`;
  });
  const evidence = verdict.evidence.map((item) => each((lang) => describeEvidence(item, lang)));
  const pending: Localized = deferredAction && workPermit
    ? {
        en: 'USCIS’s status text still says the cases are in progress, and the new work permit card has not been produced yet.',
        es: 'El texto del estatus de USCIS todavía dice que los casos están en trámite, y la nueva tarjeta de permiso de trabajo todavía no se ha producido.',
      }
    : deferredAction
      ? {
          en: 'Your work permit (I-765) shows no approval yet: USCIS decides it after the DACA request. USCIS’s status text has not changed yet either.',
          es: 'Su permiso de trabajo (I-765) todavía no muestra una aprobación: USCIS lo decide después de la solicitud de DACA. El texto del estatus de USCIS tampoco ha cambiado todavía.',
        }
      : {
          en: 'USCIS’s status text has not changed yet on either case.',
          es: 'El texto del estatus de USCIS todavía no ha cambiado en ninguno de los dos casos.',
        };
  const next: Localized = workPermit
    ? {
        en: 'The status text usually changes within hours or days; then the new card is produced and mailed, usually within two weeks.',
        es: 'El texto del estatus suele cambiar en unas horas o unos días; después se produce la nueva tarjeta y se envía por correo, normalmente en unas dos semanas.',
      }
    : {
        en: 'The status text usually changes within hours or days, and the work permit decision usually follows within days.',
        es: 'El texto del estatus suele cambiar en unas horas o unos días, y la decisión del permiso de trabajo suele llegar pocos días después.',
      };
  return { which, evidence, pending, next };
}
