import { existsSync, readdirSync, readFileSync, statSync } from 'fs';
import { join, resolve } from 'path';
import {
  LIBREOFFICE_IMAGES,
  MAX_BYTES,
  OPTIONAL_PREFIX,
  PANEL_IMAGES,
} from '../../scripts/screenshots/images';

const ROOT = resolve(__dirname, '../..');
const DOCS = join(ROOT, 'docs');
const IMAGES = join(DOCS, 'images');
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** The user documents (not the developer pages under docs/host-facts/). */
const USER_DOCS = readdirSync(DOCS).filter((f) => f.endsWith('.md'));

/** Every picture a document shows, with the line that follows it (its caption). */
function pictures(): Array<{ doc: string; name: string; caption: string }> {
  return USER_DOCS.flatMap((doc) => {
    const lines = readFileSync(join(DOCS, doc), 'utf8').split('\n');
    return lines.flatMap((line, i) =>
      [...line.matchAll(/!\[[^\]]*\]\(images\/([^)]+)\)/g)].map((m) => ({
        doc,
        name: m[1],
        caption: lines.slice(i + 1, i + 3).join(' '),
      })),
    );
  });
}

const optional = existsSync(IMAGES)
  ? readdirSync(IMAGES).filter((f) => f.startsWith(OPTIONAL_PREFIX) && f.endsWith('.png'))
  : [];
const produced = [...PANEL_IMAGES.map((i) => i.name), ...LIBREOFFICE_IMAGES.map((i) => i.name), ...optional];

describe('the pictures of the guide are the ones npm run screenshots produces', () => {
  const shown = pictures();

  it('the guide shows pictures from both sources', () => {
    const guide = shown.filter((p) => p.doc === 'guide-utilisateur.md').map((p) => p.name);
    expect(guide.some((n) => n.startsWith('excel-'))).toBe(true);
    expect(guide.some((n) => n.startsWith('lo-'))).toBe(true);
  });

  it.each(shown.map((p) => [p.doc, p.name, p.caption]))(
    '%s shows %s, a picture the script produces and that exists',
    (_doc, name) => {
      expect(produced).toContain(name);
      expect(existsSync(join(IMAGES, name))).toBe(true);
    },
  );

  it('every caption says where the picture comes from', () => {
    for (const p of shown) {
      if (p.name.startsWith('lo-')) expect(p.caption).toContain('LibreOffice');
      else expect(p.caption).toContain('Chromium');
    }
  });

  it('every picture the script produces is used, and docs/images holds no other file', () => {
    const used = new Set(shown.map((p) => p.name));
    for (const name of [...PANEL_IMAGES, ...LIBREOFFICE_IMAGES].map((i) => i.name))
      expect(used.has(name) ? name : `${name} (inutilisée)`).toBe(name);
    expect(readdirSync(IMAGES).sort()).toEqual([...produced].sort());
  });

  it.each(produced)('%s is a PNG under the size limit', (name) => {
    const file = join(IMAGES, name);
    expect(readFileSync(file).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(statSync(file).size).toBeLessThanOrEqual(MAX_BYTES);
    expect(statSync(file).size).toBeGreaterThan(5000);
  });

  it('copies panel captures under the names the end-to-end tests write', () => {
    const e2e = readdirSync(join(ROOT, 'test/e2e'))
      .filter((f) => f.endsWith('.ts'))
      .map((f) => readFileSync(join(ROOT, 'test/e2e', f), 'utf8'))
      .join('\n');
    const written = [...e2e.matchAll(/screenshot\(\s*page,\s*'([^']+)'\s*[,)]/g)].map((m) => `${m[1]}.png`);
    for (const image of PANEL_IMAGES) expect(written).toContain(image.from);
  });
});

describe('npm run screenshots', () => {
  it('builds first, then runs the script that fails when a picture is missing', () => {
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.screenshots).toBe('npm run build && node scripts/screenshots.js');
    const script = readFileSync(join(ROOT, 'scripts/screenshots.js'), 'utf8');
    expect(script).toContain('process.exit(1)');
  });
});
