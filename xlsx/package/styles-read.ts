import { attributes, tags } from './xml';

/**
 * What a reader needs from styles.xml: which cell formats (`s` of a cell) show a date. Built-in date
 * formats by id (ECMA-376 §18.8.30, plus the East Asian ids Excel also treats as dates), custom formats
 * by their code.
 */

const BUILTIN_DATES = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54,
  55, 56, 57, 58,
]);

/** A custom format is a date when, once quoted text, escapes and [colour]/[$-locale] parts are removed, it has d, m, y, h or s. */
export function isDateFormat(code: string): boolean {
  const section = code.split(';')[0];
  const bare = section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[(?![hms]+\])[^\]]*\]/gi, '')
    .replace(/_.|\*./g, '');
  if (/general/i.test(bare)) return false;
  return /[dmyhs]/i.test(bare);
}

/** Style indexes (cellXfs order) whose number format is a date. */
export function dateStyles(stylesXml: string | null): Set<number> {
  const out = new Set<number>();
  if (stylesXml === null) return out;
  const custom = new Map<number, string>();
  for (const tag of tags(stylesXml, 'numFmt')) {
    const a = attributes(tag);
    custom.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  const xfs = /<(?:[\w.-]+:)?cellXfs\b[\s\S]*?<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml)?.[0] ?? '';
  tags(xfs, 'xf').forEach((tag, i) => {
    const id = Number(attributes(tag).numFmtId ?? 0);
    const code = custom.get(id);
    if (code !== undefined ? isDateFormat(code) : BUILTIN_DATES.has(id)) out.add(i);
  });
  return out;
}
