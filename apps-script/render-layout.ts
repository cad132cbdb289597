import type { ColumnSpec, ConditionalFormatSpec, DataValidationSpec, SheetSpec } from '../core/spec';
import type { RangeBox } from '../core/spec';
import { parseRange, rangeA1 } from '../core/spec';
import type { GasRange, GasSheet, GasSpreadsheetApp, Opaque } from './gas-types';
import { rowRuns } from './cell-input';

/** Excel column width (characters) to pixels: 7 px per character of the default font plus padding. */
export function widthToPixels(width: number): number {
  return Math.round(width * 7 + 5);
}

/** Row heights are points in the spec, pixels in Sheets (96 dpi). */
export function pointsToPixels(points: number): number {
  return Math.round((points * 96) / 72);
}

/**
 * Trims (or grows) the sheet to exactly rows × columns. A new sheet is 1000 × 26 and a spreadsheet
 * holds at most 10 million cells: untrimmed, 400 candidate tabs would fill it.
 */
export function resizeSheet(sheet: GasSheet, rows: number, cols: number): void {
  const maxRows = sheet.getMaxRows();
  if (maxRows > rows) sheet.deleteRows(rows + 1, maxRows - rows);
  else if (maxRows < rows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxCols = sheet.getMaxColumns();
  if (maxCols > cols) sheet.deleteColumns(cols + 1, maxCols - cols);
  else if (maxCols < cols) sheet.insertColumnsAfter(maxCols, cols - maxCols);
}

/** Consecutive columns of the same width in one call. */
export function applyColumns(sheet: GasSheet, columns: ColumnSpec[]): void {
  let start = 0;
  while (start < columns.length) {
    let end = start;
    while (end + 1 < columns.length && columns[end + 1].width === columns[start].width) end++;
    sheet.setColumnWidths(start + 1, end - start + 1, widthToPixels(columns[start].width));
    start = end + 1;
  }
  columns.forEach((col, i) => {
    if (col.hidden === true) sheet.hideColumns(i + 1);
  });
}

/** Consecutive rows of the same height in one setRowHeights call. */
export function applyRowHeights(sheet: GasSheet, heights: Record<number, number> | undefined): void {
  const rows = Object.entries(heights ?? {})
    .map(([row, points]) => ({ row: Number(row), px: pointsToPixels(points) }))
    .sort((x, y) => x.row - y.row);
  let i = 0;
  while (i < rows.length) {
    let j = i;
    while (j + 1 < rows.length && rows[j + 1].row === rows[j].row + 1 && rows[j + 1].px === rows[i].px) j++;
    sheet.setRowHeights(rows[i].row, j - i + 1, rows[i].px);
    i = j + 1;
  }
}

/**
 * Merges: single-row merges over the same columns in consecutive rows become ONE mergeAcross; every
 * range is fetched by one getRangeList. 71 merges of a grid cost ~15 calls instead of 142.
 */
export function applyMerges(sheet: GasSheet, merges: string[]): void {
  if (merges.length === 0) return;
  const boxes = merges.map(parseRange).sort((x, y) => x.c1 - y.c1 || x.c2 - y.c2 || x.r1 - y.r1);
  const groups: Array<{ box: RangeBox; across: boolean }> = [];
  for (const box of boxes) {
    const last = groups[groups.length - 1];
    const stacks =
      last !== undefined &&
      box.r1 === box.r2 &&
      last.box.c1 === box.c1 &&
      last.box.c2 === box.c2 &&
      last.box.r2 + 1 === box.r1 &&
      (last.across || last.box.r1 === last.box.r2);
    if (stacks) {
      last.box = { ...last.box, r2: box.r2 };
      last.across = true;
    } else groups.push({ box, across: false });
  }
  const ranges = sheet.getRangeList(groups.map((g) => rangeA1(g.box))).getRanges();
  groups.forEach((group, i) => (group.across ? ranges[i].mergeAcross() : ranges[i].merge()));
}

function validationRule(app: GasSpreadsheetApp, spec: DataValidationSpec): Opaque {
  let builder = app.newDataValidation();
  if (spec.kind === 'list') builder = builder.requireValueInList(spec.values, true);
  else if (spec.kind === 'decimal') builder = builder.requireNumberBetween(spec.min, spec.max);
  else builder = builder.requireDate();
  // Sheets has one text per rule: shown as help, and as the message when an invalid value is rejected.
  return builder
    .setAllowInvalid(false)
    .setHelpText(spec.prompt ?? spec.error)
    .build();
}

/**
 * Every validation in one setDataValidations over their bounding rectangle (null elsewhere); identical
 * rules (the same level list on many rows) are built once.
 */
export function applyValidations(sheet: GasSheet, app: GasSpreadsheetApp, specs: DataValidationSpec[]): void {
  if (specs.length === 0) return;
  const boxes = specs.map((spec) => parseRange(spec.range));
  const box = boxes.reduce((acc, b) => ({
    r1: Math.min(acc.r1, b.r1),
    c1: Math.min(acc.c1, b.c1),
    r2: Math.max(acc.r2, b.r2),
    c2: Math.max(acc.c2, b.c2),
  }));
  const grid: Opaque[][] = Array.from({ length: box.r2 - box.r1 + 1 }, () =>
    new Array<Opaque>(box.c2 - box.c1 + 1).fill(null),
  );
  const rules = new Map<string, Opaque>();
  specs.forEach((spec, i) => {
    const { range: _range, ...rest } = spec;
    const id = JSON.stringify(rest);
    if (!rules.has(id)) rules.set(id, validationRule(app, spec));
    const b = boxes[i];
    for (let r = b.r1; r <= b.r2; r++)
      for (let c = b.c1; c <= b.c2; c++) grid[r - box.r1][c - box.c1] = rules.get(id);
  });
  sheet.getRange(box.r1, box.c1, box.r2 - box.r1 + 1, box.c2 - box.c1 + 1).setDataValidations(grid);
}

function conditionalRule(range: GasRange, app: GasSpreadsheetApp, spec: ConditionalFormatSpec): Opaque {
  let builder = app.newConditionalFormatRule().whenFormulaSatisfied(`=${spec.formula}`);
  if (spec.style.fill !== undefined) builder = builder.setBackground(`#${spec.style.fill}`);
  if (spec.style.color !== undefined) builder = builder.setFontColor(`#${spec.style.color}`);
  if (spec.style.italic !== undefined) builder = builder.setItalic(spec.style.italic);
  return builder.setRanges([range]).build();
}

export function applyConditionalFormats(
  sheet: GasSheet,
  app: GasSpreadsheetApp,
  specs: ConditionalFormatSpec[],
): void {
  if (specs.length === 0) return;
  // One getRangeList for every rule's range, not one getRange per rule.
  const ranges = sheet.getRangeList(specs.map((spec) => spec.range)).getRanges();
  sheet.setConditionalFormatRules(specs.map((spec, i) => conditionalRule(ranges[i], app, spec)));
}

/** Cells whose style says locked:false: the teacher's input cells. */
export function unlockedCells(spec: SheetSpec): Array<{ r: number; c: number }> {
  return spec.cells.filter((cell) => cell.style !== undefined && spec.styles[cell.style]?.locked === false);
}

/**
 * Warning-only protection: anyone who may edit the workbook still may (a jury shares it, and only the
 * owner could otherwise edit), but changing a formula or a label asks for confirmation first. Input
 * cells are left out of the protection so that entering a level never prompts.
 */
export function applyProtection(sheet: GasSheet, spec: SheetSpec): void {
  if (!spec.protect) return;
  const protection = sheet.protect().setWarningOnly(true);
  const inputs = unlockedCells(spec);
  if (inputs.length > 0) protection.setUnprotectedRanges(sheet.getRangeList(rowRuns(inputs)).getRanges());
}
