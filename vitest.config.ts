import { availableParallelism } from 'node:os'
import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

const fromRoot = (path: string): string => fileURLToPath(new URL(path, import.meta.url))

/**
 * The long suites (about 80 s of the 2-core machine's time): random sequences against the model,
 * the hostile corpus in-process and over HTTP, the corpus through all three transports, 1,000
 * requests at once, the secrets audit, and 100 writes cut by SIGKILL at random points. `npm run test:reliability` and CI run them; `npm test`
 * does not, so that it stays within 90 s on a fresh clone.
 */
const RELIABILITY = [
  'test/reliability/**/*.test.ts',
  'test/parity.test.ts',
  'test/server/hostile.test.ts',
  'test/server/concurrency.test.ts',
  'test/server/secrets.test.ts',
  'test/server/persistence-crash.test.ts',
]

/**
 * @note Integration tests import the package by its own name, and it resolves to the BUILD
 * (dist/), so they exercise what ships; the global setup builds it when it is missing or older
 * than the sources. Unit tests (src/**) import the sources directly. The consumer tests
 * (test/consumer) install the packed tarball, to exercise the exports map too.
 */
const againstTheBuild = {
  extends: true,
  resolve: {
    alias: [
      { find: /^voiceable-mock$/, replacement: fromRoot('./dist/index.js') },
      { find: /^voiceable-mock\/node$/, replacement: fromRoot('./dist/node.js') },
      { find: /^voiceable-mock\/schemas$/, replacement: fromRoot('./dist/schemas.js') },
    ],
  },
} as const

export default defineConfig({
  test: {
    // Shuffled order exposes state leaking between tests (faker's own suite does the same).
    sequence: { shuffle: true },
    // vitest leaves one core to its main process, which on CI's 2 cores means one worker; the
    // suites mostly wait on sockets and child processes, so two workers there take ~30% less time.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // fail-on-console: any console output fails a test. openapi-setup: every response a mock
    // produces is checked against the OpenAPI document.
    setupFiles: ['test/support/fail-on-console.ts', 'test/support/openapi-setup.ts'],
    // `npm test` runs unit, integration and docs; `npm run test:all` runs every project.
    projects: [
      { extends: true, test: { name: 'unit', include: ['src/**/*.test.ts'] } },
      {
        ...againstTheBuild,
        test: {
          name: 'integration',
          include: ['test/**/*.test.ts'],
          exclude: [
            'test/consumer/**',
            'test/browser/**',
            'test/docs/**',
            'test/webapp/**',
            ...RELIABILITY,
          ],
          globalSetup: ['test/support/build-dist.ts'],
        },
      },
      {
        ...againstTheBuild,
        test: {
          name: 'reliability',
          include: RELIABILITY,
          globalSetup: ['test/support/build-dist.ts'],
        },
      },
      // Every TypeScript, JavaScript and shell block of README.md and docs/*.md, compiled and
      // run in a consumer project against the build (test/docs/README.md).
      {
        extends: true,
        test: {
          name: 'docs',
          include: ['test/docs/**/*.test.ts'],
          globalSetup: ['test/support/build-dist.ts'],
          testTimeout: 120_000,
          hookTimeout: 300_000,
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
