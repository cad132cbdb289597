/**
 * npm run screenshots: runs the browser end-to-end tests, which write a PNG of each step of the
 * panel to artifacts/screenshots/ (git-ignored). Needs the built dist/ (npm run build does it first).
 */
const { spawnSync } = require('child_process');
const path = require('path');

const root = path.resolve(__dirname, '..');
const result = spawnSync('npx', ['jest', '-c', 'jest.e2e.config.js', 'test/e2e'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status === 0) console.log(`Captures dans ${path.join(root, 'artifacts', 'screenshots')}`);
process.exit(result.status ?? 1);
