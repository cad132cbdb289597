import { PackageError } from './errors';
import type { OpcPackage } from './opc';
import { attributes, relationships, relsPath, resolveTarget, tags, type Relationship } from './xml';

/** The sheets of workbook.xml, resolved to their parts through the workbook's relationships. */

export type SheetKind = 'worksheet' | 'chartsheet' | 'dialogsheet' | 'macrosheet' | 'other';

export interface SheetEntry {
  name: string;
  sheetId: number;
  rId: string;
  /** Part of the sheet ('' when its relationship is missing). */
  path: string;
  kind: SheetKind;
}

export interface WorkbookInfo {
  path: string;
  sheets: SheetEntry[];
  date1904: boolean;
  rels: Relationship[];
}

export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
export const REL_TYPE = {
  worksheet: `${REL_NS}/worksheet`,
  officeDocument: `${REL_NS}/officeDocument`,
  hyperlink: `${REL_NS}/hyperlink`,
};

function kindOf(type: string): SheetKind {
  const t = type.toLowerCase();
  if (t.endsWith('/worksheet')) return 'worksheet';
  if (t.endsWith('/chartsheet')) return 'chartsheet';
  if (t.endsWith('/dialogsheet')) return 'dialogsheet';
  if (t.endsWith('macrosheet')) return 'macrosheet';
  return 'other';
}

/** The workbook part, found from the package relationships (xl/workbook.xml in practice). */
export function workbookPath(pkg: OpcPackage): string {
  const rootRels = pkg.text('_rels/.rels');
  if (rootRels === null) throw new PackageError('la partie _rels/.rels est absente');
  const main = relationships(rootRels).find((r) => r.type.endsWith('/officeDocument'));
  if (!main) throw new PackageError("le classeur principal (workbook.xml) n'est pas déclaré");
  const path = resolveTarget('', main.target);
  if (!pkg.has(path)) throw new PackageError(`la partie ${path} est absente`);
  return path;
}

/** The prefix (with its colon) a workbook.xml uses for the relationships namespace, 'r:' in practice. */
export function relPrefix(xml: string): string {
  const m = new RegExp(`xmlns:([\\w.-]+)="${REL_NS.replace(/\./g, '\\.')}"`).exec(xml);
  return m ? `${m[1]}:` : 'r:';
}

export function readWorkbook(pkg: OpcPackage): WorkbookInfo {
  const path = workbookPath(pkg);
  const xml = pkg.required(path);
  if (!/<([\w.-]+:)?workbook\b/.test(xml)) throw new PackageError(`la partie ${path} n'est pas un classeur`);
  const rels = relationships(pkg.text(relsPath(path)) ?? '');
  const byId = new Map(rels.map((r) => [r.id, r]));
  const rid = `${relPrefix(xml)}id`;
  const sheets = tags(xml, 'sheet').map((tag): SheetEntry => {
    const a = attributes(tag);
    const rel = byId.get(a[rid] ?? '');
    return {
      name: a.name ?? '',
      sheetId: Number(a.sheetId ?? 0),
      rId: a[rid] ?? '',
      path: rel && !rel.external ? resolveTarget(path, rel.target) : '',
      kind: rel ? kindOf(rel.type) : 'other',
    };
  });
  const pr = tags(xml, 'workbookPr')[0];
  const date1904 = pr !== undefined && /^(1|true)$/.test(attributes(pr).date1904 ?? '');
  return { path, sheets, date1904, rels };
}
