import type { Assessment } from '../../assessment/types';
import { formDef } from '../../referentiel/lookup';
import type { Epreuve, PresenceStatus } from '../../referentiel/types';
import type { SheetSpec } from '../../spec/types';
import { finishSheet, newDraft, putMerged, putRow, type Styled } from '../draft';
import { STATS_SHEETS } from '../names';
import { gradedNote, oncePerCandidate } from '../select';
import { decimalCell, STATS_STYLES, styled } from '../styles';

const HEADERS = ['N° candidat', 'NOM', 'Prénom', 'Forme', 'Activité simulée', 'Note'];
const NOT_GRADED = 'non encore noté';

/** « ABS » and « NV (non valide) »: the official short mention, made unambiguous for NV (also « Négociation-vente »). */
function statusMention(epreuve: Epreuve, status: PresenceStatus): string | null {
  const short = epreuve.statuses.find((s) => s.code === status)?.shortLabel ?? '';
  if (short === '') return null;
  return status === 'non_valide' ? `${short} (non valide)` : short;
}

function noteCell(epreuve: Epreuve, a: Assessment): Styled {
  const mention = a.status.value === null ? null : statusMention(epreuve, a.status.value);
  if (mention !== null) return styled(mention, 'text');
  const note = gradedNote(epreuve, a);
  return note === null ? styled(NOT_GRADED, 'missing') : decimalCell(note);
}

function activityLabel(epreuve: Epreuve, a: Assessment): string {
  return epreuve.activities.find((x) => x.code === a.activity.value)?.listLabel ?? '';
}

/** One collator for the whole sort (localeCompare with options would build one per comparison), made on first use. */
let numberOrder: Intl.Collator | null = null;

/** Candidate numbers in natural order (« 2 » before « 10 »); tabs without a number last. */
function byNumber(a: Assessment, b: Assessment): number {
  const na = (a.identity.number.value ?? '').trim();
  const nb = (b.identity.number.value ?? '').trim();
  if (na === '' || nb === '') return na === nb ? 0 : na === '' ? 1 : -1;
  numberOrder ??= new Intl.Collator('fr', { numeric: true });
  return numberOrder.compare(na, nb);
}

/** Every roster string is a plain value: a name typed as « =HYPERLINK(…) » stays text. */
function candidateRow(epreuve: Epreuve, a: Assessment): Styled[] {
  return [
    styled(a.identity.number.value ?? '', 'text'),
    styled(a.identity.nom.value ?? '', 'text'),
    styled(a.identity.prenom.value ?? '', 'text'),
    styled(formDef(epreuve, a.form).label, 'text'),
    styled(activityLabel(epreuve, a), 'text'),
    noteCell(epreuve, a),
  ];
}

/** Sheet « Notes » (nominative, on request only): the list to cross-check the Lotanet entry. */
export function notesSheet(epreuve: Epreuve, assessments: readonly Assessment[]): SheetSpec {
  const draft = newDraft();
  putMerged(draft, 1, 1, HEADERS.length, styled('Liste nominative des notes', 'title'));
  putMerged(
    draft,
    2,
    1,
    HEADERS.length,
    styled('Document nominatif : pour vérifier la saisie Lotanet, à ne pas diffuser.', 'explain'),
  );
  const headerRow = 4;
  putRow(
    draft,
    headerRow,
    HEADERS.map((h) => styled(h, 'header')),
  );
  const sorted = oncePerCandidate(assessments).sort(byNumber);
  sorted.forEach((a, i) => putRow(draft, headerRow + 1 + i, candidateRow(epreuve, a)));
  return finishSheet(draft, {
    name: STATS_SHEETS.notes,
    kind: 'stats',
    styles: STATS_STYLES,
    widths: [14, 24, 20, 18, 18, 16],
    orientation: 'portrait',
    frozenRows: headerRow,
  });
}
