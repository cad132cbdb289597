import { a1, parseRange, sheetRef } from '../../core/spec/a1';
import { estimatedRowHeights } from '../../core/spec/text-height';
import type {
  CellSpec,
  CellStyle,
  ColumnSpec,
  DataValidationSpec,
  PrintSpec,
  SheetSpec,
} from '../../core/spec/types';
import { cellXml } from './cell-xml';
import { argbOf, StyleSheetBuilder } from './styles-build';
import { encodeXml } from './xml';

/**
 * A sheet spec written as a worksheet part (SpreadsheetML), without exceljs: cells (text always as inline
 * strings, so a string never becomes a formula), styles through a StyleSheetBuilder, merges, columns, row
 * heights, validations, conditional formats, protection, frozen rows, tab colour, internal links (a
 * `location`, no relationship) and the page setup. The print area is a defined name: the workbook's
 * business (WorkbookEdit). Elements come in the order of the schema (ECMA-376 §18.3.1.99).
 */

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Paper size codes of SpreadsheetML (ECMA-376 §18.3.1.63). */
const PAPER_SIZES: Record<PrintSpec['paper'], number> = { A4: 9 };
/** Excel's default margins (inches), written when the spec gives none. */
const DEFAULT_MARGINS = { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 };
/**
 * The validation a date gets: any real date, up to 9999-12-31. Serial 2 is what exceljs wrote for 1900-01-01:
 * kept, so that both renderers give a tab the same rule.
 */
const FIRST_DATE_SERIAL = 2;
const LAST_DATE_SERIAL = 2958465;

/**
 * One number per address, cheaper than a string key per cell: a sheet has at most 16384 columns, and
 * column 0 stands for a row written for its height alone.
 */
const COLS = 16385;

function key(r: number, c: number): number {
  return r * COLS + c;
}

/** The named style of each address: a cell's own, or, for a merge's unstyled cells, its top-left cell's. */
function stylesAt(spec: SheetSpec, cells: CellSpec[]): Map<number, string> {
  const at = new Map<number, string>();
  for (const c of cells) if (c.style !== undefined) at.set(key(c.r, c.c), c.style);
  for (const m of spec.merges) {
    const box = parseRange(m);
    const master = at.get(key(box.r1, box.c1));
    if (master === undefined) continue;
    for (let r = box.r1; r <= box.r2; r++)
      for (let c = box.c1; c <= box.c2; c++) if (!at.has(key(r, c))) at.set(key(r, c), master);
  }
  return at;
}

function styleNamed(spec: SheetSpec, name: string): CellStyle {
  const style = spec.styles[name];
  if (!style) throw new Error(`Style inconnu « ${name} » dans l'onglet « ${spec.name} ».`);
  return style;
}

function hasContent(c: CellSpec): boolean {
  return c.value !== undefined || c.formula !== undefined || c.link !== undefined;
}

