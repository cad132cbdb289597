import { planIsEmpty, type ApplyPlan, type ApplyResult, type NewSheet, type ProgressFn } from '../core/port';
import type { CellSpec, SheetSpec } from '../core/spec/types';
import { HostError, frenchOfficeError, officeErrorCode } from './errors';
import { queueCells, queueProtect, queueSheet, queueSheetOptions, type RenderFeatures } from './render-sheet';
import { LIMITS, type ExcelRunner } from './runner';
import { WIRE_SIZE, cellsWireBytes, newSheetWireBytes, pieceWireBytes, templateWireBytes } from './wire-size';

/** Prefix of the temporary template tabs; never a name the core gives. */
const TEMPLATE_PREFIX = 'GE4-modèle-';

interface WorkbookState {
  names: string[];
  /** Lower-cased names of the updated tabs that are protected (unprotected for the write, then protected again). */
  protectedUpdates: Set<string>;
}

/**
 * Applies a plan in 1 + ⌈new tabs / chunk⌉ syncs: one to learn the tabs, then one per chunk of new
 * tabs, sized by the estimated real request (wire-size.ts). Each template is written once into a
 * temporary tab and copied per candidate; the last batch also rewrites the add-in's own tabs, writes
 * the updates and deletes the templates. A batch Excel refuses as too large (nothing of it applied) is
 * split in two and retried; any other failed chunk is undone (its tabs deleted) and the error lists the
 * tabs created by the chunks before it.
 */
export async function applyPlan(
  run: ExcelRunner,
  plan: ApplyPlan,
  features: RenderFeatures,
  progress?: ProgressFn,
  knownNames?: string[],
): Promise<ApplyResult> {
  if (planIsEmpty(plan)) return { created: [] };
  // Names just listed by the same operation spare a sync; updates need each tab's protection, so a read.
  const state =
    knownNames && plan.updates.length === 0
      ? { names: knownNames, protectedUpdates: new Set<string>() }
      : await readState(run, plan);
  checkNames(plan, state.names);
  const templates = templateNames(plan, state.names);
  const { chunks, finals } = writeBatches(plan);
  const job: SheetJob = { run, plan, templates, features, created: [], total: plan.add.length, progress };
  progress?.(0, job.total, 'Création des onglets');
  for (let i = 0; i < chunks.length; i += 1) {
    const last = i >= chunks.length - 1 && finals.length === 0;
    await writeSheets(job, chunks[i], { templates: i === 0, last });
  }
  await runFinals(run, finals, state, templates, features, job.created);
  const existing = new Set(state.names.map((n) => n.toLowerCase()));
  const ownTabs = plan.replace.map((r) => r.spec.name).filter((n) => !existing.has(n.toLowerCase()));
  return { created: [...job.created, ...ownTabs] };
}

interface SheetJob {
  run: ExcelRunner;
  plan: ApplyPlan;
  templates: Map<string, string>;
  features: RenderFeatures;
  created: string[];
  total: number;
  progress?: ProgressFn;
}

/** Excel refused the request as too large: it applied none of it, so the batch can be sent in parts. */
export function payloadTooLarge(error: unknown): boolean {
  return officeErrorCode(error) === 'RequestPayloadSizeLimitExceeded';
}

/** One batch of new tabs (with the templates first, the templates' deletion last); halves on a too-large request. */
async function writeSheets(
  job: SheetJob,
  sheets: NewSheet[],
  flags: { templates: boolean; last: boolean },
): Promise<void> {
  try {
    await job.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      const ws = context.workbook.worksheets;
      if (flags.templates) queueTemplates(ws, job.plan, job.templates);
      for (const sheet of sheets) {
        const template = job.plan.templates[sheet.template];
        queueNewSheet(ws, sheet, template, job.templates.get(sheet.template) ?? '', job.features);
      }
      if (flags.last) deleteTemplates(ws, job.templates);
      await context.sync();
    });
  } catch (error) {
    if (payloadTooLarge(error) && (sheets.length > 1 || (flags.templates && sheets.length > 0))) {
      // Templates alone first when one tab is left; otherwise half the tabs each time.
      const cut = sheets.length > 1 ? Math.ceil(sheets.length / 2) : 0;
      await writeSheets(job, sheets.slice(0, cut), { templates: flags.templates, last: false });
      await writeSheets(job, sheets.slice(cut), { templates: false, last: flags.last });
      return;
    }
    await undoChunk(job.run, sheets, job.templates);
    throw new HostError(failureSentence(error, job.created), [...job.created], error);
  }
  if (sheets.length === 0) return;
  job.created.push(...sheets.map((s) => s.name));
  job.progress?.(job.created.length, job.total, 'Création des onglets');
}

