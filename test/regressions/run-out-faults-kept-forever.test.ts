// Found by the soak (npm run soak): every fault ever added stayed in the list `GET
// /__voiceable/faults` shows, run-out ones too, until a clear or reset. A demo server that adds a
// `times: 1` fault per test and never clears grew by ~220 bytes a fault, without bound (the soak's
// heap rose 25% over a million requests). Now the list keeps every active fault and the last 100
// that ran out (`FAULT_HISTORY_MAX`, src/toolkit/faults.ts).
import { afterAll, beforeAll, expect, it } from 'vitest'
import { startMockServer, type MockServer } from 'voiceable-mock/node'

const HISTORY = 100
let server: MockServer

beforeAll(async () => {
  server = await startMockServer({ port: 0, host: '127.0.0.1', rateLimit: false })
})

afterAll(async () => {
  await server.close()
})

interface Listed {
  id: string
  active: boolean
  hits: number
}

async function listed(): Promise<Listed[]> {
  const response = await fetch(`${server.url}/__voiceable/faults`)
  return ((await response.json()) as { faults: Listed[] }).faults
}

it('keeps the active faults and the last 100 run-out ones, however many ran out', async () => {
  const key = server.mock.store.listUsers().find((user) => user.id === 2)?.apiKey as string
  // Added first, so it is the oldest: an active fault is never forgotten.
  const lasting = server.mock.faults.error(503, { userId: 3 })
  const ids: string[] = []
  for (let i = 0; i < 150; i++) {
    const added = await fetch(`${server.url}/__voiceable/faults`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ kind: 'error', status: 503, userId: 2, times: 1 }),
    })
    ids.push(((await added.json()) as { id: string }).id)
    const hit = await fetch(`${server.baseUrl}/api_keys`, { headers: { 'X-API-Key': key } })
    expect(hit.status).toBe(503)
  }
  const faults = await listed()
  expect(faults.filter((fault) => fault.active)).toHaveLength(1)
  const runOut = faults.filter((fault) => !fault.active)
  expect(runOut.map((fault) => fault.id)).toEqual(ids.slice(-HISTORY))
  expect(runOut.every((fault) => fault.hits === 1)).toBe(true)
  lasting.remove()
  expect(await listed()).toHaveLength(HISTORY)
}, 30_000)
