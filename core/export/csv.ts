import type { Assessment } from '../assessment/types';
import type { Epreuve } from '../referentiel/types';
import { exportColumns, type ExportColumn, type ExportValue } from './columns';

const BOM = '\uFEFF';
const SEPARATOR = ';';
const EOL = '\r\n';

/**
 * A cell a spreadsheet would run as a formula (= + - @, or a leading tab/CR that some strip first) gets a
 * leading apostrophe, so that opening the export runs nothing.
 */
function defuse(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

function quote(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function cell(value: ExportValue): string {
  if (value === null) return '';
  // A number (the note, the session) is written as French spreadsheets read it: decimal comma.
  if (typeof value === 'number') return String(value).replace('.', ',');
  return quote(defuse(value));
}

/**
 * The assessments as CSV for a French spreadsheet: UTF-8 with BOM (so accents survive), `;`, CRLF,
 * decimal comma, one column per field (each criterion level included), codes for status and activity.
 */
export function assessmentsToCsv(
  epreuve: Epreuve,
  assessments: Assessment[],
  leading: ExportColumn[] = [],
): string {
  const columns = [...leading, ...exportColumns(epreuve, assessments)];
  const lines = [
    columns.map((c) => quote(defuse(c.header))).join(SEPARATOR),
    ...assessments.map((a) => columns.map((c) => cell(c.get(a))).join(SEPARATOR)),
  ];
  return BOM + lines.join(EOL) + EOL;
}
