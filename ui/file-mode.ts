import type { FormId } from '../core/referentiel/types';
import type { CellValue } from '../core/spec/types';
import type { SessionRequest } from '../core/workflows/session';
import type { ControlResult, GenerateResult, StatisticsSummary } from '../core/workflows/types';
import type { Bridge } from './bridge';
import { PanelContext, paragraphs } from './context';
import { h, replaceChildren, safeHref } from './dom';
import {
  FORM_LABELS,
  controlLines,
  findingText,
  generateLines,
  groupFindings,
  plural,
  errorText,
  statisticsLines,
} from './text';

/** The workflows on .xlsx bytes (office-addin/file-mode/engine.ts, a lazy chunk). */
export interface FileEngine {
  gridsFromWorkbook(
    bytes: Uint8Array,
    options: { form: FormId; session: number | SessionRequest; clock: () => Date; sheet?: string },
  ): Promise<{ result: GenerateResult; bytes: Uint8Array }>;
  rosterWorkbook(sheet: string, rows: CellValue[][]): Promise<Uint8Array>;
  controlWorkbook(
    bytes: Uint8Array,
    clock: () => Date,
  ): Promise<{ result: ControlResult; bytes: Uint8Array }>;
  statisticsWorkbook(
    bytes: Uint8Array,
    clock: () => Date,
    nominatif: boolean,
  ): Promise<{ summary: StatisticsSummary; bytes: Uint8Array | undefined }>;
}

export interface FileModeHost {
  /** Which mode and why, said at the top of the pane (French). */
  reason: string;
  /** Excel below ExcelApi 1.8: the roster comes from the selection. Absent outside Excel. */
  readSelection?: () => Promise<{ sheet: string; rows: CellValue[][] }>;
  defaultSession: number;
  engine: () => Promise<FileEngine>;
  /** A download URL for the bytes (a blob: URL); a new file of the same name replaces the previous one. */
  download: (bytes: Uint8Array, fileName: string) => string;
  clock: () => Date;
}

/**
 * The pane in file mode: the roster (selection or file) becomes the complete grids workbook, offered
 * as a download; a filled grids workbook the teacher picks gives the check and the statistics.
 */
export function mountFileMode(root: HTMLElement, host: FileModeHost): void {
  root.classList.add('ge4');
  const ctx = new PanelContext(noBridge(), root);
  replaceChildren(
    root,
    h('header', { className: 'ge4-header' }, h('h1', {}, 'Grilles E4'), h('p', {}, 'BTS NDRC – épreuve E4')),
    h('p', { className: 'ge4-line ge4-mode', attrs: { role: 'status' } }, host.reason),
    ctx.progressBox,
    ctx.errorBox,
    gridsSection(ctx, host),
    checkSection(ctx, host),
  );
}

function gridsSection(ctx: PanelContext, host: FileModeHost): HTMLElement {
  const result = h('div', { className: 'ge4-result', attrs: { 'aria-live': 'polite' } });
  const rosterFile = fileInput('ge4-roster-file');
  const session = h('input', {
    id: 'ge4-file-session',
    attrs: { type: 'number', min: '2020', max: '2100', step: '1' },
  });
  session.value = String(host.defaultSession);
  const forms = (Object.keys(FORM_LABELS) as FormId[]).map((id, i) => {
    const input = h('input', {
      id: `ge4-file-form-${id}`,
      attrs: { type: 'radio', name: 'ge4-file-form', value: id },
    });
    input.checked = i === 0;
    return { id, input };
  });
  const build = ctx.action('Créer le classeur des grilles', () => {
    void ctx
      .run('Création du classeur…', async () => {
        const year = Number(session.value);
        if (!isYear(year))
          throw new Error('La session doit être une année à quatre chiffres, par exemple 2027.');
        const form = forms.find((f) => f.input.checked)?.id ?? 'ccf';
        const engine = await host.engine();
        const source = await rosterSource(host, engine, rosterFile);
        return engine.gridsFromWorkbook(source.bytes, {
          form,
          // As in the task pane: the roster's title decides unless the teacher typed another year.
          session: year === host.defaultSession ? { asker: 'panel' } : { forced: year, asker: 'panel' },
          clock: host.clock,
          sheet: source.sheet,
        });
      })
      .then((done) => {
        if (done === undefined) return;
        replaceChildren(
          result,
          ...paragraphs(generateLines(done.result), 'ge4-line ge4-done'),
          downloadLink(host, done.bytes, 'grilles-E4.xlsx', 'Télécharger le classeur des grilles'),
        );
      });
  });
  return h(
    'section',
    { className: 'ge4-step' },
    h('h2', {}, '1. Classeur des grilles'),
    host.readSelection
      ? h(
          'p',
          { className: 'ge4-help' },
          'Sélectionnez la liste des candidats (en-tête compris) dans la feuille.',
        )
      : h(
          'div',
          { className: 'ge4-field' },
          h('label', { attrs: { for: 'ge4-roster-file' } }, 'Liste de la classe (.xlsx)'),
          rosterFile,
        ),
    h(
      'fieldset',
      { className: 'ge4-fieldset' },
      h('legend', {}, "Forme de l'épreuve"),
      ...forms.map(({ id, input }) =>
        h(
          'div',
          { className: 'ge4-radio' },
          input,
          h('label', { attrs: { for: `ge4-file-form-${id}` } }, FORM_LABELS[id]),
        ),
      ),
    ),
    h(
      'div',
      { className: 'ge4-field' },
      h('label', { attrs: { for: 'ge4-file-session' } }, 'Session'),
      session,
    ),
    build,
    result,
  );
}

