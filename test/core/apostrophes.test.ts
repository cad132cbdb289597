import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';
import ts from 'typescript';

/**
 * One apostrophe everywhere a user reads our text, as in the workbook and the annex: the straight one.
 * Every string in the code that writes the workbooks or speaks on the command line is looked at
 * (comments are not: nobody reads them in a workbook).
 */
const ROOT = resolve(__dirname, '../..');
const FOLDERS = ['core', 'cli', 'xlsx', 'office-addin', 'apps-script', 'ui'];
/** Not text: the Windows-1252 decoding table, which must hold the curly apostrophe to read old CSV files. */
const NOT_TEXT = new Set(['core/roster/csv.ts']);

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The text of every string and template literal in a TypeScript source. */
function literals(fileName: string, text: string): string[] {
  const file = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateHead(node) ||
      ts.isTemplateMiddle(node) ||
      ts.isTemplateTail(node)
    )
      found.push(node.text);
    node.forEachChild(visit);
  };
  visit(file);
  return found;
}

describe('apostrophes in what users read', () => {
  it('finds a curly apostrophe in a string, never in a comment (the check can fail)', () => {
    const sample = "// l’onglet\nconst a = 'l’onglet';\nconst b = `d'abord ${a} l’autre`;";
    expect(literals('sample.ts', sample).filter((s) => s.includes('’'))).toEqual(['l’onglet', ' l’autre']);
  });

  it('uses the straight apostrophe in every string of the core, the command line and the Excel host', () => {
    const files = FOLDERS.flatMap((folder) => sources(join(ROOT, folder))).filter(
      (path) => !NOT_TEXT.has(relative(ROOT, path)),
    );
    expect(files.length).toBeGreaterThan(100);
    const curly = files.flatMap((path) =>
      literals(path, readFileSync(path, 'utf8'))
        .filter((s) => s.includes('’'))
        .map((s) => `${relative(ROOT, path)}: ${s}`),
    );
    expect(curly).toEqual([]);
  });
});
