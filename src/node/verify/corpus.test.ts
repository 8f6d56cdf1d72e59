import * as z from 'zod'
import { describe, expect, it } from 'vitest'
import type { AnyEndpoint } from '../../pipeline/endpoint.js'
import { StatusSchema } from '../../pipeline/wire.js'
import { ENDPOINTS, RESOURCES } from '../../resources/index.js'
import { blankBody } from './bodies.js'
import { BackendClient } from './client.js'
import { FakeSide } from './fake.js'
import { MISSING_ID, resolvePath } from './paths.js'
import { Redactor } from './redact.js'
import { Run } from './run.js'
import { runSafeCorpus } from './safe-corpus.js'
import { describeWritePlan, planWriteCycles, WRITE_CYCLE_RESOURCES } from './write-cycle.js'

// The corpus is derived from the endpoint table: these tests send it to a stub backend that
// answers every request with a plausible body, and read which requests went out.

const BASE = 'https://backend.test/voiceable-api'

/** A backend that answers 200 with a list of one item to every GET, 401 without the key, 404 for MISSING_ID. */
function stubBackend(sent: { method: string; path: string; key: string | null; body: unknown }[]) {
  const stub: typeof fetch = (input, init) => {
    const url = new URL(input as string)
    const key = new Headers(init?.headers).get('X-API-Key')
    const path = url.pathname.slice('/voiceable-api'.length)
    const method = init?.method ?? 'GET'
    sent.push({
      method,
      path,
      key,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
    })
    const status = key !== 'the-key' ? 401 : path.includes(MISSING_ID) ? 404 : 200
    const data = path.split('/').length === 2 ? [{ id: 7, widget_id: 'w_1' }] : { id: 7 }
    return Promise.resolve(
      Response.json(
        { status: { code: status, message: 'Success' }, data },
        {
          status,
          headers: {
            'X-RateLimit-Limit': '1000',
            'X-RateLimit-Remaining': '999',
            'X-RateLimit-Reset': '0',
          },
        },
      ),
    )
  }
  return stub
}

async function sendCorpus(endpoints: readonly AnyEndpoint[]) {
  const sent: { method: string; path: string; key: string | null; body: unknown }[] = []
  const client = new BackendClient({
    baseUrl: BASE,
    fetch: stubBackend(sent),
    timeoutMs: 5000,
    maxRateLimitWaitMs: 0,
  })
  const run = new Run(client, new Redactor(['the-key']), 'the-key', new Map())
  await runSafeCorpus(run, new FakeSide(), endpoints)
  return { run, sent: sent.map(({ method, path, key, body }) => ({ method, path, key, body })) }
}

describe('the safe corpus', () => {
  it('reaches every endpoint of the table, and writes nothing', async () => {
    const { run, sent } = await sendCorpus(ENDPOINTS)
    for (const endpoint of ENDPOINTS)
      expect(run.requests.map((request) => request.endpoint)).toContain(endpoint.name)
    const writesWithKey = sent.filter(({ method, key }) => method !== 'GET' && key === 'the-key')
    // With the caller's key, only on an id that a read just showed does not exist.
    for (const write of writesWithKey) expect(write.path).toContain(MISSING_ID)
    // Without a valid key, writes carry no body; sign-in and sign-up carry blank fields only.
    for (const { method, path, body } of sent.filter(({ key }) => key !== 'the-key'))
      if (method !== 'GET' && !path.startsWith('/auth/sign_')) expect(body).toBeUndefined()
    expect(sent.filter(({ path }) => path.startsWith('/auth/sign_'))).toEqual([
      {
        method: 'POST',
        path: '/auth/sign_in',
        key: null,
        body: { user: { email: '', password: '' } },
      },
      {
        method: 'POST',
        path: '/auth/sign_up',
        key: null,
        body: { user: { email: '', password: '' } },
      },
      { method: 'DELETE', path: '/auth/sign_out', key: null, body: undefined },
      {
        method: 'DELETE',
        path: '/auth/sign_out',
        key: 'voiceable-mock-verify-not-a-key',
        body: undefined,
      },
    ])
  })

  it('covers an endpoint added to the table later, ids from its own list', async () => {
    const WidgetSchema = z.strictObject({ widget_id: z.string() })
    const widgets = [
      {
        ...(ENDPOINTS.find((endpoint) => endpoint.name === 'listAgents') as AnyEndpoint),
        name: 'listWidgets',
        path: '/widgets',
        response: {
          status: 200,
          schema: z.strictObject({ status: StatusSchema, data: z.array(WidgetSchema) }),
          message: 'Success',
        },
      },
      {
        ...(ENDPOINTS.find((endpoint) => endpoint.name === 'getAgent') as AnyEndpoint),
        name: 'getWidget',
        path: '/widgets/:widgetId',
        response: {
          status: 200,
          schema: z.strictObject({ status: StatusSchema, data: WidgetSchema }),
          message: 'Success',
        },
      },
    ] as AnyEndpoint[]
    const { run } = await sendCorpus([...ENDPOINTS, ...widgets])
    const labels = run.requests
      .filter((r) => r.endpoint.endsWith('Widget') || r.endpoint.endsWith('Widgets'))
      .map((r) => r.label)
    expect(labels).toEqual([
      'GET /widgets',
      'GET /widgets (no credential)',
      'GET /widgets (bad credential)',
      'GET /widgets/w_1',
      `GET /widgets/${MISSING_ID} (no such id)`,
      'GET /widgets/w_1 (no credential)',
      'GET /widgets/w_1 (bad credential)',
    ])
  })

  it('sends a write on an id only once a read has answered 404 for it', async () => {
    const sent: { method: string; key: string | null }[] = []
    const everythingExists: typeof fetch = (_input, init) => {
      sent.push({ method: init?.method ?? 'GET', key: new Headers(init?.headers).get('X-API-Key') })
      return Promise.resolve(Response.json({ status: { code: 200, message: 'Success' }, data: [] }))
    }
    const client = new BackendClient({
      baseUrl: BASE,
      fetch: everythingExists,
      timeoutMs: 5000,
      maxRateLimitWaitMs: 0,
    })
    const run = new Run(client, new Redactor(), 'the-key', new Map())
    await runSafeCorpus(run, new FakeSide(), ENDPOINTS)
    expect(sent.filter(({ method, key }) => method !== 'GET' && key === 'the-key')).toEqual([])
    expect(run.notChecked).toContainEqual({
      endpoint: 'deleteAgent',
      label: `DELETE /agents/${MISSING_ID} (no such id)`,
      reason: `not sent: GET /agents/${MISSING_ID} answered 200, not 404`,
    })
    expect(run.notChecked).toContainEqual({
      endpoint: 'getAgent',
      label: 'GET /agents/{agentId}',
      reason: 'GET /agents listed nothing to take an id from',
    })
  })
})

