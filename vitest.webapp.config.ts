import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

/**
 * The web-app suite (test/webapp): the real Voiceable web app, from a built clone named by
 * VOICEABLE_CLIENT_DIR, in headless Chromium against the demo server. Run with
 * `npm run test:webapp`, which skips it in one line when the variable is unset; `npm test` never
 * runs it. Report: test/webapp/report/summary.md and its screenshots.
 */
export default defineConfig({
  resolve: {
    // The fake under test is the build (dist/), as the demo server ships.
    alias: [
      { find: /^voiceable-mock$/, replacement: fromRoot('./dist/index.js') },
      { find: /^voiceable-mock\/node$/, replacement: fromRoot('./dist/node.js') },
    ],
  },
  test: {
    name: 'webapp',
    include: ['test/webapp/**/*.test.ts'],
    sequence: { shuffle: true },
    setupFiles: ['test/support/fail-on-console.ts'],
    // build-dist builds dist/ when stale; stack starts the fake on :3000 and the app on :3001.
    globalSetup: ['test/support/build-dist.ts', 'test/webapp/support/stack.ts'],
    // One app and one fake on fixed ports: the files take turns, each with its own Chromium.
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
})
