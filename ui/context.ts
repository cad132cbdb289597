import type { Bridge } from './bridge';
import { h, replaceChildren } from './dom';
import { isIndeterminate, placeAfter, progressLabel, reveal } from './progress';
import { errorText } from './text';

export type Progress = (done: number, total: number, label: string) => void;

/**
 * What the three steps share: the bridge, one progress bar, one error region, and a busy flag so that
 * two operations never run at once on the same workbook.
 */
export class PanelContext {
  readonly progressBox: HTMLDivElement;
  readonly errorBox: HTMLDivElement;
  private readonly bar: HTMLProgressElement;
  private readonly label: HTMLSpanElement;
  private readonly actions = new Set<HTMLButtonElement>();
  private busy = false;
  /** The button of the running (or last) operation: progress and errors show next to it. */
  private anchor: HTMLButtonElement | null = null;

  constructor(
    readonly bridge: Bridge,
    private readonly root: HTMLElement,
  ) {
    this.label = h('span', { id: 'ge4-progress-label', className: 'ge4-progress-label' });
    this.bar = h('progress', { attrs: { max: '1', value: '0', 'aria-labelledby': 'ge4-progress-label' } });
    this.progressBox = h(
      'div',
      { className: 'ge4-progress', attrs: { role: 'status', 'aria-live': 'polite' } },
      this.bar,
      this.label,
    );
    this.progressBox.hidden = true;
    this.errorBox = h('div', {
      className: 'ge4-error',
      attrs: { role: 'alert', 'aria-live': 'assertive', tabindex: '-1' },
    });
    this.errorBox.hidden = true;
  }

  /** A button that starts an operation: disabled while any operation runs. */
  action(text: string, onClick: () => void, primary = true): HTMLButtonElement {
    const button = h(
      'button',
      {
        className: primary ? 'ge4-button ge4-primary' : 'ge4-button',
        attrs: { type: 'button' },
        onClick: () => {
          if (!this.busy) this.anchor = button;
          onClick();
        },
      },
      text,
    );
    this.actions.add(button);
    return button;
  }

  isBusy(): boolean {
    return this.busy;
  }

  /**
   * Runs one operation: clears the previous error, shows progress, shows the error sentence on
   * failure. Returns undefined when the operation failed or another one was running.
   */
  async run<T>(startLabel: string, task: (progress: Progress) => Promise<T>): Promise<T | undefined> {
    if (this.busy) return undefined;
    this.setBusy(true);
    this.showError(null);
    placeAfter(this.anchor, this.progressBox, this.errorBox);
    this.showProgress(0, 0, startLabel);
    try {
      return await task((done, total, label) => this.showProgress(done, total, label));
    } catch (error) {
      this.showError(errorText(error));
      return undefined;
    } finally {
      this.progressBox.hidden = true;
      this.setBusy(false);
    }
  }

  showError(message: string | null): void {
    replaceChildren(this.errorBox, message ?? '');
    this.errorBox.hidden = message === null;
    if (message === null) return;
    placeAfter(this.anchor, this.progressBox, this.errorBox);
    reveal(this.errorBox, true);
  }

  private showProgress(done: number, total: number, label: string): void {
    this.progressBox.hidden = false;
    if (!isIndeterminate(done, total)) {
      this.bar.max = total;
      this.bar.value = Math.min(done, total);
    } else {
      // Indeterminate: no value attribute.
      this.bar.removeAttribute('value');
    }
    replaceChildren(this.label, progressLabel(done, total, label));
    // Its text may wrap to more lines: kept in view at each step (no move when it already is).
    reveal(this.progressBox, false);
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.root.setAttribute('aria-busy', String(busy));
    for (const button of this.actions) button.disabled = busy || button.dataset.blocked === 'true';
  }
}

/** Blocks or unblocks an action button independently of the busy state (e.g. no usable roster yet). */
export function setBlocked(button: HTMLButtonElement, blocked: boolean): void {
  button.dataset.blocked = String(blocked);
  button.disabled = blocked;
}

/** A list of sentences as paragraphs. */
export function paragraphs(lines: string[], className = 'ge4-line'): HTMLParagraphElement[] {
  return lines.map((line) => h('p', { className }, line));
}
