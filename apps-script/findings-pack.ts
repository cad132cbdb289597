import type { Finding } from '../core/validate/types';
import type { ControlResult } from '../core/workflows/types';

/**
 * The findings of a check, packed for google.script.run: every string once in a table, each finding
 * seven indexes into it. A new class of 600 candidates has ~10 000 findings whose rubrics and messages
 * repeat: sent as objects they made 2.5 MB of JSON to the sidebar, packed they are a tenth of it, and
 * the sidebar unpacks exactly the same findings (it shows them all, grouped by candidate).
 */
export interface PackedFindings {
  texts: string[];
  /** Per finding: severity, code, candidate number, nom, prénom, sheet, cell, rubric, message (-1 = null). */
  rows: number[];
}

const FIELDS = 9;

export type ControlAnswer = Omit<ControlResult, 'findings'> & { packed: PackedFindings };

export function packFindings(findings: Finding[]): PackedFindings {
  const index = new Map<string, number>();
  const texts: string[] = [];
  const at = (text: string | null): number => {
    if (text === null) return -1;
    let i = index.get(text);
    if (i === undefined) {
      i = texts.length;
      texts.push(text);
      index.set(text, i);
    }
    return i;
  };
  const rows: number[] = [];
  for (const f of findings) {
    const c = f.candidate;
    rows.push(
      at(f.severity),
      at(f.code),
      c === null ? -1 : at(c.number),
      c === null ? -1 : at(c.nom),
      c === null ? -1 : at(c.prenom),
      at(f.sheet),
      at(f.cell),
      at(f.rubric),
      at(f.message),
    );
  }
  return { texts, rows };
}

export function unpackFindings(packed: PackedFindings): Finding[] {
  const { texts, rows } = packed;
  const text = (i: number): string | null => (i < 0 ? null : texts[i]);
  const findings: Finding[] = [];
  for (let i = 0; i + FIELDS <= rows.length; i += FIELDS) {
    const number = text(rows[i + 2]);
    findings.push({
      severity: text(rows[i]) as Finding['severity'],
      code: text(rows[i + 1]) ?? '',
      candidate:
        number === null ? null : { number, nom: text(rows[i + 3]) ?? '', prenom: text(rows[i + 4]) ?? '' },
      sheet: text(rows[i + 5]),
      cell: text(rows[i + 6]),
      rubric: text(rows[i + 7]) ?? '',
      message: text(rows[i + 8]) ?? '',
    });
  }
  return findings;
}
