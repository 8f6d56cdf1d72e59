import { getResponse } from 'msw'
import { createVoiceableMock, type VoiceableMock, type VoiceableMockOptions } from 'voiceable-mock'
import { onTestFinished } from 'vitest'
import { assertJournalWireFormat } from './wire-format.js'

export const BASE_URL = 'https://api.example.com/api/v1'
export const DOCUMENTED_KEY = 'your-api-key-here'

/**
 * A mock for one test. When the test finishes, every response it produced is parsed with its
 * wire schema; `reset()` checks the responses so far before it clears the journal.
 */
export function createTestMock(options: VoiceableMockOptions = {}): VoiceableMock {
  const mock = createVoiceableMock(options)
  const reset = mock.reset.bind(mock)
  onTestFinished(() => assertJournalWireFormat(mock))
  return Object.assign(mock, {
    reset() {
      assertJournalWireFormat(mock)
      reset()
    },
  })
}

export interface CallOptions {
  /** Sent as `X-API-Key`. Default: the documented key; `null` sends no credential. */
  apiKey?: string | null
  /** Sent as `Authorization: Bearer <token>` (API key or JWT). */
  bearer?: string
  headers?: Record<string, string>
  /** Sent as JSON with `Content-Type: application/json` unless `headers` sets another type. */
  json?: unknown
  /** Sent as-is. */
  body?: string
  /** Sent as `multipart/form-data` (the boundary chosen by `Request`). */
  form?: FormData
  baseUrl?: string
}

export interface CallResult {
  status: number
  headers: Headers
  text: string
  body: any
}

/**
 * Sends one request straight to the handlers through msw's `getResponse`: no server.
 * @example const { status, body } = await call(mock, 'GET /api_keys/1')
 */
export async function call(
  mock: VoiceableMock,
  route: string,
  options: CallOptions = {},
): Promise<CallResult> {
  const [method, path] = route.split(' ') as [string, string]
  const headers = new Headers(options.headers)
  const apiKey =
    options.apiKey === undefined && options.bearer === undefined ? DOCUMENTED_KEY : options.apiKey
  if (apiKey !== undefined && apiKey !== null) headers.set('X-API-Key', apiKey)
  if (options.bearer !== undefined) headers.set('Authorization', `Bearer ${options.bearer}`)
  let body = options.body
  // GET and HEAD cannot carry a body; tables that send one body to every endpoint rely on this.
  if (options.json !== undefined && method !== 'GET' && method !== 'HEAD') {
    body = JSON.stringify(options.json)
    if (!headers.has('content-type')) headers.set('Content-Type', 'application/json')
  }
  const response = await getResponse(
    mock.handlers,
    new Request(`${options.baseUrl ?? BASE_URL}${path}`, {
      method,
      headers,
      body: options.form ?? body ?? null,
    }),
  )
  if (response === undefined) throw new Error(`No handler answered ${route}`)
  const text = await response.text()
  return {
    status: response.status,
    headers: response.headers,
    text,
    body:
      text === '' || !(response.headers.get('content-type') ?? '').includes('json')
        ? undefined
        : JSON.parse(text),
  }
}
