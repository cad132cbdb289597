import type { Candidate } from '../roster/types';

/** The add-in's own tabs. A candidate's tab never takes one of these names. */
export const RECAP_SHEET = 'Suivi E4';
export const REPORT_SHEET = 'Contrôle';
export const SETTINGS_SHEET = 'Paramètres E4';
export const OWN_SHEETS: readonly string[] = [RECAP_SHEET, REPORT_SHEET, SETTINGS_SHEET];

/** Excel's limit, the strictest of the hosts. */
export const MAX_SHEET_NAME = 31;
/** Excel reserves it (any case). */
const RESERVED = ['history', ...OWN_SHEETS.map((s) => s.toLowerCase())];

/** Characters no host accepts in a tab name, replaced by a space. */
function clean(text: string): string {
  return text
    .replace(/[[\]:*?/\\]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Hosts refuse a name that starts or ends with an apostrophe. */
function trimQuotes(text: string): string {
  return text.replace(/^['\s]+|['\s]+$/g, '');
}

/** Cuts `base` so that `base + suffix` fits, without leaving a quote or a space at the cut. */
function fit(base: string, suffix: string): string {
  const room = MAX_SHEET_NAME - suffix.length;
  const cut = Array.from(base).slice(0, Math.max(room, 1)).join('');
  return trimQuotes(cut) + suffix;
}

function free(name: string, taken: Set<string>): boolean {
  const lower = name.toLowerCase();
  return name !== '' && !taken.has(lower) && !RESERVED.includes(lower);
}

/** Distinguishing suffixes for homonyms: the candidate number (whole, then its end), then « (2) », « (3) »… */
function* suffixes(number: string): Generator<string> {
  const digits = clean(number);
  if (digits !== '') {
    yield ` ${digits}`;
    if (digits.length > 4) yield ` ${digits.slice(-4)}`;
  }
  for (let n = 2; ; n++) yield ` (${n})`;
}

/**
 * « NOM Prénom » as a tab name every host accepts: ≤ 31 characters, none of []:*?/\, no apostrophe at either
 * end, not « History » nor one of the add-in's tabs, unique ignoring case. `taken` holds the lower-cased names
 * already in use; the name chosen is added to it.
 */
export function tabName(candidate: Pick<Candidate, 'nom' | 'prenom' | 'number'>, taken: Set<string>): string {
  const base = trimQuotes(clean(`${candidate.nom} ${candidate.prenom}`)) || 'Candidat';
  let name = fit(base, '');
  if (!free(name, taken)) {
    for (const suffix of suffixes(candidate.number)) {
      name = fit(base, suffix);
      if (free(name, taken)) break;
    }
  }
  taken.add(name.toLowerCase());
  return name;
}
