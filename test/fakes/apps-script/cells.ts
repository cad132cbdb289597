import type { CellValue } from '../../../core/spec';

/** What one cell of the fake holds. */
export interface FakeCell {
  value: CellValue;
  /** With its leading '='. */
  formula?: string;
  numFmt?: string;
  format: Record<string, unknown>;
  validation?: FakeValidation;
  /** A formula written while a tab it points into did not exist (modelled pessimistically: #REF!). */
  unresolved?: string;
}

export interface FakeValidation {
  kind: 'list' | 'number' | 'date';
  values?: string[];
  min?: number;
  max?: number;
  allowInvalid: boolean;
  helpText?: string;
}

export function emptyCell(): FakeCell {
  return { value: '', format: {} };
}

const NUMBER = /^[+-]?(\d+([.]\d*)?|[.]\d+)([eE][+-]?\d+)?$/;
const FR_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/**
 * What Sheets makes of a value given to setValues, in a French-locale spreadsheet, as a user typing
 * it would get: a leading '=' (or '+'/'-' before non-numeric text) makes a formula, numeric text a
 * number, « TRUE » a boolean, dd/mm/yyyy a date; a leading apostrophe is removed and forces text.
 * A cell formatted '@' (plain text) keeps the string as it is.
 */
export function parseInput(
  input: unknown,
  numFmt: string | undefined,
): { value: CellValue; formula?: string } {
  if (input === null || input === undefined) return { value: '' };
  if (input instanceof Date || typeof input === 'number' || typeof input === 'boolean')
    return { value: input };
  if (typeof input !== 'string')
    throw new Error(`Exception: Cannot convert ${String(input)} to a cell value.`);
  if (numFmt === '@') return { value: input };
  if (input.startsWith("'")) return { value: input.slice(1) };
  if (input.startsWith('=')) return { value: '', formula: input };
  if (NUMBER.test(input.trim())) return { value: Number(input.trim()) };
  if (/^[+-]/.test(input)) return { value: '#ERROR!', formula: `=${input}` };
  if (/^(true|false)$/i.test(input)) return { value: input.toLowerCase() === 'true' };
  const date = FR_DATE.exec(input);
  if (date) return { value: new Date(Number(date[3]), Number(date[2]) - 1, Number(date[1])) };
  return { value: input };
}

/** A formula's displayed value, as far as the fake evaluates: HYPERLINK shows its label. */
export function formulaValue(formula: string): CellValue {
  const link = /^=HYPERLINK\("(?:[^"]|"")*",\s*"((?:[^"]|"")*)"\)$/.exec(formula);
  if (link) return link[1].replace(/""/g, '"');
  return '';
}

/** The tab names a formula points into ('Tab name'!A1 or Tab!A1). */
export function referencedSheets(formula: string): string[] {
  const names: string[] = [];
  const text = formula.replace(/"(?:[^"]|"")*"/g, '""');
  for (const m of text.matchAll(/'((?:[^']|'')+)'!|\b([A-Za-z_][\w.]*)!/g))
    names.push(m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2]);
  return names;
}
