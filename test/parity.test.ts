/**
 * One corpus through all three transports: msw (`getResponse(mock.handlers, …)`), the demo
 * server over loopback, and `mock.fetch`. Each is a thin adapter over the same core, so under a
 * fixed `now` every request must get the same status, the same body byte for byte, the same
 * `Content-Type`, `Content-Length`, `X-RateLimit-*` and `Retry-After`, and the same journal entry.
 *
 * The corpus: the documented examples (fixtures/), the web app's account and agent calls, the
 * auth table, the hostile corpus, the fidelity rules (Rails routing, id and field casting, empty
 * credentials), and one case of each fault kind.
 */
import { getResponse } from 'msw'
import {
  createVoiceableMock,
  DOCUMENTED_KEY_VALUE,
  type JournalEntry,
  type Snapshot,
  type VoiceableMock,
} from 'voiceable-mock'
import { startMockServer, type MockServer } from 'voiceable-mock/node'
import { afterAll, beforeAll, expect, it, vi } from 'vitest'
import { prepareHostileContext } from './reliability/hostile-check.js'
import { buildCorpus, resolve, type HostileContext } from './reliability/hostile-corpus.js'
import { sendRaw } from './server/support.js'
import { fixture } from './support/fixtures.js'
import { campaignForm, MULTIPART_TYPE, multipartBody } from './support/multipart.js'

vi.setConfig({ testTimeout: 20_000 })

const IN_PROCESS_ORIGIN = 'https://api.example.com'
const IN_PROCESS_BASE = `${IN_PROCESS_ORIGIN}/api/v1`
/** Node's default limit on a request head: past it the server answers 431 itself, before the core. */
const MAX_HEADER_BYTES = 16 * 1024
const COMPARED_HEADERS = [
  'content-type',
  'content-length',
  'x-ratelimit-limit',
  'x-ratelimit-remaining',
  'x-ratelimit-reset',
  'retry-after',
]

interface ParityCase {
  name: string
  method: string
  /** Below the base URL; below the origin with `fromOrigin`. */
  path: string
  fromOrigin?: true
  /** The status every transport must answer, where the case pins one (the fidelity rules). */
  status?: number
  headers: [string, string][]
  body?: string | Uint8Array | undefined
  /**
   * The answer names the origin it was sent to (an upload URL): the demo server's is read as the
   * in-process one, and `Content-Length` follows the origin's length, so it is left out.
   */
  namesOrigin?: true
  /** Set up before the request, on each transport's mock alike (faults). */
  arrange?: (mock: VoiceableMock) => void
}

interface Outcome {
  status: number | 'network-error'
  body: string
  headers: Record<string, string | null>
  journal: Omit<JournalEntry, 'durationMs'>[]
}

let nowMs = Date.parse('2024-02-01T00:00:00Z')
let counters = [0, 0, 0]
let tokenCounters = [0, 0, 0]
const options = (slot: number) => ({
  now: () => new Date(nowMs),
  // Created secrets and token ids are random by default; one counter per transport keeps the
  // three comparable.
  generateKeyValue: (keyType: 'private' | 'public') =>
    `${keyType === 'private' ? 'sk' : 'pk'}_live_parity${++counters[slot]!}`,
  generateTokenId: () => `parity-token-${++tokenCounters[slot]!}`,
})
const viaMsw = createVoiceableMock(options(0))
const viaFetch = createVoiceableMock(options(1))
let server: MockServer
let context: HostileContext
let baseline: Snapshot
const compared = { cases: 0, skipped: 0 }

beforeAll(async () => {
  server = await startMockServer({ ...options(2), port: 0 })
  context = await prepareHostileContext(viaMsw, nowMs)
  baseline = viaMsw.snapshot()
})

afterAll(async () => {
  await server?.close()
  // The corpus must really have gone through: a parity test that skipped everything proves nothing.
  expect(compared.cases).toBeGreaterThan(500)
  expect(compared.skipped).toBeLessThan(compared.cases / 10)
})

function headerRecord(headers: Headers): Record<string, string | null> {
  return Object.fromEntries(COMPARED_HEADERS.map((name) => [name, headers.get(name)]))
}

function journalOf(mock: VoiceableMock): Omit<JournalEntry, 'durationMs'>[] {
  return mock.journal.entries().map(({ durationMs: _, ...entry }) => entry)
}

