import { SCENARIO_HEADER, scenarioFromUrl } from 'voiceable-mock'
import {
  MANY_KEYS_COUNT,
  MULTI_TENANT_KEYS_PER_USER,
  MULTI_TENANT_USERS,
} from '../support/documented.js'
import { expect, it } from 'vitest'
import { call, createTestMock } from '../support/call.js'

it('starts the documented scenario with key 1 as documented and generated users beside it', () => {
  const mock = createTestMock()
  expect(mock.store.listApiKeys(1).map((key) => key.id)).toEqual([1])
  expect(mock.store.listUsers().length).toBeGreaterThan(1)
})

it('starts the empty scenario with one user and no keys', async () => {
  const mock = createTestMock({ scenario: 'empty' })
  expect(mock.store.listUsers()).toEqual([
    { id: 1, email: 'user@example.com', password: 'password', apiKey: null },
  ])
  const res = await call(mock, 'GET /api_keys', { bearer: await mock.store.issueToken(1) })
  expect(res.body.data).toEqual([])
})

it('starts the many-keys scenario with hundreds of keys for user 1', async () => {
  const mock = createTestMock({ scenario: 'many-keys' })
  const res = await call(mock, 'GET /api_keys')
  expect(res.body.data).toHaveLength(MANY_KEYS_COUNT)
  expect(res.body.data[0].id).toBe(1)
})

it('starts the multi-tenant scenario with interleaved ids across users', () => {
  const mock = createTestMock({ scenario: 'multi-tenant' })
  const users = mock.store.listUsers()
  expect(users).toHaveLength(MULTI_TENANT_USERS)
  const owners = mock.snapshot().api_keys.map((key) => key.user_id)
  expect(owners).toHaveLength(MULTI_TENANT_USERS * MULTI_TENANT_KEYS_PER_USER)
  // Consecutive ids belong to different users.
  expect(owners.slice(0, MULTI_TENANT_USERS)).toEqual(users.map((user) => user.id))
})

it('reads a scenario from a page URL and ignores unknown names', () => {
  expect(scenarioFromUrl('http://localhost:6006/iframe.html?id=keys&scenario=empty')).toBe('empty')
  expect(scenarioFromUrl('/?scenario=many-keys')).toBe('many-keys')
  expect(scenarioFromUrl('/?scenario=nope')).toBeUndefined()
  expect(scenarioFromUrl('/')).toBeUndefined()
})

it('switches scenario when a request sends the scenario header', async () => {
  const mock = createTestMock()
  const token = await mock.store.issueToken(1)
  const res = await call(mock, 'GET /api_keys', {
    bearer: token,
    headers: { [SCENARIO_HEADER]: 'many-keys' },
  })
  expect(res.body.data).toHaveLength(MANY_KEYS_COUNT)
  expect(mock.store.scenario).toBe('many-keys')
  // Staying on the same scenario keeps the state.
  await call(mock, 'DELETE /api_keys/2', { headers: { [SCENARIO_HEADER]: 'many-keys' } })
  expect(
    (await call(mock, 'GET /api_keys', { headers: { [SCENARIO_HEADER]: 'many-keys' } })).body.data,
  ).toHaveLength(MANY_KEYS_COUNT - 1)
})

it('answers 400 to an unknown scenario header and leaves the store alone', async () => {
  const mock = createTestMock()
  const before = mock.snapshot()
  const res = await call(mock, 'GET /api_keys', { headers: { [SCENARIO_HEADER]: 'chaos' } })
  expect(res.status).toBe(400)
  expect(res.body.error).toBe('bad_request')
  expect(mock.snapshot()).toEqual(before)
})

it('resets to the starting scenario, whatever useScenario chose since', () => {
  const mock = createTestMock({ scenario: 'empty' })
  const start = mock.snapshot()
  mock.useScenario('many-keys')
  expect(mock.store.scenario).toBe('many-keys')
  expect(mock.store.listApiKeys(1)).toHaveLength(MANY_KEYS_COUNT)
  mock.store.createUser()
  mock.reset()
  expect(mock.store.scenario).toBe('empty')
  expect(mock.snapshot()).toEqual(start)
})

it('resets to the starting snapshot after useScenario and restore', () => {
  const start = createTestMock({ scenario: 'many-keys' }).snapshot()
  const mock = createTestMock({ snapshot: start })
  expect(mock.store.scenario).toBeUndefined()
  mock.useScenario('empty')
  expect(mock.store.scenario).toBe('empty')
  mock.restore(createTestMock({ scenario: 'multi-tenant' }).snapshot())
  mock.reset()
  expect(mock.store.scenario).toBeUndefined()
  expect(mock.snapshot()).toEqual(start)
})

it('useScenario draws the same data each time for one seed', () => {
  const mock = createTestMock()
  mock.useScenario('multi-tenant')
  const first = mock.snapshot()
  mock.store.createUser()
  mock.useScenario('multi-tenant')
  expect(mock.snapshot()).toEqual(first)
})
