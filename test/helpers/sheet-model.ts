import type { CellValue } from '../../core/spec/types';
import { OpcPackage } from '../../xlsx/package/opc';
import { PackageReader } from '../../xlsx/package/reader';
import { scanSheet } from '../../xlsx/package/sheet-scan';
import { attributes, decodeXml, relsPath } from '../../xlsx/package/xml';

/**
 * What a worksheet of an .xlsx means, read from its XML whoever wrote it (exceljs or the package engine):
 * each cell's value, formula and resolved style (font, fill, border, number format, alignment, protection),
 * merges, columns, row heights, validations per cell, conditional formats with their differential style,
 * protection, frozen pane, tab colour, links, page setup and print area. Two writers agree on a sheet when
 * their models are equal, whatever the indexes, attribute order or string storage they chose.
 */
export interface SheetModel {
  cells: Record<string, { value: CellValue; formula: string | null; style: string }>;
  merges: string[];
  columns: Record<number, { width: number; hidden: boolean }>;
  rowHeights: Record<number, number>;
  validations: Record<string, string>;
  conditionalFormats: Array<{ sqref: string; formula: string; priority: string; style: string }>;
  protection: Record<string, string> | null;
  pane: Record<string, string> | null;
  tabColor: string | null;
  fitToPage: boolean;
  pageSetup: Record<string, string>;
  margins: Record<string, string>;
  headerFooter: string;
  rowBreaks: number[];
  links: Record<string, string>;
  printArea: string | null;
  relationships: string[];
}

const EXCELJS_DEFAULT_FONT =
  '<font><color theme="1"/><family val="2"/><scheme val="minor"/><sz val="11"/><name val="Calibri"/></font>';

function items(xml: string, block: string, item: string): string[] {
  const m = new RegExp(`<${block}\\b[^>]*?(?:/>|>([\\s\\S]*?)</${block}>)`).exec(xml);
  return (m?.[1] ?? '').match(new RegExp(`<${item}\\b(?:[^>]*?/>|[\\s\\S]*?</${item}>)`, 'g')) ?? [];
}

function first(xml: string, name: string): string | null {
  return new RegExp(`<${name}\\b[^>]*?(?:/>|>[\\s\\S]*?</${name}>)`).exec(xml)?.[0] ?? null;
}

function attrs(tag: string | null, drop: string[] = []): Record<string, string> {
  if (tag === null) return {};
  const open = /^<[^>]*>/.exec(tag)?.[0] ?? tag;
  const out = attributes(open);
  for (const d of drop) delete out[d];
  return out;
}

/** Every cell's resolved style, by cellXfs index; defaults spelled 'default' whatever their XML. */
function resolvedStyles(stylesXml: string): { xf: string[]; dxf: string[] } {
  const fonts = items(stylesXml, 'fonts', 'font');
  const fills = items(stylesXml, 'fills', 'fill');
  const borders = items(stylesXml, 'borders', 'border');
  const formats = new Map(
    items(stylesXml, 'numFmts', 'numFmt').map((t) => [attrs(t).numFmtId, attrs(t).formatCode]),
  );
  const font = (i: string): string => {
    const f = fonts[Number(i)];
    return f === fonts[0] || f === EXCELJS_DEFAULT_FONT ? 'default' : f;
  };
  const fill = (i: string): string => (Number(i) <= 1 ? 'none' : fills[Number(i)]);
  const border = (i: string): string => (borders[Number(i)] === borders[0] ? 'none' : borders[Number(i)]);
  const xf = items(stylesXml, 'cellXfs', 'xf').map((x) => {
    const a = attrs(x);
    const id = a.numFmtId ?? '0';
    const alignment = first(x, 'alignment') ?? '';
    const protection = first(x, 'protection') ?? '';
    return [
      `font=${font(a.fontId ?? '0')}`,
      `fill=${fill(a.fillId ?? '0')}`,
      `border=${border(a.borderId ?? '0')}`,
      `numFmt=${formats.get(id) ?? id}`,
      `alignment=${alignment}`,
      `protection=${protection}`,
    ].join(' ');
  });
  return { xf, dxf: items(stylesXml, 'dxfs', 'dxf') };
}

