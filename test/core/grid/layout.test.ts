import { candidateCells, gridTemplate, identityCells, inputCells } from '../../../core/grid/layout';
import { gridMap } from '../../../core/grid/map';
import { unportableFunctions } from '../../../core/spec/formulas';
import { MARKER_RANGE, readMarker } from '../../../core/grid/marker';
import { E4, allCriteria } from '../../../core/referentiel';
import { parseA1, parseRange, a1 } from '../../../core/spec/a1';
import type { CellSpec, CellValue, SheetSpec } from '../../../core/spec/types';
import type { Candidate } from '../../../core/roster/types';

const FORMS = ['ccf', 'ponctuel'] as const;
const candidate: Candidate = {
  row: 3,
  number: '02468',
  nom: 'MARTIN',
  prenom: 'Léa',
  birthDate: '2005-01-02',
  division: 'NDRC2',
  commission: 'C7',
};

function cellAt(sheet: SheetSpec, ref: string): CellSpec | undefined {
  const { r, c } = parseA1(ref);
  return sheet.cells.find((x) => x.r === r && x.c === c);
}

function withoutStrings(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""');
}

describe.each(FORMS)('gridTemplate (%s)', (form) => {
  const sheet = gridTemplate(E4, form, 2026);
  const map = gridMap(E4, form);

  it('has a level dropdown TI/I/S/TS for every criterion, both activity blocs included', () => {
    for (const criterion of allCriteria(E4)) {
      const { r, c } = parseA1(map.levels[criterion.id]);
      const lists = sheet.validations.filter((v) => {
        const box = parseRange(v.range);
        return v.kind === 'list' && r >= box.r1 && r <= box.r2 && c >= box.c1 && c <= box.c2;
      });
      expect(lists).toHaveLength(1);
      expect(lists[0].kind === 'list' && lists[0].values).toEqual(['TI', 'I', 'S', 'TS']);
    }
  });

  it('prints both simulation blocs and greys the one not chosen', () => {
    const texts = sheet.cells.map((c) => c.value);
    for (const bloc of E4.blocs) expect(texts).toContain(bloc.title);
    const act = map.check.activity.replace(/([A-Z]+)(\d+)/, '$$$1$$$2');
    const greying = sheet.conditionalFormats.filter((f) => f.formula.includes(act));
    expect(greying.map((f) => f.formula)).toEqual([`AND(${act}>0,${act}<>1)`, `AND(${act}>0,${act}<>2)`]);
  });

  it('unlocks exactly the input cells of the map (and the rest of their merged areas)', () => {
    const inputs = new Set(inputCells(map));
    const mergedWith = (ref: string): string[] => {
      const merge = sheet.merges
        .map(parseRange)
        .find((b) => b.r1 === parseA1(ref).r && b.c1 === parseA1(ref).c);
      if (!merge) return [ref];
      const refs: string[] = [];
      for (let c = merge.c1; c <= merge.c2; c++) refs.push(a1(merge.r1, c));
      return refs;
    };
    const allowed = new Set([...inputs].flatMap(mergedWith));
    for (const ref of inputs) expect(sheet.styles[cellAt(sheet, ref)?.style ?? '']?.locked).toBe(false);
    for (const cell of sheet.cells) {
      if (sheet.styles[cell.style ?? '']?.locked === false) expect(allowed).toContain(a1(cell.r, cell.c));
    }
    expect(sheet.protect).toBe(true);
  });

  it('uses only the whitelisted functions and references cells inside the sheet', () => {
    const formulas = sheet.cells
      .flatMap((c) => (c.formula ? [c.formula] : []))
      .concat(sheet.conditionalFormats.map((f) => f.formula));
    expect(formulas.length).toBeGreaterThan(40);
    for (const f of formulas) {
      const bare = withoutStrings(f);
      expect(unportableFunctions(f)).toEqual([]);
      for (const [ref] of bare.matchAll(/\$?[A-Z]{1,2}\$?\d+/g)) {
        const { r, c } = parseA1(ref);
        expect(r).toBeLessThanOrEqual(sheet.size.rows);
        expect(c).toBeLessThanOrEqual(sheet.size.cols);
      }
    }
  });

  it('keeps every cell, merge and the marker inside its trimmed size, with two printed pages', () => {
    for (const c of sheet.cells) {
      expect(c.r).toBeLessThanOrEqual(sheet.size.rows);
      expect(c.c).toBeLessThanOrEqual(sheet.size.cols);
    }
    const marker = parseRange(MARKER_RANGE);
    expect(marker.c2).toBeLessThanOrEqual(sheet.size.cols);
    expect(sheet.columns[marker.c1 - 1].hidden).toBe(true);
    expect(sheet.print?.rowBreaks).toHaveLength(1);
    expect(sheet.print?.fitToWidth).toBe(true);
    expect(sheet.print?.footer).toContain('&P / 2');
    expect(parseRange(sheet.print?.printArea ?? 'A1').c2).toBeLessThan(marker.c1);
    expect(sheet.columns.some((c) => c.width === 9)).toBe(false);
    const texts = sheet.cells.map((c) => c.value);
    expect(texts).toContain(E4.footers.grid);
    expect(texts).toContain(E4.footers.fiche);
  });

  it('lists the five V-8 motifs, the statuses and the activities as in the référentiel', () => {
    const texts = sheet.cells.map((c) => c.value);
    for (const motif of E4.nvMotifs) expect(texts).toContain(motif);
    const lists = sheet.validations.flatMap((v) => (v.kind === 'list' ? [v.values] : []));
    expect(lists).toContainEqual(E4.statuses.map((s) => s.label));
    expect(lists).toContainEqual(E4.activities.map((a) => a.label));
    expect(sheet.validations).toContainEqual(
      expect.objectContaining({ range: map.note, kind: 'decimal', min: 0, max: 20 }),
    );
  });

  it('normalises every dropdown input in a hidden working cell, with the spellings the reader accepts', () => {
    expect(sheet.columns[parseA1(map.check.status).c - 1].hidden).toBe(true);
    const status = cellAt(sheet, map.check.status)?.formula ?? '';
    for (const s of E4.statuses) expect(status).toContain(`TRIM(${map.status})="${s.label}"`);
    expect(status).toContain('"ABS"');
    const level = cellAt(sheet, map.check.levels['cibler.1'])?.formula ?? '';
    expect(level).toContain(`TRIM(${map.levels['cibler.1']})="TS"`);
    expect(cellAt(sheet, map.check.note)?.formula).toContain(`ISNUMBER(${map.note})`);
    const activity = cellAt(sheet, map.check.activity)?.formula ?? '';
    expect(activity).toContain('"Négociation-vente (NV)"');
    expect(activity).not.toContain('="NV"');
  });

  it('computes the missing count and the corrections from the working cells, and the status text from both', () => {
    const missing = cellAt(sheet, map.missingCount)?.formula ?? '';
    expect(missing).toContain(map.check.status);
    expect(missing).toContain(map.check.note);
    expect(missing).not.toContain('MIN(');
    const text = cellAt(sheet, map.statusText)?.formula ?? '';
    expect(text).toContain(map.missingCount);
    expect(text).toContain(map.check.corrections);
    expect(text).toContain('"À corriger : "');
    const advisory = cellAt(sheet, map.advisory)?.formula ?? '';
    for (const rule of E4.advisory.rules) expect(advisory).toContain(rule.label);
    expect(advisory).toContain('"<1"');
  });
});

