import { contentTypeOf, CONTENT_TYPES } from './content-types';
import { PackageError } from './errors';
import { OpcPackage } from './opc';
import { readWorkbook } from './workbook-xml';
import { relationships, relsPath, resolveTarget } from './xml';

/**
 * What must hold for a written workbook to open: the zip reads back, every part has a content type, the
 * workbook's relationships lead to parts that exist, it has at least one visible sheet, sheet names are
 * unique, and the parts we rewrote are well-formed enough to be scanned. Throws a PackageError otherwise.
 */
export function checkPackage(bytes: Uint8Array): void {
  const pkg = OpcPackage.fromBytes(bytes);
  const types = pkg.required(CONTENT_TYPES);
  for (const name of pkg.names())
    if (name !== CONTENT_TYPES && contentTypeOf(types, name) === undefined)
      throw new PackageError(`la partie ${name} n’a pas de type de contenu`);
  const wb = readWorkbook(pkg);
  for (const rel of wb.rels)
    if (!rel.external && !pkg.has(resolveTarget(wb.path, rel.target)))
      throw new PackageError(`la partie ${resolveTarget(wb.path, rel.target)} est annoncée mais absente`);
  if (wb.sheets.length === 0) throw new PackageError('le classeur ne contient aucune feuille');
  const seen = new Set<string>();
  for (const s of wb.sheets) {
    const key = s.name.toLocaleLowerCase('fr');
    if (seen.has(key)) throw new PackageError(`deux feuilles portent le nom « ${s.name} »`);
    seen.add(key);
    if (s.path === '' || !pkg.has(s.path))
      throw new PackageError(`la feuille « ${s.name} » n’a pas de partie`);
    for (const rel of relationships(pkg.text(relsPath(s.path)) ?? ''))
      if (!rel.external && !rel.target.startsWith('#') && !pkg.has(resolveTarget(s.path, rel.target)))
        throw new PackageError(`la feuille « ${s.name} » renvoie à une partie absente`);
  }
}
