import { quoteSheet } from '../../core/spec/a1';
import { PackageError } from './errors';
import { relPrefix } from './workbook-xml';
import { attributes, decodeXml, encodeXml } from './xml';

/** Edits of workbook.xml, its relationships and docProps/app.xml when sheets are added. */

function checkUnprefixed(xml: string): void {
  if (/<\w+:workbook\b/.test(xml))
    throw new PackageError("la partie workbook.xml utilise un préfixe d'espace de noms non pris en charge");
}

export function sheetTag(xml: string, sheet: { name: string; sheetId: number; rId: string }): string {
  return `<sheet name="${encodeXml(sheet.name)}" sheetId="${sheet.sheetId}" ${relPrefix(xml)}id="${sheet.rId}"/>`;
}

/** Appends <sheet> tags at the end of <sheets>. */
export function appendSheets(xml: string, tags: string[]): string {
  checkUnprefixed(xml);
  const close = xml.indexOf('</sheets>');
  if (close < 0) return xml.replace(/<sheets\s*\/>/, `<sheets>${tags.join('')}</sheets>`);
  return xml.slice(0, close) + tags.join('') + xml.slice(close);
}

/** Adds a <sheet> first or last; a sheet added first shifts every sheet-local defined name and the active tab. */
export function insertSheet(
  xml: string,
  sheet: { name: string; sheetId: number; rId: string },
  position: 'first' | 'last',
): string {
  checkUnprefixed(xml);
  const tag = sheetTag(xml, sheet);
  if (position === 'last') return appendSheets(xml, [tag]);
  const open = /<sheets\b[^>]*?(\/?)>/.exec(xml);
  if (!open) throw new PackageError('la liste des feuilles de workbook.xml est absente');
  const at = open.index + open[0].length;
  const inserted =
    open[1] === '/'
      ? `${xml.slice(0, open.index)}<sheets>${tag}</sheets>${xml.slice(at)}`
      : xml.slice(0, at) + tag + xml.slice(at);
  return inserted
    .replace(
      /(<definedName\b[^>]*?\slocalSheetId=")(\d+)"/g,
      (_m, h: string, n: string) => `${h}${Number(n) + 1}"`,
    )
    .replace(
      /(<workbookView\b[^>]*?\sactiveTab=")(\d+)"/g,
      (_m, h: string, n: string) => `${h}${Number(n) + 1}"`,
    );
}

/** '$A1:$H70' or 'A1:H70' → '$A$1:$H$70'. */
function absolute(ref: string): string {
  return ref.replace(/\$?([A-Za-z]{1,3})\$?(\d+)/g, '$$$1$$$2');
}

export function printAreaTag(index: number, sheetName: string, area: string): string {
  const bare = area.replace(/^.*!/, '');
  return `<definedName name="_xlnm.Print_Area" localSheetId="${index}">${encodeXml(`${quoteSheet(sheetName)}!${absolute(bare)}`)}</definedName>`;
}

/** Adds defined names, creating <definedNames> where the schema puts it (after sheets and external references). */
export function addDefinedNames(xml: string, entries: string[]): string {
  const text = entries.join('');
  const close = xml.indexOf('</definedNames>');
  if (close >= 0) return xml.slice(0, close) + text + xml.slice(close);
  const after = /<\/externalReferences>|<externalReferences\s*\/>|<\/sheets>/g;
  let at = -1;
  for (let m = after.exec(xml); m !== null; m = after.exec(xml)) at = Math.max(at, m.index + m[0].length);
  if (at < 0) throw new PackageError('la liste des feuilles de workbook.xml est absente');
  return `${xml.slice(0, at)}<definedNames>${text}</definedNames>${xml.slice(at)}`;
}

/** Sets (or removes, with `area` undefined) the print area of the sheet at `index`. */
export function setPrintArea(
  xml: string,
  index: number,
  sheetName: string,
  area: string | undefined,
): string {
  const isOurs = (tag: string): boolean => {
    const a = attributes(tag);
    return a.name === '_xlnm.Print_Area' && a.localSheetId === String(index);
  };
  const out = xml.replace(/<definedName\b[^>]*>[^<]*<\/definedName>/g, (whole) =>
    isOurs(whole) ? '' : whole,
  );
  if (area === undefined) return out.replace(/<definedNames>\s*<\/definedNames>/, '');
  return addDefinedNames(out, [printAreaTag(index, sheetName, area)]);
}

export function relationshipTag(rel: { id: string; type: string; target: string }): string {
  return `<Relationship Id="${rel.id}" Type="${rel.type}" Target="${encodeXml(rel.target)}"/>`;
}

export function addRelationships(relsXml: string | null, tags: string[]): string {
  const base =
    relsXml ??
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
  const close = base.lastIndexOf('</Relationships>');
  if (close < 0)
    return base.replace(
      /<Relationships\b([^>]*?)\s*\/>/,
      `<Relationships$1>${tags.join('')}</Relationships>`,
    );
  return base.slice(0, close) + tags.join('') + base.slice(close);
}

export function removeRelationship(relsXml: string, id: string): string {
  return relsXml.replace(/<Relationship\b[^>]*\/>/g, (tag) => (attributes(tag).Id === id ? '' : tag));
}

/**
 * docProps/app.xml lists the worksheet names (TitlesOfParts) under a heading count (HeadingPairs). When the
 * first heading counts exactly the old worksheet names, they are replaced by the new list; otherwise the
 * part (informative only) is left as it is.
 */
export function updateAppXml(xml: string, before: string[], after: string[]): string {
  const pairs = /<(\w+:)?HeadingPairs>[\s\S]*?<\/(\w+:)?HeadingPairs>/.exec(xml);
  const titles = /<(\w+:)?TitlesOfParts>[\s\S]*?<\/(\w+:)?TitlesOfParts>/.exec(xml);
  if (!pairs || !titles) return xml;
  const count = /<(\w+:)?i4>(\d+)<\/(\w+:)?i4>/.exec(pairs[0]);
  if (!count || Number(count[2]) !== before.length) return xml;
  const p = /<(\w+:)?lpstr>/.exec(titles[0])?.[1] ?? 'vt:';
  const items = [...titles[0].matchAll(/<(?:\w+:)?lpstr>([^<]*)<\/(?:\w+:)?lpstr>/g)].map((m) => m[0]);
  const names = items.slice(0, before.length).map((t) => t.replace(/<[^>]+>/g, ''));
  if (names.map(decodeXml).join('\u0000') !== before.join('\u0000')) return xml;
  const rest = items.slice(before.length);
  const all = [...after.map((n) => `<${p}lpstr>${encodeXml(n)}</${p}lpstr>`), ...rest];
  const newPairs = pairs[0].replace(count[0], count[0].replace(`>${count[2]}<`, `>${after.length}<`));
  const newTitles = titles[0]
    .replace(/(<(?:\w+:)?vector\b[^>]*?\ssize=")(\d+)"/, (_m, h: string) => `${h}${all.length}"`)
    .replace(
      /(<(?:\w+:)?vector\b[^>]*>)[\s\S]*(<\/(?:\w+:)?vector>)/,
      (_m, open: string, close: string) => `${open}${all.join('')}${close}`,
    );
  return xml.replace(pairs[0], newPairs).replace(titles[0], newTitles);
}

/**
 * workbook.xml made to print only the named sheets: every other sheet hidden and without print area, the
 * first kept sheet made active (LibreOffice prints a hidden active sheet).
 */
export function printOnlyXml(xml: string, keep: Set<string>): string {
  checkUnprefixed(xml);
  const hidden = new Set<number>();
  let index = -1;
  let first = -1;
  let out = xml.replace(/<sheet\b[^>]*?\/>/g, (tag) => {
    index++;
    const bare = tag.replace(/\sstate="[^"]*"/, '');
    if (keep.has(attributes(tag).name ?? '')) {
      if (first < 0) first = index;
      return bare;
    }
    hidden.add(index);
    return bare.replace(/^<sheet\b/, '<sheet state="hidden"');
  });
  out = out.replace(/<definedName\b[^>]*>[^<]*<\/definedName>/g, (whole) => {
    const a = attributes(whole);
    return a.name === '_xlnm.Print_Area' && hidden.has(Number(a.localSheetId)) ? '' : whole;
  });
  if (first < 0) return out;
  const view = `activeTab="${first}" firstSheet="${first}"`;
  if (/<workbookView\b/.test(out))
    return out.replace(/<workbookView\b[^>]*?(\/?)>/, (tag) =>
      tag
        .replace(/\s(activeTab|firstSheet)="[^"]*"/g, '')
        .replace(/^<workbookView\b/, `<workbookView ${view}`),
    );
  return out.replace(/<sheets\b/, `<bookViews><workbookView ${view}/></bookViews><sheets`);
}
