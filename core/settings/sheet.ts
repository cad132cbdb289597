import { MARKER_COL } from '../grid/geometry';
import { MARKER_STYLE, markerCells, markerStyle } from '../grid/marker';
import { SETTINGS_SHEET } from '../grid/naming';
import type { CellSpec, CellValue, SheetSpec } from '../spec/types';
import type { StatsSettings } from '../workflows/types';

/**
 * « Paramètres E4 »: what the user gives once for the statistics (académie, établissement, UAI) and the
 * workbook remembers, so the next run needs no flag. A label column and a value column, rows fixed by
 * this list (append only: an older tab must still read).
 */
const ROWS: Array<{ key: keyof StatsSettings; label: string }> = [
  { key: 'academie', label: "Académie ou centre d'examen" },
  { key: 'etablissement', label: 'Établissement' },
  { key: 'uai', label: 'Code UAI' },
];
const FIRST_ROW = 4;
export const SETTINGS_RANGE = `A1:B${FIRST_ROW + ROWS.length}`;

export const DEFAULT_SETTINGS: StatsSettings = { academie: 'SIEC', etablissement: '', uai: '' };

export function settingsSheet(settings: StatsSettings): SheetSpec {
  const cells: CellSpec[] = [
    { r: 1, c: 1, value: 'Paramètres des statistiques E4', style: 'title' },
    { r: 2, c: 1, value: 'Retenus par « Statistiques » ; modifiables ici.', style: 'hint' },
    ...ROWS.flatMap((row, i) => [
      { r: FIRST_ROW + i, c: 1, value: row.label, style: 'label' },
      { r: FIRST_ROW + i, c: 2, value: settings[row.key], style: 'value' },
    ]),
    ...markerCells({ kind: 'settings', tabId: 'parametres', layoutVersion: 1, epreuve: 'E4' }),
  ];
  return {
    name: SETTINGS_SHEET,
    kind: 'settings',
    size: { rows: Math.max(FIRST_ROW + ROWS.length, 15), cols: MARKER_COL },
    cells,
    styles: {
      title: { bold: true, size: 12 },
      hint: { italic: true, size: 9 },
      label: { bold: true, border: 'thin', fill: 'F2F2F2' },
      value: { border: 'thin', numFmt: '@', locked: false },
      [MARKER_STYLE]: { ...markerStyle, numFmt: '@' },
    },
    columns: [
      { width: 34 },
      { width: 48 },
      ...Array.from({ length: MARKER_COL - 3 }, () => ({ width: 2 })),
      { width: 16, hidden: true },
    ],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    // Every sheet the add-in writes prints on A4, on one page wide.
    print: {
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      printArea: `A1:B${FIRST_ROW + ROWS.length - 1}`,
      rowBreaks: [],
    },
  };
}

/** Reads the SETTINGS_RANGE rectangle back; empty cells are left out so defaults apply. */
export function readSettings(values: CellValue[][]): Partial<StatsSettings> {
  const found: Partial<StatsSettings> = {};
  ROWS.forEach((row, i) => {
    const raw = values[FIRST_ROW - 1 + i]?.[1];
    const text = raw === null || raw === undefined ? '' : String(raw).trim();
    if (text !== '') found[row.key] = text;
  });
  return found;
}
