import { columnLetter, parseA1, rangeA1 } from '../spec/a1';
import type {
  CellSpec,
  CellValue,
  ConditionalFormatSpec,
  DataValidationSpec,
  SheetSpec,
} from '../spec/types';

/** A cell's content: a literal value, or a formula (no leading '='). */
export type Content = { value: CellValue } | { formula: string } | Record<string, never>;

export const EMPTY: Content = {};

export function text(value: CellValue): Content {
  return { value };
}

export function formula(f: string): Content {
  return { formula: f };
}

/** `C8` → `$C$8`: conditional formats are relative to their range, so single cells they test must be absolute. */
export function absolute(ref: string): string {
  const { r, c } = parseA1(ref);
  return `$${columnLetter(c)}$${r}`;
}

/** A string literal inside a formula, inner quotes doubled. */
export function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/**
 * Accumulates the cells, merges, validations and formats of one sheet, so that layout code reads as
 * « put this label here » rather than as array bookkeeping.
 */
export class SheetBuilder {
  readonly cells: CellSpec[] = [];
  readonly merges: string[] = [];
  readonly validations: DataValidationSpec[] = [];
  readonly conditionalFormats: ConditionalFormatSpec[] = [];
  readonly rowHeights: Record<number, number> = {};

  put(r: number, c: number, content: Content, style?: string): void {
    this.cells.push({ r, c, ...content, ...(style ? { style } : {}) });
  }

  /**
   * Content in the top-left cell of r..r, c1..c2, merged when wider than one cell. Every cell of the merge
   * gets the style so that borders and fills cover the whole area in every host.
   */
  span(r: number, c1: number, c2: number, content: Content, style?: string): void {
    this.put(r, c1, content, style);
    for (let c = c1 + 1; c <= c2; c++) this.put(r, c, EMPTY, style);
    if (c2 > c1) this.merges.push(rangeA1({ r1: r, c1, r2: r, c2 }));
  }

  height(r: number, points: number): void {
    this.rowHeights[r] = points;
  }

  validate(v: DataValidationSpec): void {
    this.validations.push(v);
  }

  format(f: ConditionalFormatSpec): void {
    this.conditionalFormats.push(f);
  }

  parts(): Pick<SheetSpec, 'cells' | 'merges' | 'validations' | 'conditionalFormats' | 'rowHeights'> {
    return {
      cells: this.cells,
      merges: this.merges,
      validations: this.validations,
      conditionalFormats: this.conditionalFormats,
      rowHeights: this.rowHeights,
    };
  }
}

export { wrappedHeight } from '../spec/text-height';
