// The library's demo server (voiceable-mock/node), on a free loopback port. Prints its base URL
// as one JSON line, then serves until stdin closes.
import { startMockServer } from '../../dist/node.js'

// A huge limit keeps the rate-limit code and headers but never answers 429 under load.
const server = await startMockServer({ port: 0, host: '127.0.0.1', log: false, rateLimit: { limit: 1_000_000_000 } })
process.stdout.write(`${JSON.stringify({ base: server.baseUrl })}\n`)
process.stdin.resume()
process.stdin.on('end', () => server.close())