describe('session durations', () => {
  const texts = (form: 'ccf' | 'ponctuel', session: number): string =>
    gridTemplate(E4, form, session)
      .cells.map((c) => String(c.value ?? ''))
      .join('\n');

  it('prints 20 minutes before 2025 and 15 from 2025 for the CCF situation B', () => {
    expect(texts('ccf', 2024)).toContain('Situation B – Durée 20 minutes – Simulation');
    expect(texts('ccf', 2026)).toContain('Situation B – Durée 15 minutes – Simulation');
  });

  it('prints the 2025 phases and total of the forme ponctuelle', () => {
    expect(texts('ponctuel', 2025)).toContain('2. Simulation (15 minutes au maximum)');
    expect(texts('ponctuel', 2025)).toContain('Durée 40 minutes');
    expect(texts('ponctuel', 2023)).toContain('Durée 1 heure');
  });

  it('refuses a session the référentiel does not cover', () => {
    expect(() => gridTemplate(E4, 'ccf', 2019)).toThrow(/2019/);
  });
});

describe('candidateCells and identityCells', () => {
  it('writes identity as text, prefills « Présent » and a marker that reads back', () => {
    const map = gridMap(E4, 'ponctuel');
    const cells = candidateCells(E4, 'ponctuel', 2026, candidate, 'g1');
    const value = (ref: string): CellValue | undefined => cells.find((c) => a1(c.r, c.c) === ref)?.value;
    expect(value(map.identity.nom)).toBe('MARTIN');
    expect(value(map.identity.number)).toBe('02468');
    expect(value(map.identity.group)).toBe('C7');
    expect(value(map.status)).toBe('Présent');
    const box = parseRange(MARKER_RANGE);
    const rect: CellValue[][] = Array.from({ length: box.r2 - box.r1 + 1 }, (_, i) => [
      cells.find((c) => c.c === box.c1 && c.r === i + 1)?.value ?? null,
    ]);
    expect(readMarker(rect)).toMatchObject({
      kind: 'grid',
      tabId: 'g1',
      form: 'ponctuel',
      session: 2026,
      candidateNumber: '02468',
      birthDate: '2005-01-02',
    });
  });

  it('refreshes only roster cells, never an input cell, and keeps a number the roster lacks', () => {
    const map = gridMap(E4, 'ccf');
    const marker = {
      kind: 'grid' as const,
      tabId: 'g1',
      layoutVersion: 1,
      epreuve: 'E4',
      form: 'ccf' as const,
      session: 2026,
      candidateNumber: '999',
    };
    const cells = identityCells(E4, 'ccf', { ...candidate, number: '' }, marker);
    const refs = cells.map((c) => a1(c.r, c.c));
    for (const input of inputCells(map)) expect(refs).not.toContain(input);
    expect(refs).not.toContain(map.identity.number);
    expect(cells.find((c) => c.value === '999')).toBeDefined();
    expect(cells.find((c) => a1(c.r, c.c) === map.identity.group)?.value).toBe('NDRC2');
  });
});
