import { a1, columnLetter, rangeA1, sheetRef, type RangeBox } from '../core/spec/a1';
import type { BorderWeight, CellSpec, CellStyle, PrintSpec, SheetSpec } from '../core/spec/types';
import { cellMatrices } from './cell-matrix';
import { boundingBoxOf, styleBoxes } from './style-boxes';

/** Optional parts of the rendering, by requirement set. */
export interface RenderFeatures {
  /** ExcelApi 1.9: page layout, print area, page breaks. */
  print: boolean;
}

/**
 * Queues everything a SheetSpec holds onto a worksheet, without any sync: the caller syncs once for
 * many sheets. Order matters (Office.js runs a batch in order): formats before values, protection last.
 */
export function queueSheet(
  ws: Excel.Worksheet,
  spec: SheetSpec,
  features: RenderFeatures,
  protect = spec.protect,
): void {
  queueLayout(ws, spec);
  queueCells(ws, spec.cells, spec.styles);
  for (const merge of spec.merges) ws.getRange(merge).merge(false);
  queueValidations(ws, spec);
  queueConditionalFormats(ws, spec);
  queueSheetOptions(ws, spec, features);
  if (protect) queueProtect(ws);
}

/** Tab colour, frozen rows and print setup: not trusted to survive Worksheet.copy, so also queued per copy. */
export function queueSheetOptions(ws: Excel.Worksheet, spec: SheetSpec, features: RenderFeatures): void {
  if (spec.tabColor) ws.tabColor = `#${spec.tabColor}`;
  if (spec.frozenRows) ws.freezePanes.freezeRows(spec.frozenRows);
  if (spec.print && features.print) queuePrint(ws, spec.print);
}

export function queueProtect(ws: Excel.Worksheet): void {
  // No password: the teacher may unprotect from the Review tab.
  ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true });
}

/** Values, formulas, number formats, styles and links of some cells: two 2-D writes plus one format per style rectangle. */
export function queueCells(ws: Excel.Worksheet, cells: CellSpec[], styles: Record<string, CellStyle>): void {
  const box = boundingBoxOf(cells);
  if (box === null) return;
  const block = ws.getRange(rangeA1(box));
  const { numberFormat, formulas } = cellMatrices(cells, box, styles);
  if (numberFormat) block.numberFormat = numberFormat;
  if (formulas) block.formulas = formulas;
  for (const [name, boxes] of styleBoxes(cells)) {
    const style = styles[name];
    if (style) for (const b of boxes) queueStyle(ws.getRange(rangeA1(b)), b, style);
  }
  for (const cell of cells) {
    if (!cell.link) continue;
    ws.getRange(a1(cell.r, cell.c)).hyperlink = {
      documentReference: sheetRef(cell.link.sheet, cell.link.cell),
      textToDisplay: typeof cell.value === 'string' ? cell.value : cell.link.sheet,
    };
  }
}

const WEIGHT: Record<BorderWeight, 'Thin' | 'Medium' | 'Thick'> = {
  thin: 'Thin',
  medium: 'Medium',
  thick: 'Thick',
};
const H_ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;
const V_ALIGN = { top: 'Top', middle: 'Center', bottom: 'Bottom' } as const;

function queueStyle(range: Excel.Range, box: RangeBox, style: CellStyle): void {
  const format = range.format;
  if (style.bold !== undefined) format.font.bold = style.bold;
  if (style.italic !== undefined) format.font.italic = style.italic;
  if (style.size !== undefined) format.font.size = style.size;
  if (style.color !== undefined) format.font.color = `#${style.color}`;
  if (style.fill !== undefined) format.fill.color = `#${style.fill}`;
  if (style.hAlign !== undefined) format.horizontalAlignment = H_ALIGN[style.hAlign];
  if (style.vAlign !== undefined) format.verticalAlignment = V_ALIGN[style.vAlign];
  if (style.wrap !== undefined) format.wrapText = style.wrap;
  if (style.locked === false) format.protection.locked = false;
  for (const [edge, weight] of borderEdges(box, style)) {
    const border = format.borders.getItem(edge);
    border.style = 'Continuous';
    border.weight = WEIGHT[weight];
  }
}

type Edge = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideHorizontal' | 'InsideVertical';

