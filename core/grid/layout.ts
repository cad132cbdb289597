import { parseA1, rangeA1 } from '../spec/a1';
import { sessionVariant } from '../referentiel/lookup';
import { perEpreuveAndKey } from '../referentiel/memo';
import type { Epreuve, FormId, SessionVariant } from '../referentiel/types';
import type { Candidate } from '../roster/types';
import type { CellSpec, ColumnSpec, SheetSpec } from '../spec/types';
import { COL, HELPER_COL, MARKER_COL, geometry, knownLayoutVersion, type Geometry } from './geometry';
import { fichePageCells } from './layout-fiche';
import { gridPageCells } from './layout-grid';
import { GRID_STYLES } from './layout-styles';
import { LAYOUT_VERSION, gridMap } from './map';
import type { GridMap } from './map-types';
import { MARKER_STYLE, markerCell, markerCells, type TabMarker } from './marker';
import { SheetBuilder } from './sheet-builder';

/**
 * A candidate's tab: `gridTemplate` is what every candidate of a form and session shares (hosts build it
 * once and copy it), `candidateCells` what is theirs, `identityCells` what a rerun refreshes from the roster.
 */

function variantFor(epreuve: Epreuve, session: number): SessionVariant {
  const variant = sessionVariant(epreuve, session);
  if (!variant) throw new Error(`Session ${session} non prise en charge par le référentiel ${epreuve.id}.`);
  return variant;
}

/** Widths in characters; never exactly 9 (exceljs drops it as the default). The marker column is hidden. */
function columns(g: Geometry): ColumnSpec[] {
  const widths: ColumnSpec[] = [{ width: 4.5 }, { width: 30 }, { width: 44 }, { width: 9.5 }];
  for (let c = COL.firstMark; c <= g.lastCol; c++) widths.push({ width: 5.5 });
  while (widths.length < HELPER_COL - 1) widths.push({ width: 2 });
  widths.push({ width: 6, hidden: true });
  widths.push({ width: 16, hidden: true });
  return widths;
}

/** The footer row of each form's grid page, found once per épreuve and form. */
const footerRow = perEpreuveAndKey((epreuve, form) => geometry(epreuve, form as FormId).grid.footerRow);

export function gridRowBreaks(epreuve: Epreuve, form: FormId): number[] {
  // A new list each time, from a footer row found once per form: each new tab's marker asks, and laying
  // the whole geometry out again per candidate showed in the profile of `grilles` (1500 tabs).
  return [footerRow(epreuve, form)];
}

