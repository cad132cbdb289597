import { a1 } from '../spec/a1';
import { partTitle } from '../referentiel/lookup';
import type { Epreuve, SessionVariant } from '../referentiel/types';
import { COL, type Geometry, type HeaderField, type PairPlace, type PartPlace } from './geometry';
import { HEADER_LABELS, dateValidation, memberRows, pair, titleBlock } from './layout-grid';
import { activityBoxFormula, mirrorFormula, statusIndex } from './layout-formulas';
import type { GridMap } from './map-types';
import { EMPTY, formula, str, text, type SheetBuilder } from './sheet-builder';

/**
 * Page 2 of a candidate's tab: the fiche of annex V-5 (CCF) or V-7 (forme ponctuelle). Whatever is typed on
 * page 1 (identity, header, members of the ponctuelle, note) is shown here through formulas, so each value
 * is typed once and read from one cell.
 */

/** Cell of page 1 holding a header field of the fiche. */
function headerSource(map: GridMap, field: HeaderField | 'number'): string | null {
  switch (field) {
    case 'number':
      return map.identity.number;
    case 'ficheNumber':
      return map.fiche.number;
    case 'ficheTitle':
      return map.fiche.title;
    case 'commission':
      return map.commissionNumber;
    case 'date':
      return map.date;
  }
}

function header(sb: SheetBuilder, g: Geometry, map: GridMap): void {
  pair(
    sb,
    g,
    { row: g.fiche.nameRow, side: 'left' },
    'NOM',
    formula(mirrorFormula(map.identity.nom)),
    'mirror',
  );
  pair(
    sb,
    g,
    { row: g.fiche.nameRow, side: 'right' },
    'Prénom',
    formula(mirrorFormula(map.identity.prenom)),
    'mirror',
  );
  for (const [field, place] of Object.entries(g.fiche.header) as Array<[HeaderField | 'number', PairPlace]>) {
    const source = headerSource(map, field);
    const content = source ? formula(mirrorFormula(source)) : EMPTY;
    pair(sb, g, place, HEADER_LABELS[field], content, field === 'date' ? 'mirrorDate' : 'mirror');
  }
}

function labelledInput(sb: SheetBuilder, g: Geometry, row: number, label: string, style: string): void {
  sb.span(row, COL.leftLabel, COL.leftValue - 1, text(label), 'label');
  sb.span(row, COL.leftValue, g.lastCol, EMPTY, style);
}

function part(
  sb: SheetBuilder,
  epreuve: Epreuve,
  g: Geometry,
  map: GridMap,
  place: PartPlace,
  variant: SessionVariant,
): void {
  const title = partTitle(place.part, g.form.id, variant);
  sb.span(place.titleRow, COL.number, g.lastCol, text(title), 'section');
  sb.height(place.titleRow, title.length > 100 ? 30 : 18);
  if (place.dateRow !== null) {
    sb.span(place.dateRow, COL.leftLabel, COL.leftValue - 1, text('Date'), 'label');
    sb.put(place.dateRow, COL.leftValue, EMPTY, 'inputDate');
    sb.span(place.dateRow, COL.level, g.lastCol, EMPTY, 'hint');
    sb.validate(dateValidation(a1(place.dateRow, COL.leftValue)));
  }
  if (place.simulation) {
    const sim = place.simulation;
    // The annex's full wording: « NV » alone would also read as « non valide ».
    sb.span(sim.activityRow, COL.leftLabel, COL.leftValue - 1, text('Activité simulée'), 'label');
    sb.span(sim.activityRow, COL.leftValue, g.lastCol, formula(activityBoxFormula(epreuve, map)), 'mirror');
    sb.height(sim.activityRow, 30);
    labelledInput(sb, g, sim.numberRow, HEADER_LABELS.ficheNumber, 'inputText');
    labelledInput(sb, g, sim.titleRow, HEADER_LABELS.ficheTitle, 'inputText');
  }
  sb.span(place.appreciationLabelRow, COL.number, g.lastCol, text('Appréciation de la commission'), 'label');
  sb.span(place.appreciationRow, COL.number, g.lastCol, EMPTY, 'inputLong');
  sb.height(place.appreciationRow, g.form.parts.length > 2 ? 80 : 100);
  memberRows(sb, g, place.membersLabelRow, place.memberRows, () => EMPTY, 'inputText');
}

/**
 * Where the note goes, the fiche handed to the candidate shows the status when there is no note to give:
 * « ABS » and « Absent(e) », or « NV » and « Dossier non valide » with the V-8 motifs ticked on page 1.
 */
function ficheNoteRow(sb: SheetBuilder, epreuve: Epreuve, g: Geometry, map: GridMap): void {
  const s = map.check.status;
  const absent = `${s}=${statusIndex(epreuve, 'absent')}`;
  const nv = `${s}=${statusIndex(epreuve, 'non_valide')}`;
  const motifs = map.check.motifs.map((m, i) => `IF(${m}=1," n°${i + 1}","")`).join('&');
  const noteLabel = `NOTE sur ${epreuve.noteMax}`;
  const label = `IF(${nv},"Motif(s) de non-validité (annexe V-8) :"&${motifs}&" – ${noteLabel}",${str(noteLabel)})`;
  sb.span(g.fiche.noteRow, COL.number, COL.indicators, formula(label), 'labelRight');
  sb.put(
    g.fiche.noteRow,
    COL.level,
    formula(`IF(${absent},"ABS",IF(${nv},"NV",${mirrorFormula(map.note)}))`),
    'mirrorCenter',
  );
  const after = `IF(${absent},"Absent(e)",IF(${nv},"Dossier non valide","/ ${epreuve.noteMax}"))`;
  sb.span(g.fiche.noteRow, COL.firstMark, g.lastCol, formula(after), 'noteAfter');
}

export function fichePageCells(
  sb: SheetBuilder,
  epreuve: Epreuve,
  g: Geometry,
  map: GridMap,
  session: number,
  variant: SessionVariant,
): void {
  titleBlock(sb, g, g.fiche.titleRows, [
    epreuve.diploma,
    `${g.form.ficheAnnex} – ${g.form.ficheTitle}`,
    `${epreuve.title} – Session ${session}`,
  ]);
  header(sb, g, map);
  for (const place of g.fiche.parts) part(sb, epreuve, g, map, place, variant);
  memberRows(
    sb,
    g,
    g.fiche.membersLabelRow,
    g.fiche.memberRows,
    (_row, i) => formula(mirrorFormula(map.members[i])),
    'mirror',
  );
  ficheNoteRow(sb, epreuve, g, map);
  sb.span(g.fiche.footerRow, COL.number, g.lastCol, text(epreuve.footers.fiche), 'footer');
  sb.height(g.fiche.footerRow, 30);
}
