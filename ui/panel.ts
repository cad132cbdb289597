import type { Bridge } from './bridge';
import { PanelContext } from './context';
import { h, replaceChildren } from './dom';
import { grillesStep } from './step-grilles';
import { controleStep } from './step-controle';
import { statsStep } from './step-stats';
import { errorText } from './text';

interface Step {
  id: string;
  title: string;
  node: HTMLElement;
  onShow?: () => void;
}

/**
 * Mounts the French panel (three steps: Grilles, Contrôle, Statistiques) into `root`. Shared by the
 * Excel task pane and the Sheets sidebar; it knows its host only through `bridge`.
 */
export function mountPanel(root: HTMLElement, bridge: Bridge): void {
  root.classList.add('ge4');
  replaceChildren(root, h('p', { className: 'ge4-line', attrs: { role: 'status' } }, 'Chargement…'));
  bridge
    .unavailableReason()
    .then((reason) => {
      if (reason === null) buildPanel(root, bridge);
      else showUnavailable(root, reason);
    })
    .catch((error: unknown) => showUnavailable(root, errorText(error)));
}

function showUnavailable(root: HTMLElement, reason: string): void {
  replaceChildren(
    root,
    header(),
    h('div', { className: 'ge4-error ge4-unavailable', attrs: { role: 'alert' } }, reason),
  );
}

function header(): HTMLElement {
  return h(
    'header',
    { className: 'ge4-header' },
    h('h1', {}, 'Grilles E4'),
    h('p', {}, 'BTS NDRC – épreuve E4'),
  );
}

function buildPanel(root: HTMLElement, bridge: Bridge): void {
  const ctx = new PanelContext(bridge, root);
  const stats = statsStep(ctx);
  const steps: Step[] = [
    { id: 'grilles', title: '1. Grilles', node: grillesStep(ctx) },
    { id: 'controle', title: '2. Contrôle', node: controleStep(ctx) },
    { id: 'stats', title: '3. Statistiques', node: stats.node, onShow: stats.onShow },
  ];
  const tabs = steps.map((step) =>
    h(
      'button',
      {
        id: `ge4-tab-${step.id}`,
        className: 'ge4-tab',
        attrs: { type: 'button', role: 'tab', 'aria-controls': `ge4-panel-${step.id}` },
      },
      step.title,
    ),
  );
  const panels = steps.map((step) =>
    h(
      'section',
      {
        id: `ge4-panel-${step.id}`,
        className: 'ge4-step',
        attrs: { role: 'tabpanel', 'aria-labelledby': `ge4-tab-${step.id}`, tabindex: '0' },
      },
      step.node,
    ),
  );

  const select = (index: number, focus: boolean): void => {
    tabs.forEach((tab, i) => {
      const on = i === index;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      panels[i].hidden = !on;
    });
    if (focus) tabs[index].focus();
    steps[index].onShow?.();
  };

  tabs.forEach((tab, i) => {
    tab.addEventListener('click', () => select(i, false));
    tab.addEventListener('keydown', (event) => {
      const next = keyTarget(event.key, i, tabs.length);
      if (next === null) return;
      event.preventDefault();
      select(next, true);
    });
  });

  replaceChildren(
    root,
    header(),
    h('div', { className: 'ge4-tabs', attrs: { role: 'tablist', 'aria-label': 'Étapes' } }, ...tabs),
    ctx.progressBox,
    ctx.errorBox,
    ...panels,
  );
  select(0, false);
}

/** Arrow keys, Home and End move between tabs (WAI-ARIA tabs pattern). */
function keyTarget(key: string, current: number, count: number): number | null {
  switch (key) {
    case 'ArrowRight':
      return (current + 1) % count;
    case 'ArrowLeft':
      return (current - 1 + count) % count;
    case 'Home':
      return 0;
    case 'End':
      return count - 1;
    default:
      return null;
  }
}
