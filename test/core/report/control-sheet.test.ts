import { readMarker } from '../../../core/grid/marker';
import { E4 } from '../../../core/referentiel';
import { controlReportSheet } from '../../../core/report/control-sheet';
import { parseRange } from '../../../core/spec/a1';
import type { CellSpec, CellValue, SheetSpec } from '../../../core/spec/types';
import { summarize } from '../../../core/validate/summary';
import { validate } from '../../../core/validate/validate';
import { candidate, tab } from '../validate/helpers';

const checkedAt = new Date(2026, 4, 20, 14, 5);

function at(spec: SheetSpec, r: number, c: number): CellSpec | undefined {
  return spec.cells.find((cell) => cell.r === r && cell.c === c);
}

function rowOf(spec: SheetSpec, label: string): number {
  const cell = spec.cells.find((c) => c.value === label);
  if (!cell) throw new Error(`no cell « ${label} »`);
  return cell.r;
}

describe('the « Contrôle » tab', () => {
  const assessments = [
    tab({ note: null }),
    tab({ nom: 'ADAM', prenom: 'Léa', number: '02600003', status: 'ABS', note: null }),
  ];
  const roster = [
    candidate(2, 'DUPONT', 'Marie', '02600001'),
    candidate(3, 'ADAM', 'Léa'),
    candidate(4, 'ZOLA', 'Émile', '02600009'),
  ];
  const findings = validate(E4, { assessments, roster });
  const summary = summarize(assessments, findings);
  const spec = controlReportSheet(E4, findings, summary, checkedAt);

  it('is the protected report tab named « Contrôle »', () => {
    expect(spec).toMatchObject({ name: 'Contrôle', kind: 'report', protect: true });
    expect(spec.print).toMatchObject({ fitToWidth: true, orientation: 'landscape' });
  });

  it('shows a title, the date of the check and the summary on top', () => {
    expect(at(spec, 1, 1)?.value).toContain('E4');
    expect(at(spec, 2, 1)?.value).toBe('Contrôle du 20/05/2026 14:05');
    const counts = (label: string) => at(spec, rowOf(spec, label), 2)?.value;
    expect(counts('Candidats')).toBe(2);
    expect(counts('Incomplètes')).toBe(1);
    expect(counts('À corriger')).toBe(0);
    expect(counts('Non commencées')).toBe(0);
    expect(counts('Absents (ABS)')).toBe(1);
    expect(counts('Erreurs')).toBe(summary.errors);
    expect(counts('Avertissements')).toBe(summary.warnings);
  });

  it('lists one row per finding, each linking its cell', () => {
    const header = rowOf(spec, 'Gravité');
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => at(spec, header, c)?.value)).toEqual([
      'Gravité',
      'Candidat',
      'N°',
      'Onglet',
      'Cellule',
      'Rubrique',
      'Message',
    ]);
    findings.forEach((f, i) => {
      const r = header + 1 + i;
      expect(at(spec, r, 7)?.value).toBe(f.message);
      if (f.sheet !== null && f.cell !== null) {
        expect(at(spec, r, 5)).toMatchObject({ value: f.cell, link: { sheet: f.sheet, cell: f.cell } });
      }
    });
    const noteRow = header + 1 + findings.findIndex((f) => f.code === 'note-missing');
    expect(at(spec, noteRow, 1)?.value).toBe('Erreur');
    expect(at(spec, noteRow, 2)?.value).toBe('DUPONT Marie');
    expect(at(spec, noteRow, 4)?.value).toBe('DUPONT Marie');
  });

  it('asks the hosts to fit every finding row to its wrapped text', () => {
    const header = rowOf(spec, 'Gravité');
    expect(spec.autoFitRows).toEqual({ from: header + 1, to: header + findings.length });
    expect(spec.styles.body.wrap).toBe(true);
  });

  it('gives a roster finding no link', () => {
    const r = rowOf(spec, 'ZOLA Émile');
    expect(at(spec, r, 5)?.link).toBeUndefined();
    expect(at(spec, r, 3)?.value).toBe('02600009');
  });

  it('carries a report marker, inside the sheet size', () => {
    const box = parseRange('K1:K14');
    const values: CellValue[][] = [];
    for (let r = box.r1; r <= box.r2; r++) values.push([at(spec, r, box.c1)?.value ?? null]);
    expect(readMarker(values)).toMatchObject({ kind: 'report', epreuve: 'E4' });
    expect(spec.size.cols).toBeGreaterThanOrEqual(box.c1);
    expect(spec.columns[box.c1 - 1].hidden).toBe(true);
  });

  it('defines every style its cells use', () => {
    for (const cell of spec.cells) if (cell.style) expect(spec.styles[cell.style]).toBeDefined();
  });

  it('says so when there is nothing to report', () => {
    const clean = controlReportSheet(E4, [], summarize([tab()], []), checkedAt);
    expect(clean.cells.some((c) => c.value === 'Aucun problème trouvé.')).toBe(true);
  });
});
