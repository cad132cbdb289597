import { FakeObject, unsupported } from './context';
import { ErrorCodes, FakeOfficeError } from './errors';
import type { Scalar } from './model';
import { eachCell } from './range-box';
import type { FakeRange } from './range';

const HORIZONTAL = [
  'General',
  'Left',
  'Center',
  'Right',
  'Fill',
  'Justify',
  'CenterAcrossSelection',
  'Distributed',
];
const VERTICAL = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const EDGES = [
  'EdgeTop',
  'EdgeBottom',
  'EdgeLeft',
  'EdgeRight',
  'InsideVertical',
  'InsideHorizontal',
  'DiagonalDown',
  'DiagonalUp',
];

/** Range.format and its parts. Every setter stores a flattened key on the cells it covers. */
export class FakeRangeFormat extends FakeObject {
  readonly font: { bold: boolean; italic: boolean; size: number; color: string; name: string };
  readonly fill: { color: string };
  readonly protection: { locked: boolean };
  readonly borders: { getItem(edge: string): { style: string; weight: string; color: string } };

  constructor(private readonly range: FakeRange) {
    super(range.core, `${range.path}.format`);
    this.font = this.group('font', ['bold', 'italic', 'size', 'color', 'name']) as FakeRangeFormat['font'];
    this.fill = this.group('fill', ['color']) as FakeRangeFormat['fill'];
    this.protection = this.group('protection', ['locked']) as FakeRangeFormat['protection'];
    this.borders = {
      getItem: (edge: string) => {
        if (!EDGES.includes(edge))
          throw new FakeOfficeError(ErrorCodes.invalidArgument, `Unknown border ${edge}.`);
        return this.group(`borders.${edge}`, ['style', 'weight', 'color'], edge) as {
          style: string;
          weight: string;
          color: string;
        };
      },
    };
  }

  private group(prefix: string, keys: string[], edge?: string): Record<string, Scalar> {
    const target: Record<string, Scalar> = {};
    for (const key of keys) {
      Object.defineProperty(target, key, {
        enumerable: true,
        set: (value: Scalar) => this.apply(`${prefix}.${key}`, value, edge),
      });
    }
    return target;
  }

  set horizontalAlignment(value: string) {
    this.checkEnum(value, HORIZONTAL);
    this.apply('horizontalAlignment', value);
  }
  set verticalAlignment(value: string) {
    this.checkEnum(value, VERTICAL);
    this.apply('verticalAlignment', value);
  }
  set wrapText(value: boolean) {
    this.apply('wrapText', value);
  }

  /** Points. Stored per column. */
  set columnWidth(value: number) {
    this.write('columnWidth', value, () => {
      this.range.checkEditable(false);
      const box = this.range.box();
      for (let c = box.c1; c <= box.c2; c += 1) this.range.sheet().columnWidths.set(c, value);
    });
  }
  /** Excel measures the wrapped text; the fake cannot, so it records which rows were fitted. */
  autofitRows(): void {
    this.call('autofitRows', null, () => {
      this.range.checkEditable(false);
      const box = this.range.box();
      for (let r = box.r1; r <= box.r2; r += 1) this.range.sheet().autoFittedRows.add(r);
    });
  }

  /** Points. Stored per row. */
  set rowHeight(value: number) {
    this.write('rowHeight', value, () => {
      this.range.checkEditable(false);
      const box = this.range.box();
      for (let r = box.r1; r <= box.r2; r += 1) this.range.sheet().rowHeights.set(r, value);
    });
  }

  private checkEnum(value: string, allowed: string[]): void {
    if (!allowed.includes(value))
      throw new FakeOfficeError(ErrorCodes.invalidArgument, `Invalid value ${value}.`);
  }

  /** Stores `key` on the cells it reaches: an edge only on that side of the range. */
  private apply(key: string, value: Scalar, edge?: string): void {
    this.write(key, value, () => {
      // Locking is allowed on a protected sheet only through unprotect; like any format change.
      this.range.checkEditable(false);
      const box = this.range.box();
      eachCell(box, (r, c) => {
        if (edge !== undefined && !edgeReaches(edge, box, r, c)) return;
        this.range.sheet().ensure(r, c).format[key] = value;
      });
    });
  }

  protected loadProperty(name: string): unknown {
    throw unsupported(`RangeFormat.${name}`);
  }
}

function edgeReaches(
  edge: string,
  box: { r1: number; c1: number; r2: number; c2: number },
  r: number,
  c: number,
): boolean {
  switch (edge) {
    case 'EdgeTop':
      return r === box.r1;
    case 'EdgeBottom':
      return r === box.r2;
    case 'EdgeLeft':
      return c === box.c1;
    case 'EdgeRight':
      return c === box.c2;
    case 'InsideHorizontal':
      return box.r2 > box.r1;
    case 'InsideVertical':
      return box.c2 > box.c1;
    default:
      return true;
  }
}
