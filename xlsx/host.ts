import { Workbook, type Worksheet } from 'exceljs';
import { MARKER_RANGE, readMarker } from '../core/grid/marker';
import type {
  ApplyPlan,
  ApplyResult,
  CreatedWorkbook,
  HostPort,
  NewSheet,
  ProgressFn,
  RangeRequest,
} from '../core/port';
import { parseRange, type RangeBox } from '../core/spec/a1';
import type { CellValue, SheetSpec, WorkbookSpec } from '../core/spec/types';
import { readInternalLinks, repairForReading } from './package-fix';
import { internalLinkTarget, mergeCellLists, writeValues } from './render-cells';
import { applyRowBreaks } from './render-print';
import { renderWorkbookSpec, workbookBytes } from './render';
import { renderInto, renderSheet } from './render-sheet';
import { renameWorksheets } from './rename-worksheet';
import { findSheet, moveFirst, orderOf, setOrder } from './sheet-order';
import { cellValue, toCellValue } from './values';

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/** The port over an .xlsx workbook held in memory by exceljs (CLI, tests, the statistics workbook). */
export class XlsxHost implements HostPort {
  constructor(readonly workbook: Workbook) {}

  static empty(): XlsxHost {
    return new XlsxHost(new Workbook());
  }

  static async fromBytes(bytes: Uint8Array): Promise<XlsxHost> {
    const readable = await repairForReading(bytes);
    const wb = new Workbook();
    // exceljs' typings ask for a Node Buffer; it reads an ArrayBuffer as well (the browser case).
    await wb.xlsx.load(arrayBufferOf(readable) as unknown as Parameters<Workbook['xlsx']['load']>[0]);
    const host = new XlsxHost(wb);
    await host.restoreInternalLinks(readable);
    return host;
  }

  /** exceljs drops links that lead inside the workbook when it reads a file: put them back on their cells. */
  private async restoreInternalLinks(bytes: Uint8Array): Promise<void> {
    for (const link of await readInternalLinks(bytes)) {
      const ws = this.workbook.getWorksheet(link.sheet);
      if (!ws) continue;
      const cell = ws.getCell(link.ref);
      const text = toCellValue(cell.value);
      const [sheet, ref] = splitLocation(link.location);
      cell.value = { text: text === null ? '' : String(text), hyperlink: internalLinkTarget(sheet, ref) };
    }
  }

  async listSheets(): Promise<string[]> {
    return this.workbook.worksheets.map((w) => w.name);
  }

  async readRanges(requests: RangeRequest[]): Promise<CellValue[][][]> {
    return requests.map((req) => {
      const ws = findSheet(this.workbook, req.sheet);
      if (!ws) return [];
      const box = req.range === undefined ? usedBox(ws) : parseRange(req.range);
      return box ? readBox(ws, box) : [];
    });
  }

  async apply(plan: ApplyPlan, progress?: ProgressFn): Promise<ApplyResult> {
    const total = plan.updates.length + plan.add.length + plan.replace.length;
    let done = 0;
    const step = (label: string): void => progress?.(++done, total, label);
    const created: string[] = [];
    // Renames first: the rest of the plan names those tabs by their new names.
    renameWorksheets(this.workbook, plan.renames ?? []);
    for (const update of plan.updates) {
      const ws = findSheet(this.workbook, update.sheet);
      if (!ws)
        throw new Error(`L'onglet « ${update.sheet} » est introuvable : impossible de le mettre à jour.`);
      writeValues(ws, update.cells);
      step(`Mise à jour de « ${ws.name} »`);
    }
    for (const sheet of plan.add) {
      await this.addFromTemplate(plan, sheet);
      created.push(sheet.name);
      step(`Création de « ${sheet.name} »`);
    }
    // Replaced tabs last, so a recap placed 'last' comes after the candidate tabs just added.
    for (const { spec, position } of plan.replace) {
      if (await this.replaceSheet(spec, position)) created.push(spec.name);
      step(`Mise à jour de « ${spec.name} »`);
    }
    return { created };
  }

  private async addFromTemplate(plan: ApplyPlan, sheet: NewSheet): Promise<void> {
    const template = plan.templates[sheet.template];
    if (!template) throw new Error(`Modèle d'onglet inconnu : « ${sheet.template} ».`);
    if (findSheet(this.workbook, sheet.name))
      throw new Error(`Un onglet « ${sheet.name} » existe déjà : choisissez un autre nom.`);
    await renderSheet(
      this.workbook,
      { ...template, name: sheet.name },
      mergeCellLists(template.cells, sheet.cells),
    );
  }

  /** Rewrites one of our tabs whole where it stands, or creates it; true when created. */
  private async replaceSheet(spec: SheetSpec, position: 'first' | 'last'): Promise<boolean> {
    const existing = findSheet(this.workbook, spec.name);
    if (existing) {
      const orderNo = orderOf(existing);
      this.workbook.removeWorksheet(existing.id);
      const ws = this.workbook.addWorksheet(spec.name);
      setOrder(ws, orderNo);
      await renderInto(ws, spec);
      return false;
    }
    const ws = await renderSheet(this.workbook, spec);
    if (position === 'first') moveFirst(this.workbook, ws);
    return true;
  }

  async createWorkbook(spec: WorkbookSpec): Promise<CreatedWorkbook> {
    return { bytes: await renderWorkbookSpec(spec) };
  }

  /**
   * The workbook as .xlsx bytes. exceljs does not read page breaks back, so our tabs get theirs again from
   * their marker before writing.
   */
  async toBytes(): Promise<Uint8Array> {
    const markerBox = parseRange(MARKER_RANGE);
    for (const ws of this.workbook.worksheets) {
      const marker = readMarker(readBox(ws, markerBox));
      if (marker?.rowBreaks) applyRowBreaks(ws, marker.rowBreaks);
    }
    return workbookBytes(this.workbook);
  }
}

/** "'O''CONNOR Sean'!A1" → ["O'CONNOR Sean", 'A1']. */
function splitLocation(location: string): [string, string] {
  const bang = location.lastIndexOf('!');
  const rawSheet = location.slice(0, bang);
  const sheet = rawSheet.startsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  return [sheet, location.slice(bang + 1).replace(/\$/g, '')];
}

function usedBox(ws: Worksheet): RangeBox | null {
  const rows = ws.rowCount;
  const cols = ws.columnCount;
  return rows > 0 && cols > 0 ? { r1: 1, c1: 1, r2: rows, c2: cols } : null;
}

function readBox(ws: Worksheet, box: RangeBox): CellValue[][] {
  const out: CellValue[][] = [];
  for (let r = box.r1; r <= box.r2; r++) {
    const row: CellValue[] = [];
    for (let c = box.c1; c <= box.c2; c++) row.push(cellValue(ws.findCell(r, c)));
    out.push(row);
  }
  return out;
}
