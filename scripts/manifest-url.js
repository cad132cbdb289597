/**
 * The public HTTPS address of the task pane, and the manifest rewritten to point there.
 * Pure (no file, no network): webpack.office.config.js calls it while copying manifest.xml, and
 * test/build/manifest-url.test.ts checks it. The source manifest keeps Microsoft's development address.
 */

const { URL } = require('url');

/** The address every URL of the source manifest.xml starts with (as in Microsoft's template). */
const DEV_ORIGIN = 'https://localhost:3000';

const BUILT_COMMENT =
  '<!-- Grilles E4: Excel add-in-only manifest, built for the public address given to npm run build. -->';

/** Where the address comes from when neither `--env url=…` nor GRILLES_E4_URL is given. */
const HOW_TO =
  'Exemple : npm run build -- --env url=https://exemple.fr/grilles-e4/ (ou la variable GRILLES_E4_URL).';

/**
 * Checks the address given by the school and returns it with a final « / », so that
 * `base + 'taskpane.html'` is the task pane. Throws an Error with a French message otherwise.
 * @param {string} text
 * @returns {{ base: string, origin: string }}
 */
function parsePublicUrl(text) {
  const raw = String(text ?? '').trim();
  if (raw === '') throw new Error(`Adresse du complément vide. ${HOW_TO}`);
  let url;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`Adresse du complément illisible : « ${raw} ». ${HOW_TO}`);
  }
  if (url.protocol !== 'https:')
    throw new Error(
      `L'adresse du complément doit commencer par https:// (Office ne charge un volet qu'en HTTPS) : « ${raw} ». ${HOW_TO}`,
    );
  if (url.username !== '' || url.password !== '')
    throw new Error(
      `L'adresse du complément ne doit pas contenir d'identifiant ni de mot de passe : « ${raw} ».`,
    );
  if (url.search !== '' || url.hash !== '')
    throw new Error(
      `L'adresse du complément est celle d'un dossier, sans « ? » ni « # » : « ${raw} ». ${HOW_TO}`,
    );
  if (!url.hostname.includes('.') && url.hostname !== 'localhost')
    throw new Error(`Nom de serveur incomplet dans l'adresse du complément : « ${raw} ». ${HOW_TO}`);
  const path = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`;
  const base = `${url.origin}${path}`;
  // The XSD limits a URL to 2048 characters; the longest we write is the base plus « assets/icon-32.png ».
  if (base.length > 2000) throw new Error('Adresse du complément trop longue (2000 caractères au plus).');
  return { base, origin: url.origin };
}

/** @param {string} text */
function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * The manifest with every development URL moved to `publicUrl`: file URLs (task pane, icons, support and
 * « learn more » pages) under the base folder, AppDomain entries to its origin.
 * @param {string} manifest the source manifest.xml
 * @param {string} publicUrl e.g. https://exemple.fr/grilles-e4/
 * @returns {string}
 */
function rewriteManifest(manifest, publicUrl) {
  const { base, origin } = parsePublicUrl(publicUrl);
  const move = (text) =>
    text.split(`${DEV_ORIGIN}/`).join(escapeXml(base)).split(DEV_ORIGIN).join(escapeXml(origin));
  // A comment about the development address describes the source manifest, not this build.
  const comment = (part) => (part.includes(DEV_ORIGIN) ? BUILT_COMMENT : part);
  return manifest
    .split(/(<!--[\s\S]*?-->)/)
    .map((part) => (part.startsWith('<!--') ? comment(part) : move(part)))
    .join('');
}

/**
 * The address asked for by this build: `--env url=…` first, then GRILLES_E4_URL; null for development.
 * @param {Record<string, unknown> | undefined} env webpack's --env object
 * @param {Record<string, string | undefined>} vars process.env
 * @returns {string | null}
 */
function requestedUrl(env, vars) {
  const fromEnv = env && typeof env.url === 'string' ? env.url : undefined;
  const value = fromEnv ?? vars.GRILLES_E4_URL;
  return value === undefined || value.trim() === '' ? null : value;
}

module.exports = { DEV_ORIGIN, parsePublicUrl, rewriteManifest, requestedUrl };
