/* global document -- the page.evaluate callback runs in the browser */
/**
 * Panel captures cut to a useful height in Chromium (the one the end-to-end tests use): a full-page
 * capture of the check step is several screens tall and too heavy for the guide.
 */
const fs = require('fs');
const { chromium } = require('playwright-core');

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

/** Copies each `{ from, to, maxHeight }` picture, cut to at most maxHeight pixels from the top. */
async function cropAll(jobs) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    for (const job of jobs) await cropOne(browser, job);
  } finally {
    await browser.close();
  }
}

async function cropOne(browser, { from, to, maxHeight }) {
  const data = fs.readFileSync(from).toString('base64');
  const page = await browser.newPage({ viewport: { width: 1200, height: maxHeight }, deviceScaleFactor: 1 });
  try {
    await page.setContent(
      `<body style="margin:0"><img id="p" style="display:block" src="data:image/png;base64,${data}"></body>`,
    );
    const size = await page.evaluate(async () => {
      const img = document.getElementById('p');
      await img.decode();
      return { width: img.naturalWidth, height: img.naturalHeight };
    });
    if (size.width > 1200) throw new Error(`${from} est trop large (${size.width} pixels).`);
    await page.screenshot({
      path: to,
      clip: { x: 0, y: 0, width: size.width, height: Math.min(size.height, maxHeight) },
    });
  } finally {
    await page.close();
  }
}

module.exports = { cropAll };
