/**
 * The user documents (docs/*.md) as the add-in's help pages: `npm run build` writes aide.html (the
 * user guide, the manifest's SupportUrl and LearnMoreUrl), installation.html, confidentialite.html and
 * faq.html next to taskpane.html, with the guide's pictures. Only the Markdown these documents use:
 * headings, paragraphs, lists (continued lines), block quotes, fenced code, tables, pictures, and
 * inline code, bold, italic and links. Every text is escaped; nothing is loaded from another server.
 */

/** docs/NAME.md → the help page's file name. */
const PAGES = {
  'guide-utilisateur.md': 'aide.html',
  'installation.md': 'installation.html',
  'confidentialite.md': 'confidentialite.html',
  'faq.md': 'faq.html',
};

function escapeHtml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
function slug(text) {
  return text
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N} -]/gu, '')
    .trim()
    .replace(/ /g, '-');
}

/** A link target of the documents: another document becomes its page; only http(s), pages, anchors. */
function href(target) {
  const [file, anchor] = target.split('#');
  if (file === '') return `#${anchor}`;
  if (PAGES[file]) return anchor ? `${PAGES[file]}#${anchor}` : PAGES[file];
  if (/^https?:\/\//.test(target)) return target;
  return null;
}

/** Inline Markdown of one block's text (already joined), escaped. */
function inline(text) {
  const parts = [];
  // Code spans first: their content is literal.
  const pattern = /`([^`]+)`|!\[([^\]]*)\]\(([^)\s]+)\)|\[([^\]]+)\]\(([^)\s]+)\)/g;
  let last = 0;
  for (const m of text.matchAll(pattern)) {
    parts.push(emphasis(escapeHtml(text.slice(last, m.index))));
    if (m[1] !== undefined) parts.push(`<code>${escapeHtml(m[1])}</code>`);
    else if (m[2] !== undefined) parts.push(`<img src="${escapeHtml(m[3])}" alt="${escapeHtml(m[2])}">`);
    else {
      const target = href(m[5]);
      const label = emphasis(escapeHtml(m[4]));
      parts.push(target === null ? label : `<a href="${escapeHtml(target)}">${label}</a>`);
    }
    last = m.index + m[0].length;
  }
  parts.push(emphasis(escapeHtml(text.slice(last))));
  return parts.join('');
}

function emphasis(html) {
  return html
    .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
    .replace(/(^|[\s(«])\*([^*\s][^*]*)\*/g, '$1<em>$2</em>');
}

function tableCells(line) {
  return line
    .trim()
    .replace(/^\||\|$/g, '')
    .split(/(?<!\\)\|/)
    .map((cell) => cell.trim().replace(/\\\|/g, '|'));
}

/** Markdown → the HTML of the page's body. */
function markdownToHtml(markdown) {
  const lines = markdown.replace(/\r\n/g, '\n').split('\n');
  const out = [];
  let i = 0;
  const isBlockStart = (line) => /^(#{1,6} |```|>|\||\s*([-*]|\d+\.) )/.test(line) || line.trim() === '';
  while (i < lines.length) {
    const line = lines[i];
    if (line.trim() === '') {
      i += 1;
    } else if (line.startsWith('```')) {
      const code = [];
      for (i += 1; i < lines.length && !lines[i].startsWith('```'); i += 1) code.push(lines[i]);
      i += 1;
      out.push(`<pre><code>${escapeHtml(code.join('\n'))}</code></pre>`);
    } else if (/^#{1,6} /.test(line)) {
      const level = /^#+/.exec(line)[0].length;
      const text = line.slice(level + 1).trim();
      out.push(`<h${level} id="${escapeHtml(slug(text))}">${inline(text)}</h${level}>`);
      i += 1;
    } else if (line.startsWith('>')) {
      const quoted = [];
      for (; i < lines.length && lines[i].startsWith('>'); i += 1) quoted.push(lines[i].replace(/^> ?/, ''));
      out.push(`<blockquote>${markdownToHtml(quoted.join('\n'))}</blockquote>`);
    } else if (line.startsWith('|')) {
      const rows = [];
      for (; i < lines.length && lines[i].startsWith('|'); i += 1) rows.push(tableCells(lines[i]));
      const [head, , ...body] = rows;
      out.push(
        `<table><thead><tr>${head.map((c) => `<th>${inline(c)}</th>`).join('')}</tr></thead><tbody>${body
          .map((r) => `<tr>${r.map((c) => `<td>${inline(c)}</td>`).join('')}</tr>`)
          .join('')}</tbody></table>`,
      );
    } else if (/^\s*([-*]|\d+\.) /.test(line)) {
      const ordered = /^\s*\d+\. /.test(line);
      const items = [];
      while (i < lines.length && /^\s*([-*]|\d+\.) /.test(lines[i])) {
        const item = [lines[i].replace(/^\s*([-*]|\d+\.) /, '')];
        for (
          i += 1;
          i < lines.length && /^\s+\S/.test(lines[i]) && !/^\s*([-*]|\d+\.) /.test(lines[i]);
          i += 1
        )
          item.push(lines[i].trim());
        items.push(`<li>${inline(item.join(' '))}</li>`);
        if (i < lines.length && lines[i].trim() === '' && /^\s*([-*]|\d+\.) /.test(lines[i + 1] ?? ''))
          i += 1;
      }
      out.push(ordered ? `<ol>${items.join('')}</ol>` : `<ul>${items.join('')}</ul>`);
    } else {
      const para = [];
      for (; i < lines.length && !isBlockStart(lines[i]); i += 1) para.push(lines[i].trim());
      if (para.length === 0) {
        para.push(line.trim());
        i += 1;
      }
      out.push(`<p>${inline(para.join(' '))}</p>`);
    }
  }
  return out.join('\n');
}

const STYLE = `body{font-family:'Segoe UI',Roboto,Arial,sans-serif;font-size:15px;line-height:1.5;color:#201f1e;max-width:52em;margin:0 auto;padding:16px}
img{max-width:100%;height:auto;border:1px solid #c8c6c4}table{border-collapse:collapse;margin:8px 0}th,td{border:1px solid #c8c6c4;padding:4px 6px;vertical-align:top;text-align:left}
code{font-family:Consolas,monospace;font-size:90%;background:#f3f2f1;padding:0 2px}pre{background:#f3f2f1;padding:8px;overflow:auto}
blockquote{border-left:4px solid #217346;margin:8px 0;padding:0 12px;background:#f3f9f5}a{color:#0f6cbd}h1,h2{color:#185c37}`;

/** A whole help page: its own strict Content-Security-Policy, no script at all. */
function helpPage(markdown) {
  const title = (/^# (.*)$/m.exec(markdown) || [null, 'Grilles E4'])[1];
  return [
    '<!doctype html>',
    '<html lang="fr">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'">`,
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<nav><a href="aide.html">Guide</a> · <a href="installation.html">Installation</a> · <a href="confidentialite.html">Confidentialité</a> · <a href="faq.html">FAQ</a></nav>',
    '<main>',
    markdownToHtml(markdown),
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

module.exports = { PAGES, helpPage, markdownToHtml, slug };
