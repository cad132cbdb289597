import { CANONICAL, COMPATIBILITY, COMPOSITIONS } from './normalize-table';

/**
 * String.prototype.normalize for Internet Explorer 11, which lacks it (core-js does not provide it):
 * exact for the Latin letters of names and headers (U+00A0–U+024F, U+1E00–U+1EFF), identity elsewhere.
 * The core folds accents with NFD/NFKD and compares names in NFC, so « Léa » typed decomposed still
 * equals « Léa » on these machines.
 */
export type NormalForm = 'NFC' | 'NFD' | 'NFKC' | 'NFKD';

interface Tables {
  canonical: Record<string, string>;
  compatibility: Record<string, string>;
  compose: Record<string, string>;
}

let tables: Tables | null = null;

function load(): Tables {
  if (tables) return tables;
  const canonical: Record<string, string> = {};
  const compatibility: Record<string, string> = {};
  const compose: Record<string, string> = {};
  for (const entry of CANONICAL.split('|')) canonical[entry.charAt(0)] = entry.slice(1);
  for (const entry of COMPATIBILITY.split('|')) compatibility[entry.charAt(0)] = entry.slice(1);
  for (const entry of COMPOSITIONS.split('|')) compose[entry.slice(0, 2)] = entry.charAt(2);
  tables = { canonical, compatibility, compose };
  return tables;
}

function decompose(s: string, compat: boolean): string {
  const t = load();
  let out = '';
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charAt(i);
    out += (compat ? t.compatibility[c] : undefined) ?? t.canonical[c] ?? c;
  }
  return out;
}

function compose(s: string): string {
  const t = load();
  let out = '';
  for (let i = 0; i < s.length; i += 1) {
    const c = s.charAt(i);
    const last = out.charAt(out.length - 1);
    const joined = out.length > 0 ? t.compose[last + c] : undefined;
    out = joined === undefined ? out + c : out.slice(0, -1) + joined;
  }
  return out;
}

export function normalizeLatin(s: string, form: string = 'NFC'): string {
  switch (form) {
    case 'NFD':
      return decompose(s, false);
    case 'NFKD':
      return decompose(s, true);
    case 'NFC':
      return compose(decompose(s, false));
    case 'NFKC':
      return compose(decompose(s, true));
    default:
      throw new RangeError('The normalization form should be one of NFC, NFD, NFKC, NFKD.');
  }
}

/** Installs normalizeLatin where the engine has no String.prototype.normalize. */
export function installNormalize(proto: { normalize?: unknown } = String.prototype): void {
  if (typeof proto.normalize === 'function') return;
  Object.defineProperty(proto, 'normalize', {
    configurable: true,
    writable: true,
    value: function normalize(this: unknown, form?: string): string {
      return normalizeLatin(String(this), form === undefined ? 'NFC' : String(form));
    },
  });
}
