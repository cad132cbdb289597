import { ErrorCodes, FakeOfficeError } from './errors';
import { FakeContextCore, FakeObject, unsupported } from './context';
import { SheetModel } from './model';
import { FakeRange, type BoxResolver } from './range';
import { FULL_SHEET } from './range-box';
import { parseRange } from '../../../core/spec/a1';

type Resolver = () => SheetModel | null;

/** Worksheet proxy. Bound to its sheet the first time an operation needs it, then follows renames. */
export class FakeWorksheet extends FakeObject {
  private bound: SheetModel | null | undefined;
  readonly protection: FakeWorksheetProtection;
  readonly freezePanes: FakeFreezePanes;
  readonly pageLayout: FakePageLayout;
  readonly horizontalPageBreaks: FakePageBreaks;

  constructor(
    core: FakeContextCore,
    path: string,
    private readonly resolver: Resolver,
  ) {
    super(core, path);
    this.protection = new FakeWorksheetProtection(this);
    this.freezePanes = new FakeFreezePanes(this);
    this.pageLayout = new FakePageLayout(this);
    this.horizontalPageBreaks = new FakePageBreaks(this);
  }

  static bound(core: FakeContextCore, sheet: SheetModel): FakeWorksheet {
    const proxy = new FakeWorksheet(core, `worksheet(${sheet.id})`, () => sheet);
    proxy.bound = sheet;
    return proxy;
  }

  /** The sheet, or ItemNotFound (deleted, null object). */
  sheet(): SheetModel {
    if (this.bound === undefined) this.bound = this.resolver();
    if (this.bound === null || this.bound.deleted) {
      throw new FakeOfficeError(
        ErrorCodes.itemNotFound,
        `The requested resource doesn't exist. (${this.path})`,
      );
    }
    return this.bound;
  }

  /** Null-object test without throwing. */
  exists(): boolean {
    if (this.bound === undefined) this.bound = this.resolver();
    return this.bound !== null && !this.bound.deleted;
  }

  get name(): string {
    return this.read('name');
  }
  set name(value: string) {
    this.write('name', value, () => {
      const sheet = this.sheet();
      this.core.model.checkName(value, sheet);
      sheet.name = value;
    });
  }

