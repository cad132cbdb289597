import { quoteSheet } from '../../core/spec/a1';
import type { WorkbookSpec } from '../../core/spec/types';
import { OWN_WORKBOOK_NAME } from '../own-names';
import { blankPackage } from './blank';
import { addOverrides, CONTENT_TYPES, overrideTag } from './content-types';
import type { OpcPackage } from './opc';
import { PackageReader } from './reader';
import { addDefinedNames, addRelationships, relationshipTag } from './workbook-edit';
import { workbookPath } from './workbook-xml';
import { applyPlan } from './writer';
import { encodeXml } from './xml';

/**
 * A brand-new workbook from a spec, built as a package (no exceljs): a blank package, each sheet rendered
 * and added as the writer adds the add-in's own tabs (styles merged, print areas as defined names), the
 * marker name of a workbook Grilles E4 wrote, and the document properties (title, author).
 */

const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CORE_REL = `${PKG_REL}/metadata/core-properties`;
const APP_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties';
const CORE_TYPE = 'application/vnd.openxmlformats-package.core-properties+xml';
const APP_TYPE = 'application/vnd.openxmlformats-officedocument.extended-properties+xml';
const AUTHOR = 'Grilles E4';

function docProps(pkg: OpcPackage, title: string, now: Date): void {
  const stamp = `${now.toISOString().slice(0, 19)}Z`;
  pkg.setText(
    'docProps/core.xml',
    `${HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${encodeXml(title)}</dc:title><dc:creator>${AUTHOR}</dc:creator><cp:lastModifiedBy>${AUTHOR}</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">${stamp}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${stamp}</dcterms:modified></cp:coreProperties>`,
  );
  pkg.setText(
    'docProps/app.xml',
    `${HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>${AUTHOR}</Application></Properties>`,
  );
  pkg.setText(
    '_rels/.rels',
    addRelationships(pkg.required('_rels/.rels'), [
      relationshipTag({ id: 'rId2', type: CORE_REL, target: 'docProps/core.xml' }),
      relationshipTag({ id: 'rId3', type: APP_REL, target: 'docProps/app.xml' }),
    ]),
  );
  pkg.setText(
    CONTENT_TYPES,
    addOverrides(pkg.required(CONTENT_TYPES), [
      overrideTag('docProps/core.xml', CORE_TYPE),
      overrideTag('docProps/app.xml', APP_TYPE),
    ]),
  );
}

/** The workbook as a package, not yet serialised (charts may still be added to it). */
export async function renderWorkbookPackage(spec: WorkbookSpec, now = new Date()): Promise<OpcPackage> {
  const pkg = blankPackage();
  await applyPlan(pkg, new PackageReader(pkg), {
    templates: {},
    add: [],
    updates: [],
    replace: spec.sheets.map((sheet) => ({ spec: sheet, position: 'last' as const })),
  });
  const first = spec.sheets[0]?.name;
  if (first !== undefined) {
    const path = workbookPath(pkg);
    const name = `<definedName name="${OWN_WORKBOOK_NAME}">${encodeXml(`${quoteSheet(first)}!$A$1`)}</definedName>`;
    pkg.setText(path, addDefinedNames(pkg.required(path), [name]));
  }
  docProps(pkg, spec.title, now);
  return pkg;
}
