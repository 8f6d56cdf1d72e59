import { defineConfig } from 'vitest/config'

/**
 * The browser legs: real headless Chromium (Debian's `chromium`) driven by playwright-core.
 * Run with `npm run test:browser`, `npm run test:storybook` and `npm run test:inspector`; `npm test`
 * never runs them.
 */
export default defineConfig({
  test: {
    sequence: { shuffle: true },
    setupFiles: ['test/support/fail-on-console.ts'],
    // One Chromium at a time on a 2-core machine; each file starts its own.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      { extends: true, test: { name: 'browser', include: ['test/browser/worker.test.ts'] } },
      { extends: true, test: { name: 'storybook', include: ['test/browser/storybook.test.ts'] } },
      { extends: true, test: { name: 'inspector', include: ['test/browser/inspector.test.ts'] } },
    ],
  },
})
