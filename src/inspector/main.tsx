/**
 * The inspector: the demo server's page at `/__voiceable/` (every request, the data and the
 * controls, live). Bundled with Preact into `dist/inspector/` by `scripts/build-inspector.mjs`;
 * served by the Node server only, never part of the library's browser bundle.
 */
import { render } from 'preact'
import { App } from './app.js'

const root = document.getElementById('app')
if (root !== null) render(<App />, root)
