import type { Assessment, Field, PartAssessment, ReadProblem } from '../../core/assessment/types';
import { E4, formDef } from '../../core/referentiel';
import type { ActivityCode, Epreuve, FormId, LevelCode, PresenceStatus } from '../../core/referentiel';
import { a1 } from '../../core/spec/a1';
import type { CellValue } from '../../core/spec/types';

/** What a test says about a candidate's tab; everything left out is empty (value null, raw ''). */
export interface AssessmentInit {
  epreuve?: Epreuve;
  tabId?: string;
  sheet?: string;
  layoutVersion?: number;
  form?: FormId;
  session?: number;
  nom?: string | null;
  prenom?: string | null;
  number?: string | null;
  group?: string | null;
  birthDate?: string;
  markerNumber?: string;
  status?: PresenceStatus | null;
  activity?: ActivityCode | null;
  note?: number | null;
  /** Level per criterion id; criteria left out are empty. */
  levels?: Record<string, LevelCode>;
  /** Ticked V-8 motifs, by index (0 = motif 1). */
  nvMotifs?: number[];
  ficheNumber?: string | null;
  ficheTitle?: string | null;
  readProblems?: ReadProblem[];
}

let tabCounter = 0;

/** Hands out distinct cells down column B, so every Field has a real-looking, unique ref. */
function fieldMaker(sheet: string): <T>(value: T | null, raw?: CellValue) => Field<T> {
  let row = 0;
  return <T>(value: T | null, raw?: CellValue): Field<T> => {
    row += 1;
    const fallback: CellValue = value === null ? '' : typeof value === 'boolean' ? value : String(value);
    return { value, raw: raw === undefined ? fallback : raw, ref: { sheet, cell: a1(row, 2) } };
  };
}

/** The levels of every criterion of the épreuve, given ones filled, the others empty. */
function levelFields(
  epreuve: Epreuve,
  field: ReturnType<typeof fieldMaker>,
  levels: Record<string, LevelCode>,
): Record<string, Field<LevelCode>> {
  const out: Record<string, Field<LevelCode>> = {};
  for (const bloc of epreuve.blocs) {
    for (const c of bloc.criteria) out[c.id] = field<LevelCode>(levels[c.id] ?? null);
  }
  return out;
}

function partFields(epreuve: Epreuve, form: FormId, field: ReturnType<typeof fieldMaker>): PartAssessment[] {
  return formDef(epreuve, form).parts.map((part) => ({
    partId: part.id,
    date: part.hasDate ? field<string>(null) : null,
    appreciation: field<string>(null),
    members: Array.from({ length: part.memberLines }, () => field<string>(null)),
  }));
}

/**
 * A complete `Assessment` as core/grid/read would produce it, from the few facts a test cares about.
 * Raw values mirror what a teacher sees (the status and activity labels of the dropdowns).
 */
export function makeAssessment(init: AssessmentInit = {}): Assessment {
  const epreuve = init.epreuve ?? E4;
  const form = init.form ?? 'ccf';
  const def = formDef(epreuve, form);
  tabCounter += 1;
  const nom = init.nom === undefined ? 'DUPONT' : init.nom;
  const prenom = init.prenom === undefined ? 'Camille' : init.prenom;
  const sheet = init.sheet ?? `${nom ?? ''} ${prenom ?? ''} ${tabCounter}`.trim();
  const field = fieldMaker(sheet);
  const status = init.status ?? null;
  const activity = init.activity ?? null;
  const statusLabel = epreuve.statuses.find((s) => s.code === status)?.label ?? '';
  const activityLabel = epreuve.activities.find((a) => a.code === activity)?.label ?? '';
  const ticked = new Set(init.nvMotifs ?? []);
  return {
    tabId: init.tabId ?? `tab-${tabCounter}`,
    sheet,
    layoutVersion: init.layoutVersion ?? 1,
    epreuve: epreuve.id,
    form,
    session: init.session ?? 2026,
    identity: {
      nom: field<string>(nom),
      prenom: field<string>(prenom),
      number: field<string>(init.number === undefined ? null : init.number),
      group: field<string>(init.group === undefined ? null : init.group),
      birthDate: init.birthDate ?? '',
      ...(init.markerNumber === undefined ? {} : { markerNumber: init.markerNumber }),
    },
    status: field<PresenceStatus>(status, statusLabel),
    nvMotifs: epreuve.nvMotifs.map((_, i) => field<boolean>(ticked.has(i) ? true : null)),
    activity: field<ActivityCode>(activity, activityLabel),
    levels: levelFields(epreuve, field, init.levels ?? {}),
    note: field<number>(init.note === undefined ? null : init.note, init.note ?? ''),
    parts: partFields(epreuve, form, field),
    fiche: { number: field<string>(init.ficheNumber ?? null), title: field<string>(init.ficheTitle ?? null) },
    date: def.headerDate ? field<string>(null) : null,
    commissionNumber: def.headerCommission ? field<string>(init.group ?? null) : null,
    members: Array.from({ length: def.formMemberLines }, () => field<string>(null)),
    readProblems: init.readProblems ?? [],
  };
}
