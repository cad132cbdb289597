import { E4 } from '../../../core/referentiel';
import type { CellValue, SheetSpec } from '../../../core/spec/types';
import {
  consolidateStatistics,
  duplicateMessage,
  MixedSourcesError,
  NoSourceError,
  runConsolidatedStatistics,
  type SourceRead,
} from '../../../core/workflows/consolidate';
import { generateGrids } from '../../../core/workflows/generate';
import { readClass } from '../../../core/workflows/read-class';
import { runStatistics } from '../../../core/workflows/statistics';
import type { FormId } from '../../../core/referentiel/types';
import { teacherInputs } from '../../helpers/fill';
import { MemoryHost } from '../../helpers/memory-host';

const clock = (): Date => new Date('2026-06-01T10:00:00Z');

interface Pupil {
  number: string;
  nom: string;
  division: string;
  /** null: tab left as generated (not graded). */
  note: number | null;
}

/** A grids workbook made as the add-in makes it, its tabs filled with these notes. */
async function gradedClass(pupils: Pupil[], form: FormId = 'ccf', session = 2026): Promise<MemoryHost> {
  const header = ['N° candidat', 'Nom', 'Prénom', form === 'ccf' ? 'Division' : 'Commission'];
  const rows: CellValue[][] = [header, ...pupils.map((p) => [p.number, p.nom, 'Test', p.division])];
  const host = MemoryHost.withSheet('Classe', rows);
  const { created } = await generateGrids(host, { form, session, roster: {}, clock });
  const updates = created.flatMap((sheet, i) => {
    const p = pupils[i];
    if (p.note === null) return [];
    const init = { number: p.number, nom: p.nom, prenom: 'Test', group: p.division, note: p.note, session };
    return [{ sheet, cells: teacherInputs(form, init) }];
  });
  await host.apply({ templates: {}, add: [], replace: [], updates });
  return host;
}

function pupils(prefix: string, division: string, notes: Array<number | null>): Pupil[] {
  return notes.map((note, i) => ({
    number: `${prefix}${i + 1}`,
    nom: `${division}NOM${i + 1}`,
    division,
    note,
  }));
}

async function source(file: string, host: MemoryHost): Promise<SourceRead> {
  return { file, read: await readClass(host, E4) };
}

function sheetRows(sheet: SheetSpec): CellValue[][] {
  const rows: CellValue[][] = [];
  for (const c of sheet.cells) (rows[c.r - 1] ??= [])[c.c - 1] = c.value ?? null;
  return rows;
}

const A = pupils('0260001', 'NDRC2A', [12, 15.5, 8]);
const B = pupils('0260002', 'NDRC2B', [9, 17, 11.25, 4]);

