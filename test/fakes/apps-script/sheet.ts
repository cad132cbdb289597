import type { RangeBox } from '../../../core/spec';
import { a1, parseRange } from '../../../core/spec';
import type { GasSheet, Opaque } from '../../../apps-script/gas-types';
import type { CallLog } from './calls';
import { emptyCell, type FakeCell } from './cells';
import { FakeRange, FakeRangeList } from './range';
import type { FakeSpreadsheet } from './spreadsheet';

export const PROTECTION_SHEET = { name: 'SHEET' };
export const PROTECTION_RANGE = { name: 'RANGE' };

let protectionIds = 1;

export class FakeProtection {
  /** The protectedRangeId the Sheets API lists it under. */
  id = protectionIds++;
  warningOnly = false;
  unprotected: string[] = [];
  removed = false;

  constructor(
    private readonly sheet: FakeSheet,
    private readonly calls: CallLog,
  ) {}

  setWarningOnly(warningOnly: boolean): FakeProtection {
    this.calls.count('Protection.setWarningOnly');
    this.warningOnly = warningOnly;
    return this;
  }

  setUnprotectedRanges(ranges: FakeRange[]): FakeProtection {
    this.calls.count('Protection.setUnprotectedRanges');
    this.unprotected = ranges.map((range) => {
      if (!(range instanceof FakeRange) || range.sheet !== this.sheet) {
        throw new Error('Exception: The ranges must be on the protected sheet.');
      }
      return range.a1();
    });
    return this;
  }

  getUnprotectedRanges(): FakeRange[] {
    this.calls.count('Protection.getUnprotectedRanges');
    return this.unprotected.map((ref) => this.sheet.rangeAt(ref));
  }

  isWarningOnly(): boolean {
    this.calls.count('Protection.isWarningOnly');
    return this.warningOnly;
  }

  remove(): void {
    this.calls.count('Protection.remove');
    this.removed = true;
    this.sheet.protections = this.sheet.protections.filter((p) => p !== this);
  }

  /** The same protection on `sheet`; `sameId` for a clone or a restore of this very sheet, not a copy. */
  copyFor(sheet: FakeSheet, calls: CallLog = this.calls, sameId = false): FakeProtection {
    const copy = new FakeProtection(sheet, calls);
    if (sameId) copy.id = this.id;
    copy.warningOnly = this.warningOnly;
    copy.unprotected = [...this.unprotected];
    return copy;
  }
}

function key(r: number, c: number): string {
  return `${r},${c}`;
}

function overlaps(a: RangeBox, b: RangeBox): boolean {
  return a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;
}

/** A tab. Strict where Sheets is: out-of-sheet ranges, partial merges and deleting every row throw. */
export class FakeSheet implements GasSheet {
  cells = new Map<string, FakeCell>();
  merges: RangeBox[] = [];
  columnWidths = new Map<number, number>();
  hiddenColumns = new Set<number>();
  rowHeights = new Map<number, number>();
  autoFittedRows = new Set<number>();
  frozenRows = 0;
  tabColor: string | null = null;
  conditionalRules: unknown[] = [];
  protections: FakeProtection[] = [];
  hidden = false;

  constructor(
    readonly spreadsheet: FakeSpreadsheet,
    public name: string,
    readonly id: number,
    public maxRows: number,
    public maxCols: number,
    private readonly calls: CallLog,
  ) {}

  // ---- helpers for the fake itself and for tests (not counted) ----
  peek(r: number, c: number): FakeCell | undefined {
    return this.cells.get(key(r, c));
  }

  cell(r: number, c: number): FakeCell {
    if (r < 1 || c < 1 || r > this.maxRows || c > this.maxCols) {
      throw new Error(`Exception: Cell ${a1(r, c)} is outside the sheet ${this.name}.`);
    }
    let cell = this.cells.get(key(r, c));
    if (cell === undefined) {
      cell = emptyCell();
      this.cells.set(key(r, c), cell);
    }
    return cell;
  }

