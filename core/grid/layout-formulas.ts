import { columnLetter, rangeA1 } from '../spec/a1';
import { commonBlocs, levelRank } from '../referentiel/lookup';
import type { AdvisoryRule, Epreuve, Level, PresenceStatus } from '../referentiel/types';
import { COL, type BlocPlace, type Geometry } from './geometry';
import type { GridMap } from './map-types';
import { str } from './sheet-builder';

/**
 * Live formulas of a candidate's tab, generated from the référentiel (loops over blocs, criteria, parts,
 * statuses). Only functions that Excel, Google Sheets and LibreOffice evaluate alike: IF, AND, OR, NOT,
 * COUNTIF, COUNTBLANK, LEN, TRIM, MIN, MAX, ISBLANK and `&`.
 */

/** 1 when the cell holds nothing but spaces: a typed blank must not pass for an answer. */
export function blank(ref: string): string {
  return `IF(LEN(TRIM(${ref}))=0,1,0)`;
}

/** Level dropdowns of a bloc as one range of the level column. */
export function levelRange(place: BlocPlace): string {
  return rangeA1({ r1: place.firstRow, c1: COL.level, r2: place.lastRow, c2: COL.level });
}

function columnRange(rows: number[], col: number): string {
  return rangeA1({ r1: Math.min(...rows), c1: col, r2: Math.max(...rows), c2: col });
}

/** « X » in the mark column of `level` when the row's dropdown holds that level. */
export function markFormula(row: number, level: Level): string {
  return `IF($${columnLetter(COL.level)}$${row}=${str(level.code)},"X","")`;
}

function statusLabel(epreuve: Epreuve, code: PresenceStatus): string {
  const def = epreuve.statuses.find((s) => s.code === code);
  if (!def) throw new Error(`Statut absent du référentiel : ${code}`);
  return def.label;
}

/** How many members are still missing: the minimum minus the non-empty lines (never negative). */
function membersMissing(rows: number[], min: number): string | null {
  if (min <= 0 || rows.length === 0) return null;
  return `MAX(0,${min}-(${rows.length}-COUNTBLANK(${columnRange(rows, COL.leftValue)})))`;
}

/**
 * Missing levels of the simulation bloc. While the activity is empty, it counts the activity itself plus the
 * levels still empty in the activity bloc that has fewest of them (at the start: the smaller bloc), the least
 * the teacher still has to type whichever activity the commission chose.
 */
function activityTerm(epreuve: Epreuve, g: Geometry, map: GridMap): string {
  const act = map.activity;
  const blocs = g.grid.blocs
    .filter((place) => place.bloc.activity !== undefined)
    .map((place) => {
      const def = epreuve.activities.find((a) => a.blocId === place.bloc.id);
      if (!def) throw new Error(`Aucune activité ne positionne le bloc ${place.bloc.title}`);
      return { label: def.label, count: `COUNTBLANK(${levelRange(place)})` };
    });
  if (blocs.length === 0) return '0';
  const unknown = `1+${blocs.length === 1 ? blocs[0].count : `MIN(${blocs.map((b) => b.count).join(',')})`}`;
  return blocs.reduceRight((rest, b) => `IF(${act}=${str(b.label)},${b.count},${rest})`, unknown);
}

/** Everything a présent candidate's tab needs, as a sum of missing counts. */
function presentTerms(epreuve: Epreuve, g: Geometry, map: GridMap): string[] {
  const common = new Set(commonBlocs(epreuve).map((b) => b.id));
  const terms = g.grid.blocs.filter((p) => common.has(p.bloc.id)).map((p) => `COUNTBLANK(${levelRange(p)})`);
  terms.push(activityTerm(epreuve, g, map));
  const singles = [
    map.note,
    ...map.parts.flatMap((p) => [p.date, p.appreciation]),
    map.fiche.number,
    map.fiche.title,
    map.date,
    map.commissionNumber,
  ].filter((c): c is string => c !== null);
  terms.push(...singles.map(blank));
  for (const part of g.fiche.parts) {
    const t = membersMissing(part.memberRows, part.part.minMembers);
    if (t) terms.push(t);
  }
  const formMembers = membersMissing(g.grid.memberRows, g.form.formMinMembers);
  if (formMembers) terms.push(formMembers);
  return terms;
}

