import { candidateFileName, uniqueNames, type CandidateIdentity } from './file-names';

/**
 * Which pages of the printed class go in which file. Every candidate tab prints as exactly 2 pages:
 * page 1 the grid (for the commission only), page 2 the fiche d'évaluation (which a candidate may ask for).
 */

export const PAGES_PER_TAB = 2;
const FICHE_PAGE = 2;

export interface PdfFile {
  name: string;
  /** 1-based pages of the printed class, in order. */
  pages: number[];
}

export interface PdfPlan {
  candidates: PdfFile[];
  whole: PdfFile;
}

export function classFileName(fichesOnly: boolean): string {
  return fichesOnly ? 'fiches.pdf' : 'classe.pdf';
}

function tabPages(index: number, fichesOnly: boolean): number[] {
  const first = index * PAGES_PER_TAB + 1;
  if (fichesOnly) return [first + FICHE_PAGE - 1];
  return Array.from({ length: PAGES_PER_TAB }, (_, i) => first + i);
}

export function pdfPlan(tabs: CandidateIdentity[], fichesOnly: boolean): PdfPlan {
  const whole = classFileName(fichesOnly);
  const names = uniqueNames(tabs.map(candidateFileName), [whole]);
  const candidates = tabs.map((_, i) => ({ name: names[i], pages: tabPages(i, fichesOnly) }));
  return { candidates, whole: { name: whole, pages: candidates.flatMap((c) => c.pages) } };
}

/** The French refusal when LibreOffice did not print 2 pages per tab, or null when the count is right. */
export function pageCountProblem(pages: number, tabs: number): string | null {
  if (pages === tabs * PAGES_PER_TAB) return null;
  return `Le PDF produit par LibreOffice compte ${pages} pages au lieu de ${tabs * PAGES_PER_TAB} (${PAGES_PER_TAB} par onglet de candidat) : la mise en page d'un onglet a dû être modifiée (zone d'impression, saut de page après la grille, ajustement à une page en largeur). Rien n'a été écrit. Vérifiez la mise en page des onglets dans Excel (Mise en page > Aperçu), ou imprimez depuis Excel.`;
}
