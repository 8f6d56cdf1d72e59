#!/usr/bin/env node
// What voiceable-mock adds to a browser page over msw alone, minified and gzipped.
//
//   npm run build && node scripts/bundle-size.mjs [--json]
//
// Bundles two tiny pages with esbuild (minify, browser, ESM) and gzips each output:
//   - baseline: msw/browser's setupWorker with one handler of its own;
//   - with library: setupWorker(...createVoiceableMock({ baseUrl: '/api/v1' }).handlers).
// `voiceable-mock` resolves by package name to the BUILT package (dist/), and msw to the one
// installed copy. Also reports which faker language locales end up in the page (none is expected: the
// factories use faker's `base` under the project's own locale, src/store/locale/).
// The inspector (dist/inspector/, the demo server's page) is measured apart: it is served by the
// Node server only, and the measure fails if any of its bytes reach the library's page.
// `measureBundleSizes()` is exported for the benchmark helper.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { basename, dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'
import { build } from 'esbuild'

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..')

export const PAGES = {
  baseline: [
    "import { http, HttpResponse } from 'msw'",
    "import { setupWorker } from 'msw/browser'",
    "await setupWorker(http.get('/api/v1/api_keys', () => HttpResponse.json({ data: [] }))).start()",
  ].join('\n'),
  withLibrary: [
    "import { setupWorker } from 'msw/browser'",
    "import { createVoiceableMock } from 'voiceable-mock'",
    "await setupWorker(...createVoiceableMock({ baseUrl: '/api/v1' }).handlers).start()",
  ].join('\n'),
}

async function bundle(source, repoRoot) {
  const result = await build({
    stdin: { contents: source, resolveDir: repoRoot, sourcefile: 'page.js', loader: 'js' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: repoRoot,
    // Ignore tsconfig.json `paths` (the repository maps voiceable-mock to src/ for its tests):
    // the page must get the built package through its `exports`, as a user's bundler would.
    tsconfigRaw: {},
  })
  const [output] = result.outputFiles
  const [meta] = Object.values(result.metafile.outputs)
  // Only files that put bytes in the page: esbuild also lists files it tree-shook away.
  const inputs = Object.fromEntries(
    Object.entries(meta.inputs).filter(([, { bytesInOutput }]) => bytesInOutput > 0),
  )
  return {
    minified: output.contents.byteLength,
    gzipped: gzipSync(output.contents, { level: 9 }).byteLength,
    inputs,
  }
}

/** `node_modules/@faker-js/faker/dist/x.js` → `@faker-js/faker`; `dist/index.js` → `voiceable-mock`. */
function packageOf(input) {
  const match = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)
  return match ? match[1] : input.startsWith('dist/') ? 'voiceable-mock' : input
}

function fakerLocalesIn(inputs, repoRoot) {
  const localeDir = join(repoRoot, 'node_modules/@faker-js/faker/dist/locale')
  const locales = readdirSync(localeDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => f.slice(0, -3))
  const files = inputs.filter((i) => i.includes('@faker-js/faker/dist/')).map((i) => basename(i))
  return locales.filter(
    (l) => l !== 'base' && files.some((f) => f === `${l}.js` || f.startsWith(`${l}-`)),
  )
}

/** The inspector's files as the demo server serves them, each minified and gzipped. */
function measureInspector(repoRoot) {
  const dir = join(repoRoot, 'dist/inspector')
  if (!existsSync(join(dir, 'inspector.js')))
    throw new Error('Failed to measure: dist/inspector/ is missing, run `npm run build` first')
  const files = {}
  for (const file of readdirSync(dir).sort()) {
    const bytes = readFileSync(join(dir, file))
    files[file] = { minified: bytes.byteLength, gzipped: gzipSync(bytes, { level: 9 }).byteLength }
  }
  const total = Object.values(files).reduce(
    (sum, size) => ({
      minified: sum.minified + size.minified,
      gzipped: sum.gzipped + size.gzipped,
    }),
    { minified: 0, gzipped: 0 },
  )
  return { files, total }
}

