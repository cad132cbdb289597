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
  previewLines,
  problemText,
} from '../../ui/text';
import type { RosterPreview } from '../../core/workflows/types';

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

  it('labels a warning « Avertissement », as the CLI, « Contrôle » and the guide do', () => {
    expect(findingText({ ...finding('1', 'C5'), severity: 'avertissement' })).toBe(
      'Avertissement – Niveau – Analyser un portefeuille client : Choisissez un niveau. (DURAND Léa, C5)',
    );
    expect(problemText({ severity: 'avertissement', code: 'x', message: 'Date illisible.' })).toBe(
      'Avertissement : Date illisible.',
    );
    expect(problemText({ severity: 'erreur', code: 'x', message: 'Numéro en double.' })).toBe(
      'Erreur : Numéro en double.',
    );
  });

  it('announces the session read in the roster title before anything is applied', () => {
    const preview: RosterPreview = {
      sheet: 'Liste',
      header: { row: 3, columns: {} } as RosterPreview['header'],
      headerLabels: ['N° candidat', 'NOM'],
      candidates: [],
      problems: [],
      usable: true,
    };
    expect(previewLines(preview).some((l) => l.startsWith('Session'))).toBe(false);
    const titled = { year: 2026, text: 'Session 2026 — Épreuve E4 (CCF)', row: 2 };
    expect(previewLines({ ...preview, session: titled })).toContain(
      'Session 2026 (lue dans le titre de la liste)',
    );
    expect(previewLines({ ...preview, session: { ...titled, year: 2019 } })).toContain(
      'Session 2019 lue dans le titre de la liste : le référentiel ne la connaît pas, indiquez la session ci-dessous.',
    );
  });

  it('says after creation which session the tabs carry when the roster decided it', () => {
    const message = 'Session 2026 : la liste de la classe indique « Session 2026 » (ligne 2).';
    const lines = generateLines({
      preview: { sheet: 'Liste', header: null, headerLabels: [], candidates: [], problems: [], usable: true },
      created: ['A'],
      existing: 0,
      refreshed: [],
      orphans: [],
      remaining: 0,
      problems: [],
      session: { session: 2026, warning: false, message },
      exitCode: 0,
    });
    expect(lines).toEqual(['1 onglet créé, 0 déjà présent.', message]);
  });

  it("shows the host's French message, or a sentence when there is none", () => {
    expect(errorText(new Error('Excel est occupé.'))).toBe('Excel est occupé.');
    expect(errorText(new Error(''))).toMatch(/^L'opération a échoué/);
  });
});
