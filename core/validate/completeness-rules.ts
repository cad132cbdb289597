import type { Assessment, Field, PartAssessment } from '../assessment/types';
import { RUBRIC, levelRubric, partRubric } from '../grid/read-rubrics';
import { joinOr } from '../grid/read-values';
import { activityBloc, commonBlocs, formDef } from '../referentiel/lookup';
import type { ActivityCode, Criterion, Epreuve } from '../referentiel/types';
import { cellFinding, filled } from './finding';
import type { Finding } from './types';

/**
 * What a present candidate's tab must hold to be complete. A field whose cell holds something the
 * reader could not understand is already an erreur of its own (read problem): it is not reported
 * again as missing.
 */
function isMissing(field: Field<unknown>): boolean {
  return !filled(field) && (field.raw === null || String(field.raw).trim() === '');
}

function missing(
  a: Assessment,
  field: Field<unknown>,
  code: string,
  rubric: string,
  message: string,
): Finding[] {
  return isMissing(field) ? [cellFinding(a, 'erreur', code, field.ref, rubric, message)] : [];
}

function levelChoices(epreuve: Epreuve): string {
  return joinOr(epreuve.levels.map((l) => l.code));
}

function requiredLevels(epreuve: Epreuve, a: Assessment, criteria: Criterion[]): Finding[] {
  return criteria.flatMap((c) => {
    const field = a.levels[c.id];
    if (!field) return [];
    return missing(
      a,
      field,
      'level-missing',
      levelRubric(c),
      `Niveau non positionné : choisissez ${levelChoices(epreuve)} dans la liste.`,
    );
  });
}

/** A level in the bloc of the activity that was not simulated is a mistake, not extra data. */
function otherActivityLevels(epreuve: Epreuve, a: Assessment, chosen: ActivityCode): Finding[] {
  const chosenBloc = activityBloc(epreuve, chosen);
  const others = epreuve.blocs.filter((b) => b.activity !== undefined && b.id !== chosenBloc.id);
  return others.flatMap((bloc) =>
    bloc.criteria.flatMap((c) => {
      const field = a.levels[c.id];
      if (!field || isMissing(field)) return [];
      const message =
        `Niveau saisi dans le bloc « ${bloc.title} », qui n’est pas celui de l’activité simulée : ` +
        'effacez-le, ou corrigez l’activité choisie.';
      return [cellFinding(a, 'erreur', 'level-other-activity', field.ref, levelRubric(c), message)];
    }),
  );
}

function levelRules(epreuve: Epreuve, a: Assessment): Finding[] {
  const activity = a.activity.value;
  const activityFinding = missing(
    a,
    a.activity,
    'activity-missing',
    RUBRIC.activity,
    `Activité simulée non choisie : choisissez ${joinOr(epreuve.activities.map((x) => `« ${x.label} »`))} dans la liste.`,
  );
  if (activity === null) {
    return [
      ...activityFinding,
      ...requiredLevels(
        epreuve,
        a,
        commonBlocs(epreuve).flatMap((b) => b.criteria),
      ),
    ];
  }
  const blocs = [...commonBlocs(epreuve), activityBloc(epreuve, activity)];
  return [
    ...requiredLevels(
      epreuve,
      a,
      blocs.flatMap((b) => b.criteria),
    ),
    ...otherActivityLevels(epreuve, a, activity),
  ];
}

function noteRules(epreuve: Epreuve, a: Assessment): Finding[] {
  const note = a.note.value;
  if (note === null) {
    return missing(
      a,
      a.note,
      'note-missing',
      RUBRIC.note,
      `Note absente : saisissez la note de la commission (0 à ${epreuve.noteMax}).`,
    );
  }
  if (note < 0 || note > epreuve.noteMax) {
    return [
      cellFinding(
        a,
        'erreur',
        'note-out-of-range',
        a.note.ref,
        RUBRIC.note,
        `Note ${String(note).replace('.', ',')} hors de l’échelle : saisissez une note de 0 à ${epreuve.noteMax}.`,
      ),
    ];
  }
  return [];
}

function partRules(epreuve: Epreuve, a: Assessment, part: PartAssessment): Finding[] {
  const def = formDef(epreuve, a.form).parts.find((p) => p.id === part.partId);
  const rubric = (what: string) => partRubric(epreuve, a.form, part.partId, what);
  const found: Finding[] = [];
  if (def?.hasDate && part.date) {
    found.push(
      ...missing(
        a,
        part.date,
        'date-missing',
        rubric(RUBRIC.date),
        'Date non renseignée : saisissez la date (jj/mm/aaaa).',
      ),
    );
  }
  found.push(
    ...missing(
      a,
      part.appreciation,
      'appreciation-missing',
      rubric('Appréciation de la commission'),
      'Appréciation de la commission absente : rédigez-la.',
    ),
  );
  found.push(
    ...memberCount(a, part.members, def?.minMembers ?? 0, part.members.length, rubric(RUBRIC.members)),
  );
  return found;
}

/** Members signed: between `min` and `max` (ponctuelle: exactly 2; CCF situation: at least 1). */
function memberCount(
  a: Assessment,
  members: Field<string>[],
  min: number,
  max: number,
  rubric: string,
): Finding[] {
  if (min === 0 || members.length === 0) return [];
  const count = members.filter(filled).length;
  if (count >= min && count <= max) return [];
  const firstEmpty = members.find((m) => isMissing(m)) ?? members[0];
  const expected = min === max ? `exactement ${min}` : `au moins ${min}`;
  return [
    cellFinding(
      a,
      'erreur',
      'members-missing',
      firstEmpty.ref,
      rubric,
      `${count} membre(s) de la commission indiqué(s), il en faut ${expected} : saisissez leurs noms.`,
    ),
  ];
}

function headerRules(epreuve: Epreuve, a: Assessment): Finding[] {
  const form = formDef(epreuve, a.form);
  const found: Finding[] = [
    ...missing(
      a,
      a.fiche.number,
      'fiche-number-missing',
      RUBRIC.ficheNumber,
      'N° de la fiche d’activité simulée absent : saisissez-le.',
    ),
    ...missing(
      a,
      a.fiche.title,
      'fiche-title-missing',
      RUBRIC.ficheTitle,
      'Titre de la fiche d’activité simulée absent : saisissez-le.',
    ),
  ];
  if (form.headerDate && a.date) {
    found.push(
      ...missing(
        a,
        a.date,
        'date-missing',
        RUBRIC.date,
        'Date de l’épreuve non renseignée : saisissez-la (jj/mm/aaaa).',
      ),
    );
  }
  if (form.headerCommission && a.commissionNumber) {
    found.push(
      ...missing(
        a,
        a.commissionNumber,
        'commission-missing',
        RUBRIC.commissionNumber,
        'N° de commission absent : saisissez-le.',
      ),
    );
  }
  found.push(...memberCount(a, a.members, form.formMinMembers, form.formMaxMembers, RUBRIC.members));
  return found;
}

/** Every rule of completeness for a candidate whose status is « présent ». */
export function completenessRules(epreuve: Epreuve, a: Assessment): Finding[] {
  return [
    ...levelRules(epreuve, a),
    ...noteRules(epreuve, a),
    ...headerRules(epreuve, a),
    ...a.parts.flatMap((p) => partRules(epreuve, a, p)),
  ];
}
