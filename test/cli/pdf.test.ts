import { existsSync, readdirSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { candidateFileName, safeFilePart, uniqueNames } from '../../cli/pdf/file-names';
import { pageCountProblem, pdfPlan } from '../../cli/pdf/plan';
import { findProgram } from '../../cli/pdf/tools';
import { scanWorkbook, sheetsOfKind } from '../../core/workflows/scan';
import { openInput } from '../../xlsx/files';
import { runCli, tempDir } from '../helpers/cli';
import { classFile } from '../helpers/class-file';
import { editWithExceljs } from '../helpers/xlsx-view';
import { describeWithLibreOffice, pdfPages, pdfText } from '../helpers/libreoffice';

const GRID_TITLE = "Grille d'aide à l'évaluation";
const FICHE_TITLE = "Fiche d'évaluation";

function pdfFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pdf'))
    .sort();
}

function workFolders(): string[] {
  return readdirSync(tmpdir()).filter((f) => f.startsWith('grilles-e4-pdf-'));
}

/** Runs with environment variables set for the duration of the command only. */
async function withEnv<T>(vars: Record<string, string>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await body();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

describe('PDF file names', () => {
  it('replaces the characters a file system refuses and keeps accents', () => {
    expect(safeFilePart('=HYPERLINK("x";"y")')).toBe('=HYPERLINK(_x_;_y_)');
    expect(safeFilePart("O'CONNOR/Sean")).toBe("O'CONNOR_Sean");
    expect(safeFilePart('a\\b:c*d?e<f>g|h')).toBe('a_b_c_d_e_f_g_h');
    expect(safeFilePart('  Zoé   Léa. ')).toBe('Zoé Léa');
    expect(safeFilePart('x\u0000y\ttab')).toBe('x_y tab');
  });

  it('names a candidate « N°-NOM-Prénom.pdf », or after the tab when the identity is missing', () => {
    expect(candidateFileName({ sheet: 'T', candidateNumber: '02600001', nom: 'DUPONT', prenom: 'Zoé' })).toBe(
      '02600001-DUPONT-Zoé.pdf',
    );
    expect(candidateFileName({ sheet: 'DUPONT Zoé', nom: 'DUPONT', prenom: 'Zoé' })).toBe('DUPONT-Zoé.pdf');
    expect(candidateFileName({ sheet: 'Onglet: 3' })).toBe('Onglet_ 3.pdf');
  });

  it('never gives two candidates (nor the class file) the same name, whatever the case', () => {
    expect(uniqueNames(['A.pdf', 'a.pdf', 'classe.pdf'], ['classe.pdf'])).toEqual([
      'A.pdf',
      'a (2).pdf',
      'classe (2).pdf',
    ]);
  });
});

describe('PDF page plan', () => {
  const tabs = [
    { sheet: 'A', candidateNumber: '1', nom: 'A', prenom: 'a' },
    { sheet: 'B', candidateNumber: '2', nom: 'B', prenom: 'b' },
  ];

  it('gives each candidate the 2 pages of their tab and the class every page', () => {
    const plan = pdfPlan(tabs, false);
    expect(plan.candidates.map((c) => c.pages)).toEqual([
      [1, 2],
      [3, 4],
    ]);
    expect(plan.whole).toEqual({ name: 'classe.pdf', pages: [1, 2, 3, 4] });
  });

  it('keeps only page 2 of each tab, the fiche, with --fiches-seules', () => {
    const plan = pdfPlan(tabs, true);
    expect(plan.candidates.map((c) => c.pages)).toEqual([[2], [4]]);
    expect(plan.whole).toEqual({ name: 'fiches.pdf', pages: [2, 4] });
  });

  it('refuses a print that is not exactly 2 pages per tab', () => {
    expect(pageCountProblem(8, 4)).toBeNull();
    expect(pageCountProblem(9, 4)).toContain('9 pages au lieu de 8');
  });
});

describe('grilles-e4 pdf without the tools it needs', () => {
  it('finds a program on PATH and nothing at a path that does not exist', () => {
    expect(findProgram('node')).not.toBeNull();
    expect(findProgram('/nulle-part/soffice')).toBeNull();
  });

  it('explains in French how to install LibreOffice, exits 2 and writes nothing', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [null]);
    const run = await withEnv({ GRILLES_E4_SOFFICE: '/nulle-part/soffice' }, () =>
      runCli(['pdf', file], dir),
    );
    expect(run.code).toBe(2);
    expect(run.err).toContain('LibreOffice est introuvable');
    expect(run.err).toContain('sudo apt-get install libreoffice-calc-nogui');
    expect(run.err).toContain('Windows ou macOS');
    expect(run.err).toContain('imprimer depuis Excel');
    expect(existsSync(join(dir, 'classe-grilles-pdf'))).toBe(false);
  });

  it('explains how to install poppler-utils when pdfunite is missing, and writes nothing', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [null]);
    const run = await withEnv(
      { GRILLES_E4_SOFFICE: process.execPath, GRILLES_E4_POPPLER: '/nulle-part' },
      () => runCli(['pdf', file], dir),
    );
    expect(run.code).toBe(2);
    expect(run.err).toContain('poppler-utils');
    expect(existsSync(join(dir, 'classe-grilles-pdf'))).toBe(false);
  });
});

