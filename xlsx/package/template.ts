import type { SheetSpec } from '../../core/spec/types';
import { OpcPackage } from './opc';
import { PackageReader } from './reader';
import { scanSheet } from './sheet-scan';
import { cellXml } from './cell-xml';
import { readWorkbook } from './workbook-xml';
import { relationships, relsPath, resolveTarget } from './xml';

/**
 * One sheet spec rendered by exceljs into a scratch workbook, taken apart: its sheet XML (strings made
 * inline, the workbook's shared strings are not touched), the scratch styles.xml, and the scratch style
 * index of every named style of the spec (a palette sheet holds one cell per style), so that per-candidate
 * cells can be styled without exceljs.
 */
export interface RenderedSheet {
  xml: string;
  stylesXml: string;
  palette: Map<string, number>;
}

const PALETTE = 'palette';

export async function renderTemplate(spec: SheetSpec): Promise<RenderedSheet> {
  // exceljs is loaded only when a sheet has to be rendered (the browser reads files without it).
  const [{ Workbook }, { renderSheet }, { workbookBytes }, { toExcelStyle }] = await Promise.all([
    import('exceljs'),
    import('../render-sheet'),
    import('../render'),
    import('../style'),
  ]);
  const wb = new Workbook();
  await renderSheet(wb, spec);
  const names = Object.keys(spec.styles);
  const palette = wb.addWorksheet(PALETTE);
  names.forEach((name, i) => {
    palette.getCell(i + 1, 1).style = toExcelStyle(spec.styles[name]);
  });
  const pkg = OpcPackage.fromBytes(await workbookBytes(wb, 'STORE'));
  const info = readWorkbook(pkg);
  const [sheet, pal] = info.sheets;
  const stylesRel = info.rels.find((r) => r.type.endsWith('/styles'));
  const stylesXml = stylesRel ? (pkg.text(resolveTarget(info.path, stylesRel.target)) ?? '') : '';
  const styleOf = new Map<number, number>();
  scanSheet(pkg.required(pal.path), { cell: (c) => styleOf.set(c.row, c.style) });
  const map = new Map(names.map((name, i) => [name, styleOf.get(i + 1) ?? 0]));
  const leftovers = relationships(pkg.text(relsPath(sheet.path)) ?? '');
  if (leftovers.length > 0)
    throw new Error(
      `Rendu de l'onglet « ${spec.name} » : des parties liées inattendues (${leftovers.map((r) => r.type).join(', ')}).`,
    );
  return { xml: inlineStrings(pkg, pkg.required(sheet.path)), stylesXml, palette: map };
}

/** Shared-string cells become inline strings; the sheet stops being selected (no grouped tabs). */
function inlineStrings(pkg: OpcPackage, xml: string): string {
  const reader = new PackageReader(pkg);
  const edits: Array<{ start: number; end: number; text: string }> = [];
  scanSheet(xml, {
    cell: (c) => {
      if (c.type !== 's') return;
      const text = reader.value(c);
      const inner = xml.slice(c.start, c.end);
      const ref = /\sr="([^"]+)"/.exec(inner)?.[1] ?? '';
      edits.push({ start: c.start, end: c.end, text: cellXml(ref, { value: text ?? '' }, c.style, false) });
    },
  });
  let out = '';
  let pos = 0;
  for (const e of edits) {
    out += xml.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  out += xml.slice(pos);
  return out.replace(/\stabSelected="(1|true)"/g, '');
}
