import type JSZip from 'jszip';

/**
 * Reading the parts of an .xlsx package (SpreadsheetML) without exceljs: what exceljs does not model
 * (internal links, foreign parts) has to be looked at in the XML itself.
 */

export function decodeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);/g, (_m, e: string) => {
    switch (e) {
      case 'lt':
        return '<';
      case 'gt':
        return '>';
      case 'amp':
        return '&';
      case 'quot':
        return '"';
      case 'apos':
        return "'";
      default:
        return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    }
  });
}

export function encodeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attributes of one XML start tag, decoded. Namespace prefixes are kept ('r:id'). */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([\w:.-]+)\s*=\s*("([^"]*)"|'([^']*)')/g))
    out[m[1]] = decodeXml(m[3] ?? m[4] ?? '');
  return out;
}

/** Every start (or empty) tag with this local name, whatever its namespace prefix. */
export function tags(xml: string, localName: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${localName}(?=[\\s/>])[^>]*>`, 'g');
  return xml.match(re) ?? [];
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export function relationships(relsXml: string): Relationship[] {
  return tags(relsXml, 'Relationship').map((t) => {
    const a = attributes(t);
    return {
      id: a.Id ?? '',
      type: a.Type ?? '',
      target: a.Target ?? '',
      external: a.TargetMode === 'External',
    };
  });
}

/** The rels part of a part: xl/worksheets/sheet1.xml → xl/worksheets/_rels/sheet1.xml.rels. */
export function relsPath(partPath: string): string {
  const slash = partPath.lastIndexOf('/');
  return `${partPath.slice(0, slash + 1)}_rels/${partPath.slice(slash + 1)}.rels`;
}

/** Resolves a relationship target against the folder of the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export interface SheetPart {
  name: string;
  /** 0-based position in the workbook (the `localSheetId` of defined names). */
  index: number;
  /** Path of the worksheet (or chartsheet) part in the zip. */
  path: string;
  kind: 'worksheet' | 'chartsheet' | 'other';
}

export async function readText(zip: JSZip, path: string): Promise<string | null> {
  const file = zip.file(path);
  return file ? file.async('string') : null;
}

export async function sheetParts(zip: JSZip): Promise<SheetPart[]> {
  const workbook = (await readText(zip, 'xl/workbook.xml')) ?? '';
  const rels = relationships((await readText(zip, relsPath('xl/workbook.xml'))) ?? '');
  const byId = new Map(rels.map((r) => [r.id, r]));
  return tags(workbook, 'sheet').map((t, index) => {
    const a = attributes(t);
    const rel = byId.get(a['r:id'] ?? '');
    const type = rel?.type ?? '';
    const kind = type.endsWith('/worksheet')
      ? 'worksheet'
      : type.endsWith('/chartsheet')
        ? 'chartsheet'
        : 'other';
    return { name: a.name ?? '', index, path: rel ? resolveTarget('xl/workbook.xml', rel.target) : '', kind };
  });
}

export async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  // Loaded on demand: reading a workbook (the package engine) never needs jszip.
  const { default: zipLibrary } = await import('jszip');
  return zipLibrary.loadAsync(bytes);
}
