import { createVoiceableMock } from 'voiceable-mock'
import { afterAll, expect, it } from 'vitest'
import { startMswServer } from '../support/msw-server.js'

// One msw server, many concurrent tests, each with its own mock scoped by server.boundary:
// nothing leaks between them whatever order vitest's shuffle picks.
const server = startMswServer([], 'error')
afterAll(() => server.close())

const headers = { 'X-API-Key': 'your-api-key-here', 'Content-Type': 'application/json' }
const base = 'https://api.example.com/api/v1/api_keys'

it.concurrent.each(Array.from({ length: 8 }, (_, i) => i))(
  'keeps concurrent test %i in its own store',
  (index) =>
    server.boundary(async () => {
      const mock = createVoiceableMock({ seed: index + 1 })
      server.use(...mock.handlers)
      const names = Array.from({ length: 3 }, (_, n) => `test-${index}-key-${n}`)
      for (const name of names) {
        const res = await fetch(base, {
          method: 'POST',
          headers,
          body: JSON.stringify({ api_key: { name, key_type: 'private' } }),
        })
        expect(res.status).toBe(201)
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 5))
      }
      if (index % 2 === 0) await fetch(`${base}/1`, { method: 'DELETE', headers })
      const list = await (
        await fetch(base, {
          headers: {
            'X-API-Key':
              index % 2 === 0 ? (mock.store.listUsers()[0]?.apiKey ?? '') : 'your-api-key-here',
          },
        })
      ).json()
      expect(list.data?.map((key: { name: string }) => key.name) ?? []).toEqual(
        index % 2 === 0 ? names : ['Production API Key', ...names],
      )
      expect(mock.journal.count({ endpoint: 'createApiKey' })).toBe(3)
    })(),
)

it('never shares state between two mocks in one process', () => {
  const a = createVoiceableMock()
  const b = createVoiceableMock()
  a.store.deleteApiKey(1, 1)
  expect(b.store.getApiKey(1, 1)).toBeDefined()
})