async function throughMsw(entry: ParityCase): Promise<Outcome> {
  const headers = new Headers()
  for (const [name, value] of entry.headers) headers.append(name, value)
  const request = new Request(
    `${entry.fromOrigin ? IN_PROCESS_ORIGIN : IN_PROCESS_BASE}${entry.path}`,
    {
      method: entry.method,
      headers,
      ...(entry.body === undefined ? {} : { body: entry.body as BodyInit }),
    },
  )
  const response = await getResponse(viaMsw.handlers, request)
  if (response === undefined)
    throw new Error(`Failed to get an answer from msw for ${entry.method} ${entry.path}`)
  if (response.type === 'error')
    return { status: 'network-error', body: '', headers: {}, journal: journalOf(viaMsw) }
  return {
    status: response.status,
    body: await response.text(),
    headers: headerRecord(response.headers),
    journal: journalOf(viaMsw),
  }
}

async function throughFetch(entry: ParityCase): Promise<Outcome> {
  try {
    const response = await viaFetch.fetch(
      `${entry.fromOrigin ? IN_PROCESS_ORIGIN : IN_PROCESS_BASE}${entry.path}`,
      {
        method: entry.method,
        headers: entry.headers,
        ...(entry.body === undefined ? {} : { body: entry.body as BodyInit }),
      },
    )
    return {
      status: response.status,
      body: await response.text(),
      headers: headerRecord(response.headers),
      journal: journalOf(viaFetch),
    }
  } catch (error) {
    if (error instanceof TypeError && error.message === 'Failed to fetch') {
      return { status: 'network-error', body: '', headers: {}, journal: journalOf(viaFetch) }
    }
    throw error
  }
}

async function throughServer(entry: ParityCase): Promise<Outcome> {
  const answer = await sendRaw(`${entry.fromOrigin ? server.url : server.baseUrl}${entry.path}`, {
    method: entry.method,
    headers: entry.headers,
    body: entry.body,
  })
  const journal = journalOf(server.mock)
  if (answer.status === 0) return { status: 'network-error', body: '', headers: {}, journal }
  return {
    status: answer.status,
    body: answer.text,
    headers: headerRecord(answer.headers),
    journal,
  }
}

/**
 * Whether every transport can carry the request to its core: HTTP itself refuses an oversized
 * head (431) or a control character in a header (400) before the core sees it, and Fetch cannot
 * build such headers at all.
 */
function reachesEveryCore(entry: ParityCase): boolean {
  const headBytes = entry.headers.reduce(
    (total, [name, value]) => total + name.length + value.length + 4,
    0,
  )
  if (headBytes > MAX_HEADER_BYTES) return false
  // eslint-disable-next-line no-control-regex -- the control characters HTTP refuses in a header are the point
  if (entry.headers.some(([, value]) => /[\x00-\x08\x0a-\x1f\x7f]/.test(value))) return false
  try {
    new Headers(entry.headers)
  } catch {
    return false
  }
  return true
}

function hostileCases(): ParityCase[] {
  return buildCorpus().map((entry) => ({
    name: `hostile: ${entry.name}`,
    method: entry.method,
    get path() {
      return resolve(entry.path, context)
    },
    get headers() {
      return entry.headers.map(([name, value]): [string, string] => [name, resolve(value, context)])
    },
    get body() {
      return entry.body === undefined ? undefined : resolve(entry.body, context)
    },
  }))
}

const KEY: [string, string] = ['X-API-Key', DOCUMENTED_KEY_VALUE]
const JSON_TYPE: [string, string] = ['Content-Type', 'application/json']

