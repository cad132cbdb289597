import type { Assessment } from '../../../core/assessment/types';
import { E4 } from '../../../core/referentiel';
import { parseRange } from '../../../core/spec/a1';
import type { CellSpec, CellValue, SheetSpec, WorkbookSpec } from '../../../core/spec/types';
import { computeStatistics } from '../../../core/stats/compute';
import type { StatsMeta } from '../../../core/stats/types';
import { statisticsWorkbook, statsFileName } from '../../../core/stats/workbook';
import { makeAssessment } from '../../helpers/assessment';

const META: StatsMeta = {
  academie: 'SIEC',
  etablissement: 'Lycée Jean Moulin',
  uai: '0750001A',
  session: 2026,
  forms: ['CCF'],
  divisions: ['BTS NDRC 2A', 'BTS NDRC 2B'],
  issuedOn: new Date(2026, 4, 28),
};

const INJECTION = '=HYPERLINK("http://exemple.invalid","clic")';

function classOf(): Assessment[] {
  return [
    makeAssessment({
      number: '10',
      nom: 'ZORGLUB',
      prenom: 'Philomène',
      group: 'BTS NDRC 2A',
      status: 'present',
      activity: 'negociation',
      note: 12.5,
      levels: { 'cibler.1': 'S' },
    }),
    makeAssessment({
      number: '9',
      nom: INJECTION,
      prenom: '+33 6',
      group: 'BTS NDRC 2B',
      status: 'present',
      activity: 'evenement',
      note: 8,
    }),
    makeAssessment({
      number: '0123',
      nom: 'KRAKOWSKI',
      prenom: 'Anouk',
      group: 'BTS NDRC 2A',
      status: 'absent',
    }),
    makeAssessment({
      number: '11',
      nom: 'VANDERBILT',
      prenom: 'Yanis',
      group: 'BTS NDRC 2B',
      status: 'non_valide',
    }),
  ];
}

function build(assessments: Assessment[], nominatif: boolean, hasErrors = false): WorkbookSpec {
  const stats = computeStatistics(E4, assessments, { hasErrors });
  return statisticsWorkbook(E4, stats, META, { nominatif, assessments });
}

