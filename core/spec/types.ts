/**
 * Declarative description of what a sheet or a workbook must contain. The core builds these; each host
 * (exceljs, Office.js, Apps Script) renders them. Rows and columns are 1-based; ranges are A1 strings
 * without a sheet name ('B4:E4').
 *
 * Text stays text: a `value` that is a string is ALWAYS written as text, even when it starts with
 * `=`, `+`, `-` or `@`. Only `formula` makes a formula. Each host must honour that.
 */

/** A value read from or written to a cell. Dates may come back as Date (exceljs, Apps Script) or as serial numbers (Office.js). */
export type CellValue = string | number | boolean | Date | null;

export type BorderWeight = 'thin' | 'medium' | 'thick';

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  /** Points. */
  size?: number;
  /** 'RRGGBB'. */
  color?: string;
  /** Background 'RRGGBB'. */
  fill?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  /** Same weight on the four sides; use `borders` for sides. */
  border?: BorderWeight;
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', BorderWeight>>;
  /** Excel number format, e.g. '0.00', 'dd/mm/yyyy', '@'. */
  numFmt?: string;
  /** false = an input cell the teacher may change when the sheet is protected. Default true. */
  locked?: boolean;
}

export interface CellSpec {
  r: number;
  c: number;
  /** Literal value; strings stay text. */
  value?: CellValue;
  /** Formula without the leading '=' , in English function names with ',' separators (Excel syntax). */
  formula?: string;
  /** Name of a style in `SheetSpec.styles`. */
  style?: string;
  /** A link to a place in this workbook; the host writes it its own way (see toolchain notes). */
  link?: { sheet: string; cell: string };
}

export type DataValidationSpec =
  | {
      range: string;
      kind: 'list';
      values: string[];
      /** Message shown when a value not in the list is typed. */
      error: string;
      prompt?: string;
    }
  | { range: string; kind: 'decimal'; min: number; max: number; error: string; prompt?: string }
  | { range: string; kind: 'date'; error: string; prompt?: string };

export interface ConditionalFormatSpec {
  range: string;
  /** Formula (no '='), relative to the range's top-left cell, true where the style applies. */
  formula: string;
  style: { fill?: string; color?: string; italic?: boolean };
}

export interface PrintSpec {
  paper: 'A4';
  orientation: 'portrait' | 'landscape';
  /** Fit to one page wide; height free (manual breaks decide the pages). */
  fitToWidth: boolean;
  printArea: string;
  /** A manual page break is placed after each of these rows. */
  rowBreaks: number[];
  /** Header/footer codes (&P page, &N pages) as Excel writes them. */
  footer?: string;
  header?: string;
  margins?: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
}

export interface ColumnSpec {
  /** Width in characters (Excel units). */
  width: number;
  hidden?: boolean;
}

export type SheetKind = 'grid' | 'recap' | 'report' | 'settings' | 'stats';

export interface SheetSpec {
  name: string;
  kind: SheetKind;
  /** Rows × columns the sheet is trimmed to (Sheets hosts delete what lies beyond). */
  size: { rows: number; cols: number };
  cells: CellSpec[];
  styles: Record<string, CellStyle>;
  columns: ColumnSpec[];
  rowHeights?: Record<number, number>;
  /**
   * Rows whose height follows their wrapped text (a report of varying lines). Hosts that measure text fit
   * them in one call (Excel: autofitRows; Sheets: autoResizeRows); a host that cannot measure (the .xlsx
   * writer) uses `estimatedRowHeights`.
   */
  autoFitRows?: { from: number; to: number };
  merges: string[];
  validations: DataValidationSpec[];
  conditionalFormats: ConditionalFormatSpec[];
  /** Protect the sheet without password; cells whose style has locked:false stay editable. */
  protect: boolean;
  print?: PrintSpec;
  tabColor?: string;
  /** Rows frozen at the top. */
  frozenRows?: number;
}

export interface WorkbookSpec {
  title: string;
  sheets: SheetSpec[];
}
