// The Node entry: `startMockServer` from voiceable-mock/node serves the fake over real HTTP on
// loopback, and `connectMockServer` reaches its control API. Exits non-zero on the first failed check.
import assert from 'node:assert/strict'
import { connectMockServer, startMockServer } from 'voiceable-mock/node'
import { checkApiKeys } from './checks.mjs'

const server = await startMockServer({ port: 0 })
try {
  assert.match(server.baseUrl, /^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/)
  await checkApiKeys(server.baseUrl)
  // The handle's `mock` is the fake behind the server: it saw the three requests.
  assert.equal(server.mock.journal.count(), 3)
  // The same journal over the control API, and a session of its own that saw nothing.
  assert.equal(await server.control.journal.count(), 3)
  assert.equal(await connectMockServer(server.url, { session: 'consumer' }).journal.count(), 0)
  console.log(`node-entry: 5 checks passed against ${server.baseUrl}`)
} finally {
  await server.close()
}
