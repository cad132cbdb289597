import type { Assessment } from '../../../core/assessment/types';
import { E4 } from '../../../core/referentiel';
import type { ActivityCode, LevelCode, PresenceStatus } from '../../../core/referentiel';
import { computeStatistics } from '../../../core/stats/compute';
import { makeAssessment } from '../../helpers/assessment';

/** mulberry32: a small seeded generator, so a failing class can be rebuilt from its seed. */
function generator(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, items: readonly T[]): T {
  return items[Math.floor(random() * items.length)];
}

const STATUSES: Array<PresenceStatus | null> = [
  'present',
  'present',
  'present',
  'present',
  'absent',
  'non_valide',
  null,
];
const ACTIVITIES: Array<ActivityCode | null> = ['negociation', 'evenement', null];
const LEVELS: Array<LevelCode | undefined> = ['TI', 'I', 'S', 'TS', undefined];
const GROUPS = ['C1', 'C2', 'C10', 'BTS NDRC 2', null];

/** Notes in quarter points, sometimes missing, rarely out of range (an erreur the check reports). */
function randomNote(random: () => number): number | null {
  const r = random();
  if (r < 0.1) return null;
  if (r < 0.12) return 20 + Math.ceil(random() * 5);
  return Math.round(random() * 80) / 4;
}

function randomClass(seed: number, size: number): Assessment[] {
  const random = generator(seed);
  return Array.from({ length: size }, (_, i) => {
    const levels: Record<string, LevelCode> = {};
    for (const c of E4.blocs.flatMap((b) => b.criteria)) {
      const level = pick(random, LEVELS);
      if (level !== undefined) levels[c.id] = level;
    }
    // One candidate in 50 appears twice under the same number: it must count once.
    const number = random() < 0.02 && i > 0 ? String(10000 + i - 1) : String(10000 + i);
    return makeAssessment({
      number,
      status: pick(random, STATUSES),
      activity: pick(random, ACTIVITIES),
      note: randomNote(random),
      group: pick(random, GROUPS),
      form: pick(random, ['ccf', 'ponctuel'] as const),
      levels,
    });
  });
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe.each([
  [1, 1],
  [2, 2],
  [3, 7],
  [4, 35],
  [5, 240],
  [6, 1500],
])('invariants on a generated class (seed %i, %i candidates)', (seed, size) => {
  const assessments = randomClass(seed, size);
  const s = computeStatistics(E4, assessments, { hasErrors: false });
  const distinct = new Set(assessments.map((a) => a.identity.number.value)).size;

  it('counts every distinct candidate once, in exactly one status', () => {
    const c = s.counts;
    expect(c.inscrits).toBe(distinct);
    expect(c.presentsNotes + c.absents + c.nonValides + c.nonEncoreNotes).toBe(c.inscrits);
  });

  it('keeps min ≤ median ≤ max and min ≤ mean ≤ max, or all null when nobody is graded', () => {
    const n = s.notes;
    if (s.counts.presentsNotes === 0) {
      expect([n.mean, n.sd, n.median, n.min, n.max]).toEqual([null, null, null, null, null]);
      return;
    }
    for (const v of [n.mean, n.sd, n.median, n.min, n.max]) expect(Number.isFinite(v)).toBe(true);
    expect(n.min).toBeLessThanOrEqual(n.median ?? NaN);
    expect(n.median).toBeLessThanOrEqual(n.max ?? NaN);
    expect(n.min).toBeLessThanOrEqual(n.mean ?? NaN);
    expect(n.mean).toBeLessThanOrEqual(n.max ?? NaN);
    expect(n.min).toBeGreaterThanOrEqual(0);
    expect(n.max).toBeLessThanOrEqual(20);
  });

  it('has band counts and the histogram both adding up to présents notés', () => {
    expect(sum(s.bands.map((b) => b.count))).toBe(s.counts.presentsNotes);
    expect(sum(s.histogram)).toBe(s.counts.presentsNotes);
    if (s.counts.presentsNotes > 0) expect(sum(s.bands.map((b) => b.share ?? NaN))).toBeCloseTo(1, 10);
  });

  it('has per-activity and per-group counts within the totals', () => {
    expect(sum(s.activities.map((a) => a.presentsNotes))).toBeLessThanOrEqual(s.counts.presentsNotes);
    expect(sum(s.groups.map((g) => g.candidates))).toBe(s.counts.inscrits);
    expect(sum(s.groups.map((g) => g.presentsNotes))).toBe(s.counts.presentsNotes);
  });

  it('has level counts adding up to the candidates positioned, never above the candidates present', () => {
    const present = s.counts.presentsNotes + s.counts.nonEncoreNotes;
    for (const c of s.criteria) {
      expect(sum(c.levels.map((l) => l.count))).toBe(c.positioned);
      expect(c.positioned).toBeLessThanOrEqual(present);
      for (const l of c.levels) expect(l.count).toBeLessThanOrEqual(c.positioned);
    }
  });

  it('is provisional exactly when someone is left to grade', () => {
    expect(s.provisional).toBe(s.counts.nonEncoreNotes > 0);
  });
});
