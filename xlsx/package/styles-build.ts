import type { BorderWeight, CellStyle, ConditionalFormatSpec } from '../../core/spec/types';
import { encodeXml } from './xml';

/**
 * A styles.xml built from the named styles of a sheet spec and the differential formats of its conditional
 * formats. Each font, fill, border, number format and cell format is written once, in the very form the
 * exceljs renderer wrote it before (so a workbook styled by either merges into the same entries and a rerun
 * does not grow the part). The result is a scratch part: `mergeStyles` folds it into a workbook's own.
 */

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The built-in number formats of SpreadsheetML (ECMA-376 §18.8.30), which need no <numFmt>. */
const BUILTIN_FORMATS: Record<string, number> = {
  General: 0,
  '0': 1,
  '0.00': 2,
  '#,##0': 3,
  '#,##0.00': 4,
  '0%': 9,
  '0.00%': 10,
  '0.00E+00': 11,
  '# ?/?': 12,
  '# ??/??': 13,
  'mm-dd-yy': 14,
  'd-mmm-yy': 15,
  'd-mmm': 16,
  'mmm-yy': 17,
  'h:mm AM/PM': 18,
  'h:mm:ss AM/PM': 19,
  'h:mm': 20,
  'h:mm:ss': 21,
  'm/d/yy "h":mm': 22,
  '#,##0 ;(#,##0)': 37,
  '#,##0 ;[Red](#,##0)': 38,
  '#,##0.00 ;(#,##0.00)': 39,
  '#,##0.00 ;[Red](#,##0.00)': 40,
  'mm:ss': 45,
  '[h]:mm:ss': 46,
  'mmss.0': 47,
  '##0.0E+0': 48,
  '@': 49,
};

/** The format a date gets when its style sets none (Excel's short date, as exceljs gives it). */
export const DEFAULT_DATE_FORMAT = 'mm-dd-yy';

const DEFAULT_FONT =
  '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';
const NO_BORDER = '<border><left/><right/><top/><bottom/><diagonal/></border>';

/** Spec colours are 'RRGGBB'; SpreadsheetML wants ARGB with an opaque alpha. */
export function argbOf(rgb: string): string {
  return `FF${rgb.replace(/^#/, '').toUpperCase()}`;
}

function fontXml(s: { bold?: boolean; italic?: boolean; size?: number; color?: string }): string | null {
  if (s.bold === undefined && s.italic === undefined && s.size === undefined && s.color === undefined)
    return null;
  // false is the default: written as nothing, as exceljs did.
  const b = s.bold ? '<b/>' : '';
  const i = s.italic ? '<i/>' : '';
  const color = s.color === undefined ? '' : `<color rgb="${argbOf(s.color)}"/>`;
  const size = s.size === undefined ? '' : `<sz val="${s.size}"/>`;
  const body = `${b}${i}${color}${size}`;
  return body === '' ? '<font/>' : `<font>${body}</font>`;
}

function solidFillXml(rgb: string, background: boolean): string {
  const color = argbOf(rgb);
  // A differential fill is read from bgColor, a cell fill from fgColor: a dxf carries both.
  const bg = background ? `<bgColor rgb="${color}"/>` : '';
  return `<fill><patternFill patternType="solid"><fgColor rgb="${color}"/>${bg}</patternFill></fill>`;
}

function borderXml(s: CellStyle): string | null {
  const sides: Partial<Record<'top' | 'bottom' | 'left' | 'right', BorderWeight>> = {};
  if (s.border !== undefined)
    Object.assign(sides, { top: s.border, bottom: s.border, left: s.border, right: s.border });
  if (s.borders !== undefined) Object.assign(sides, s.borders);
  if (Object.values(sides).every((w) => w === undefined)) return null;
  const side = (name: 'left' | 'right' | 'top' | 'bottom'): string => {
    const w = sides[name];
    return w === undefined ? `<${name}/>` : `<${name} style="${w}"/>`;
  };
  return `<border>${side('left')}${side('right')}${side('top')}${side('bottom')}<diagonal/></border>`;
}

const VERTICAL: Record<NonNullable<CellStyle['vAlign']>, string> = {
  top: 'top',
  middle: 'center',
  bottom: 'bottom',
};

