// The Node entry: `startMockServer` from voiceable-mock/node serves the fake over real HTTP on
// loopback. Exits non-zero on the first failed check.
import { startMockServer } from 'voiceable-mock/node'
import { checkApiKeys, findBaseUrl } from './checks.mjs'

if (typeof startMockServer !== 'function') throw new TypeError('voiceable-mock/node exports no startMockServer function')
const server = await startMockServer({ port: 0, host: '127.0.0.1' })
try {
  // The handle names its address; accept the spellings a server handle commonly uses.
  const announced = [server.baseUrl, server.url, server.origin, String(server.url ?? '')].filter((value) => typeof value === 'string').join(' ')
  const base = findBaseUrl(announced)
  if (base === undefined) throw new Error(`Failed to find the server's URL in ${JSON.stringify(Object.keys(server))}`)
  await checkApiKeys(base)
  console.log(`node-entry: 3 checks passed against ${base}`)
} finally {
  await (server.close ?? server.stop).call(server)
}
