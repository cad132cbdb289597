import type { Assessment } from '../assessment/types';
import type { CreatedWorkbook, HostPort } from '../port';
import { emptyPlan } from '../port';
import { E4, formDef } from '../referentiel';
import type { Clock } from '../referentiel/lookup';
import type { Epreuve } from '../referentiel/types';
import { DEFAULT_SETTINGS, settingsSheet } from '../settings/sheet';
import type { SheetSpec, WorkbookSpec } from '../spec/types';
import { computeStatistics, STATS_SHEETS } from '../stats';
import { classeursSheet, type SourceRow } from '../stats/sheets/classeurs';
import type { Statistics } from '../stats/types';
import { classHasErreur, readClass, type ClassRead } from './read-class';
import { countedAssessments, statisticsOutput, uniqueSorted } from './statistics';
import type { StatisticsOptions, StatisticsSummary, StatsSettings } from './types';

/**
 * Several grids workbooks → one statistics workbook (a lycée with two classes, a centre with several
 * commissions). Pure: the hosts read each workbook with `readClass`, this function only computes, so the
 * CLI and the add-ins consolidate alike.
 */

/** One grids workbook already read, named as the user knows it (its file name). */
export interface SourceRead {
  file: string;
  read: ClassRead;
}

/**
 * What consolidation keeps of one workbook: small enough to travel as JSON (the Sheets sidebar reads
 * the picked files and sends only this to the server), computed by `digestSource` the same everywhere.
 */
export interface SourceDigest {
  file: string;
  /** The assessments the statistics count (countedAssessments). */
  counted: Assessment[];
  /** Every tab read, only when none is counted: the « Classeurs » row still names its division. */
  uncounted: Assessment[];
  /** The workbook's own check found an erreur: the table is PROVISOIRE. */
  hasErrors: boolean;
  settings: Partial<StatsSettings>;
}

/** The digest of one workbook read: its counted candidates and its check, nothing else. */
export function digestSource(epreuve: Epreuve, source: SourceRead): SourceDigest {
  const counted = countedAssessments(source.read);
  return {
    file: source.file,
    counted,
    uncounted: counted.length > 0 ? [] : source.read.assessments,
    hasErrors: classHasErreur(epreuve, source.read),
    settings: source.read.settings,
  };
}

function isDigest(source: SourceRead | SourceDigest): source is SourceDigest {
  return 'counted' in source;
}

/** The same candidate number in two workbooks: an erreur, counted once (in the first). */
export interface DuplicateCandidate {
  number: string;
  first: { file: string; sheet: string };
  second: { file: string; sheet: string };
}

export interface ConsolidateOptions {
  clock: Clock;
  settings?: Partial<StatsSettings>;
  nominatif: boolean;
}

export interface Consolidation {
  stats: Statistics;
  sources: SourceRow[];
  duplicates: DuplicateCandidate[];
  /** Every assessment counted, in source order (the nominative sheet lists them). */
  assessments: Assessment[];
  workbook: WorkbookSpec;
  summary: StatisticsSummary;
}

/** Workbooks of different sessions or forms cannot make one table; the message names the files. */
export class MixedSourcesError extends Error {}

/** Nothing to count in any workbook. */
export class NoSourceError extends Error {}

function numberOf(a: Assessment): string {
  return (a.identity.markerNumber || a.identity.number.value || '').trim();
}

interface Counted {
  file: string;
  counted: Assessment[];
}

/** Refuses sources whose sessions or forms differ, naming every file and its value. */
function checkSameKind(epreuve: Epreuve, sources: readonly Counted[]): void {
  const differences: string[] = [];
  const describe = (label: string, valuesOf: (a: Assessment) => string): void => {
    const per = sources.map((s) => ({ file: s.file, values: uniqueSorted(s.counted.map(valuesOf)) }));
    const all = new Set(per.flatMap((p) => p.values));
    if (all.size <= 1) return;
    differences.push(
      `${label} différentes : ${per.map((p) => `${p.file} (${p.values.join(', ')})`).join(' ; ')}`,
    );
  };
  describe('Sessions', (a) => String(a.session));
  describe('Formes', (a) => formDef(epreuve, a.form).label);
  if (differences.length > 0)
    throw new MixedSourcesError(
      [
        'Ces classeurs ne peuvent pas être réunis dans un même tableau :',
        ...differences.map((d) => `  - ${d}`),
        'Produisez un tableau par session et par forme, avec les seuls classeurs de chacune.',
      ].join('\n'),
    );
}

/** Keeps each candidate number once, in the first workbook that has it, and reports the others. */
function removeDuplicates(sources: readonly Counted[]): {
  kept: Counted[];
  duplicates: DuplicateCandidate[];
} {
  const seen = new Map<string, { file: string; sheet: string }>();
  const duplicates: DuplicateCandidate[] = [];
  const kept = sources.map((s) => ({
    file: s.file,
    counted: s.counted.filter((a) => {
      const number = numberOf(a);
      if (number === '') return true;
      const first = seen.get(number);
      if (first) {
        duplicates.push({ number, first, second: { file: s.file, sheet: a.sheet } });
        return false;
      }
      seen.set(number, { file: s.file, sheet: a.sheet });
      return true;
    }),
  }));
  return { kept, duplicates };
}