/** Every cell of the box gets the style's sides: the box's edges plus the inside lines where it spans several rows/columns. */
function borderEdges(box: RangeBox, style: CellStyle): Array<[Edge, BorderWeight]> {
  const sides = {
    ...(style.border
      ? { top: style.border, bottom: style.border, left: style.border, right: style.border }
      : {}),
    ...style.borders,
  };
  const edges: Array<[Edge, BorderWeight]> = [];
  const multiRow = box.r2 > box.r1;
  const multiCol = box.c2 > box.c1;
  if (sides.top) edges.push(['EdgeTop', sides.top]);
  if (sides.bottom) edges.push(['EdgeBottom', sides.bottom]);
  if (sides.left) edges.push(['EdgeLeft', sides.left]);
  if (sides.right) edges.push(['EdgeRight', sides.right]);
  const horizontal = sides.bottom ?? sides.top;
  const vertical = sides.right ?? sides.left;
  if (multiRow && horizontal) edges.push(['InsideHorizontal', horizontal]);
  if (multiCol && vertical) edges.push(['InsideVertical', vertical]);
  return edges;
}

/** Column widths (characters → points) and row heights (points). */
function queueLayout(ws: Excel.Worksheet, spec: SheetSpec): void {
  spec.columns.forEach((column, i) => {
    const range = ws.getRange(`${columnLetter(i + 1)}1`);
    range.format.columnWidth = charsToPoints(column.width);
    if (column.hidden) range.columnHidden = true;
  });
  for (const [row, height] of Object.entries(spec.rowHeights ?? {})) {
    ws.getRange(`A${row}`).format.rowHeight = height;
  }
  // Excel measures wrapped text itself: one queued call for every row of the report.
  if (spec.autoFitRows) {
    const { from, to } = spec.autoFitRows;
    ws.getRange(`A${from}:${columnLetter(spec.size.cols)}${to}`).format.autofitRows();
  }
}

/** Excel's column width in characters of the default font (7 px + 5 px padding), in points (0.75 pt per px). */
export function charsToPoints(width: number): number {
  return Math.round((width * 7 + 5) * 0.75 * 100) / 100;
}

function queueValidations(ws: Excel.Worksheet, spec: SheetSpec): void {
  for (const v of spec.validations) {
    const validation = ws.getRange(v.range).dataValidation;
    if (v.kind === 'list') {
      // A list source is comma-separated: the référentiel's labels hold no comma.
      validation.rule = { list: { inCellDropDown: true, source: v.values.join(',') } };
    } else if (v.kind === 'decimal') {
      validation.rule = { decimal: { formula1: v.min, formula2: v.max, operator: 'Between' } };
    } else {
      validation.rule = { date: { formula1: '1900-01-01', operator: 'GreaterThanOrEqualTo' } };
    }
    validation.errorAlert = { message: v.error, showAlert: true, style: 'Stop', title: 'Valeur non valide' };
    if (v.prompt) validation.prompt = { message: v.prompt, showPrompt: true, title: 'Saisie' };
  }
}

function queueConditionalFormats(ws: Excel.Worksheet, spec: SheetSpec): void {
  for (const cf of spec.conditionalFormats) {
    const format = ws.getRange(cf.range).conditionalFormats.add('Custom');
    format.custom.rule.formula = `=${cf.formula}`;
    if (cf.style.fill) format.custom.format.fill.color = `#${cf.style.fill}`;
    if (cf.style.color) format.custom.format.font.color = `#${cf.style.color}`;
    if (cf.style.italic !== undefined) format.custom.format.font.italic = cf.style.italic;
  }
}

/** Page setup (ExcelApi 1.9). Spec margins are inches, Office.js takes points. */
function queuePrint(ws: Excel.Worksheet, print: PrintSpec): void {
  const layout = ws.pageLayout;
  layout.paperSize = 'A4';
  layout.orientation = print.orientation === 'landscape' ? 'Landscape' : 'Portrait';
  if (print.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
  layout.setPrintArea(print.printArea);
  for (const row of print.rowBreaks) ws.horizontalPageBreaks.add(`A${row + 1}`);
  if (print.footer !== undefined) layout.headersFooters.defaultForAllPages.centerFooter = print.footer;
  if (print.header !== undefined) layout.headersFooters.defaultForAllPages.centerHeader = print.header;
  if (print.margins) {
    const m = print.margins;
    layout.leftMargin = m.left * 72;
    layout.rightMargin = m.right * 72;
    layout.topMargin = m.top * 72;
    layout.bottomMargin = m.bottom * 72;
    layout.headerMargin = m.header * 72;
    layout.footerMargin = m.footer * 72;
  }
}
