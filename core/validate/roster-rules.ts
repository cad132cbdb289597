import type { Assessment } from '../assessment/types';
import { matchCandidates, nameKey, type MarkedTab, type MatchResult } from '../grid/match';
import type { TabMarker } from '../grid/marker';
import type { Candidate, RosterProblem } from '../roster/types';
import type { Finding } from './types';

/** A tab the reader could not read (unknown layout version, foreign épreuve…), with what its marker said. */
export interface UnreadTab {
  sheet: string;
  /** The reader's French explanation. */
  problem: string;
  /** Identity from the marker, when there was one: the roster candidate then still « has a tab ». */
  candidate?: { number: string; nom: string; prenom: string; birthDate?: string };
}

const ROSTER_RUBRIC = 'Liste de la classe';

interface Tab {
  sheet: string;
  /** Identity the tab shows (for the findings). */
  shown: NonNullable<Finding['candidate']>;
  assessment: Assessment | null;
  marked: MarkedTab;
}

/**
 * The same matching as the generation (core/grid/match), so that the check and a rerun agree on which
 * tab is whose. The marker keeps the number given at generation; NOM and Prénom are the visible ones,
 * which a rerun refreshes from the roster.
 */
function marked(
  sheet: string,
  id: { number: string; nom: string; prenom: string; birthDate?: string },
): MarkedTab {
  const marker: TabMarker = {
    kind: 'grid',
    tabId: sheet,
    layoutVersion: 0,
    epreuve: '',
    nom: id.nom,
    prenom: id.prenom,
  };
  if (id.number !== '') marker.candidateNumber = id.number;
  if (id.birthDate) marker.birthDate = id.birthDate;
  return { sheet, marker };
}

function tabsOf(assessments: Assessment[], unread: UnreadTab[]): Tab[] {
  const read = assessments.map((a): Tab => {
    const shown = {
      number: a.identity.number.value ?? '',
      nom: a.identity.nom.value ?? '',
      prenom: a.identity.prenom.value ?? '',
    };
    const number = a.identity.markerNumber ?? shown.number;
    return {
      sheet: a.sheet,
      shown,
      assessment: a,
      marked: marked(a.sheet, {
        number,
        nom: shown.nom,
        prenom: shown.prenom,
        birthDate: a.identity.birthDate,
      }),
    };
  });
  const others = unread.flatMap((u): Tab[] =>
    u.candidate
      ? [
          {
            sheet: u.sheet,
            shown: { number: u.candidate.number, nom: u.candidate.nom, prenom: u.candidate.prenom },
            assessment: null,
            marked: marked(u.sheet, u.candidate),
          },
        ]
      : [],
  );
  return [...read, ...others];
}

function tabFinding(
  tab: Tab,
  severity: Finding['severity'],
  code: string,
  message: string,
  cell?: string,
): Finding {
  return {
    severity,
    code,
    candidate: tab.shown,
    sheet: tab.sheet,
    cell: cell ?? tab.assessment?.identity.nom.ref.cell ?? null,
    rubric: ROSTER_RUBRIC,
    message,
  };
}

function orphanFinding(tab: Tab, rosterByName: () => Map<string, Candidate[]>): Finding {
  const named = rosterByName().get(nameKey(tab.shown.nom, tab.shown.prenom)) ?? [];
  if (named.length > 0) {
    // Suggest the birth date only where it is missing: a date already there cannot tell them apart more.
    const dated = tab.marked.marker.birthDate !== undefined && named.every((c) => c.birthDate !== undefined);
    const what = dated ? 'le N° candidat' : 'le N° candidat ou la date de naissance';
    return tabFinding(
      tab,
      'avertissement',
      'tab-ambiguous',
      "Cet onglet n'est rattaché à aucun candidat de la liste : plusieurs y portent ce nom, ou son N° candidat " +
        `y a changé. Vérifiez ${what} dans la liste et dans l'onglet, puis relancez la création des onglets.`,
    );
  }
  return tabFinding(
    tab,
    'avertissement',
    'tab-not-in-roster',
    "Le candidat de cet onglet n'est pas (ou plus) dans la liste de la classe : l'onglet est conservé ; " +
      "ajoutez le candidat à la liste, ou supprimez l'onglet vous-même s'il n'a plus lieu d'être.",
  );
}

