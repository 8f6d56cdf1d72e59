import { expect, it } from 'vitest'
import { createMockInternals } from '../mock.js'
import { checkSessionId, createSessions, SESSION_ID_MAX_LENGTH } from './sessions.js'

it('makes a session on first use and gives the same one back after', () => {
  let made = 0
  const sessions = createSessions(() => {
    made++
    return createMockInternals({ journal: false })
  })
  const first = sessions.get('a')
  expect(sessions.get('a')).toBe(first)
  expect(sessions.get('b')).not.toBe(first)
  expect(made).toBe(2)
  expect(sessions.size).toBe(2)
})

it('drops the least recently used session past the bound, not the oldest', () => {
  const sessions = createSessions(() => createMockInternals({ journal: false }), 3)
  const a = sessions.get('a')
  sessions.get('b')
  sessions.get('c')
  expect(sessions.get('a')).toBe(a) // a is now the most recently used; b the least
  sessions.get('d')
  expect(sessions.size).toBe(3)
  expect(sessions.get('a')).toBe(a)
  const b = sessions.get('b') // made anew: the old b was dropped (and this drops c)
  expect(b.mock.store.listApiKeys(1)).toHaveLength(1)
  expect(sessions.size).toBe(3)
})

it('drops every session on clear', () => {
  const sessions = createSessions(() => createMockInternals({ journal: false }))
  const a = sessions.get('a')
  sessions.clear()
  expect(sessions.size).toBe(0)
  expect(sessions.get('a')).not.toBe(a)
})

it.each([
  ['worker-0', true],
  ['a', true],
  ['x'.repeat(SESSION_ID_MAX_LENGTH), true],
  ['', false],
  [' padded ', false],
  ['x'.repeat(SESSION_ID_MAX_LENGTH + 1), false],
])('checkSessionId(%j) accepts it: %j', (id, accepted) => {
  expect(checkSessionId(id) === undefined).toBe(accepted)
})

it('lists its ids and tells a watcher when a session is made or dropped', () => {
  const sessions = createSessions(() => createMockInternals({ journal: false }), 2)
  let told = 0
  const stop = sessions.watch(() => void told++)
  sessions.get('a')
  sessions.get('a')
  sessions.get('b')
  expect(sessions.ids()).toEqual(['a', 'b'])
  expect(told).toBe(2)
  sessions.get('c') // drops a
  expect(sessions.ids()).toEqual(['b', 'c'])
  sessions.clear()
  expect(told).toBe(4)
  stop()
  sessions.get('d')
  expect(told).toBe(4)
})
