import { frenchOrder } from '../text/french-order';
import type { Assessment } from '../assessment/types';
import { matchCandidates } from '../grid/match';
import type { CreatedWorkbook, HostPort } from '../port';
import { emptyPlan } from '../port';
import { E4, formDef } from '../referentiel';
import type { Epreuve } from '../referentiel/types';
import { DEFAULT_SETTINGS, settingsSheet } from '../settings/sheet';
import type { WorkbookSpec } from '../spec/types';
import { computeStatistics, statisticsWorkbook, statsFileName } from '../stats';
import type { Statistics } from '../stats/types';
import { classHasErreur, readClass, type ClassRead } from './read-class';
import type { StatisticsOptions, StatisticsSummary, StatsSettings } from './types';

export interface StatisticsRun {
  summary: StatisticsSummary;
  workbook: WorkbookSpec;
  created: CreatedWorkbook;
}

/** Error raised when there is nothing to compute on; its message is for the user. */
export class NoCandidateError extends Error {}

/**
 * The candidates that count: with a roster, the tabs matched to a roster candidate (the same matching as
 * generation and the check, so a tab whose candidate left is reported, not counted); then one per
 * candidate number (or per tab while the number is unknown).
 */
export function countedAssessments(read: ClassRead): Assessment[] {
  const onRoster = read.roster
    ? new Set(matchCandidates(read.roster, read.tabs).pairs.map((p) => p.sheet))
    : null;
  const seen = new Set<string>();
  return read.assessments.filter((a) => {
    if (onRoster && !onRoster.has(a.sheet)) return false;
    const key = a.identity.markerNumber || a.identity.number.value || `tab:${a.tabId}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export async function loadSettings(host: HostPort, epreuve: Epreuve = E4): Promise<StatsSettings> {
  const read = await readClass(host, epreuve);
  return { ...DEFAULT_SETTINGS, ...read.settings };
}

function nonEmpty(values: Partial<StatsSettings> | undefined): Partial<StatsSettings> {
  const kept: Partial<StatsSettings> = {};
  for (const [key, value] of Object.entries(values ?? {}) as Array<
    [keyof StatsSettings, string | undefined]
  >) {
    if (value !== undefined && value.trim() !== '') kept[key] = value.trim();
  }
  return kept;
}

/** Distinct non-empty values, numbers in order and texts in French order (sessions, forms, divisions). */
export function uniqueSorted<T extends string | number>(values: T[]): T[] {
  return [...new Set(values.filter((v) => v !== ''))].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : frenchOrder(String(a), String(b)),
  );
}

/**
 * Assessments → the SIEC statistics workbook, created by the host as a separate workbook (values only).
 * PROVISOIRE while a candidate is not graded or the check finds an erreur.
 */
export async function runStatistics(
  host: HostPort,
  options: StatisticsOptions,
  epreuve: Epreuve = E4,
): Promise<StatisticsRun> {
  const read = await readClass(host, epreuve);
  const assessments = countedAssessments(read);
  if (assessments.length === 0)
    throw new NoCandidateError(
      "Aucun onglet de candidat n'a été trouvé dans ce classeur : créez d'abord les onglets (« Grilles »), puis remplissez-les.",
    );
  const stats = computeStatistics(epreuve, assessments, { hasErrors: classHasErreur(epreuve, read) });
  const settings: StatsSettings = { ...DEFAULT_SETTINGS, ...read.settings, ...nonEmpty(options.settings) };
  const { workbook, summary } = statisticsOutput(epreuve, stats, assessments, settings, options);
  const created = await host.createWorkbook(workbook);
  if (options.persistSettings) {
    const plan = emptyPlan();
    plan.replace.push({ spec: settingsSheet(settings), position: 'last' });
    await host.apply(plan);
  }
  return { summary, workbook, created };
}

/**
 * The statistics workbook and the panels' summary of counted assessments: one definition for one class
 * and for several workbooks (consolidate.ts). The session is the latest of the assessments.
 */
export function statisticsOutput(
  epreuve: Epreuve,
  stats: Statistics,
  assessments: Assessment[],
  settings: StatsSettings,
  options: Pick<StatisticsOptions, 'clock' | 'nominatif'>,
): { workbook: WorkbookSpec; summary: StatisticsSummary } {
  const session = Math.max(...assessments.map((a) => a.session));
  const meta = {
    ...settings,
    session,
    forms: uniqueSorted(assessments.map((a) => formDef(epreuve, a.form).label)),
    divisions: uniqueSorted(assessments.map((a) => (a.identity.group.value ?? '').trim())),
    issuedOn: options.clock(),
  };
  return {
    workbook: statisticsWorkbook(epreuve, stats, meta, { nominatif: options.nominatif, assessments }),
    summary: {
      provisional: stats.provisional,
      inscrits: stats.counts.inscrits,
      presentsNotes: stats.counts.presentsNotes,
      mean: stats.notes.mean,
      settings,
      fileName: statsFileName(session, settings.etablissement),
    },
  };
}
