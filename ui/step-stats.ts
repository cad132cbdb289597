import type { StatsSettings, StatisticsSummary } from '../core/workflows/types';
import { PanelContext, paragraphs } from './context';
import { h, replaceChildren, safeHref } from './dom';
import { otherWorkbooks } from './stats-others';
import { statisticsLines } from './text';

type StatsResult = StatisticsSummary & { url?: string; downloadUrl?: string; notes?: string[] };

const FIELDS: Array<{ key: keyof StatsSettings; label: string; hint?: string }> = [
  { key: 'academie', label: 'Académie' },
  { key: 'etablissement', label: 'Établissement' },
  { key: 'uai', label: 'UAI', hint: '7 chiffres et une lettre, par exemple 0751234A' },
];

/** Step 3: settings (remembered in the workbook), nominatif off by default, build the statistics. */
export function statsStep(ctx: PanelContext): { node: HTMLElement; onShow: () => void } {
  const inputs = new Map<keyof StatsSettings, HTMLInputElement>();
  const fields = FIELDS.map(({ key, label, hint }) => {
    const input = h('input', { id: `ge4-${key}`, attrs: { type: 'text', autocomplete: 'off' } });
    if (hint) input.setAttribute('aria-describedby', `ge4-${key}-hint`);
    inputs.set(key, input);
    return h(
      'div',
      { className: 'ge4-field' },
      h('label', { attrs: { for: `ge4-${key}` } }, label),
      input,
      hint ? h('span', { id: `ge4-${key}-hint`, className: 'ge4-hint' }, hint) : null,
    );
  });
  const nominatif = h('input', { id: 'ge4-nominatif', attrs: { type: 'checkbox' } });
  nominatif.checked = false;
  const resultBox = h('div', { className: 'ge4-result', attrs: { 'aria-live': 'polite' } });
  const others = ctx.bridge.acceptsOtherWorkbooks === true ? otherWorkbooks() : null;
  let loaded = false;

  const settings = (): StatsSettings => ({
    academie: value(inputs, 'academie'),
    etablissement: value(inputs, 'etablissement'),
    uai: value(inputs, 'uai'),
  });

  const start = ctx.action('Produire les statistiques', () => {
    void ctx
      .run('Calcul des statistiques…', () =>
        ctx.bridge.statistics({
          settings: settings(),
          nominatif: nominatif.checked,
          ...(others && others.files().length > 0 ? { others: others.files() } : {}),
        }),
      )
      .then((result) => {
        if (result !== undefined) replaceChildren(resultBox, ...resultView(result, ctx.bridge.host));
      });
  });

  const onShow = (): void => {
    if (loaded) return;
    loaded = true;
    void ctx
      .run('Lecture des paramètres…', () => ctx.bridge.loadSettings())
      .then((saved) => {
        if (saved === undefined) return;
        for (const { key } of FIELDS) {
          const input = inputs.get(key);
          if (input && input.value === '') input.value = saved[key];
        }
      });
  };

  const node = h(
    'div',
    {},
    h(
      'p',
      { className: 'ge4-help' },
      'Les paramètres sont retenus dans le classeur (onglet « Paramètres E4 »).',
    ),
    ...fields,
    h(
      'div',
      { className: 'ge4-radio' },
      nominatif,
      h('label', { attrs: { for: 'ge4-nominatif' } }, 'Ajouter la liste nominative des candidats'),
    ),
    others?.node,
    start,
    resultBox,
  );
  return { node, onShow };
}

function value(inputs: Map<keyof StatsSettings, HTMLInputElement>, key: keyof StatsSettings): string {
  return (inputs.get(key)?.value ?? '').trim();
}

function resultView(result: StatsResult, host: 'excel' | 'sheets'): Node[] {
  const nodes: Node[] = [
    ...paragraphs(statisticsLines(result), 'ge4-line ge4-done'),
    ...paragraphs(result.notes ?? []),
  ];
  if (host === 'excel')
    nodes.push(
      h(
        'p',
        { className: 'ge4-line' },
        'Le classeur des statistiques est ouvert dans une nouvelle fenêtre Excel.',
      ),
    );
  const open = result.url === undefined ? null : safeHref(result.url);
  if (open !== null) {
    nodes.push(
      h(
        'p',
        {},
        h(
          'a',
          { attrs: { href: open, target: '_blank', rel: 'noopener noreferrer' } },
          'Ouvrir le classeur des statistiques',
        ),
      ),
    );
  }
  const download = result.downloadUrl === undefined ? null : safeHref(result.downloadUrl);
  if (download !== null) {
    nodes.push(
      h(
        'p',
        {},
        h('a', { attrs: { href: download, download: result.fileName } }, `Télécharger ${result.fileName}`),
      ),
    );
  }
  return nodes;
}
