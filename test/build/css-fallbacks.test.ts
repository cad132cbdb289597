import { readFileSync } from 'fs';
import { join } from 'path';
import { withCssFallbacks } from '../../scripts/css-fallbacks';

/** IE 11 (Excel 2016/2019 panes) skips declarations with var(): the built panel.css gives a literal first. */
describe('withCssFallbacks', () => {
  it('puts the literal value before each var() declaration', () => {
    const css = '.a {\n  --c: #123456;\n  color: var(--c);\n  border: 1px solid var(--c);\n}\n';
    expect(withCssFallbacks(css)).toBe(
      '.a {\n  --c: #123456;\n  color: #123456;\n  color: var(--c);\n  border: 1px solid #123456;\n  border: 1px solid var(--c);\n}\n',
    );
  });

  it('leaves a declaration whose variable is unknown alone', () => {
    expect(withCssFallbacks('.a { }\n  color: var(--x);\n')).toBe('.a { }\n  color: var(--x);\n');
  });

  it('covers every var() of the panel style sheet', () => {
    const css = readFileSync(join(__dirname, '../../ui/panel.css'), 'utf8');
    const built = withCssFallbacks(css);
    const lines = built.split('\n');
    const uses = lines.filter((l) => /:\s*[^;]*var\(--/.test(l));
    expect(uses.length).toBeGreaterThan(10);
    for (const use of uses) {
      const previous = lines[lines.indexOf(use) - 1];
      expect(previous).not.toContain('var(');
      expect(previous.split(':')[0]).toBe(use.split(':')[0]);
    }
  });
});
