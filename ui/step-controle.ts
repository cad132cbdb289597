import type { Finding } from '../core/validate/types';
import { PanelContext, paragraphs } from './context';
import { h, replaceChildren } from './dom';
import { controlLines, findingText, groupFindings, plural } from './text';

/** Step 2: run the check, show the findings grouped by candidate; a click selects the cell. */
export function controleStep(ctx: PanelContext): HTMLElement {
  const summaryBox = h('div', { className: 'ge4-result', attrs: { 'aria-live': 'polite' } });
  const findingsBox = h('div', { className: 'ge4-findings' });

  const start = ctx.action('Lancer le contrôle', () => {
    void ctx
      .run('Contrôle des grilles…', (progress) => ctx.bridge.control(progress))
      .then((result) => {
        if (result === undefined) return;
        replaceChildren(
          summaryBox,
          ...paragraphs(controlLines(result.summary), 'ge4-line ge4-done'),
          h('p', { className: 'ge4-line' }, 'Les onglets « Contrôle » et « Suivi E4 » sont à jour.'),
        );
        replaceChildren(findingsBox, ...findingsView(ctx, result.findings));
      });
  });

  return h(
    'div',
    {},
    h(
      'p',
      { className: 'ge4-help' },
      'Vérifie chaque grille, remplit les onglets « Contrôle » et « Suivi E4 » et liste ce qui manque.',
    ),
    start,
    summaryBox,
    findingsBox,
  );
}

function findingsView(ctx: PanelContext, findings: Finding[]): Node[] {
  if (findings.length === 0)
    return [h('p', { className: 'ge4-line ge4-ok' }, 'Aucune remarque : toutes les grilles sont complètes.')];
  // One collapsible group per candidate: a new class has many findings per tab.
  return groupFindings(findings).map((group) =>
    h(
      'details',
      { className: 'ge4-group' },
      h('summary', {}, `${group.title} – ${plural(group.findings.length, 'remarque', 'remarques')}`),
      h(
        'ul',
        {},
        ...group.findings.map((f) => h('li', { className: `ge4-${f.severity}` }, findingItem(ctx, f))),
      ),
    ),
  );
}

function findingItem(ctx: PanelContext, finding: Finding): HTMLElement {
  const text = findingText(finding);
  const { sheet, cell } = finding;
  if (sheet === null || cell === null) return h('span', {}, text);
  return h(
    'button',
    {
      className: 'ge4-link',
      attrs: { type: 'button', title: `Aller à ${sheet}, cellule ${cell}` },
      onClick: () => {
        ctx.bridge.selectCell(sheet, cell).catch(() => {
          ctx.showError(
            `Impossible d'atteindre la cellule ${cell} de l'onglet « ${sheet} » : l'onglet a peut-être été supprimé. Relancez le contrôle.`,
          );
        });
      },
    },
    text,
  );
}
