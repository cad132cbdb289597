import { installNormalize, normalizeLatin } from '../../office-addin/legacy/normalize-latin';

/** IE 11 has no String.prototype.normalize: the pane's fallback must agree with the engine on Latin text. */
const FORMS = ['NFC', 'NFD', 'NFKC', 'NFKD'] as const;

function latinCharacters(): string[] {
  const out: string[] = [];
  for (const [from, to] of [
    [0x20, 0x24f],
    [0x1e00, 0x1eff],
  ])
    for (let cp = from; cp <= to; cp += 1) out.push(String.fromCharCode(cp));
  return out;
}

describe('normalizeLatin, the IE 11 fallback for String.prototype.normalize', () => {
  it('agrees with the engine on every Latin character, in every form', () => {
    const differences: string[] = [];
    for (const c of latinCharacters())
      for (const form of FORMS) {
        if (normalizeLatin(c, form) !== c.normalize(form))
          differences.push(`${form} U+${c.charCodeAt(0).toString(16)}`);
        const decomposed = c.normalize('NFD');
        if (normalizeLatin(decomposed, form) !== decomposed.normalize(form))
          differences.push(`${form} NFD of ${c}`);
      }
    expect(differences).toEqual([]);
  });

  it('composes names typed decomposed (Mac) and folds « Nº » like the core expects', () => {
    expect(normalizeLatin('Le\u0301a Ho\u0308fer', 'NFC')).toBe('Léa Höfer');
    expect(normalizeLatin('Nº', 'NFKD')).toBe('No');
    expect(normalizeLatin('Éloïse', 'NFD').replace(/[\u0300-\u036f]/g, '')).toBe('Eloise');
    expect(() => normalizeLatin('a', 'NFX')).toThrow(RangeError);
  });

  it('is installed only where the engine lacks normalize', () => {
    const native = String.prototype.normalize;
    installNormalize();
    expect(String.prototype.normalize).toBe(native);
    const bare: { normalize?: (this: unknown, form?: string) => string } = {};
    installNormalize(bare);
    expect(bare.normalize?.call('e\u0301')).toBe('é');
  });
});
