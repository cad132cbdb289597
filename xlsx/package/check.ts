import { contentTypes, CONTENT_TYPES } from './content-types';
import { PackageError } from './errors';
import { OpcPackage } from './opc';
import { readWorkbook } from './workbook-xml';
import { resolveTarget } from './xml';

/**
 * What must hold for a written workbook to open: the zip reads back, every part we wrote has a content type, the
 * workbook's sheets, styles and shared strings exist, it has at least one sheet, sheet names are unique, and
 * the XML parts we wrote (`written`, by name) have balanced tags. Throws a PackageError otherwise.
 */
export function checkPackage(bytes: Uint8Array, written: Map<string, string> = new Map()): void {
  for (const [name, text] of written)
    if (/\.(xml|rels)$/i.test(name) && !balanced(text))
      throw new PackageError(`la partie ${name} écrite n'est pas un XML bien formé`);
  const pkg = OpcPackage.fromBytes(bytes);
  const typeOf = contentTypes(pkg.required(CONTENT_TYPES));
  // Parts we wrote need a content type; a stray part of the original (a tool's leftover) is left as it came.
  for (const name of written.keys())
    if (name !== CONTENT_TYPES && typeOf(name) === undefined)
      throw new PackageError(`la partie ${name} n'a pas de type de contenu`);
  const wb = readWorkbook(pkg);
  // Parts a workbook cannot open without (a dangling link to a theme, say, is tolerated as it came).
  const vital = /\/(worksheet|chartsheet|styles|sharedStrings)$/i;
  for (const rel of wb.rels)
    if (!rel.external && vital.test(rel.type) && !pkg.has(resolveTarget(wb.path, rel.target)))
      throw new PackageError(`la partie ${resolveTarget(wb.path, rel.target)} est annoncée mais absente`);
  if (wb.sheets.length === 0) throw new PackageError('le classeur ne contient aucune feuille');
  const seen = new Set<string>();
  for (const s of wb.sheets) {
    const key = s.name.toLocaleLowerCase('fr');
    if (seen.has(key)) throw new PackageError(`deux feuilles portent le nom « ${s.name} »`);
    seen.add(key);
    if (s.path === '' || !pkg.has(s.path))
      throw new PackageError(`la feuille « ${s.name} » n'a pas de partie`);
  }
}

/** Every start tag closed in order (a cheap well-formedness check of what we wrote). */
export function balanced(xml: string): boolean {
  const stack: string[] = [];
  for (let lt = xml.indexOf('<'); lt >= 0; lt = xml.indexOf('<', lt + 1)) {
    const next = xml.charCodeAt(lt + 1);
    if (next === 63 || next === 33) continue; // <? and <!
    const gt = xml.indexOf('>', lt);
    if (gt < 0) return false;
    const closing = next === 47;
    const start = closing ? lt + 2 : lt + 1;
    let end = start;
    // Character codes, not a one-character string per character: the statistics workbook is checked once
    // per command, before the engine has compiled this loop.
    while (end < gt && !endsName(xml.charCodeAt(end))) end++;
    const name = xml.slice(start, end);
    if (closing) {
      if (stack.pop() !== name) return false;
    } else if (xml.charCodeAt(gt - 1) !== 47) stack.push(name);
    lt = gt;
  }
  return stack.length === 0;
}

/** Space, tab, CR, LF or « / »: the end of a tag's name. */
function endsName(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 47;
}
