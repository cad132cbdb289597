import type { BorderWeight, CellSpec, CellStyle, SheetSpec } from '../core/spec';
import { a1, parseRange } from '../core/spec';
import type { GasRange, GasSheet, GasSpreadsheetApp, Opaque } from './gas-types';
import { boundingBox, isTextCell, rowRuns } from './cell-input';

type Pos = { r: number; c: number };

function key(p: Pos): string {
  return `${p.r},${p.c}`;
}

/**
 * Number formats by cell: '@' (plain text) on every text cell and on `extraText` positions, else the
 * style's numFmt. Setting '@' BEFORE the values is what keeps « =1+1 », « 007 » or « 12/05 » as text.
 * A formula or link cell never gets '@', whatever its style says: its formula would be stored as text.
 */
export function numberFormatGroups(spec: SheetSpec, extraText: Pos[] = []): Map<string, Pos[]> {
  const formats = new Map<string, string>();
  for (const cell of spec.cells) {
    const style = cell.style === undefined ? undefined : spec.styles[cell.style];
    const live = cell.formula !== undefined || cell.link !== undefined;
    if (isTextCell(cell)) formats.set(key(cell), '@');
    else if (style?.numFmt !== undefined && style.numFmt !== 'General' && !(live && style.numFmt === '@'))
      formats.set(key(cell), style.numFmt);
  }
  for (const p of extraText) formats.set(key(p), '@');
  const groups = new Map<string, Pos[]>();
  for (const [k, fmt] of formats) {
    const [r, c] = k.split(',').map(Number);
    const list = groups.get(fmt) ?? [];
    list.push({ r, c });
    groups.set(fmt, list);
  }
  return groups;
}

/** One RangeList call per distinct format (a handful), whatever the number of cells. */
export function applyNumberFormats(sheet: GasSheet, groups: Map<string, Pos[]>): void {
  for (const [fmt, cells] of groups) sheet.getRangeList(rowRuns(cells)).setNumberFormat(fmt);
}

/**
 * The 2-D setters of Range: ONE call per attribute over the styled rectangle, null (or the Sheets
 * default where the setter takes no null) in unstyled cells. Per-style RangeLists cost one call per
 * attribute per style instead (~120 calls for a grid).
 */
type Attribute = {
  has: (s: CellStyle) => boolean;
  apply: (range: GasRange, grid: (pick: (s: CellStyle | undefined) => unknown) => unknown[][]) => void;
};

const ATTRIBUTES: Attribute[] = [
  {
    has: (s) => s.bold !== undefined,
    apply: (range, grid) =>
      range.setFontWeights(
        grid((s) => (s?.bold === undefined ? null : s.bold ? 'bold' : 'normal')) as Array<
          Array<'bold' | 'normal' | null>
        >,
      ),
  },
  {
    has: (s) => s.italic !== undefined,
    apply: (range, grid) =>
      range.setFontStyles(
        grid((s) => (s?.italic === undefined ? null : s.italic ? 'italic' : 'normal')) as Array<
          Array<'italic' | 'normal' | null>
        >,
      ),
  },
  {
    has: (s) => s.size !== undefined,
    // setFontSizes takes no null: 10 is the size of a new Sheets cell.
    apply: (range, grid) => range.setFontSizes(grid((s) => s?.size ?? 10) as number[][]),
  },
  {
    has: (s) => s.color !== undefined,
    apply: (range, grid) =>
      range.setFontColors(
        grid((s) => (s?.color === undefined ? null : `#${s.color}`)) as Array<Array<string | null>>,
      ),
  },
  {
    has: (s) => s.fill !== undefined,
    apply: (range, grid) =>
      range.setBackgrounds(
        grid((s) => (s?.fill === undefined ? null : `#${s.fill}`)) as Array<Array<string | null>>,
      ),
  },
  {
    has: (s) => s.hAlign !== undefined,
    apply: (range, grid) =>
      range.setHorizontalAlignments(
        grid((s) => s?.hAlign ?? null) as Array<Array<'left' | 'center' | 'right' | null>>,
      ),
  },
  {
    has: (s) => s.vAlign !== undefined,
    apply: (range, grid) =>
      range.setVerticalAlignments(
        grid((s) => s?.vAlign ?? null) as Array<Array<'top' | 'middle' | 'bottom' | null>>,
      ),
  },
  {
    has: (s) => s.wrap !== undefined,
    apply: (range, grid) => range.setWraps(grid((s) => s?.wrap === true) as boolean[][]),
  },
];

