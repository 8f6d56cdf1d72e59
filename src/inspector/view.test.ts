import { expect, it } from 'vitest'
import type { JournalEntry } from '../toolkit/journal.js'
import { parseEvents } from './events.js'
import {
  cellText,
  columnsOf,
  formatDuration,
  matchesFilters,
  NO_FILTERS,
  statusClassOf,
} from './view.js'

const entry = (fields: Partial<JournalEntry>): JournalEntry =>
  ({ endpoint: 'getApiKey', status: 200, userId: 1, ...fields }) as JournalEntry

it('groups statuses by class, an injected network error apart', () => {
  expect([200, 201, 304, 401, 404, 429, 500, 503, 0].map(statusClassOf)).toEqual([
    '2xx',
    '2xx',
    '3xx',
    '4xx',
    '4xx',
    '4xx',
    '5xx',
    '5xx',
    'network',
  ])
})

it('filters by endpoint, status class and user (anonymous too)', () => {
  const entries = [
    entry({ seq: 1 }),
    entry({ seq: 2, endpoint: 'listApiKeys', status: 401, userId: null }),
    entry({ seq: 3, status: 404, userId: 2 }),
  ]
  const seqs = (filters: typeof NO_FILTERS) =>
    entries.filter((item) => matchesFilters(item, filters)).map((item) => item.seq)
  expect(seqs(NO_FILTERS)).toEqual([1, 2, 3])
  expect(seqs({ ...NO_FILTERS, endpoint: 'getApiKey' })).toEqual([1, 3])
  expect(seqs({ ...NO_FILTERS, statusClass: '4xx' })).toEqual([2, 3])
  expect(seqs({ ...NO_FILTERS, user: 'anonymous' })).toEqual([2])
  expect(seqs({ ...NO_FILTERS, user: '2', statusClass: '4xx' })).toEqual([3])
})

it('words durations and cells', () => {
  expect([0.42, 12.3, 1250].map(formatDuration)).toEqual(['0.4 ms', '12 ms', '1.25 s'])
  expect(cellText(['a', 'b'])).toEqual({ text: 'a, b', full: 'a, b' })
  expect(cellText(null).text).toBe('null')
  // A field this record lacks and another in its table has: an empty cell, not a crash.
  expect(cellText(undefined)).toEqual({ text: '', full: '' })
  const long = cellText({ prompt: 'x'.repeat(100) })
  expect(long.text).toHaveLength(48)
  expect(long.full).toBe(JSON.stringify({ prompt: 'x'.repeat(100) }))
})

it('leaves out the columns that only repeat the owner', () => {
  const records = [
    { id: 1, name: 'a', user_id: 1, user_email: 'u@x' },
    { id: 2, name: 'b', user_id: 1, user_email: 'u@x', extra: true },
  ]
  expect(columnsOf(records, [1, 'u@x'])).toEqual(['id', 'name', 'extra'])
})

it('reads server-sent events across chunks, skipping comments and retry lines', () => {
  const first = parseEvents(
    'retry: 1000\n\nevent: ready\ndata: {"session":null}\n\n: heartbeat\n\nevent: req',
  )
  expect(first.events).toEqual([{ name: 'ready', data: { session: null } }])
  const second = parseEvents(`${first.rest}uest\ndata: {"seq":1}\n\nevent: changed\ndata: {}\n\n`)
  expect(second.events).toEqual([
    { name: 'request', data: { seq: 1 } },
    { name: 'changed', data: {} },
  ])
  expect(second.rest).toBe('')
})
