import { inputCells } from '../../core/grid/layout';
import { gridMap } from '../../core/grid/map';
import { E4 } from '../../core/referentiel';
import type { FormId } from '../../core/referentiel/types';
import { parseA1 } from '../../core/spec/a1';
import type { CellSpec } from '../../core/spec/types';
import { filledTab, type FilledTabInit } from './filled-tab';

/**
 * The cells a teacher types into a tab, taken from `filledTab` (a complete grid by default): written
 * through a host's `apply` updates, they fill a generated tab as a teacher would.
 */
export function teacherInputs(form: FormId, init: FilledTabInit = {}): CellSpec[] {
  const values = filledTab({ ...init, form });
  const map = gridMap(E4, form);
  return inputCells(map).map((ref) => {
    const { r, c } = parseA1(ref);
    return { r, c, value: values[r - 1]?.[c - 1] ?? null };
  });
}