function sheet(wb: WorkbookSpec, name: string): SheetSpec {
  const found = wb.sheets.find((s) => s.name === name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
}

function cell(s: SheetSpec, r: number, c: number): CellSpec | undefined {
  return s.cells.find((x) => x.r === r && x.c === c);
}

function rowOf(s: SheetSpec, label: string): CellValue[] {
  const first = s.cells.find((x) => x.c === 1 && x.value === label);
  if (!first) throw new Error(`no row ${label} in ${s.name}`);
  return s.cells
    .filter((x) => x.r === first.r)
    .sort((a, b) => a.c - b.c)
    .map((x) => x.value ?? null);
}

function allText(wb: WorkbookSpec): string[] {
  return [
    wb.title,
    ...wb.sheets.flatMap((s) => [
      s.name,
      ...s.cells.map((c) => String(c.value ?? '')),
      s.print?.footer ?? '',
    ]),
  ];
}

const GRADED_CLASS = [makeAssessment({ number: '1', status: 'present', note: 13 })];

describe('statisticsWorkbook: sheets', () => {
  it('has Synthèse, Répartition, Compétences, and Commissions when there are two groups', () => {
    expect(build(classOf(), false).sheets.map((s) => s.name)).toEqual([
      'Synthèse',
      'Répartition',
      'Compétences',
      'Commissions',
    ]);
  });

  it('leaves Commissions out with a single named group, even with tabs lacking a group', () => {
    const one = [
      makeAssessment({ number: '1', group: 'C1', status: 'present', note: 10 }),
      makeAssessment({ number: '2', group: null, status: 'present', note: 12 }),
    ];
    expect(build(one, false).sheets.map((s) => s.name)).not.toContain('Commissions');
  });

  it('adds the nominative sheet Notes only when asked', () => {
    expect(build(classOf(), false).sheets.map((s) => s.name)).not.toContain('Notes');
    expect(build(classOf(), true).sheets.map((s) => s.name)).toContain('Notes');
  });

  it('holds no formula at all, only values', () => {
    for (const s of build(classOf(), true).sheets) {
      expect(s.cells.every((c) => c.formula === undefined && !('formula' in c))).toBe(true);
      expect(s.conditionalFormats).toEqual([]);
      expect(s.validations).toEqual([]);
    }
  });

  it('keeps every cell, merge and print area inside the sheet size', () => {
    for (const s of build(classOf(), true).sheets) {
      for (const c of s.cells) {
        expect(c.r).toBeLessThanOrEqual(s.size.rows);
        expect(c.c).toBeLessThanOrEqual(s.size.cols);
      }
      for (const m of s.merges) expect(parseRange(m).r2).toBeLessThanOrEqual(s.size.rows);
      expect(parseRange(s.print?.printArea ?? 'A1')).toEqual({
        r1: 1,
        c1: 1,
        r2: s.size.rows,
        c2: s.size.cols,
      });
      expect(s.print?.fitToWidth).toBe(true);
      expect(s.columns.length).toBeGreaterThan(0);
      expect(s.columns.every((col) => col.width > 0 && col.width !== 9)).toBe(true);
    }
  });

  it('has a style for every cell, headers in bold', () => {
    for (const s of build(classOf(), true).sheets) {
      for (const c of s.cells) expect(s.styles[c.style ?? '']).toBeDefined();
      expect(s.styles.header.bold).toBe(true);
    }
  });
});

describe('statisticsWorkbook: no personal data unless nominatif', () => {
  it('writes no candidate name nor number anywhere', () => {
    const text = allText(build(classOf(), false)).join('\n');
    for (const secret of [
      'ZORGLUB',
      'Philomène',
      'KRAKOWSKI',
      'Anouk',
      'VANDERBILT',
      'HYPERLINK',
      '0123',
      '+33 6',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('lists the candidates by N° candidat, names as text, ABS and NV spelled out', () => {
    const notes = sheet(build(classOf(), true), 'Notes');
    expect(rowOf(notes, 'N° candidat')).toEqual([
      'N° candidat',
      'NOM',
      'Prénom',
      'Forme',
      'Activité simulée',
      'Note',
    ]);
    const body = [5, 6, 7, 8].map((r) => [1, 2, 3, 4, 5, 6].map((c) => cell(notes, r, c)?.value ?? null));
    expect(body).toEqual([
      ['9', INJECTION, '+33 6', 'CCF', 'Évènement', 8],
      ['10', 'ZORGLUB', 'Philomène', 'CCF', 'Négociation', 12.5],
      ['11', 'VANDERBILT', 'Yanis', 'CCF', '', 'NV (non valide)'],
      ['0123', 'KRAKOWSKI', 'Anouk', 'CCF', '', 'ABS'],
    ]);
  });

  it('keeps a name that looks like a formula as a string value', () => {
    const notes = sheet(build(classOf(), true), 'Notes');
    const injected = notes.cells.find((c) => c.value === INJECTION);
    expect(injected).toBeDefined();
    expect(typeof injected?.value).toBe('string');
    expect(injected?.formula).toBeUndefined();
  });

  it('says when a present candidate has no note yet', () => {
    const notes = sheet(build([makeAssessment({ number: '5', status: 'present' })], true), 'Notes');
    expect(cell(notes, 5, 6)?.value).toBe('non encore noté');
  });
});

describe('statisticsWorkbook: Synthèse', () => {
  it('says PROVISOIRE in the title and in a banner when someone is left to grade', () => {
    const wb = build([...GRADED_CLASS, makeAssessment({ number: '2', status: 'present' })], false);
    const s = sheet(wb, 'Synthèse');
    expect(cell(s, 1, 1)?.value).toBe('Tableau de suivi statistique des notes – E4 – PROVISOIRE');
    expect(cell(s, 2, 1)?.value).toBe(
      "PROVISOIRE : 1 candidat non encore noté. Ce tableau n'est pas définitif.",
    );
    expect(s.merges).toContain('A2:D2');
    expect(wb.title).toContain('PROVISOIRE');
  });

  it('gives the erreurs of the check as a reason for PROVISOIRE', () => {
    const s = sheet(build(GRADED_CLASS, false, true), 'Synthèse');
    expect(String(cell(s, 2, 1)?.value)).toContain('le contrôle des grilles signale au moins une erreur');
  });

  it('has no PROVISOIRE anywhere in a final table', () => {
    const wb = build(GRADED_CLASS, false);
    expect(allText(wb).some((t) => t.includes('PROVISOIRE'))).toBe(false);
    expect(cell(sheet(wb, 'Synthèse'), 1, 1)?.value).toBe('Tableau de suivi statistique des notes – E4');
  });

  it('writes the header lines of the table', () => {
    const s = sheet(build(classOf(), false), 'Synthèse');
    expect(rowOf(s, 'Diplôme')).toEqual([
      'Diplôme',
      'BTS Négociation et Digitalisation de la Relation Client',
    ]);
    expect(rowOf(s, 'Épreuve')).toEqual([
      'Épreuve',
      'E4 – Relation client et négociation-vente (U4, coef. 5)',
    ]);
    expect(rowOf(s, 'Session')).toEqual(['Session', '2026']);
    expect(rowOf(s, 'Forme')).toEqual(['Forme', 'CCF']);
    expect(rowOf(s, 'Établissement')).toEqual(['Établissement', 'Lycée Jean Moulin (UAI 0750001A)']);
    expect(rowOf(s, 'Division(s)')).toEqual(['Division(s)', 'BTS NDRC 2A, BTS NDRC 2B']);
    expect(rowOf(s, 'Édité le')).toEqual(['Édité le', '28/05/2026']);
    expect(rowOf(s, 'Académie / centre')).toEqual(['Académie / centre', 'SIEC']);
  });

  it('writes the counts and the figures as exact numbers formatted with two decimals', () => {
    const s = sheet(build(classOf(), false), 'Synthèse');
    expect(rowOf(s, 'Inscrits')).toEqual(['Inscrits', 4]);
    expect(rowOf(s, 'Présents notés')).toEqual(['Présents notés', 2]);
    expect(rowOf(s, 'Absents (ABS)')).toEqual(['Absents (ABS)', 1]);
    expect(rowOf(s, 'Non valides (NV)')).toEqual(['Non valides (NV)', 1]);
    expect(rowOf(s, 'Non encore notés')).toEqual(['Non encore notés', 0]);
    expect(rowOf(s, 'Moyenne')).toEqual(['Moyenne', 10.25]);
    expect(rowOf(s, 'Écart-type (population)')).toEqual(['Écart-type (population)', 2.25]);
    expect(rowOf(s, 'Notes ≥ 10')).toEqual(['Notes ≥ 10', 1, 0.5]);
    expect(rowOf(s, 'Notes < 8')).toEqual(['Notes < 8', 0, 0]);
    const meanCell = s.cells.find((c) => c.value === 10.25);
    expect(s.styles[meanCell?.style ?? ''].numFmt).toBe('0.00');
    const shareCell = s.cells.find((c) => c.value === 0.5);
    expect(s.styles[shareCell?.style ?? ''].numFmt).toMatch(/^0\.00 ?%$/);
  });

  it('writes the bands and the split by activity', () => {
    const s = sheet(build(classOf(), false), 'Synthèse');
    expect(rowOf(s, '[8 ; 10[')).toEqual(['[8 ; 10[', 1, 0.5]);
    expect(rowOf(s, '[16 ; 20]')).toEqual(['[16 ; 20]', 0, 0]);
    expect(rowOf(s, 'Négociation-vente')).toEqual(['Négociation-vente', 1, 12.5]);
    expect(rowOf(s, 'Évènement commercial')).toEqual(['Évènement commercial', 1, 8]);
  });

  it('shows a dash, not 0 nor NaN, where nobody is graded', () => {
    const s = sheet(build([], false), 'Synthèse');
    expect(rowOf(s, 'Moyenne')).toEqual(['Moyenne', '–']);
    expect(rowOf(s, 'Notes ≥ 10')).toEqual(['Notes ≥ 10', 0, '–']);
    const numbers = s.cells.map((c) => c.value).filter((v): v is number => typeof v === 'number');
    expect(numbers.every((n) => Number.isFinite(n))).toBe(true);
  });
});

describe('statisticsWorkbook: Répartition, Compétences, Commissions', () => {
  it('has one row per point 0 to 20 with its count and a proportional bar', () => {
    const assessments = [12, 12.75, 12.5, 13, 20].map((note, i) =>
      makeAssessment({ number: String(i + 1), status: 'present', note }),
    );
    const s = sheet(build(assessments, false), 'Répartition');
    const points = s.cells.filter((c) => c.c === 1 && typeof c.value === 'number');
    expect(points.map((c) => c.value)).toEqual(Array.from({ length: 21 }, (_, i) => i));
    expect(rowOf(s, 'Note (point)')).toHaveLength(3);
    const rowOfPoint = (p: number) => s.cells.filter((c) => c.r === 5 + p).sort((a, b) => a.c - b.c);
    expect(rowOfPoint(12).map((c) => c.value)).toEqual([12, 3, '█'.repeat(40)]);
    expect(rowOfPoint(13).map((c) => c.value)).toEqual([13, 1, '█'.repeat(13)]);
    expect(rowOfPoint(20).map((c) => c.value)).toEqual([20, 1, '█'.repeat(13)]);
    expect(rowOfPoint(5).map((c) => c.value)).toEqual([5, 0]);
  });

  it('has one row per criterion with counts and shares of each level', () => {
    const s = sheet(build(classOf(), false), 'Compétences');
    expect(rowOf(s, 'Bloc')).toEqual([
      'Bloc',
      'N°',
      'Critère',
      'Positionnés',
      'TI',
      '% TI',
      'I',
      '% I',
      'S',
      '% S',
      'TS',
      '% TS',
    ]);
    const rows = s.cells.filter((c) => c.c === 3 && c.r > 5).map((c) => c.value);
    expect(rows).toEqual(E4.blocs.flatMap((b) => b.criteria.map((c) => c.wording)));
    expect(s.cells.filter((c) => c.r === 6).map((c) => c.value)).toEqual([
      'Cibler et prospecter la clientèle',
      1,
      'Analyser un portefeuille client',
      1,
      0,
      0,
      0,
      0,
      1,
      1,
      0,
      0,
    ]);
    expect(s.print?.orientation).toBe('landscape');
  });

  it('has one row per division with its figures', () => {
    const s = sheet(build(classOf(), false), 'Commissions');
    expect(rowOf(s, 'Division')[0]).toBe('Division');
    expect(rowOf(s, 'BTS NDRC 2A')).toEqual(['BTS NDRC 2A', 2, 1, 12.5, 0, 12.5, 12.5]);
    expect(rowOf(s, 'BTS NDRC 2B')).toEqual(['BTS NDRC 2B', 2, 1, 8, 0, 8, 8]);
  });

  it('calls the groups commissions for the forme ponctuelle', () => {
    const ponctuel = [
      makeAssessment({ number: '1', form: 'ponctuel', group: '12', status: 'present', note: 9 }),
      makeAssessment({ number: '2', form: 'ponctuel', group: '3', status: 'present', note: 11 }),
    ];
    const s = sheet(build(ponctuel, false), 'Commissions');
    expect(cell(s, 3, 1)?.value).toBe('Commission');
    expect([cell(s, 4, 1)?.value, cell(s, 5, 1)?.value]).toEqual(['3', '12']);
  });
});

describe('statsFileName', () => {
  it('is exported next to the workbook', () => {
    expect(statsFileName(2026)).toBe('statistiques-E4-2026.xlsx');
  });
});
