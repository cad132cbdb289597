import { gridMap } from '../../../core/grid/map';
import { MARKER_RANGE, readMarker } from '../../../core/grid/marker';
import { RECAP_SHEET } from '../../../core/grid/naming';
import { RECAP_HEADERS, recapSheet } from '../../../core/grid/recap';
import { E4 } from '../../../core/referentiel';
import { parseRange } from '../../../core/spec/a1';

describe('recapSheet', () => {
  const rows = [
    {
      sheet: "O'CONNOR Sean",
      candidate: { number: '01', nom: "O'CONNOR", prenom: 'Sean' },
      form: 'ccf' as const,
    },
    {
      sheet: 'MARTIN Léa',
      candidate: { number: '02', nom: 'MARTIN', prenom: 'Léa' },
      form: 'ponctuel' as const,
    },
  ];
  const sheet = recapSheet(E4, rows, { 'MARTIN Léa': { date: '12/05/2026', verdict: 'complet' } });
  const row = (r: number) =>
    sheet.cells.filter((c) => c.r === r && c.c <= RECAP_HEADERS.length).sort((a, b) => a.c - b.c);

  it('links to each tab and quotes its name in formulas', () => {
    const first = row(4);
    expect(first[3].link).toEqual({ sheet: "O'CONNOR Sean", cell: 'A1' });
    expect(first[4].formula).toContain(`'O''CONNOR Sean'!${gridMap(E4, 'ccf').statusText}`);
    expect(first[5].formula).toContain(`'O''CONNOR Sean'!${gridMap(E4, 'ccf').note}`);
  });

  it('shows the note as typed: General, not 0.## (Excel writes « 15, » with it)', () => {
    const note = row(4)[5];
    expect(note.style).toBe('note');
    expect(sheet.styles.note.numFmt).toBe('General');
  });

  it('points each row at the cells of its own form and shows the last control', () => {
    const second = row(5);
    expect(second[4].formula).toContain(`'MARTIN Léa'!${gridMap(E4, 'ponctuel').statusText}`);
    expect(second[6].value).toBe('12/05/2026 – complet');
    expect(row(4)[6].value).toBe('');
  });

  it('is the protected « Suivi E4 » tab with a frozen header and a recap marker', () => {
    expect(sheet.name).toBe(RECAP_SHEET);
    expect(row(3).map((c) => c.value)).toEqual(RECAP_HEADERS);
    expect(sheet.protect).toBe(true);
    expect(sheet.frozenRows).toBe(3);
    const box = parseRange(MARKER_RANGE);
    const rect = Array.from({ length: box.r2 }, (_, i) => [
      sheet.cells.find((c) => c.c === box.c1 && c.r === i + 1)?.value ?? null,
    ]);
    expect(readMarker(rect)?.kind).toBe('recap');
    expect(sheet.size.rows).toBeGreaterThanOrEqual(box.r2);
  });
});
