import { contentTypeOf, CONTENT_TYPES } from './content-types';
import { PackageError } from './errors';
import { OpcPackage } from './opc';
import { readWorkbook } from './workbook-xml';
import { resolveTarget } from './xml';

/**
 * What must hold for a written workbook to open: the zip reads back, every part has a content type, the
 * workbook's sheets, styles and shared strings exist, it has at least one sheet, sheet names are unique, and
 * the XML parts we wrote (`written`) have balanced tags. Throws a PackageError otherwise.
 */
export function checkPackage(bytes: Uint8Array, written: string[] = []): void {
  const pkg = OpcPackage.fromBytes(bytes);
  for (const name of written)
    if (/\.(xml|rels)$/i.test(name) && !balanced(pkg.text(name) ?? ''))
      throw new PackageError(`la partie ${name} écrite n’est pas un XML bien formé`);
  const types = pkg.required(CONTENT_TYPES);
  for (const name of pkg.names())
    if (name !== CONTENT_TYPES && contentTypeOf(types, name) === undefined)
      throw new PackageError(`la partie ${name} n’a pas de type de contenu`);
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
      throw new PackageError(`la feuille « ${s.name} » n’a pas de partie`);
  }
}

/** Every start tag closed in order (a cheap well-formedness check of what we wrote). */
export function balanced(xml: string): boolean {
  const stack: string[] = [];
  const re = /<(\/?)([A-Za-z_][\w:.-]*)[^>]*?(\/?)>/g;
  for (let m = re.exec(xml); m !== null; m = re.exec(xml)) {
    if (m[3] === '/') continue;
    if (m[1] === '') stack.push(m[2]);
    else if (stack.pop() !== m[2]) return false;
  }
  return stack.length === 0;
}
