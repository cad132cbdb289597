import type { Alignment, Border, Borders, Fill, Font, Style } from 'exceljs';
import type { BorderWeight, CellStyle } from '../core/spec/types';

/** Spec colours are 'RRGGBB'; exceljs wants ARGB with an opaque alpha. */
export function argb(rgb: string): string {
  return `FF${rgb.replace(/^#/, '').toUpperCase()}`;
}

function font(s: CellStyle): Partial<Font> | undefined {
  if (s.bold === undefined && s.italic === undefined && s.size === undefined && s.color === undefined)
    return undefined;
  const f: Partial<Font> = {};
  if (s.bold !== undefined) f.bold = s.bold;
  if (s.italic !== undefined) f.italic = s.italic;
  if (s.size !== undefined) f.size = s.size;
  if (s.color !== undefined) f.color = { argb: argb(s.color) };
  return f;
}

function alignment(s: CellStyle): Partial<Alignment> | undefined {
  if (s.hAlign === undefined && s.vAlign === undefined && s.wrap === undefined) return undefined;
  const a: Partial<Alignment> = {};
  if (s.hAlign !== undefined) a.horizontal = s.hAlign;
  if (s.vAlign !== undefined) a.vertical = s.vAlign;
  if (s.wrap !== undefined) a.wrapText = s.wrap;
  return a;
}

function side(weight: BorderWeight): Partial<Border> {
  return { style: weight };
}

function borders(s: CellStyle): Partial<Borders> | undefined {
  const sides: Partial<Record<'top' | 'bottom' | 'left' | 'right', BorderWeight>> = {};
  if (s.border !== undefined)
    Object.assign(sides, { top: s.border, bottom: s.border, left: s.border, right: s.border });
  if (s.borders !== undefined) Object.assign(sides, s.borders);
  const keys = Object.keys(sides) as Array<keyof typeof sides>;
  if (keys.length === 0) return undefined;
  const b: Partial<Borders> = {};
  for (const k of keys) {
    const w = sides[k];
    if (w !== undefined) b[k] = side(w);
  }
  return b;
}

export function solidFill(rgb: string): Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(rgb) } };
}

/** The exceljs style of a spec style; only the facets the spec sets, so exceljs keeps its defaults elsewhere. */
export function toExcelStyle(s: CellStyle): Partial<Style> {
  const out: Partial<Style> = {};
  const f = font(s);
  if (f) out.font = f;
  if (s.fill !== undefined) out.fill = solidFill(s.fill);
  const a = alignment(s);
  if (a) out.alignment = a;
  const b = borders(s);
  if (b) out.border = b;
  if (s.numFmt !== undefined) out.numFmt = s.numFmt;
  if (s.locked === false) out.protection = { locked: false };
  return out;
}
