import { matchCandidates } from '../grid/match';
import type { HostPort } from '../port';
import { numberCorrections } from './number-corrections';
import { readRoster, rosterPreview } from './roster-source';
import { scanWorkbook, sheetsOfKind } from './scan';
import { correctionRenames } from './tab-renames';
import type { RosterPreview, RosterSource } from './types';

/**
 * What the panel shows before « Créer les onglets »: the header found, the candidates, the problems, and
 * the tabs the creation would keep through a corrected N° candidat (matched as generateGrids matches),
 * so that a re-link is seen before anything is applied.
 */
export async function previewRoster(host: HostPort, source: RosterSource): Promise<RosterPreview> {
  const scan = await scanWorkbook(host);
  const roster = await readRoster(host, scan, source);
  const preview = rosterPreview(roster);
  const tabs = sheetsOfKind(scan, 'grid');
  if (!preview.usable || tabs.length === 0) return preview;
  const match = matchCandidates(roster.candidates, tabs);
  return {
    ...preview,
    problems: [...preview.problems, ...match.problems],
    relinks: numberCorrections(match.pairs, correctionRenames(match.pairs, scan.names)),
  };
}
