import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { startMockServer, type MockServer } from 'voiceable-mock/node'
import { REPO_ROOT } from '../support/cli-process.js'
import { countCheckedResponses } from '../support/openapi-responses.js'

vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 })

const DEV_ORIGIN = 'http://localhost:5173'
const shipped = JSON.parse(readFileSync(`${REPO_ROOT}dist/openapi.json`, 'utf8'))

let server: MockServer

beforeAll(async () => {
  server = await startMockServer()
})

afterAll(async () => {
  await server.close()
})

it("serves the package's OpenAPI document at /__voiceable/openapi.json, its servers this server's base URLs", async () => {
  const journaled = server.mock.journal.count()
  const response = await fetch(`${server.url}/__voiceable/openapi.json`)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8')
  const document = await response.json()
  expect(document.servers).toEqual([
    { url: server.baseUrl, description: 'This demo server, under /api/v1' },
    { url: `${server.url}/voiceable-api`, description: 'This demo server, under /voiceable-api' },
  ])
  expect({ ...document, servers: shipped.servers }).toEqual(shipped)
  // Neither rate-counted nor journaled: the document is the server's, not the API's.
  expect(response.headers.get('x-ratelimit-limit')).toBeNull()
  expect(server.mock.journal.count()).toBe(journaled)
})

it('names the origin the request named in Host, as a client behind a port mapping reached it', async () => {
  const { port } = new URL(server.url)
  const body = await new Promise<string>((resolve, reject) => {
    const outgoing = request(
      { port, path: '/__voiceable/openapi.json', headers: { Host: 'localhost:8080' } },
      (incoming) => {
        let text = ''
        incoming.setEncoding('utf8').on('data', (chunk: string) => (text += chunk))
        incoming.on('end', () => resolve(text))
      },
    )
    outgoing.on('error', reject).end()
  })
  expect(JSON.parse(body).servers.map((entry: { url: string }) => entry.url)).toEqual([
    'http://localhost:8080/api/v1',
    'http://localhost:8080/voiceable-api',
  ])
})

it('is public: a page on another origin reads it with CORS, and its preflight is answered', async () => {
  const response = await fetch(`${server.url}/__voiceable/openapi.json`, {
    headers: { Origin: DEV_ORIGIN },
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN)
  const preflight = await fetch(`${server.url}/__voiceable/openapi.json`, {
    method: 'OPTIONS',
    headers: { Origin: DEV_ORIGIN, 'Access-Control-Request-Method': 'GET' },
  })
  expect(preflight.status).toBe(204)
  expect(preflight.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN)
})

it('answers HEAD with the headers alone, and 405 to other methods', async () => {
  const head = await fetch(`${server.url}/__voiceable/openapi.json`, { method: 'HEAD' })
  expect(head.status).toBe(200)
  expect(Number(head.headers.get('content-length'))).toBeGreaterThan(10_000)
  expect(await head.text()).toBe('')
  const post = await fetch(`${server.url}/__voiceable/openapi.json`, { method: 'POST' })
  expect(post.status).toBe(405)
  expect(post.headers.get('allow')).toBe('GET, HEAD')
  expect((await post.json()).error).toBe('method_not_allowed')
})

it('describes exactly the operations the server answers: each documented success status is served', async () => {
  const response = await fetch(`${server.url}/__voiceable/openapi.json`)
  const document = await response.json()
  const listed = await fetch(`${document.servers[0].url}/api_keys/1`, {
    headers: { 'X-API-Key': 'your-api-key-here' },
  })
  expect(listed.status).toBe(200)
  expect(Object.keys(document.paths['/api_keys/{keyId}'].get.responses)).toContain('200')
})

it('has the responses of the server it started checked against the document too', async () => {
  const before = countCheckedResponses()
  await fetch(`${server.baseUrl}/api_keys`, { headers: { 'X-API-Key': 'your-api-key-here' } })
  expect(countCheckedResponses() - before).toBe(1)
})

it('is the one public route under /__voiceable/: no token, an Origin welcome, with the control API off too', async () => {
  const guarded = await startMockServer({ controlToken: 'sesame-123' })
  const off = await startMockServer({ control: false })
  try {
    const page = { Origin: DEV_ORIGIN }
    // A page's request to a control route is refused; to the document it is answered, with CORS.
    expect((await fetch(`${guarded.url}/__voiceable/journal`, { headers: page })).status).toBe(403)
    const read = await fetch(`${guarded.url}/__voiceable/openapi.json`, { headers: page })
    expect(read.status).toBe(200)
    expect(read.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN)
    // A wrong control token does not matter to it either.
    const wrongToken = { Authorization: 'Bearer not-the-token' }
    expect(
      (await fetch(`${guarded.url}/__voiceable/openapi.json`, { headers: wrongToken })).status,
    ).toBe(200)
    // With the control API off, its routes are the API's 404, and the document is still served.
    expect((await fetch(`${off.url}/__voiceable/journal`)).status).toBe(404)
    const served = await fetch(`${off.url}/__voiceable/openapi.json`)
    expect(served.status).toBe(200)
    expect((await served.json()).servers[0].url).toBe(off.baseUrl)
  } finally {
    await Promise.all([guarded.close(), off.close()])
  }
})
