import type { SheetSpec } from '../core/spec';

/** Prefix of the hidden template tabs; never shown to the workflows. */
export const TEMPLATE_PREFIX = '~modèle E4 ';

/** FNV-1a, 32 bits: a short fingerprint, not a security measure. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(36);
}

/**
 * The template's name carries a fingerprint of its spec: a new layout (another version of the add-on,
 * another form or session) gets a new template instead of copying an outdated one.
 */
export function templateName(key: string, spec: SheetSpec): string {
  let print = prints.get(spec);
  if (print === undefined) {
    print = fingerprint(JSON.stringify(spec));
    prints.set(spec, print);
  }
  return `${TEMPLATE_PREFIX}${key} ${print}`;
}

/** A spec is hashed once however often its template's name is asked for. */
const prints = new WeakMap<SheetSpec, string>();
