import type JSZip from 'jszip';
import { quoteSheet } from '../core/spec/a1';
import {
  attributes,
  decodeXml,
  encodeXml,
  loadZip,
  readText,
  relationships,
  relsPath,
  sheetParts,
  type SheetPart,
} from './package/xml';

/**
 * Repairs what exceljs writes wrong, on the zip it produced:
 * - internal links (a hyperlink target starting with '#') become `location` links with no relationship
 *   (exceljs writes an External relationship, which Excel and LibreOffice open as a file, issue #3027);
 * - print areas of sheets whose name holds an apostrophe get it doubled (exceljs writes 'O'CONNOR Sean'!…
 *   and then cannot read its own file).
 */
export async function fixPackage(
  bytes: Uint8Array,
  compression: 'DEFLATE' | 'STORE' = 'DEFLATE',
): Promise<Uint8Array> {
  const zip = await loadZip(bytes);
  const sheets = await sheetParts(zip);
  await fixPrintAreas(zip, sheets);
  for (const sheet of sheets) if (sheet.kind === 'worksheet') await fixInternalLinks(zip, sheet.path);
  return zip.generateAsync({ type: 'uint8array', compression });
}

async function fixPrintAreas(zip: JSZip, sheets: SheetPart[]): Promise<void> {
  const xml = await readText(zip, 'xl/workbook.xml');
  if (xml === null) return;
  const fixed = xml.replace(
    /(<definedName\b[^>]*\bname="_xlnm\.Print_Area"[^>]*>)([^<]*)(<\/definedName>)/g,
    (whole, open: string, body: string, close: string) => {
      const id = attributes(open).localSheetId;
      const sheet = id === undefined ? undefined : sheets[Number(id)];
      if (!sheet) return whole;
      // exceljs writes one defined name per area, so the body is one reference: keep what follows the '!'.
      const area = decodeXml(body);
      const ref = absolute(area.slice(area.lastIndexOf('!') + 1));
      return `${open}${encodeXml(`${quoteSheet(sheet.name)}!${ref}`)}${close}`;
    },
  );
  if (fixed !== xml) zip.file('xl/workbook.xml', fixed);
}

/** exceljs writes '$A1:$H40'; Excel writes and expects '$A$1:$H$40'. */
function absolute(ref: string): string {
  return ref.replace(/\$?([A-Za-z]{1,3})\$?(\d+)/g, '$$$1$$$2');
}

async function fixInternalLinks(zip: JSZip, sheetPath: string): Promise<void> {
  const relsFile = relsPath(sheetPath);
  const relsXml = await readText(zip, relsFile);
  if (relsXml === null) return;
  const internal = new Map(
    relationships(relsXml)
      .filter((r) => r.type.endsWith('/hyperlink') && r.target.startsWith('#'))
      .map((r) => [r.id, r.target.slice(1)]),
  );
  if (internal.size === 0) return;
  const keptRels = relsXml.replace(/<Relationship\b[^>]*\/>/g, (tag) =>
    internal.has(attributes(tag).Id ?? '') ? '' : tag,
  );
  zip.file(relsFile, keptRels);
  const sheetXml = (await readText(zip, sheetPath)) ?? '';
  const fixed = sheetXml.replace(/<hyperlink\b[^>]*\/>/g, (tag) => {
    const a = attributes(tag);
    const location = internal.get(a['r:id'] ?? '');
    if (location === undefined) return tag;
    const tooltip = a.tooltip !== undefined ? ` tooltip="${encodeXml(a.tooltip)}"` : '';
    return `<hyperlink ref="${encodeXml(a.ref ?? '')}" location="${encodeXml(location)}"${tooltip}/>`;
  });
  zip.file(sheetPath, fixed);
}