const documentedCases: ParityCase[] = [
  { name: 'documented: get', method: 'GET', path: '/api_keys/1', headers: [KEY] },
  { name: 'documented: list', method: 'GET', path: '/api_keys', headers: [KEY] },
  {
    name: 'documented: create',
    method: 'POST',
    path: '/api_keys',
    headers: [KEY, JSON_TYPE],
    body: JSON.stringify(fixture('create-api-key.request.json')),
  },
  {
    name: 'documented: update',
    method: 'PUT',
    path: '/api_keys/1',
    headers: [KEY, JSON_TYPE],
    body: JSON.stringify(fixture('update-api-key.request.json')),
  },
  { name: 'documented: delete', method: 'DELETE', path: '/api_keys/1', headers: [KEY] },
  { name: 'agents: list', method: 'GET', path: '/agents', headers: [KEY] },
  {
    name: "agents: the web app's list",
    method: 'GET',
    path: '/agents?page_size=10&offset=0&sort_by=name&sort_direction=asc&search=a',
    headers: [KEY],
  },
  { name: 'agents: get', method: 'GET', path: '/agents/123', headers: [KEY] },
  {
    name: 'agents: create',
    method: 'POST',
    path: '/agents',
    headers: [KEY, JSON_TYPE],
    body: '{"agent":{"name":"Parity","widget_config":{"color":"#000"}}}',
  },
  {
    name: 'agents: documented update',
    method: 'PUT',
    path: '/agents/123',
    headers: [KEY, JSON_TYPE],
    body: JSON.stringify(fixture('update-agent.request.json')),
  },
  { name: 'agents: delete', method: 'DELETE', path: '/agents/123', headers: [KEY] },
  {
    name: 'agents: page size out of range',
    method: 'GET',
    path: '/agents?page_size=0',
    headers: [KEY],
  },
]

/** The web app's assistant screens: the catalogues, and agents' goals, workflows and publishing. */
const assistantCases: ParityCase[] = [
  {
    name: 'voices: filtered',
    method: 'GET',
    path: '/voices?gender=female&accent=american',
    headers: [KEY],
  },
  { name: 'voices: get', method: 'GET', path: '/voices/EXAVITQu4vr4xnSDxMaL', headers: [KEY] },
  { name: 'voices: missing', method: 'GET', path: '/voices/no-such-voice', headers: [KEY] },
  { name: 'agent templates: list', method: 'GET', path: '/agent_templates', headers: [KEY] },
  { name: 'agent behaviours: list', method: 'GET', path: '/agent_behaviours', headers: [KEY] },
  { name: 'agent behaviours: get', method: 'GET', path: '/agent_behaviours/1', headers: [KEY] },
  { name: 'pricing: llm', method: 'GET', path: '/pricing_settings?category=llm', headers: [KEY] },
  {
    name: 'pricing: commission markup',
    method: 'GET',
    path: '/pricing_settings/commission_markup',
    headers: [KEY],
  },
  {
    name: 'outcome definition: get',
    method: 'GET',
    path: '/agents/123/outcome_definition',
    headers: [KEY],
  },
  {
    name: 'outcome definition: a second one is 422',
    method: 'POST',
    path: '/agents/123/outcome_definition',
    status: 422,
    headers: [KEY, JSON_TYPE],
    body: '{"outcome_definition":{"primary_outcome":"lead_captured"}}',
  },
  {
    name: 'outcome definition: update',
    method: 'PUT',
    path: '/agents/123/outcome_definition',
    headers: [KEY, JSON_TYPE],
    body: '{"outcome_definition":{"secondary_outcomes":["feedback_collected"]}}',
  },
  {
    name: 'agent functions: list',
    method: 'GET',
    path: '/agents/123/agent_functions',
    headers: [KEY],
  },
  {
    name: 'agents: publish with a JSON type and no body, as the web app sends it',
    method: 'POST',
    path: '/agents/123/publish',
    status: 200,
    headers: [KEY, JSON_TYPE],
  },
]