  eachCell(box: RangeBox, fn: (cell: FakeCell) => void): void {
    for (let r = box.r1; r <= box.r2; r++) for (let c = box.c1; c <= box.c2; c++) fn(this.cell(r, c));
  }

  eachExistingCell(box: RangeBox, fn: (cell: FakeCell) => void): void {
    for (let r = box.r1; r <= box.r2; r++) {
      for (let c = box.c1; c <= box.c2; c++) {
        const cell = this.peek(r, c);
        if (cell !== undefined) fn(cell);
      }
    }
  }

  /** The cell as a reader sees it (value, or the formula's shown value). */
  at(ref: string): FakeCell | undefined {
    const { r1, c1 } = parseRange(ref);
    return this.peek(r1, c1);
  }

  addMerge(box: RangeBox): void {
    if (this.merges.some((m) => overlaps(m, box))) {
      throw new Error('Exception: You must select all cells in a merged range to merge or unmerge them.');
    }
    this.merges.push(box);
  }

  removeMerges(box: RangeBox): void {
    for (const m of this.merges) {
      if (overlaps(m, box) && !(m.r1 >= box.r1 && m.r2 <= box.r2 && m.c1 >= box.c1 && m.c2 <= box.c2)) {
        throw new Error('Exception: You must select all cells in a merged range to merge or unmerge them.');
      }
    }
    this.merges = this.merges.filter((m) => !overlaps(m, box));
  }