export function gridTemplate(epreuve: Epreuve, form: FormId, session: number): SheetSpec {
  const g = geometry(epreuve, form);
  const map = gridMap(epreuve, form);
  const variant = variantFor(epreuve, session);
  const sb = new SheetBuilder();
  gridPageCells(sb, epreuve, g, map, session, variant);
  fichePageCells(sb, epreuve, g, map, session, variant);
  return {
    name: '',
    kind: 'grid',
    size: { rows: g.lastRow, cols: MARKER_COL },
    ...sb.parts(),
    styles: GRID_STYLES,
    columns: columns(g),
    protect: true,
    print: {
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      printArea: rangeA1({ r1: 1, c1: COL.number, r2: g.fiche.footerRow, c2: g.lastCol }),
      rowBreaks: [g.grid.footerRow],
      footer: '&L&8Page &P / 2',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
  };
}

/** The roster field shown as the tab's group: the commission (ponctuelle) or the division (CCF). */
export function groupOf(form: FormId, epreuve: Epreuve, candidate: Candidate): string | undefined {
  const def = epreuve.forms.find((f) => f.id === form);
  return def?.headerCommission ? candidate.commission : candidate.division;
}

function cellAt(ref: string, value: string, style: string): CellSpec {
  const { r, c } = parseA1(ref);
  return { r, c, value, style };
}

/** The roster's values in the visible identity cells; a field the roster lacks is left as it is. */
function visibleIdentity(map: GridMap, epreuve: Epreuve, candidate: Candidate): CellSpec[] {
  const cells = [
    cellAt(map.identity.nom, candidate.nom, 'value'),
    cellAt(map.identity.prenom, candidate.prenom, 'value'),
  ];
  if (candidate.number !== '') cells.push(cellAt(map.identity.number, candidate.number, 'value'));
  const group = groupOf(map.form, epreuve, candidate);
  // Ponctuelle: the commission shows once, in « N° COMMISSION »; the roster's copy stays out of sight.
  const shown = epreuve.forms.find((f) => f.id === map.form)?.headerCommission ? 'unseen' : 'value';
  if (group) cells.push(cellAt(map.identity.group, group, shown));
  return cells;
}

export function candidateMarker(
  epreuve: Epreuve,
  form: FormId,
  session: number,
  candidate: Candidate,
  tabId: string,
): TabMarker {
  const marker: TabMarker = {
    kind: 'grid',
    tabId,
    layoutVersion: LAYOUT_VERSION,
    epreuve: epreuve.id,
    form,
    session,
    nom: candidate.nom,
    prenom: candidate.prenom,
    rowBreaks: gridRowBreaks(epreuve, form),
  };
  if (candidate.number !== '') marker.candidateNumber = candidate.number;
  if (candidate.birthDate) marker.birthDate = candidate.birthDate;
  const group = groupOf(form, epreuve, candidate);
  if (group) marker.group = group;
  return marker;
}

/**
 * A new tab's own cells on top of the template: identity, the marker, « Présent » prefilled (most candidates
 * are), and for the forme ponctuelle the N° de commission when the roster has it.
 */
export function candidateCells(
  epreuve: Epreuve,
  form: FormId,
  session: number,
  candidate: Candidate,
  tabId: string,
): CellSpec[] {
  const map = gridMap(epreuve, form);
  const present = epreuve.statuses.find((s) => s.code === 'present');
  const cells = visibleIdentity(map, epreuve, candidate);
  if (present) cells.push(cellAt(map.status, present.label, 'input'));
  if (map.commissionNumber && candidate.commission)
    cells.push(cellAt(map.commissionNumber, candidate.commission, 'inputText'));
  return [...cells, ...markerCells(candidateMarker(epreuve, form, session, candidate, tabId))];
}

/**
 * What a rerun refreshes in an existing tab: only what comes from the roster (visible identity, the marker's
 * number, name and birth date). Never a cell the teacher fills; a field the roster lacks is not blanked.
 */
export function identityCells(
  epreuve: Epreuve,
  form: FormId,
  candidate: Candidate,
  marker: TabMarker,
): CellSpec[] {
  const map = gridMap(epreuve, form, knownLayoutVersion(marker.layoutVersion) ?? LAYOUT_VERSION);
  const updated: TabMarker = {
    ...marker,
    nom: candidate.nom,
    prenom: candidate.prenom,
    candidateNumber: candidate.number !== '' ? candidate.number : marker.candidateNumber,
    birthDate: candidate.birthDate ?? marker.birthDate,
    group: groupOf(form, epreuve, candidate) ?? marker.group,
  };
  const fields = ['candidateNumber', 'nom', 'prenom', 'birthDate', 'group'] as const;
  const rows = new Set(fields.map((f) => parseA1(markerCell(f)).r));
  const marks = markerCells(updated).filter((c) => rows.has(c.r));
  return [...visibleIdentity(map, epreuve, candidate), ...marks.map((c) => ({ ...c, style: MARKER_STYLE }))];
}

/** The A1 cells of a tab that a teacher types into (unlocked), from the map. */
export function inputCells(map: GridMap): string[] {
  return [
    map.status,
    ...map.nvMotifs,
    map.activity,
    ...Object.values(map.levels),
    map.note,
    ...map.parts.flatMap((p) => [p.date, p.appreciation, ...p.members]),
    map.fiche.number,
    map.fiche.title,
    map.date,
    map.commissionNumber,
    ...map.members,
  ].filter((c): c is string => c !== null);
}
