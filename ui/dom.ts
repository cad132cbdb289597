/**
 * The only way the panel builds DOM: elements and text nodes. Data is never parsed as HTML, so a
 * candidate named `<img onerror=…>` shows as those characters.
 */
export type Child = Node | string | null | undefined | false;

export interface Props {
  className?: string;
  id?: string;
  /** Attributes set with setAttribute (aria-*, role, type, for…). */
  attrs?: Record<string, string>;
  onClick?: () => void;
}

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.className) node.className = props.className;
  if (props.id) node.id = props.id;
  for (const [name, value] of Object.entries(props.attrs ?? {})) node.setAttribute(name, value);
  if (props.onClick) node.addEventListener('click', props.onClick);
  append(node, ...children);
  return node;
}

export function append(parent: Node, ...children: Child[]): void {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
  }
}

/** Replaces every child of `parent`. */
export function replaceChildren(parent: Node, ...children: Child[]): void {
  while (parent.firstChild) parent.removeChild(parent.firstChild);
  append(parent, ...children);
}

/** Only links the panel itself builds may be followed: http(s), blob and data URLs, nothing else. */
export function safeHref(url: string): string | null {
  return /^(https?:|blob:|data:application\/vnd\.openxmlformats)/i.test(url) ? url : null;
}
