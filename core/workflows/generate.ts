import { candidateCells, gridTemplate, groupOf, identityCells } from '../grid/layout';
import { matchCandidates, type MatchPair } from '../grid/match';
import { newTabId, type TabMarker } from '../grid/marker';
import { tabName } from '../grid/naming';
import type { HostPort, NewSheet } from '../port';
import { emptyPlan } from '../port';
import { E4 } from '../referentiel';
import type { Epreuve, FormId } from '../referentiel/types';
import type { Candidate, RosterProblem } from '../roster/types';
import type { CellSpec } from '../spec/types';
import { lastControlFrom, recapAfterGeneration, recapRequest } from './recap-entry';
import { rosterFromValues, rosterPreview, rosterRequests } from './roster-source';
import { scanWorkbook, sheetsOfKind, type MarkedSheet } from './scan';
import { numberCorrections } from './number-corrections';
import { decideSession } from './session';
import { correctionRenames, renamedSheet } from './tab-renames';
import type { GenerateOptions, GenerateResult } from './types';

/**
 * Fields of the marker that come from the roster: a rerun rewrites them only when the roster changed
 * (a field the roster lacks never blanks the tab's).
 */
function identityChanged(epreuve: Epreuve, form: FormId, candidate: Candidate, marker: TabMarker): boolean {
  const group = groupOf(form, epreuve, candidate);
  return (
    (candidate.number !== '' && candidate.number !== (marker.candidateNumber ?? '')) ||
    candidate.nom !== (marker.nom ?? '') ||
    candidate.prenom !== (marker.prenom ?? '') ||
    (candidate.birthDate !== undefined && candidate.birthDate !== (marker.birthDate ?? '')) ||
    (group !== undefined && group !== (marker.group ?? ''))
  );
}

function refreshUpdates(epreuve: Epreuve, pairs: MatchPair[]): Array<{ sheet: string; cells: CellSpec[] }> {
  return pairs.flatMap((p) => {
    const form = p.marker.form;
    if (form === undefined || !identityChanged(epreuve, form, p.candidate, p.marker)) return [];
    return [{ sheet: p.sheet, cells: identityCells(epreuve, form, p.candidate, p.marker) }];
  });
}

/** Names and ids for the candidates still without a tab, in roster order. */
function newSheets(
  epreuve: Epreuve,
  options: { form: FormId; session: number },
  candidates: Candidate[],
  names: string[],
  tabs: MarkedSheet[],
): Array<NewSheet & { candidate: Candidate }> {
  const takenNames = new Set(names.map((n) => n.toLowerCase()));
  const takenIds = new Set(tabs.map((t) => t.marker.tabId));
  const template = templateKey(options.form, options.session);
  return candidates.map((candidate) => {
    const name = tabName(candidate, takenNames);
    const id = newTabId(candidate, takenIds);
    return {
      candidate,
      name,
      template,
      cells: candidateCells(epreuve, options.form, options.session, candidate, id),
    };
  });
}

function templateKey(form: FormId, session: number): string {
  return `grille-${form}-${session}`;
}

function exitCodeOf(problems: RosterProblem[]): 0 | 1 {
  return problems.some((p) => p.severity === 'avertissement' || p.severity === 'erreur') ? 1 : 0;
}

/**
 * Class roster → one tab per candidate + « Suivi E4 ». Adds tabs for new candidates only, refreshes the
 * identity cells that come from the roster, never touches a cell the teacher fills; a candidate gone from
 * the roster keeps their tab and is reported. Round trips: listSheets, one read of every marker, one read
 * of the roster (and recap), one apply — whatever the class size. `maxNewTabs` lets a host with a time
 * limit (Apps Script) create the tabs over several calls; each call starts from what exists.
 */
export async function generateGrids(
  host: HostPort,
  options: GenerateOptions,
  epreuve: Epreuve = E4,
): Promise<GenerateResult> {
  const scan = await scanWorkbook(host);
  // The roster and the current recap (for its « Dernier contrôle » column) in one round trip.
  const requests = rosterRequests(scan, options.roster);
  const values = await host.readRanges([...requests, ...recapRequest(scan)]);
  const roster = rosterFromValues(scan, options.roster, values.slice(0, requests.length));
  const preview = rosterPreview(roster);
  // Asked for rather than given: the roster's title (« Session 2026 — … ») decides, as chooseSession says.
  const choice =
    typeof options.session === 'number'
      ? undefined
      : decideSession(options.session, roster.session, options.clock, epreuve);
  const session = choice?.session ?? (options.session as number);
  const said = choice ? { session: choice } : {};
  const nothing = {
    preview,
    created: [],
    existing: 0,
    refreshed: [],
    relinked: [],
    orphans: [],
    remaining: 0,
  };
  if (!preview.usable) return { ...nothing, ...said, problems: roster.problems, exitCode: 2 };

  const scanned = sheetsOfKind(scan, 'grid');
  const match = matchCandidates(roster.candidates, scanned);
  // A tab kept through a corrected number takes its candidate's name now; from here on, tabs go by
  // the names they will have (the host renames first).
  const renames = correctionRenames(match.pairs, scan.names);
  const renamed = renamedSheet(renames);
  const tabs = scanned.map((t) => ({ ...t, sheet: renamed(t.sheet) }));
  const pairs = match.pairs.map((p) => ({ ...p, sheet: renamed(p.sheet) }));
  const limit = options.maxNewTabs ?? match.unmatched.length;
  const names = [...scan.names, ...renames.map((r) => r.to)];
  const toCreate = newSheets(
    epreuve,
    { form: options.form, session },
    match.unmatched.slice(0, limit),
    names,
    tabs,
  );
  const remaining = match.unmatched.length - toCreate.length;

  const plan = emptyPlan();
  if (toCreate.length > 0)
    plan.templates[templateKey(options.form, session)] = gridTemplate(epreuve, options.form, session);
  if (renames.length > 0) plan.renames = renames;
  plan.add = toCreate.map(({ name, template, cells }) => ({ name, template, cells }));
  plan.updates = refreshUpdates(epreuve, pairs);
  // The recap lists every tab; during a chunked run it is written once, by the last chunk.
  if (remaining === 0) {
    const matched = new Map(pairs.map((p) => [p.sheet, p.candidate]));
    const verdicts = lastControlFrom(values[requests.length]);
    for (const { from, to } of renames) {
      if (verdicts[from] === undefined) continue;
      verdicts[to] = verdicts[from];
      delete verdicts[from];
    }
    plan.replace.push(recapAfterGeneration(epreuve, tabs, matched, toCreate, options.form, verdicts));
  }
  const applied = await host.apply(plan, options.progress);
  // A set, not plan.add.some per created tab: that was n² (2 M comparisons for 1500 new tabs).
  const added = new Set(plan.add.map((a) => a.name));
  const problems = [...roster.problems, ...match.problems];
  return {
    preview,
    created: applied.created.filter((name) => added.has(name)),
    existing: match.pairs.length,
    refreshed: plan.updates.map((u) => u.sheet),
    relinked: numberCorrections(match.pairs, renames),
    orphans: match.orphans.map((o) => ({
      sheet: o.sheet,
      nom: o.marker.nom ?? '',
      prenom: o.marker.prenom ?? '',
      number: o.marker.candidateNumber ?? '',
    })),
    remaining,
    problems,
    ...said,
    // A tab left without its candidate, taken back by name, or a session forced against the roster's
    // title, is something to read.
    exitCode:
      match.orphans.length > 0 || match.pairs.some((p) => p.relinked) || choice?.warning === true
        ? 1
        : exitCodeOf(problems),
  };
}
