import { numberKey } from '../roster/numbers';
import type { Candidate, RosterProblem } from '../roster/types';
import type { TabMarker } from './marker';

/**
 * Pairs roster candidates with the add-in's existing tabs: by N° candidat when both have one, otherwise by
 * NOM + Prénom (+ birth date when both know it) when that names exactly one tab and one roster row.
 * Numbers compare normalised (a lost leading zero is the same number). A roster row whose number no tab
 * carries takes back the one orphaned tab with the same NOM, Prénom and (when both have it) birth date: its
 * number was corrected after the tab was made. Anything ambiguous is reported and left unattached: a wrong
 * pairing would write one candidate's identity into another's grid.
 */

export interface MarkedTab {
  sheet: string;
  marker: TabMarker;
}

export interface MatchPair {
  candidate: Candidate;
  sheet: string;
  marker: TabMarker;
  /** True when the tab's marker lacks the candidate's number: the rerun writes it (identityCells). */
  numberAdded: boolean;
  /** The tab's number when the roster's differs from it (corrected since): the rerun writes the new one. */
  previousNumber?: string;
  /** Attached by NOM, Prénom (and birth date) although the tab carries another number. */
  relinked: boolean;
}

/** A roster row with no tab of its own for which several orphaned tabs (or rows) are possible. */
export interface AmbiguousRelink {
  candidate: Candidate;
  sheets: string[];
}

export interface MatchResult {
  pairs: MatchPair[];
  unmatched: Candidate[];
  orphans: MarkedTab[];
  /** Tabs that carry the same N° candidat (the second and following ones are not attached). */
  duplicates: Array<{ number: string; sheets: string[] }>;
  /** Rows withheld from tab creation: their corrected number could belong to several tabs. */
  ambiguous: AmbiguousRelink[];
  problems: RosterProblem[];
}

