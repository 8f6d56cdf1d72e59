import { afterEach, expect, it, vi } from 'vitest'
import { startServer, type MockServer } from './support.js'

// Integrations over the demo server's real HTTP, and through its control API: the snapshot keeps
// their secrets (a restored server still has the credentials), the journal never shows them.

vi.setConfig({ testTimeout: 20_000 })

const AUTH = { 'X-API-Key': 'your-api-key-here', 'Content-Type': 'application/json' }
const started: MockServer[] = []

afterEach(async () => {
  await Promise.all(started.splice(0).map((server) => server.close()))
})

async function start(): Promise<MockServer> {
  const server = await startServer()
  started.push(server)
  return server
}

async function send(server: MockServer, method: string, path: string, body?: unknown) {
  const response = await fetch(`${server.baseUrl}${path}`, {
    method,
    headers: AUTH,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return { status: response.status, body: await response.json() }
}

const control = async (server: MockServer, method: string, path: string, body?: unknown) => {
  const response = await fetch(`${server.url}/__voiceable${path}`, {
    method,
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  return await response.json()
}

it('serves integrations, keeps their secrets in the control snapshot and out of the journal', async () => {
  const server = await start()
  expect((await send(server, 'GET', '/integrations/schemas')).body.data[0].type).toBe('elevenlabs')
  const created = await send(server, 'POST', '/integrations', {
    integration: { integration_type: 'openai', config: { api_key: 'sk-proj-server_secret' } },
  })
  expect(created.status).toBe(201)
  expect(created.body.data.config).toEqual({ api_key: '***' })
  const updated = await send(server, 'PATCH', '/integrations/openai', {
    integration: { config: { api_key: '***' } },
  })
  expect(updated.body.data.updated_at).toBe(created.body.data.updated_at)

  const snapshot = await control(server, 'GET', '/snapshot')
  expect(snapshot.integrations).toContainEqual(
    expect.objectContaining({
      integration_type: 'openai',
      config: { api_key: 'sk-proj-server_secret' },
    }),
  )
  const journal = JSON.stringify(await control(server, 'GET', '/journal'))
  expect(journal).toContain('"integrationType":"openai"')
  expect(journal).not.toContain('server_secret')

  const other = await start()
  await control(other, 'PUT', '/snapshot', snapshot)
  expect((await send(other, 'GET', '/integrations/openai')).body.data).toEqual(created.body.data)
  expect((await send(other, 'DELETE', '/integrations/openai')).body).toEqual({
    status: { code: 200, message: 'Integration deleted successfully' },
  })
  expect((await send(other, 'GET', '/integrations/openai')).status).toBe(404)
})
