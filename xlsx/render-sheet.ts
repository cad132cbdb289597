import type { Workbook, Worksheet } from 'exceljs';
import { a1 } from '../core/spec/a1';
import type { CellSpec, SheetSpec } from '../core/spec/types';
import { writeCells } from './render-cells';
import { writeColumnsAndRows, writeConditionalFormats, writeValidations } from './render-layout';
import { writePrint } from './render-print';
import { argb } from './style';

async function protect(ws: Worksheet): Promise<void> {
  // No password: the protection guards against slips, and a teacher must be able to lift it.
  await ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
  });
}

function writeView(ws: Worksheet, spec: SheetSpec): void {
  if (spec.tabColor !== undefined) ws.properties.tabColor = { argb: argb(spec.tabColor) };
  const frozen = spec.frozenRows ?? 0;
  if (frozen > 0) ws.views = [{ state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: a1(frozen + 1, 1) }];
}

/** Writes a spec into an empty worksheet. `cells` defaults to the spec's own (a tab passes template + its cells). */
export async function renderInto(
  ws: Worksheet,
  spec: SheetSpec,
  cells: CellSpec[] = spec.cells,
): Promise<void> {
  writeColumnsAndRows(ws, spec);
  writeCells(ws, spec, cells);
  writeValidations(ws, spec.validations);
  writeConditionalFormats(ws, spec.conditionalFormats);
  if (spec.print) writePrint(ws, spec.print);
  writeView(ws, spec);
  if (spec.protect) await protect(ws);
}

/** Appends a new worksheet rendered from the spec. */
export async function renderSheet(wb: Workbook, spec: SheetSpec, cells?: CellSpec[]): Promise<Worksheet> {
  const ws = wb.addWorksheet(spec.name);
  await renderInto(ws, spec, cells);
  return ws;
}
