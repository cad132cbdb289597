import type { SheetSpec } from '../core/spec';
import type { GasSheet, GasSpreadsheetApp } from './gas-types';
import { boundingBox, inputGrid, linkFormula, type GidResolver } from './cell-input';
import { applyNumberFormats, applyStyles, numberFormatGroups } from './styles';
import {
  applyColumns,
  applyMerges,
  applyConditionalFormats,
  applyProtection,
  applyRowHeights,
  applyValidations,
  resizeSheet,
} from './render-layout';

export interface RenderOptions {
  resolve: GidResolver;
  /** Positions that will receive text later (a template's identity cells): formatted '@' now. */
  extraText?: Array<{ r: number; c: number }>;
}

/**
 * Writes every value and formula of the spec in one setValues over their bounding box, then the
 * internal links with setFormulas, one call per column run of link cells (« Contrôle » and « Suivi E4 »
 * have one): a link is a live HYPERLINK formula, never the text of one.
 */
export function writeValues(sheet: GasSheet, spec: SheetSpec, resolve: GidResolver): void {
  const box = boundingBox(spec.cells);
  if (box === null) return;
  const links = new Map<string, { r: number; c: number; formula: string }>();
  for (const cell of spec.cells) {
    const formula = linkFormula(cell, resolve);
    if (formula !== null) links.set(`${cell.r},${cell.c}`, { r: cell.r, c: cell.c, formula });
  }
  // From A1, so that the box is the same block a reader asks for.
  const from = { r1: 1, c1: 1, r2: box.r2, c2: box.c2 };
  const plain = spec.cells.filter((cell) => !links.has(`${cell.r},${cell.c}`));
  sheet.getRange(1, 1, from.r2, from.c2).setValues(inputGrid(from, plain, resolve));
  for (const run of columnRuns([...links.values()]))
    sheet.getRange(run[0].r, run[0].c, run.length, 1).setFormulas(run.map((l) => [l.formula]));
}

/** Cells grouped into runs of consecutive rows of one column. */
function columnRuns<T extends { r: number; c: number }>(cells: T[]): T[][] {
  const sorted = [...cells].sort((x, y) => x.c - y.c || x.r - y.r);
  const runs: T[][] = [];
  for (const cell of sorted) {
    const last = runs[runs.length - 1];
    const prev = last?.[last.length - 1];
    if (prev !== undefined && prev.c === cell.c && prev.r + 1 === cell.r) last.push(cell);
    else runs.push([cell]);
  }
  return runs;
}

/**
 * Renders a whole SheetSpec onto an empty sheet, in a constant number of calls for its styles and a
 * single setValues for its cells. Print settings have no Apps Script API (see host facts).
 */
export function renderSheet(
  sheet: GasSheet,
  app: GasSpreadsheetApp,
  spec: SheetSpec,
  options: RenderOptions,
): void {
  resizeSheet(sheet, spec.size.rows, spec.size.cols);
  applyNumberFormats(sheet, numberFormatGroups(spec, options.extraText));
  writeValues(sheet, spec, options.resolve);
  applyStyles(sheet, app, spec);
  applyMerges(sheet, spec.merges);
  applyColumns(sheet, spec.columns);
  applyRowHeights(sheet, spec.rowHeights);
  // Sheets measures wrapped text itself: one call for every row of the report.
  if (spec.autoFitRows)
    sheet.autoResizeRows(spec.autoFitRows.from, spec.autoFitRows.to - spec.autoFitRows.from + 1);
  applyValidations(sheet, app, spec.validations);
  applyConditionalFormats(sheet, app, spec.conditionalFormats);
  if (spec.frozenRows !== undefined && spec.frozenRows > 0) sheet.setFrozenRows(spec.frozenRows);
  if (spec.tabColor !== undefined) sheet.setTabColor(`#${spec.tabColor}`);
  applyProtection(sheet, spec);
}

/** Empties one of the add-in's own tabs before it is rewritten: content, formats, rules, merges, protection. */
export function clearSheet(sheet: GasSheet, app: GasSpreadsheetApp): void {
  sheet.clear();
  const all = sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns());
  all.breakApart();
  all.clearDataValidations();
  sheet.setConditionalFormatRules([]);
  for (const protection of sheet.getProtections(app.ProtectionType.SHEET)) protection.remove();
}