async function readState(run: ExcelRunner, plan: ApplyPlan): Promise<WorkbookState> {
  return run(async (context) => {
    const sheets = context.workbook.worksheets.load('items/name');
    // Updates name a renamed tab by its new name; before the apply it still has its old one.
    const before = new Map((plan.renames ?? []).map((r) => [r.to, r.from]));
    const protections = plan.updates.map((u) =>
      sheets.getItem(before.get(u.sheet) ?? u.sheet).protection.load('protected'),
    );
    await context.sync();
    const protectedUpdates = new Set<string>();
    plan.updates.forEach((u, i) => {
      if (protections[i].protected) protectedUpdates.add(u.sheet.toLowerCase());
    });
    return { names: sheets.items.map((s) => s.name), protectedUpdates };
  });
}

/** Every new name must be valid and free before anything is written: a bad plan writes nothing. */
function checkNames(plan: ApplyPlan, existing: string[]): void {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  for (const { spec } of plan.replace) taken.add(spec.name.toLowerCase());
  checkRenames(plan, taken);
  for (const sheet of plan.add) {
    const key = sheet.name.toLowerCase();
    if (!validSheetName(sheet.name)) {
      throw new HostError(
        `Le nom d'onglet « ${sheet.name} » n'est pas accepté par Excel. Rien n'a été écrit.`,
      );
    }
    if (taken.has(key)) {
      throw new HostError(
        `Un onglet « ${sheet.name} » existe déjà. Renommez-le puis relancez ; rien n'a été écrit.`,
      );
    }
    if (!plan.templates[sheet.template])
      throw new HostError(`Modèle de grille manquant (${sheet.template}). Rien n'a été écrit.`);
    taken.add(key);
  }
}

/** A renamed tab exists, its new name is valid and no other tab's; the new names join `taken`. */
function checkRenames(plan: ApplyPlan, taken: Set<string>): void {
  for (const { from, to } of plan.renames ?? []) {
    if (!taken.has(from.toLowerCase()))
      throw new HostError(
        `L'onglet « ${from} » est introuvable : il n'a pas été renommé. Rien n'a été écrit.`,
      );
    if (!validSheetName(to))
      throw new HostError(`Le nom d'onglet « ${to} » n'est pas accepté par Excel. Rien n'a été écrit.`);
    if (to.toLowerCase() !== from.toLowerCase() && taken.has(to.toLowerCase()))
      throw new HostError(
        `Un onglet « ${to} » existe déjà : l'onglet « ${from} » ne peut pas prendre ce nom. Renommez l'un des deux puis relancez ; rien n'a été écrit.`,
      );
    taken.add(to.toLowerCase());
  }
}

function validSheetName(name: string): boolean {
  return (
    name.length > 0 &&
    name.length <= 31 &&
    !/[[\]:*?/\\]/.test(name) &&
    !/^'|'$/.test(name) &&
    name.toLowerCase() !== 'history'
  );
}

/** A free temporary name per template key that new tabs use. */
function templateNames(plan: ApplyPlan, existing: string[]): Map<string, string> {
  const taken = new Set(existing.map((n) => n.toLowerCase()));
  const names = new Map<string, string>();
  let n = 1;
  for (const key of new Set(plan.add.map((s) => s.template))) {
    while (taken.has(`${TEMPLATE_PREFIX}${n}`.toLowerCase())) n += 1;
    names.set(key, `${TEMPLATE_PREFIX}${n}`);
    taken.add(`${TEMPLATE_PREFIX}${n}`.toLowerCase());
    n += 1;
  }
  return names;
}

