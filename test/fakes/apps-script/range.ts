import type { RangeBox } from '../../../core/spec';
import { a1, rangeA1 } from '../../../core/spec';
import type { GasRange, Opaque } from '../../../apps-script/gas-types';
import type { CallLog } from './calls';
import { formulaValue, parseInput, type FakeValidation } from './cells';
import type { FakeSheet } from './sheet';

/** A rectangle of a FakeSheet. Strict like Range: wrong-sized arrays throw, as Apps Script does. */
export class FakeRange implements GasRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly box: RangeBox,
    private readonly calls: CallLog,
  ) {}

  get rows(): number {
    return this.box.r2 - this.box.r1 + 1;
  }

  get cols(): number {
    return this.box.c2 - this.box.c1 + 1;
  }

  a1(): string {
    const { r1, c1, r2, c2 } = this.box;
    return r1 === r2 && c1 === c2 ? a1(r1, c1) : rangeA1(this.box);
  }

  getValues(): unknown[][] {
    this.calls.count('Range.getValues');
    const out: unknown[][] = [];
    for (let r = this.box.r1; r <= this.box.r2; r++) {
      const row: unknown[] = [];
      for (let c = this.box.c1; c <= this.box.c2; c++) {
        const cell = this.sheet.peek(r, c);
        const value =
          cell === undefined ? '' : cell.formula !== undefined ? formulaValue(cell.formula) : cell.value;
        row.push(value instanceof Date ? new Date(value.getTime()) : value);
      }
      out.push(row);
    }
    return out;
  }

  setValues(values: unknown[][]): FakeRange {
    this.calls.count('Range.setValues');
    if (!Array.isArray(values) || values.length !== this.rows) {
      throw new Error(
        `Exception: The number of rows in the data does not match the number of rows in the range. The data has ${Array.isArray(values) ? values.length : 0} but the range has ${this.rows}.`,
      );
    }
    for (const row of values) {
      if (!Array.isArray(row) || row.length !== this.cols) {
        throw new Error(
          `Exception: The number of columns in the data does not match the number of columns in the range. The data has ${Array.isArray(row) ? row.length : 0} but the range has ${this.cols}.`,
        );
      }
    }
    values.forEach((row, i) =>
      row.forEach((input, j) => {
        const cell = this.sheet.cell(this.box.r1 + i, this.box.c1 + j);
        const parsed = parseInput(input, cell.numFmt);
        cell.value = parsed.value;
        cell.formula = parsed.formula;
      }),
    );
    return this;
  }

  /**
   * Formulas, one per cell, each a string; '' empties the cell. A cell formatted '@' (plain text) keeps
   * the string as text, as typing it there would (modelled pessimistically: not documented for
   * setFormulas, so the host never relies on it and clears '@' from formula cells first).
   */
  setFormulas(formulas: string[][]): FakeRange {
    this.checkGrid('setFormulas', formulas);
    formulas.forEach((row, i) =>
      row.forEach((formula, j) => {
        if (typeof formula !== 'string')
          throw new Error(
            "Exception: The parameters (number[]) don't match the method signature for setFormulas.",
          );
        const cell = this.sheet.cell(this.box.r1 + i, this.box.c1 + j);
        if (formula === '') {
          cell.value = '';
          cell.formula = undefined;
        } else if (cell.numFmt === '@' || !formula.startsWith('=')) {
          cell.value = formula;
          cell.formula = undefined;
        } else {
          cell.value = '';
          cell.formula = formula;
        }
      }),
    );
    return this;
  }

  getA1Notation(): string {
    this.calls.count('Range.getA1Notation');
    return this.a1();
  }

  getSheet(): FakeSheet {
    this.calls.count('Range.getSheet');
    return this.sheet;
  }

  merge(): FakeRange {
    this.calls.count('Range.merge');
    this.sheet.addMerge(this.box);
    return this;
  }

  /** Each row of the range becomes one merge (Range.mergeAcross). */
  mergeAcross(): FakeRange {
    this.calls.count('Range.mergeAcross');
    if (this.cols < 2) throw new Error('Exception: A merge across needs at least two columns.');
    for (let r = this.box.r1; r <= this.box.r2; r++) this.sheet.addMerge({ ...this.box, r1: r, r2: r });
    return this;
  }

  /** Strict like setValues: a grid of exactly rows × columns, else the Apps Script exception. */
  private checkGrid(method: string, grid: unknown[][]): void {
    this.calls.count(`Range.${method}`);
    if (
      !Array.isArray(grid) ||
      grid.length !== this.rows ||
      grid.some((row) => !Array.isArray(row) || row.length !== this.cols)
    ) {
      throw new Error(
        `Exception: The parameters of ${method} do not match the dimensions of the range (${this.rows} × ${this.cols}).`,
      );
    }
  }

  private setGrid(method: string, key: string, grid: unknown[][]): FakeRange {
    this.checkGrid(method, grid);
    grid.forEach((row, i) =>
      row.forEach((value, j) => {
        const cell = this.sheet.cell(this.box.r1 + i, this.box.c1 + j);
        if (value === null) delete cell.format[key];
        else cell.format[key] = value;
      }),
    );
    return this;
  }

  setFontWeights(fontWeights: Array<Array<'bold' | 'normal' | null>>): FakeRange {
    return this.setGrid('setFontWeights', 'fontWeight', fontWeights);
  }

  setFontStyles(fontStyles: Array<Array<'italic' | 'normal' | null>>): FakeRange {
    return this.setGrid('setFontStyles', 'fontStyle', fontStyles);
  }

  setFontSizes(sizes: number[][]): FakeRange {
    return this.setGrid('setFontSizes', 'fontSize', sizes);
  }

  setFontColors(colors: Array<Array<string | null>>): FakeRange {
    return this.setGrid('setFontColors', 'fontColor', colors);
  }

  setBackgrounds(colors: Array<Array<string | null>>): FakeRange {
    return this.setGrid('setBackgrounds', 'background', colors);
  }

  setHorizontalAlignments(
    alignments: Array<Array<'left' | 'center' | 'normal' | 'right' | null>>,
  ): FakeRange {
    return this.setGrid('setHorizontalAlignments', 'hAlign', alignments);
  }

  setVerticalAlignments(alignments: Array<Array<'top' | 'middle' | 'bottom' | null>>): FakeRange {
    return this.setGrid('setVerticalAlignments', 'vAlign', alignments);
  }

  setWraps(isWrapEnabled: boolean[][]): FakeRange {
    return this.setGrid('setWraps', 'wrap', isWrapEnabled);
  }

  /** One rule per cell (null = none), as built by DataValidationBuilder. */
  setDataValidations(rules: Opaque[][]): FakeRange {
    this.checkGrid('setDataValidations', rules);
    rules.forEach((row, i) =>
      row.forEach((rule, j) => {
        const cell = this.sheet.cell(this.box.r1 + i, this.box.c1 + j);
        if (rule === null) delete cell.validation;
        else cell.validation = { ...(rule as FakeValidation) };
      }),
    );
    return this;
  }

  breakApart(): FakeRange {
    this.calls.count('Range.breakApart');
    this.sheet.removeMerges(this.box);
    return this;
  }

  setDataValidation(rule: Opaque): FakeRange {
    this.calls.count('Range.setDataValidation');
    const validation = rule as FakeValidation;
    this.sheet.eachCell(this.box, (cell) => (cell.validation = { ...validation }));
    return this;
  }

  clearDataValidations(): FakeRange {
    this.calls.count('Range.clearDataValidations');
    this.sheet.eachExistingCell(this.box, (cell) => delete cell.validation);
    return this;
  }

  activate(): FakeRange {
    this.calls.count('Range.activate');
    this.sheet.spreadsheet.active = { sheet: this.sheet.name, range: this.a1() };
    return this;
  }
}

