import { parseRange, rangeA1, type RangeBox } from '../../../core/spec/a1';
import { FakeObject, unsupported } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import { typedInput, type CellModel, type Scalar, type SheetModel } from './model';
import { boundingBox, boxCols, boxRows, eachCell, overlaps } from './range-box';
import { FakeRangeFormat } from './range-format';
import type { FakeWorksheet } from './worksheet';

export type BoxResolver = () => RangeBox | null;

type Matrix = unknown[][];

/** Range proxy over a rectangle of a sheet, resolved when its first operation runs. */
export class FakeRange extends FakeObject {
  private resolved: RangeBox | null | undefined;
  readonly format: FakeRangeFormat;
  readonly dataValidation: FakeDataValidation;
  readonly conditionalFormats: FakeConditionalFormats;

  constructor(
    core: FakeObject['core'],
    path: string,
    readonly worksheet: FakeWorksheet,
    private readonly resolver: BoxResolver,
  ) {
    super(core, path);
    this.format = new FakeRangeFormat(this);
    this.dataValidation = new FakeDataValidation(this);
    this.conditionalFormats = new FakeConditionalFormats(this);
  }

  box(): RangeBox {
    if (this.resolved === undefined) this.resolved = this.resolver();
    if (this.resolved === null)
      throw new FakeOfficeError(ErrorCodes.itemNotFound, `The range is a null object. (${this.path})`);
    return this.resolved;
  }

  sheet(): SheetModel {
    return this.worksheet.sheet();
  }

  get address(): string {
    return this.read('address');
  }
  get rowCount(): number {
    return this.read('rowCount');
  }
  get columnCount(): number {
    return this.read('columnCount');
  }
  get rowIndex(): number {
    return this.read('rowIndex');
  }
  get columnIndex(): number {
    return this.read('columnIndex');
  }

  get values(): Scalar[][] {
    return this.read('values');
  }
  set values(input: unknown[][]) {
    this.write('values', input, () => this.eachInput(input, 'values', (cell, v) => writeValue(cell, v)));
  }

  get formulas(): Scalar[][] {
    return this.read('formulas');
  }
  set formulas(input: unknown[][]) {
    this.write('formulas', input, () => this.eachInput(input, 'formulas', (cell, v) => writeValue(cell, v)));
  }

  get numberFormat(): string[][] {
    return this.read('numberFormat');
  }
  set numberFormat(input: unknown[][]) {
    this.write('numberFormat', input, () =>
      this.eachInput(input, 'numberFormat', (cell, v) => {
        cell.numberFormat = v === '' ? 'General' : String(v);
      }),
    );
  }

  set hyperlink(link: { documentReference?: string; address?: string; textToDisplay?: string }) {
    this.worksheet.requireApi('ExcelApi 1.7', 'hyperlink');
    this.write('hyperlink', link, () => {
      this.checkEditable(true);
      eachCell(this.box(), (r, c) => {
        const cell = this.sheet().ensure(r, c);
        cell.hyperlink = { ...link };
        if (link.textToDisplay !== undefined) cell.value = link.textToDisplay;
      });
    });
  }

  set columnHidden(hidden: boolean) {
    this.write('columnHidden', hidden, () => {
      const box = this.box();
      for (let c = box.c1; c <= box.c2; c += 1) {
        if (hidden) this.sheet().hiddenColumns.add(c);
        else this.sheet().hiddenColumns.delete(c);
      }
    });
  }

  /** Applies a 2-D input cell by cell; null leaves a cell unchanged; a single scalar fills the range. */
  private eachInput(
    input: unknown,
    property: string,
    apply: (cell: CellModel, value: unknown) => void,
  ): void {
    const box = this.box();
    const matrix = toMatrix(input, box);
    if (
      matrix.length !== boxRows(box) ||
      matrix.some((row) => !Array.isArray(row) || row.length !== boxCols(box))
    ) {
      throw new FakeOfficeError(
        ErrorCodes.invalidArgument,
        `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${property}).`,
      );
    }
    this.checkEditable(property !== 'numberFormat');
    eachCell(box, (r, c, i, j) => {
      const value = matrix[i][j];
      if (value === null || value === undefined) return;
      apply(this.sheet().ensure(r, c), value);
    });
  }

