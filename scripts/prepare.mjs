#!/usr/bin/env node
// npm's `prepare` script: builds dist/ (JavaScript, declarations, OpenAPI document) when it is
// missing or older than the sources, and does nothing when it is current. npm runs it after
// `npm install`/`npm ci` here, before `npm pack`, and when a project installs this package from
// git (`npm install git+https://…`) or from a folder with --install-links: the package ships
// dist/, which is not in git. It writes to stderr only: `npm pack --json` prints JSON on stdout.
import { build, distState } from './lib/dist.mjs'

const state = distState()
if (state.js === 'current' && state.types === 'current') {
  console.error('voiceable-mock: dist/ is current, nothing to build')
} else {
  const startedAt = Date.now()
  console.error('voiceable-mock: building dist/ (JavaScript, declarations, openapi.json)…')
  build()
  console.error(`voiceable-mock: built dist/ in ${((Date.now() - startedAt) / 1000).toFixed(1)}s`)
}