describe('consolidateStatistics', () => {
  it('gives over two classes the same figures as one workbook holding both', async () => {
    const a = await source('ndrc2a.xlsx', await gradedClass(A));
    const b = await source('ndrc2b.xlsx', await gradedClass(B));
    const union = await gradedClass([...A, ...B]);
    const single = await runStatistics(union, { clock, nominatif: false, persistSettings: false });
    const both = consolidateStatistics(E4, [a, b], { clock, nominatif: false });
    expect(both.summary).toMatchObject({ inscrits: 7, presentsNotes: 7, provisional: false });
    expect(both.summary.mean).toBeCloseTo(single.summary.mean ?? NaN, 12);
    const unionStats = consolidateStatistics(E4, [await source('union.xlsx', union)], {
      clock,
      nominatif: false,
    }).stats;
    expect(both.stats).toEqual(unionStats);
    // Every sheet of the single-workbook table is there, with the same values, plus « Classeurs ».
    const names = both.workbook.sheets.map((s) => s.name);
    expect(names).toEqual(['Synthèse', 'Classeurs', ...single.workbook.sheets.slice(1).map((s) => s.name)]);
    for (const sheet of single.workbook.sheets)
      expect(sheetRows(both.workbook.sheets.find((s) => s.name === sheet.name) as SheetSpec)).toEqual(
        sheetRows(sheet),
      );
  });

  it('lists each workbook in « Classeurs » with its own counts and mean, then the whole', async () => {
    const a = await source('ndrc2a.xlsx', await gradedClass(A));
    const b = await source('ndrc2b.xlsx', await gradedClass([...B.slice(0, 3), { ...B[3], note: null }]));
    const run = consolidateStatistics(E4, [a, b], { clock, nominatif: false });
    const rows = sheetRows(run.workbook.sheets[1]);
    expect(rows[3]).toEqual([
      'Classeur',
      'Division(s)',
      'Forme',
      'Session',
      'Inscrits',
      'Présents notés',
      'ABS',
      'NV',
      'Non encore notés',
      'Moyenne',
    ]);
    expect(rows[4]).toEqual(['ndrc2a.xlsx', 'NDRC2A', 'CCF', '2026', 3, 3, 0, 0, 0, (12 + 15.5 + 8) / 3]);
    expect(rows[5]).toEqual(['ndrc2b.xlsx', 'NDRC2B', 'CCF', '2026', 4, 3, 0, 0, 1, (9 + 17 + 11.25) / 3]);
    expect(rows[6].slice(4)).toEqual([7, 6, 0, 0, 1, (12 + 15.5 + 8 + 9 + 17 + 11.25) / 6]);
    expect(run.summary.provisional).toBe(true);
  });

  it('counts a candidate found in two workbooks once, names both files and tabs, and says PROVISOIRE', async () => {
    const twice = { ...B[0], number: A[1].number, nom: A[1].nom, division: 'NDRC2B' };
    const a = await source('ndrc2a.xlsx', await gradedClass(A));
    const b = await source('ndrc2b.xlsx', await gradedClass([twice, ...B.slice(1)]));
    const run = consolidateStatistics(E4, [a, b], { clock, nominatif: false });
    expect(run.summary.inscrits).toBe(6);
    expect(run.summary.provisional).toBe(true);
    expect(run.duplicates).toHaveLength(1);
    const d = run.duplicates[0];
    expect(d).toMatchObject({
      number: A[1].number,
      first: { file: 'ndrc2a.xlsx' },
      second: { file: 'ndrc2b.xlsx' },
    });
    const message = duplicateMessage(E4, d);
    expect(message).toContain('ndrc2a.xlsx');
    expect(message).toContain('ndrc2b.xlsx');
    expect(message).toContain(`« ${d.first.sheet} »`);
    expect(message).toContain(`« ${d.second.sheet} »`);
    expect(d.first.sheet).toContain('NDRC2ANOM2');
    const notes = run.assessments.map((x) => x.note.value);
    expect(notes).toHaveLength(6);
    expect(notes).not.toContain(9);
  });

  it('refuses workbooks of different sessions, naming the files and the sessions', async () => {
    const a = await source('2026.xlsx', await gradedClass(A));
    const b = await source('2025.xlsx', await gradedClass(B, 'ccf', 2025));
    expect(() => consolidateStatistics(E4, [a, b], { clock, nominatif: false })).toThrow(MixedSourcesError);
    expect(() => consolidateStatistics(E4, [a, b], { clock, nominatif: false })).toThrow(
      /Sessions différentes : 2026\.xlsx \(2026\) ; 2025\.xlsx \(2025\)/,
    );
  });

  it('refuses a CCF workbook with a ponctuelle one, naming the forms', async () => {
    const a = await source('ccf.xlsx', await gradedClass(A));
    const b = await source('centre.xlsx', await gradedClass(B, 'ponctuel'));
    expect(() => consolidateStatistics(E4, [a, b], { clock, nominatif: false })).toThrow(
      /Formes différentes : ccf\.xlsx \(CCF\) ; centre\.xlsx \(Forme ponctuelle\)/,
    );
  });

  it('refuses when no workbook holds a candidate tab', async () => {
    const empty = MemoryHost.withSheet('Classe', [
      ['N° candidat', 'Nom'],
      ['1', 'SEUL'],
    ]);
    await expect(
      (async () =>
        consolidateStatistics(E4, [await source('vide.xlsx', empty)], { clock, nominatif: false }))(),
    ).rejects.toThrow(NoSourceError);
  });

  it('runs from a pane: the open workbook first, others read from the computer, settings kept in the open one', async () => {
    const open = await gradedClass(A);
    const other = await source('ndrc2b.xlsx', await gradedClass(B));
    const run = await runConsolidatedStatistics(open, [other], {
      clock,
      nominatif: false,
      persistSettings: true,
      settings: { etablissement: 'Lycée X' },
      currentName: 'Classeur ouvert',
    });
    expect(run.summary).toMatchObject({ inscrits: 7, presentsNotes: 7, provisional: false });
    expect(open.workbooks).toHaveLength(1);
    expect(open.workbooks[0].sheets.map((s) => s.name)).toContain('Classeurs');
    expect(run.notes[0]).toBe('Classeurs réunis : Classeur ouvert (3), ndrc2b.xlsx (4).');
    expect(open.sheet('Paramètres E4')).toBeDefined();
  });
});
