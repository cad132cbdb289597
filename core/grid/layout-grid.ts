import { a1, rangeA1 } from '../spec/a1';
import { gridTitle, indicatorsFor } from '../referentiel/lookup';
import type { Epreuve, SessionVariant } from '../referentiel/types';
import {
  COL,
  HELPER_COL,
  valueCol,
  type BlocPlace,
  type Geometry,
  type HeaderField,
  type PairPlace,
} from './geometry';
import {
  activityCheckFormula,
  advisoryFormula,
  correctionCountFormula,
  levelCheckFormula,
  levelRange,
  markFormula,
  missingCountFormula,
  motifCheckFormula,
  noteCheckFormula,
  statusCheckFormula,
  statusTextFormula,
} from './layout-formulas';
import { GREYED_FILL, GREYED_TEXT } from './layout-styles';
import type { GridMap } from './map-types';
import {
  EMPTY,
  absolute,
  formula,
  str,
  text,
  wrappedHeight,
  type Content,
  type SheetBuilder,
} from './sheet-builder';

/** Page 1 of a candidate's tab: the grid of annex V-4 (CCF) or V-6 (forme ponctuelle). */

export const HEADER_LABELS: Record<HeaderField | 'number', string> = {
  number: 'N° Candidat',
  ficheNumber: "FICHE D'activité N°",
  ficheTitle: 'TITRE',
  commission: 'N° COMMISSION',
  date: 'Date',
};

/** A label and its value cell, on the left (A:B | C) or the right (D:E | F:last) of a row. */
export function pair(
  sb: SheetBuilder,
  g: Geometry,
  place: PairPlace,
  label: string,
  content: Content,
  style: string,
): void {
  if (place.side === 'left') {
    sb.span(place.row, COL.leftLabel, COL.leftValue - 1, text(label), 'label');
    sb.put(place.row, COL.leftValue, content, style);
  } else {
    // The right label column is narrow: a long label (« N° COMMISSION ») prints smaller, on one line.
    sb.span(
      place.row,
      COL.rightLabel,
      COL.rightValue - 1,
      text(label),
      label.length > 10 ? 'labelSmall' : 'label',
    );
    sb.span(place.row, valueCol('right'), g.lastCol, content, style);
  }
}

export function titleBlock(sb: SheetBuilder, g: Geometry, rows: number[], lines: string[]): void {
  const styles = ['title', 'subtitle', 'session'];
  rows.forEach((r, i) => sb.span(r, COL.number, g.lastCol, text(lines[i] ?? ''), styles[i] ?? 'session'));
  sb.height(rows[1], 30);
}

/** A row « label | input » on the left, the rest of the row holding a hint. */
function inputRow(sb: SheetBuilder, g: Geometry, row: number, label: string, style: string, hint = ''): void {
  sb.span(row, COL.leftLabel, COL.leftValue - 1, text(label), 'label');
  sb.put(row, COL.leftValue, EMPTY, style);
  sb.span(row, COL.level, g.lastCol, hint ? text(hint) : EMPTY, 'hint');
}

function identity(sb: SheetBuilder, g: Geometry): void {
  const [r1, r2] = g.grid.identityRows;
  pair(sb, g, { row: r1, side: 'left' }, 'NOM', EMPTY, 'value');
  pair(sb, g, { row: r1, side: 'right' }, 'Prénom', EMPTY, 'value');
  pair(sb, g, { row: r2, side: 'left' }, HEADER_LABELS.number, EMPTY, 'value');
  // The forme ponctuelle has one commission field, « N° COMMISSION » (prefilled from the roster): the
  // roster's group is kept out of sight there (the cell stays, for reruns of older tabs).
  if (g.form.headerCommission) {
    sb.span(r2, COL.rightLabel, COL.rightValue - 1, EMPTY, 'unseen');
    sb.span(r2, COL.rightValue, g.lastCol, EMPTY, 'unseen');
  } else pair(sb, g, { row: r2, side: 'right' }, 'Division', EMPTY, 'value');
  for (const [field, place] of Object.entries(g.grid.header) as Array<[HeaderField, PairPlace]>) {
    pair(sb, g, place, HEADER_LABELS[field], EMPTY, field === 'date' ? 'inputDate' : 'inputText');
    if (field === 'date') sb.validate(dateValidation(a1(place.row, valueCol(place.side))));
  }
}

export function dateValidation(range: string): {
  range: string;
  kind: 'date';
  error: string;
  prompt: string;
} {
  return { range, kind: 'date', error: 'Saisir une date (jj/mm/aaaa).', prompt: 'Date au format jj/mm/aaaa' };
}

