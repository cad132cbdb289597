import {
  E4,
  advisoryLabel,
  allCriteria,
  defaultSession,
  gridTitle,
  formDef,
  partTitle,
  requiredCriteria,
  sessionVariant,
} from '../../../core/referentiel';
import type { LevelCode } from '../../../core/referentiel/types';

describe('the E4 référentiel as data', () => {
  it('has the four blocs and eleven criteria of annex V-4, with their exact wording', () => {
    expect(E4.blocs.map((b) => [b.title, b.criteria.length])).toEqual([
      ['Cibler et prospecter la clientèle', 4],
      ['Négocier et accompagner la relation-client', 2],
      ['Organiser et animer un évènement commercial', 3],
      ["Exploiter et mutualiser l'information commerciale", 2],
    ]);
    expect(allCriteria(E4)).toHaveLength(11);
    expect(allCriteria(E4).find((c) => c.id === 'cibler.3')?.wording).toBe(
      'Mettre en œuvre et évaluer une démarche de prospection',
    );
    expect(E4.legend).toBe(
      'TI : Très Insuffisant / I : Insuffisant / S : Satisfaisant / TS : Très satisfaisant',
    );
  });

  it('requires 8 levels for a négociation and 9 for an évènement', () => {
    expect(requiredCriteria(E4, 'negociation')).toHaveLength(8);
    expect(requiredCriteria(E4, 'evenement')).toHaveLength(9);
  });

  it('keeps distinct codes for « NV » non valide and « NV » négociation-vente', () => {
    expect(E4.statuses.find((s) => s.code === 'non_valide')?.label).toBe('Non valide (NV)');
    expect(E4.activities.find((a) => a.code === 'negociation')?.label).toBe(
      'Négociation Vente et Accompagnement de la Relation Client',
    );
    expect(E4.nvMotifs).toHaveLength(5);
  });

  it('gives the durations of each session: 2020–2024 (20 min, 1 h) and 2025 onward (15 min, 40 min)', () => {
    const ccf = formDef(E4, 'ccf');
    const ponctuel = formDef(E4, 'ponctuel');
    const b = ccf.parts.find((p) => p.id === 'B');
    if (!b) throw new Error('situation B absente');
    expect(partTitle(b, 'ccf', sessionVariant(E4, 2022)!)).toBe(
      'Situation B – Durée 20 minutes – Simulation',
    );
    expect(partTitle(b, 'ccf', sessionVariant(E4, 2026)!)).toBe(
      'Situation B – Durée 15 minutes – Simulation',
    );
    expect(gridTitle(ponctuel, sessionVariant(E4, 2024)!)).toContain('Durée 1 heure');
    expect(gridTitle(ponctuel, sessionVariant(E4, 2025)!)).toContain('Durée 40 minutes');
    expect(ponctuel.parts.map((p) => partTitle(p, 'ponctuel', sessionVariant(E4, 2027)!))).toEqual([
      expect.stringContaining('(10 minutes au maximum)'),
      '2. Simulation (15 minutes au maximum)',
      expect.stringContaining('(15 minutes au maximum)'),
    ]);
    expect(sessionVariant(E4, 2019)).toBeUndefined();
  });

  it('takes the session of the current school year from the clock: September onward is next year', () => {
    expect(defaultSession(() => new Date(2026, 7, 31))).toBe(2026);
    expect(defaultSession(() => new Date(2026, 8, 1))).toBe(2027);
    expect(defaultSession(() => new Date(2027, 0, 15))).toBe(2027);
  });

  it.each<[LevelCode[], string]>([
    [['S', 'TS', 'S', 'TS'], '14 et plus'],
    [['I', 'S', 'S'], 'entre 8 et 12'],
    [['I', 'I'], 'moins de 8'],
    [['TI', 'I'], 'moins de 8'],
    [['TI', 'S'], "pas d'indication"],
    [['I', 'TS'], "pas d'indication"],
    [[], "pas d'indication"],
  ])('advisory band of %j is « %s » (indicative, from data)', (levels, label) => {
    expect(advisoryLabel(E4, levels)).toBe(label);
  });
});
