import type { ApplyPlan, ApplyResult, CreatedWorkbook, HostPort, RangeRequest } from '../../core/port';
import { parseRange } from '../../core/spec/a1';
import type { CellSpec, CellValue, SheetSpec, WorkbookSpec } from '../../core/spec/types';

/**
 * A plain in-memory host for the workflow tests: sheets as sparse cells, formulas kept as text (never
 * evaluated), every port call counted. It checks what a real host would refuse: duplicate names
 * (ignoring case) and updates of sheets that do not exist.
 */
export interface MemorySheet {
  name: string;
  cells: Map<string, { value?: CellValue; formula?: string }>;
  spec?: SheetSpec;
}

export class MemoryHost implements HostPort {
  readonly sheets: MemorySheet[] = [];
  readonly calls = { listSheets: 0, readRanges: 0, apply: 0, createWorkbook: 0 };
  readonly workbooks: WorkbookSpec[] = [];

  static withSheet(name: string, rows: CellValue[][]): MemoryHost {
    const host = new MemoryHost();
    host.putValues(name, rows);
    return host;
  }

  putValues(name: string, rows: CellValue[][]): void {
    const sheet = this.sheet(name) ?? this.addSheet(name);
    rows.forEach((row, r) => row.forEach((value, c) => this.setCell(sheet, r + 1, c + 1, { value })));
  }

  sheet(name: string): MemorySheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  value(name: string, ref: string): CellValue | undefined {
    const box = parseRange(ref);
    return this.sheet(name)?.cells.get(`${box.r1},${box.c1}`)?.value;
  }

  formula(name: string, ref: string): string | undefined {
    const box = parseRange(ref);
    return this.sheet(name)?.cells.get(`${box.r1},${box.c1}`)?.formula;
  }

  async listSheets(): Promise<string[]> {
    this.calls.listSheets++;
    return this.sheets.map((s) => s.name);
  }

  async readRanges(requests: RangeRequest[]): Promise<CellValue[][][]> {
    this.calls.readRanges++;
    return requests.map((req) => {
      const sheet = this.sheet(req.sheet);
      if (!sheet) return [];
      const box = req.range ? parseRange(req.range) : this.usedBox(sheet);
      const rows: CellValue[][] = [];
      for (let r = box.r1; r <= box.r2; r++) {
        const row: CellValue[] = [];
        for (let c = box.c1; c <= box.c2; c++) row.push(sheet.cells.get(`${r},${c}`)?.value ?? null);
        rows.push(row);
      }
      return rows;
    });
  }

  async apply(plan: ApplyPlan): Promise<ApplyResult> {
    this.calls.apply++;
    for (const { from, to } of plan.renames ?? []) {
      const sheet = this.sheet(from);
      if (!sheet) throw new Error(`rename of a missing sheet ${from}`);
      if (this.sheets.some((s) => s !== sheet && s.name.toLowerCase() === to.toLowerCase()))
        throw new Error(`duplicate sheet name ${to}`);
      sheet.name = to;
    }
    for (const u of plan.updates) {
      const sheet = this.sheet(u.sheet);
      if (!sheet) throw new Error(`update of a missing sheet ${u.sheet}`);
      this.write(sheet, u.cells);
    }
    for (const { spec, position } of plan.replace) {
      const index = this.sheets.findIndex((s) => s.name === spec.name);
      const fresh: MemorySheet = { name: spec.name, cells: new Map(), spec };
      this.write(fresh, spec.cells);
      if (index >= 0) this.sheets[index] = fresh;
      else if (position === 'first') this.sheets.unshift(fresh);
      else this.sheets.push(fresh);
    }
    const created: string[] = [];
    for (const add of plan.add) {
      const template = plan.templates[add.template];
      if (!template) throw new Error(`unknown template ${add.template}`);
      const sheet = this.addSheet(add.name, template);
      this.write(sheet, [...template.cells, ...add.cells]);
      created.push(add.name);
    }
    return { created };
  }

  async createWorkbook(spec: WorkbookSpec): Promise<CreatedWorkbook> {
    this.calls.createWorkbook++;
    this.workbooks.push(spec);
    return { location: `memoire:${this.workbooks.length}` };
  }

  private addSheet(name: string, spec?: SheetSpec): MemorySheet {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()))
      throw new Error(`duplicate sheet name ${name}`);
    const sheet: MemorySheet = { name, cells: new Map(), spec };
    this.sheets.push(sheet);
    return sheet;
  }

  private write(sheet: MemorySheet, cells: CellSpec[]): void {
    for (const c of cells)
      this.setCell(
        sheet,
        c.r,
        c.c,
        c.formula !== undefined ? { formula: c.formula } : { value: c.value ?? null },
      );
  }

  private setCell(
    sheet: MemorySheet,
    r: number,
    c: number,
    content: { value?: CellValue; formula?: string },
  ): void {
    sheet.cells.set(`${r},${c}`, content);
  }

  private usedBox(sheet: MemorySheet): { r1: number; c1: number; r2: number; c2: number } {
    let r2 = 0;
    let c2 = 0;
    for (const key of sheet.cells.keys()) {
      const [r, c] = key.split(',').map(Number);
      r2 = Math.max(r2, r);
      c2 = Math.max(c2, c);
    }
    return { r1: 1, c1: 1, r2, c2 };
  }
}