function sheetData(spec: SheetSpec, cells: CellSpec[], styles: StyleSheetBuilder): string {
  const byKey = new Map<number, CellSpec>();
  for (const c of cells) if (hasContent(c)) byKey.set(key(c.r, c.c), c);
  const at = stylesAt(spec, cells);
  // Every <c> by address; sorted by address, they come row by row and column by column.
  const written = new Map<number, string>();
  for (const [k, name] of at) {
    if (byKey.has(k)) continue;
    const ref = a1(Math.floor(k / COLS), k % COLS);
    const s = styles.xf(styleNamed(spec, name));
    written.set(k, s > 0 ? `<c r="${ref}" s="${s}"/>` : `<c r="${ref}"/>`);
  }
  for (const [k, cell] of byKey) {
    const name = at.get(k);
    const s = styles.xf(name === undefined ? undefined : styleNamed(spec, name), cell.value instanceof Date);
    written.set(k, cellXml(a1(cell.r, cell.c), cell, s, false));
  }
  // The .xlsx cannot measure text: rows to fit get estimated heights (LibreOffice would not grow them).
  const heights: Record<number, number> = { ...spec.rowHeights, ...estimatedRowHeights(spec) };
  for (const r of Object.keys(heights)) {
    const k = key(Number(r), 0);
    if (!written.has(k)) written.set(k, '');
  }
  const out: string[] = [];
  let row = -1;
  for (const k of [...written.keys()].sort((x, y) => x - y)) {
    const r = Math.floor(k / COLS);
    if (r !== row) {
      if (row >= 0) out.push('</row>');
      row = r;
      const h = heights[r];
      out.push(h === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${h}" customHeight="1">`);
    }
    out.push(written.get(k) as string);
  }
  if (row >= 0) out.push('</row>');
  return out.length === 0 ? '<sheetData/>' : `<sheetData>${out.join('')}</sheetData>`;
}

function dimension(cells: CellSpec[]): string {
  if (cells.length === 0) return '<dimension ref="A1"/>';
  let r1 = Infinity;
  let c1 = Infinity;
  let r2 = 0;
  let c2 = 0;
  for (const c of cells) {
    r1 = Math.min(r1, c.r);
    c1 = Math.min(c1, c.c);
    r2 = Math.max(r2, c.r);
    c2 = Math.max(c2, c.c);
  }
  return `<dimension ref="${a1(r1, c1)}:${a1(r2, c2)}"/>`;
}

/** Columns alike and side by side share one <col> element. */
function cols(columns: ColumnSpec[]): string {
  const out: string[] = [];
  let i = 0;
  while (i < columns.length) {
    const col = columns[i];
    let j = i;
    while (
      j + 1 < columns.length &&
      columns[j + 1].width === col.width &&
      !!columns[j + 1].hidden === !!col.hidden
    )
      j++;
    const hidden = col.hidden ? ' hidden="1"' : '';
    out.push(`<col min="${i + 1}" max="${j + 1}" width="${col.width}"${hidden} customWidth="1"/>`);
    i = j + 1;
  }
  return out.length === 0 ? '' : `<cols>${out.join('')}</cols>`;
}

function sheetPr(spec: SheetSpec): string {
  const tab = spec.tabColor === undefined ? '' : `<tabColor rgb="${argbOf(spec.tabColor)}"/>`;
  const fit = spec.print?.fitToWidth ? '<pageSetUpPr fitToPage="1"/>' : '';
  return tab + fit === '' ? '' : `<sheetPr>${tab}${fit}</sheetPr>`;
}

function sheetViews(spec: SheetSpec): string {
  const frozen = spec.frozenRows ?? 0;
  if (frozen <= 0) return '';
  return (
    '<sheetViews><sheetView workbookViewId="0">' +
    `<pane ySplit="${frozen}" topLeftCell="${a1(frozen + 1, 1)}" activePane="bottomLeft" state="frozen"/>` +
    '<selection pane="bottomLeft"/></sheetView></sheetViews>'
  );
}

/** An inline list is one quoted formula with ',' separators; a quote inside a value is doubled. */
function listFormula(values: string[]): string {
  return `"${values.map((v) => v.replace(/"/g, '""')).join(',')}"`;
}

function validationXml(v: DataValidationSpec): string {
  const prompt = v.prompt === undefined ? '' : ` showInputMessage="1" prompt="${encodeXml(v.prompt)}"`;
  const attrs =
    ` allowBlank="1"${prompt} showErrorMessage="1" errorStyle="stop"` +
    ` errorTitle="Valeur non autorisée" error="${encodeXml(v.error)}" sqref="${encodeXml(v.range)}"`;
  switch (v.kind) {
    case 'list':
      return `<dataValidation type="list"${attrs}><formula1>${encodeXml(listFormula(v.values))}</formula1></dataValidation>`;
    case 'decimal':
      return `<dataValidation type="decimal"${attrs}><formula1>${v.min}</formula1><formula2>${v.max}</formula2></dataValidation>`;
    case 'date':
      return `<dataValidation type="date"${attrs}><formula1>${FIRST_DATE_SERIAL}</formula1><formula2>${LAST_DATE_SERIAL}</formula2></dataValidation>`;
  }
}

function conditionalFormats(spec: SheetSpec, styles: StyleSheetBuilder): string {
  return spec.conditionalFormats
    .map((cf, i) => {
      const dxf = styles.dxf(cf.style);
      const formula = encodeXml(cf.formula.replace(/^=/, ''));
      return `<conditionalFormatting sqref="${encodeXml(cf.range)}"><cfRule type="expression" dxfId="${dxf}" priority="${i + 1}"><formula>${formula}</formula></cfRule></conditionalFormatting>`;
    })
    .join('');
}

function hyperlinks(cells: CellSpec[]): string {
  const tags = cells.flatMap((c) =>
    c.link === undefined
      ? []
      : [`<hyperlink ref="${a1(c.r, c.c)}" location="${encodeXml(sheetRef(c.link.sheet, c.link.cell))}"/>`],
  );
  return tags.length === 0 ? '' : `<hyperlinks>${tags.join('')}</hyperlinks>`;
}

function printXml(print: PrintSpec | undefined): string {
  const m = print?.margins ?? DEFAULT_MARGINS;
  const margins = `<pageMargins left="${m.left}" right="${m.right}" top="${m.top}" bottom="${m.bottom}" header="${m.header}" footer="${m.footer}"/>`;
  if (!print) return margins;
  // Fit to width only: Excel ignores manual breaks when a page height is fixed too. Page numbers restart
  // at 1 on each tab, so « Page &P / 2 » reads right in a whole-workbook print.
  const fit = print.fitToWidth ? ' fitToWidth="1" fitToHeight="0"' : '';
  const setup = `<pageSetup paperSize="${PAPER_SIZES[print.paper]}" orientation="${print.orientation}"${fit} firstPageNumber="1" useFirstPageNumber="1"/>`;
  const header = print.header === undefined ? '' : `<oddHeader>${encodeXml(print.header)}</oddHeader>`;
  const footer = print.footer === undefined ? '' : `<oddFooter>${encodeXml(print.footer)}</oddFooter>`;
  const headerFooter = header + footer === '' ? '' : `<headerFooter>${header}${footer}</headerFooter>`;
  const rows = [...new Set(print.rowBreaks)].sort((a, b) => a - b);
  const breaks =
    rows.length === 0
      ? ''
      : `<rowBreaks count="${rows.length}" manualBreakCount="${rows.length}">${rows
          .map((r) => `<brk id="${r}" max="16383" man="1"/>`)
          .join('')}</rowBreaks>`;
  return margins + setup + headerFooter + breaks;
}

/** The worksheet part of a spec. `cells` defaults to the spec's own (a tab passes template + its cells). */
export function renderSheetXml(
  spec: SheetSpec,
  styles: StyleSheetBuilder,
  cells: CellSpec[] = spec.cells,
): string {
  const data = sheetData(spec, cells, styles);
  const protection = spec.protect
    ? // No password: the protection guards against slips, and a teacher must be able to lift it.
      '<sheetProtection sheet="1" formatColumns="0" formatRows="0"/>'
    : '';
  const merges =
    spec.merges.length === 0
      ? ''
      : `<mergeCells count="${spec.merges.length}">${spec.merges.map((m) => `<mergeCell ref="${encodeXml(m)}"/>`).join('')}</mergeCells>`;
  const validations =
    spec.validations.length === 0
      ? ''
      : `<dataValidations count="${spec.validations.length}">${spec.validations.map(validationXml).join('')}</dataValidations>`;
  return [
    `${HEAD}<worksheet ${NS}>`,
    sheetPr(spec),
    dimension(cells.filter(hasContent)),
    sheetViews(spec),
    '<sheetFormatPr defaultRowHeight="15"/>',
    cols(spec.columns),
    data,
    protection,
    merges,
    conditionalFormats(spec, styles),
    validations,
    hyperlinks(cells),
    printXml(spec.print),
    '</worksheet>',
  ].join('');
}
