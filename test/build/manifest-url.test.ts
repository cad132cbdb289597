import { spawnSync } from 'child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join, resolve } from 'path';
import { DEV_ORIGIN, parsePublicUrl, requestedUrl, rewriteManifest } from '../../scripts/manifest-url';

const ROOT = resolve(__dirname, '../..');
const SOURCE = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
const CHECKER = resolve(ROOT, 'tools/office-manifest/check-office-manifest');

/** Every URL-like value of the manifest: attributes DefaultValue and the AppDomain texts. */
function urlsOf(manifest: string): string[] {
  const values = [...manifest.matchAll(/DefaultValue="(https?:[^"]*)"/g)].map((m) => m[1]);
  const domains = [...manifest.matchAll(/<AppDomain>([^<]*)<\/AppDomain>/g)].map((m) => m[1]);
  return [...values, ...domains];
}

function checkManifest(text: string): { status: number | null; output: string } {
  const path = join(mkdtempSync(join(tmpdir(), 'grilles-manifest-')), 'manifest.xml');
  writeFileSync(path, text);
  const r = spawnSync(CHECKER, [path], { encoding: 'utf8' });
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

describe('the built manifest points at the public address', () => {
  const built = rewriteManifest(SOURCE, 'https://exemple.fr/grilles-e4/');

  it('leaves no localhost anywhere once an address is given', () => {
    expect(SOURCE).toContain(DEV_ORIGIN);
    expect(built).not.toMatch(/localhost/i);
  });

  it('moves every URL of the source manifest, icons and ribbon resources included', () => {
    const before = urlsOf(SOURCE);
    const after = urlsOf(built);
    expect(after).toHaveLength(before.length);
    expect(before.length).toBeGreaterThanOrEqual(10);
    for (const url of after) expect(url.startsWith('https://exemple.fr')).toBe(true);
    expect(built).toContain('<SourceLocation DefaultValue="https://exemple.fr/grilles-e4/taskpane.html" />');
    expect(built).toContain('<bt:Image id="Icon.80" DefaultValue="https://exemple.fr/grilles-e4/assets/icon-80.png" />');
    expect(built).toContain('<IconUrl DefaultValue="https://exemple.fr/grilles-e4/assets/icon-32.png" />');
    expect(built).toContain('<SupportUrl DefaultValue="https://exemple.fr/grilles-e4/aide.html" />');
    expect(built).toContain('<AppDomain>https://exemple.fr</AppDomain>');
  });

  it('changes nothing but the URLs', () => {
    const strip = (text: string): string =>
      text.replace(/<!--[\s\S]*?-->/g, '').replace(/https:\/\/(localhost:3000|exemple\.fr)(\/grilles-e4)?/g, 'U');
    expect(strip(built)).toBe(strip(SOURCE));
  });

  it('adds the final slash of a folder and keeps a port', () => {
    expect(parsePublicUrl('https://exemple.fr/grilles-e4')).toEqual({
      base: 'https://exemple.fr/grilles-e4/',
      origin: 'https://exemple.fr',
    });
    expect(parsePublicUrl('https://pages.exemple.fr:8443/')).toEqual({
      base: 'https://pages.exemple.fr:8443/',
      origin: 'https://pages.exemple.fr:8443',
    });
    expect(rewriteManifest(SOURCE, 'https://lycee.exemple.fr')).toContain(
      'DefaultValue="https://lycee.exemple.fr/taskpane.html"',
    );
  });

  it('passes the offline Office manifest check, with and without an address', () => {
    for (const text of [SOURCE, built, rewriteManifest(SOURCE, 'https://www.lycee-exemple.fr/outils/e4/')]) {
      const result = checkManifest(text);
      expect(result.output).toContain('VALID:');
      expect(result.status).toBe(0);
    }
  });
});

describe('a wrong address stops the build with a French message', () => {
  it.each([
    ['http://exemple.fr/grilles-e4/', /doit commencer par https:\/\//],
    ['exemple.fr/grilles-e4/', /illisible/],
    ['ftp://exemple.fr/', /doit commencer par https:\/\//],
    ['https://exemple.fr/e4/?v=2', /sans « \? » ni « # »/],
    ['https://exemple.fr/e4/#x', /sans « \? » ni « # »/],
    ['https://moi:secret@exemple.fr/', /identifiant/],
    ['https://exemple/', /Nom de serveur incomplet/],
    ['   ', /vide/],
  ])('%s', (url, message) => {
    expect(() => parsePublicUrl(url)).toThrow(message);
    expect(() => rewriteManifest(SOURCE, url)).toThrow(message);
  });
});

describe('where the address comes from', () => {
  it('takes --env url first, then GRILLES_E4_URL, else none (development)', () => {
    expect(requestedUrl({ url: 'https://a.fr/' }, { GRILLES_E4_URL: 'https://b.fr/' })).toBe('https://a.fr/');
    expect(requestedUrl({}, { GRILLES_E4_URL: 'https://b.fr/' })).toBe('https://b.fr/');
    expect(requestedUrl(undefined, {})).toBeNull();
    expect(requestedUrl({ WEBPACK_BUNDLE: true }, { GRILLES_E4_URL: '' })).toBeNull();
  });
});
