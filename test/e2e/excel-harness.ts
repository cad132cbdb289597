import { createReadStream, existsSync, mkdirSync, readFileSync, statSync } from 'fs';
import { createServer, type Server } from 'http';
import * as path from 'path';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';
import type { FakeExcelConfig } from './fake-excel-entry';

const ROOT = path.resolve(__dirname, '../..');
export const DIST = path.join(ROOT, 'dist/office-addin');
export const ARTIFACTS = path.join(ROOT, 'artifacts');
const FAKE_BUNDLE = path.join(ARTIFACTS, 'e2e/fake-excel.js');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

/** Serves dist/office-addin on 127.0.0.1 (a free port). */
export async function serveDist(): Promise<{ server: Server; url: string }> {
  if (!existsSync(path.join(DIST, 'taskpane.html')))
    throw new Error('dist/office-addin absent: run npm run build:office first.');
  const server = createServer((req, res) => {
    const file = path.join(DIST, decodeURIComponent((req.url ?? '/').split('?')[0]));
    if (!file.startsWith(DIST) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return { server, url: `http://127.0.0.1:${port}` };
}

/** Bundles the fake for the browser once (webpack's Node API, same loader as the add-in). */
export async function buildFakeBundle(): Promise<string> {
  mkdirSync(path.dirname(FAKE_BUNDLE), { recursive: true });
  const compiler = webpack({
    mode: 'development',
    devtool: false,
    target: ['web', 'es2020'],
    entry: path.join(__dirname, 'fake-excel-entry.ts'),
    output: { path: path.dirname(FAKE_BUNDLE), filename: path.basename(FAKE_BUNDLE) },
    resolve: { extensions: ['.ts', '.js'] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          loader: 'ts-loader',
          options: { configFile: path.join(ROOT, 'tsconfig.json'), transpileOnly: true },
        },
      ],
    },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((error, stats) => {
      compiler.close(() => undefined);
      if (error || stats?.hasErrors()) reject(error ?? new Error(stats?.toString('errors-only')));
      else resolve();
    }),
  );
  return readFileSync(FAKE_BUNDLE, 'utf8');
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/**
 * Opens the task pane with every request to another host blocked (office.js included); with a config
 * the fake Excel is injected before the page's scripts run.
 */
export async function openTaskpane(
  browser: Browser,
  url: string,
  fake?: { bundle: string; config: FakeExcelConfig },
  viewport = { width: 360, height: 900 },
): Promise<{ page: Page; blocked: string[] }> {
  const page = await browser.newPage({ viewport, locale: 'fr-FR' });
  const blocked: string[] = [];
  await page.route('**/*', (route) => {
    const requested = route.request().url();
    if (requested.startsWith(url) || requested.startsWith('blob:') || requested.startsWith('data:'))
      return route.continue();
    blocked.push(requested);
    return route.abort();
  });
  if (fake) {
    await page.addInitScript((config) => {
      (window as unknown as { __fakeExcelConfig: unknown }).__fakeExcelConfig = config;
    }, fake.config);
    await page.addInitScript({ content: fake.bundle });
  }
  await page.goto(`${url}/taskpane.html`);
  return { page, blocked };
}

export async function screenshot(page: Page, name: string, fullPage = true): Promise<void> {
  const dir = path.join(ARTIFACTS, 'screenshots');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage });
}

/** What a describe block of pane tests shares: Chromium, the pane served from dist/, the fake Excel bundle. */
export interface PaneSession {
  browser: Browser;
  url: string;
  bundle: string;
}

/** Starts the session before the block's tests and stops it after them; read its fields inside the tests. */
export function usePaneSession(): PaneSession {
  const session = {} as PaneSession;
  let server: Server | undefined;
  beforeAll(async () => {
    const [bundle, served, browser] = await Promise.all([buildFakeBundle(), serveDist(), launchChromium()]);
    Object.assign(session, { bundle, url: served.url, browser });
    server = served.server;
  });
  afterAll(async () => {
    await session.browser?.close();
    await new Promise((resolve) => server?.close(resolve));
  });
  return session;
}
