import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { startMockServer, type MockServer } from 'voiceable-mock/node'

vi.setConfig({ testTimeout: 20_000, hookTimeout: 20_000 })

/** A Vite dev server's origin, as the Voiceable web client runs in development. */
const DEV_ORIGIN = 'http://localhost:5173'

let server: MockServer

beforeAll(async () => {
  server = await startMockServer()
})

afterAll(async () => {
  await server.close()
})

function splitList(value: string | null): string[] {
  return (value ?? '')
    .split(',')
    .map((item) => item.trim().toLowerCase())
    .filter(Boolean)
}

it('answers a preflight from a dev app on another origin with credentials allowed', async () => {
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    method: 'OPTIONS',
    headers: {
      Origin: DEV_ORIGIN,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type, x-api-key',
    },
  })
  expect(response.status).toBe(204)
  expect(response.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN)
  expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  // Exactly the routed methods: HEAD for every GET, PATCH for every PUT with an id.
  expect(splitList(response.headers.get('access-control-allow-methods'))).toEqual([
    'get',
    'head',
    'post',
    'put',
    'patch',
    'delete',
  ])
  expect(splitList(response.headers.get('access-control-allow-headers'))).toEqual(
    expect.arrayContaining(['x-api-key', 'authorization', 'content-type']),
  )
  expect(splitList(response.headers.get('vary'))).toContain('origin')
  expect(await response.text()).toBe('')
})

it('allows a header the page asks for beyond the credential headers', async () => {
  const response = await fetch(`${server.baseUrl}/api_keys/1`, {
    method: 'OPTIONS',
    headers: {
      Origin: DEV_ORIGIN,
      'Access-Control-Request-Method': 'PUT',
      'Access-Control-Request-Headers': 'x-request-id',
    },
  })
  expect(splitList(response.headers.get('access-control-allow-headers'))).toEqual(
    expect.arrayContaining(['x-request-id', 'x-api-key', 'authorization', 'content-type']),
  )
})

it('reflects the Origin on the actual request and exposes the rate-limit headers', async () => {
  const response = await fetch(`${server.baseUrl}/api_keys/1`, {
    headers: { Origin: DEV_ORIGIN, 'X-API-Key': 'your-api-key-here' },
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN)
  expect(response.headers.get('access-control-allow-credentials')).toBe('true')
  expect(splitList(response.headers.get('access-control-expose-headers'))).toEqual(
    expect.arrayContaining(['x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']),
  )
})

it('adds the CORS headers to error responses too, so the page can read the envelope', async () => {
  const response = await fetch(`${server.baseUrl}/api_keys/1`, { headers: { Origin: DEV_ORIGIN } })
  expect(response.status).toBe(401)
  expect(response.headers.get('access-control-allow-origin')).toBe(DEV_ORIGIN)
  expect((await response.json()).error).toBe('unauthorized')
})

it('sends no Allow-Origin to a request without an Origin', async () => {
  const response = await fetch(`${server.baseUrl}/api_keys/1`, {
    headers: { 'X-API-Key': 'your-api-key-here' },
  })
  expect(response.headers.get('access-control-allow-origin')).toBeNull()
})

it("answers an OPTIONS that is not a preflight with the API's 404 envelope", async () => {
  const response = await fetch(`${server.baseUrl}/api_keys`, { method: 'OPTIONS' })
  expect(response.status).toBe(404)
  expect((await response.json()).error).toBe('route_not_found')
})

it('lets a dev app on another origin switch the scenario with its header', async () => {
  const preflight = await fetch(`${server.baseUrl}/api_keys`, {
    method: 'OPTIONS',
    headers: {
      Origin: DEV_ORIGIN,
      'Access-Control-Request-Method': 'GET',
      'Access-Control-Request-Headers': 'x-voiceable-mock-scenario, x-api-key',
    },
  })
  expect(splitList(preflight.headers.get('access-control-allow-headers'))).toContain(
    'x-voiceable-mock-scenario',
  )
  const many = await fetch(`${server.baseUrl}/api_keys`, {
    headers: {
      Origin: DEV_ORIGIN,
      'X-API-Key': 'your-api-key-here',
      'X-Voiceable-Mock-Scenario': 'many-keys',
    },
  })
  expect((await many.json()).data.length).toBeGreaterThan(1)
  // Back to the documented data for the other tests, which share this server.
  await fetch(`${server.baseUrl}/api_keys`, {
    headers: { 'X-API-Key': 'your-api-key-here', 'X-Voiceable-Mock-Scenario': 'documented' },
  })
})
