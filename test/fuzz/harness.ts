/**
 * What every fuzz suite shares: the run count and seed, one world (the `documented` store plus
 * another user's marked records and distinctive secrets) on each transport that carries the API
 * (msw, `mock.fetch`, the demo server), and the properties every answer must have: no 5xx but an
 * injected fault, no stack trace, no secret and no other user's data, in the answer or in the
 * journal entries it made.
 */
import { readFileSync } from 'node:fs'
import { getResponse } from 'msw'
import { expect } from 'vitest'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE, type VoiceableMock } from 'voiceable-mock'
import { startMockServer, type MockServer } from 'voiceable-mock/node'
import { sendHttp } from '../server/support.js'

/** Runs per property: modest in `npm test`; `FUZZ_RUNS=5000 npx vitest run test/fuzz` for a long run. */
export const FUZZ_RUNS = Number(process.env['FUZZ_RUNS'] ?? 30)
/** The seed of every property: a failure replays with the same `FUZZ_SEED`. */
export const FUZZ_SEED = Number(process.env['FUZZ_SEED'] ?? 29)
/** fast-check's parameters, seeded and bounded; `scale` shrinks a costly property's share. */
export function fuzzParameters(scale = 1): { seed: number; numRuns: number; endOnFailure: true } {
  return {
    seed: FUZZ_SEED,
    numRuns: Math.max(1, Math.round(FUZZ_RUNS * scale)),
    endOnFailure: true,
  }
}

/** A property's time limit, growing with its runs (a long `FUZZ_RUNS` run must not time out). */
export function fuzzTimeout(scale = 1): number {
  return Math.max(120_000, Math.round(FUZZ_RUNS * scale) * 3 * 200)
}

export const IN_PROCESS_ORIGIN = 'https://api.example.com'
export const BASE_PATH = '/api/v1'
/** The caller of every fuzzed request: user 1, by the documented key. */
export const CALLER_KEY = DOCUMENTED_KEY_VALUE

/** A JSON-serialisable record of what the fuzz sent, for the failure message. */
export interface FuzzRequest {
  method: string
  /** Below the origin, e.g. `/api/v1/agents?cursor=…`. */
  path: string
  headers: [string, string][]
  body?: string | Uint8Array | undefined
}

export interface FuzzAnswer {
  status: number
  text: string
}

export interface FuzzTarget {
  readonly name: 'msw' | 'mock.fetch' | 'demo server'
  readonly mock: VoiceableMock
  send(request: FuzzRequest): Promise<FuzzAnswer>
  close(): Promise<void>
}

/** Marks the other user's records: any answer to user 1 that holds it leaks their data. */
export const OTHER_USER_MARKER = 'zz-other-users-record-zz'
/** A password no message could hold by chance. */
export const DISTINCT_PASSWORD = 'pw-fuzz-Qx7!vT2#kL9'
const OTHER_SECRET = 'sk_other_users_fuzz_secret_4f1e'

/** Every field name the integration catalogue marks secret. */
export const SECRET_FIELDS: readonly string[] = [
  ...new Set(
    (
      JSON.parse(
        readFileSync(
          new URL('../../src/resources/integrations/catalogue.json', import.meta.url),
          'utf8',
        ),
      ) as { types: { secrets: string[] }[] }
    ).types.flatMap((type) => type.secrets),
  ),
]

/** The integration types of the catalogue, with their fields. */
export const INTEGRATION_TYPES = (
  JSON.parse(
    readFileSync(
      new URL('../../src/resources/integrations/catalogue.json', import.meta.url),
      'utf8',
    ),
  ) as { types: { type: string; secrets: string[]; schema: { fields: Record<string, unknown> } }[] }
).types.map((type) => ({
  type: type.type,
  secrets: type.secrets,
  fields: Object.keys(type.schema.fields),
}))

/**
 * Adds to a `documented` store what the properties look for: another user's records carrying
 * `OTHER_USER_MARKER`, an integration secret of theirs, a user with a distinctive password.
 */
export function arrangeWorld(mock: VoiceableMock): void {
  const { store } = mock
  store.createUser({ email: 'fuzz-pw@example.com', password: DISTINCT_PASSWORD })
  store.createAgent(2, { name: OTHER_USER_MARKER })
  store.createApiKey(2, { name: OTHER_USER_MARKER, key_type: 'private' })
  if (store.getIntegration(2, 'openai') === undefined)
    store.createIntegration(2, { integration_type: 'openai', config: { api_key: OTHER_SECRET } })
}