describe('paths', () => {
  it('fill ids from the list before each param, by its snake-case field or else id', async () => {
    const lists: Record<string, unknown[]> = {
      '/agents': [{ id: '12' }],
      '/agents/12/numbers': [{ number_id: 3, id: 9 }],
    }
    const list = (_template: string, path: string) =>
      Promise.resolve(lists[path] ?? { reason: 'none' })
    await expect(resolvePath('/agents/:agentId/numbers/:numberId', list, false)).resolves.toEqual({
      path: '/agents/12/numbers/3',
    })
    await expect(resolvePath('/agents/:agentId/numbers/:numberId', list, true)).resolves.toEqual({
      path: `/agents/12/numbers/${MISSING_ID}`,
    })
    await expect(resolvePath('/api_keys/:keyId', list, false)).resolves.toEqual({ reason: 'none' })
  })
})

describe('bodies', () => {
  it('blank every required field, and leave optional ones out', () => {
    const signUp = ENDPOINTS.find((endpoint) => endpoint.name === 'signUp')?.body as z.ZodType
    expect(blankBody(signUp)).toEqual({ user: { email: '', password: '' } })
  })
})

describe('the --write plan', () => {
  it('is a create, read, update, delete and read of each resource that opts in, named as verify', () => {
    const cycles = planWriteCycles(RESOURCES, new Date('2026-01-02T03:04:05.678Z'))
    expect(cycles.map((cycle) => cycle.label)).toEqual(['API key', 'agent'])
    expect(WRITE_CYCLE_RESOURCES).toEqual(['apiKeys', 'agents'])
    expect(describeWritePlan(cycles)).toEqual([
      '  an API key named "voiceable-mock verify 2026-01-02T03:04:05Z": POST /api_keys, GET /api_keys/{keyId}, PUT /api_keys/{keyId}, DELETE /api_keys/{keyId}, GET /api_keys/{keyId} (404)',
      '  an agent named "voiceable-mock verify 2026-01-02T03:04:05Z": POST /agents, GET /agents/{agentId}, PUT /agents/{agentId}, DELETE /agents/{agentId}, GET /agents/{agentId} (404)',
    ])
    // The documented examples, renamed; a minimal body where the docs give none (create agent).
    expect(cycles.map((cycle) => [cycle.createBody, cycle.updateBody])).toEqual([
      [
        {
          api_key: {
            name: 'voiceable-mock verify 2026-01-02T03:04:05Z',
            key_type: 'private',
            allowed_origins: ['https://example.com'],
            allowed_assistants: ['123'],
            transient_assistant: false,
          },
        },
        {
          api_key: {
            name: 'voiceable-mock verify 2026-01-02T03:04:05Z (updated)',
            allowed_origins: ['https://example.com', 'https://app.example.com'],
            allowed_assistants: ['123', '456'],
          },
        },
      ],
      [
        { agent: { name: 'voiceable-mock verify 2026-01-02T03:04:05Z' } },
        {
          agent: {
            name: 'voiceable-mock verify 2026-01-02T03:04:05Z (updated)',
            tags: ['support', 'voice', 'updated'],
            conversation_config: { temperature: 0.8 },
          },
        },
      ],
    ])
  })

  it('refuses a resource that opts in without the five endpoints', () => {
    const [apiKeys] = RESOURCES
    const partial = {
      ...apiKeys,
      endpoints: apiKeys.endpoints.filter((e) => e.method !== 'DELETE'),
    }
    expect(() => planWriteCycles([partial], new Date())).toThrow(
      'Failed to plan the --write cycle of apiKeys: it has no DELETE /api_keys/:id',
    )
  })
})
