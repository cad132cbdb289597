import { PackageError } from './errors';
import { attributes, encodeXml } from './xml';

/**
 * Merges the styles of a scratch workbook (where one sheet was rendered) into a workbook's styles.xml:
 * fonts, fills, borders, number formats, cell formats and differential formats are appended where the
 * workbook does not already hold the same one, so a rerun does not grow the part. Returns the new indexes.
 */

export interface StyleMap {
  /** Scratch cellXfs index → workbook cellXfs index. */
  xf: number[];
  /** Scratch dxfs index → workbook dxfs index. */
  dxf: number[];
}

interface Block {
  /** Offsets of the whole block (<fonts …>…</fonts>, or -1 when absent). */
  start: number;
  end: number;
  items: string[];
}

function itemPattern(item: string): RegExp {
  return new RegExp(`<${item}\\b(?:[^>]*?\\/>|[\\s\\S]*?<\\/${item}>)`, 'g');
}

function block(xml: string, name: string, item: string): Block {
  const m = new RegExp(`<${name}\\b[^>]*?(?:\\/>|>[\\s\\S]*?<\\/${name}>)`).exec(xml);
  if (!m) return { start: -1, end: -1, items: [] };
  return { start: m.index, end: m.index + m[0].length, items: m[0].match(itemPattern(item)) ?? [] };
}

/** Appends the items not already present; returns the index of each scratch item in the merged list. */
function mergeItems(target: string[], scratch: string[]): number[] {
  const known = new Map<string, number>();
  target.forEach((x, i) => {
    if (!known.has(x)) known.set(x, i);
  });
  return scratch.map((x) => {
    const found = known.get(x);
    if (found !== undefined) return found;
    target.push(x);
    known.set(x, target.length - 1);
    return target.length - 1;
  });
}

function setAttr(tag: string, name: string, value: string | number): string {
  const re = new RegExp(`\\s${name}="[^"]*"`);
  if (re.test(tag)) return tag.replace(re, ` ${name}="${value}"`);
  return tag.replace(/^<(\w+)/, `<$1 ${name}="${value}"`);
}

function remapIds(item: string, ids: Record<string, number[] | Map<number, number>>): string {
  const open = /^<[^>]*>/.exec(item)?.[0] ?? '';
  let tag = open;
  for (const [name, map] of Object.entries(ids)) {
    const v = attributes(open)[name];
    if (v === undefined) continue;
    const mapped = map instanceof Map ? map.get(Number(v)) : map[Number(v)];
    if (mapped !== undefined) tag = setAttr(tag, name, mapped);
  }
  return tag + item.slice(open.length);
}

function numFmts(xml: string): Map<number, string> {
  const out = new Map<number, string>();
  for (const tag of block(xml, 'numFmts', 'numFmt').items) {
    const a = attributes(tag);
    out.set(Number(a.numFmtId), a.formatCode ?? '');
  }
  return out;
}

/** Block order inside <styleSheet> (ECMA-376 §18.8.39), to insert a block that is missing. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

function writeBlock(xml: string, name: string, item: string, items: string[]): string {
  const b = block(xml, name, item);
  const open = b.start >= 0 ? (/^<[^>]*?>/.exec(xml.slice(b.start))?.[0] ?? `<${name}>`) : `<${name}>`;
  const head = setAttr(open.replace(/\s*\/>$/, '>'), 'count', items.length);
  const text = `${head}${items.join('')}</${name}>`;
  if (b.start >= 0) return xml.slice(0, b.start) + text + xml.slice(b.end);
  const later = ORDER.slice(ORDER.indexOf(name) + 1)
    .map((n) => new RegExp(`<${n}\\b`).exec(xml)?.index ?? -1)
    .filter((i) => i >= 0);
  const at = later.length > 0 ? Math.min(...later) : xml.lastIndexOf('</styleSheet>');
  return xml.slice(0, at) + text + xml.slice(at);
}

export function mergeStyles(targetXml: string, scratchXml: string): { xml: string; map: StyleMap } {
  if (/<\w+:styleSheet\b/.test(targetXml))
    throw new PackageError("la partie styles.xml utilise un préfixe d'espace de noms non pris en charge");
  let xml = targetXml;
  // Number formats: same code → same id; a new code gets a free id from 164 up.
  const targetFmts = numFmts(xml);
  const byCode = new Map([...targetFmts].map(([id, code]) => [code, id]));
  let nextId = Math.max(163, ...targetFmts.keys()) + 1;
  const fmtMap = new Map<number, number>();
  const addedFmts: string[] = [];
  for (const [id, code] of numFmts(scratchXml)) {
    let to = byCode.get(code);
    if (to === undefined) {
      to = nextId++;
      byCode.set(code, to);
      addedFmts.push(`<numFmt numFmtId="${to}" formatCode="${encodeXml(code)}"/>`);
    }
    fmtMap.set(id, to);
  }
  if (addedFmts.length > 0)
    xml = writeBlock(xml, 'numFmts', 'numFmt', [...block(xml, 'numFmts', 'numFmt').items, ...addedFmts]);

  const parts: Record<string, number[]> = {};
  for (const [name, item, key] of [
    ['fonts', 'font', 'fontId'],
    ['fills', 'fill', 'fillId'],
    ['borders', 'border', 'borderId'],
  ] as const) {
    const items = block(xml, name, item).items;
    const before = items.length;
    parts[key] = mergeItems(items, block(scratchXml, name, item).items);
    if (items.length !== before) xml = writeBlock(xml, name, item, items);
  }
  const xfs = block(xml, 'cellXfs', 'xf').items;
  const xfCount = xfs.length;
  const scratchXfs = block(scratchXml, 'cellXfs', 'xf').items.map((x) =>
    setAttr(remapIds(x, { ...parts, numFmtId: fmtMap }), 'xfId', 0),
  );
  const xfMap = mergeItems(xfs, scratchXfs);
  if (xfs.length !== xfCount) xml = writeBlock(xml, 'cellXfs', 'xf', xfs);

  const dxfs = block(xml, 'dxfs', 'dxf').items;
  const dxfCount = dxfs.length;
  const dxfMap = mergeItems(dxfs, block(scratchXml, 'dxfs', 'dxf').items);
  if (dxfs.length !== dxfCount) xml = writeBlock(xml, 'dxfs', 'dxf', dxfs);
  return { xml, map: { xf: xfMap, dxf: dxfMap } };
}

/** Rewrites the style indexes of a sheet rendered in the scratch workbook to the merged ones. */
export function remapSheetStyles(sheetXml: string, map: StyleMap): string {
  return sheetXml
    .replace(
      /(<(?:c|row)\b[^>]*?\ss=")(\d+)"/g,
      (_m, head: string, s: string) => `${head}${map.xf[Number(s)] ?? 0}"`,
    )
    .replace(
      /(<col\b[^>]*?\sstyle=")(\d+)"/g,
      (_m, head: string, s: string) => `${head}${map.xf[Number(s)] ?? 0}"`,
    )
    .replace(/(\sdxfId=")(\d+)"/g, (_m, head: string, s: string) => `${head}${map.dxf[Number(s)] ?? 0}"`);
}
