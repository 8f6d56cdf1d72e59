import { SnapshotError } from 'voiceable-mock'
import { expect, it } from 'vitest'
import { call, createTestMock } from '../support/call.js'

it('restores a snapshot whose keys still authenticate and whose counters continue', async () => {
  const mock = createTestMock()
  const created = await call(mock, 'POST /api_keys', {
    json: { api_key: { name: 'Saved', key_type: 'private' } },
  })
  const saved = JSON.parse(JSON.stringify(mock.snapshot()))
  // What was written as JSON and read back is itself a valid snapshot.
  expect(() => createTestMock({ snapshot: saved })).not.toThrow()

  const restored = createTestMock({ seed: 99, snapshot: saved })
  const list = await call(restored, 'GET /api_keys', { apiKey: created.body.data.key_value })
  expect(list.body.data.map((key: { name: string }) => key.name)).toEqual([
    'Production API Key',
    'Saved',
  ])
  const next = await call(restored, 'POST /api_keys', {
    json: { api_key: { name: 'Next', key_type: 'private' } },
  })
  expect(next.body.data.id).toBe(created.body.data.id + 1)
})

it('resets to the snapshot it was created from', () => {
  const start = createTestMock({ scenario: 'empty' }).snapshot()
  const mock = createTestMock({ snapshot: start })
  mock.store.createUser()
  mock.reset()
  expect(mock.snapshot()).toEqual(start)
})

it('restores in place with mock.restore()', async () => {
  const mock = createTestMock()
  const saved = mock.snapshot()
  await call(mock, 'DELETE /api_keys/1')
  mock.restore(saved)
  expect((await call(mock, 'GET /api_keys/1')).status).toBe(200)
})

it.each([
  [
    'a key of a missing user',
    (s: any) => {
      s.api_keys[0].user_id = 42
    },
    'api_keys[0].user_id: user 42 does not exist',
  ],
  [
    'a wrong key type',
    (s: any) => {
      s.api_keys[0].key_type = 'admin'
    },
    'api_keys[0].key_type',
  ],
  [
    'a counter behind an id',
    (s: any) => {
      s.next_api_key_id = 1
    },
    'next_api_key_id: must be greater than API key id',
  ],
  [
    'a duplicate secret',
    (s: any) => {
      s.api_keys[1].key_value = s.api_keys[0].key_value
    },
    'api_keys[1].key_value: duplicate key_value',
  ],
  [
    'an unknown format',
    (s: any) => {
      s.format = 'v0'
    },
    'format',
  ],
  [
    'a bad timestamp',
    (s: any) => {
      s.api_keys[0].created_at = 'yesterday'
    },
    'api_keys[0].created_at',
  ],
])('rejects a snapshot with %s, naming the field', (_label, corrupt, expected) => {
  const snapshot = structuredClone(createTestMock().snapshot())
  corrupt(snapshot)
  const mock = createTestMock()
  const before = mock.snapshot()
  expect(() => mock.restore(snapshot)).toThrow(SnapshotError)
  expect(() => mock.restore(snapshot)).toThrow(expected)
  // A rejected snapshot leaves the store as it was.
  expect(mock.snapshot()).toEqual(before)
  expect(() => createTestMock({ snapshot })).toThrow(expected)
})
