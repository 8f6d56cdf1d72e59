/**
 * The Voiceable web app's flow over HTTP, against the demo server as a developer runs it for the
 * app (`npx voiceable-mock --reveal-key-values`): under `/voiceable-api`, the app's own prefix.
 */
import { startMockServer, type MockServer } from 'voiceable-mock/node'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { createAppClient } from '../support/app-client.js'
import { runAppFlow } from '../support/app-flow.js'

let server: MockServer

beforeAll(async () => {
  server = await startMockServer({ revealKeyValues: true })
})

afterAll(async () => {
  await server?.close()
})

it("runs the web app's whole flow: sign in, current user, agents, keys, sign out, old token refused", async () => {
  server.mock.reset()
  let stored: string | null = null
  const app = createAppClient(`${server.url}/voiceable-api`, fetch, {
    get: () => stored,
    set: (token) => {
      stored = token
    },
  })
  await runAppFlow(app)
  expect(server.mock.journal.entries().map((entry) => `${entry.endpoint} ${entry.status}`)).toEqual(
    [
      'signIn 200',
      'getCurrentUser 200',
      'listAgents 200',
      'listApiKeys 200',
      'createApiKey 201',
      'listApiKeys 200',
      'deleteApiKey 200',
      'listApiKeys 200',
      'signOut 200',
      'getCurrentUser 401',
    ],
  )
})

it('lets the app on another port sign in with credentials: the preflight and the answer allow it', async () => {
  const origin = 'http://localhost:3001'
  const preflight = await fetch(`${server.url}/voiceable-api/auth/sign_in`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'authorization,content-type',
    },
  })
  expect(preflight.status).toBe(204)
  expect(preflight.headers.get('access-control-allow-origin')).toBe(origin)
  expect(preflight.headers.get('access-control-allow-credentials')).toBe('true')
  const signIn = await fetch(`${server.url}/voiceable-api/auth/sign_in`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { email: 'user@example.com', password: 'password' } }),
  })
  expect(signIn.status).toBe(200)
  expect(signIn.headers.get('access-control-allow-origin')).toBe(origin)
  expect(signIn.headers.get('access-control-allow-credentials')).toBe('true')
})
