import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ENDPOINTS } from '../../resources/index.js'
import { startMockServer, type MockServer } from '../mock-server.js'
import { verifyBackend, VerifyError } from './verify.js'

// verifyBackend against the demo server, which answers as the fake does: no difference, with
// --write too, and nothing left behind. Drift is shown by test/server/verify.test.ts, through a
// proxy that changes the demo server's answers.

vi.setConfig({ testTimeout: 30_000 })

const API_KEY = 'your-api-key-here'
/** A demo server of its own for each test. */
let server: MockServer

beforeEach(async () => {
  server = await startMockServer({ port: 0 })
})

afterEach(() => server.close())

function records() {
  const { api_keys, agents, users } = server.mock.snapshot() as unknown as Record<string, unknown>
  return { api_keys, agents, users }
}

describe('verifyBackend against the demo server', () => {
  it('finds no difference, and reaches every endpoint of the table', async () => {
    const result = await verifyBackend({ baseUrl: server.baseUrl, apiKey: API_KEY })
    expect(result.findings).toEqual([])
    expect(result).toMatchObject({ write: false, rateLimited: [], notChecked: [], leftBehind: [] })
    const reached = new Set(result.requests.map((request) => request.endpoint))
    expect(ENDPOINTS.filter((endpoint) => !reached.has(endpoint.name))).toEqual([])
    // Reads only: nothing the caller's key could change was answered 2xx.
    expect(server.mock.journal.count({ status: 201 })).toBe(0)
    for (const entry of server.mock.journal.entries())
      if (entry.method !== 'GET' && entry.userId !== null) expect(entry.status).toBe(404)
  })

  it('with write, creates, reads back, updates and deletes its own key and agent, and leaves nothing behind', async () => {
    const before = records()
    const progress: string[] = []
    const result = await verifyBackend({
      baseUrl: `${server.url}/voiceable-api/`,
      apiKey: API_KEY,
      write: true,
      onProgress: (line) => progress.push(line),
    })
    expect(result.findings).toEqual([])
    expect(result.leftBehind).toEqual([])
    expect(progress[0]).toBe('--write: creates, reads back, updates and deletes:')
    expect(progress).toHaveLength(3)
    expect(records()).toEqual(before)
    const journal = server.mock.journal
    for (const endpoint of ['createApiKey', 'createAgent'] as const)
      expect(journal.entries({ endpoint, status: 201 })).toHaveLength(1)
    for (const endpoint of ['updateApiKey', 'deleteApiKey', 'updateAgent', 'deleteAgent'] as const)
      expect(journal.entries({ endpoint, status: 200 })).toHaveLength(1)
    expect(result.requests.at(-1)?.label).toMatch(/^GET \/agents\/\d+ \(deleted\)$/)
  })

  it('names what it may have left behind when the backend stops answering during --write', async () => {
    const flaky: typeof fetch = (input, init) =>
      init?.method === 'POST' &&
      new Headers(init.headers).get('X-API-Key') === API_KEY &&
      (input as string).endsWith('/api_keys')
        ? Promise.reject(new TypeError('fetch failed', { cause: new Error('socket hang up') }))
        : fetch(input, init)
    const failure = await verifyBackend({
      baseUrl: server.baseUrl,
      apiKey: API_KEY,
      write: true,
      fetch: flaky,
    }).catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(VerifyError)
    expect(failure).toMatchObject({
      reason: 'unreachable',
      message: `cannot reach ${server.baseUrl}: POST /api_keys failed: socket hang up`,
      leftBehind: [
        expect.stringMatching(
          /^perhaps an API key named "voiceable-mock verify \S+Z" \(POST \/api_keys got no answer\)$/,
        ),
      ],
    })
  })

  it('refuses bad options with a TypeError that never repeats the key', async () => {
    await expect(verifyBackend({ baseUrl: 'ftp://x/api/v1', apiKey: 'a key' })).rejects.toThrow(
      new TypeError(
        "Failed to verify: baseUrl must be an http(s) URL with the API prefix, got 'ftp://x/api/v1'; apiKey must be an API key: not empty, no spaces, got a string of 5 characters",
      ),
    )
    await expect(
      verifyBackend({ baseUrl: 'https://api.voiceable.dev/', apiKey: 'k' }),
    ).rejects.toThrow(
      'baseUrl must end with the API prefix: /voiceable-api (the real backend) or /api/v1 (as documented)',
    )
  })

  it('ends with a VerifyError when the key is refused or there is no API at the base URL', async () => {
    await expect(
      verifyBackend({ baseUrl: server.baseUrl, apiKey: 'sk_live_wrongwrongwrong' }),
    ).rejects.toMatchObject({
      name: 'VerifyError',
      reason: 'refused',
      message:
        'the backend refused the API key (GET /api_keys answered 401): give a valid private key of a test account',
    })
    await expect(
      verifyBackend({ baseUrl: `${server.url}/api/v2`, apiKey: API_KEY }),
    ).rejects.toMatchObject({
      reason: 'not-api',
    })
  })
})
