import { finishSheet, newDraft, put, putMerged, wrappedHeight } from '../../../core/stats/draft';

describe('sheet draft', () => {
  it('trims the sheet and its print area to what was written, merges included', () => {
    const draft = newDraft();
    put(draft, 3, 2, { value: 1, style: 'integer' });
    putMerged(draft, 5, 1, 4, { value: 'titre', style: 'title' });
    const sheet = finishSheet(draft, {
      name: 'S',
      kind: 'stats',
      styles: {},
      widths: [10, 9],
      orientation: 'portrait',
    });
    expect(sheet.size).toEqual({ rows: 5, cols: 4 });
    expect(sheet.merges).toEqual(['A5:D5']);
    expect(sheet.print?.printArea).toBe('A1:D5');
    expect(sheet.cells).toEqual([
      { r: 3, c: 2, value: 1, style: 'integer' },
      { r: 5, c: 1, value: 'titre', style: 'title' },
    ]);
  });

  it('never writes a column width of exactly 9, which exceljs drops as default', () => {
    const sheet = finishSheet(newDraft(), {
      name: 'S',
      kind: 'stats',
      styles: {},
      widths: [9],
      orientation: 'portrait',
    });
    expect(sheet.columns).toEqual([{ width: 9.01 }]);
    expect(sheet.size).toEqual({ rows: 1, cols: 1 });
  });

  it('gives a wrapped row the height of its longest cell, and none to a one-line row', () => {
    expect(wrappedHeight([{ text: 'court', width: 20 }])).toBeUndefined();
    expect(
      wrappedHeight([
        { text: 'x'.repeat(50), width: 20 },
        { text: 'y', width: 5 },
      ]),
    ).toBe(45);
  });
});