function statusAndMotifs(sb: SheetBuilder, epreuve: Epreuve, g: Geometry, map: GridMap): void {
  const { statusRow, progressRow, motifLabelRow, motifRows } = g.grid;
  inputRow(
    sb,
    g,
    statusRow,
    'Présence / dossier',
    'input',
    'Si « Non valide » : cocher le ou les motifs ci-dessous',
  );
  // The hint wraps in its narrow cells: three lines of small type, never cut at print.
  sb.height(statusRow, 36);
  sb.validate({
    range: map.status,
    kind: 'list',
    values: epreuve.statuses.map((s) => s.label),
    error: 'Choisir dans la liste : ' + epreuve.statuses.map((s) => s.label).join(', ') + '.',
    prompt: 'Présence du candidat et conformité du dossier',
  });
  sb.span(progressRow, COL.leftLabel, COL.leftValue - 1, text('État de la saisie (hors annexe)'), 'working');
  sb.put(statusRow, HELPER_COL, formula(statusCheckFormula(epreuve, map.status)), 'check');
  sb.put(progressRow, COL.leftValue, formula(statusTextFormula(epreuve, g, map)), 'computed');
  sb.put(progressRow, COL.level, formula(missingCountFormula(epreuve, g, map)), 'computedCenter');
  sb.put(progressRow, HELPER_COL, formula(correctionCountFormula(epreuve, g, map)), 'check');
  sb.span(progressRow, COL.firstMark, g.lastCol, text('élément(s) à saisir'), 'hint');
  sb.span(
    motifLabelRow,
    COL.number,
    g.lastCol,
    text('Motifs de non-validité du dossier (annexe V-8) : cocher « X » en face du ou des motifs'),
    'section',
  );
  motifRows.forEach((row, i) => {
    const motif = epreuve.nvMotifs[i];
    sb.put(row, COL.number, text(i + 1), 'number');
    sb.span(row, COL.wording, COL.indicators, text(motif), 'wording');
    sb.put(row, COL.level, EMPTY, 'inputCenter');
    sb.span(row, COL.firstMark, g.lastCol, EMPTY, 'wording');
    sb.put(row, HELPER_COL, formula(motifCheckFormula(a1(row, COL.level))), 'check');
    sb.height(row, wrappedHeight([{ text: motif, perLine: 80 }]));
  });
  sb.validate({
    range: rangeA1({ r1: motifRows[0], c1: COL.level, r2: motifRows[motifRows.length - 1], c2: COL.level }),
    kind: 'list',
    values: ['X'],
    error: 'Saisir « X » pour cocher le motif, ou laisser vide.',
  });
  // Motifs only matter for a dossier declared non valide: grey them otherwise.
  const nv = epreuve.statuses.find((s) => s.code === 'non_valide');
  if (nv) {
    sb.format({
      range: rangeA1({
        r1: motifLabelRow,
        c1: COL.number,
        r2: motifRows[motifRows.length - 1],
        c2: g.lastCol,
      }),
      formula: `${absolute(map.status)}<>${str(nv.label)}`,
      style: { color: GREYED_TEXT },
    });
  }
}

/** The annex's column header above the blocs: criteria, then one column per level. */
function criteriaHeader(sb: SheetBuilder, epreuve: Epreuve, g: Geometry, row: number): void {
  sb.span(row, COL.number, COL.indicators, text("CRITÈRES D'ÉVALUATION et COMPÉTENCES"), 'header');
  sb.put(row, COL.level, text('Niveau'), 'header');
  epreuve.levels.forEach((l, i) => sb.put(row, COL.firstMark + i, text(l.code), 'header'));
}

function blocRows(sb: SheetBuilder, epreuve: Epreuve, g: Geometry, place: BlocPlace): void {
  if (g.grid.criteriaHeaderRow !== null) {
    // The column header says which column is which: the bloc title spans the row, as in the annex.
    sb.span(place.titleRow, COL.number, g.lastCol, text(place.bloc.title), 'blocTitle');
  } else {
    sb.span(place.titleRow, COL.number, COL.indicators, text(place.bloc.title), 'blocTitle');
    sb.put(place.titleRow, COL.level, text('Niveau'), 'header');
    epreuve.levels.forEach((l, i) => sb.put(place.titleRow, COL.firstMark + i, text(l.code), 'header'));
  }
  for (const criterion of place.bloc.criteria) {
    const row = place.rows[criterion.id];
    const indicators = indicatorsFor(criterion, g.form.id);
    sb.put(row, COL.number, text(criterion.number), 'number');
    sb.put(row, COL.wording, text(criterion.wording), 'wording');
    sb.put(row, COL.indicators, text(indicators), 'indicators');
    sb.put(row, COL.level, EMPTY, 'inputCenter');
    sb.put(row, HELPER_COL, formula(levelCheckFormula(epreuve, a1(row, COL.level))), 'check');
    epreuve.levels.forEach((l, i) => sb.put(row, COL.firstMark + i, formula(markFormula(row, l)), 'mark'));
    sb.height(
      row,
      wrappedHeight([
        { text: criterion.wording, perLine: 32 },
        { text: indicators, perLine: 52 },
      ]),
    );
  }
  sb.validate({
    range: levelRange(place),
    kind: 'list',
    values: epreuve.levels.map((l) => l.code),
    error: 'Choisir un niveau : ' + epreuve.levels.map((l) => l.code).join(', ') + '.',
    prompt: epreuve.legend,
  });
}