/** Phone numbers, conversations, integrations and campaigns: the documented calls and the app's. */
const resourceCases: ParityCase[] = [
  { name: 'phone numbers: list', method: 'GET', path: '/phone_numbers', headers: [KEY] },
  { name: 'phone numbers: get', method: 'GET', path: '/phone_numbers/1', headers: [KEY] },
  {
    name: 'phone numbers: available',
    method: 'GET',
    path: '/phone_numbers/available?country_code=GB',
    headers: [KEY],
  },
  {
    name: 'phone numbers: create',
    method: 'POST',
    path: '/phone_numbers',
    headers: [KEY, JSON_TYPE],
    body: '{"phone_number":"+15550109999","label":"Parity","provider":"twilio","agent_id":"123"}',
  },
  {
    name: 'phone numbers: detach',
    method: 'PUT',
    path: '/phone_numbers/1',
    headers: [KEY, JSON_TYPE],
    body: '{"agent_id":""}',
  },
  { name: 'phone numbers: delete', method: 'DELETE', path: '/phone_numbers/1', headers: [KEY] },
  {
    name: 'conversations: a page',
    method: 'GET',
    path: '/conversations?page_size=5&agent_id=123',
    headers: [KEY],
  },
  {
    name: 'conversations: documented get',
    method: 'GET',
    path: '/conversations/conv_abc123',
    headers: [KEY],
  },
  { name: 'integrations: list', method: 'GET', path: '/integrations', headers: [KEY] },
  { name: 'integrations: schemas', method: 'GET', path: '/integrations/schemas', headers: [KEY] },
  {
    name: 'integrations: documented create of another type',
    method: 'POST',
    path: '/integrations',
    headers: [KEY, JSON_TYPE],
    body: '{"integration":{"integration_type":"openai","config":{"api_key":"sk_parity"}}}',
  },
  {
    name: 'integrations: documented update',
    method: 'PUT',
    path: '/integrations/elevenlabs',
    headers: [KEY, JSON_TYPE],
    body: JSON.stringify(fixture('update-integration.request.json')),
  },
  {
    name: 'integrations: delete',
    method: 'DELETE',
    path: '/integrations/elevenlabs',
    headers: [KEY],
  },
  {
    name: "campaigns: the web app's list",
    method: 'GET',
    path: '/campaigns?include_details=true',
    headers: [KEY],
  },
  { name: 'campaigns: documented get', method: 'GET', path: '/campaigns/1', headers: [KEY] },
  {
    name: 'campaigns: documented create from a CSV',
    method: 'POST',
    path: '/campaigns',
    headers: [KEY, MULTIPART_TYPE],
    body: campaignForm({
      recipients_file: {
        filename: 'recipients.csv',
        content: '\uFEFFphone_number\r\n+15550100001\r\n"+1 555 010 0002"\r\n',
      },
    }),
    status: 201,
  },
  {
    name: "campaigns: the web app's create, scheduled",
    method: 'POST',
    path: '/campaigns',
    headers: [KEY, MULTIPART_TYPE],
    body: multipartBody([
      ['name', 'Parity'],
      ['phone_number_ids[]', '1'],
      ['manual_phone_numbers', '[{"name":"A","phone_number":"+15550100001","language":"en"}]'],
      ['agent_id', '123'],
      ['send_immediately', 'false'],
      ['schedule_date', '2024-03-01'],
      ['schedule_time', '09:30'],
    ]),
    status: 201,
  },
  {
    name: 'campaigns: create with every problem',
    method: 'POST',
    path: '/campaigns',
    headers: [KEY, MULTIPART_TYPE],
    body: campaignForm({ name: '', recipients_file: '', send_immediately: null }),
    status: 422,
  },
]

/** The web app's account calls: the JWT comes from the hostile context (valid in every store). */
const bearer = (): [string, string] => ['Authorization', `Bearer ${context.jwt}`]
const SIGN_IN_BODY = JSON.stringify({ user: { email: 'user@example.com', password: 'password' } })
const accountCases: ParityCase[] = [
  {
    name: 'accounts: sign in, with a stale token',
    method: 'POST',
    path: '/auth/sign_in',
    headers: [JSON_TYPE, ['Authorization', 'Bearer aaa.bbb.ccc']],
    body: SIGN_IN_BODY,
  },
  {
    name: 'accounts: sign in with a wrong password',
    method: 'POST',
    path: '/auth/sign_in',
    headers: [JSON_TYPE],
    body: '{"user":{"email":"user@example.com","password":"nope"}}',
  },
  {
    name: 'accounts: sign up',
    method: 'POST',
    path: '/auth/sign_up',
    headers: [JSON_TYPE],
    body: '{"user":{"email":"new@example.com","password":"secret1","password_confirmation":"secret1"}}',
  },
  {
    name: 'accounts: sign up with every problem',
    method: 'POST',
    path: '/auth/sign_up',
    headers: [JSON_TYPE],
    body: '{"user":{"email":"user@example.com","password":"abc","password_confirmation":"x"}}',
  },
  {
    name: 'accounts: current user with a JWT',
    method: 'GET',
    path: '/user/current',
    get headers() {
      return [bearer()]
    },
  },
  {
    name: 'accounts: current user with a key',
    method: 'GET',
    path: '/user/current',
    headers: [KEY],
  },
  {
    name: 'accounts: sign out with a JWT',
    method: 'DELETE',
    path: '/auth/sign_out',
    get headers() {
      return [bearer()]
    },
  },
  {
    name: 'accounts: sign out with nothing',
    method: 'DELETE',
    path: '/auth/sign_out',
    headers: [],
  },
]

