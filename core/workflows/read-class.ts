import type { Assessment } from '../assessment/types';
import { knownLayoutVersion } from '../grid/geometry';
import { gridMap } from '../grid/map';
import { gridReadCells } from '../grid/read-cells';
import { readAssessment } from '../grid/read';
import { parseRosterSheets, rosterIsUsable } from '../roster';
import { CELLS_PER_READ, type HostPort, type RangeRequest } from '../port';
import { boxArea, parseRange } from '../spec/a1';
import type { Epreuve } from '../referentiel/types';
import type { CellValue } from '../spec/types';
import type { Candidate } from '../roster/types';
import { readSettings, SETTINGS_RANGE } from '../settings/sheet';
import { hasErreur, validate, type Finding, type UnreadTab, type ValidateInput } from '../validate';
import { foreignSheets, scanWorkbook, sheetsOfKind, type MarkedSheet, type WorkbookScan } from './scan';
import type { StatsSettings } from './types';

/** Everything control and statistics need, read after listSheets: the markers, then the tabs (see readTabsWith). */
export interface ClassRead {
  scan: WorkbookScan;
  tabs: MarkedSheet[];
  assessments: Assessment[];
  unread: UnreadTab[];
  /** Null when no roster sheet with a usable header is found: the roster ↔ tabs rules are then skipped. */
  roster: Candidate[] | null;
  settings: Partial<StatsSettings>;
}

/**
 * The read of one candidate's tab: its whole range, and the cells its reading looks at (the map of the
 * tab's own layout version) so that a host may skip the labels.
 */
function tabRequest(epreuve: Epreuve, tab: MarkedSheet): RangeRequest {
  const { form, layoutVersion } = tab.marker;
  // A tab whose marker lacks a form is still read (with the CCF map) so that the reader reports it.
  const request: RangeRequest = { sheet: tab.sheet, range: gridMap(epreuve, form ?? 'ccf').readRange };
  const version = knownLayoutVersion(layoutVersion);
  if (form && version !== null) request.cells = gridReadCells(gridMap(epreuve, form, version));
  return request;
}

export async function readClass(host: HostPort, epreuve: Epreuve): Promise<ClassRead> {
  const scan = await scanWorkbook(host);
  const rosterSheets = foreignSheets(scan);
  const settingsTab = sheetsOfKind(scan, 'settings')[0];
  // The roster sheets and the settings come with the last batch of tabs.
  const { read, extra } = await readTabsWith(host, epreuve, scan, [
    ...rosterSheets.map((sheet) => ({ sheet })),
    ...(settingsTab ? [{ sheet: settingsTab.sheet, range: SETTINGS_RANGE }] : []),
  ]);
  const roster = parseRosterSheets(rosterSheets.map((name, i) => ({ name, values: extra[i] ?? [] })));
  const settingsValues = settingsTab ? extra[extra.length - 1] : undefined;
  return {
    ...read,
    roster: rosterIsUsable(roster) ? roster.candidates : null,
    settings: settingsValues ? readSettings(settingsValues) : {},
  };
}

/** What an export of the grids needs: every tab's assessment, or why it could not be read. */
export type TabsRead = Pick<ClassRead, 'scan' | 'tabs' | 'assessments' | 'unread'>;

/**
 * The tabs alone, for an export (« lire »): no roster sheet is read, nor parsed. A teacher's roster of a
 * big class is a sheet as big as a hundred tabs, and only the check compares it with the tabs.
 */
export async function readTabs(host: HostPort, epreuve: Epreuve): Promise<TabsRead> {
  return (await readTabsWith(host, epreuve, await scanWorkbook(host), [])).read;
}

/**
 * Reads every tab of the scan, and `extra` ranges with the last of its tabs (their values in `extra`).
 * The tabs are asked for in batches of at most CELLS_PER_READ cells, each batch read into assessments
 * before the next is asked for: no host holds every tab's values at once (the file engine held 3 MB of
 * them at 600 tabs, and the collector copied them), and Excel, which answers that many cells per sync,
 * makes no more round trips than it did for the whole class.
 */
async function readTabsWith(
  host: HostPort,
  epreuve: Epreuve,
  scan: WorkbookScan,
  extraRequests: RangeRequest[],
): Promise<{ read: TabsRead; extra: CellValue[][][] }> {
  const tabs = sheetsOfKind(scan, 'grid');
  const requests = tabs.map((t) => tabRequest(epreuve, t));
  const assessments: Assessment[] = [];
  const unread: UnreadTab[] = [];
  let extra: CellValue[][][] = [];
  for (const [from, to] of batches(requests)) {
    const last = to === tabs.length;
    const values = await host.readRanges([...requests.slice(from, to), ...(last ? extraRequests : [])]);
    for (let i = from; i < to; i++) {
      const tab = tabs[i];
      const result = readAssessment(epreuve, tab.sheet, values[i - from] ?? []);
      if ('assessment' in result) assessments.push(result.assessment);
      else unread.push({ sheet: tab.sheet, problem: result.problem, candidate: markerCandidate(tab) });
    }
    if (last) extra = values.slice(to - from);
  }
  return { read: { scan, tabs, assessments, unread }, extra };
}

/** [from, to) of consecutive requests of at most CELLS_PER_READ cells (or one request); one, empty, for none. */
function batches(requests: readonly RangeRequest[]): Array<[number, number]> {
  const found: Array<[number, number]> = [];
  let from = 0;
  let cells = 0;
  requests.forEach((request, i) => {
    const size = request.range === undefined ? 0 : boxArea(parseRange(request.range));
    if (i > from && cells + size > CELLS_PER_READ) {
      found.push([from, i]);
      from = i;
      cells = 0;
    }
    cells += size;
  });
  found.push([from, requests.length]);
  return found;
}

function markerCandidate(tab: MarkedSheet): UnreadTab['candidate'] {
  const m = tab.marker;
  if (!m.nom && !m.candidateNumber) return undefined;
  return {
    number: m.candidateNumber ?? '',
    nom: m.nom ?? '',
    prenom: m.prenom ?? '',
    birthDate: m.birthDate,
  };
}

/** The check of everything read: the findings « Contrôle » lists. */
export function checkClass(epreuve: Epreuve, read: ClassRead): Finding[] {
  return validate(epreuve, checkInput(read));
}

/** Whether checkClass finds an erreur (what makes the statistics PROVISOIRE), from the same rules. */
export function classHasErreur(epreuve: Epreuve, read: ClassRead): boolean {
  return hasErreur(epreuve, checkInput(read));
}

function checkInput(read: ClassRead): ValidateInput {
  return { assessments: read.assessments, roster: read.roster, tabsWithoutReader: read.unread };
}
