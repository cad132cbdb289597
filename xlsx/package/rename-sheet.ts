/**
 * A tab renamed inside the package's xl/workbook.xml, as Excel does it: the `<sheet name="…">` of that tab
 * and every reference to it in the `<definedName>` formulas (print area, print titles, a teacher's own
 * names), quoted or not. Everything else comes through byte for byte: a defined name that does not
 * mention the tab keeps its exact text. Pure: the package engine reads and writes the part.
 */

const SHEET_TAG = /<(?:[\w.-]+:)?sheet\s[^>]*>/g;
const NAME_ATTRIBUTE = /(\sname\s*=\s*)(?:"([^"]*)"|'([^']*)')/;
const DEFINED_NAME = /(<(?:[\w.-]+:)?definedName\b[^>]*>)([^<]*)(<\/(?:[\w.-]+:)?definedName>)/g;
/** Characters of an unquoted sheet name in a formula (and the « : » of a 3-D reference). */
const NAME_CHAR = /[A-Za-z0-9_.:\u00A0-\uFFFF]/;

export function renameSheetInWorkbookXml(workbookXml: string, from: string, to: string): string {
  const key = from.toLowerCase();
  return workbookXml
    .replace(SHEET_TAG, (tag) =>
      tag.replace(NAME_ATTRIBUTE, (whole, before: string, double?: string, single?: string) => {
        const quote = double === undefined ? "'" : '"';
        const value = double ?? single ?? '';
        return unescapeXml(value).toLowerCase() === key
          ? `${before}${quote}${escapeXml(to, quote)}${quote}`
          : whole;
      }),
    )
    .replace(DEFINED_NAME, (whole, open: string, text: string, close: string) => {
      const formula = unescapeXml(text);
      const renamed = renameInFormula(formula, key, to);
      return renamed === formula ? whole : `${open}${escapeXml(renamed)}${close}`;
    });
}

/** Every sheet reference of a formula that names the tab `key` (lower-cased) rewritten to `to`. */
export function renameInFormula(formula: string, key: string, to: string): string {
  let out = '';
  let i = 0;
  while (i < formula.length) {
    const ch = formula[i];
    if (ch === '"') {
      const end = closing(formula, i, '"');
      out += formula.slice(i, end);
      i = end;
    } else if (ch === "'") {
      const end = closing(formula, i, "'");
      const inner = formula.slice(i + 1, end - 1).replace(/''/g, "'");
      out +=
        formula[end] === '!' ? (reference(inner, key, to) ?? formula.slice(i, end)) : formula.slice(i, end);
      i = end;
    } else if (NAME_CHAR.test(ch) && !NAME_CHAR.test(formula[i - 1] ?? '') && formula[i - 1] !== ']') {
      let end = i;
      while (end < formula.length && NAME_CHAR.test(formula[end])) end += 1;
      const token = formula.slice(i, end);
      out += formula[end] === '!' ? (reference(token, key, to) ?? token) : token;
      i = end;
    } else {
      out += ch;
      i += 1;
    }
  }
  return out;
}

/** Index just past the quote that closes the one at `start` (a doubled quote is part of the text). */
function closing(text: string, start: number, quote: string): number {
  let i = start + 1;
  while (i < text.length) {
    if (text[i] === quote && text[i + 1] === quote) i += 2;
    else if (text[i] === quote) return i + 1;
    else i += 1;
  }
  return text.length;
}

/**
 * The reference to write for the sheet part `name` (one sheet, or « First:Last » of a 3-D reference), or
 * undefined when it does not name the tab. A reference into another workbook (« [1]Liste ») is not ours.
 */
function reference(name: string, key: string, to: string): string | undefined {
  if (name.includes('[') || name.includes(']')) return undefined;
  const parts = name.split(':');
  if (parts.length > 2 || !parts.some((p) => p.toLowerCase() === key)) return undefined;
  const renamed = parts.map((p) => (p.toLowerCase() === key ? to : p));
  return renamed.some(needsQuotes) ? `'${renamed.join(':').replace(/'/g, "''")}'` : renamed.join(':');
}

/** A sheet name Excel writes bare: plain letters, digits, « _ » and « . », not read as a cell or R1C1. */
function needsQuotes(name: string): boolean {
  return (
    !/^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ||
    /^[A-Za-z]{1,3}[0-9]+$/.test(name) ||
    /^[Rr][0-9]*([Cc][0-9]*)?$/.test(name) ||
    /^[Cc][0-9]*$/.test(name) ||
    /^(true|false)$/i.test(name)
  );
}

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|amp|lt|gt|quot|apos);/g, (whole, entity: string) => {
    if (entity === 'amp') return '&';
    if (entity === 'lt') return '<';
    if (entity === 'gt') return '>';
    if (entity === 'quot') return '"';
    if (entity === 'apos') return "'";
    const code = entity.startsWith('#x') ? parseInt(entity.slice(2), 16) : parseInt(entity.slice(1), 10);
    return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
  });
}

/** Text (no `quote`) or attribute value inside `quote`. */
function escapeXml(text: string, quote?: string): string {
  const escaped = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  if (quote === '"') return escaped.replace(/"/g, '&quot;');
  if (quote === "'") return escaped.replace(/'/g, '&apos;');
  return escaped;
}
