/**
 * The spreadsheet functions a spec may use: those that Excel, Google Sheets and LibreOffice all
 * evaluate the same way (see the toolchain notes: no LET in LibreOffice 7.4, no dynamic arrays;
 * COUNTIFS and TEXTJOIN are left out to keep the list short and proven).
 */
export const ALLOWED_FUNCTIONS: readonly string[] = [
  'IF',
  'AND',
  'OR',
  'NOT',
  'COUNTIF',
  'COUNTA',
  'COUNTBLANK',
  'IFERROR',
  'SUM',
  'ISNUMBER',
  'ISBLANK',
  'LEN',
  'TRIM',
  'MIN',
  'MAX',
];

/** Drops string literals ("…", quotes doubled) and quoted sheet names ('…'), which may look like calls. */
function withoutLiterals(formula: string): string {
  return formula.replace(/"(?:[^"]|"")*"/g, '""').replace(/'(?:[^']|'')*'/g, "''");
}

/** Names of the functions a formula calls, upper-cased, in order of first use. */
export function functionsUsed(formula: string): string[] {
  const names = [...withoutLiterals(formula).matchAll(/([A-Za-z_][A-Za-z0-9_.]*)\s*\(/g)].map((m) =>
    m[1].toUpperCase(),
  );
  return [...new Set(names)];
}

/** The functions of a formula outside ALLOWED_FUNCTIONS (empty when the formula is portable). */
export function unportableFunctions(formula: string): string[] {
  return functionsUsed(formula).filter((name) => !ALLOWED_FUNCTIONS.includes(name));
}
