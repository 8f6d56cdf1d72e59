import { defineConfig } from 'tsup'

export default defineConfig({
  entry: { index: 'src/index.ts' },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
  platform: 'neutral',
  // Never bundle msw: the consumer's setupServer/setupWorker and our handlers must share one copy.
  external: ['msw', 'zod', '@faker-js/faker'],
})