function expand(sqref: string): string[] {
  const out: string[] = [];
  for (const range of sqref.split(/\s+/)) {
    const [a, b = a] = range.split(':');
    const pa = /^([A-Z]+)(\d+)$/.exec(a);
    const pb = /^([A-Z]+)(\d+)$/.exec(b);
    if (!pa || !pb) continue;
    const col = (s: string): number => [...s].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
    const letters = (n: number): string =>
      (n > 26 ? letters(Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
    for (let r = Number(pa[2]); r <= Number(pb[2]); r++)
      for (let c = col(pa[1]); c <= col(pb[1]); c++) out.push(`${letters(c)}${r}`);
  }
  return out;
}

export function sheetModel(bytes: Uint8Array, sheetName: string): SheetModel {
  const pkg = OpcPackage.fromBytes(bytes);
  const reader = new PackageReader(pkg);
  const wb = reader.workbook();
  const index = wb.sheets.findIndex((s) => s.name === sheetName);
  const sheet = wb.sheets[index];
  if (!sheet) throw new Error(`no sheet ${sheetName}`);
  const stylesRel = wb.rels.find((r) => r.type.endsWith('/styles'));
  const stylesXml = stylesRel ? (pkg.text(`xl/${stylesRel.target.replace(/^\/?xl\//, '')}`) ?? '') : '';
  const styles = resolvedStyles(stylesXml);
  const xml = pkg.required(sheet.path);

  const cells: SheetModel['cells'] = {};
  scanSheet(xml, {
    cell: (c) => {
      const inner = xml.slice(c.start, c.end);
      const ref = /\sr="([^"]+)"/.exec(inner)?.[1] ?? '';
      const f = /<f>([^<]*)<\/f>/.exec(inner);
      cells[ref] = {
        value: reader.value(c),
        formula: f ? decodeXml(f[1]) : null,
        style: styles.xf[c.style] ?? '?',
      };
    },
  });

  const columns: SheetModel['columns'] = {};
  for (const tag of xml.match(/<col\b[^>]*\/>/g) ?? []) {
    const a = attrs(tag);
    for (let c = Number(a.min); c <= Number(a.max); c++)
      // exceljs wrote a width of 9 as 9.01 (its default is 9): the same column to the eye.
      columns[c] = { width: Math.round(Number(a.width) * 10) / 10, hidden: a.hidden === '1' };
  }
  const rowHeights: Record<number, number> = {};
  for (const tag of xml.match(/<row\b[^>]*>/g) ?? []) {
    const a = attrs(tag);
    if (a.ht !== undefined) rowHeights[Number(a.r)] = Number(a.ht);
  }
  const validations: Record<string, string> = {};
  for (const dv of xml.match(/<dataValidation\b[^>]*>[\s\S]*?<\/dataValidation>/g) ?? []) {
    const a = attrs(dv, ['sqref']);
    const f1 = /<formula1>([^<]*)<\/formula1>/.exec(dv)?.[1] ?? '';
    const f2 = /<formula2>([^<]*)<\/formula2>/.exec(dv)?.[1] ?? '';
    const rule = JSON.stringify({
      ...a,
      operator: a.operator ?? 'between',
      f1: decodeXml(f1),
      f2: decodeXml(f2),
    });
    for (const ref of expand(attrs(dv).sqref ?? '')) validations[ref] = rule;
  }
  const conditionalFormats = (
    xml.match(/<conditionalFormatting\b[\s\S]*?<\/conditionalFormatting>/g) ?? []
  ).map((block) => {
    const rule = attrs(first(block, 'cfRule'));
    return {
      sqref: attrs(block).sqref ?? '',
      formula: decodeXml(/<formula>([^<]*)<\/formula>/.exec(block)?.[1] ?? ''),
      priority: rule.priority ?? '',
      style: `${rule.type} ${styles.dxf[Number(rule.dxfId)] ?? '?'}`,
    };
  });
  const links: Record<string, string> = {};
  for (const tag of xml.match(/<hyperlink\b[^>]*\/>/g) ?? []) {
    const a = attrs(tag);
    links[a.ref ?? ''] = a.location ?? `rel:${a['r:id']}`;
  }
  const area = (pkg.required(wb.path).match(/<definedName\b[^>]*>[^<]*<\/definedName>/g) ?? []).find((t) => {
    const a = attrs(t);
    return a.name === '_xlnm.Print_Area' && a.localSheetId === String(index);
  });
  const pane = first(xml, 'pane');
  return {
    cells,
    merges: (xml.match(/<mergeCell\b[^>]*\/>/g) ?? []).map((t) => attrs(t).ref ?? '').sort(),
    columns,
    rowHeights,
    validations,
    conditionalFormats,
    protection: first(xml, 'sheetProtection') === null ? null : attrs(first(xml, 'sheetProtection')),
    pane: pane === null ? null : attrs(pane),
    tabColor: attrs(first(xml, 'tabColor')).rgb ?? null,
    fitToPage: attrs(first(xml, 'pageSetUpPr')).fitToPage === '1',
    // Printer resolution and a scale of 100 (exceljs wrote them) change nothing on paper.
    pageSetup: attrs(first(xml, 'pageSetup'), ['horizontalDpi', 'verticalDpi', 'scale']),
    margins: attrs(first(xml, 'pageMargins')),
    headerFooter: decodeXml((first(xml, 'headerFooter') ?? '').replace(/<\/?headerFooter>/g, '')),
    rowBreaks: (xml.match(/<brk\b[^>]*\/>/g) ?? []).map((t) => Number(attrs(t).id)).sort((x, y) => x - y),
    links,
    printArea: area === undefined ? null : decodeXml(area.replace(/<[^>]+>/g, '')),
    relationships: (pkg.text(relsPath(sheet.path)) ?? '').match(/<Relationship\b[^>]*\/>/g) ?? [],
  };
}
