import type { Finding } from '../../core/validate/types';
import {
  candidateLabel,
  controlLines,
  errorText,
  findingText,
  frenchNumber,
  generateLines,
  groupFindings,
  plural,
} from '../../ui/text';

const finding = (number: string, cell: string | null): Finding => ({
  severity: 'erreur',
  code: 'level-missing',
  candidate: number === '' ? null : { number, nom: 'DURAND', prenom: 'Léa' },
  sheet: cell === null ? null : 'DURAND Léa',
  cell,
  rubric: 'Niveau – Analyser un portefeuille client',
  message: 'Choisissez un niveau.',
});

describe('panel texts', () => {
  it('uses the singular for 0 and 1, as French does', () => {
    expect(plural(0, 'onglet créé', 'onglets créés')).toBe('0 onglet créé');
    expect(plural(2, 'onglet créé', 'onglets créés')).toBe('2 onglets créés');
    expect(frenchNumber(12.345)).toBe('12,35');
  });

  it('groups findings by candidate in the validator order, the workbook ones apart', () => {
    const groups = groupFindings([finding('1', 'C5'), finding('', null), finding('1', 'C6')]);
    expect(groups.map((g) => [g.title, g.findings.length])).toEqual([
      ['DURAND Léa (n° 1)', 2],
      ['Classeur et liste', 1],
    ]);
    expect(findingText(finding('1', 'C5'))).toBe(
      'Erreur – Niveau – Analyser un portefeuille client : Choisissez un niveau. (DURAND Léa, C5)',
    );
    expect(candidateLabel({ number: '', nom: 'X', prenom: '' })).toBe('X');
  });

  it('summarises a generation, with orphans and what remains', () => {
    const lines = generateLines({
      preview: { sheet: 'Liste', header: null, headerLabels: [], candidates: [], problems: [], usable: true },
      created: ['A', 'B'],
      existing: 1,
      refreshed: [],
      orphans: [{ sheet: 'OLD', nom: 'OLD', prenom: 'Jo', number: '9' }],
      remaining: 3,
      problems: [],
      exitCode: 1,
    });
    expect(lines[0]).toBe('2 onglets créés, 1 déjà présent.');
    expect(lines).toContain(
      "L'onglet « OLD » (OLD Jo (n° 9)) n'est plus dans la liste : il est conservé tel quel.",
    );
    expect(lines).toContain('3 candidats restent sans onglet : relancez « Créer les onglets ».');
    expect(
      controlLines({
        candidates: 2,
        complete: 1,
        incomplete: 1,
        toCorrect: 0,
        notStarted: 0,
        absent: 0,
        nonValide: 0,
        errors: 3,
        warnings: 0,
      })[1],
    ).toBe('3 erreurs, 0 avertissement.');
  });

  it("shows the host's French message, or a sentence when there is none", () => {
    expect(errorText(new Error('Excel est occupé.'))).toBe('Excel est occupé.');
    expect(errorText(new Error(''))).toMatch(/^L'opération a échoué/);
  });
});
