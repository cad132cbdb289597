import type { Epreuve } from './types';

/**
 * A value derived from the référentiel alone, built once per épreuve and kept while the épreuve lives
 * (like gridMap): the rules and the reader ask for the same lists and texts for every tab of a class
 * (1500 tabs), where rebuilding them showed in the profiles. Callers must not change what they get.
 */
export function perEpreuve<T>(build: (epreuve: Epreuve) => T): (epreuve: Epreuve) => T {
  const cache = new WeakMap<Epreuve, T>();
  return (epreuve) => {
    let value = cache.get(epreuve);
    if (value === undefined) {
      value = build(epreuve);
      cache.set(epreuve, value);
    }
    return value;
  };
}

/** Like perEpreuve, with one value per key (an activity, a form, a part…). */
export function perEpreuveAndKey<T>(
  build: (epreuve: Epreuve, key: string) => T,
): (epreuve: Epreuve, key: string) => T {
  const byKey = perEpreuve(() => new Map<string, T>());
  return (epreuve, key) => {
    const cache = byKey(epreuve);
    let value = cache.get(key);
    if (value === undefined) {
      value = build(epreuve, key);
      cache.set(key, value);
    }
    return value;
  };
}
