import { assessmentsToCsv } from '../../../core/export/csv';
import { E4 } from '../../../core/referentiel';
import { tab } from '../validate/helpers';

/** `lire` exports the tab's « Note indicative » by the tab's own rule: only once every counting level is filled. */
describe('CSV export: the advisory band', () => {
  const csv = assessmentsToCsv(E4, [
    tab({ allLevels: 'TS', note: 17 }),
    tab({ nom: 'UNS', allLevels: null, levels: { 'cibler.1': 'S' }, note: null }),
    tab({ nom: 'ABSENT', status: 'ABS', note: null }),
  ]);
  const [header, ...lines] = csv
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter((l) => l !== '')
    .map((l) => l.split(';'));
  const col = header.indexOf('Note indicative (non officielle)');

  it('gives the band of a full grid, « pas d’indication » for one S alone, nothing for an absent', () => {
    expect(col).toBeGreaterThan(header.indexOf('Note sur 20'));
    expect(lines.map((l) => l[col])).toEqual(['14 et plus', "pas d'indication", '']);
  });
});
