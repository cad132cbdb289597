import { columnLetter, rangeA1 } from '../spec/a1';
import { commonBlocs } from '../referentiel/lookup';
import type { AdvisoryRule, Epreuve, Level, PresenceStatus } from '../referentiel/types';
import { activitySpellings, levelSpellings, statusSpellings, type Spelling } from './entry-values';
import { COL, HELPER_COL, type BlocPlace, type Geometry } from './geometry';
import type { GridMap } from './map-types';
import { str } from './sheet-builder';

/**
 * Live formulas of a candidate's tab, generated from the référentiel and from the same rules as « Contrôle »
 * (core/validate): what is missing and what must be corrected. Only functions of the cross-host list
 * (core/spec/formulas.ts). Each input the rules look at is first normalised, in a hidden working cell of
 * column J, to a number: 0 blank, n ≥ 1 the n-th choice (trim and case aside, entry-values.ts), -1 a value
 * that is no choice. The counts then read these numbers with COUNTIF.
 */

/** 1 when the cell holds nothing but spaces: a typed blank must not pass for an answer. */
export function blank(ref: string): string {
  return `IF(LEN(TRIM(${ref}))=0,1,0)`;
}

function filledTerm(ref: string): string {
  return `IF(LEN(TRIM(${ref}))>0,1,0)`;
}

/** The working cell of an input row. */
export function checkCell(row: number): string {
  return rangeA1({ r1: row, c1: HELPER_COL, r2: row, c2: HELPER_COL });
}

/** Working cells of a bloc's level rows, as one range. */
export function checkRange(place: BlocPlace): string {
  return rangeA1({ r1: place.firstRow, c1: HELPER_COL, r2: place.lastRow, c2: HELPER_COL });
}

/** Level dropdowns of a bloc as one range of the level column. */
export function levelRange(place: BlocPlace): string {
  return rangeA1({ r1: place.firstRow, c1: COL.level, r2: place.lastRow, c2: COL.level });
}

/** 0 blank, i + 1 when the value is a spelling of the i-th code, -1 otherwise. */
function choiceIndex<T extends string>(ref: string, spellings: Array<Spelling<T>>): string {
  const test = (words: string[]): string => {
    const eq = words.map((w) => `TRIM(${ref})=${str(w)}`);
    return eq.length === 1 ? eq[0] : `OR(${eq.join(',')})`;
  };
  const chain = spellings.reduceRight((rest, s, i) => `IF(${test(s.words)},${i + 1},${rest})`, '-1');
  return `IF(LEN(TRIM(${ref}))=0,0,${chain})`;
}

/** A level cell's working value: 0 blank, rank + 1 (TI = 1 … TS = 4), -1 no level. */
export function levelCheckFormula(epreuve: Epreuve, ref: string): string {
  const byRank = [...levelSpellings(epreuve)].sort(
    (a, b) => rankOf(epreuve, a.code) - rankOf(epreuve, b.code),
  );
  return choiceIndex(ref, byRank);
}

function rankOf(epreuve: Epreuve, code: string): number {
  return epreuve.levels.find((l) => l.code === code)?.rank ?? 0;
}

export function statusCheckFormula(epreuve: Epreuve, ref: string): string {
  return choiceIndex(ref, statusSpellings(epreuve));
}

export function activityCheckFormula(epreuve: Epreuve, ref: string): string {
  return choiceIndex(ref, activitySpellings(epreuve));
}

/** 0 blank, 1 a number within the scale, -1 text or out of range. */
export function noteCheckFormula(epreuve: Epreuve, ref: string): string {
  return `IF(LEN(TRIM(${ref}))=0,0,IF(ISNUMBER(${ref}),IF(AND(${ref}>=0,${ref}<=${epreuve.noteMax}),1,-1),-1))`;
}

export function motifCheckFormula(ref: string): string {
  return choiceIndex(ref, [{ code: 'X', words: ['X'] }]);
}

/** « X » in the mark column of `level` when the row's working cell says that level. */
export function markFormula(row: number, level: Level): string {
  return `IF($${columnLetter(HELPER_COL)}$${row}=${level.rank + 1},"X","")`;
}

/** The working value of the status cell for `code` (its place in the dropdown, from 1). */
export function statusIndex(epreuve: Epreuve, code: PresenceStatus): number {
  const i = epreuve.statuses.findIndex((s) => s.code === code);
  if (i < 0) throw new Error(`Statut absent du référentiel : ${code}`);
  return i + 1;
}