/** A demo-server outcome with its origin read as the in-process one, `Content-Length` as msw's. */
function asInProcess(outcome: Outcome, msw: Outcome): Outcome {
  const swap = (text: string) => text.replaceAll(server.url, IN_PROCESS_ORIGIN)
  return {
    ...outcome,
    body: swap(outcome.body),
    headers: { ...outcome.headers, 'content-length': msw.headers['content-length'] ?? null },
    journal: JSON.parse(swap(JSON.stringify(outcome.journal))) as Outcome['journal'],
  }
}

/** The web app's overview, escalations, files, recordings, tour and password calls. */
const screenCases: ParityCase[] = [
  {
    name: 'screens: the overview window',
    method: 'GET',
    path: '/metrics?call_start_before_unix=1706745600&call_start_after_unix=1704153600',
    headers: [KEY],
  },
  {
    name: 'screens: escalations',
    method: 'GET',
    path: '/escalations?status=pending',
    headers: [KEY],
  },
  {
    name: 'screens: update an escalation',
    method: 'PATCH',
    path: '/escalations/1',
    headers: [KEY, JSON_TYPE],
    body: '{"handoff_event":{"handoff_status":"completed","handled_by":"Robin"}}',
  },
  { name: 'screens: knowledge-base files', method: 'GET', path: '/agent_files', headers: [KEY] },
  {
    name: 'screens: an upload URL',
    namesOrigin: true,
    method: 'POST',
    path: '/aws_s3/direct_upload',
    headers: [KEY, JSON_TYPE],
    body: '{"filename":"notes.txt","content_type":"text/plain"}',
  },
  {
    name: 'screens: an upload with a forged signature',
    method: 'PUT',
    path: '/aws_s3/uploads/kb_aaaaaaaaaaaaaaaaaaaa?X-Mock-Signature=forged',
    headers: [['Content-Type', 'text/plain']],
    body: 'hello',
  },
  { name: 'screens: delete a file', method: 'DELETE', path: '/agent_files/2', headers: [KEY] },
  {
    name: "screens: a conversation's recording",
    method: 'GET',
    path: '/conversations/conv_abc123/audio',
    headers: [KEY],
  },
  {
    name: 'screens: complete the tour, with no body',
    method: 'PATCH',
    path: '/user/tour_completion',
    get headers() {
      return [bearer(), JSON_TYPE]
    },
  },
  {
    name: 'screens: change the password with a wrong current one',
    method: 'PUT',
    path: '/user/password',
    get headers() {
      return [bearer(), JSON_TYPE]
    },
    body: '{"user":{"current_password":"nope","password":"abc","password_confirmation":"x"}}',
  },
]

const AUTH_HEADERS: [string, [string, string][]][] = [
  ['no credentials', []],
  ['an unknown X-API-Key', [['X-API-Key', 'sk_live_unknown']]],
  ['an empty X-API-Key', [['X-API-Key', '']]],
  ['an unknown Bearer key', [['Authorization', 'Bearer sk_live_unknown']]],
  ['Bearer with no token', [['Authorization', 'Bearer']]],
  ['a Basic scheme', [['Authorization', 'Basic dXNlcjpwYXNz']]],
  ['the key without a scheme', [['Authorization', DOCUMENTED_KEY_VALUE]]],
  ['a valid X-API-Key beside a bad Authorization', [KEY, ['Authorization', 'Bearer nope']]],
  [
    'a bad X-API-Key beside a valid Authorization',
    [
      ['X-API-Key', 'nope'],
      ['Authorization', `Bearer ${DOCUMENTED_KEY_VALUE}`],
    ],
  ],
  // Empty credentials count as absent: beside a valid one, they change nothing.
  [
    'an empty X-API-Key beside a valid Bearer key',
    [
      ['X-API-Key', ''],
      ['Authorization', `Bearer ${DOCUMENTED_KEY_VALUE}`],
    ],
  ],
  [
    'a whitespace X-API-Key beside a valid Bearer key',
    [
      ['X-API-Key', '  '],
      ['Authorization', `Bearer ${DOCUMENTED_KEY_VALUE}`],
    ],
  ],
  ['an empty Authorization beside a valid X-API-Key', [KEY, ['Authorization', '']]],
  ['an empty Authorization alone', [['Authorization', '']]],
  ['the documented key', [KEY]],
  ['the documented key as Bearer', [['Authorization', `bearer ${DOCUMENTED_KEY_VALUE}`]]],
]
const authCases: ParityCase[] = [
  'GET /api_keys',
  'POST /api_keys',
  'GET /api_keys/1',
  'PUT /api_keys/1',
  'DELETE /api_keys/1',
].flatMap((route) => {
  const [method, path] = route.split(' ') as [string, string]
  return AUTH_HEADERS.map(([label, headers]) => ({
    name: `auth: ${route} with ${label}`,
    method,
    path,
    headers: [...headers, JSON_TYPE],
    ...(method === 'GET' || method === 'DELETE'
      ? {}
      : { body: '{"api_key":{"name":"x","key_type":"private"}}' }),
  }))
})

