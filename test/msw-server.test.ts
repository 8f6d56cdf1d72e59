import { createServer } from 'node:net'
import { expect, it } from 'vitest'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE } from 'voiceable-mock'
import { startMswServer } from './support/msw-server.js'

// Each test starts and closes its own server; they never overlap, since closing any msw server
// restores the globals that every server in the process patched.

/** A loopback port that nothing listens on: taken from the OS, then released. */
async function closedPort(): Promise<number> {
  const probe = createServer()
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve))
  const address = probe.address()
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  if (address === null || typeof address === 'string')
    throw new Error('Failed to pick a port: no TCP address')
  return address.port
}

it('tolerates a second close()', () => {
  const server = startMswServer([])

  server.close()
  expect(() => server.close()).not.toThrow()
})

it('stops answering with the fake once closed', async () => {
  const base = `http://127.0.0.1:${await closedPort()}/api/v1`
  const mock = createVoiceableMock({ baseUrl: base })
  const server = startMswServer(mock.handlers)
  const init = { headers: { 'X-API-Key': DOCUMENTED_KEY_VALUE } }

  const before = await fetch(`${base}/api_keys/1`, init)
  server.close()

  expect(before.status).toBe(200)
  // Nothing listens on the port, so the real request is refused.
  await expect(fetch(`${base}/api_keys/1`, init)).rejects.toThrow(TypeError)
})
