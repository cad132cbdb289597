import { controlReportSheet, lastControlVerdicts } from '../report';
import type { HostPort } from '../port';
import { emptyPlan } from '../port';
import { E4 } from '../referentiel';
import type { Epreuve } from '../referentiel/types';
import { summarize } from '../validate';
import { checkClass, readClass } from './read-class';
import { recapAfterControl } from './recap-entry';
import type { ControlOptions, ControlResult } from './types';

/**
 * Reads every candidate tab (found by marker), checks completeness and consistency, and — when asked —
 * writes the « Contrôle » tab and the « Dernier contrôle » column of « Suivi E4 ». It writes nothing
 * else: no cell a teacher fills. Round trips: listSheets, two reads, one apply.
 */
export async function runControl(
  host: HostPort,
  options: ControlOptions,
  epreuve: Epreuve = E4,
): Promise<ControlResult> {
  const read = await readClass(host, epreuve);
  const findings = checkClass(epreuve, read);
  const summary = summarize(read.assessments, findings);
  const noTab = read.tabs.length === 0;
  if (options.write && !noTab) {
    const checkedAt = options.clock();
    const plan = emptyPlan();
    plan.replace.push({ spec: controlReportSheet(epreuve, findings, summary, checkedAt), position: 'last' });
    const unread = read.unread.map((u) => u.sheet);
    const verdicts = lastControlVerdicts(read.assessments, findings, checkedAt, unread);
    plan.replace.push(recapAfterControl(epreuve, read.tabs, read.assessments, verdicts));
    await host.apply(plan, options.progress);
  }
  const exitCode = noTab ? 2 : findings.some((f) => f.severity === 'erreur') ? 1 : 0;
  return { assessments: read.assessments, findings, summary, exitCode };
}