describe('grilles-e4 pdf before printing', () => {
  it('has a French help that tells who may receive which page', async () => {
    const run = await runCli(['pdf', '--help'], tempDir());
    expect(run.code).toBe(0);
    expect(run.out).toContain('--fiches-seules');
    expect(run.out).toContain('réservée à la commission');
  });

  it('refuses a workbook without candidate tabs (exit 2) and writes nothing', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'liste.csv'), 'N° candidat;Nom;Prénom\r\n02600001;DUPONT;Zoé\r\n');
    const run = await runCli(['pdf', 'liste.csv'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain("n'a aucun onglet de candidat");
    expect(run.err).toContain('grilles-e4 grilles');
    expect(existsSync(join(dir, 'liste-pdf'))).toBe(false);
  });

  it('never replaces a PDF of the same name in a folder the user chose, unless --remplacer', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: 12 }]);
    writeFileSync(join(dir, 'classe.pdf'), 'le PDF de quelqu’un');
    const run = await runCli(['pdf', file, '-o', '.'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('contient déjà classe.pdf');
    expect(run.err).toContain('--remplacer');
    expect(readFileSync(join(dir, 'classe.pdf'), 'utf8')).toBe('le PDF de quelqu’un');
  });

  it('refuses an output that is a file, not a folder', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'sortie.pdf'), '');
    const run = await runCli(['pdf', 'classe-grilles.xlsx', '-o', 'sortie.pdf'], dir);
    expect(run.code).toBe(2);
    expect(run.err).toContain('pas un dossier');
  });
});

describeWithLibreOffice('grilles-e4 pdf with LibreOffice', () => {
  it('writes one 2-page PDF per candidate and classe.pdf, without touching the workbook', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: 12 }, null, null, null]);
    const before = readFileSync(join(dir, file));
    const workBefore = workFolders().length;
    const run = await runCli(['pdf', file], dir);
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    const folder = join(dir, 'classe-grilles-pdf');
    expect(pdfFiles(folder)).toEqual([
      '02600001-NOM1-Prénom.pdf',
      '02600002-NOM2-Prénom.pdf',
      '02600003-NOM3-Prénom.pdf',
      '02600004-NOM4-Prénom.pdf',
      'classe.pdf',
    ]);
    for (const n of [1, 2, 3, 4]) {
      const pdf = join(folder, `0260000${n}-NOM${n}-Prénom.pdf`);
      expect(pdfPages(pdf)).toBe(2);
      expect(pdfText(pdf, 1)).toContain(GRID_TITLE);
      expect(pdfText(pdf, 1)).toContain(`NOM${n}`);
      expect(pdfText(pdf, 2)).toContain(FICHE_TITLE);
    }
    expect(pdfPages(join(folder, 'classe.pdf'))).toBe(8);
    expect(pdfText(join(folder, 'classe.pdf'), 7)).toContain('NOM4');
    expect(readFileSync(join(dir, file))).toEqual(before);
    expect(workFolders()).toHaveLength(workBefore);
  });

  it('with --fiches-seules writes only the fiche (1 page each) and fiches.pdf, into the -o folder', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [{ note: 12 }, null, null]);
    const run = await runCli(['pdf', file, '--fiches-seules', '-o', 'fiches'], dir);
    expect(run.code).toBe(0);
    const folder = join(dir, 'fiches');
    expect(pdfFiles(folder)).toHaveLength(4);
    for (const n of [1, 2, 3]) {
      const pdf = join(folder, `0260000${n}-NOM${n}-Prénom.pdf`);
      expect(pdfPages(pdf)).toBe(1);
      expect(pdfText(pdf)).toContain(FICHE_TITLE);
      expect(pdfText(pdf)).not.toContain(GRID_TITLE);
    }
    expect(pdfPages(join(folder, 'fiches.pdf'))).toBe(3);
    expect(existsSync(join(folder, 'classe.pdf'))).toBe(false);
  });

  it('stops with a French error and writes nothing when a tab no longer prints on 2 pages', async () => {
    const dir = tempDir();
    const file = await classFile(dir, [null, null, null]);
    const opened = await openInput(join(dir, file));
    const tab = sheetsOfKind(await scanWorkbook(opened.host), 'grid')[1].sheet;
    await editWithExceljs(join(dir, file), (wb) => {
      const ws = wb.getWorksheet(tab);
      if (!ws) throw new Error(tab);
      ws.pageSetup = { ...ws.pageSetup, fitToPage: false, scale: 400 };
    });
    const run = await runCli(['pdf', file], dir);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/compte \d+ pages au lieu de 6/);
    expect(run.err).toContain("Rien n'a été écrit");
    expect(existsSync(join(dir, 'classe-grilles-pdf'))).toBe(false);
  });

  it('gives safe file names to hostile or odd names', async () => {
    const dir = tempDir();
    writeFileSync(
      join(dir, 'liste.csv'),
      [
        'N° candidat;Nom;Prénom',
        '02600001;"=HYPERLINK(""x"";""y"")";Zoé',
        "02600002;O'CONNOR/Sean;Éloïse",
        '02600003;DURAND;Léa',
      ].join('\r\n'),
    );
    const made = await runCli(['grilles', 'liste.csv', '--session', '2026'], dir);
    expect(made.code).toBeLessThan(2);
    const run = await runCli(['pdf', 'liste-grilles.xlsx', '--fiches-seules'], dir);
    expect(run.code).toBe(0);
    const names = pdfFiles(join(dir, 'liste-grilles-pdf'));
    expect(names).toHaveLength(4);
    expect(names).toContain("02600002-O'CONNOR_Sean-Éloïse.pdf");
    expect(names).toContain('02600003-DURAND-Léa.pdf');
    expect(names).toContain('02600001-=HYPERLINK(_x_;_y_)-Zoé.pdf');
    for (const name of names) expect(name).not.toMatch(/[/\\:*?"<>|]/);
    // The name is printed as the text it is, never run as a formula.
    expect(pdfText(join(dir, 'liste-grilles-pdf', '02600001-=HYPERLINK(_x_;_y_)-Zoé.pdf'))).toContain(
      '=HYPERLINK("x";"y")',
    );
  });
});
