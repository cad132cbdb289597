import type { SheetSpec, WorkbookSpec } from '../../core/spec/types';

/** A small sheet using every spec feature, shared by the xlsx tests. */
export function featureSheet(name = "O'CONNOR Sean"): SheetSpec {
  return {
    name,
    kind: 'grid',
    size: { rows: 40, cols: 10 },
    styles: {
      title: {
        bold: true,
        size: 14,
        color: '1F4E79',
        fill: 'DDEBF7',
        hAlign: 'center',
        vAlign: 'middle',
        wrap: true,
      },
      input: { locked: false, border: 'thin', borders: { bottom: 'medium' }, italic: true },
      number: { numFmt: '0.00', hAlign: 'right' },
    },
    cells: [
      { r: 1, c: 1, value: 'Grille E4', style: 'title' },
      { r: 2, c: 1, value: '=1+1' },
      { r: 2, c: 2, value: '+33612345678' },
      { r: 2, c: 3, value: '@SUM(A1:A2)' },
      { r: 2, c: 4, value: '-2+3' },
      { r: 3, c: 1, value: 'TI', style: 'input' },
      { r: 3, c: 2, value: 12.5, style: 'number' },
      { r: 3, c: 3, formula: 'COUNTIF(A3:A5,"TI")&" fois"' },
      { r: 3, c: 4, value: true },
      { r: 3, c: 5, value: new Date(Date.UTC(2026, 4, 18)) },
      { r: 4, c: 1, value: 'Suivi', link: { sheet: 'Suivi E4', cell: 'B2' } },
      { r: 30, c: 1, value: 'Page 2' },
    ],
    columns: [{ width: 9 }, { width: 20 }, { width: 12.5 }, { width: 8, hidden: true }],
    rowHeights: { 1: 30 },
    merges: ['A1:C1'],
    validations: [
      {
        range: 'A3:A5',
        kind: 'list',
        values: ['TI', 'I', 'S', 'TS'],
        error: 'Choisissez TI, I, S ou TS.',
        prompt: 'Niveau',
      },
      { range: 'B3', kind: 'decimal', min: 0, max: 20, error: 'La note est comprise entre 0 et 20.' },
      { range: 'E3', kind: 'date', error: 'Saisissez une date (jj/mm/aaaa).' },
    ],
    conditionalFormats: [
      { range: 'A6:C8', formula: '$A$3="TI"', style: { fill: 'D9D9D9', color: '808080', italic: true } },
    ],
    protect: true,
    print: {
      paper: 'A4',
      orientation: 'portrait',
      fitToWidth: true,
      printArea: 'A1:H40',
      rowBreaks: [20],
      footer: '&LGrille E4&RPage &P / 2',
      header: '&CBTS NDRC',
      margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    tabColor: '70AD47',
    frozenRows: 2,
  };
}

export function plainSheet(name: string, cells: SheetSpec['cells'] = []): SheetSpec {
  return {
    name,
    kind: 'recap',
    size: { rows: 10, cols: 5 },
    styles: {},
    cells,
    columns: [],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
  };
}

export function featureWorkbook(): WorkbookSpec {
  return { title: 'Essai', sheets: [plainSheet('Suivi E4', [{ r: 2, c: 2, value: 'ici' }]), featureSheet()] };
}
