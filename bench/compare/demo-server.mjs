// The demo server of the build whose dist/ folder is the argument, on a free loopback port,
// for bench/compare-builds.mjs (bench/servers/demo.mjs is the same for this repo's own dist/).
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { announce } from '../servers/control.mjs'

const { startMockServer } = await import(pathToFileURL(join(process.argv[2], 'node.js')).href)
// A huge limit keeps the rate-limit code and headers but never answers 429 under load.
const server = await startMockServer({
  port: 0,
  host: '127.0.0.1',
  log: false,
  rateLimit: { limit: 1_000_000_000 },
})
announce(server.baseUrl, () => server.close())
