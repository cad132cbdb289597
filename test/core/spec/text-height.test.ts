import { estimatedRowHeights, wrappedHeight } from '../../../core/spec/text-height';
import type { SheetSpec } from '../../../core/spec/types';

function spec(cells: SheetSpec['cells']): SheetSpec {
  return {
    name: 'Contrôle',
    kind: 'report',
    size: { rows: 10, cols: 2 },
    cells,
    styles: { wrap: { wrap: true }, plain: {} },
    columns: [{ width: 10 }, { width: 20 }],
    merges: [],
    validations: [],
    conditionalFormats: [],
    protect: false,
    autoFitRows: { from: 2, to: 4 },
  };
}

describe('row heights for hosts that cannot measure text', () => {
  it('gives one line 15 points and grows with the lines the longest wrapped text needs', () => {
    expect(wrappedHeight([{ text: 'court', perLine: 20 }])).toBe(17);
    expect(wrappedHeight([{ text: 'x'.repeat(45), perLine: 20 }])).toBe(Math.round(3 * 12.5 + 4));
  });

  it('estimates only the rows to fit, from their wrapped cells and the column widths', () => {
    const heights = estimatedRowHeights(
      spec([
        { r: 1, c: 2, value: 'x'.repeat(200), style: 'wrap' },
        { r: 2, c: 2, value: 'x'.repeat(40), style: 'wrap' },
        { r: 3, c: 1, value: 'x'.repeat(40), style: 'plain' },
        { r: 3, c: 2, value: 'court', style: 'wrap' },
      ]),
    );
    // Column B holds 18 characters a line: 40 characters wrap on 3 lines; row 3's long text does not wrap.
    expect(heights).toEqual({ 2: wrappedHeight([{ text: 'x'.repeat(40), perLine: 18 }]), 3: 17, 4: 17 });
    expect(heights[2]).toBeGreaterThan(heights[3]);
  });
});
