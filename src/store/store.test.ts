import { expect, it } from 'vitest'
import { createStore } from './store.js'

const SEEDS = [42, 1337, 1211]

it.each(SEEDS)('builds deep-equal data for the same seed (%i)', (seed) => {
  expect(createStore({ seed }).snapshot()).toEqual(createStore({ seed }).snapshot())
})

it('builds different generated data for different seeds, with the same documented key 1', () => {
  const a = createStore({ seed: 1 }).snapshot()
  const b = createStore({ seed: 2 }).snapshot()
  expect(a.users.slice(1)).not.toEqual(b.users.slice(1))
  expect(a.api_keys[0]).toEqual(b.api_keys[0])
})

it('pins the default seed: users and the first generated keys', () => {
  const snapshot = createStore().snapshot()
  // The fields users had before accounts: they stay what they were (the new ones are pinned below).
  expect(snapshot.users.map(({ id, email }) => ({ id, email }))).toMatchInlineSnapshot(`
    [
      {
        "email": "user@example.com",
        "id": 1,
      },
      {
        "email": "dalia_adeyemi@example.net",
        "id": 2,
      },
      {
        "email": "victor_patel89@example.com",
        "id": 3,
      },
      {
        "email": "dalia_weber69@example.com",
        "id": 4,
      },
      {
        "email": "rafael.reyes78@example.org",
        "id": 5,
      },
    ]
  `)
  expect(snapshot.api_keys.map((key) => [key.id, key.user_id, key.key_type, key.created_at]))
    .toMatchInlineSnapshot(`
      [
        [
          1,
          1,
          "private",
          "2024-01-10T08:00:00Z",
        ],
        [
          2,
          2,
          "private",
          "2024-01-10T17:16:31Z",
        ],
        [
          3,
          2,
          "private",
          "2024-01-10T20:50:14Z",
        ],
        [
          4,
          3,
          "private",
          "2024-01-11T00:44:20Z",
        ],
        [
          5,
          3,
          "public",
          "2024-01-11T03:55:37Z",
        ],
        [
          6,
          3,
          "private",
          "2024-01-11T09:02:14Z",
        ],
        [
          7,
          3,
          "private",
          "2024-01-11T10:36:15Z",
        ],
        [
          8,
          4,
          "private",
          "2024-01-11T15:34:28Z",
        ],
        [
          9,
          4,
          "public",
          "2024-01-11T18:04:13Z",
        ],
        [
          10,
          5,
          "private",
          "2024-01-11T21:57:31Z",
        ],
        [
          11,
          5,
          "private",
          "2024-01-12T01:46:40Z",
        ],
        [
          12,
          5,
          "private",
          "2024-01-12T02:22:50Z",
        ],
      ]
    `)
})

it('resets to data deep-equal to the seeded start', () => {
  const store = createStore({ seed: 7 })
  const start = store.snapshot()
  store.createUser()
  store.deleteApiKey(1, 1)
  store.reset()
  expect(store.snapshot()).toEqual(start)
})

it('returns copies: mutating a result never changes the store', () => {
  const store = createStore()
  const key = store.getApiKey(1, 1)
  key?.allowed_origins.push('https://evil.example')
  store.listApiKeys(1)[0]?.allowed_assistants.push('999')
  expect(store.getApiKey(1, 1)?.allowed_origins).toEqual(['https://example.com'])
  expect(store.getApiKey(1, 1)?.allowed_assistants).toEqual(['123'])
})
