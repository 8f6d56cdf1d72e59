// Compiled with tsc --strict, then run with node: exits non-zero on the first failed check.
import { setupServer } from 'msw/node'
import {
  createVoiceableMock,
  type ApiKeyResponse,
  type CreateApiKeyResponse,
  type ErrorResponse,
  type VoiceableMockOptions,
} from 'voiceable-mock'
import type { MockServer, StartMockServerOptions } from 'voiceable-mock/node'
import { deepStrictEqual, ok, strictEqual } from 'node:assert/strict'

const BASE = 'https://api.example.com/api/v1'
const DOCUMENTED: ApiKeyResponse = {
  status: { code: 200, message: 'Success' },
  data: {
    id: 1,
    key_type: 'private',
    name: 'Production API Key',
    key_value: null,
    allowed_origins: ['https://example.com'],
    allowed_assistants: ['123'],
    transient_assistant: false,
    user_id: 1,
    user_email: 'user@example.com',
    created_at: '2024-01-10T08:00:00Z',
    updated_at: '2024-01-10T08:00:00Z',
  },
}

// The public types are live, not `any`: a misspelled option does not compile.
// @ts-expect-error `sed` is not an option (`seed` is)
const misspelled: VoiceableMockOptions = { sed: 1 }
void misspelled
// The ./node entry's types resolve too, and carry the root's options.
const serverOptions: StartMockServerOptions = { port: 0, seed: 2, scenario: 'empty' }
type ServerBaseUrl = MockServer['baseUrl']
const serverBaseUrl: ServerBaseUrl = 'http://127.0.0.1:3000/api/v1'
void [serverOptions, serverBaseUrl]

const mock = createVoiceableMock()
const server = setupServer(...mock.handlers)
const listenOptions = { onUnhandledRequest: 'error', onUnhandledFrame: 'error' } as const
server.listen(listenOptions)

try {
  const read = await fetch(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': 'your-api-key-here' } })
  strictEqual(read.status, 200)
  deepStrictEqual((await read.json()) as ApiKeyResponse, DOCUMENTED)

  const created = await fetch(`${BASE}/api_keys`, {
    method: 'POST',
    headers: { 'X-API-Key': 'your-api-key-here', 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key: { name: 'Consumer key', key_type: 'private' } }),
  })
  strictEqual(created.status, 201)
  const createdBody = (await created.json()) as CreateApiKeyResponse
  const secret: string = createdBody.data.key_value
  ok(secret.length > 0, 'create returns the new key_value')

  const denied = await fetch(`${BASE}/api_keys/1`, { headers: { 'X-API-Key': 'not-a-key' } })
  strictEqual(denied.status, 401)
  strictEqual(((await denied.json()) as ErrorResponse).error, 'unauthorized')
  console.log('esm-tsc: 3 checks passed')
} finally {
  server.close()
}
