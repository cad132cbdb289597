import type { TabRename } from '../../core/port';
import type { OpcPackage } from './opc';
import type { PackageReader } from './reader';
import { renameInFormula, renameSheetInWorkbookXml } from './rename-sheet';
import { updateAppXml } from './workbook-edit';
import { decodeXml, encodeXml } from './xml';

const APP_XML = 'docProps/app.xml';
const FORMULA = /(<(?:[\w.-]+:)?f\b[^>]*>)([^<]*)(<\/(?:[\w.-]+:)?f>)/g;

/**
 * Renames tabs in the package as Excel would: the `<sheet name>`, the defined names (print area, titles,
 * a teacher's own names), the list of titles in docProps/app.xml and every cell formula of any worksheet
 * that points into the tab. Each rename is checked before any is made, so a refused name changes nothing.
 * A worksheet part is rewritten only when one of its formulas names a renamed tab.
 */
export function applyRenames(pkg: OpcPackage, reader: PackageReader, renames: TabRename[]): void {
  if (renames.length === 0) return;
  for (const { from, to } of renames) {
    const sheet = reader.findSheet(from);
    if (!sheet)
      throw new Error(`L'onglet « ${from} » est introuvable : impossible de le renommer « ${to} ».`);
    const other = reader.findSheet(to);
    if (other && other.path !== sheet.path)
      throw new Error(`Un onglet « ${to} » existe déjà : l'onglet « ${from} » ne peut pas prendre ce nom.`);
  }
  const before = reader.worksheets().map((s) => s.name);
  const workbookPath = reader.workbook().path;
  let workbookXml = pkg.required(workbookPath);
  for (const { from, to } of renames) workbookXml = renameSheetInWorkbookXml(workbookXml, from, to);
  pkg.setText(workbookPath, workbookXml);
  renameInFormulas(pkg, reader, renames);

  const renamed = new Map(renames.map((r) => [r.from.toLowerCase(), r.to]));
  const after = before.map((name) => renamed.get(name.toLowerCase()) ?? name);
  const app = pkg.text(APP_XML);
  if (app !== null) {
    const updated = updateAppXml(app, before, after);
    if (updated !== app) pkg.setText(APP_XML, updated);
  }
  reader.invalidate();
}

function renameInFormulas(pkg: OpcPackage, reader: PackageReader, renames: TabRename[]): void {
  const keys = renames.map((r) => ({ key: r.from.toLowerCase(), to: r.to }));
  for (const sheet of reader.worksheets()) {
    // Renames are rare (a corrected N° candidat on a homonym's tab): every part is looked at, and only a
    // part with a formula naming a renamed tab is rewritten.
    const xml = pkg.required(sheet.path);
    const updated = xml.replace(FORMULA, (whole, open: string, text: string, close: string) => {
      const formula = decodeXml(text);
      const renamed = keys.reduce((f, { key, to }) => renameInFormula(f, key, to), formula);
      return renamed === formula ? whole : `${open}${encodeXml(renamed)}${close}`;
    });
    if (updated !== xml) pkg.setText(sheet.path, updated);
  }
}