/** The write batches of a plan: new tabs in chunks, then the add-in's own tabs and the updates. */
export function writeBatches(plan: ApplyPlan): { chunks: NewSheet[][]; finals: FinalPiece[][] } {
  return { chunks: chunkNewSheets(plan), finals: finalBatches(plan) };
}

/** Estimated real bytes of a batch (wire-size.ts), for the budget and its test. */
export function batchWireBytes(plan: ApplyPlan, batch: NewSheet[] | FinalPiece[], first = false): number {
  const templates = first
    ? Object.values(plan.templates).reduce((sum, t) => sum + templateWireBytes(t), 0)
    : 0;
  return (batch as Array<NewSheet | FinalPiece>).reduce(
    (sum, item) => sum + ('template' in item ? newSheetWireBytes(item) : pieceWireBytes(item.cells)),
    templates,
  );
}

/** New tabs in chunks under the request budget (estimated real bytes) and a count cap. */
function chunkNewSheets(plan: ApplyPlan): NewSheet[][] {
  const chunks: NewSheet[][] = [];
  let current: NewSheet[] = [];
  let bytes = Object.values(plan.templates).reduce((sum, t) => sum + templateWireBytes(t), 0);
  for (const sheet of plan.add) {
    const size = newSheetWireBytes(sheet);
    if (
      current.length > 0 &&
      (current.length >= LIMITS.sheetsPerSync || bytes + size > LIMITS.requestBytes)
    ) {
      chunks.push(current);
      current = [];
      bytes = 0;
    }
    current.push(sheet);
    bytes += size;
  }
  if (current.length > 0) chunks.push(current);
  return chunks;
}

function queueTemplates(
  sheets: Excel.WorksheetCollection,
  plan: ApplyPlan,
  names: Map<string, string>,
): void {
  for (const [key, name] of names) {
    // Unprotected and without print setup: those are set on each copy after its cells are written.
    queueSheet(sheets.add(name), plan.templates[key], { print: false }, false);
  }
}

function queueNewSheet(
  sheets: Excel.WorksheetCollection,
  sheet: NewSheet,
  template: SheetSpec,
  templateName: string,
  features: RenderFeatures,
): void {
  const copy = sheets.getItem(templateName).copy('End');
  copy.name = sheet.name;
  queueCells(copy, sheet.cells, template.styles);
  queueSheetOptions(copy, template, features);
  if (template.protect) queueProtect(copy);
}

/**
 * One piece of the final work: a tab renamed (first of all, so that the pieces after it name it by its
 * new name), part of an own tab (rewritten whole over one or more batches: the first part clears or adds
 * the tab, the last protects it) or an update of an existing tab.
 */
export type FinalPiece =
  | { kind: 'rename'; from: string; to: string; cells: CellSpec[] }
  | {
      kind: 'replace';
      spec: SheetSpec;
      position: 'first' | 'last';
      cells: CellSpec[];
      firstPart: boolean;
      lastPart: boolean;
    }
  | { kind: 'update'; sheet: string; cells: CellSpec[] };

/** The add-in's own tabs and the updates, cut into batches under the request budget. */
function finalBatches(plan: ApplyPlan): FinalPiece[][] {
  const pieces: FinalPiece[] = (plan.renames ?? []).map(({ from, to }) => ({
    kind: 'rename',
    from,
    to,
    cells: [],
  }));
  for (const { spec, position } of plan.replace) {
    const parts = splitCells(spec.cells, LIMITS.requestBytes - WIRE_SIZE.perPiece);
    parts.forEach((cells, part) =>
      pieces.push({
        kind: 'replace',
        spec,
        position,
        cells,
        firstPart: part === 0,
        lastPart: part === parts.length - 1,
      }),
    );
  }
  for (const update of plan.updates) pieces.push({ kind: 'update', ...update });
  const batches: FinalPiece[][] = [];
  let current: FinalPiece[] = [];
  let bytes = 0;
  for (const piece of pieces) {
    const size = pieceWireBytes(piece.cells);
    if (current.length > 0 && bytes + size > LIMITS.requestBytes) {
      batches.push(current);
      current = [];
      bytes = 0;
    }
    current.push(piece);
    bytes += size;
  }
  if (current.length > 0) batches.push(current);
  return batches;
}

