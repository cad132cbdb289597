/** A1 notation helpers shared by the core and the hosts. */

export function columnLetter(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1(r: number, c: number): string {
  return `${columnLetter(c)}${r}`;
}

export function parseA1(ref: string): { r: number; c: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(ref.trim());
  if (!m) throw new Error(`Adresse de cellule invalide : ${ref}`);
  return { r: Number(m[2]), c: columnNumber(m[1]) };
}

export interface RangeBox {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}

export function parseRange(range: string): RangeBox {
  const [from, to] = range.split(':');
  const a = parseA1(from);
  const b = to === undefined ? a : parseA1(to);
  return { r1: Math.min(a.r, b.r), c1: Math.min(a.c, b.c), r2: Math.max(a.r, b.r), c2: Math.max(a.c, b.c) };
}

/** How many cells a box holds (what a read of it asks of a host). */
export function boxArea(box: RangeBox): number {
  return (box.r2 - box.r1 + 1) * (box.c2 - box.c1 + 1);
}

export function rangeA1(box: RangeBox): string {
  return `${a1(box.r1, box.c1)}:${a1(box.r2, box.c2)}`;
}

/** A sheet name as a formula reference: always quoted, inner quotes doubled ('O''CONNOR Sean'). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export function sheetRef(sheet: string, ref: string): string {
  return `${quoteSheet(sheet)}!${ref}`;
}