  /** A protected sheet refuses writes to locked cells (contents) and every format change. */
  checkEditable(contents: boolean): void {
    const sheet = this.sheet();
    if (!sheet.protected) return;
    let locked = !contents;
    eachCell(this.box(), (r, c) => {
      locked = locked || sheet.isLockedCell(r, c);
    });
    if (locked)
      throw new FakeOfficeError(
        ErrorCodes.accessDenied,
        'The cell or chart you are trying to change is protected.',
      );
  }

  protected loadProperty(name: string): unknown {
    const box = this.box();
    const sheet = this.sheet();
    const matrix = (read: (cell: CellModel | undefined) => Scalar): Scalar[][] => {
      const rows: Scalar[][] = [];
      for (let r = box.r1; r <= box.r2; r += 1) {
        const row: Scalar[] = [];
        for (let c = box.c1; c <= box.c2; c += 1) row.push(read(sheet.cell(r, c)));
        rows.push(row);
      }
      return rows;
    };
    switch (name) {
      case 'values':
        // The fake does not calculate: a formula cell reads as '' (its cached value is unknown).
        return matrix((cell) => (cell === undefined ? '' : cell.value));
      case 'formulas':
        return matrix((cell) => (cell === undefined ? '' : (cell.formula ?? cell.value)));
      case 'numberFormat':
        return matrix((cell) => cell?.numberFormat ?? 'General');
      case 'address':
        return `${quoteName(sheet.name)}!${rangeA1(box)}`;
      case 'rowCount':
        return boxRows(box);
      case 'columnCount':
        return boxCols(box);
      case 'rowIndex':
        return box.r1 - 1;
      case 'columnIndex':
        return box.c1 - 1;
      case 'isNullObject':
        return false;
      default:
        throw unsupported(`Range.${name}`);
    }
  }

  getCell(row: number, column: number): FakeRange {
    return new FakeRange(this.core, `${this.path}.getCell(${row},${column})`, this.worksheet, () => {
      const box = this.box();
      return { r1: box.r1 + row, c1: box.c1 + column, r2: box.r1 + row, c2: box.c1 + column };
    });
  }

  getBoundingRect(other: FakeRange | string): FakeRange {
    return new FakeRange(this.core, `${this.path}.getBoundingRect()`, this.worksheet, () =>
      boundingBox(this.box(), typeof other === 'string' ? parseRange(other) : other.box()),
    );
  }

  merge(across = false): void {
    this.call('merge', across, () => {
      this.checkEditable(false);
      const box = this.box();
      const sheet = this.sheet();
      if (sheet.merges.some((m) => overlaps(parseRange(m), box))) {
        throw new FakeOfficeError(
          ErrorCodes.invalidArgument,
          `Cannot merge over another merged range (${rangeA1(box)}).`,
        );
      }
      sheet.merges.push(rangeA1(box));
    });
  }

  unmerge(): void {
    this.call('unmerge', null, () => {
      const box = this.box();
      const sheet = this.sheet();
      sheet.merges = sheet.merges.filter((m) => !overlaps(parseRange(m), box));
    });
  }

  /** Clears contents and formats ('All', the default), or only 'Contents' / 'Formats'. */
  clear(applyTo: 'All' | 'Formats' | 'Contents' = 'All'): void {
    this.call('clear', applyTo, () => {
      this.checkEditable(applyTo !== 'Contents');
      const box = this.box();
      const sheet = this.sheet();
      for (const [key, cell] of [...sheet.cells]) {
        const at = parseRange(key);
        if (!overlaps(at, box)) continue;
        if (applyTo === 'All') sheet.cells.delete(key);
        else if (applyTo === 'Contents')
          Object.assign(cell, { value: '', formula: undefined, hyperlink: undefined });
        else Object.assign(cell, { numberFormat: 'General', format: {} });
      }
      if (applyTo !== 'Contents') sheet.merges = sheet.merges.filter((m) => !overlaps(parseRange(m), box));
    });
  }

  select(): void {
    this.call('select', null, () => {
      const sheet = this.sheet();
      this.core.model.activeSheet = sheet;
      this.core.model.selection = { sheet, address: rangeA1(this.box()) };
    });
  }
}

function toMatrix(input: unknown, box: RangeBox): Matrix {
  if (Array.isArray(input)) return input as Matrix;
  // A single value is applied to every cell of the range.
  return Array.from({ length: boxRows(box) }, () => Array.from({ length: boxCols(box) }, () => input));
}