/** The simulation bloc the commission did not choose is greyed out once the activity is chosen. */
function greyUnchosen(sb: SheetBuilder, epreuve: Epreuve, g: Geometry, map: GridMap): void {
  const act = absolute(map.check.activity);
  for (const place of g.grid.blocs) {
    const index = epreuve.activities.findIndex((a) => a.blocId === place.bloc.id) + 1;
    if (place.bloc.activity === undefined || index === 0) continue;
    sb.format({
      range: rangeA1({ r1: place.titleRow, c1: COL.number, r2: place.lastRow, c2: g.lastCol }),
      formula: `AND(${act}>0,${act}<>${index})`,
      style: { fill: GREYED_FILL, color: GREYED_TEXT },
    });
  }
}

function activityRow(sb: SheetBuilder, epreuve: Epreuve, g: Geometry, map: GridMap): void {
  inputRow(
    sb,
    g,
    g.grid.activityRow,
    'Activité de la simulation',
    'input',
    'Fiche choisie par la commission pour la simulation',
  );
  // The annex's labels are long: two lines, so that the choice prints whole.
  sb.height(g.grid.activityRow, 30);
  sb.put(g.grid.activityRow, HELPER_COL, formula(activityCheckFormula(epreuve, map.activity)), 'check');
  sb.validate({
    range: map.activity,
    kind: 'list',
    values: epreuve.activities.map((a) => a.label),
    error: "Choisir l'activité de la simulation dans la liste.",
    prompt: 'Activité retenue par la commission pour la simulation',
  });
}

export function noteRow(
  sb: SheetBuilder,
  epreuve: Epreuve,
  g: Geometry,
  row: number,
  content: Content,
  style: string,
): void {
  sb.span(row, COL.number, COL.indicators, text(`NOTE sur ${epreuve.noteMax}`), 'labelRight');
  sb.put(row, COL.level, content, style);
  sb.span(row, COL.firstMark, g.lastCol, text(`/ ${epreuve.noteMax}`), 'hint');
}

/**
 * « Nom et signature des membres de la commission », as the annex: free lines, the name typed on the left,
 * the right side left blank for the signature.
 */
export function memberRows(
  sb: SheetBuilder,
  g: Geometry,
  labelRow: number | null,
  rows: number[],
  content: (row: number, i: number) => Content,
  style: string,
): void {
  if (labelRow !== null)
    sb.span(
      labelRow,
      COL.number,
      g.lastCol,
      text('Nom et signature des membres de la commission'),
      'section',
    );
  rows.forEach((row) => {
    sb.span(row, COL.leftLabel, COL.leftValue - 1, EMPTY, 'signature');
    sb.put(row, COL.leftValue, content(row, rows.indexOf(row)), style);
    sb.span(row, COL.level, g.lastCol, EMPTY, 'signature');
    sb.height(row, 30);
  });
}

function advisoryAndNote(sb: SheetBuilder, epreuve: Epreuve, g: Geometry, map: GridMap): void {
  const { legendRow, advisoryRow } = g.grid;
  sb.span(legendRow, COL.number, g.lastCol, text(epreuve.legend), 'legend');
  sb.span(
    advisoryRow,
    COL.leftLabel,
    COL.leftValue - 1,
    text('Note indicative (hors annexe, ne remplace pas la note de la commission)'),
    'working',
  );
  sb.put(advisoryRow, COL.leftValue, formula(advisoryFormula(epreuve, g, map)), 'computed');
  sb.span(advisoryRow, COL.level, g.lastCol, text('indicatif, non officiel'), 'hint');
  sb.height(advisoryRow, 30);
  noteRow(sb, epreuve, g, g.grid.noteRow, EMPTY, 'inputCenter');
  sb.put(g.grid.noteRow, HELPER_COL, formula(noteCheckFormula(epreuve, map.note)), 'check');
  sb.validate({
    range: map.note,
    kind: 'decimal',
    min: 0,
    max: epreuve.noteMax,
    error: `La note est un nombre entre 0 et ${epreuve.noteMax}.`,
    prompt: `Note de la commission sur ${epreuve.noteMax}`,
  });
}

export function gridPageCells(
  sb: SheetBuilder,
  epreuve: Epreuve,
  g: Geometry,
  map: GridMap,
  session: number,
  variant: SessionVariant,
): void {
  titleBlock(sb, g, g.grid.titleRows, [
    epreuve.diploma,
    `${g.form.gridAnnex} – ${gridTitle(g.form, variant)}`,
    `${epreuve.title} – ${g.form.label} – Session ${session}`,
  ]);
  identity(sb, g);
  statusAndMotifs(sb, epreuve, g, map);
  activityRow(sb, epreuve, g, map);
  if (g.grid.criteriaHeaderRow !== null) criteriaHeader(sb, epreuve, g, g.grid.criteriaHeaderRow);
  for (const place of g.grid.blocs) blocRows(sb, epreuve, g, place);
  greyUnchosen(sb, epreuve, g, map);
  advisoryAndNote(sb, epreuve, g, map);
  memberRows(sb, g, g.grid.membersLabelRow, g.grid.memberRows, () => EMPTY, 'inputText');
  sb.span(g.grid.footerRow, COL.number, g.lastCol, text(epreuve.footers.grid), 'footer');
  sb.height(g.grid.footerRow, 30);
}
