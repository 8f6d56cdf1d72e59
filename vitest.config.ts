import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // Tests import the library by its own name; here it resolves to the sources. The consumer
    // tests (test/consumer) install the packed tarball instead, to exercise the exports map.
    alias: [
      {
        find: /^voiceable-mock$/,
        replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)),
      },
      {
        find: /^voiceable-mock\/node$/,
        replacement: fileURLToPath(new URL('./src/node/index.ts', import.meta.url)),
      },
    ],
  },
  test: {
    // Shuffled order exposes state leaking between tests (faker's own suite does the same).
    sequence: { shuffle: true },
    // fail-on-console: any console output fails a test. openapi-setup: every response a mock
    // produces is checked against the OpenAPI document.
    setupFiles: ['test/support/fail-on-console.ts', 'test/support/openapi-setup.ts'],
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: ['test/consumer/**', 'test/browser/**'],
          // test/server/** spawns the built CLI: build dist/ first if it is missing or stale.
          globalSetup: ['test/support/build-dist.ts'],
        },
      },
      // Type tests (tsc, never run): the public types against whichever msw major is installed.
      {
        extends: true,
        test: {
          name: 'types',
          include: [],
          // The OpenAPI types test/openapi.test-d.ts reads, generated from the document first.
          globalSetup: ['test/support/openapi-types.ts'],
          typecheck: {
            enabled: true,
            only: true,
            include: ['test/**/*.test-d.ts'],
            tsconfig: 'tsconfig.json',
          },
        },
      },
    ],
  },
})
