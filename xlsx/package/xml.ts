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

/** A character of an attribute or element name as these helpers read them ([\w:.-]). */
function isNameChar(code: number): boolean {
  return (
    (code >= 97 && code <= 122) ||
    (code >= 65 && code <= 90) ||
    (code >= 48 && code <= 58) ||
    code === 95 ||
    code === 46 ||
    code === 45
  );
}

/** XML white space: space, tab, CR, LF. */
function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** `name="value"` or `name='value'`, XML white space allowed around '='. */
const ATTRIBUTE = /([\w:.-]+)[ \t\r\n]*=[ \t\r\n]*(?:"([^"]*)"|'([^']*)')/g;

/**
 * Attributes of one XML start tag, decoded. Namespace prefixes are kept ('r:id'). Found by a regular
 * expression, which runs at full speed from the first tag: workbook.xml and its relationships hold a tag
 * per sheet (1500 for a big class), read once per command, before a walk in JavaScript would be compiled.
 */
export function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  ATTRIBUTE.lastIndex = 0;
  for (let m = ATTRIBUTE.exec(tag); m !== null; m = ATTRIBUTE.exec(tag)) out[m[1]] = decodeXml(m[2] ?? m[3]);
  return out;
}

/** Every start (or empty) tag with this local name, whatever its namespace prefix. */
export function tags(xml: string, localName: string): string[] {
  const out: string[] = [];
  const after = localName.length;
  for (let at = xml.indexOf(localName); at > 0; at = xml.indexOf(localName, at + 1)) {
    const next = xml.charCodeAt(at + after);
    // Followed by a space, '/' or '>'; preceded by '<', or by 'prefix:' after '<'.
    if (!(next === 47 || next === 62 || isSpace(next))) continue;
    let lt = at - 1;
    if (xml.charCodeAt(lt) === 58) {
      lt--;
      while (lt >= 0 && isNameChar(xml.charCodeAt(lt)) && xml.charCodeAt(lt) !== 58) lt--;
      if (lt === at - 2) continue;
    }
    if (lt < 0 || xml.charCodeAt(lt) !== 60) continue;
    const gt = xml.indexOf('>', at);
    if (gt < 0) break;
    out.push(xml.slice(lt, gt + 1));
  }
  return out;
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
  // The usual target ('worksheets/sheet1.xml') has no '.', '..' or empty segment to resolve.
  if (target !== '' && !target.startsWith('.') && target.indexOf('/.') < 0 && target.indexOf('//') < 0) {
    const dir = fromPart.slice(0, fromPart.lastIndexOf('/') + 1);
    return `${dir}${target.endsWith('/') ? target.slice(0, -1) : target}`;
  }
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
