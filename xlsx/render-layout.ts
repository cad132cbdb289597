import type { DataValidation, Worksheet } from 'exceljs';
import { parseRange } from '../core/spec/a1';
import { estimatedRowHeights } from '../core/spec/text-height';
import type { ConditionalFormatSpec, DataValidationSpec, SheetSpec } from '../core/spec/types';
import { argb } from './style';

/** exceljs treats a width of exactly 9 as the default and does not write it. */
function safeWidth(width: number): number {
  return width === 9 ? 9.01 : width;
}

export function writeColumnsAndRows(ws: Worksheet, spec: SheetSpec): void {
  spec.columns.forEach((col, i) => {
    const column = ws.getColumn(i + 1);
    column.width = safeWidth(col.width);
    if (col.hidden) column.hidden = true;
  });
  // exceljs cannot measure text: the rows to fit get estimated heights (LibreOffice would not grow them).
  const heights = { ...spec.rowHeights, ...estimatedRowHeights(spec) };
  for (const [row, height] of Object.entries(heights)) ws.getRow(Number(row)).height = height;
}

/** An inline list is one quoted formula with ',' separators; a quote inside a value is doubled. */
function listFormula(values: string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
}

const FIRST_DATE = new Date(Date.UTC(1900, 0, 1));
const LAST_DATE = new Date(Date.UTC(9999, 11, 31));

function toValidation(v: DataValidationSpec): DataValidation {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Valeur non autorisée',
    error: v.error,
    showInputMessage: v.prompt !== undefined,
    ...(v.prompt !== undefined ? { prompt: v.prompt } : {}),
  };
  switch (v.kind) {
    case 'list':
      return { ...common, type: 'list', formulae: [listFormula(v.values)] };
    case 'decimal':
      return { ...common, type: 'decimal', operator: 'between', formulae: [v.min, v.max] };
    case 'date':
      // Any real date; exceljs turns these Date objects into serial numbers.
      return { ...common, type: 'date', operator: 'between', formulae: [FIRST_DATE, LAST_DATE] };
  }
}

export function writeValidations(ws: Worksheet, validations: DataValidationSpec[]): void {
  for (const v of validations) {
    const rule = toValidation(v);
    const box = parseRange(v.range);
    // One rule per cell: exceljs squeezes alike cells back into ranges when it writes.
    for (let r = box.r1; r <= box.r2; r++)
      for (let c = box.c1; c <= box.c2; c++) ws.getCell(r, c).dataValidation = rule;
  }
}

export function writeConditionalFormats(ws: Worksheet, formats: ConditionalFormatSpec[]): void {
  formats.forEach((cf, i) => {
    const style: Parameters<Worksheet['addConditionalFormatting']>[0]['rules'][number]['style'] = {};
    // A differential fill is read from bgColor, unlike a cell fill.
    if (cf.style.fill !== undefined) {
      const color = { argb: argb(cf.style.fill) };
      style.fill = { type: 'pattern', pattern: 'solid', fgColor: color, bgColor: color };
    }
    if (cf.style.color !== undefined || cf.style.italic !== undefined) {
      style.font = {};
      if (cf.style.color !== undefined) style.font.color = { argb: argb(cf.style.color) };
      if (cf.style.italic !== undefined) style.font.italic = cf.style.italic;
    }
    ws.addConditionalFormatting({
      ref: cf.range,
      rules: [{ type: 'expression', priority: i + 1, formulae: [cf.formula.replace(/^=/, '')], style }],
    });
  });
}
