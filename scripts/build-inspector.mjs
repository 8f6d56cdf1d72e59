#!/usr/bin/env node
// Builds the inspector, the demo server's page at /__voiceable/ (src/inspector/), into
// dist/inspector/: index.html, inspector.js (Preact bundled in, minified) and inspector.css.
// Run by `npm run build` after tsup (tsup.config.ts onSuccess). Served by the Node server only:
// no entry of the library imports it, so it never reaches a page that bundles voiceable-mock.
//
//   node scripts/build-inspector.mjs [--out dist/inspector]
import { copyFileSync, mkdirSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const SOURCE = join(REPO_ROOT, 'src/inspector')
const outAt = process.argv.indexOf('--out')
const OUT = resolve(REPO_ROOT, outAt > 0 ? process.argv[outAt + 1] : 'dist/inspector')

mkdirSync(OUT, { recursive: true })
await build({
  entryPoints: [
    { in: join(SOURCE, 'main.tsx'), out: 'inspector' },
    { in: join(SOURCE, 'inspector.css'), out: 'inspector' },
  ],
  outdir: OUT,
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: ['chrome120', 'firefox120', 'safari17'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  banner: {
    js: '/*! voiceable-mock inspector. Bundles Preact (MIT License, Copyright (c) 2015-present Jason Miller). */',
  },
  logLevel: 'warning',
  absWorkingDir: REPO_ROOT,
  // Ignore tsconfig.json `paths`: the page imports nothing of the library but types.
  tsconfigRaw: {},
})
copyFileSync(join(SOURCE, 'index.html'), join(OUT, 'index.html'))