/** Cells in row order, cut so that each part stays under the budget. */
function splitCells(cells: CellSpec[], budget: number): CellSpec[][] {
  const sorted = [...cells].sort((a, b) => a.r - b.r || a.c - b.c);
  const parts: CellSpec[][] = [[]];
  let bytes = 0;
  for (const cell of sorted) {
    const size = cellsWireBytes([cell]);
    if (parts[parts.length - 1].length > 0 && bytes + size > budget) {
      parts.push([]);
      bytes = 0;
    }
    parts[parts.length - 1].push(cell);
    bytes += size;
  }
  return parts;
}

/** A piece cut in two halves of its cells (row order kept), or null when it cannot be cut. */
function halvePiece(piece: FinalPiece): [FinalPiece, FinalPiece] | null {
  if (piece.cells.length < 2) return null;
  const sorted = [...piece.cells].sort((a, b) => a.r - b.r || a.c - b.c);
  const cut = Math.ceil(sorted.length / 2);
  const [head, tail] = [sorted.slice(0, cut), sorted.slice(cut)];
  if (piece.kind !== 'replace')
    return [
      { ...piece, cells: head },
      { ...piece, cells: tail },
    ];
  return [
    { ...piece, cells: head, lastPart: false },
    { ...piece, cells: tail, firstPart: false },
  ];
}

interface FinalJob {
  run: ExcelRunner;
  state: WorkbookState;
  templates: Map<string, string>;
  features: RenderFeatures;
  created: string[];
  existing: Map<string, string>;
}

async function runFinals(
  run: ExcelRunner,
  batches: FinalPiece[][],
  state: WorkbookState,
  templates: Map<string, string>,
  features: RenderFeatures,
  created: string[],
): Promise<void> {
  const existing = new Map(state.names.map((n) => [n.toLowerCase(), n]));
  const job: FinalJob = { run, state, templates, features, created, existing };
  for (let i = 0; i < batches.length; i += 1) await writeFinal(job, batches[i], i === batches.length - 1);
}

/** One final batch; a too-large one is sent in halves (by pieces, then by cells of a single piece). */
async function writeFinal(job: FinalJob, batch: FinalPiece[], last: boolean): Promise<void> {
  try {
    await job.run(async (context) => {
      context.application.suspendApiCalculationUntilNextSync();
      const sheets = context.workbook.worksheets;
      for (const piece of batch) queuePiece(sheets, piece, job.existing, job.state, job.features);
      if (last) deleteTemplates(sheets, job.templates);
      await context.sync();
    });
  } catch (error) {
    const halves = !payloadTooLarge(error)
      ? null
      : batch.length > 1
        ? [batch.slice(0, Math.ceil(batch.length / 2)), batch.slice(Math.ceil(batch.length / 2))]
        : batch.length === 1
          ? (halvePiece(batch[0])?.map((p) => [p]) ?? null)
          : null;
    if (halves) {
      await writeFinal(job, halves[0], false);
      await writeFinal(job, halves[1], last);
      return;
    }
    await undoChunk(job.run, [], job.templates);
    const tabs =
      job.created.length > 0 ? ` Les onglets des candidats sont créés (${job.created.length}).` : '';
    throw new HostError(
      `${frenchOfficeError(error)}${tabs} Les onglets « Suivi E4 » et « Contrôle » seront réécrits au prochain passage.`,
      [...job.created],
      error,
    );
  }
  for (const piece of batch) {
    if (piece.kind === 'replace') job.existing.set(piece.spec.name.toLowerCase(), piece.spec.name);
    if (piece.kind !== 'rename') continue;
    job.existing.delete(piece.from.toLowerCase());
    job.existing.set(piece.to.toLowerCase(), piece.to);
  }
}

