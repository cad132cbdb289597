import type { MatchPair } from '../grid/match';
import { tabName } from '../grid/naming';
import type { TabRename } from '../port';

/**
 * The tabs a corrected N° candidat renames: a tab kept through a correction takes the name its roster row
 * would give it now (naming.ts), when that differs — a homonym's tab suffixed with the old number, a tab
 * named by an older rule. Only those tabs: a tab matched without correction keeps whatever name it has.
 * A new name is unique among all the other tabs, old names included, so that no rename ever needs another
 * one first (no chain, no swap) and a tab created in the same run never takes a name being given up.
 */
export function correctionRenames(pairs: MatchPair[], names: string[]): TabRename[] {
  const taken = new Set(names.map((n) => n.toLowerCase()));
  const renames: TabRename[] = [];
  for (const pair of pairs) {
    if (pair.previousNumber === undefined) continue;
    const own = pair.sheet.toLowerCase();
    taken.delete(own);
    const name = tabName(pair.candidate, taken);
    taken.add(own);
    if (name !== pair.sheet) renames.push({ from: pair.sheet, to: name });
  }
  return renames;
}

/** The names the tabs will have once the renames are applied. */
export function renamedSheet(renames: TabRename[]): (sheet: string) => string {
  const to = new Map(renames.map((r) => [r.from, r.to]));
  return (sheet) => to.get(sheet) ?? sheet;
}