  private range(box: RangeBox): FakeRange {
    if (box.r1 < 1 || box.c1 < 1 || box.r2 > this.maxRows || box.c2 > this.maxCols) {
      throw new Error('Exception: The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, box, this.calls);
  }

  private rangeOfA1(ref: string): FakeRange {
    let box: RangeBox;
    try {
      box = parseRange(ref);
    } catch {
      throw new Error('Exception: Range not found');
    }
    if (box.r2 > this.maxRows || box.c2 > this.maxCols) throw new Error('Exception: Range not found');
    return this.range(box);
  }

  /** A range of this sheet, not counted (for objects the fake hands back from another call). */
  rangeAt(ref: string): FakeRange {
    return this.rangeOfA1(ref);
  }

  /** The same sheet in another (cloned) spreadsheet: everything, protections and hidden state included. */
  cloneInto(spreadsheet: FakeSpreadsheet, calls: CallLog): FakeSheet {
    const copy = new FakeSheet(spreadsheet, this.name, this.id, this.maxRows, this.maxCols, calls);
    this.copyContentTo(copy);
    copy.hidden = this.hidden;
    copy.autoFittedRows = new Set(this.autoFittedRows);
    copy.protections = this.protections.map((p) => p.copyFor(copy, calls, true));
    return copy;
  }

  /** Undoes a failed batchUpdate: this sheet takes back everything its clone (made before) holds. */
  restoreFrom(saved: FakeSheet): void {
    saved.copyContentTo(this);
    this.name = saved.name;
    this.maxRows = saved.maxRows;
    this.maxCols = saved.maxCols;
    this.hidden = saved.hidden;
    this.autoFittedRows = new Set(saved.autoFittedRows);
    this.protections = saved.protections.map((p) => p.copyFor(this, this.calls, true));
  }

  copyAs(name: string, id: number): FakeSheet {
    const copy = new FakeSheet(this.spreadsheet, name, id, this.maxRows, this.maxCols, this.calls);
    this.copyContentTo(copy);
    // Not documented: modelled pessimistically (a copy of a hidden template is hidden too; the host checks).
    copy.hidden = this.hidden && this.spreadsheet.copiesKeepHidden;
    // Not documented whether a sheet inserted from a template keeps its protection: a switch, both tested.
    copy.protections = this.spreadsheet.copiesProtections ? this.protections.map((p) => p.copyFor(copy)) : [];
    return copy;
  }

  copyContentTo(copy: FakeSheet): void {
    copy.cells = new Map();
    for (const [k, cell] of this.cells) {
      // Formats hold primitives and one border object (whose side entries are replaced, never mutated).
      const format = { ...cell.format };
      if (format.border !== undefined) format.border = { ...(format.border as Record<string, unknown>) };
      copy.cells.set(k, {
        ...cell,
        format,
        validation: cell.validation ? { ...cell.validation } : undefined,
      });
    }
    copy.merges = this.merges.map((m) => ({ ...m }));
    copy.columnWidths = new Map(this.columnWidths);
    copy.hiddenColumns = new Set(this.hiddenColumns);
    copy.rowHeights = new Map(this.rowHeights);
    copy.frozenRows = this.frozenRows;
    copy.tabColor = this.tabColor;
    copy.conditionalRules = [...this.conditionalRules];
  }

  get cellCount(): number {
    return this.maxRows * this.maxCols;
  }

  // ---- the GasSheet surface (each call counted) ----
  getName(): string {
    this.calls.count('Sheet.getName');
    return this.name;
  }

  getSheetId(): number {
    this.calls.count('Sheet.getSheetId');
    return this.id;
  }

  getRange(a1Notation: string): FakeRange;
  getRange(row: number, column: number, numRows: number, numColumns: number): FakeRange;
  getRange(first: string | number, column?: number, numRows?: number, numColumns?: number): FakeRange {
    this.calls.count('Sheet.getRange');
    if (typeof first === 'string') return this.rangeOfA1(first);
    if (column === undefined || numRows === undefined || numColumns === undefined) {
      throw new Error(
        "Exception: The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    }
    if (numRows < 1) throw new Error('Exception: The number of rows in the range must be at least 1.');
    if (numColumns < 1) throw new Error('Exception: The number of columns in the range must be at least 1.');
    return this.range({ r1: first, c1: column, r2: first + numRows - 1, c2: column + numColumns - 1 });
  }

  getRangeList(a1Notations: string[]): FakeRangeList {
    this.calls.count('Sheet.getRangeList');
    if (a1Notations.length === 0) throw new Error('Exception: The range list must not be empty.');
    return new FakeRangeList(
      a1Notations.map((ref) => this.rangeOfA1(ref)),
      this.calls,
    );
  }

  getDataRange(): FakeRange {
    this.calls.count('Sheet.getDataRange');
    let lastR = 1;
    let lastC = 1;
    for (const [k, cell] of this.cells) {
      if (cell.formula === undefined && (cell.value === '' || cell.value === null)) continue;
      const [r, c] = k.split(',').map(Number);
      lastR = Math.max(lastR, r);
      lastC = Math.max(lastC, c);
    }
    return this.range({ r1: 1, c1: 1, r2: lastR, c2: lastC });
  }

  /** Values of a rectangle in ONE call (no Range object); strict bounds like getRange. */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    this.calls.count('Sheet.getSheetValues');
    if (numRows < 1 || numColumns < 1)
      throw new Error('Exception: The number of rows and columns must be at least 1.');
    const range = this.range({
      r1: startRow,
      c1: startColumn,
      r2: startRow + numRows - 1,
      c2: startColumn + numColumns - 1,
    });
    this.calls.uncount('Range.getValues');
    return range.getValues();
  }

  /** Sheets measures the text; the fake cannot, so it only records which rows were fitted. */
  autoResizeRows(startRow: number, numRows: number): FakeSheet {
    this.calls.count('Sheet.autoResizeRows');
    if (startRow < 1 || numRows < 1 || startRow + numRows - 1 > this.maxRows)
      throw new Error('Exception: Those rows are out of bounds.');
    for (let r = startRow; r < startRow + numRows; r++) this.autoFittedRows.add(r);
    return this;
  }

  setRowHeights(startRow: number, numRows: number, height: number): FakeSheet {
    this.calls.count('Sheet.setRowHeights');
    if (startRow < 1 || numRows < 1 || startRow + numRows - 1 > this.maxRows)
      throw new Error('Exception: Those rows are out of bounds.');
    for (let r = startRow; r < startRow + numRows; r++) this.rowHeights.set(r, height);
    return this;
  }

  setName(name: string): FakeSheet {
    this.calls.count('Sheet.setName');
    this.spreadsheet.checkName(name, this);
    this.name = name;
    return this;
  }

  hideSheet(): FakeSheet {
    this.calls.count('Sheet.hideSheet');
    if (this.spreadsheet.sheets.filter((s) => !s.hidden && s !== this).length === 0) {
      throw new Error("Exception: You can't hide all the sheets in a document.");
    }
    this.hidden = true;
    return this;
  }

  showSheet(): FakeSheet {
    this.calls.count('Sheet.showSheet');
    this.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.calls.count('Sheet.isSheetHidden');
    return this.hidden;
  }

  getMaxRows(): number {
    this.calls.count('Sheet.getMaxRows');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.calls.count('Sheet.getMaxColumns');
    return this.maxCols;
  }

  private shift(axis: 'r' | 'c', from: number, by: number): void {
    const moved = new Map<string, FakeCell>();
    for (const [k, cell] of this.cells) {
      const [r, c] = k.split(',').map(Number);
      const pos = axis === 'r' ? r : c;
      if (by < 0 && pos >= from && pos < from - by) continue;
      const next = pos >= from ? pos + by : pos;
      moved.set(axis === 'r' ? key(next, c) : key(r, next), cell);
    }
    this.cells = moved;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.calls.count('Sheet.deleteRows');
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.maxRows) {
      throw new Error('Exception: Those rows are out of bounds.');
    }
    if (howMany >= this.maxRows) throw new Error("Exception: You can't delete all the rows on the sheet.");
    this.shift('r', rowPosition, -howMany);
    this.maxRows -= howMany;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.calls.count('Sheet.deleteColumns');
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.maxCols) {
      throw new Error('Exception: Those columns are out of bounds.');
    }
    if (howMany >= this.maxCols) throw new Error("Exception: You can't delete all the columns on the sheet.");
    this.shift('c', columnPosition, -howMany);
    this.maxCols -= howMany;
  }

  insertRowsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.calls.count('Sheet.insertRowsAfter');
    this.spreadsheet.ensureRoom(howMany * this.maxCols);
    this.shift('r', afterPosition + 1, howMany);
    this.maxRows += howMany;
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): FakeSheet {
    this.calls.count('Sheet.insertColumnsAfter');
    this.spreadsheet.ensureRoom(howMany * this.maxRows);
    this.shift('c', afterPosition + 1, howMany);
    this.maxCols += howMany;
    return this;
  }

