import { expect } from 'vitest'
import { maskKey, type AppClient } from './app-client.js'

/** A token a previous session left behind: the app still sends it when it signs in. */
export const STALE_TOKEN =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxIiwianRpIjoic3RhbGUifQ.c3RhbGUtc2lnbmF0dXJl'

/**
 * The Voiceable web app's whole flow, as one sequence (issue 11, item 10): sign in (with a stale
 * token still stored), current user, list agents, list keys, create a key, delete it, sign out,
 * and the old token refused. Each step checks what the app reads (voiceable-client-contract.md).
 * Run over the demo server and, in Chromium, behind msw's worker.
 */
export async function runAppFlow(app: AppClient): Promise<void> {
  await app.setToken(STALE_TOKEN)

  const signIn = await app.signIn('user@example.com', 'password')
  expect(signIn.status, 'sign in').toBe(200)
  expect(signIn.body.data).toMatchObject({
    id: 1,
    email: 'user@example.com',
    role: 'enterprise',
    membership_status: 'active',
  })
  const token = await app.token()
  expect(token).toBe(signIn.body.token)
  expect(token).not.toBe(STALE_TOKEN)

  const user = await app.currentUser()
  expect(user.status, 'current user').toBe(200)
  // The user sign-in answered, then the tour flag the assistant page reads (docs/fidelity.md).
  expect(user.body.data).toEqual({ ...signIn.body.data, assistant_detail_tour_completed: false })

  const agents = await app.listAgents()
  expect(agents.status, 'list agents').toBe(200)
  expect(agents.body.data.length).toBeGreaterThan(0)
  expect(agents.body.data.length).toBeLessThanOrEqual(10)
  expect(agents.body.data.map((agent: { id: string }) => agent.id)).toContain('123')
  expect(typeof agents.body.total_count).toBe('number')
  expect(typeof agents.body.has_more).toBe('boolean')

  const keys = await app.listKeys()
  expect(keys.status, 'list keys').toBe(200)
  // The API-keys screen masks every listed secret: it must be a string.
  for (const key of keys.body.data as { key_value: unknown }[]) {
    expect(typeof key.key_value).toBe('string')
    maskKey(key.key_value as string)
  }

  const created = await app.createKey({
    key_type: 'public',
    name: 'Widget API Key',
    transient_assistant: false,
  })
  expect(created.status, 'create key').toBe(201)
  const id = created.body.data.id as number
  const listed = await app.listKeys()
  const widget = listed.body.data.find((key: { id: number }) => key.id === id)
  expect(widget?.key_value).toBe(created.body.data.key_value)

  const deleted = await app.deleteKey(id)
  expect(deleted.status, 'delete key').toBe(200)
  expect(
    (await app.listKeys()).body.data.some((key: { id: number }) => key.id === id),
    'the deleted key is gone',
  ).toBe(false)

  const signOut = await app.signOut()
  expect(signOut.status, 'sign out').toBe(200)

  // The app would clear the token now; sent again, it is refused with the message that logs out.
  const refused = await app.currentUser()
  expect(refused.status, 'the old token').toBe(401)
  expect(refused.body.status.message).toBe('Authentication required.')
  expect(await app.token(), 'the app dropped the token').toBeNull()
}