/**
 * Number of required items still empty. Présent: every positioned level, the activity, the note, dates,
 * fiche, appréciations, members. Absent: nothing more. Non valide: at least one V-8 motif. No status yet:
 * the status itself plus what a présent candidate needs.
 */
export function missingCountFormula(epreuve: Epreuve, g: Geometry, map: GridMap): string {
  const present = presentTerms(epreuve, g, map).join('+');
  const motifs = `IF(COUNTIF(${columnRange(g.grid.motifRows, COL.level)},"X")=0,1,0)`;
  const s = map.status;
  return (
    `IF(${s}=${str(statusLabel(epreuve, 'present'))},${present},` +
    `IF(${s}=${str(statusLabel(epreuve, 'absent'))},0,` +
    `IF(${s}=${str(statusLabel(epreuve, 'non_valide'))},${motifs},1+${present})))`
  );
}

export function statusTextFormula(map: GridMap): string {
  const n = map.missingCount;
  return `IF(${n}=0,"Saisie complète","Saisie incomplète : "&${n}&" élément(s) manquant(s)")`;
}

/** How many positioned level cells hold one of `codes`: the common blocs, plus the chosen activity's bloc. */
function countPositioned(epreuve: Epreuve, g: Geometry, act: string, codes: string[]): string {
  const countIn = (place: BlocPlace): string =>
    codes.map((code) => `COUNTIF(${levelRange(place)},${str(code)})`).join('+');
  return g.grid.blocs
    .map((place) => {
      if (place.bloc.activity === undefined) return countIn(place);
      const def = epreuve.activities.find((a) => a.blocId === place.bloc.id);
      return def ? `IF(${act}=${str(def.label)},${countIn(place)},0)` : '0';
    })
    .join('+');
}

function ruleCondition(epreuve: Epreuve, g: Geometry, act: string, rule: AdvisoryRule): string {
  const conditions: string[] = [];
  const codesWhere = (keep: (rank: number) => boolean): string[] =>
    epreuve.levels.filter((l) => keep(l.rank)).map((l) => l.code);
  if (rule.minAtLeast !== undefined) {
    const below = codesWhere((r) => r < levelRank(epreuve, rule.minAtLeast as Level['code']));
    if (below.length > 0) conditions.push(`${countPositioned(epreuve, g, act, below)}=0`);
  }
  if (rule.maxAtMost !== undefined) {
    const above = codesWhere((r) => r > levelRank(epreuve, rule.maxAtMost as Level['code']));
    if (above.length > 0) conditions.push(`${countPositioned(epreuve, g, act, above)}=0`);
  }
  if (conditions.length === 0) return 'TRUE';
  return conditions.length === 1 ? conditions[0] : `AND(${conditions.join(',')})`;
}

/**
 * The advisory band of `epreuve.advisory` (first rule that holds on the positioned levels typed so far),
 * or the fallback when no level is typed. Empty for an absent or non-valide candidate. Never the note.
 */
export function advisoryFormula(epreuve: Epreuve, g: Geometry, map: GridMap): string {
  const act = map.activity;
  const fallback = str(epreuve.advisory.fallback);
  const chain = epreuve.advisory.rules.reduceRight(
    (rest, rule) => `IF(${ruleCondition(epreuve, g, act, rule)},${str(rule.label)},${rest})`,
    fallback,
  );
  const filled = countPositioned(
    epreuve,
    g,
    act,
    epreuve.levels.map((l) => l.code),
  );
  const notExamined = epreuve.statuses
    .filter((s) => s.code !== 'present')
    .map((s) => `${map.status}=${str(s.label)}`);
  const body = `IF(${filled}=0,${fallback},${chain})`;
  return notExamined.length === 0 ? body : `IF(OR(${notExamined.join(',')}),"",${body})`;
}

/** The official short code (NV / EC) of the chosen activity, for the fiche's activity box. */
export function activityBoxFormula(epreuve: Epreuve, map: GridMap): string {
  return epreuve.activities.reduceRight(
    (rest, a) => `IF(${map.activity}=${str(a.label)},${str(a.shortLabel)},${rest})`,
    '""',
  );
}

/** Shows another cell of the tab, empty when it is (a bare reference would show 0). */
export function mirrorFormula(ref: string): string {
  return `IF(ISBLANK(${ref}),"",${ref})`;
}
