// The minified+gzipped bytes the library adds to a browser bundle over msw alone: esbuild
// (bundle, minify, platform browser, esm) of a page starting `setupWorker` from msw/browser,
// against the same page starting it with `createVoiceableMock().handlers`; gzip -9 by node:zlib.
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { ROOT, report } from './lib/harness.mjs'

// esbuild comes from the repo (BENCH_ESBUILD), msw from this root: the msw-3 scratch copy has no esbuild.
const { build } = createRequire(process.env.BENCH_ESBUILD ?? join(ROOT, 'package.json'))('esbuild')

const PAGES = {
  msw: `import { setupWorker } from 'msw/browser'
await setupWorker().start()`,
  'msw+voiceable-mock': `import { setupWorker } from 'msw/browser'
import { createVoiceableMock } from './dist/index.js'
await setupWorker(...createVoiceableMock().handlers).start()`,
}

async function bundle(contents) {
  const result = await build({
    stdin: { contents, resolveDir: ROOT, loader: 'js', sourcefile: 'page.js' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
  })
  const code = result.outputFiles[0].contents
  const inputs = Object.values(result.metafile.outputs)[0].inputs
  const byPackage = {}
  for (const [path, { bytesInOutput }] of Object.entries(inputs)) {
    const name =
      /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1] ??
      (path.startsWith('dist/') ? 'voiceable-mock (dist)' : path)
    byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput
  }
  return { minified: code.length, gzip: gzipSync(code, { level: 9 }).length, byPackage }
}

const msw = await bundle(PAGES.msw)
const ours = await bundle(PAGES['msw+voiceable-mock'])
const added = Object.fromEntries(
  Object.entries(ours.byPackage)
    .map(([name, bytes]) => [name, bytes - (msw.byPackage[name] ?? 0)])
    .filter(([, bytes]) => bytes > 0)
    .sort((a, b) => b[1] - a[1]),
)

report({
  name: 'bundle-size',
  msw: { minified: msw.minified, gzip: msw.gzip },
  withLibrary: { minified: ours.minified, gzip: ours.gzip },
  added: { minified: ours.minified - msw.minified, gzip: ours.gzip - msw.gzip },
  addedMinifiedByPackage: added,
})