function alignmentXml(s: CellStyle): string | null {
  const attrs: string[] = [];
  if (s.hAlign !== undefined) attrs.push(`horizontal="${s.hAlign}"`);
  if (s.vAlign !== undefined) attrs.push(`vertical="${VERTICAL[s.vAlign]}"`);
  if (s.wrap) attrs.push('wrapText="1"');
  return attrs.length === 0 ? null : `<alignment ${attrs.join(' ')}/>`;
}

/** A list of distinct XML items: the index of an item, added when new. */
class Items {
  readonly list: string[];
  private readonly index = new Map<string, number>();

  constructor(initial: string[]) {
    this.list = [];
    for (const x of initial) this.add(x);
  }

  add(item: string): number {
    const found = this.index.get(item);
    if (found !== undefined) return found;
    this.list.push(item);
    this.index.set(item, this.list.length - 1);
    return this.list.length - 1;
  }
}

export class StyleSheetBuilder {
  private readonly fonts = new Items([DEFAULT_FONT]);
  private readonly fills = new Items([
    '<fill><patternFill patternType="none"/></fill>',
    '<fill><patternFill patternType="gray125"/></fill>',
  ]);
  private readonly borders = new Items([NO_BORDER]);
  private readonly xfs = new Items(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  private readonly dxfs = new Items([]);
  private readonly formats = new Map<string, number>();

  private numFmtId(code: string): number {
    const builtin = BUILTIN_FORMATS[code];
    if (builtin !== undefined) return builtin;
    let id = this.formats.get(code);
    if (id === undefined) {
      id = 164 + this.formats.size;
      this.formats.set(code, id);
    }
    return id;
  }

  /** Each spec style object's index, plain and as a date: a sheet asks for the same few styles per cell. */
  private readonly known = [
    new Map<CellStyle | undefined, number>(),
    new Map<CellStyle | undefined, number>(),
  ];

  /** The cellXfs index of a style; `date` gives a style without number format the short date. */
  xf(style: CellStyle | undefined, date = false): number {
    const cache = this.known[date ? 1 : 0];
    let index = cache.get(style);
    if (index === undefined) {
      index = this.newXf(style ?? {}, date);
      cache.set(style, index);
    }
    return index;
  }

  private newXf(s: CellStyle, date: boolean): number {
    const code = s.numFmt ?? (date ? DEFAULT_DATE_FORMAT : undefined);
    const numFmtId = code === undefined ? 0 : this.numFmtId(code);
    const font = fontXml(s);
    const fontId = font === null ? 0 : this.fonts.add(font);
    const fillId = s.fill === undefined ? 0 : this.fills.add(solidFillXml(s.fill, false));
    const border = borderXml(s);
    const borderId = border === null ? 0 : this.borders.add(border);
    const alignment = alignmentXml(s);
    const unlocked = s.locked === false;
    const applies = [
      numFmtId !== 0 ? ' applyNumberFormat="1"' : '',
      fontId !== 0 ? ' applyFont="1"' : '',
      fillId !== 0 ? ' applyFill="1"' : '',
      borderId !== 0 ? ' applyBorder="1"' : '',
      alignment !== null ? ' applyAlignment="1"' : '',
      unlocked ? ' applyProtection="1"' : '',
    ].join('');
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"${applies}`;
    const body = `${alignment ?? ''}${unlocked ? '<protection locked="0"/>' : ''}`;
    return this.xfs.add(body === '' ? `${head}/>` : `${head}>${body}</xf>`);
  }

  /** The dxfs index of a conditional format's style. */
  dxf(style: ConditionalFormatSpec['style']): number {
    const font = fontXml({ italic: style.italic, color: style.color }) ?? '';
    const fill = style.fill === undefined ? '' : solidFillXml(style.fill, true);
    return this.dxfs.add(`<dxf>${font}${fill}</dxf>`);
  }

  xml(): string {
    const block = (name: string, items: string[]): string =>
      `<${name} count="${items.length}">${items.join('')}</${name}>`;
    const numFmts =
      this.formats.size === 0
        ? ''
        : block(
            'numFmts',
            [...this.formats].map(
              ([code, id]) => `<numFmt numFmtId="${id}" formatCode="${encodeXml(code)}"/>`,
            ),
          );
    return (
      `${HEAD}<styleSheet xmlns="${MAIN}">${numFmts}` +
      block('fonts', this.fonts.list) +
      block('fills', this.fills.list) +
      block('borders', this.borders.list) +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      block('cellXfs', this.xfs.list) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      block('dxfs', this.dxfs.list) +
      '</styleSheet>'
    );
  }
}
