import { assessmentsToJson } from '../../../core/export/json';
import { gridMap } from '../../../core/grid/map';
import { E4 } from '../../../core/referentiel';
import { tab } from '../validate/helpers';

interface JsonField {
  value: unknown;
  sheet: string;
  cell: string;
}
interface JsonRecord {
  sheet: string;
  form: string;
  status: JsonField;
  activity: JsonField;
  note: JsonField;
  levels: Array<JsonField & { criterion: string; bloc: string }>;
  nvMotifs: Array<JsonField & { motif: number; label: string }>;
  candidate: { nom: JsonField; number: JsonField };
}

function records(json: unknown): JsonRecord[] {
  return (json as { candidates: JsonRecord[] }).candidates;
}

describe('JSON export', () => {
  const map = gridMap(E4, 'ccf');
  const json = assessmentsToJson(E4, [
    tab({ activity: 'negociation', note: 13 }),
    tab({ nom: 'ADAM', status: 'Non valide (NV)', note: null, nvMotifs: [2] }),
    tab({ nom: 'ZOLA', status: 'ABS', note: null }),
  ]);

  it('gives one record per candidate, with the épreuve', () => {
    expect(json).toMatchObject({ epreuve: 'E4' });
    expect(records(json).map((r) => r.sheet)).toEqual(['DUPONT Marie', 'ADAM Marie', 'ZOLA Marie']);
  });

  it('keeps distinct codes for the two meanings of « NV »', () => {
    const [dupont, adam, zola] = records(json);
    expect(dupont.activity.value).toBe('negociation');
    expect(adam.status.value).toBe('non_valide');
    expect(zola.status.value).toBe('absent');
    expect(dupont.status.value).toBe('present');
  });

  it('gives every field its sheet and cell', () => {
    const [dupont, adam] = records(json);
    expect(dupont.note).toEqual({ value: 13, sheet: 'DUPONT Marie', cell: map.note });
    expect(dupont.candidate.nom).toEqual({ value: 'DUPONT', sheet: 'DUPONT Marie', cell: map.identity.nom });
    expect(dupont.levels.find((l) => l.criterion === 'cibler.3')).toMatchObject({
      value: 'S',
      bloc: 'cibler',
      cell: map.levels['cibler.3'],
    });
    expect(adam.nvMotifs[2]).toMatchObject({ motif: 3, value: true, cell: map.nvMotifs[2] });
    expect(adam.nvMotifs[2].label).toBe(E4.nvMotifs[2]);
  });

  it('survives a JSON round trip unchanged', () => {
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });
});
