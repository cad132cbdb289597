import { applyRenames } from './renames';
import type { ApplyPlan, ApplyResult, NewSheet, ProgressFn } from '../../core/port';
import { parseRange, sheetRef } from '../../core/spec/a1';
import type { CellSpec, SheetSpec } from '../../core/spec/types';
import { estimatedRowHeights } from '../../core/spec/text-height';
import { plainSheetXml } from './blank';
import {
  cellXml,
  indexSheet,
  patchSheet,
  refOf,
  type CellEdit,
  type RowHeight,
  type SheetIndex,
} from './cell-xml';
import { addOverrides, CONTENT_TYPES, overrideTag, removeOverride, WORKSHEET_TYPE } from './content-types';
import type { OpcPackage } from './opc';
import type { PackageReader } from './reader';
import { mergeStyles, remapSheetStyles, type StyleMap } from './styles-merge';
import { renderTemplate } from './template';
import {
  addDefinedNames,
  addRelationships,
  appendSheets,
  insertSheet,
  printAreaTag,
  relationshipTag,
  removeRelationship,
  setPrintArea,
  sheetTag,
  updateAppXml,
} from './workbook-edit';
import { REL_TYPE, type SheetEntry } from './workbook-xml';
import { encodeXml, relsPath, resolveTarget } from './xml';
import { worksheetInsertionPoint } from './worksheet-order';

/**
 * Applies an ApplyPlan to the package as part edits: identity updates patch cells of existing sheets, new
 * tabs become new sheet parts (their template rendered once, then per-candidate cells spliced in), the
 * add-in's own tabs get their part rewritten. workbook.xml, its relationships, [Content_Types].xml,
 * styles.xml and docProps/app.xml are updated; no other part is touched.
 */

const STYLES_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml';
const STYLES_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles';

interface Rendered {
  xml: string;
  /** Where its cells are, found once and only for a template that candidate tabs are patched from. */
  index: () => SheetIndex;
  styleOf: Map<string, number>;
  heights: Record<number, number>;
}

class WorkbookEdit {
  readonly wbPath: string;
  private readonly folder: string;
  wbXml: string;
  relsXml: string;
  types: string;
  stylesPath: string;
  stylesXml: string | null;
  /** Every sheet of workbook.xml (worksheets, chart sheets…), in tab order. */
  readonly sheets: Array<{ name: string; sheetId: number; kind: string }>;
  private readonly worksheetsBefore: string[];
  private nextSheetId: number;
  private nextPart = 1;
  private nextRel = 1;
  private readonly usedRelIds: Set<string>;
  private readonly names: Set<string>;
  /** Sheets appended last, written into workbook.xml, its rels and the content types at commit (one pass). */
  private readonly appended: Array<{ tag: string; name: string; printArea?: string }> = [];
  private readonly newRels: string[] = [];
  private readonly newTypes: string[] = [];
  readonly replacedSheetIds = new Set<number>();
  dropCalcChain = false;

