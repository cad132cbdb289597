import type { CellValue } from '../../core/spec/types';
import type { FileModeHost } from '../../ui/file-mode';
import type { ExcelRunner } from '../runner';
import { sourceFromAddress } from '../selection';

/** Which mode the pane runs in, and why (said at the top of the pane; docs/host-facts/excel.md). */
export const FILE_MODE_OLD_EXCEL =
  "Mode fichier : cette version d'Excel (sans ExcelApi 1.8, par exemple Excel 2016) ne permet pas au volet de créer les onglets dans le classeur. Le volet lit la liste sélectionnée et fabrique le classeur complet des grilles, à télécharger puis ouvrir dans Excel ; le contrôle et les statistiques se font sur le classeur rempli que vous choisissez. Rien ne quitte cet ordinateur.";

export const FILE_MODE_BROWSER =
  "Mode fichier : cette page n'est pas ouverte dans Excel (office.js absent). Choisissez la liste de la classe (.xlsx) pour obtenir le classeur des grilles, puis le classeur rempli pour le contrôle et les statistiques. Tout se fait dans ce navigateur : rien ne quitte cet ordinateur.";

/**
 * The roster from Excel's selection with ExcelApi 1.1 only: the selected rectangle, or the used range
 * of the sheet when a single cell is selected. Office.js gives '' for empty cells, serials for dates.
 */
export function selectionReader(run: ExcelRunner): NonNullable<FileModeHost['readSelection']> {
  return () =>
    run(async (context) => {
      const selected = context.workbook.getSelectedRange().load('address, values');
      await context.sync();
      const source = sourceFromAddress(selected.address);
      let values = selected.values as unknown[][];
      if (source.range === undefined) {
        const used = context.workbook.worksheets.getActiveWorksheet().getUsedRange().load('values');
        await context.sync();
        values = used.values as unknown[][];
      }
      const rows: CellValue[][] = values.map((row) =>
        row.map((v) => (v === '' || v === null || v === undefined ? null : (v as CellValue))),
      );
      return { sheet: source.sheet ?? 'Liste', rows };
    });
}