function styleOf(spec: SheetSpec, cell: CellSpec): CellStyle | undefined {
  return cell.style === undefined ? undefined : spec.styles[cell.style];
}

/** Fonts, fills, alignment and wrapping: one getRange plus one 2-D setter per attribute used. */
export function applyCellFormats(sheet: GasSheet, spec: SheetSpec): void {
  const styled = spec.cells.filter((cell) => styleOf(spec, cell) !== undefined);
  const box = boundingBox(styled);
  if (box === null) return;
  const used = ATTRIBUTES.filter((attr) => styled.some((cell) => attr.has(styleOf(spec, cell) as CellStyle)));
  if (used.length === 0) return;
  const byPos = new Map(styled.map((cell) => [key(cell), styleOf(spec, cell)]));
  const grid = (pick: (s: CellStyle | undefined) => unknown): unknown[][] =>
    Array.from({ length: box.r2 - box.r1 + 1 }, (_, i) =>
      Array.from({ length: box.c2 - box.c1 + 1 }, (_, j) =>
        pick(byPos.get(key({ r: box.r1 + i, c: box.c1 + j }))),
      ),
    );
  const range = sheet.getRange(box.r1, box.c1, box.r2 - box.r1 + 1, box.c2 - box.c1 + 1);
  for (const attr of used) attr.apply(range, grid);
}

function borderStyle(app: GasSpreadsheetApp, weight: BorderWeight): Opaque {
  if (weight === 'thick') return app.BorderStyle.SOLID_THICK;
  if (weight === 'medium') return app.BorderStyle.SOLID_MEDIUM;
  return app.BorderStyle.SOLID;
}

type Side = 'top' | 'left' | 'bottom' | 'right';
const SIDES: Side[] = ['top', 'left', 'bottom', 'right'];

/** The sides of a cell and their weight, `border` expanded to the four sides. */
function sidesOf(style: CellStyle): Partial<Record<Side, BorderWeight>> {
  const all = style.border;
  const sides: Partial<Record<Side, BorderWeight>> =
    all === undefined ? {} : { top: all, left: all, bottom: all, right: all };
  return { ...sides, ...style.borders };
}

/**
 * Borders: cells grouped by their border signature (sides × weights), one RangeList and one setBorder
 * per weight of each signature. A row run may carry the signature whole when every cell has left and
 * right alike (the inner verticals are then drawn too); otherwise each cell is its own range.
 */
export function applyBorders(sheet: GasSheet, app: GasSpreadsheetApp, spec: SheetSpec): void {
  const groups = new Map<string, { sides: Partial<Record<Side, BorderWeight>>; cells: Pos[] }>();
  for (const cell of spec.cells) {
    const style = styleOf(spec, cell);
    if (style === undefined) continue;
    const sides = sidesOf(style);
    const signature = SIDES.map((side) => sides[side] ?? '-').join(',');
    if (signature === '-,-,-,-') continue;
    const group = groups.get(signature) ?? { sides, cells: [] };
    group.cells.push(cell);
    groups.set(signature, group);
  }
  for (const { sides, cells } of groups.values()) {
    const sameLeftRight = sides.left !== undefined && sides.left === sides.right;
    const joinable = sameLeftRight || (sides.left === undefined && sides.right === undefined);
    const ranges = joinable ? rowRuns(cells) : rowRuns(cells).flatMap(splitRun);
    const list = sheet.getRangeList(ranges);
    for (const weight of new Set(Object.values(sides))) {
      const on = (side: Side): boolean | null => (sides[side] === weight ? true : null);
      const inner = sameLeftRight && sides.left === weight ? true : null;
      list.setBorder(
        on('top'),
        on('left'),
        on('bottom'),
        on('right'),
        inner,
        null,
        '#000000',
        borderStyle(app, weight),
      );
    }
  }
}

/** Cell formats then borders. */
export function applyStyles(sheet: GasSheet, app: GasSpreadsheetApp, spec: SheetSpec): void {
  applyCellFormats(sheet, spec);
  applyBorders(sheet, app, spec);
}

function splitRun(run: string): string[] {
  const box = parseRange(run);
  const out: string[] = [];
  for (let c = box.c1; c <= box.c2; c++) out.push(a1(box.r1, c));
  return out;
}
