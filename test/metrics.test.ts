import { expect, it } from 'vitest'
import { call, createTestMock } from './support/call.js'

const DAY = 24 * 60 * 60

it("answers the overview's last 30 days of the real clock with the calls GET /conversations lists there", async () => {
  const mock = createTestMock({ now: () => new Date() })
  const now = Math.floor(Date.now() / 1000)
  const window = `call_start_before_unix=${now}&call_start_after_unix=${now - 30 * DAY}`
  const metrics = await call(mock, `GET /metrics?${window}`)
  expect(metrics.status).toBe(200)
  const calls = await call(mock, `GET /conversations?page_size=100&${window}`)
  const listed = calls.body.data as { metadata: { duration: number } }[]
  // The documented agent's recent calls make the overview show figures.
  expect(listed.length).toBeGreaterThan(0)
  const seconds = listed.reduce((sum, item) => sum + item.metadata.duration, 0)
  const mean = Math.round(seconds / listed.length)
  expect(metrics.body.data).toMatchObject({
    numberOfCalls: listed.length,
    avgDuration: `${Math.floor(mean / 60)}:${String(mean % 60).padStart(2, '0')}`,
    totalCost: Math.round((seconds / 60) * 0.1 * 100) / 100,
  })
  expect(typeof metrics.body.data.avgCost).toBe('number')
  expect(Object.keys(metrics.body.data)).toEqual([
    'numberOfCalls',
    'avgDuration',
    'totalCost',
    'avgCost',
    'previousPeriodMetrics',
  ])
})

it("counts one agent's calls with agent_id; another user's agent has none; a bad window is a 422", async () => {
  const mock = createTestMock()
  const all = (await call(mock, 'GET /metrics')).body.data
  const one = (await call(mock, 'GET /metrics?agent_id=123')).body.data
  const listed = (await call(mock, 'GET /conversations?agent_id=123&page_size=100')).body.data
  expect(one.numberOfCalls).toBe(listed.length)
  expect(all.numberOfCalls).toBeGreaterThanOrEqual(one.numberOfCalls)
  const foreign = mock.store.listAgents(2)[0]!.id
  expect((await call(mock, `GET /metrics?agent_id=${foreign}`)).body.data.numberOfCalls).toBe(0)
  expect((await call(mock, 'GET /metrics?call_start_after_unix=soon')).status).toBe(422)
})