function duplicateFindings(tabs: Tab[], sheets: string[]): Finding[] {
  const names = sheets.map((s) => `« ${s} »`).join(', ');
  return tabs
    .filter((t) => sheets.includes(t.sheet))
    .map((t) =>
      tabFinding(
        t,
        'erreur',
        'tab-duplicate',
        `Ce candidat a plusieurs onglets (${names}) : gardez-en un seul et supprimez les autres.`,
      ),
    );
}

function numberFinding(tab: Tab, candidate: Candidate, previous: string | undefined): Finding[] {
  const a = tab.assessment;
  const visible = tab.shown.number;
  if (!a || visible === '' || candidate.number === '' || visible === candidate.number) return [];
  if (previous !== undefined && previous === visible)
    return [
      tabFinding(
        tab,
        'avertissement',
        'number-corrected',
        `N° candidat corrigé dans la liste (${visible} → ${candidate.number}) : relancez la création des onglets pour mettre cet onglet à jour ; rien de ce qui y est saisi ne change.`,
        a.identity.number.ref.cell,
      ),
    ];
  return [
    tabFinding(
      tab,
      'erreur',
      'number-mismatch',
      `N° candidat ${visible} différent de celui de la liste (${candidate.number}) : corrigez l'onglet ou la liste.`,
      a.identity.number.ref.cell,
    ),
  ];
}

function rosterFinding(c: Candidate, severity: Finding['severity'], code: string, message: string): Finding {
  return {
    severity,
    code,
    candidate: { number: c.number, nom: c.nom, prenom: c.prenom },
    sheet: null,
    cell: null,
    rubric: ROSTER_RUBRIC,
    message,
  };
}

/** Ambiguous homonyms, as the matcher words them, attached to their roster candidate. */
function matchProblems(roster: Candidate[], problems: RosterProblem[]): Finding[] {
  // Rows indexed once (the first candidate of a row, as find): one scan of the roster per problem was n².
  const byRow = new Map<number | undefined, Candidate>();
  for (const r of roster) if (!byRow.has(r.row)) byRow.set(r.row, r);
  return problems
    .filter((p) => p.code !== 'tab-duplicate-number')
    .flatMap((p) => {
      const c = byRow.get(p.row);
      return c ? [rosterFinding(c, p.severity, p.code, p.message)] : [];
    });
}

function noTabFindings(result: MatchResult, ambiguousRows: Set<number>): Finding[] {
  const duplicated = new Set(result.duplicates.map((d) => d.number));
  return result.unmatched
    .filter((c) => !duplicated.has(c.number) && !ambiguousRows.has(c.row))
    .map((c) =>
      rosterFinding(
        c,
        'erreur',
        'roster-no-tab',
        `Aucun onglet pour ce candidat (ligne ${c.row} de la liste) : générez les grilles à nouveau pour le créer.`,
      ),
    );
}

/** Roster candidates grouped by folded name, in roster order. */
function namesOf(roster: Candidate[]): Map<string, Candidate[]> {
  const groups = new Map<string, Candidate[]>();
  for (const c of roster) {
    const key = nameKey(c.nom, c.prenom);
    const group = groups.get(key);
    if (group) group.push(c);
    else groups.set(key, [c]);
  }
  return groups;
}

/** Roster ↔ tabs: a candidate without a tab, a tab without a candidate, two tabs for one, a wrong N°. */
export function rosterRules(roster: Candidate[], assessments: Assessment[], unread: UnreadTab[]): Finding[] {
  const tabs = tabsOf(assessments, unread);
  const bySheet = new Map(tabs.map((t) => [t.sheet, t]));
  const result = matchCandidates(
    roster,
    tabs.map((t) => t.marked),
  );
  // The roster by folded name, built at the first orphan: looking each orphan up in the whole roster
  // was n² name foldings (4 s when 1500 tabs match no row of a wrong roster).
  let byName: Map<string, Candidate[]> | undefined;
  const rosterByName = (): Map<string, Candidate[]> => (byName ??= namesOf(roster));
  const ambiguous = matchProblems(roster, result.problems);
  const ambiguousRows = new Set(result.problems.map((p) => p.row ?? 0));
  return [
    ...result.pairs.flatMap((p) => {
      const tab = bySheet.get(p.sheet);
      return tab ? numberFinding(tab, p.candidate, p.previousNumber) : [];
    }),
    ...result.duplicates.flatMap((d) => duplicateFindings(tabs, d.sheets)),
    ...result.orphans.flatMap((o) => {
      const tab = bySheet.get(o.sheet);
      return tab ? [orphanFinding(tab, rosterByName)] : [];
    }),
    ...ambiguous,
    ...noTabFindings(result, ambiguousRows),
  ];
}
