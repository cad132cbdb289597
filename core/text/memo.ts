/**
 * A pure function of a text, computed once per distinct text: the reader and the rules ask the same few
 * hundred texts (names, numbers, dropdown words) again for every tab of a class. At most `limit` texts
 * are kept; past that, a new text is computed each time, so a huge class cannot grow the memo without end.
 */
export function perText<T>(compute: (text: string) => T, limit = 10_000): (text: string) => T {
  const kept = new Map<string, T>();
  return (text) => {
    let value = kept.get(text);
    if (value === undefined) {
      value = compute(text);
      if (kept.size < limit) kept.set(text, value);
    }
    return value;
  };
}
