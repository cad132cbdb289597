import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative, resolve } from 'path';

/** A user's clone has no shared/ folder beside it: tests, bench, scripts and CI must find all they read in the repository. */
const ROOT = resolve(__dirname, '../..');
const SCANNED = ['test', 'bench', 'scripts', '.ci', 'jest.config.js', 'jest.e2e.config.js', 'package.json'];

function filesUnder(path: string): string[] {
  if (statSync(path).isFile()) return [path];
  return readdirSync(path).flatMap((name) =>
    name === 'fixtures' || name === 'node_modules' ? [] : filesUnder(join(path, name)),
  );
}

it('no test, bench, script or CI step reads outside the repository', () => {
  const outside = SCANNED.flatMap((p) => filesUnder(join(ROOT, p)))
    .filter((file) => file !== __filename)
    .filter((file) => /\.\.\/shared|\/work\/shared/.test(readFileSync(file, 'utf8')))
    .map((file) => relative(ROOT, file));
  expect(outside).toEqual([]);
});

it('the fixtures and the manifest schemas the tests use are in the repository', () => {
  for (const name of ['classe-ndrc2-ccf.xlsx', 'centre-ponctuel-600.xlsx', 'bad/vide.xlsx', 'excel-made/classe-45431.xlsm']) {
    expect(statSync(join(ROOT, 'test/fixtures/rosters', name)).size).toBeGreaterThan(0);
  }
  expect(statSync(join(ROOT, 'tools/office-manifest/schemas/OfficeAppManifestV1_1.xsd')).size).toBeGreaterThan(0);
});
