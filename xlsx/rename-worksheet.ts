import type { Workbook, Worksheet } from 'exceljs';
import type { TabRename } from '../core/port';
import { renameInFormula } from './package/rename-sheet';
import { findSheet } from './sheet-order';

/** exceljs' defined names: per name, a matrix of cells by sheet name (not in its typings). */
interface CellMatrixLike {
  sheets: Record<string, Array<Array<{ sheetName: string } | undefined> | undefined> | undefined>;
}
interface DefinedNamesLike {
  matrixMap?: Record<string, CellMatrixLike>;
}

/**
 * Renames tabs as Excel would: the tab, its print area and titles (exceljs writes them from the tab's
 * current name), every defined name and every cell formula that points into it. Each tab is checked before any is renamed,
 * so a refused name leaves the workbook as it was.
 */
export function renameWorksheets(workbook: Workbook, renames: TabRename[]): void {
  const sheets = renames.map(({ from, to }) => {
    const ws = findSheet(workbook, from);
    if (!ws) throw new Error(`L'onglet « ${from} » est introuvable : impossible de le renommer « ${to} ».`);
    const other = findSheet(workbook, to);
    if (other && other !== ws)
      throw new Error(`Un onglet « ${to} » existe déjà : l'onglet « ${from} » ne peut pas prendre ce nom.`);
    return ws;
  });
  renames.forEach(({ from, to }, i) => rename(workbook, sheets[i], from, to));
}

function rename(workbook: Workbook, ws: Worksheet, from: string, to: string): void {
  const old = ws.name;
  try {
    // exceljs counts the tab itself as a duplicate of a name that differs only by case.
    if (old.toLowerCase() === to.toLowerCase()) ws.name = `~GE4-renommage-${ws.id}`;
    ws.name = to;
  } catch {
    ws.name = old;
    throw new Error(`Le nom d'onglet « ${to} » n'est pas accepté : l'onglet « ${from} » garde son nom.`);
  }
  const matrices = (workbook.definedNames as unknown as DefinedNamesLike).matrixMap ?? {};
  for (const matrix of Object.values(matrices)) {
    const cells = matrix.sheets[old];
    if (cells === undefined) continue;
    delete matrix.sheets[old];
    matrix.sheets[to] = cells;
    for (const row of cells) for (const cell of row ?? []) if (cell) cell.sheetName = to;
  }
  renameInFormulas(workbook, old, to);
}

/** Formulas of every tab that name the old tab (a shared formula's copies follow its first cell). */
function renameInFormulas(workbook: Workbook, old: string, to: string): void {
  const key = old.toLowerCase();
  for (const ws of workbook.worksheets)
    ws.eachRow({ includeEmpty: false }, (row) =>
      row.eachCell({ includeEmpty: false }, (cell) => {
        const value = cell.value;
        if (value === null || typeof value !== 'object' || !('formula' in value)) return;
        if (typeof value.formula !== 'string') return;
        const formula = renameInFormula(value.formula, key, to);
        if (formula !== value.formula) cell.value = { ...value, formula };
      }),
    );
}
