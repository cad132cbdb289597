import { E4 } from '../../../core/referentiel';
import { lastControlVerdicts } from '../../../core/report/verdicts';
import { validate } from '../../../core/validate/validate';
import { tab } from '../validate/helpers';

describe('« Dernier contrôle » verdicts', () => {
  it('says Complète, Incomplète, À corriger, Non commencée, Absent or Non valide, keyed by sheet', () => {
    const assessments = [
      tab({}, 'A'),
      tab({ note: null, levels: { 'cibler.1': null } }, 'B'),
      tab({ note: 12, levels: { 'cibler.1': null } }, 'B1'),
      tab({ status: 'ABS', note: null }, 'C'),
      tab({ status: 'NV', note: null, nvMotifs: [1] }, 'D'),
      tab({ status: 'ABS', note: 8 }, 'E'),
      tab({ levels: { 'cibler.2': 'B', 'cibler.3': null } }, 'F'),
      tab(
        {
          allLevels: null,
          activity: null,
          note: null,
          date: null,
          appreciation: null,
          members: [],
          ficheNumber: null,
          ficheTitle: null,
        },
        'G',
      ),
    ];
    const findings = validate(E4, { assessments, roster: null });
    expect(lastControlVerdicts(assessments, findings, new Date(2026, 4, 20, 9, 3))).toEqual({
      A: { date: '20/05/2026 09:03', verdict: 'Complète' },
      B: { date: '20/05/2026 09:03', verdict: 'Incomplète : 2 éléments manquants' },
      B1: { date: '20/05/2026 09:03', verdict: 'Incomplète : 1 élément manquant' },
      C: { date: '20/05/2026 09:03', verdict: 'Absent' },
      D: { date: '20/05/2026 09:03', verdict: 'Non valide' },
      E: { date: '20/05/2026 09:03', verdict: 'Absent – 1 erreur' },
      F: { date: '20/05/2026 09:03', verdict: 'À corriger : 1 erreur' },
      G: { date: '20/05/2026 09:03', verdict: 'Non commencée' },
    });
  });
});
