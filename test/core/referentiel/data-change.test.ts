import { gridTemplate } from '../../../core/grid/layout';
import { gridMap } from '../../../core/grid/map';
import { readAssessment } from '../../../core/grid/read';
import { E4 } from '../../../core/referentiel';
import type { Epreuve } from '../../../core/referentiel/types';
import { computeStatistics } from '../../../core/stats';
import { validate } from '../../../core/validate';
import { filledTab } from '../../helpers/filled-tab';

/**
 * The référentiel is data: a new session, or an épreuve of the same structure with other criteria, goes
 * through layout, reading, checking and statistics without a line of code.
 */
const E4_WITH_A_NEW_CRITERION: Epreuve = {
  ...E4,
  id: 'E4',
  blocs: E4.blocs.map((b) =>
    b.id === 'exploiter'
      ? {
          ...b,
          criteria: [
            ...b.criteria,
            {
              id: 'exploiter.3',
              number: 3,
              wording: 'Assurer une veille commerciale',
              indicators: 'Pertinence des sources',
            },
          ],
        }
      : b,
  ),
  sessions: [
    ...E4.sessions.map((s) => ({ ...s, toYear: s.toYear ?? 2029 })),
    {
      fromYear: 2030,
      partMinutes: { ccf: { B: 25 }, ponctuel: { '1': 15, '2': 20, '3': 15 } },
      totalDuration: { ponctuel: '50 minutes' },
    },
  ],
};

describe('a change of référentiel is a data change', () => {
  it('lays out, reads, checks and counts a criterion added in the data', () => {
    const map = gridMap(E4_WITH_A_NEW_CRITERION, 'ccf');
    expect(map.levels['exploiter.3']).toBeDefined();
    const template = gridTemplate(E4_WITH_A_NEW_CRITERION, 'ccf', 2026);
    expect(template.cells.some((c) => c.value === 'Assurer une veille commerciale')).toBe(true);
    expect(
      template.validations.some(
        (v) => v.kind === 'list' && v.range.includes(map.levels['exploiter.3'].replace(/\d+/, '')),
      ),
    ).toBe(true);

    const missing = filledTab({ epreuve: E4_WITH_A_NEW_CRITERION, levels: { 'exploiter.3': null } });
    const read = readAssessment(E4_WITH_A_NEW_CRITERION, 'T', missing);
    if (!('assessment' in read)) throw new Error(read.problem);
    const findings = validate(E4_WITH_A_NEW_CRITERION, { assessments: [read.assessment], roster: null });
    expect(findings.filter((f) => f.severity === 'erreur').map((f) => f.cell)).toContain(
      map.levels['exploiter.3'],
    );

    const filled = filledTab({ epreuve: E4_WITH_A_NEW_CRITERION, levels: { 'exploiter.3': 'TS' } });
    const complete = readAssessment(E4_WITH_A_NEW_CRITERION, 'T', filled);
    if (!('assessment' in complete)) throw new Error(complete.problem);
    expect(
      validate(E4_WITH_A_NEW_CRITERION, { assessments: [complete.assessment], roster: null }).filter(
        (f) => f.severity === 'erreur',
      ),
    ).toEqual([]);
    const stats = computeStatistics(E4_WITH_A_NEW_CRITERION, [complete.assessment], { hasErrors: false });
    expect(
      stats.criteria.find((c) => c.criterionId === 'exploiter.3')?.levels.find((l) => l.code === 'TS')?.count,
    ).toBe(1);
  });

  it('prints the durations of a session added in the data', () => {
    const template = gridTemplate(E4_WITH_A_NEW_CRITERION, 'ccf', 2030);
    expect(template.cells.some((c) => c.value === 'Situation B – Durée 25 minutes – Simulation')).toBe(true);
  });
});