  get position(): number {
    return this.read('position');
  }
  set position(value: number) {
    this.write('position', value, () => {
      const sheets = this.core.model.sheets;
      const sheet = this.sheet();
      if (!Number.isInteger(value) || value < 0 || value >= sheets.length) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, `Invalid position ${value}.`);
      }
      sheets.splice(sheets.indexOf(sheet), 1);
      sheets.splice(value, 0, sheet);
    });
  }

  get id(): string {
    return this.read('id');
  }

  get isNullObject(): boolean {
    return this.read('isNullObject');
  }

  set tabColor(value: string) {
    this.requireApi('ExcelApi 1.7', 'tabColor');
    this.write('tabColor', value, () => {
      this.sheet().tabColor = value;
    });
  }

  protected loadProperty(name: string): unknown {
    if (name === 'isNullObject') return !this.exists();
    const sheet = this.sheet();
    switch (name) {
      case 'name':
        return sheet.name;
      case 'position':
        return this.core.model.sheets.indexOf(sheet);
      case 'id':
        return sheet.id;
      case 'tabColor':
        return sheet.tabColor;
      default:
        throw unsupported(`Worksheet.${name}`);
    }
  }

  getRange(address?: string): FakeRange {
    return this.range(`getRange(${address ?? ''})`, () =>
      address === undefined ? FULL_SHEET : checkedBox(address),
    );
  }

  getUsedRange(valuesOnly?: boolean): FakeRange {
    return this.range(
      `getUsedRange(${String(valuesOnly ?? false)})`,
      () => this.sheet().usedBox(valuesOnly ?? false) ?? { r1: 1, c1: 1, r2: 1, c2: 1 },
    );
  }

  getUsedRangeOrNullObject(valuesOnly?: boolean): FakeRange {
    return this.range(`getUsedRangeOrNullObject(${String(valuesOnly ?? false)})`, () =>
      this.sheet().usedBox(valuesOnly ?? false),
    );
  }

  private range(step: string, box: BoxResolver): FakeRange {
    return new FakeRange(this.core, `${this.path}.${step}`, this, box);
  }

  copy(
    positionType: 'None' | 'Before' | 'After' | 'Beginning' | 'End' = 'None',
    relativeTo?: FakeWorksheet,
  ): FakeWorksheet {
    this.requireApi('ExcelApi 1.7', 'copy');
    let created: SheetModel | null = null;
    const copy = new FakeWorksheet(this.core, `${this.path}.copy(${positionType})`, () => created);
    this.call('copy', { positionType, relativeTo: relativeTo?.path }, () => {
      const source = this.sheet();
      if ((positionType === 'Before' || positionType === 'After') && relativeTo === undefined) {
        throw new FakeOfficeError(ErrorCodes.invalidArgument, 'relativeTo is required.');
      }
      created = source.clone(copyName(this.core, source.name));
      const sheets = this.core.model.sheets;
      const anchor = relativeTo ? sheets.indexOf(relativeTo.sheet()) : -1;
      const at = { None: 0, Beginning: 0, End: sheets.length, Before: anchor, After: anchor + 1 }[
        positionType
      ];
      sheets.splice(at, 0, created);
    });
    return copy;
  }

  delete(): void {
    this.call('delete', null, () => {
      const model = this.core.model;
      const sheet = this.sheet();
      if (model.sheets.length === 1)
        throw new FakeOfficeError(ErrorCodes.invalidArgument, 'A workbook must keep one visible sheet.');
      model.sheets.splice(model.sheets.indexOf(sheet), 1);
      sheet.deleted = true;
      if (model.activeSheet === sheet) model.activeSheet = model.sheets[0];
      if (model.selection?.sheet === sheet) model.selection = null;
    });
  }

  activate(): void {
    this.call('activate', null, () => {
      this.core.model.activeSheet = this.sheet();
    });
  }

  requireApi(set: string, member: string): void {
    if (!this.core.supports(set))
      throw new FakeOfficeError(ErrorCodes.apiNotFound, `${member} needs ${set}.`);
  }
}

/** An A1 address inside Excel's grid, else InvalidArgument. */
function checkedBox(address: string): ReturnType<typeof parseRange> {
  let box: ReturnType<typeof parseRange> | null = null;
  try {
    box = parseRange(address);
  } catch {
    box = null;
  }
  if (box === null || box.r1 < 1 || box.c1 < 1 || box.r2 > FULL_SHEET.r2 || box.c2 > FULL_SHEET.c2) {
    throw new FakeOfficeError(ErrorCodes.invalidArgument, `Invalid address ${address}.`);
  }
  return box;
}

/** Excel names a copy « X (2) », or the next free number. */
function copyName(core: FakeContextCore, name: string): string {
  for (let n = 2; ; n += 1) {
    const suffix = ` (${n})`;
    const candidate = `${name.slice(0, 31 - suffix.length)}${suffix}`;
    if (!core.model.find(candidate)) return candidate;
  }
}

export class FakeWorksheetProtection extends FakeObject {
  constructor(private readonly worksheet: FakeWorksheet) {
    super(worksheet.core, `${worksheet.path}.protection`);
  }

  get protected(): boolean {
    return this.read('protected');
  }

  protect(options?: Record<string, boolean>, password?: string): void {
    this.call('protect', { options, password: password === undefined ? undefined : '***' }, () => {
      const sheet = this.worksheet.sheet();
      if (sheet.protected)
        throw new FakeOfficeError(ErrorCodes.invalidArgument, 'The sheet is already protected.');
      sheet.protected = true;
    });
  }

  unprotect(): void {
    this.call('unprotect', null, () => {
      this.worksheet.sheet().protected = false;
    });
  }