const UPDATE_BODY = JSON.stringify(fixture('update-api-key.request.json'))

/**
 * Routing as Rails routes it (docs/fidelity.md), each with the status it owes, on every
 * transport: [method, path below the base URL, status].
 */
const ROUTING: [string, string, number][] = [
  ['HEAD', '/api_keys', 200],
  ['HEAD', '/api_keys/1', 200],
  ['HEAD', '/api_keys/2', 404],
  ['HEAD', '/api_keys.json', 200],
  ['HEAD', '/nothing', 404],
  ['HEAD', '/API_KEYS', 404],
  ['PATCH', '/api_keys/1', 200],
  ['PATCH', '/api_keys/1.json', 200],
  ['PATCH', '/api_keys//1', 200],
  ['PATCH', '/api_keys/01', 200],
  ['PATCH', '/api_keys/999', 404],
  ['PATCH', '/api_keys', 404],
  ['GET', '/api_keys.json', 200],
  ['GET', '/api_keys/1.json', 200],
  ['GET', '/api_keys/1.xml', 200],
  ['GET', '/api_keys/1.5', 200],
  ['GET', '/api_keys/1e3', 200],
  ['GET', '/api_keys/1abc', 200],
  ['GET', '/api_keys/0x1', 404],
  ['GET', '/api_keys/.json', 404],
  ['GET', '/api_keys/1.5.json', 404],
  ['GET', '/api_keys.json.json', 404],
  ['GET', '//api_keys', 200],
  ['GET', '/api_keys//1', 200],
  ['GET', '/api_keys/1/', 200],
  ['GET', '/API_KEYS', 404],
  ['GET', '/Api_Keys/1', 404],
  ['DELETE', '/api_keys/1.json', 200],
  ['POST', '/api_keys.json', 201],
]
const ROUTING_FROM_ORIGIN: [string, string, number][] = [
  ['GET', '/API/V1/api_keys', 404],
  ['GET', '/Api/v1/api_keys/1', 404],
  ['GET', '/api/v1//api_keys//1', 200],
]

const routingCases: ParityCase[] = [
  ...[...ROUTING, ...ROUTING_FROM_ORIGIN].map(([method, path, status], i): ParityCase => ({
    name: `routing: ${method} ${path}${i >= ROUTING.length ? ' (from the origin)' : ''} is ${status}`,
    method,
    path,
    ...(i >= ROUTING.length ? { fromOrigin: true as const } : {}),
    status,
    headers: method === 'PATCH' || method === 'POST' ? [KEY, JSON_TYPE] : [KEY],
    ...(method === 'PATCH' ? { body: UPDATE_BODY } : {}),
    ...(method === 'POST' ? { body: '{"api_key":{"name":"x","key_type":"private"}}' } : {}),
  })),
  {
    name: 'routing: HEAD /api_keys/1 without credentials',
    method: 'HEAD',
    path: '/api_keys/1',
    headers: [],
    status: 401,
  },
  {
    name: 'routing: HEAD /api_keys with a fault on listApiKeys',
    method: 'HEAD',
    path: '/api_keys',
    headers: [KEY],
    status: 503,
    arrange: (mock) => void mock.faults.error(503, { endpoint: 'listApiKeys' }),
  },
  {
    name: 'routing: HEAD /api_keys/1 with the rate limit exhausted',
    method: 'HEAD',
    path: '/api_keys/1',
    headers: [KEY],
    status: 429,
    arrange: (mock) => mock.faults.exhaustRateLimit({ userId: 1 }),
  },
]