async function rosterSource(
  host: FileModeHost,
  engine: FileEngine,
  input: HTMLInputElement,
): Promise<{ bytes: Uint8Array; sheet?: string }> {
  if (host.readSelection) {
    const selection = await host.readSelection();
    return { bytes: await engine.rosterWorkbook(selection.sheet, selection.rows), sheet: selection.sheet };
  }
  return { bytes: await pickedBytes(input, 'Choisissez le fichier de la liste de la classe (.xlsx).') };
}

function checkSection(ctx: PanelContext, host: FileModeHost): HTMLElement {
  const result = h('div', { className: 'ge4-result', attrs: { 'aria-live': 'polite' } });
  const findings = h('div', { className: 'ge4-findings' });
  const filled = fileInput('ge4-filled-file');
  const nominatif = h('input', { id: 'ge4-file-nominatif', attrs: { type: 'checkbox' } });
  const check = ctx.action('Contrôler et produire les statistiques', () => {
    void ctx
      .run('Contrôle du classeur…', async () => {
        const bytes = await pickedBytes(filled, 'Choisissez le classeur des grilles rempli (.xlsx).');
        const engine = await host.engine();
        const control = await engine.controlWorkbook(bytes, host.clock);
        // No statistics (no readable grid, say) does not hide the check: the reason is shown instead.
        const stats = await engine
          .statisticsWorkbook(bytes, host.clock, nominatif.checked)
          .catch((error: unknown) => errorText(error));
        return { control, stats };
      })
      .then((done) => {
        if (done === undefined) return;
        const nodes: Node[] = [
          ...paragraphs(controlLines(done.control.result.summary), 'ge4-line ge4-done'),
          downloadLink(
            host,
            done.control.bytes,
            'grilles-E4-controle.xlsx',
            'Télécharger le classeur avec « Contrôle »',
          ),
        ];
        if (typeof done.stats === 'string') {
          nodes.push(h('p', { className: 'ge4-line' }, `Pas de statistiques : ${done.stats}`));
        } else {
          nodes.push(...paragraphs(statisticsLines(done.stats.summary), 'ge4-line'));
          if (done.stats.bytes)
            nodes.push(
              downloadLink(
                host,
                done.stats.bytes,
                done.stats.summary.fileName,
                'Télécharger les statistiques',
              ),
            );
        }
        replaceChildren(result, ...nodes);
        replaceChildren(findings, ...findingGroups(done.control.result));
      });
  });
  return h(
    'section',
    { className: 'ge4-step' },
    h('h2', {}, '2. Contrôle et statistiques'),
    h(
      'div',
      { className: 'ge4-field' },
      h('label', { attrs: { for: 'ge4-filled-file' } }, 'Classeur des grilles rempli (.xlsx)'),
      filled,
    ),
    h(
      'div',
      { className: 'ge4-radio' },
      nominatif,
      h('label', { attrs: { for: 'ge4-file-nominatif' } }, 'Ajouter la liste nominative des candidats'),
    ),
    check,
    result,
    findings,
  );
}

function findingGroups(result: ControlResult): Node[] {
  if (result.findings.length === 0)
    return [h('p', { className: 'ge4-line ge4-ok' }, 'Aucune remarque : toutes les grilles sont complètes.')];
  return groupFindings(result.findings).map((group) =>
    h(
      'details',
      { className: 'ge4-group' },
      h('summary', {}, `${group.title} – ${plural(group.findings.length, 'remarque', 'remarques')}`),
      h('ul', {}, ...group.findings.map((f) => h('li', { className: `ge4-${f.severity}` }, findingText(f)))),
    ),
  );
}

function fileInput(id: string): HTMLInputElement {
  return h('input', {
    id,
    attrs: {
      type: 'file',
      accept: '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    },
  });
}

/** The bytes of the picked file, read in the page. */
async function pickedBytes(input: HTMLInputElement, missing: string): Promise<Uint8Array> {
  const file = input.files?.[0];
  if (!file) {
    input.focus();
    throw new Error(missing);
  }
  const buffer = await new Promise<ArrayBuffer>((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as ArrayBuffer);
    reader.onerror = () =>
      reject(new Error(`Impossible de lire le fichier « ${file.name} ». Choisissez-le de nouveau.`));
    reader.readAsArrayBuffer(file);
  });
  return new Uint8Array(buffer);
}

function downloadLink(host: FileModeHost, bytes: Uint8Array, fileName: string, text: string): Node {
  const href = safeHref(host.download(bytes, fileName));
  if (href === null) return h('p', {}, text);
  return h('p', {}, h('a', { attrs: { href, download: fileName } }, `${text} (${fileName})`));
}

function isYear(year: number): boolean {
  return Math.floor(year) === year && year >= 2020 && year <= 2100;
}

/** PanelContext wants a bridge; file mode drives the engine itself. */
function noBridge(): Bridge {
  const refuse = (): Promise<never> => Promise.reject(new Error('Indisponible en mode fichier.'));
  return {
    host: 'excel',
    unavailableReason: async () => null,
    previewRoster: refuse,
    defaultSession: () => new Date().getFullYear(),
    generate: refuse,
    control: refuse,
    loadSettings: refuse,
    statistics: refuse,
    selectCell: refuse,
  };
}
