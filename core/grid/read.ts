import type { Assessment, CellRef, Field, PartAssessment, ReadProblem } from '../assessment/types';
import { allCriteria } from '../referentiel/lookup';
import type { Epreuve, LevelCode } from '../referentiel/types';
import { parseA1, parseRange } from '../spec/a1';
import type { CellValue } from '../spec/types';
import { FIRST_LAYOUT_VERSION } from './geometry';
import { LAYOUT_VERSION, gridMap } from './map';
import type { GridMap } from './map-types';
import { MARKER_RANGE, readMarkerIn, type TabMarker } from './marker';
import { RUBRIC, levelRubric, motifRubric, partRubric } from './read-rubrics';
import {
  normActivity,
  normDate,
  normLevel,
  normNote,
  normStatus,
  normText,
  normTicked,
  type Normalised,
} from './read-values';

export type ReadResult = { assessment: Assessment } | { problem: string };

const MARKER_BOX = parseRange(MARKER_RANGE);

/**
 * Why a tab cannot be read through today's map, in French, or null when it can. A tab of another layout
 * version is never read through the wrong map: its values would land in the wrong fields.
 */
function markerProblem(epreuve: Epreuve, sheet: string, marker: TabMarker | null): string | null {
  const tab = `L'onglet « ${sheet} »`;
  if (!marker)
    return `${tab} ne porte pas le marqueur d'une grille E4 : il n'a pas été créé par le complément, il est ignoré.`;
  if (marker.kind !== 'grid') return `${tab} n'est pas une grille de candidat : il est ignoré.`;
  if (marker.epreuve !== epreuve.id) {
    return `${tab} est une grille de l'épreuve ${marker.epreuve}, pas de l'épreuve ${epreuve.id} : contrôlez-le avec le bon classeur.`;
  }
  if (marker.layoutVersion < FIRST_LAYOUT_VERSION) {
    return (
      `${tab} a été créé avec une mise en page plus ancienne (version ${marker.layoutVersion}, ` +
      `version actuelle ${LAYOUT_VERSION}) : il n'est pas lu, pour ne pas mal interpréter ses cellules. ` +
      "Recopiez ses saisies dans un onglet regénéré pour ce candidat, ou contrôlez-le avec la version du complément qui l'a créé."
    );
  }
  if (marker.layoutVersion > LAYOUT_VERSION) {
    return (
      `${tab} a été créé par une version plus récente du complément (mise en page ${marker.layoutVersion}, ` +
      `celle-ci lit la version ${LAYOUT_VERSION}) : mettez à jour le complément pour le contrôler.`
    );
  }
  if (!marker.form || marker.session === undefined) {
    return `${tab} a un marqueur incomplet (forme ou session absente) : regénérez l'onglet de ce candidat.`;
  }
  return null;
}

/** The maps' cells, parsed once each (every tab reads the same few dozen cells). */
const parsedCells = new Map<string, { r: number; c: number }>();

function cellAt(cell: string): { r: number; c: number } {
  let at = parsedCells.get(cell);
  if (at === undefined) {
    at = parseA1(cell);
    if (parsedCells.size < 10_000) parsedCells.set(cell, at);
  }
  return at;
}

/** Reads one field through its cell and normaliser, collecting what could not be understood. */
class FieldReader {
  readonly problems: ReadProblem[] = [];

  constructor(
    private readonly sheet: string,
    private readonly values: CellValue[][],
  ) {}

  raw(cell: string): CellValue {
    const { r, c } = cellAt(cell);
    const value = this.values[r - 1]?.[c - 1];
    return value === undefined ? null : value;
  }

  read<T>(cell: string, rubric: string, normalise: (raw: CellValue) => Normalised<T>): Field<T> {
    const raw = this.raw(cell);
    const ref: CellRef = { sheet: this.sheet, cell };
    const result = normalise(raw);
    if (result.problem !== undefined) this.problems.push({ ref, rubric, message: result.problem });
    return { value: result.value, raw, ref };
  }

  text(cell: string, rubric: string): Field<string> {
    return this.read(cell, rubric, normText);
  }
}

/** The rubric names of a map's parts and levels, built once per map (every tab of a form has the same). */
interface Rubrics {
  parts: Array<{ date: string; appreciation: string; members: string }>;
  levels: Array<{ id: string; cell: string; rubric: string }>;
}

const rubricsByMap = new WeakMap<GridMap, Rubrics>();

