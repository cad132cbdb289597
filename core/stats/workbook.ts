import type { Assessment } from '../assessment/types';
import type { Epreuve } from '../referentiel/types';
import type { SheetSpec, WorkbookSpec } from '../spec/types';
import { commissionsSheet, namedGroupCount } from './sheets/commissions';
import { competencesSheet } from './sheets/competences';
import { notesSheet } from './sheets/notes';
import { repartitionSheet } from './sheets/repartition';
import { statsTitle, syntheseSheet } from './sheets/synthese';
import type { Statistics, StatsMeta } from './types';

export { statsFileName } from './format';

/**
 * The statistics workbook as a spec the hosts render. Values only, no formula: it travels by e-mail
 * without the class workbook. No candidate name or number appears unless `nominatif` is asked for
 * explicitly (RGPD): the « Notes » sheet then lists the given assessments.
 */
export function statisticsWorkbook(
  epreuve: Epreuve,
  stats: Statistics,
  meta: StatsMeta,
  options: { nominatif: boolean; assessments?: Assessment[] },
): WorkbookSpec {
  const sheets: SheetSpec[] = [
    syntheseSheet(epreuve, stats, meta),
    repartitionSheet(stats),
    competencesSheet(epreuve, stats.criteria),
  ];
  if (namedGroupCount(stats) >= 2) sheets.push(commissionsSheet(epreuve, stats));
  if (options.nominatif) sheets.push(notesSheet(epreuve, options.assessments ?? []));
  return { title: `${statsTitle(epreuve, stats)} – session ${meta.session}`, sheets };
}
