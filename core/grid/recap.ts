import { sheetRef } from '../spec/a1';
import type { Epreuve, FormId } from '../referentiel/types';
import type { CellSpec, CellStyle, ColumnSpec, SheetSpec } from '../spec/types';
import { MARKER_COL, MARKER_ROWS, knownLayoutVersion } from './geometry';
import { LAYOUT_VERSION, gridMap } from './map';
import { MARKER_STYLE, markerCells, markerStyle } from './marker';
import { RECAP_SHEET } from './naming';

/** « Suivi E4 »: one row per candidate tab, with live formulas pointing at each tab's status and note. */

export interface RecapRow {
  sheet: string;
  candidate: { number: string; nom: string; prenom: string };
  form: FormId;
  /** Layout version of the tab (its marker); the current one when absent. */
  layoutVersion?: number;
}

export const RECAP_HEADERS = ['N° candidat', 'NOM', 'Prénom', 'Onglet', 'Saisie', 'Note', 'Dernier contrôle'];
const HEADER_ROW = 3;
// Wide enough for the usual names; longer ones wrap (never cut), the rows fitted by each host.
const WIDTHS = [13, 24, 20, 26, 46, 7, 40];

const STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 13 },
  subtitle: { italic: true, size: 9 },
  header: { bold: true, fill: 'D9D9D9', border: 'thin', vAlign: 'middle', wrap: true },
  text: { border: 'thin', numFmt: '@', wrap: true, vAlign: 'top' },
  link: { border: 'thin', color: '0563C1', wrap: true, vAlign: 'top' },
  computed: { border: 'thin', wrap: true, vAlign: 'top' },
  // General shows 15 as « 15 » and 14.5 as « 14,5 »: Excel's `0.##` keeps the separator (« 15, »).
  note: { border: 'thin', hAlign: 'center', numFmt: 'General', vAlign: 'top' },
  [MARKER_STYLE]: { ...markerStyle, numFmt: '@' },
};

function rowCells(
  epreuve: Epreuve,
  r: number,
  row: RecapRow,
  control?: { date: string; verdict: string },
): CellSpec[] {
  const map = gridMap(epreuve, row.form, knownLayoutVersion(row.layoutVersion) ?? LAYOUT_VERSION);
  const ref = (cell: string): string => sheetRef(row.sheet, cell);
  const cells: CellSpec[] = [
    { r, c: 1, value: row.candidate.number, style: 'text' },
    { r, c: 2, value: row.candidate.nom, style: 'text' },
    { r, c: 3, value: row.candidate.prenom, style: 'text' },
    { r, c: 4, value: row.sheet, link: { sheet: row.sheet, cell: 'A1' }, style: 'link' },
    { r, c: 5, formula: `IFERROR(${ref(map.statusText)},"")`, style: 'computed' },
    { r, c: 6, formula: `IFERROR(IF(ISBLANK(${ref(map.note)}),"",${ref(map.note)}),"")`, style: 'note' },
    { r, c: 7, value: control ? `${control.date} – ${control.verdict}` : '', style: 'text' },
  ];
  return cells;
}

export function recapSheet(
  epreuve: Epreuve,
  rows: RecapRow[],
  lastControl?: Record<string, { date: string; verdict: string }>,
): SheetSpec {
  const cells: CellSpec[] = [
    { r: 1, c: 1, value: `Suivi des grilles – ${epreuve.title}`, style: 'title' },
    {
      r: 2,
      c: 1,
      value:
        "Onglet tenu à jour par le module : cliquer sur le nom d'un onglet pour ouvrir la grille du candidat.",
      style: 'subtitle',
    },
    ...RECAP_HEADERS.map((h, i) => ({ r: HEADER_ROW, c: i + 1, value: h, style: 'header' })),
    ...rows.flatMap((row, i) => rowCells(epreuve, HEADER_ROW + 1 + i, row, lastControl?.[row.sheet])),
    ...markerCells({ kind: 'recap', tabId: 'recap', layoutVersion: LAYOUT_VERSION, epreuve: epreuve.id }),
  ];
  const lastRow = Math.max(HEADER_ROW + rows.length, MARKER_ROWS);
  const columns: ColumnSpec[] = WIDTHS.map((width) => ({ width }));
  while (columns.length < MARKER_COL - 1) columns.push({ width: 2 });
  columns.push({ width: 12, hidden: true });
  return {
    name: RECAP_SHEET,
    kind: 'recap',
    size: { rows: lastRow, cols: MARKER_COL },
    cells,
    styles: STYLES,
    columns,
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: true,
    frozenRows: HEADER_ROW,
    ...(rows.length > 0 ? { autoFitRows: { from: HEADER_ROW + 1, to: HEADER_ROW + rows.length } } : {}),
    tabColor: '1F4E79',
    print: {
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      printArea: `A1:G${Math.max(HEADER_ROW + rows.length, HEADER_ROW)}`,
      rowBreaks: [],
      // &N would count the pages of the whole workbook (every candidate's tab): the page number alone.
      footer: '&L&8Suivi E4 – Page &P',
    },
  };
}