/** Several ranges of one sheet (SpreadsheetApp's RangeList, for tests that set a sheet up by hand). */
export class FakeRangeList {
  constructor(
    private readonly ranges: FakeRange[],
    private readonly calls: CallLog,
  ) {}

  private setFormat(method: string, key: string, value: unknown): FakeRangeList {
    this.calls.count(`RangeList.${method}`);
    for (const range of this.ranges) range.sheet.eachCell(range.box, (cell) => (cell.format[key] = value));
    return this;
  }

  setNumberFormat(format: string): FakeRangeList {
    this.calls.count('RangeList.setNumberFormat');
    for (const range of this.ranges) range.sheet.eachCell(range.box, (cell) => (cell.numFmt = format));
    return this;
  }

  setFontWeight(fontWeight: string | null): FakeRangeList {
    return this.setFormat('setFontWeight', 'fontWeight', fontWeight);
  }

  setFontStyle(fontStyle: string | null): FakeRangeList {
    return this.setFormat('setFontStyle', 'fontStyle', fontStyle);
  }

  setFontSize(size: number): FakeRangeList {
    return this.setFormat('setFontSize', 'fontSize', size);
  }

  setFontColor(color: string | null): FakeRangeList {
    return this.setFormat('setFontColor', 'fontColor', color);
  }

  setBackground(color: string | null): FakeRangeList {
    return this.setFormat('setBackground', 'background', color);
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): FakeRangeList {
    return this.setFormat('setHorizontalAlignment', 'hAlign', alignment);
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): FakeRangeList {
    return this.setFormat('setVerticalAlignment', 'vAlign', alignment);
  }

  setWrap(isWrapEnabled: boolean): FakeRangeList {
    return this.setFormat('setWrap', 'wrap', isWrapEnabled);
  }

  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color: string | null,
    style: Opaque,
  ): FakeRangeList {
    this.calls.count('RangeList.setBorder');
    const sides = { top, left, bottom, right, vertical, horizontal };
    for (const range of this.ranges) {
      range.sheet.eachCell(range.box, (cell) => {
        const border = (cell.format.border as Record<string, unknown> | undefined) ?? {};
        for (const [side, on] of Object.entries(sides)) if (on === true) border[side] = { color, style };
        cell.format.border = border;
      });
    }
    return this;
  }

  getRanges(): FakeRange[] {
    this.calls.count('RangeList.getRanges');
    return [...this.ranges];
  }

  a1s(): string[] {
    return this.ranges.map((range) => range.a1());
  }
}