/** The activity blocs, each with its index in the activity dropdown's working value. */
function activityPlaces(epreuve: Epreuve, g: Geometry): Array<{ index: number; place: BlocPlace }> {
  return g.grid.blocs
    .filter((place) => place.bloc.activity !== undefined)
    .map((place) => {
      const i = epreuve.activities.findIndex((a) => a.blocId === place.bloc.id);
      if (i < 0) throw new Error(`Aucune activité ne positionne le bloc ${place.bloc.title}`);
      return { index: i + 1, place };
    });
}

function commonPlaces(epreuve: Epreuve, g: Geometry): BlocPlace[] {
  const common = new Set(commonBlocs(epreuve).map((b) => b.id));
  return g.grid.blocs.filter((p) => common.has(p.bloc.id));
}

function sum(terms: string[]): string {
  return terms.length === 0 ? '0' : terms.join('+');
}

/** COUNTIF over several ranges, as a sum. */
function countIn(ranges: string[], criterion: string): string {
  return sum(ranges.map((r) => `COUNTIF(${r},${criterion})`));
}

/** How many members are still missing: the minimum minus the lines holding a name (never negative). */
function membersMissing(cells: string[], min: number): string | null {
  if (min <= 0 || cells.length === 0) return null;
  return `MAX(0,${min}-(${cells.map(filledTerm).join('+')}))`;
}

/** The cells a présent candidate's tab must hold besides the dropdowns, in the rules' order. */
function textCells(map: GridMap): string[] {
  return [
    ...map.parts.flatMap((p) => [p.date, p.appreciation]),
    map.fiche.number,
    map.fiche.title,
    map.date,
    map.commissionNumber,
  ].filter((c): c is string => c !== null);
}

function dateCells(map: GridMap): string[] {
  return [...map.parts.map((p) => p.date), map.date].filter((c): c is string => c !== null);
}

/**
 * What a présent candidate still has to type (same rules as core/validate/completeness-rules.ts): the levels
 * of the common blocs; the activity, then the levels of its bloc; the note; dates, appréciations, fiche,
 * N° de commission; the members missing from each list.
 */
function presentMissing(epreuve: Epreuve, g: Geometry, map: GridMap): string {
  const act = map.check.activity;
  const terms = [countIn(commonPlaces(epreuve, g).map(checkRange), '0')];
  terms.push(`IF(${act}=0,1,0)`);
  for (const { index, place } of activityPlaces(epreuve, g))
    terms.push(`IF(${act}=${index},COUNTIF(${checkRange(place)},0),0)`);
  terms.push(`IF(${map.check.note}=0,1,0)`);
  terms.push(...textCells(map).map(blank));
  map.parts.forEach((p, i) => {
    const t = membersMissing(p.members, g.fiche.parts[i]?.part.minMembers ?? 0);
    if (t) terms.push(t);
  });
  const formMembers = membersMissing(map.members, g.form.formMinMembers);
  if (formMembers) terms.push(formMembers);
  return sum(terms);
}

/**
 * Number of required items still empty. Présent: see presentMissing. No status yet: the status itself plus
 * what a présent candidate needs. Absent: nothing. Non valide: at least one V-8 motif. A status that is no
 * choice: nothing (it is a correction, see correctionTerms).
 */
export function missingCountFormula(epreuve: Epreuve, g: Geometry, map: GridMap): string {
  const s = map.check.status;
  const present = presentMissing(epreuve, g, map);
  const motifs = `IF(COUNTIF(${motifRange(g)},1)=0,1,0)`;
  return (
    `IF(${s}=${statusIndex(epreuve, 'present')},${present},IF(${s}=0,1+${present},` +
    `IF(${s}=${statusIndex(epreuve, 'non_valide')},${motifs},0)))`
  );
}

function motifRange(g: Geometry): string {
  const rows = g.grid.motifRows;
  return rangeA1({ r1: rows[0], c1: HELPER_COL, r2: rows[rows.length - 1], c2: HELPER_COL });
}

/**
 * The inconsistencies, each a count and the words the live status uses for it (same rules as « Contrôle »:
 * a value that is no choice, a level in the bloc not simulated, a note out of the scale or typed as text,
 * a note for an absent or non valide candidate, a date typed as text).
 */
