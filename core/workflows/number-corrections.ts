import type { MatchPair } from '../grid/match';
import type { TabRename } from '../port';
import type { NumberCorrection } from './types';

/**
 * The tabs a run keeps through a corrected N° candidat, and how the panels and the command line say it.
 * Kept apart from generate.ts so that a panel can word them without bundling the layout.
 */

/** Tabs whose number the roster corrected: re-linked by identity, or the same number written differently. */
export function numberCorrections(pairs: MatchPair[], renames: TabRename[] = []): NumberCorrection[] {
  const to = new Map(renames.map((r) => [r.from, r.to]));
  return pairs.flatMap((p) =>
    p.previousNumber === undefined
      ? []
      : [
          {
            sheet: p.sheet,
            ...(to.has(p.sheet) ? { newName: to.get(p.sheet) } : {}),
            nom: p.candidate.nom,
            prenom: p.candidate.prenom,
            from: p.previousNumber,
            to: p.candidate.number,
            relinked: p.relinked,
          },
        ],
  );
}

/**
 * « numéro corrigé : DUPONT Marie, 2600007919 → 02600007919 (onglet « DUPONT Marie ») », and when the tab
 * takes a new name: « (onglet « DUPONT Marie 02600000002 » renommé « DUPONT Marie 02600000003 », …) ».
 */
export function numberCorrectionText(c: NumberCorrection): string {
  const renamed = c.newName === undefined ? '' : ` renommé « ${c.newName} »`;
  return `numéro corrigé : ${`${c.nom} ${c.prenom}`.trim()}, ${c.from} → ${c.to} (onglet « ${c.sheet} »${renamed}${
    c.relinked ? ', retrouvé par le NOM et le Prénom' : ''
  })`;
}