function rubricsOf(epreuve: Epreuve, map: GridMap): Rubrics {
  let rubrics = rubricsByMap.get(map);
  if (!rubrics) {
    const part = (partId: string, what: string): string => partRubric(epreuve, map.form, partId, what);
    rubrics = {
      parts: map.parts.map((p) => ({
        date: part(p.partId, RUBRIC.date),
        appreciation: part(p.partId, 'Appréciation de la commission'),
        members: part(p.partId, RUBRIC.members),
      })),
      levels: allCriteria(epreuve)
        .filter((c) => map.levels[c.id])
        .map((c) => ({ id: c.id, cell: map.levels[c.id], rubric: levelRubric(c) })),
    };
    rubricsByMap.set(map, rubrics);
  }
  return rubrics;
}

function readParts(epreuve: Epreuve, map: GridMap, f: FieldReader): PartAssessment[] {
  const rubrics = rubricsOf(epreuve, map).parts;
  return map.parts.map((p, i) => ({
    partId: p.partId,
    date: p.date === null ? null : f.read(p.date, rubrics[i].date, normDate),
    appreciation: f.text(p.appreciation, rubrics[i].appreciation),
    members: p.members.map((m) => f.text(m, rubrics[i].members)),
  }));
}

function readLevels(epreuve: Epreuve, map: GridMap, f: FieldReader): Assessment['levels'] {
  const levels: Assessment['levels'] = {};
  const norm = (raw: CellValue): Normalised<LevelCode> => normLevel(epreuve, raw);
  for (const { id, cell, rubric } of rubricsOf(epreuve, map).levels) levels[id] = f.read(cell, rubric, norm);
  return levels;
}

function buildAssessment(
  epreuve: Epreuve,
  sheet: string,
  marker: TabMarker,
  map: GridMap,
  f: FieldReader,
): Assessment {
  return {
    tabId: marker.tabId,
    sheet,
    layoutVersion: marker.layoutVersion,
    epreuve: marker.epreuve,
    form: map.form,
    session: marker.session ?? 0,
    identity: {
      nom: f.text(map.identity.nom, RUBRIC.nom),
      prenom: f.text(map.identity.prenom, RUBRIC.prenom),
      number: f.text(map.identity.number, RUBRIC.number),
      group: f.text(map.identity.group, RUBRIC.group),
      birthDate: marker.birthDate ?? '',
      markerNumber: marker.candidateNumber ?? '',
    },
    status: f.read(map.status, RUBRIC.status, (raw) => normStatus(epreuve, raw)),
    nvMotifs: map.nvMotifs.map((cell, i) => f.read(cell, motifRubric(i), normTicked)),
    activity: f.read(map.activity, RUBRIC.activity, (raw) => normActivity(epreuve, raw)),
    levels: readLevels(epreuve, map, f),
    note: f.read(map.note, RUBRIC.note, (raw) => normNote(epreuve, raw)),
    parts: readParts(epreuve, map, f),
    fiche: {
      number: f.text(map.fiche.number, RUBRIC.ficheNumber),
      title: f.text(map.fiche.title, RUBRIC.ficheTitle),
    },
    date: map.date === null ? null : f.read(map.date, RUBRIC.date, normDate),
    commissionNumber:
      map.commissionNumber === null ? null : f.text(map.commissionNumber, RUBRIC.commissionNumber),
    members: map.members.map((m) => f.text(m, RUBRIC.members)),
    readProblems: f.problems,
  };
}

/**
 * Reads a candidate's tab back. `values` is the `gridMap(...).readRange` rectangle from A1, marker
 * included; the marker (not the tab's name, which the teacher may change) says which form, session and
 * layout it follows.
 */
export function readAssessment(epreuve: Epreuve, sheet: string, values: CellValue[][]): ReadResult {
  // The marker straight from the tab's values (MARKER_RANGE lies inside the rectangle read from A1).
  const marker = readMarkerIn(values, MARKER_BOX.r1 - 1, MARKER_BOX.c1 - 1);
  const problem = markerProblem(epreuve, sheet, marker);
  if (problem !== null || !marker?.form) return { problem: problem ?? '' };
  // Each tab through the geometry of the layout that wrote it (older tabs keep their cells).
  const map = gridMap(epreuve, marker.form, marker.layoutVersion);
  return { assessment: buildAssessment(epreuve, sheet, marker, map, new FieldReader(sheet, values)) };
}
