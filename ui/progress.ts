/**
 * Where the panel shows an operation's progress and its failure: right after the button that started
 * it, scrolled into view (a 320 px pane scrolls: at the top they would sit above the viewport), the
 * error focused so that keyboard and screen-reader users land on it.
 */

/** Said while a request whose length nobody knows is running (one sync for a class of 35). */
export const LONG_REQUEST = 'cela peut prendre une minute';

/** The label under the bar: the count when there is one, and the warning while nothing is done yet. */
export function progressLabel(done: number, total: number, label: string): string {
  const base = label.replace(/…$/, '');
  if (total > 0 && done > 0) return `${base} (${done} / ${total})`;
  if (total > 0) return `${base} (0 / ${total}) – ${LONG_REQUEST}…`;
  return `${base} – ${LONG_REQUEST}…`;
}

/** Indeterminate until a first part is done: Excel answers one request at the end of it. */
export function isIndeterminate(done: number, total: number): boolean {
  return total <= 0 || done <= 0;
}

/** Moves `boxes` right after `anchor` (in order), when the anchor is in the page. */
export function placeAfter(anchor: Element | null, ...boxes: HTMLElement[]): void {
  const parent = anchor?.parentNode;
  if (!anchor || !parent) return;
  let after: Node = anchor;
  for (const box of boxes) {
    if (after.nextSibling !== box) parent.insertBefore(box, after.nextSibling);
    after = box;
  }
}

/** Brings a box into view without jumping (IE 11 takes only the boolean form). */
export function reveal(box: HTMLElement, focus: boolean): void {
  if (typeof box.scrollIntoView === 'function') {
    try {
      box.scrollIntoView({ block: 'nearest' });
    } catch {
      box.scrollIntoView(false);
    }
  }
  if (focus) box.focus();
}
