/** Browser end-to-end tests (real Chromium via playwright-core) over the built dist/. Run: npm run test:e2e. */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', diagnostics: { warnOnly: false } }] },
  testTimeout: 180000,
  maxWorkers: 1,
};
