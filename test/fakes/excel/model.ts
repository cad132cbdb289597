import { a1, parseRange, type RangeBox } from '../../../core/spec/a1';
import { ErrorCodes, FakeOfficeError } from './errors';

/** What the fake workbook holds: plain data the tests inspect directly. */

export type Scalar = string | number | boolean;

export interface CellModel {
  /** Literal content ('' when empty or a formula). */
  value: Scalar;
  /** Formula with its leading '=' (as Range.formulas gives it), or undefined. */
  formula?: string;
  numberFormat: string;
  /** Flattened format properties, e.g. 'font.bold', 'fill.color', 'borders.EdgeTop.weight', 'protection.locked'. */
  format: Record<string, Scalar>;
  hyperlink?: { documentReference?: string; address?: string; textToDisplay?: string };
}

export interface ValidationModel {
  address: string;
  rule: unknown;
  errorAlert?: unknown;
  prompt?: unknown;
}

export interface ConditionalFormatModel {
  address: string;
  formula: string;
  format: Record<string, Scalar>;
}

export interface PageLayoutModel {
  orientation?: string;
  paperSize?: string;
  printArea?: string;
  zoom?: unknown;
  rowBreaks: number[];
  headersFooters: Record<string, string>;
  margins: Record<string, number>;
}

let nextId = 1;

export class SheetModel {
  readonly id = `{sheet-${nextId++}}`;
  readonly cells = new Map<string, CellModel>();
  merges: string[] = [];
  validations: ValidationModel[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  autoFittedRows = new Set<number>();
  protected = false;
  frozenRows = 0;
  tabColor = '';
  pageLayout: PageLayoutModel = { rowBreaks: [], headersFooters: {}, margins: {} };
  deleted = false;

  constructor(public name: string) {}

  cell(r: number, c: number): CellModel | undefined {
    return this.cells.get(a1(r, c));
  }

  /** The cell, created empty when missing (writes). */
  ensure(r: number, c: number): CellModel {
    const key = a1(r, c);
    let cell = this.cells.get(key);
    if (!cell) {
      cell = { value: '', numberFormat: 'General', format: {} };
      this.cells.set(key, cell);
    }
    return cell;
  }

  /** Smallest box from A1 holding every cell with content (Worksheet.getUsedRange(true) then bounded by A1). */
  usedBox(valuesOnly: boolean): RangeBox | null {
    let box: RangeBox | null = null;
    for (const [key, cell] of this.cells) {
      const has =
        cell.value !== '' ||
        cell.formula !== undefined ||
        (!valuesOnly && Object.keys(cell.format).length > 0);
      if (!has) continue;
      const { r1, c1 } = parseRange(key);
      box =
        box === null
          ? { r1, c1, r2: r1, c2: c1 }
          : {
              r1: Math.min(box.r1, r1),
              c1: Math.min(box.c1, c1),
              r2: Math.max(box.r2, r1),
              c2: Math.max(box.c2, c1),
            };
    }
    return box;
  }

  /** True when the cell may not be changed: the sheet is protected and the cell is locked (the default). */
  isLockedCell(r: number, c: number): boolean {
    return this.protected && this.cell(r, c)?.format['protection.locked'] !== false;
  }

  clone(name: string): SheetModel {
    const copy = new SheetModel(name);
    for (const [key, cell] of this.cells) {
      copy.cells.set(key, {
        ...cell,
        format: { ...cell.format },
        hyperlink: cell.hyperlink && { ...cell.hyperlink },
      });
    }
    copy.merges = [...this.merges];
    copy.validations = this.validations.map((v) => ({ ...v }));
    copy.conditionalFormats = this.conditionalFormats.map((f) => ({ ...f, format: { ...f.format } }));
    copy.columnWidths = new Map(this.columnWidths);
    copy.hiddenColumns = new Set(this.hiddenColumns);
    copy.rowHeights = new Map(this.rowHeights);
    copy.protected = this.protected;
    copy.frozenRows = this.frozenRows;
    copy.tabColor = this.tabColor;
    copy.pageLayout = structuredCloneLayout(this.pageLayout);
    return copy;
  }
}

function structuredCloneLayout(layout: PageLayoutModel): PageLayoutModel {
  return {
    ...layout,
    rowBreaks: [...layout.rowBreaks],
    headersFooters: { ...layout.headersFooters },
    margins: { ...layout.margins },
  };
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  activeSheet: SheetModel | null = null;
  selection: { sheet: SheetModel; address: string } | null = null;
  /** Base64 workbooks passed to Excel.createWorkbook. */
  readonly createdWorkbooks: string[] = [];

  find(name: string): SheetModel | undefined {
    const key = name.toLowerCase();
    return this.sheets.find((s) => s.name.toLowerCase() === key);
  }

  get(name: string): SheetModel {
    const sheet = this.find(name);
    if (!sheet)
      throw new FakeOfficeError(ErrorCodes.itemNotFound, `The requested resource doesn't exist. (${name})`);
    return sheet;
  }

  /** Excel's naming rules, enforced when an add or a rename runs. */
  checkName(name: string, except?: SheetModel): void {
    if (!isValidSheetName(name)) {
      throw new FakeOfficeError(
        ErrorCodes.invalidArgument,
        `The argument is invalid or missing or has an incorrect format. (${name})`,
      );
    }
    const other = this.find(name);
    if (other && other !== except) {
      throw new FakeOfficeError(ErrorCodes.itemAlreadyExists, `The resource already exists. (${name})`);
    }
  }
}

/** ≤ 31 characters, none of []:*?/\, not starting or ending with ', not « History ». */
export function isValidSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[[\]:*?/\\]/.test(name) &&
    !name.startsWith("'") &&
    !name.endsWith("'") &&
    name.toLowerCase() !== 'history'
  );
}

/**
 * What Excel makes of a string written to `values` (or a non-formula string written to `formulas`)
 * in a cell that is not formatted as text: the same as if it were typed. Only the cases the tests
 * need: formulas (= + - @), numbers, percentages, booleans and dd/mm/yyyy dates.
 */
export function typedInput(input: string): { value: Scalar; formula?: string } {
  if (input.startsWith('=')) return { value: '', formula: input };
  const trimmed = input.trim();
  const number = Number(trimmed.replace(',', '.'));
  if (
    trimmed !== '' &&
    /^[+-]?(\d+([.,]\d*)?|[.,]\d+)(e[+-]?\d+)?$/i.test(trimmed) &&
    Number.isFinite(number)
  ) {
    return { value: number };
  }
  const percent = /^([+-]?\d+(?:[.,]\d+)?)\s*%$/.exec(trimmed);
  if (percent) return { value: Number(percent[1].replace(',', '.')) / 100 };
  if (/^(true|false|vrai|faux)$/i.test(trimmed)) return { value: /^(true|vrai)$/i.test(trimmed) };
  const date = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(trimmed);
  if (date) return { value: dateSerial(Number(date[3]), Number(date[2]), Number(date[1])) };
  if (/^[+\-@]/.test(input)) return { value: '', formula: `=${input.replace(/^@/, '')}` };
  return { value: input };
}

/** Excel serial number of a date (1900 system). */
export function dateSerial(year: number, month: number, day: number): number {
  return Math.round((Date.UTC(year, month - 1, day) - Date.UTC(1899, 11, 30)) / 86400000);
}
