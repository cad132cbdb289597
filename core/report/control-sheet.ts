import { MARKER_COL, MARKER_ROWS } from '../grid/geometry';
import { MARKER_STYLE, markerCells, markerStyle } from '../grid/marker';
import { REPORT_SHEET } from '../grid/naming';
import type { Epreuve } from '../referentiel/types';
import { rangeA1 } from '../spec/a1';
import type { CellSpec, CellStyle, ColumnSpec, SheetSpec } from '../spec/types';
import type { Finding } from '../validate/types';
import type { ControlSummary } from '../workflows/types';
import { candidateName, frenchDateTime, severityLabel, summaryLines } from './format';

/** Bump when a cell of the « Contrôle » tab moves (its marker says which layout wrote it). */
export const REPORT_LAYOUT_VERSION = 1;
/** The report's id in its marker: there is one « Contrôle » tab per workbook. */
export const REPORT_TAB_ID = 'controle';

const HEADERS = ['Gravité', 'Candidat', 'N°', 'Onglet', 'Cellule', 'Rubrique', 'Message'];
const WIDTHS = [18, 26, 13, 24, 9.5, 34, 70];
const LAST_COL = HEADERS.length;
const SUMMARY_FIRST_ROW = 4;

const STYLES: Record<string, CellStyle> = {
  title: { bold: true, size: 14 },
  subtitle: { italic: true, color: '555555' },
  label: { bold: true },
  count: { hAlign: 'right' },
  header: { bold: true, fill: 'D9E1F2', border: 'thin', vAlign: 'middle', wrap: true },
  body: { border: 'thin', vAlign: 'top', wrap: true, numFmt: '@' },
  link: { border: 'thin', vAlign: 'top', color: '0563C1', numFmt: '@' },
  erreur: { border: 'thin', vAlign: 'top', bold: true, color: '9C0006', fill: 'FFC7CE' },
  avertissement: { border: 'thin', vAlign: 'top', color: '7F6000', fill: 'FFEB9C' },
  none: { italic: true },
  [MARKER_STYLE]: { ...markerStyle },
};

function text(r: number, c: number, value: string, style: string): CellSpec {
  return { r, c, value, style };
}

function summaryCells(summary: ControlSummary): CellSpec[] {
  return summaryLines(summary).flatMap(([label, n], i) => [
    text(SUMMARY_FIRST_ROW + i, 1, label, 'label'),
    { r: SUMMARY_FIRST_ROW + i, c: 2, value: n, style: 'count' },
  ]);
}

/** The « Cellule » column links to the finding's place; a finding about a whole tab links to its A1. */
function placeCell(r: number, f: Finding): CellSpec {
  if (f.sheet === null) return text(r, 5, '', 'body');
  return { r, c: 5, value: f.cell ?? 'A1', style: 'link', link: { sheet: f.sheet, cell: f.cell ?? 'A1' } };
}

function findingRow(r: number, f: Finding): CellSpec[] {
  return [
    text(r, 1, severityLabel(f.severity), f.severity),
    text(r, 2, candidateName(f), 'body'),
    text(r, 3, f.candidate?.number ?? '', 'body'),
    text(r, 4, f.sheet ?? '', 'body'),
    placeCell(r, f),
    text(r, 6, f.rubric, 'body'),
    text(r, 7, f.message, 'body'),
  ];
}

function columns(): ColumnSpec[] {
  const cols: ColumnSpec[] = WIDTHS.map((width) => ({ width }));
  while (cols.length < MARKER_COL - 1) cols.push({ width: 2 });
  cols.push({ width: 12, hidden: true });
  return cols;
}

/**
 * The « Contrôle » tab: title, date, summary, then one row per finding with a link to its cell. Rewritten
 * whole at each check; protected, since it is a result and not an input.
 */
export function controlReportSheet(
  epreuve: Epreuve,
  findings: Finding[],
  summary: ControlSummary,
  checkedAt: Date,
): SheetSpec {
  const headerRow = SUMMARY_FIRST_ROW + summaryLines(summary).length + 1;
  const firstRow = headerRow + 1;
  const rows =
    findings.length === 0
      ? [[text(firstRow, 1, 'Aucun problème trouvé.', 'none')]]
      : findings.map((f, i) => findingRow(firstRow + i, f));
  const lastRow = firstRow + Math.max(findings.length, 1) - 1;
  const marker = markerCells({
    kind: 'report',
    tabId: REPORT_TAB_ID,
    layoutVersion: REPORT_LAYOUT_VERSION,
    epreuve: epreuve.id,
  });
  return {
    name: REPORT_SHEET,
    kind: 'report',
    size: { rows: Math.max(lastRow, MARKER_ROWS), cols: MARKER_COL },
    cells: [
      text(1, 1, `Contrôle des grilles – ${epreuve.title}`, 'title'),
      text(2, 1, `Contrôle du ${frenchDateTime(checkedAt)}`, 'subtitle'),
      ...summaryCells(summary),
      ...HEADERS.map((h, i) => text(headerRow, i + 1, h, 'header')),
      ...rows.flat(),
      ...marker,
    ],
    styles: STYLES,
    columns: columns(),
    // One row per finding, of one to a few lines: each host fits them to their wrapped text.
    autoFitRows: { from: firstRow, to: lastRow },
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: true,
    frozenRows: headerRow,
    print: {
      paper: 'A4',
      orientation: 'landscape',
      fitToWidth: true,
      printArea: rangeA1({ r1: 1, c1: 1, r2: lastRow, c2: LAST_COL }),
      rowBreaks: [],
      // &N counts the whole workbook's pages, not this tab's: only the page number is printed.
      footer: '&L&8Page &P',
    },
  };
}