export function correctionTerms(
  epreuve: Epreuve,
  g: Geometry,
  map: GridMap,
): Array<{ count: string; words: string }> {
  const s = map.check.status;
  const act = map.check.activity;
  const note = map.check.note;
  const allLevels = g.grid.blocs.map(checkRange);
  const examined = `OR(${s}=0,${s}=${statusIndex(epreuve, 'present')})`;
  const places = activityPlaces(epreuve, g);
  const others = places.map(({ index }) => {
    const otherRanges = places.filter((p) => p.index !== index).map((p) => checkRange(p.place));
    return `IF(${act}=${index},${countIn(otherRanges, '">0"')},0)`;
  });
  const notExamined = `OR(${s}=${statusIndex(epreuve, 'absent')},${s}=${statusIndex(epreuve, 'non_valide')})`;
  const textDates = dateCells(map).map((d) => `IF(AND(LEN(TRIM(${d}))>0,NOT(ISNUMBER(${d}))),1,0)`);
  return [
    { count: `IF(${s}=-1,1,0)`, words: 'statut non reconnu' },
    { count: `IF(${act}=-1,1,0)`, words: 'activité non reconnue' },
    { count: countIn(allLevels, '-1'), words: 'niveau non reconnu' },
    {
      count: `IF(${examined},${sum(others)},0)`,
      words: "niveau dans le bloc de l'activité non choisie",
    },
    { count: `IF(${note}=-1,1,0)`, words: 'note non valide' },
    {
      count: `IF(AND(${notExamined},${note}=1),1,0)`,
      words: 'note saisie pour un candidat absent ou non valide',
    },
    { count: `COUNTIF(${motifRange(g)},-1)`, words: 'motif non reconnu' },
    ...(textDates.length > 0 ? [{ count: sum(textDates), words: 'date saisie comme du texte' }] : []),
  ];
}

export function correctionCountFormula(epreuve: Epreuve, g: Geometry, map: GridMap): string {
  return sum(correctionTerms(epreuve, g, map).map((t) => `(${t.count})`));
}

/**
 * « Saisie complète », « Saisie incomplète : n élément(s) manquant(s) » or « À corriger : » the first
 * inconsistency (and how many others), exactly as « Contrôle » judges the tab.
 */
export function statusTextFormula(epreuve: Epreuve, g: Geometry, map: GridMap): string {
  const n = map.missingCount;
  const c = map.check.corrections;
  const first = correctionTerms(epreuve, g, map).reduceRight(
    (rest, t) => `IF((${t.count})>0,${str(t.words)},${rest})`,
    '""',
  );
  return (
    `IF(${c}>0,"À corriger : "&${first}&IF(${c}>1," (+ "&(${c}-1)&" autre(s))",""),` +
    `IF(${n}=0,"Saisie complète","Saisie incomplète : "&${n}&" élément(s) manquant(s)"))`
  );
}

/** The condition of one advisory rule on the working values of `ranges` (all filled, all levels). */
function ruleCondition(epreuve: Epreuve, ranges: string[], rule: AdvisoryRule): string {
  const conditions: string[] = [];
  const rank = (code: string): number => rankOf(epreuve, code) + 1;
  if (rule.minAtLeast !== undefined) conditions.push(`${countIn(ranges, `"<${rank(rule.minAtLeast)}"`)}=0`);
  if (rule.maxAtMost !== undefined) conditions.push(`${countIn(ranges, `">${rank(rule.maxAtMost)}"`)}=0`);
  if (conditions.length === 0) return 'TRUE';
  return conditions.length === 1 ? conditions[0] : `AND(${conditions.join(',')})`;
}

/**
 * The advisory band of `epreuve.advisory` (first rule that holds), only once every level that counts is
 * filled with a level (the common blocs and the chosen activity's bloc); until then the fallback. Empty for
 * an absent or non-valide candidate. Never the note.
 */
export function advisoryFormula(epreuve: Epreuve, g: Geometry, map: GridMap): string {
  const act = map.check.activity;
  const fallback = str(epreuve.advisory.fallback);
  const common = commonPlaces(epreuve, g).map(checkRange);
  const perActivity = activityPlaces(epreuve, g).reduceRight((rest, { index, place }) => {
    const ranges = [...common, checkRange(place)];
    const chain = epreuve.advisory.rules.reduceRight(
      (inner, rule) => `IF(${ruleCondition(epreuve, ranges, rule)},${str(rule.label)},${inner})`,
      fallback,
    );
    const allFilled = `${countIn(ranges, '"<1"')}=0`;
    return `IF(${act}=${index},IF(${allFilled},${chain},${fallback}),${rest})`;
  }, fallback);
  const s = map.check.status;
  const notExamined = `OR(${s}=${statusIndex(epreuve, 'absent')},${s}=${statusIndex(epreuve, 'non_valide')})`;
  return `IF(${notExamined},"",${perActivity})`;
}

/** The chosen activity's full label (the annex's words), for the fiche; never the bare « NV ». */
export function activityBoxFormula(epreuve: Epreuve, map: GridMap): string {
  return epreuve.activities.reduceRight(
    (rest, a, i) => `IF(${map.check.activity}=${i + 1},${str(a.label)},${rest})`,
    '""',
  );
}

/** Shows another cell of the tab, empty when it is (a bare reference would show 0). */
export function mirrorFormula(ref: string): string {
  return `IF(ISBLANK(${ref}),"",${ref})`;
}
