import type { Assessment } from '../assessment/types';
import { knownLayoutVersion } from '../grid/geometry';
import { gridMap } from '../grid/map';
import { gridReadCells } from '../grid/read-cells';
import { readAssessment } from '../grid/read';
import { parseRosterSheets, rosterIsUsable } from '../roster';
import type { HostPort, RangeRequest } from '../port';
import type { Epreuve } from '../referentiel/types';
import type { Candidate } from '../roster/types';
import { readSettings, SETTINGS_RANGE } from '../settings/sheet';
import { validate, type Finding, type UnreadTab } from '../validate';
import { foreignSheets, scanWorkbook, sheetsOfKind, type MarkedSheet, type WorkbookScan } from './scan';
import type { StatsSettings } from './types';

/** Everything control and statistics need, read in two round trips after listSheets. */
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
  const tabs = sheetsOfKind(scan, 'grid');
  const rosterSheets = foreignSheets(scan);
  const settingsTab = sheetsOfKind(scan, 'settings')[0];
  const requests: RangeRequest[] = [
    ...tabs.map((t) => tabRequest(epreuve, t)),
    ...rosterSheets.map((sheet) => ({ sheet })),
    ...(settingsTab ? [{ sheet: settingsTab.sheet, range: SETTINGS_RANGE }] : []),
  ];
  const values = await host.readRanges(requests);
  const assessments: Assessment[] = [];
  const unread: UnreadTab[] = [];
  tabs.forEach((tab, i) => {
    const result = readAssessment(epreuve, tab.sheet, values[i] ?? []);
    if ('assessment' in result) assessments.push(result.assessment);
    else unread.push({ sheet: tab.sheet, problem: result.problem, candidate: markerCandidate(tab) });
  });
  const rosterValues = values.slice(tabs.length, tabs.length + rosterSheets.length);
  const roster = parseRosterSheets(rosterSheets.map((name, i) => ({ name, values: rosterValues[i] ?? [] })));
  const settingsValues = settingsTab ? values[values.length - 1] : undefined;
  return {
    scan,
    tabs,
    assessments,
    unread,
    roster: rosterIsUsable(roster) ? roster.candidates : null,
    settings: settingsValues ? readSettings(settingsValues) : {},
  };
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

/** The check of everything read: the same findings for « Contrôle » and for the statistics' PROVISOIRE. */
export function checkClass(epreuve: Epreuve, read: ClassRead): Finding[] {
  return validate(epreuve, {
    assessments: read.assessments,
    roster: read.roster,
    tabsWithoutReader: read.unread,
  });
}
