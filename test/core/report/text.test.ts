import { gridMap } from '../../../core/grid/map';
import { E4 } from '../../../core/referentiel';
import { formatFindingsText } from '../../../core/report/text';
import { summarize } from '../../../core/validate/summary';
import { validate } from '../../../core/validate/validate';
import { candidate, tab } from '../validate/helpers';

describe('terminal output of a check', () => {
  it('groups findings by candidate, with indented lines, and ends with the summary', () => {
    const map = gridMap(E4, 'ccf');
    const assessments = [tab({ levels: { 'cibler.1': null }, note: 14.125 })];
    const roster = [candidate(2, 'DUPONT', 'Marie', '02600001'), candidate(3, 'MARTIN', 'Léo', '02600002')];
    const findings = validate(E4, { assessments, roster });
    const text = formatFindingsText(findings, summarize(assessments, findings));
    expect(text.split('\n')).toEqual([
      'DUPONT Marie (02600001) — onglet « DUPONT Marie »',
      `  [erreur] ${map.levels['cibler.1']} Niveau – Analyser un portefeuille client : ${findings[0].message}`,
      `  [avertissement] ${map.note} Note sur 20 : ${findings[1].message}`,
      '',
      'MARTIN Léo (02600002) — sans onglet',
      `  [erreur] Liste de la classe : ${findings[2].message}`,
      '',
      '1 candidat : 0 complète, 1 incomplète, 0 à corriger, 0 non commencée, 0 ABS, 0 NV — 2 erreurs, 1 avertissement.',
      '',
    ]);
  });

  it('says when there is nothing to report', () => {
    const assessments = [tab()];
    expect(formatFindingsText([], summarize(assessments, []))).toBe(
      'Aucun problème trouvé.\n\n1 candidat : 1 complète, 0 incomplète, 0 à corriger, 0 non commencée, 0 ABS, 0 NV — 0 erreur, 0 avertissement.\n',
    );
  });
});
