import { columnLetter } from './a1';
import type { SheetSpec } from './types';

/** Rough row height for wrapped text: enough lines for the longest text at ~`perLine` characters a line. */
export function wrappedHeight(texts: Array<{ text: string; perLine: number }>, lineHeight = 12.5): number {
  const lines = Math.max(1, ...texts.map((t) => Math.ceil(t.text.length / t.perLine)));
  return Math.max(15, Math.round(lines * lineHeight + 4));
}

/**
 * Heights for the `autoFitRows` of a spec, for a host that cannot measure text: each row as tall as its
 * longest wrapped text at about 0.9 character per unit of column width (the default font).
 */
export function estimatedRowHeights(spec: SheetSpec): Record<number, number> {
  const fit = spec.autoFitRows;
  if (!fit) return {};
  const texts = new Map<number, Array<{ text: string; perLine: number }>>();
  for (const cell of spec.cells) {
    if (cell.r < fit.from || cell.r > fit.to || typeof cell.value !== 'string') continue;
    if (!(cell.style !== undefined && spec.styles[cell.style]?.wrap)) continue;
    const width = spec.columns[cell.c - 1]?.width;
    if (width === undefined)
      throw new Error(`Largeur de la colonne ${columnLetter(cell.c)} absente de la feuille ${spec.name}.`);
    // Pushed, not copied: the « Suivi E4 » tab fits a row per candidate (1500 rows).
    const row = texts.get(cell.r);
    if (row) row.push({ text: cell.value, perLine: width * 0.9 });
    else texts.set(cell.r, [{ text: cell.value, perLine: width * 0.9 }]);
  }
  const heights: Record<number, number> = {};
  for (let r = fit.from; r <= fit.to; r++) heights[r] = wrappedHeight(texts.get(r) ?? []);
  return heights;
}