  constructor(
    private readonly pkg: OpcPackage,
    reader: PackageReader,
  ) {
    const wb = reader.workbook();
    this.wbPath = wb.path;
    this.folder = wb.path.slice(0, wb.path.lastIndexOf('/') + 1);
    this.wbXml = pkg.required(wb.path);
    this.relsXml = pkg.text(relsPath(wb.path)) ?? '';
    this.types = pkg.required(CONTENT_TYPES);
    this.sheets = wb.sheets.map((s) => ({ name: s.name, sheetId: s.sheetId, kind: s.kind }));
    this.worksheetsBefore = wb.sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
    this.nextSheetId = Math.max(0, ...wb.sheets.map((s) => s.sheetId)) + 1;
    this.usedRelIds = new Set([...this.relsXml.matchAll(/\sId="([^"]*)"/g)].map((m) => m[1]));
    this.names = new Set(wb.sheets.map((s) => s.name.toLocaleLowerCase('fr')));
    const stylesRel = wb.rels.find((r) => r.type.toLowerCase().endsWith('/styles'));
    this.stylesPath = stylesRel ? resolveTarget(wb.path, stylesRel.target) : `${this.folder}styles.xml`;
    this.stylesXml = pkg.text(this.stylesPath);
  }

  /** Merges a rendered sheet's styles into styles.xml (created from the scratch one when missing). */
  mergeStyles(scratch: string): StyleMap {
    if (this.stylesXml === null) {
      this.stylesXml = scratch;
      this.newRels.push(
        relationshipTag({ id: this.freeRelId(), type: STYLES_REL, target: this.relative(this.stylesPath) }),
      );
      this.newTypes.push(overrideTag(this.stylesPath, STYLES_TYPE));
      // The scratch styles become the workbook's: every index maps to itself.
      const count = (re: RegExp): number[] => [...Array((scratch.match(re) ?? []).length).keys()];
      return { xf: count(/<xf\b/g), dxf: count(/<dxf\b/g) };
    }
    const { xml, map } = mergeStyles(this.stylesXml, scratch);
    this.stylesXml = xml;
    return map;
  }

  private relative(path: string): string {
    return path.startsWith(this.folder) ? path.slice(this.folder.length) : `/${path}`;
  }

  private freeRelId(): string {
    while (this.usedRelIds.has(`rId${this.nextRel}`)) this.nextRel++;
    const id = `rId${this.nextRel++}`;
    this.usedRelIds.add(id);
    return id;
  }

  private freePart(): string {
    for (;;) {
      const path = `${this.folder}worksheets/sheet${this.nextPart++}.xml`;
      if (!this.pkg.has(path)) return path;
    }
  }

  nameTaken(name: string): boolean {
    return this.names.has(name.toLocaleLowerCase('fr'));
  }

  addSheet(name: string, xml: string, position: 'first' | 'last', printArea: string | undefined): void {
    const path = this.freePart();
    this.pkg.setText(path, xml);
    const rId = this.freeRelId();
    this.newRels.push(relationshipTag({ id: rId, type: REL_TYPE.worksheet, target: this.relative(path) }));
    this.newTypes.push(overrideTag(path, WORKSHEET_TYPE));
    const sheetId = this.nextSheetId++;
    this.names.add(name.toLocaleLowerCase('fr'));
    const entry = { name, sheetId, kind: 'worksheet' };
    if (position === 'last') {
      this.sheets.push(entry);
      this.appended.push({ tag: sheetTag(this.wbXml, { name, sheetId, rId }), name, printArea });
      return;
    }
    // Added first: written at once, since it shifts the sheet-local names already in workbook.xml.
    this.wbXml = insertSheet(this.wbXml, { name, sheetId, rId }, 'first');
    this.sheets.unshift(entry);
    if (printArea !== undefined) this.wbXml = setPrintArea(this.wbXml, 0, name, printArea);
  }

  /** Appended sheets, their relationships, content types and print areas, each part edited once. */
  private writeAppended(): void {
    if (this.newRels.length > 0) this.relsXml = addRelationships(this.relsXml || null, this.newRels);
    if (this.newTypes.length > 0) this.types = addOverrides(this.types, this.newTypes);
    if (this.appended.length === 0) return;
    this.wbXml = appendSheets(
      this.wbXml,
      this.appended.map((a) => a.tag),
    );
    const index = new Map(this.sheets.map((s, i) => [s.name, i]));
    const areas = this.appended.flatMap((a) =>
      a.printArea === undefined ? [] : [printAreaTag(index.get(a.name) ?? 0, a.name, a.printArea)],
    );
    if (areas.length > 0) this.wbXml = addDefinedNames(this.wbXml, areas);
  }

  replaceSheet(sheet: SheetEntry, xml: string, printArea: string | undefined): void {
    this.pkg.setText(sheet.path, xml);
    // Our tab's old relationships (a comment or drawing someone added to it) no longer apply.
    this.pkg.remove(relsPath(sheet.path));
    this.replacedSheetIds.add(sheet.sheetId);
    const index = this.sheets.findIndex((s) => s.sheetId === sheet.sheetId);
    this.wbXml = setPrintArea(this.wbXml, index, sheet.name, printArea);
  }

  /** The calculation chain lists formula cells; one that names a rewritten cell must go (Excel rebuilds it). */
  private calcChain(): void {
    const rel = /<Relationship\b[^>]*calcChain[^>]*\/>/.exec(this.relsXml);
    if (!rel) return;
    const id = /\sId="([^"]*)"/.exec(rel[0])?.[1] ?? '';
    const target = /\sTarget="([^"]*)"/.exec(rel[0])?.[1] ?? '';
    const path = resolveTarget(this.wbPath, target);
    let drop = this.dropCalcChain;
    if (!drop && this.replacedSheetIds.size > 0) {
      let current = 0;
      for (const m of (this.pkg.text(path) ?? '').matchAll(/<c\b[^>]*>/g)) {
        const i = /\si="(\d+)"/.exec(m[0]);
        if (i) current = Number(i[1]);
        if (this.replacedSheetIds.has(current)) {
          drop = true;
          break;
        }
      }
    }
    if (!drop) return;
    this.pkg.remove(path);
    this.relsXml = removeRelationship(this.relsXml, id);
    this.types = removeOverride(this.types, path);
  }

  commit(): void {
    this.writeAppended();
    this.calcChain();
    this.pkg.setText(this.wbPath, this.wbXml);
    this.pkg.setText(relsPath(this.wbPath), this.relsXml);
    this.pkg.setText(CONTENT_TYPES, this.types);
    if (this.stylesXml !== null && this.stylesXml !== this.pkg.text(this.stylesPath))
      this.pkg.setText(this.stylesPath, this.stylesXml);
    const app = this.pkg.text('docProps/app.xml');
    const after = this.sheets.filter((s) => s.kind === 'worksheet').map((s) => s.name);
    if (app !== null) {
      const updated = updateAppXml(app, this.worksheetsBefore, after);
      if (updated !== app) this.pkg.setText('docProps/app.xml', updated);
    }
  }
}

