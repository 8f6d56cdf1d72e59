/**
 * The documented 400 "Bad request - Missing API key", from the data: a user without an
 * `elevenlabs` integration. Its lookup (`getIntegration`) is stubbed on the store the core reads,
 * so the test picks who has one, through the real pipeline.
 */
import { expect, it } from 'vitest'
import { createCore } from '../../pipeline/core.js'
import { createStore } from '../../store/store.js'
import { createFaultInjector } from '../../toolkit/faults.js'
import { createJournal } from '../../toolkit/journal.js'
import { ENDPOINTS } from '../index.js'
import { hasElevenLabsKey } from './elevenlabs-key.js'

/** A store where only `connected` users have an ElevenLabs integration, behind the real core. */
function createCoreWhereOnly(connected: readonly number[]) {
  const store = createStore()
  const asked: unknown[][] = []
  Object.defineProperty(store, 'getIntegration', {
    value: (userId: number, type: string) => {
      asked.push([userId, type])
      return connected.includes(userId) && type === 'elevenlabs' ? { id: 1 } : undefined
    },
  })
  const core = createCore({
    endpoints: ENDPOINTS,
    store,
    rateLimiter: undefined,
    faults: createFaultInjector(1, undefined),
    journal: createJournal(100),
    publicKeyAccess: 'forbidden',
    revealKeyValues: false,
    maxBodyBytes: 1024,
    unknownRoutes: 'not-found',
    now: () => new Date(0),
    useScenario() {},
    recordOwner: () => undefined,
  })
  const get = async (path: string) => {
    const answer = await core.handle({
      method: 'GET',
      path: `/api/v1${path}`,
      basePath: '/api/v1',
      header: (name) => (name === 'x-api-key' ? 'your-api-key-here' : undefined),
      body: undefined,
    })
    if (answer?.kind !== 'response') throw new Error('Failed to get a response')
    return {
      status: answer.status,
      body: JSON.parse(answer.body as string) as Record<string, unknown>,
    }
  }
  return { store, get, asked }
}

const MISSING_KEY = {
  status: { code: 400, message: 'Bad Request' },
  error: 'missing_api_key',
  errors: ['Missing API key'],
  details: 'Connect an ElevenLabs integration (integration_type elevenlabs) first',
}

it('answers 400 Missing API key to a user without an ElevenLabs integration, on both endpoints', async () => {
  const { get, asked } = createCoreWhereOnly([2])
  expect(await get('/conversations')).toEqual({ status: 400, body: MISSING_KEY })
  expect(await get('/conversations/conv_abc123')).toEqual({ status: 400, body: MISSING_KEY })
  expect(asked).toEqual([
    [1, 'elevenlabs'],
    [1, 'elevenlabs'],
  ])
})

it('answers the 400 before the 404 of a missing or foreign conversation, and before a 422', async () => {
  const { store, get } = createCoreWhereOnly([])
  const foreign = store.listConversations(2)?.data[0]?.conversation_id ?? ''
  expect((await get(`/conversations/${foreign}`)).status).toBe(400)
  expect((await get('/conversations/conv_missing')).status).toBe(400)
  expect((await get('/conversations?page_size=0&cursor=nope')).status).toBe(400)
})

it('serves a user with the integration as usual', async () => {
  const { get } = createCoreWhereOnly([1])
  expect((await get('/conversations/conv_abc123')).status).toBe(200)
  expect((await get('/conversations')).status).toBe(200)
  expect((await get('/conversations/conv_missing')).body['error']).toBe('conversation_not_found')
})

it("reads a user's ElevenLabs key from their integrations", () => {
  const store = createStore()
  const withoutKey = store
    .listUsers()
    .find((user) => store.getIntegration(user.id, 'elevenlabs') === undefined)
  expect(hasElevenLabsKey(store, 1)).toBe(true)
  expect(withoutKey).toBeDefined()
  expect(hasElevenLabsKey(store, withoutKey?.id ?? 0)).toBe(false)
})
