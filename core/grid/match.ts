import type { Candidate, RosterProblem } from '../roster/types';
import type { TabMarker } from './marker';

/**
 * Pairs roster candidates with the add-in's existing tabs: by N° candidat when both have one, otherwise by
 * NOM + Prénom (+ birth date when both know it) when that names exactly one tab and one roster row.
 * Anything ambiguous is reported and left unattached: a wrong pairing would write one candidate's identity
 * into another's grid.
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
}

export interface MatchResult {
  pairs: MatchPair[];
  unmatched: Candidate[];
  orphans: MarkedTab[];
  /** Tabs that carry the same N° candidat (the second and following ones are not attached). */
  duplicates: Array<{ number: string; sheets: string[] }>;
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
    const n = numberOf(tab);
    if (n !== '') groups.set(n, [...(groups.get(n) ?? []), tab]);
  }
  const byNumber = new Map<string, MarkedTab>();
  for (const [number, group] of groups) {
    if (group.length === 1) {
      byNumber.set(number, group[0]);
      continue;
    }
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

function pairByName(
  candidates: Candidate[],
  tabs: MarkedTab[],
  result: MatchResult,
  attach: (c: Candidate, t: MarkedTab) => void,
): Candidate[] {
  const left: Candidate[] = [];
  for (const c of candidates) {
    const key = nameKey(c.nom, c.prenom);
    // A tab that already has another number belongs to someone else.
    const tabsFor = tabs.filter(
      (t) =>
        nameKey(t.marker.nom ?? '', t.marker.prenom ?? '') === key &&
        sameBirth(c, t) &&
        (numberOf(t) === '' || c.number === '' || numberOf(t) === c.number),
    );
    const rowsFor = candidates.filter(
      (o) => nameKey(o.nom, o.prenom) === key && tabsFor.some((t) => sameBirth(o, t)),
    );
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

export function matchCandidates(candidates: Candidate[], tabs: MarkedTab[]): MatchResult {
  const result: MatchResult = { pairs: [], unmatched: [], orphans: [], duplicates: [], problems: [] };
  const byNumber = indexByNumber(tabs, result);
  const duplicated = new Set(result.duplicates.flatMap((d) => d.sheets));
  const used = new Set<MarkedTab>();
  const attach = (candidate: Candidate, tab: MarkedTab): void => {
    used.add(tab);
    result.pairs.push({
      candidate,
      sheet: tab.sheet,
      marker: tab.marker,
      numberAdded: candidate.number !== '' && numberOf(tab) === '',
    });
  };
  const rest: Candidate[] = [];
  for (const c of candidates) {
    const tab = c.number === '' ? undefined : byNumber.get(c.number);
    if (tab) attach(c, tab);
    else rest.push(c);
  }
  const free = tabs.filter((t) => !used.has(t) && !duplicated.has(t.sheet));
  const left = pairByName(rest, free, result, attach);
  result.unmatched = left;
  result.orphans = tabs.filter((t) => !used.has(t) && !duplicated.has(t.sheet));
  return result;
}
