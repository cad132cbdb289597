import { existsSync, readFileSync } from 'fs';
import { join, resolve } from 'path';
import { PAGES, helpPage, markdownToHtml } from '../../scripts/guide-html';

/** The help pages the build ships with the add-in (SupportUrl, LearnMoreUrl), made from docs/*.md. */
const ROOT = resolve(__dirname, '../..');
const pages = Object.entries(PAGES).map(([doc, page]) => ({
  doc,
  page,
  html: helpPage(readFileSync(join(ROOT, 'docs', doc), 'utf8')),
}));

function withoutCode(html: string): string {
  return html.replace(/<pre>[\s\S]*?<\/pre>/g, '').replace(/<code>[\s\S]*?<\/code>/g, '');
}

describe('help pages from the user documents', () => {
  it('point the manifest SupportUrl and LearnMoreUrl at the guide page, not at the pane', () => {
    const manifest = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');
    expect(PAGES['guide-utilisateur.md']).toBe('aide.html');
    expect(manifest).toContain('<SupportUrl DefaultValue="https://localhost:3000/aide.html" />');
    expect(manifest).toMatch(/id="GetStarted.LearnMoreUrl" DefaultValue="https:\/\/localhost:3000\/aide.html"/);
    expect(manifest).not.toMatch(/(SupportUrl|LearnMoreUrl)[^>]*taskpane\.html/);
  });

  it.each(pages.map((p) => [p.doc, p]))('%s leaves no Markdown behind', (_doc, { html }) => {
    const text = withoutCode(html);
    expect(text).not.toMatch(/\*\*|\]\(|^#+ |^\|/m);
    expect(html).toMatch(/<h1 id="[^"]+">/);
  });

  it('shows only pictures of docs/images and links only to pages it ships or to anchors they hold', () => {
    const ids = new Map(pages.map((p) => [p.page, new Set([...p.html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]))]));
    for (const { page, html } of pages) {
      for (const [, src] of html.matchAll(/<img src="([^"]+)"/g)) expect(existsSync(join(ROOT, 'docs', src))).toBe(true);
      for (const [, target] of html.matchAll(/<a href="([^"]+)"/g)) {
        if (/^https?:/.test(target)) continue;
        const [file, anchor] = target.split('#');
        const into = file === '' ? page : file;
        expect(ids.has(into) ? into : `${target} (dans ${page})`).toBe(into);
        if (anchor) expect(ids.get(into)?.has(anchor) ? anchor : `#${anchor} absent de ${into}`).toBe(anchor);
      }
    }
  });

  it('escapes text and code: a name like <img onerror> stays characters', () => {
    const html = markdownToHtml('Élève <img src=x onerror=alert(1)> et `<b>`\n\n| a | b \\| c |\n|---|---|\n| <i> | **gras** |');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('<code>&lt;b&gt;</code>');
    expect(html).toContain('<th>b | c</th>');
    expect(html).toContain('<td><strong>gras</strong></td>');
  });

  it('runs no script: the page has none and its policy forbids them', () => {
    for (const { html } of pages) {
      expect(html).not.toMatch(/<script/i);
      expect(html).toContain("default-src 'none'");
    }
  });
});
