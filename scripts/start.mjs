#!/usr/bin/env node
// `npm start [-- flags]`: the demo server from dist/cli.js, with the flags passed through. dist/ is
// used as it is when it is current; otherwise only its JavaScript is rebuilt (about 2 s; the
// declarations are for TypeScript consumers, and the server does not need them).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { build, distState, ROOT } from './lib/dist.mjs'

const CLI = join(ROOT, 'dist', 'cli.js')
const { js } = distState()
if (js !== 'current') {
  const startedAt = Date.now()
  process.stderr.write(`voiceable-mock: dist/ is ${js}; building its JavaScript (no declarations)…`)
  build({ types: false })
  process.stderr.write(` done in ${((Date.now() - startedAt) / 1000).toFixed(1)}s\n`)
}
// The bin reads its flags from process.argv, as when run as `npx voiceable-mock`.
process.argv = [process.argv[0] ?? process.execPath, CLI, ...process.argv.slice(2)]
await import(pathToFileURL(CLI).href)
