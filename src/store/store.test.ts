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
        "email": "sigmund_johnson14@example.net",
        "id": 2,
      },
      {
        "email": "maynard16@example.org",
        "id": 3,
      },
      {
        "email": "kenyatta1@example.com",
        "id": 4,
      },
      {
        "email": "quincy.upton28@example.org",
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
        "2024-01-10T18:23:41Z",
      ],
      [
        3,
        3,
        "public",
        "2024-01-10T19:11:57Z",
      ],
      [
        4,
        3,
        "private",
        "2024-01-10T20:04:10Z",
      ],
      [
        5,
        3,
        "private",
        "2024-01-10T23:31:45Z",
      ],
      [
        6,
        4,
        "public",
        "2024-01-11T05:52:28Z",
      ],
      [
        7,
        4,
        "private",
        "2024-01-11T05:58:43Z",
      ],
      [
        8,
        4,
        "private",
        "2024-01-11T12:29:21Z",
      ],
      [
        9,
        5,
        "public",
        "2024-01-11T19:40:05Z",
      ],
      [
        10,
        5,
        "private",
        "2024-01-12T01:55:58Z",
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