/** Accent- and case-insensitive key, spaces and hyphens folded: « Léa-Marie » = « LEA MARIE ». */
export function nameKey(nom: string, prenom: string): string {
  const fold = (s: string): string =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[\s\-'’]+/g, ' ')
      .trim();
  return `${fold(nom)}|${fold(prenom)}`;
}

function who(c: Pick<Candidate, 'nom' | 'prenom'>): string {
  return `${c.nom} ${c.prenom}`.trim();
}

function numberOf(tab: MarkedTab): string {
  return (tab.marker.candidateNumber ?? '').trim();
}

/** Tabs by number; a number carried by several tabs is a duplicate and none of them is matched by number. */
function indexByNumber(tabs: MarkedTab[], result: MatchResult): Map<string, MarkedTab> {
  const groups = new Map<string, MarkedTab[]>();
  for (const tab of tabs) {
    const n = numberKey(numberOf(tab));
    if (n === '') continue;
    const group = groups.get(n);
    if (group) group.push(tab);
    else groups.set(n, [tab]);
  }
  const byNumber = new Map<string, MarkedTab>();
  for (const [key, group] of groups) {
    if (group.length === 1) {
      byNumber.set(key, group[0]);
      continue;
    }
    const number = numberOf(group[0]);
    const sheets = group.map((t) => t.sheet);
    result.duplicates.push({ number, sheets });
    result.problems.push({
      severity: 'erreur',
      code: 'tab-duplicate-number',
      message: `Les onglets ${sheets.map((s) => `« ${s} »`).join(', ')} portent le même N° candidat ${number} : aucun n'est rattaché à la liste. Supprimez ou corrigez l'onglet en trop.`,
    });
  }
  return byNumber;
}

function sameBirth(c: Candidate, tab: MarkedTab): boolean {
  return !c.birthDate || !tab.marker.birthDate || c.birthDate === tab.marker.birthDate;
}

/** Items grouped by a key computed once each: matching by name stays linear in the class size. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function pairByName(
  candidates: Candidate[],
  tabs: MarkedTab[],
  result: MatchResult,
  attach: (c: Candidate, t: MarkedTab) => void,
): Candidate[] {
  const tabsByName = groupBy(tabs, (t) => nameKey(t.marker.nom ?? '', t.marker.prenom ?? ''));
  const rowsByName = groupBy(candidates, (c) => nameKey(c.nom, c.prenom));
  const left: Candidate[] = [];
  for (const c of candidates) {
    const key = nameKey(c.nom, c.prenom);
    // A tab that already has another number belongs to someone else.
    const tabsFor = (tabsByName.get(key) ?? []).filter(
      (t) =>
        sameBirth(c, t) &&
        (numberOf(t) === '' || c.number === '' || numberKey(numberOf(t)) === numberKey(c.number)),
    );
    const rowsFor = (rowsByName.get(key) ?? []).filter((o) => tabsFor.some((t) => sameBirth(o, t)));
    if (tabsFor.length === 1 && rowsFor.length === 1) {
      attach(c, tabsFor[0]);
    } else {
      if (tabsFor.length > 1 || rowsFor.length > 1) {
        const rows = rowsFor.map((o) => o.row).join(', ');
        const sheets = tabsFor.map((t) => `« ${t.sheet} »`).join(', ');
        result.problems.push({
          severity: 'avertissement',
          code: 'match-ambiguous',
          row: c.row,
          message: `${who(c)} (ligne ${c.row}) : homonymes ambigus (lignes ${rows} de la liste ; onglets ${sheets}). Aucun onglet n'est rattaché : ajoutez le N° candidat ou la date de naissance dans la liste.`,
        });
      }
      left.push(c);
    }
  }
  return left;
}

/**
 * Rows with a number that no tab carries, and tabs with a number that no row carries: a row takes back the
 * one such tab with its identity when that tab fits no other such row. Returns the rows left.
 */
function relinkCorrected(
  candidates: Candidate[],
  tabs: MarkedTab[],
  result: MatchResult,
  attach: (c: Candidate, t: MarkedTab, relinked: boolean) => void,
): Candidate[] {
  // Grouped by name once: comparing every row with every orphaned tab folded names n² times (5 s at
  // 1500 candidates whose numbers were all corrected). Within a group the same identity is the same birth.
  const numberedByName = groupBy(
    candidates.filter((c) => c.number !== ''),
    (c) => nameKey(c.nom, c.prenom),
  );
  const orphansByName = groupBy(
    tabs.filter((t) => numberOf(t) !== ''),
    (t) => nameKey(t.marker.nom ?? '', t.marker.prenom ?? ''),
  );
  const left: Candidate[] = [];
  for (const c of candidates) {
    if (c.number === '') {
      left.push(c);
      continue;
    }
    const key = nameKey(c.nom, c.prenom);
    const tabsFor = (orphansByName.get(key) ?? []).filter((t) => sameBirth(c, t));
    const rowsFor = (numberedByName.get(key) ?? []).filter((o) => tabsFor.some((t) => sameBirth(o, t)));
    if (tabsFor.length === 1 && rowsFor.length === 1) {
      attach(c, tabsFor[0], true);
      continue;
    }
    left.push(c);
    if (tabsFor.length === 0) continue;
    const sheets = tabsFor.map((t) => `« ${t.sheet} » (N° ${numberOf(t)})`).join(', ');
    const rows = rowsFor.map((o) => `${o.row}`).join(', ');
    result.ambiguous.push({ candidate: c, sheets: tabsFor.map((t) => t.sheet) });
    result.problems.push({
      severity: 'avertissement',
      code: 'relink-ambiguous',
      row: c.row,
      message: `${who(c)} (ligne ${c.row}, N° ${c.number}) : aucun onglet ne porte ce numéro et ${
        tabsFor.length > 1
          ? `plusieurs onglets ont ce nom : ${sheets}`
          : `l'onglet ${sheets} convient aussi aux lignes ${rows} de la liste`
      }. Aucun onglet n'est créé ni rattaché pour cette ligne : ${
        c.birthDate === undefined ? 'indiquez dans la liste la date de naissance, ou ' : ''
      }remettez dans la liste les anciens numéros et corrigez-les un par un, en relançant après chacun : chaque onglet sera retrouvé.`,
    });
  }
  return left;
}

export function matchCandidates(candidates: Candidate[], tabs: MarkedTab[]): MatchResult {
  const result: MatchResult = {
    pairs: [],
    unmatched: [],
    orphans: [],
    duplicates: [],
    ambiguous: [],
    problems: [],
  };
  const byNumber = indexByNumber(tabs, result);
  const duplicated = new Set(result.duplicates.flatMap((d) => d.sheets));
  const used = new Set<MarkedTab>();
  const attach = (candidate: Candidate, tab: MarkedTab, relinked = false): void => {
    used.add(tab);
    const tabNumber = numberOf(tab);
    const pair: MatchPair = {
      candidate,
      sheet: tab.sheet,
      marker: tab.marker,
      numberAdded: candidate.number !== '' && tabNumber === '',
      relinked,
    };
    if (candidate.number !== '' && tabNumber !== '' && tabNumber !== candidate.number)
      pair.previousNumber = tabNumber;
    result.pairs.push(pair);
  };
  const rest: Candidate[] = [];
  for (const c of candidates) {
    const tab = c.number === '' ? undefined : byNumber.get(numberKey(c.number));
    if (tab) attach(c, tab);
    else rest.push(c);
  }
  const free = (): MarkedTab[] => tabs.filter((t) => !used.has(t) && !duplicated.has(t.sheet));
  const byName = pairByName(rest, free(), result, attach);
  const left = relinkCorrected(byName, free(), result, attach);
  const withheld = new Set(result.ambiguous.map((a) => a.candidate));
  result.unmatched = left.filter((c) => !withheld.has(c));
  // A tab named in an ambiguous re-link is reported there, not as a tab without candidate.
  const named = new Set(result.ambiguous.flatMap((a) => a.sheets));
  result.orphans = free().filter((t) => !named.has(t.sheet));
  return result;
}