function queuePiece(
  sheets: Excel.WorksheetCollection,
  piece: FinalPiece,
  existing: Map<string, string>,
  state: WorkbookState,
  features: RenderFeatures,
): void {
  if (piece.kind === 'rename') {
    // Queued in this batch's sync like the rest: no round trip of its own.
    sheets.getItem(piece.from).name = piece.to;
    return;
  }
  if (piece.kind === 'update') {
    const ws = sheets.getItem(piece.sheet);
    const wasProtected = state.protectedUpdates.has(piece.sheet.toLowerCase());
    if (wasProtected) ws.protection.unprotect();
    queueCells(ws, piece.cells, {});
    if (wasProtected) queueProtect(ws);
    return;
  }
  const { spec, firstPart, lastPart, position } = piece;
  if (!firstPart) {
    // Later parts only add cells; protection waits for the last one.
    const ws = sheets.getItem(spec.name);
    queueCells(ws, piece.cells, spec.styles);
    if (lastPart && spec.protect) queueProtect(ws);
    return;
  }
  const current = existing.get(spec.name.toLowerCase());
  const ws = current === undefined ? sheets.add(spec.name) : clearSheet(sheets.getItem(current));
  if (current === undefined && position === 'first') ws.position = 0;
  queueSheet(ws, { ...spec, cells: piece.cells }, features, lastPart && spec.protect);
}

function deleteTemplates(sheets: Excel.WorksheetCollection, templates: Map<string, string>): void {
  for (const name of templates.values()) sheets.getItem(name).delete();
}

function clearSheet(ws: Excel.Worksheet): Excel.Worksheet {
  ws.protection.unprotect();
  const all = ws.getRange();
  all.conditionalFormats.clearAll();
  all.dataValidation.clear();
  all.clear('All');
  return ws;
}

/** Deletes what a failed chunk left (its tabs, stray template copies, the templates). Best effort. */
async function undoChunk(run: ExcelRunner, chunk: NewSheet[], templates: Map<string, string>): Promise<void> {
  try {
    await run(async (context) => {
      const sheets = context.workbook.worksheets.load('items/name');
      await context.sync();
      const doomed = new Set(chunk.map((s) => s.name.toLowerCase()));
      const prefixes = [...templates.values()].map((n) => n.toLowerCase());
      for (const ws of sheets.items) {
        const key = ws.name.toLowerCase();
        if (doomed.has(key) || prefixes.some((p) => key === p || key.startsWith(`${p} (`))) ws.delete();
      }
      await context.sync();
    });
  } catch {
    // The error already reported says what to do; a leftover template tab is named GE4-modèle-….
  }
}

function failureSentence(error: unknown, created: string[]): string {
  const cause = error instanceof HostError ? error.message : frenchOfficeError(error);
  if (created.length === 0) return `${cause} Aucun onglet n'a été créé.`;
  return `${cause} ${createdSummary(created)} Relancez « Créer les onglets » pour les suivants.`;
}

/** « 150 onglets créés avant l'arrêt (A, B, C et 147 autres). »: a count and three names, never 150 names. */
export function createdSummary(created: string[]): string {
  const shown = created.slice(0, 3).map((name) => `« ${name} »`);
  const rest = created.length - shown.length;
  const names = rest > 0 ? `${shown.join(', ')} et ${rest} autre${rest > 1 ? 's' : ''}` : frenchJoin(shown);
  const count = created.length === 1 ? '1 onglet créé' : `${created.length} onglets créés`;
  return `${count} avant l'arrêt (${names}).`;
}

function frenchJoin(items: string[]): string {
  return items.length <= 1
    ? items.join('')
    : `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}
