import { E4 } from '../../../core/referentiel';
import { lastControlVerdicts } from '../../../core/report/verdicts';
import { validate } from '../../../core/validate/validate';
import { tab } from '../validate/helpers';

describe('« Dernier contrôle » verdicts', () => {
  it('says Complet, Incomplet with the number of erreurs, ABS or NV, keyed by sheet', () => {
    const assessments = [
      tab({}, 'A'),
      tab({ note: null, levels: { 'cibler.1': null } }, 'B'),
      tab({ note: 12, levels: { 'cibler.1': null } }, 'B1'),
      tab({ status: 'ABS', note: null }, 'C'),
      tab({ status: 'NV', note: null, nvMotifs: [1] }, 'D'),
    ];
    const findings = validate(E4, { assessments, roster: null });
    expect(lastControlVerdicts(assessments, findings, new Date(2026, 4, 20, 9, 3))).toEqual({
      A: { date: '20/05/2026 09:03', verdict: 'Complet' },
      B: { date: '20/05/2026 09:03', verdict: 'Incomplet : 2 erreurs' },
      B1: { date: '20/05/2026 09:03', verdict: 'Incomplet : 1 erreur' },
      C: { date: '20/05/2026 09:03', verdict: 'ABS' },
      D: { date: '20/05/2026 09:03', verdict: 'NV' },
    });
  });
});