/** Request fields as strong parameters and ActiveRecord cast them: [method, path, fields, status]. */
const CASTS: [string, string, Record<string, unknown>, number][] = [
  ['POST', '/api_keys', { name: 5, key_type: 'private' }, 201],
  ['POST', '/api_keys', { name: true, key_type: 'public', transient_assistant: 'no' }, 201],
  [
    'POST',
    '/api_keys',
    { name: 'x', key_type: 'private', allowed_origins: [1, null], allowed_assistants: 'x' },
    201,
  ],
  ['POST', '/api_keys', { name: 'x', key_type: 'private', transient_assistant: '' }, 201],
  ['POST', '/api_keys', { name: 'x'.repeat(10_000), key_type: 'private' }, 201],
  ['POST', '/api_keys', { name: null, key_type: 'private' }, 422],
  ['POST', '/api_keys', { name: { a: 1 }, key_type: 5 }, 422],
  ['PUT', '/api_keys/1', { name: 1.5, allowed_assistants: [123, null] }, 200],
  ['PATCH', '/api_keys/1', { allowed_origins: 'x', transient_assistant: '0' }, 200],
  ['PUT', '/api_keys/1', { name: null }, 422],
]
const castCases: ParityCase[] = CASTS.map(([method, path, fields, status]) => ({
  name: `fields: ${method} ${path} with ${JSON.stringify(fields).slice(0, 80)} is ${status}`,
  method,
  path,
  headers: [KEY, JSON_TYPE],
  body: JSON.stringify({ api_key: fields }),
  status,
}))

const faultCases: ParityCase[] = [
  {
    name: 'fault: error 503',
    method: 'GET',
    path: '/api_keys',
    headers: [KEY],
    arrange: (mock) => void mock.faults.error(503, { endpoint: 'listApiKeys' }),
  },
  {
    name: 'fault: network error',
    method: 'GET',
    path: '/api_keys/1',
    headers: [KEY],
    arrange: (mock) => void mock.faults.networkError({ times: 1 }),
  },
  {
    name: 'fault: latency',
    method: 'GET',
    path: '/api_keys/1',
    headers: [KEY],
    arrange: (mock) => void mock.faults.latency(5),
  },
  {
    name: 'fault: rate limit exhausted',
    method: 'GET',
    path: '/api_keys',
    headers: [KEY],
    arrange: (mock) => mock.faults.exhaustRateLimit({ userId: 1 }),
  },
]

const corpus: ParityCase[] = [
  ...documentedCases,
  ...resourceCases,
  ...assistantCases,
  ...accountCases,
  ...screenCases,
  ...authCases,
  ...routingCases,
  ...castCases,
  ...hostileCases(),
  ...faultCases,
]

it.each(corpus.map((entry): [string, ParityCase] => [entry.name, entry]))(
  '%s: the same answer on every transport',
  async (_, entry) => {
    nowMs += 61_000
    if (!reachesEveryCore(entry)) {
      compared.skipped++
      return
    }
    const outcomes: Outcome[] = []
    for (const [slot, mock, send] of [
      [0, viaMsw, throughMsw],
      [1, viaFetch, throughFetch],
      [2, server.mock, throughServer],
    ] as const) {
      mock.reset()
      mock.restore(baseline)
      counters[slot] = 0
      tokenCounters[slot] = 0
      entry.arrange?.(mock)
      outcomes.push(await send(entry))
    }
    compared.cases++
    const [msw, fetched, servedAsSent] = outcomes as [Outcome, Outcome, Outcome]
    const served = entry.namesOrigin === true ? asInProcess(servedAsSent, msw) : servedAsSent
    expect(fetched, 'mock.fetch differs from msw').toEqual(msw)
    expect(served, 'the demo server differs from msw').toEqual(msw)
    expect(msw.journal).toHaveLength(1)
    if (entry.status !== undefined) expect(msw.status).toBe(entry.status)
    // A HEAD answers as its GET would, with no body: its Content-Length is the GET body's.
    if (entry.method === 'HEAD') {
      expect(msw.body).toBe('')
      expect(msw.journal[0]?.method).toBe('HEAD')
      expect(msw.headers['content-length']).toBe(
        String(Buffer.byteLength(JSON.stringify(msw.journal[0]?.response))),
      )
    }
  },
)

counters = [0, 0, 0]
tokenCounters = [0, 0, 0]