  protected loadProperty(name: string): unknown {
    if (name === 'protected') return this.worksheet.sheet().protected;
    throw unsupported(`WorksheetProtection.${name}`);
  }
}

export class FakeFreezePanes extends FakeObject {
  constructor(private readonly worksheet: FakeWorksheet) {
    super(worksheet.core, `${worksheet.path}.freezePanes`);
  }

  freezeRows(count?: number): void {
    this.worksheet.requireApi('ExcelApi 1.7', 'freezePanes');
    this.call('freezeRows', count ?? 1, () => {
      this.worksheet.sheet().frozenRows = count ?? 1;
    });
  }

  protected loadProperty(name: string): unknown {
    throw unsupported(`WorksheetFreezePanes.${name}`);
  }
}

/** PageLayout (ExcelApi 1.9): only what the print setup writes. */
export class FakePageLayout extends FakeObject {
  readonly headersFooters: { defaultForAllPages: Record<string, string> };

  constructor(private readonly worksheet: FakeWorksheet) {
    super(worksheet.core, `${worksheet.path}.pageLayout`);
    const layout = (): SheetModel['pageLayout'] => this.worksheet.sheet().pageLayout;
    const target = {} as Record<string, string>;
    this.headersFooters = {
      defaultForAllPages: new Proxy(target, {
        set: (_t, key, value: string) => {
          this.setProp(`headersFooters.${String(key)}`, value, () => {
            layout().headersFooters[String(key)] = value;
          });
          return true;
        },
      }),
    };
  }

  private setProp(property: string, value: unknown, apply: () => void): void {
    this.worksheet.requireApi('ExcelApi 1.9', 'pageLayout');
    this.write(property, value, apply);
  }

  set orientation(value: string) {
    this.setProp('orientation', value, () => {
      this.worksheet.sheet().pageLayout.orientation = value;
    });
  }
  set paperSize(value: string) {
    this.setProp('paperSize', value, () => {
      this.worksheet.sheet().pageLayout.paperSize = value;
    });
  }
  set zoom(value: unknown) {
    this.setProp('zoom', value, () => {
      this.worksheet.sheet().pageLayout.zoom = value;
    });
  }
  set leftMargin(value: number) {
    this.margin('left', value);
  }
  set rightMargin(value: number) {
    this.margin('right', value);
  }
  set topMargin(value: number) {
    this.margin('top', value);
  }
  set bottomMargin(value: number) {
    this.margin('bottom', value);
  }
  set headerMargin(value: number) {
    this.margin('header', value);
  }
  set footerMargin(value: number) {
    this.margin('footer', value);
  }

  private margin(side: string, value: number): void {
    this.setProp(`${side}Margin`, value, () => {
      this.worksheet.sheet().pageLayout.margins[side] = value;
    });
  }

  setPrintArea(address: string): void {
    this.worksheet.requireApi('ExcelApi 1.9', 'setPrintArea');
    this.call('setPrintArea', address, () => {
      checkedBox(address);
      this.worksheet.sheet().pageLayout.printArea = address;
    });
  }

  protected loadProperty(name: string): unknown {
    throw unsupported(`PageLayout.${name}`);
  }
}

export class FakePageBreaks extends FakeObject {
  constructor(private readonly worksheet: FakeWorksheet) {
    super(worksheet.core, `${worksheet.path}.horizontalPageBreaks`);
  }

  /** A break is placed above the top row of `pageBreakRange` (PageBreakCollection.add, ExcelApi 1.9). */
  add(pageBreakRange: string): void {
    this.worksheet.requireApi('ExcelApi 1.9', 'horizontalPageBreaks');
    this.call('add', pageBreakRange, () => {
      this.worksheet.sheet().pageLayout.rowBreaks.push(checkedBox(pageBreakRange).r1 - 1);
    });
  }

  protected loadProperty(name: string): unknown {
    throw unsupported(`PageBreakCollection.${name}`);
  }
}
