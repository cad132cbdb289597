import type { PickedFile } from './bridge';
import { h, replaceChildren } from './dom';

/**
 * « Ajouter d'autres classeurs… » in the statistics step: .xlsx files chosen on the computer, listed with
 * a way to take each back out. The files are read in the panel (File.arrayBuffer), never uploaded: the
 * host consolidates them with the open workbook into the new statistics workbook.
 */
export interface OtherWorkbooks {
  node: HTMLElement;
  /** The files chosen, in the order they were added. */
  files(): PickedFile[];
}

const ACCEPT = '.xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function otherWorkbooks(): OtherWorkbooks {
  const chosen: PickedFile[] = [];
  const input = h('input', {
    id: 'ge4-autres-classeurs',
    attrs: { type: 'file', multiple: '', accept: ACCEPT, 'aria-label': 'Autres classeurs de grilles' },
  });
  input.hidden = true;
  const list = h('ul', { className: 'ge4-files', attrs: { 'aria-live': 'polite' } });

  const render = (): void => {
    replaceChildren(
      list,
      ...chosen.map((file, i) =>
        h(
          'li',
          {},
          `${file.name} `,
          h(
            'button',
            {
              className: 'ge4-link',
              attrs: { type: 'button', 'aria-label': `Retirer ${file.name}` },
              onClick: () => {
                chosen.splice(i, 1);
                render();
              },
            },
            'Retirer',
          ),
        ),
      ),
    );
  };

  input.addEventListener('change', () => {
    const picked = Array.from(input.files ?? []);
    void Promise.all(
      picked.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })),
    ).then((files) => {
      // The same file chosen twice counts once (its candidates would otherwise be reported as duplicates).
      for (const f of files) if (!chosen.some((c) => c.name === f.name)) chosen.push(f);
      input.value = '';
      render();
    });
  });

  const button = h(
    'button',
    { className: 'ge4-button', attrs: { type: 'button' }, onClick: () => input.click() },
    "Ajouter d'autres classeurs…",
  );
  const node = h(
    'div',
    { className: 'ge4-field' },
    h(
      'p',
      { className: 'ge4-help' },
      'Pour un tableau sur plusieurs classes ou commissions, ajoutez leurs classeurs de grilles (.xlsx) : ils sont lus ici, sur cet ordinateur, et ne sont pas modifiés.',
    ),
    button,
    input,
    list,
  );
  return { node, files: () => [...chosen] };
}
