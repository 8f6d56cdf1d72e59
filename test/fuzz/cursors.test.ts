/**
 * Cursor tokens fuzzed on every list that takes a `cursor`, through msw, `mock.fetch` and the demo
 * server: random text, random base64url JSON, real cursors truncated or edited, another user's
 * cursor and another filter's. None is a 5xx, a stack trace or a leak of another user's data.
 */
import fc from 'fast-check'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { ENDPOINTS } from './endpoints.js'
import {
  apiTargets,
  BASE_PATH,
  CALLER_KEY,
  fuzzParameters,
  fuzzTimeout,
  sendAndCheck,
  type FuzzTarget,
} from './harness.js'

const CURSOR_LISTS = ENDPOINTS.filter(
  (endpoint) => endpoint.method === 'GET' && endpoint.query.includes('cursor'),
)

/** A value for a filter, by the parameter's name, so another filter's cursor has a filter to differ in. */
function filterValue(name: string): string {
  if (name === 'call_successful') return 'success'
  if (/_unix$/.test(name)) return '1705300000'
  if (name === 'summary_mode') return 'full'
  if (name === 'sort_direction') return 'asc'
  return name.endsWith('_id') ? '123' : 'a'
}

interface Known {
  /** Cursors user 1 was given, by query. */
  own: string[]
  /** A cursor another user was given. */
  others: string[]
}

let targets: FuzzTarget[] = []
const known = new Map<string, Known>()

function cursorOf(text: string): string | undefined {
  try {
    const value = (JSON.parse(text) as Record<string, unknown>)['cursor']
    return typeof value === 'string' ? value : undefined
  } catch {
    return undefined
  }
}

beforeAll(async () => {
  targets = await apiTargets()
  for (const target of targets) {
    const otherToken = await target.mock.store.issueToken(3)
    for (const list of CURSOR_LISTS) {
      const path = `${BASE_PATH}${list.template}`
      const cursors: Known = { own: [], others: [] }
      const queries = [
        'page_size=1',
        ...list.query
          .filter((name) => !['cursor', 'page_size', 'offset'].includes(name))
          .map((name) => `page_size=1&${name}=${filterValue(name)}`),
      ]
      for (const query of queries) {
        const own = await target.send({
          method: 'GET',
          path: `${path}?${query}`,
          headers: [['X-API-Key', CALLER_KEY]],
        })
        const other = await target.send({
          method: 'GET',
          path: `${path}?${query}`,
          headers: [['Authorization', `Bearer ${otherToken}`]],
        })
        for (const [text, into] of [
          [own.text, cursors.own],
          [other.text, cursors.others],
        ] as const) {
          const cursor = cursorOf(text)
          if (cursor !== undefined) into.push(cursor)
        }
      }
      known.set(`${target.name} ${list.template}`, cursors)
    }
  }
})

afterAll(async () => {
  await Promise.all(targets.map((target) => target.close()))
})

const toBase64Url = (text: string) => Buffer.from(text).toString('base64url')

/** Draws a cursor from what is known for one list: mangled, foreign, or made up. */
function cursorFor(cursors: Known): fc.Arbitrary<string> {
  const made = [
    fc.string({ maxLength: 60 }),
    fc.string({ unit: 'binary', maxLength: 30 }),
    fc.base64String({ maxLength: 80 }),
    fc.json({ maxDepth: 3 }).map(toBase64Url),
    fc
      .array(fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.double()), { maxLength: 4 })
      .map((parts) => toBase64Url(JSON.stringify(parts))),
    fc.constantFrom('', ' ', '=', '%00', 'null', 'W10', 'WyJ4Il0', 'x'.repeat(10_000)),
  ]
  const real = [...cursors.own, ...cursors.others]
  if (real.length === 0) return fc.oneof(...made)
  return fc.oneof(
    ...made,
    fc.constantFrom(...real),
    fc
      .tuple(fc.constantFrom(...real), fc.nat())
      .map(([cursor, at]) => cursor.slice(0, at % cursor.length)),
    fc
      .tuple(fc.constantFrom(...real), fc.nat(), fc.constantFrom('A', '_', '-', '=', '%', 'é'))
      .map(([cursor, at, char]) => {
        const i = at % cursor.length
        return `${cursor.slice(0, i)}${char}${cursor.slice(i + 1)}`
      }),
  )
}

it(
  `answers any cursor on ${CURSOR_LISTS.map((list) => list.template).join(', ')} without a 5xx, a trace or a leak`,
  async () => {
    expect(CURSOR_LISTS.length).toBeGreaterThan(0)
    const statuses = new Map<number, number>()
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...CURSOR_LISTS).chain((list) =>
          fc.record({
            list: fc.constant(list),
            // Each transport's own cursors differ (ids are random): draw from the first's, plus all.
            cursor: cursorFor(
              [...known.entries()]
                .filter(([key]) => key.endsWith(` ${list.template}`))
                .reduce<Known>(
                  (all, [, cursors]) => ({
                    own: [...all.own, ...cursors.own],
                    others: [...all.others, ...cursors.others],
                  }),
                  { own: [], others: [] },
                ),
            ),
            filters: fc.subarray(list.query.filter((name) => name !== 'cursor')),
            pageSize: fc.option(
              fc.oneof(fc.integer({ min: -2, max: 200 }).map(String), fc.string({ maxLength: 5 })),
              { nil: undefined },
            ),
            repeat: fc.constantFrom('once', 'twice', 'as-list'),
          }),
        ),
        async ({ list, cursor, filters, pageSize, repeat }) => {
          const encoded = encodeURIComponent(cursor)
          const cursorQuery = {
            once: `cursor=${encoded}`,
            twice: `cursor=${encoded}&cursor=${encoded.slice(0, 8)}`,
            'as-list': `cursor[]=${encoded}`,
          }[repeat]
          const query = [
            cursorQuery,
            ...filters.map((name) => `${name}=${filterValue(name)}`),
            ...(pageSize === undefined ? [] : [`page_size=${encodeURIComponent(pageSize)}`]),
          ].join('&')
          for (const target of targets) {
            const answer = await sendAndCheck(target, {
              method: 'GET',
              path: `${BASE_PATH}${list.template}?${query}`,
              headers: [['X-API-Key', CALLER_KEY]],
            })
            statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1)
          }
        },
      ),
      fuzzParameters(2),
    )
    expect(statuses.size).toBeGreaterThan(1)
  },
  fuzzTimeout(2),
)

it('refuses another user’s cursor and another filter’s, on every transport', async () => {
  let refused = 0
  for (const target of targets) {
    for (const list of CURSOR_LISTS) {
      const cursors = known.get(`${target.name} ${list.template}`) as Known
      const [plain, ...filtered] = cursors.own
      for (const foreign of [...cursors.others, ...filtered]) {
        const answer = await sendAndCheck(target, {
          method: 'GET',
          path: `${BASE_PATH}${list.template}?page_size=1&cursor=${encodeURIComponent(foreign)}`,
          headers: [['X-API-Key', CALLER_KEY]],
        })
        expect(
          answer.status,
          `${target.name} ${list.template} ${answer.text}`,
        ).toBeGreaterThanOrEqual(400)
        refused++
      }
      if (plain !== undefined) {
        const answer = await sendAndCheck(target, {
          method: 'GET',
          path: `${BASE_PATH}${list.template}?page_size=1&cursor=${encodeURIComponent(plain)}`,
          headers: [['X-API-Key', CALLER_KEY]],
        })
        expect(answer.status).toBe(200)
      }
    }
  }
  // Both kinds were really tried, on each transport.
  expect(refused).toBeGreaterThanOrEqual(2 * targets.length)
})
