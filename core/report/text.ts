import type { Finding } from '../validate/types';
import type { ControlSummary } from '../workflows/types';
import { candidateName, summarySentence } from './format';

/** Findings grouped under one heading per tab (or per roster candidate without a tab), in their given order. */
function groupHeading(f: Finding): string {
  const name = candidateName(f) || 'Candidat non identifié';
  const number = f.candidate?.number ? ` (${f.candidate.number})` : '';
  if (f.sheet !== null) return `${name}${number} — onglet « ${f.sheet} »`;
  return f.candidate ? `${name}${number} — sans onglet` : 'Classeur';
}

function findingLine(f: Finding): string {
  const where = f.cell ? `${f.cell} ` : '';
  return `  [${f.severity}] ${where}${f.rubric} : ${f.message}`;
}

/** What the command line prints after a check, in French. */
export function formatFindingsText(findings: Finding[], summary: ControlSummary): string {
  const groups = new Map<string, string[]>();
  for (const f of findings) {
    const heading = groupHeading(f);
    groups.set(heading, [...(groups.get(heading) ?? []), findingLine(f)]);
  }
  const blocks = [...groups].map(([heading, lines]) => [heading, ...lines].join('\n'));
  if (blocks.length === 0) blocks.push('Aucun problème trouvé.');
  return `${blocks.join('\n\n')}\n\n${summarySentence(summary)}\n`;
}