/**
 * Writes one input: a cell formatted as text ('@') keeps a string as typed; otherwise a string is
 * read as if typed (formula, number, date, boolean).
 */
function writeValue(cell: CellModel, input: unknown): void {
  cell.formula = undefined;
  cell.hyperlink = undefined;
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  if (typeof input !== 'string')
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `Invalid cell value ${JSON.stringify(input)}.`);
  if (cell.numberFormat === '@') {
    cell.value = input;
    return;
  }
  const typed = typedInput(input);
  cell.value = typed.value;
  cell.formula = typed.formula;
}

function quoteName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Range.dataValidation (ExcelApi 1.8). */
export class FakeDataValidation extends FakeObject {
  constructor(private readonly range: FakeRange) {
    super(range.core, `${range.path}.dataValidation`);
  }

  private entry(): { address: string; rule: unknown; errorAlert?: unknown; prompt?: unknown } {
    this.range.checkEditable(false);
    const address = rangeA1(this.range.box());
    const sheet = this.range.sheet();
    let entry = sheet.validations.find((v) => v.address === address);
    if (!entry) {
      entry = { address, rule: null };
      sheet.validations.push(entry);
    }
    return entry;
  }

  set rule(rule: unknown) {
    this.range.worksheet.requireApi('ExcelApi 1.8', 'dataValidation');
    this.write('rule', rule, () => {
      this.entry().rule = rule;
    });
  }
  set errorAlert(alert: unknown) {
    this.write('errorAlert', alert, () => {
      this.entry().errorAlert = alert;
    });
  }
  set prompt(prompt: unknown) {
    this.write('prompt', prompt, () => {
      this.entry().prompt = prompt;
    });
  }

  clear(): void {
    this.call('clear', null, () => {
      const box = this.range.box();
      const sheet = this.range.sheet();
      sheet.validations = sheet.validations.filter((v) => !overlaps(parseRange(v.address), box));
    });
  }

  protected loadProperty(name: string): unknown {
    throw unsupported(`DataValidation.${name}`);
  }
}

export class FakeConditionalFormats extends FakeObject {
  constructor(private readonly range: FakeRange) {
    super(range.core, `${range.path}.conditionalFormats`);
  }

  /** Only the 'Custom' type (a formula rule) is modelled. */
  add(type: string): FakeCustomConditionalFormat {
    const entry = { address: '', formula: '', format: {} as Record<string, Scalar> };
    this.call('add', type, () => {
      if (type !== 'Custom') throw unsupported(`ConditionalFormatType.${type}`);
      this.range.checkEditable(false);
      entry.address = rangeA1(this.range.box());
      this.range.sheet().conditionalFormats.push(entry);
    });
    return new FakeCustomConditionalFormat(this, entry);
  }

  clearAll(): void {
    this.call('clearAll', null, () => {
      const box = this.range.box();
      const sheet = this.range.sheet();
      sheet.conditionalFormats = sheet.conditionalFormats.filter(
        (f) => !overlaps(parseRange(f.address), box),
      );
    });
  }

  protected loadProperty(name: string): unknown {
    throw unsupported(`ConditionalFormatCollection.${name}`);
  }
}

/** ConditionalFormat with its `custom` rule: rule.formula and format.fill/font. */
export class FakeCustomConditionalFormat {
  readonly custom: {
    rule: { formula: string };
    format: { fill: { color: string }; font: { color: string; italic: boolean } };
  };

  constructor(owner: FakeConditionalFormats, entry: { formula: string; format: Record<string, Scalar> }) {
    const setter = (key: string) => (value: Scalar) =>
      owner.core.enqueue(`${owner.path}.custom`, `set ${key}`, value, () => {
        if (key === 'rule.formula') entry.formula = String(value);
        else entry.format[key] = value;
      });
    const prop = (key: string): PropertyDescriptor => ({ set: setter(key), enumerable: true });
    this.custom = {
      rule: Object.defineProperty({}, 'formula', prop('rule.formula')) as { formula: string },
      format: {
        fill: Object.defineProperty({}, 'color', prop('fill.color')) as { color: string },
        font: Object.defineProperties({}, { color: prop('font.color'), italic: prop('font.italic') }) as {
          color: string;
          italic: boolean;
        },
      },
    };
  }
}