/** Minified and gzipped sizes of both pages, what the library adds, and where its bytes come from. */
export async function measureBundleSizes({ repoRoot = REPO_ROOT } = {}) {
  if (!existsSync(join(repoRoot, 'dist/index.js')))
    throw new Error('Failed to measure: dist/ is missing, run `npm run build` first')
  const baseline = await bundle(PAGES.baseline, repoRoot)
  const withLibrary = await bundle(PAGES.withLibrary, repoRoot)
  // @note Any file of dist/, not dist/index.js itself: with tsup's code splitting, index.js only
  // re-exports from a shared chunk, and esbuild leaves that pass-through file out of the metafile.
  if (!Object.keys(withLibrary.inputs).some((input) => input.startsWith('dist/'))) {
    throw new Error('Failed to measure: voiceable-mock did not resolve to the built dist/')
  }
  const byPackage = {}
  for (const [input, { bytesInOutput }] of Object.entries(withLibrary.inputs)) {
    const name = packageOf(input)
    byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput
  }
  const baselinePackages = new Set(Object.keys(baseline.inputs).map(packageOf))
  const addedPackages = Object.fromEntries(
    Object.entries(byPackage)
      .filter(([name]) => !baselinePackages.has(name))
      .sort(([, a], [, b]) => b - a),
  )
  // @note The inspector never reaches the library's page: no entry of the library imports it.
  const leaked = Object.keys(withLibrary.inputs).filter(
    (input) => input.startsWith('dist/inspector/') || input.includes('/preact/'),
  )
  if (leaked.length > 0)
    throw new Error(
      `Failed to measure: the inspector reached the library's page: ${leaked.join(', ')}`,
    )
  const mswCopies = new Set(
    Object.keys(withLibrary.inputs)
      .map((input) => /^(.*node_modules\/msw)\//.exec(input)?.[1])
      .filter(Boolean),
  )
  return {
    baseline: { minified: baseline.minified, gzipped: baseline.gzipped },
    withLibrary: { minified: withLibrary.minified, gzipped: withLibrary.gzipped },
    added: {
      minified: withLibrary.minified - baseline.minified,
      gzipped: withLibrary.gzipped - baseline.gzipped,
    },
    /** Minified bytes (before gzip) of each package the library brings that the baseline lacks. */
    addedPackagesMinified: addedPackages,
    fakerLocales: fakerLocalesIn(Object.keys(withLibrary.inputs), repoRoot),
    mswCopies: [...mswCopies],
    /** The demo server's inspector page (served by Node only, never in the library's page). */
    inspector: measureInspector(repoRoot),
  }
}

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = await measureBundleSizes()
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(sizes, null, 2))
  } else {
    console.log('page                          minified     gzipped')
    console.log(
      `msw/browser alone             ${kib(sizes.baseline.minified).padStart(10)}  ${kib(sizes.baseline.gzipped).padStart(10)}`,
    )
    console.log(
      `msw/browser + voiceable-mock  ${kib(sizes.withLibrary.minified).padStart(10)}  ${kib(sizes.withLibrary.gzipped).padStart(10)}`,
    )
    console.log(
      `added by voiceable-mock       ${kib(sizes.added.minified).padStart(10)}  ${kib(sizes.added.gzipped).padStart(10)}`,
    )
    console.log('\nadded packages (minified, before gzip):')
    for (const [name, bytes] of Object.entries(sizes.addedPackagesMinified))
      console.log(`  ${name.padEnd(26)} ${kib(bytes).padStart(10)}`)
    console.log(`\nfaker locales in the page: ${sizes.fakerLocales.join(', ') || '(none)'}`)
    console.log(`msw copies in the page: ${sizes.mswCopies.join(', ')}`)
    console.log(
      '\ninspector (dist/inspector/, served by the demo server only; not in the page above):',
    )
    for (const [file, size] of Object.entries(sizes.inspector.files))
      console.log(
        `  ${file.padEnd(26)} ${kib(size.minified).padStart(10)}  ${kib(size.gzipped).padStart(10)}`,
      )
    console.log(
      `  ${'total'.padEnd(26)} ${kib(sizes.inspector.total.minified).padStart(10)}  ${kib(sizes.inspector.total.gzipped).padStart(10)}`,
    )
  }
}