/** Texts that must never reach user 1: secrets of anyone, and other users' data. */
export function forbiddenTexts(mock: VoiceableMock): { secrets: string[]; othersData: string[] } {
  const snapshot = mock.snapshot()
  const secrets = new Set<string>([snapshot.token_secret, DISTINCT_PASSWORD])
  for (const key of snapshot.api_keys) if (key.key_value.length >= 8) secrets.add(key.key_value)
  for (const record of snapshot.integrations)
    for (const [field, value] of Object.entries(record.config as Record<string, unknown>))
      if (SECRET_FIELDS.includes(field) && typeof value === 'string' && value.length >= 8)
        secrets.add(value)
  const othersData = new Set<string>([OTHER_USER_MARKER])
  for (const user of snapshot.users) if (user.id !== 1) othersData.add(user.email)
  for (const conversation of snapshot.conversations)
    if (conversation.user_id !== 1) othersData.add(conversation.id)
  return { secrets: [...secrets], othersData: [...othersData] }
}

/** A line of a stack trace, from V8 or from any source file. */
const STACK_TRACE =
  /\n\s+at |\bat (?:async )?\S+ \(|(?:file:\/\/|node:internal|\/src\/|\/dist\/)\S*:\d+:\d+/

function mswTarget(): FuzzTarget {
  const mock = createVoiceableMock()
  arrangeWorld(mock)
  return {
    name: 'msw',
    mock,
    async send(request) {
      const response = await getResponse(
        mock.handlers,
        new Request(`${IN_PROCESS_ORIGIN}${request.path}`, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body as BodyInit }),
        }),
      )
      if (response === undefined || response.type === 'error') return { status: 0, text: '' }
      return { status: response.status, text: await response.text() }
    },
    close: () => Promise.resolve(),
  }
}

function fetchTarget(): FuzzTarget {
  const mock = createVoiceableMock()
  arrangeWorld(mock)
  return {
    name: 'mock.fetch',
    mock,
    async send(request) {
      try {
        const response = await mock.fetch(`${IN_PROCESS_ORIGIN}${request.path}`, {
          method: request.method,
          headers: request.headers,
          ...(request.body === undefined ? {} : { body: request.body as BodyInit }),
        })
        return { status: response.status, text: await response.text() }
      } catch (error) {
        if (error instanceof TypeError && error.message === 'Failed to fetch')
          return { status: 0, text: '' }
        throw error
      }
    },
    close: () => Promise.resolve(),
  }
}

async function serverTarget(): Promise<FuzzTarget> {
  const server: MockServer = await startMockServer({ port: 0, host: '127.0.0.1' })
  arrangeWorld(server.mock)
  return {
    name: 'demo server',
    mock: server.mock,
    async send(request) {
      const answer = await sendHttp(`${server.url}${request.path}`, {
        method: request.method,
        headers: request.headers,
        ...(request.body === undefined ? {} : { body: request.body }),
        timeoutMs: 10_000,
      })
      return { status: answer.status, text: answer.text }
    },
    close: () => server.close(),
  }
}

/** The three transports of the API, each over a world of its own. */
export async function apiTargets(): Promise<FuzzTarget[]> {
  return [mswTarget(), fetchTarget(), await serverTarget()]
}

/** What a property says about a case: `injected`, a status a fault of the case answers. */
export interface Expectation {
  injected?: number | undefined
  /** Texts the case itself sent that may be echoed (e.g. a name it gave). */
  echoable?: readonly string[]
}

function describe(target: FuzzTarget, request: FuzzRequest, answer: FuzzAnswer): string {
  const body =
    request.body === undefined
      ? ''
      : typeof request.body === 'string'
        ? request.body.slice(0, 300)
        : `${request.body.byteLength} bytes`
  return `${target.name}: ${request.method} ${request.path.slice(0, 300)} ${body} -> ${answer.status} ${answer.text.slice(0, 300)}`
}

/**
 * Sends `request` through `target` and checks the answer and the journal entries it added.
 * `forbidden` is taken before the request (secrets it creates are the caller's to see once).
 */
export async function sendAndCheck(
  target: FuzzTarget,
  request: FuzzRequest,
  expectation: Expectation = {},
): Promise<FuzzAnswer> {
  const forbidden = forbiddenTexts(target.mock)
  const before = target.mock.journal.count()
  const answer = await target.send(request)
  const entries = target.mock.journal.entries()
  const journal = entries
    .slice(entries.length - (target.mock.journal.count() - before))
    .map((entry) => JSON.stringify(entry))
  const what = describe(target, request, answer)
  if (answer.status >= 500) expect(answer.status, what).toBe(expectation.injected)
  expect(answer.text, `a stack trace: ${what}`).not.toMatch(STACK_TRACE)
  for (const text of [answer.text, ...journal]) {
    for (const secret of forbidden.secrets)
      expect(text.includes(secret), `a secret (${secret}): ${what}`).toBe(false)
    for (const data of forbidden.othersData)
      if (!(expectation.echoable ?? []).some((echo) => echo.includes(data)))
        expect(text.includes(data), `another user's data (${data}): ${what}`).toBe(false)
  }
  for (const entry of journal)
    expect(entry, `a stack trace in the journal: ${what}`).not.toMatch(STACK_TRACE)
  return answer
}
