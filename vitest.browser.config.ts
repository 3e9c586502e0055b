// Real-browser tests: `npm run test:browser` (npx vitest run --config vitest.browser.config.ts).
// tests/browser/global-setup.ts builds the site from data/ plus the browser fixtures and serves it on
// 127.0.0.1; the tests drive the system Chromium through playwright-core. See tests/browser/README.md.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/browser/**/*.test.ts'],
    globalSetup: ['tests/browser/global-setup.ts'],
    environment: 'node',
    pool: 'forks',
    // One file at a time: each drives its own Chromium, and the machine has two cores.
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 120_000,
    hookTimeout: 300_000,
    teardownTimeout: 60_000,
  },
});
