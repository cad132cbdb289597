import type { Assessment } from '../../../core/assessment/types';
import { E4 } from '../../../core/referentiel';
import type { LevelCode } from '../../../core/referentiel/types';
import { consolidateStatistics, type SourceRead } from '../../../core/workflows/consolidate';
import type { ClassRead } from '../../../core/workflows/read-class';
import { makeAssessment } from '../../helpers/assessment';

const LEVELS: LevelCode[] = ['TI', 'I', 'S', 'TS'];

/** A class of `count` graded candidates with spread notes and levels, numbers starting at `first`. */
function gradedClass(first: number, count: number, group: string): Assessment[] {
  return Array.from({ length: count }, (_, i) => {
    const n = first + i;
    const levels: Record<string, LevelCode> = {};
    E4.blocs.forEach((bloc, b) =>
      bloc.criteria.forEach((c, k) => (levels[c.id] = LEVELS[(n + b + k) % LEVELS.length])),
    );
    return makeAssessment({
      number: String(n).padStart(8, '0'),
      group,
      status: 'present',
      activity: n % 3 === 0 ? 'evenement' : 'negociation',
      note: ((n * 37) % 41) / 2,
      levels,
    });
  });
}

function read(assessments: Assessment[]): ClassRead {
  return {
    scan: { names: [], markers: new Map() },
    tabs: [],
    assessments,
    unread: [],
    roster: null,
    settings: {},
  };
}

/** Two classes consolidated: every chart of the statistics workbook has something to show. */
export function sampleConsolidation(): ReturnType<typeof consolidateStatistics> {
  const sources: SourceRead[] = [
    { file: 'ndrc2a-grilles.xlsx', read: read(gradedClass(1, 24, 'NDRC2A')) },
    { file: 'ndrc2b-grilles.xlsx', read: read(gradedClass(101, 30, 'NDRC2B')) },
  ];
  return consolidateStatistics(E4, sources, {
    clock: () => new Date('2026-06-20T10:00:00Z'),
    nominatif: false,
    settings: { etablissement: 'Lycée Jean Moulin' },
  });
}
