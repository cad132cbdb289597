import { E4, sessionVariant } from '../core/referentiel';
import type { FormId } from '../core/referentiel/types';
import type { RosterPreview } from '../core/workflows/types';
import { PanelContext, paragraphs, setBlocked } from './context';
import { h, replaceChildren } from './dom';
import { sheetChoice } from './sheet-choice';
import { candidateLabel, FORM_LABELS, generateLines, previewLines, problemText } from './text';

/** How many candidates the preview lists by name before « … et N autres ». */
const PREVIEW_NAMES = 8;

/** Step 1: read the roster, choose the form and the session, create the tabs. */
export function grillesStep(ctx: PanelContext): HTMLElement {
  const previewBox = h('div', { className: 'ge4-result', attrs: { 'aria-live': 'polite' } });
  const resultBox = h('div', { className: 'ge4-result', attrs: { 'aria-live': 'polite' } });
  const session = h('input', {
    id: 'ge4-session',
    attrs: { type: 'number', min: '2020', max: '2100', step: '1', inputmode: 'numeric' },
  });
  // What the panel put in « Session » (today's school year, then the roster's title): a year the
  // teacher typed instead is forced, as --session is on the command line.
  let suggested = ctx.bridge.defaultSession();
  session.value = String(suggested);
  const formInputs = formRadios();

  const create = ctx.action('Créer les onglets', () => {
    void generate();
  });
  setBlocked(create, true);

  const readList = (sheet?: string): void => {
    void ctx
      .run('Lecture de la liste…', () => ctx.bridge.previewRoster(sheet))
      .then((preview) => {
        if (preview === undefined) return;
        // The year generation will use unless the teacher types another (chooseSession's order).
        const titled = preview.session;
        const proposal =
          titled !== undefined && sessionVariant(E4, titled.year) ? titled.year : ctx.bridge.defaultSession();
        if (Number(session.value) === suggested) {
          suggested = proposal;
          session.value = String(proposal);
        }
        replaceChildren(
          previewBox,
          ...previewView(preview),
          sheetChoice(preview.sheet, preview.sheets, readList),
        );
        setBlocked(create, !preview.usable);
      });
  };
  const read = ctx.action('Lire la liste', () => readList(), false);

  async function generate(): Promise<void> {
    const year = Number(session.value);
    if (!Number.isInteger(year) || year < 2020 || year > 2100) {
      ctx.showError(
        'La session doit être une année à quatre chiffres, par exemple 2027. Corrigez-la puis recommencez.',
      );
      session.focus();
      return;
    }
    const form = formInputs.selected();
    const result = await ctx.run('Création des onglets…', (progress) =>
      ctx.bridge.generate({ form, ...(year === suggested ? {} : { session: year }) }, progress),
    );
    if (result === undefined) return;
    replaceChildren(previewBox, ...previewView(result.preview));
    replaceChildren(
      resultBox,
      ...paragraphs(generateLines(result), 'ge4-line ge4-done'),
      problemList(result.problems.map(problemText)),
    );
  }

  return h(
    'div',
    {},
    h(
      'p',
      { className: 'ge4-help' },
      'Activez la feuille de la liste des candidats (ou sélectionnez ses lignes), puis lisez-la.',
    ),
    read,
    previewBox,
    h('fieldset', { className: 'ge4-fieldset' }, h('legend', {}, "Forme de l'épreuve"), ...formInputs.nodes),
    h('div', { className: 'ge4-field' }, h('label', { attrs: { for: 'ge4-session' } }, 'Session'), session),
    create,
    resultBox,
  );
}

function previewView(preview: RosterPreview): Node[] {
  const names = preview.candidates.slice(0, PREVIEW_NAMES).map((c) => h('li', {}, candidateLabel(c)));
  const more = preview.candidates.length - PREVIEW_NAMES;
  if (more > 0) names.push(h('li', { className: 'ge4-more' }, `… et ${more} autres`));
  const nodes: Node[] = [...paragraphs(previewLines(preview))];
  if (names.length > 0)
    nodes.push(h('ul', { className: 'ge4-names', attrs: { 'aria-label': 'Candidats trouvés' } }, ...names));
  nodes.push(problemList(preview.problems.map(problemText)));
  if (!preview.usable) {
    nodes.push(
      h('p', { className: 'ge4-line ge4-blocking' }, 'Corrigez la liste avant de créer les onglets.'),
    );
  }
  return nodes;
}

function problemList(lines: string[]): Node {
  const list = h(
    'ul',
    { className: 'ge4-problems', attrs: { 'aria-label': 'Problèmes' } },
    ...lines.map((l) => h('li', {}, l)),
  );
  list.hidden = lines.length === 0;
  return list;
}

function formRadios(): { nodes: HTMLElement[]; selected: () => FormId } {
  const ids = Object.keys(FORM_LABELS) as FormId[];
  const inputs = ids.map((id, i) => {
    const input = h('input', { id: `ge4-form-${id}`, attrs: { type: 'radio', name: 'ge4-form', value: id } });
    input.checked = i === 0;
    return input;
  });
  const nodes = ids.map((id, i) =>
    h(
      'div',
      { className: 'ge4-radio' },
      inputs[i],
      h('label', { attrs: { for: `ge4-form-${id}` } }, FORM_LABELS[id]),
    ),
  );
  const selected = (): FormId => ids[inputs.findIndex((input) => input.checked)] ?? ids[0];
  return { nodes, selected };
}