async function render(edit: WorkbookEdit, spec: SheetSpec): Promise<Rendered> {
  const rendered = await renderTemplate(spec);
  const map = edit.mergeStyles(rendered.stylesXml);
  const xml = remapSheetStyles(rendered.xml, map);
  const styleOf = new Map([...rendered.palette].map(([name, s]) => [name, map.xf[s] ?? 0]));
  let index: SheetIndex | null = null;
  return { xml, index: () => (index ??= indexSheet(xml)), styleOf, heights: finalHeights(spec) };
}

function finalHeights(spec: SheetSpec): Record<number, number> {
  return { ...spec.rowHeights, ...estimatedRowHeights(spec) };
}

/** The style of a cell without one: that of its merge's top-left cell, as the whole-sheet renderer does. */
function inheritedStyle(spec: SheetSpec, cells: Map<string, CellSpec>, cell: CellSpec): string | undefined {
  for (const m of spec.merges) {
    const box = parseRange(m);
    if (cell.r < box.r1 || cell.r > box.r2 || cell.c < box.c1 || cell.c > box.c2) continue;
    return cells.get(`${box.r1},${box.c1}`)?.style;
  }
  return undefined;
}

function candidateSheet(template: SheetSpec, rendered: Rendered, sheet: NewSheet, date1904: boolean): string {
  const merged = new Map<string, CellSpec>();
  for (const c of template.cells) merged.set(`${c.r},${c.c}`, c);
  for (const c of sheet.cells) merged.set(`${c.r},${c.c}`, c);
  const edits: CellEdit[] = sheet.cells.map((cell) => {
    const name = cell.style ?? inheritedStyle(template, merged, cell);
    const style = name === undefined ? 0 : (rendered.styleOf.get(name) ?? 0);
    return { r: cell.r, c: cell.c, xml: () => cellXml(refOf(cell.r, cell.c), cell, style, date1904) };
  });
  const heights: RowHeight[] = [];
  if (template.autoFitRows) {
    const own = finalHeights({ ...template, cells: [...merged.values()] });
    for (const [r, h] of Object.entries(own))
      if (rendered.heights[Number(r)] !== h) heights.push({ r: Number(r), height: h });
  }
  const xml = patchSheet(rendered.index(), edits, heights).xml;
  const links = sheet.cells.filter((c) => c.link !== undefined);
  return links.length === 0 ? xml : addInternalLinks(xml, links);
}

