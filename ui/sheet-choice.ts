import { h } from './dom';

/**
 * « Lire une autre feuille » under the preview: the sheets the host offers, the one just read selected.
 * Shown only when there is another sheet to pick (Google Sheets lists them; Excel reads the selection).
 */
export function sheetChoice(
  current: string | null,
  sheets: string[] | undefined,
  pick: (sheet: string) => void,
): HTMLElement | null {
  if (sheets === undefined || sheets.filter((s) => s !== current).length === 0) return null;
  const select = h('select', { id: 'ge4-roster-sheet' });
  for (const name of sheets) {
    const option = h('option', { attrs: { value: name } }, name);
    option.selected = name === current;
    select.appendChild(option);
  }
  const button = h(
    'button',
    { className: 'ge4-button', attrs: { type: 'button' }, onClick: () => pick(select.value) },
    'Lire cette feuille',
  );
  return h(
    'div',
    { className: 'ge4-field ge4-sheet-choice' },
    h('label', { attrs: { for: 'ge4-roster-sheet' } }, 'Liste dans une autre feuille'),
    select,
    button,
  );
}
