import { defineConfig } from 'tsup'
import { openApiWordsPlugin } from './scripts/lib/openapi-words.mjs'

export default defineConfig({
  // @note One build with code splitting, so `voiceable-mock` and `voiceable-mock/node` share one
  // copy of the core (one `SnapshotError` class, one store implementation). The root entry stays
  // platform-neutral: only `src/node/` imports `node:` modules, and
  // test/server/package-entries.test.ts checks that dist/index.js never reaches one.
  entry: {
    index: 'src/index.ts',
    schemas: 'src/schemas.ts',
    node: 'src/node/index.ts',
    cli: 'src/node/bin.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts', schemas: 'src/schemas.ts', node: 'src/node/index.ts' } },
  clean: true,
  sourcemap: true,
  splitting: true,
  target: 'es2022',
  platform: 'neutral',
  // Never bundle msw: the consumer's setupServer/setupWorker and our handlers must share one copy.
  external: ['msw', 'zod', '@faker-js/faker', 'jose', 'papaparse', /^node:/],
  removeNodeProtocol: false,
  // The OpenAPI words of the resources are read from dist/openapi.json, not carried by the code.
  esbuildPlugins: [openApiWordsPlugin],
  // The OpenAPI document (`voiceable-mock/openapi.json`), generated from the zod schemas; then
  // the inspector's page (dist/inspector/), which only the Node server serves.
  onSuccess: 'node scripts/openapi.mjs --out dist/openapi.json && node scripts/build-inspector.mjs',
})