/** Links of a tab's own cells into the workbook: `location` hyperlinks, no relationship (see toolchain notes). */
function addInternalLinks(xml: string, cells: CellSpec[]): string {
  const tags = cells
    .map((c) => {
      const link = c.link as { sheet: string; cell: string };
      return `<hyperlink ref="${refOf(c.r, c.c)}" location="${encodeXml(sheetRef(link.sheet, link.cell))}"/>`;
    })
    .join('');
  const close = xml.indexOf('</hyperlinks>');
  if (close >= 0) return xml.slice(0, close) + tags + xml.slice(close);
  const where = worksheetInsertionPoint(xml, 'hyperlinks');
  return `${xml.slice(0, where)}<hyperlinks>${tags}</hyperlinks>${xml.slice(where)}`;
}

export async function applyPlan(
  pkg: OpcPackage,
  reader: PackageReader,
  plan: ApplyPlan,
  progress?: ProgressFn,
): Promise<ApplyResult> {
  const total = plan.updates.length + plan.add.length + plan.replace.length;
  let done = 0;
  const step = (label: string): void => progress?.(++done, total, label);
  // Renames first: the rest of the plan names those tabs by their new names (core/port.ts).
  applyRenames(pkg, reader, plan.renames ?? []);
  const edit = new WorkbookEdit(pkg, reader);
  const date1904 = reader.workbook().date1904;
  const created: string[] = [];

  for (const update of plan.updates) {
    const sheet = reader.findSheet(update.sheet);
    if (!sheet)
      throw new Error(`L'onglet « ${update.sheet} » est introuvable : impossible de le mettre à jour.`);
    const edits: CellEdit[] = update.cells.map((cell) => ({
      r: cell.r,
      c: cell.c,
      // Values only: the cell keeps its style.
      xml: (existing) =>
        cellXml(refOf(cell.r, cell.c), { ...cell, link: undefined }, existing?.style ?? 0, date1904),
    }));
    const patched = patchSheet(indexSheet(pkg.required(sheet.path)), edits);
    if (patched.replacedFormula) edit.dropCalcChain = true;
    pkg.setText(sheet.path, patched.xml);
    step(`Mise à jour de « ${sheet.name} »`);
  }

  const rendered = new Map<string, Rendered>();
  for (const sheet of plan.add) {
    const template = plan.templates[sheet.template];
    if (!template) throw new Error(`Modèle d'onglet inconnu : « ${sheet.template} ».`);
    if (edit.nameTaken(sheet.name))
      throw new Error(`Un onglet « ${sheet.name} » existe déjà : choisissez un autre nom.`);
    let r = rendered.get(sheet.template);
    if (!r) {
      r = await render(edit, { ...template, name: 'Modèle' });
      rendered.set(sheet.template, r);
    }
    edit.addSheet(
      sheet.name,
      candidateSheet(template, r, sheet, date1904),
      'last',
      template.print?.printArea,
    );
    created.push(sheet.name);
    step(`Création de « ${sheet.name} »`);
  }

  // Replaced tabs last, so a recap placed 'last' comes after the candidate tabs just added.
  for (const { spec, position } of plan.replace) {
    const r = await render(edit, spec);
    const existing = reader.findSheet(spec.name);
    if (existing) edit.replaceSheet(existing, r.xml, spec.print?.printArea);
    else {
      edit.addSheet(spec.name, r.xml, position, spec.print?.printArea);
      created.push(spec.name);
    }
    step(`Mise à jour de « ${spec.name} »`);
  }
  edit.commit();
  reader.invalidate();
  return { created };
}

/** Adds sheets of plain values (text as inline strings, no styles) at the end: a CSV roster, test workbooks. */
export function addPlainSheets(
  pkg: OpcPackage,
  reader: PackageReader,
  sheets: Array<{ name: string; rows: Array<Array<CellSpec['value']>> }>,
): void {
  const edit = new WorkbookEdit(pkg, reader);
  for (const sheet of sheets) {
    if (edit.nameTaken(sheet.name))
      throw new Error(`Un onglet « ${sheet.name} » existe déjà : choisissez un autre nom.`);
    const rows = sheet.rows
      .map((row, i) => {
        const cells = row
          .map((value, c) =>
            value === null || value === undefined || value === ''
              ? ''
              : cellXml(refOf(i + 1, c + 1), { value }, 0, false),
          )
          .join('');
        return cells === '' ? '' : `<row r="${i + 1}">${cells}</row>`;
      })
      .join('');
    edit.addSheet(sheet.name, plainSheetXml(rows), 'last', undefined);
  }
  edit.commit();
  reader.invalidate();
}
