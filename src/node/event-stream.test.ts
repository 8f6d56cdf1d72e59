import { expect, it } from 'vitest'
import { createMockInternals } from '../mock.js'
import { EVENT_FLUSH_MS, EVENT_MAX_BATCH, streamEvents } from './event-stream.js'
import { createSessions } from './sessions.js'

const BASE = 'https://api.example.com/api/v1'
const KEY = { 'X-API-Key': 'your-api-key-here' }

function follow(target = createMockInternals()) {
  const chunks: string[] = []
  const stop = new AbortController()
  const sessions = createSessions(() => createMockInternals({ journal: false }))
  streamEvents({ target, session: undefined, sessions }, (chunk) => chunks.push(chunk), stop.signal)
  const events = () =>
    chunks
      .join('')
      .split('\n\n')
      .filter((block) => block.startsWith('event: '))
      .map((block) => {
        const [name, data] = block.split('\n')
        return [name?.slice(7), JSON.parse(data?.slice(6) ?? 'null')] as const
      })
  return { target, sessions, stop, events, chunks }
}

const settle = () => new Promise((resolve) => setTimeout(resolve, EVENT_FLUSH_MS * 3))

it('starts with ready, then sends each request masked, then that the data changed', async () => {
  const { target, events } = follow()
  await target.mock.fetch(`${BASE}/api_keys/2`, { headers: KEY })
  await target.mock.fetch(`${BASE}/api_keys`, {
    method: 'POST',
    headers: { ...KEY, 'Content-Type': 'application/json' },
    body: '{"api_key":{"name":"x","key_type":"private"}}',
  })
  await settle()
  const got = events()
  expect(got.map(([name]) => name)).toEqual(['ready', 'request', 'request', 'changed'])
  expect(got[1]?.[1]).toMatchObject({
    seq: 1,
    status: 404,
    reason: expect.stringContaining('belongs'),
  })
  expect(got[2]?.[1].response.data.key_value).toBe('sk_live_********')
})

it('batches a burst into one write, and an overlong one into overflow', async () => {
  const { target, events, chunks } = follow()
  await Promise.all(
    Array.from({ length: EVENT_MAX_BATCH + 1 }, () =>
      target.mock.fetch(`${BASE}/api_keys/1`, { headers: KEY }),
    ),
  )
  await settle()
  expect(chunks).toHaveLength(2) // the ready line, then one write
  expect(events().map(([name]) => name)).toEqual(['ready', 'overflow'])
})

it('tells of a journal clearing and of sessions, and stops when aborted', async () => {
  const { target, sessions, stop, events, chunks } = follow()
  await target.mock.fetch(`${BASE}/api_keys/1`, { headers: KEY })
  target.mock.journal.clear()
  sessions.get('worker-1')
  await settle()
  expect(events().map(([name]) => name)).toEqual(['ready', 'journal-cleared', 'sessions'])
  expect(events()[2]?.[1]).toEqual({ sessions: ['worker-1'] })
  stop.abort()
  const written = chunks.length
  await target.mock.fetch(`${BASE}/api_keys/1`, { headers: KEY })
  await settle()
  expect(chunks).toHaveLength(written)
})

it('tells that the faults changed when one is added or removed, not when it strikes', async () => {
  const { target, events } = follow()
  const fault = target.mock.faults.error(503, { endpoint: 'getApiKey' })
  await settle()
  await target.mock.fetch(`${BASE}/api_keys/1`, { headers: KEY })
  await settle()
  fault.remove()
  await settle()
  expect(events().map(([name]) => name)).toEqual(['ready', 'faults', 'request', 'faults'])
})