/** The French sentence the CLI and the panes show for a duplicate. */
export function duplicateMessage(epreuve: Epreuve, d: DuplicateCandidate): string {
  return `Erreur : le N° candidat ${d.number} est dans deux classeurs : ${d.first.file} (onglet « ${d.first.sheet} ») et ${d.second.file} (onglet « ${d.second.sheet} »). Il n'est compté qu'une fois, dans ${d.first.file} ; supprimez l'onglet en trop ou corrigez le numéro, puis relancez.`;
}

function sourceRow(epreuve: Epreuve, file: string, counted: Assessment[], digest: SourceDigest): SourceRow {
  const stats = computeStatistics(epreuve, counted, { hasErrors: false });
  const all = counted.length > 0 ? counted : digest.uncounted;
  return {
    file,
    divisions: uniqueSorted(all.map((a) => (a.identity.group.value ?? '').trim())),
    forms: uniqueSorted(all.map((a) => formDef(epreuve, a.form).label)),
    sessions: uniqueSorted(all.map((a) => a.session)),
    counts: stats.counts,
    mean: stats.notes.mean,
  };
}

function nonEmpty(values: Partial<StatsSettings> | undefined): Partial<StatsSettings> {
  const kept: Partial<StatsSettings> = {};
  for (const [key, value] of Object.entries(values ?? {}) as Array<[keyof StatsSettings, string | undefined]>)
    if (value !== undefined && value.trim() !== '') kept[key] = value.trim();
  return kept;
}

/** « Classeurs » goes right after « Synthèse »: it says where the figures come from. */
function withClasseurs(workbook: WorkbookSpec, sheet: SheetSpec): WorkbookSpec {
  const at = workbook.sheets.findIndex((s) => s.name === STATS_SHEETS.synthese) + 1;
  return { ...workbook, sheets: [...workbook.sheets.slice(0, at), sheet, ...workbook.sheets.slice(at)] };
}

/**
 * The statistics of every candidate of every workbook, each counted once. PROVISOIRE when a candidate is
 * not graded, when the check of any workbook finds an erreur, or when a number is in two workbooks.
 * Throws MixedSourcesError (sessions or forms differ) and NoSourceError (no candidate anywhere).
 */
export function consolidateStatistics(
  epreuve: Epreuve,
  sources: ReadonlyArray<SourceRead | SourceDigest>,
  options: ConsolidateOptions,
): Consolidation {
  const reads = sources.map((s) => (isDigest(s) ? s : digestSource(epreuve, s)));
  // Tab ids are unique within a workbook only: the source's position keeps them apart across workbooks.
  const counted = reads.map((s, i) => ({
    file: s.file,
    counted: s.counted.map((a) => ({ ...a, tabId: `${i + 1}:${a.tabId}` })),
  }));
  if (counted.every((c) => c.counted.length === 0))
    throw new NoSourceError("Aucun onglet de candidat n'a été trouvé dans ces classeurs.");
  checkSameKind(epreuve, counted);
  const { kept, duplicates } = removeDuplicates(counted);
  const assessments = kept.flatMap((k) => k.counted);
  const checkErrors = reads.some((s) => s.hasErrors);
  const stats = computeStatistics(epreuve, assessments, { hasErrors: checkErrors || duplicates.length > 0 });
  const rows = reads.map((s, i) => sourceRow(epreuve, s.file, kept[i].counted, s));
  const remembered = reads.reduce<Partial<StatsSettings>>((acc, s) => ({ ...s.settings, ...acc }), {});
  const settings: StatsSettings = { ...DEFAULT_SETTINGS, ...remembered, ...nonEmpty(options.settings) };
  const { workbook: base, summary } = statisticsOutput(epreuve, stats, assessments, settings, options);
  const workbook = withClasseurs(base, classeursSheet(rows, stats.counts, stats.notes.mean));
  return { stats, sources: rows, duplicates, assessments, workbook, summary };
}

/** What the panes show after statistics over the open workbook and others picked on the computer. */
export interface ConsolidatedRun {
  summary: StatisticsSummary;
  workbook: WorkbookSpec;
  created: CreatedWorkbook;
  /** French lines: the workbooks counted, each duplicate candidate. */
  notes: string[];
}

/**
 * Statistics over the open workbook (named `currentName`) and other grids workbooks already read: the
 * add-ins' « Ajouter d'autres classeurs… ». The other workbooks are only read; the settings are remembered
 * in the open one, as for its own statistics.
 */
export async function runConsolidatedStatistics(
  host: HostPort,
  others: ReadonlyArray<SourceRead | SourceDigest>,
  options: StatisticsOptions & { currentName: string },
  epreuve: Epreuve = E4,
): Promise<ConsolidatedRun> {
  const current = { file: options.currentName, read: await readClass(host, epreuve) };
  const run = consolidateStatistics(epreuve, [current, ...others], options);
  const created = await host.createWorkbook(run.workbook);
  if (options.persistSettings) {
    const plan = emptyPlan();
    plan.replace.push({ spec: settingsSheet(run.summary.settings), position: 'last' });
    await host.apply(plan);
  }
  const notes = [
    `Classeurs réunis : ${run.sources.map((s) => `${s.file} (${s.counts.inscrits})`).join(', ')}.`,
    ...run.duplicates.map((d) => duplicateMessage(epreuve, d)),
  ];
  return { summary: run.summary, workbook: run.workbook, created, notes };
}
