import type { RenderFeatures } from './render-sheet';

export type IsSetSupported = (name: string, version: string) => boolean;

/** Worksheet.copy needs 1.7; data validation and Excel.createWorkbook need 1.8. */
export const MIN_EXCEL_API = '1.8';

export const NOT_IN_EXCEL =
  'Ce complément doit être ouvert dans Excel (Microsoft 365, Excel 2019 ou plus récent, ou Excel sur le web) : onglet Accueil, bouton « Grilles E4 ». Sans Excel, utilisez la ligne de commande : npx grilles-e4 grilles liste.xlsx.';

export const EXCEL_TOO_OLD =
  "Cette version d'Excel est trop ancienne pour Grilles E4 (il faut Excel 2019, Microsoft 365 ou Excel sur le web). Utilisez la ligne de commande : npx grilles-e4 grilles liste.xlsx, puis ouvrez le fichier produit dans Excel.";

export function requirementProblem(isSetSupported: IsSetSupported): string | null {
  return isSetSupported('ExcelApi', MIN_EXCEL_API) ? null : EXCEL_TOO_OLD;
}

/** Optional features: the print layout (page setup, print area, page breaks) needs ExcelApi 1.9. */
export function renderFeatures(isSetSupported: IsSetSupported): RenderFeatures {
  return { print: isSetSupported('ExcelApi', '1.9') };
}

/** The note the panel shows when an optional feature is skipped. */
export function featureNotes(features: RenderFeatures): string[] {
  return features.print
    ? []
    : [
        "La mise en page d'impression (A4, sauts de page) n'est pas réglée : cette version d'Excel ne le permet pas. Réglez-la dans Mise en page si besoin.",
      ];
}
