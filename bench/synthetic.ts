import { gridMap } from '../core/grid/map';
import { requiredCriteria } from '../core/referentiel/lookup';
import type { ActivityCode, Epreuve, FormId, LevelCode } from '../core/referentiel/types';
import { parseA1 } from '../core/spec/a1';
import type { CellSpec, CellValue } from '../core/spec/types';

/**
 * Generated classes for the benchmark: a roster of n invented candidates and, per tab, the inputs a
 * teacher types (random but reproducible: a fixed-seed generator).
 */

const NOMS = [
  'MARTIN',
  'BERNARD',
  'DUBOIS',
  'THOMAS',
  'ROBERT',
  'RICHARD',
  'PETIT',
  'DURAND',
  'LEROY',
  'MOREAU',
  'DE LA FONTAINE',
  'NGUYEN',
];
const PRENOMS = [
  'Léa',
  'Hugo',
  'Chloé',
  'Lucas',
  'Inès',
  'Yanis',
  'Manon',
  'Enzo',
  'Jade',
  'Noël',
  'Aïcha',
  'Thi Lan',
];

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function rosterValues(n: number): CellValue[][] {
  const rows: CellValue[][] = [['N° candidat', 'NOM', 'Prénom', 'Date de naissance', 'Commission']];
  for (let i = 0; i < n; i++) {
    rows.push([
      `026${String(10000000 + i * 7919).padStart(8, '0')}`,
      NOMS[i % NOMS.length],
      `${PRENOMS[Math.floor(i / NOMS.length) % PRENOMS.length]}${i >= NOMS.length * PRENOMS.length ? ` ${i}` : ''}`,
      new Date(Date.UTC(2004 + (i % 3), i % 12, 1 + (i % 28))),
      `C${String(1 + (i % 12)).padStart(2, '0')}`,
    ]);
  }
  return rows;
}

const LEVELS: LevelCode[] = ['TI', 'I', 'S', 'TS'];

/** What a teacher types in one tab: a present candidate, graded, most of the time; now and then ABS. */
export function teacherCells(
  epreuve: Epreuve,
  form: FormId,
  session: number,
  rand: () => number,
): CellSpec[] {
  const map = gridMap(epreuve, form);
  const put: Record<string, CellValue> = {};
  if (rand() < 0.04) {
    put[map.status] = 'Absent (ABS)';
  } else {
    const activity: ActivityCode = rand() < 0.5 ? 'negociation' : 'evenement';
    put[map.activity] = epreuve.activities.find((a) => a.code === activity)?.label ?? null;
    for (const c of requiredCriteria(epreuve, activity))
      put[map.levels[c.id]] = LEVELS[Math.floor(rand() * 4)];
    put[map.note] = Math.round(rand() * 40) / 2;
    const date = new Date(Date.UTC(session, 4, 18));
    for (const p of map.parts) {
      if (p.date) put[p.date] = date;
      put[p.appreciation] = 'Bonne maîtrise de la relation client.';
      p.members.forEach((cell, i) => (put[cell] = i === 0 ? 'Mme PROF Claire' : null));
    }
    if (map.date) put[map.date] = date;
    if (map.commissionNumber) put[map.commissionNumber] = 'C01';
    map.members.forEach((cell, i) => (put[cell] = i === 0 ? 'Mme PROF Claire' : 'M. PRO Paul'));
    put[map.fiche.number] = '2';
    put[map.fiche.title] = 'Salon professionnel';
  }
  return Object.entries(put).map(([ref, value]) => ({ ...parseA1(ref), value }));
}
