// The library's demo server (voiceable-mock/node), on a free loopback port.
import { startMockServer } from '../../dist/node.js'
import { announce } from './control.mjs'

// A huge limit keeps the rate-limit code and headers but never answers 429 under load.
const server = await startMockServer({
  port: 0,
  host: '127.0.0.1',
  log: false,
  rateLimit: { limit: 1_000_000_000 },
})
announce(server.baseUrl, () => server.close())
