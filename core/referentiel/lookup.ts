import type {
  ActivityCode,
  Bloc,
  Criterion,
  Epreuve,
  FormDef,
  FormId,
  LevelCode,
  PartDef,
  SessionVariant,
} from './types';
import { perEpreuve, perEpreuveAndKey } from './memo';

/** The clock is injected so that tests fix « today ». */
export type Clock = () => Date;

/**
 * The session of the current school year: from September on, the exam falls in the next calendar
 * year (a class that starts in September 2026 sits the exam in 2027).
 */
export function defaultSession(clock: Clock): number {
  const now = clock();
  return now.getMonth() >= 8 ? now.getFullYear() + 1 : now.getFullYear();
}

export function formDef(epreuve: Epreuve, id: FormId): FormDef {
  const form = epreuve.forms.find((f) => f.id === id);
  if (!form) throw new Error(`Forme inconnue : ${id}`);
  return form;
}

/** The variant in force for a session, or undefined when the référentiel has none for that year. */
export function sessionVariant(epreuve: Epreuve, year: number): SessionVariant | undefined {
  return epreuve.sessions.find((s) => year >= s.fromYear && (s.toYear === undefined || year <= s.toYear));
}

export function supportedSessions(epreuve: Epreuve): string {
  const first = Math.min(...epreuve.sessions.map((s) => s.fromYear));
  return `${first} et suivantes`;
}

/** A part's title with its duration for the session filled in. */
export function partTitle(part: PartDef, form: FormId, variant: SessionVariant): string {
  const minutes = variant.partMinutes[form]?.[part.id];
  return part.title.replace('{minutes}', minutes === undefined ? '' : String(minutes));
}

export function gridTitle(form: FormDef, variant: SessionVariant): string {
  return form.gridTitle.replace('{duration}', variant.totalDuration[form.id] ?? '');
}

export function blocById(epreuve: Epreuve, id: string): Bloc {
  const bloc = epreuve.blocs.find((b) => b.id === id);
  if (!bloc) throw new Error(`Bloc inconnu : ${id}`);
  return bloc;
}

export function activityBloc(epreuve: Epreuve, activity: ActivityCode): Bloc {
  const def = epreuve.activities.find((a) => a.code === activity);
  if (!def) throw new Error(`Activité inconnue : ${activity}`);
  return blocById(epreuve, def.blocId);
}

/** Blocs positioned whatever the activity (those without an `activity`). */
export function commonBlocs(epreuve: Epreuve): Bloc[] {
  return epreuve.blocs.filter((b) => b.activity === undefined);
}

const requiredByActivity = perEpreuveAndKey((epreuve, activity): readonly Criterion[] => {
  const blocs = [...commonBlocs(epreuve), activityBloc(epreuve, activity as ActivityCode)];
  return blocs.flatMap((b) => b.criteria);
});

/**
 * Every criterion that must carry a level once the activity is known. Built once per épreuve and
 * activity (asked for every tab by the check and the advisory band): the list is shared, never change it.
 */
export function requiredCriteria(epreuve: Epreuve, activity: ActivityCode): readonly Criterion[] {
  return requiredByActivity(epreuve, activity);
}

/** The criteria of the common blocs, built once per épreuve (shared, never change it). */
export const commonCriteria = perEpreuve((epreuve): readonly Criterion[] =>
  commonBlocs(epreuve).flatMap((b) => b.criteria),
);

export function allCriteria(epreuve: Epreuve): Criterion[] {
  return epreuve.blocs.flatMap((b) => b.criteria);
}

export function indicatorsFor(criterion: Criterion, form: FormId): string {
  return criterion.indicatorsByForm?.[form] ?? criterion.indicators;
}

export function levelRank(epreuve: Epreuve, code: LevelCode): number {
  // A map built once: the advisory band ranks every level of every tab.
  const rank = ranks(epreuve).get(code);
  if (rank === undefined) throw new Error(`Niveau inconnu : ${code}`);
  return rank;
}

/** Code → rank, the first level of a code winning as `find` would. */
const ranks = perEpreuve((epreuve) => {
  const byCode = new Map<string, number>();
  for (const l of epreuve.levels) if (!byCode.has(l.code)) byCode.set(l.code, l.rank);
  return byCode;
});