  clear(): FakeSheet {
    this.calls.count('Sheet.clear');
    for (const cell of this.cells.values()) {
      cell.value = '';
      cell.formula = undefined;
      cell.numFmt = undefined;
      cell.format = {};
    }
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): FakeSheet {
    this.calls.count('Sheet.setColumnWidths');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  hideColumns(columnIndex: number): void {
    this.calls.count('Sheet.hideColumns');
    this.hiddenColumns.add(columnIndex);
  }

  setRowHeight(rowPosition: number, height: number): FakeSheet {
    this.calls.count('Sheet.setRowHeight');
    this.rowHeights.set(rowPosition, height);
    return this;
  }

  setFrozenRows(rows: number): void {
    this.calls.count('Sheet.setFrozenRows');
    if (rows >= this.maxRows) throw new Error('Exception: You cannot freeze all the rows of the sheet.');
    this.frozenRows = rows;
  }

  setTabColor(color: string | null): FakeSheet {
    this.calls.count('Sheet.setTabColor');
    this.tabColor = color;
    return this;
  }

  setConditionalFormatRules(rules: Opaque[]): void {
    this.calls.count('Sheet.setConditionalFormatRules');
    this.conditionalRules = [...rules];
  }

  protect(): FakeProtection {
    this.calls.count('Sheet.protect');
    const existing = this.protections[0];
    if (existing !== undefined) return existing;
    const protection = new FakeProtection(this, this.calls);
    this.protections.push(protection);
    return protection;
  }

  getProtections(type: Opaque): FakeProtection[] {
    this.calls.count('Sheet.getProtections');
    if (type === PROTECTION_SHEET) return [...this.protections];
    if (type === PROTECTION_RANGE) return [];
    throw new Error('Exception: Invalid argument: type');
  }
}
