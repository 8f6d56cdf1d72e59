/**
 * The demo server the web app talks to, from a test's side: its control API (reset, journal) and
 * its API as user 1 with the documented key, to learn what a screen ought to show.
 */
import { connectMockServer } from 'voiceable-mock/node'

/** Where the app looks for its API when it runs on localhost with no configuration. */
export const FAKE_PORT = 3000
export const FAKE_ORIGIN = `http://127.0.0.1:${FAKE_PORT}`
export const API_PREFIX = '/voiceable-api'
/** Requests to either spelling of the fake's origin are the app's API calls. */
export const FAKE_ORIGINS: readonly string[] = [FAKE_ORIGIN, `http://localhost:${FAKE_PORT}`]

/** The user the app signs in as, and the documented key of the same user for the test's reads. */
export const USER = { email: 'user@example.com', password: 'password' } as const
const USER_KEY = 'your-api-key-here'
/** The documented agent of user 1. */
export const AGENT_ID = '123'

export const control = connectMockServer(FAKE_ORIGIN)

/** An entry of the fake's journal, reduced to what names a call. */
export interface JournalCall {
  method: string
  path: string
  status: number
  endpoint: string
}

/** The calls the app made (the test's own reads, with the documented key, left out). */
export async function appJournal(): Promise<JournalCall[]> {
  const entries = await control.journal.entries()
  return entries
    .filter((entry) => entry.credential !== 'private-key')
    .map(({ method, path, status, endpoint }) => ({ method, path, status, endpoint }))
}

/** `GET <API_PREFIX><path>` as user 1; resolves with the body's `data`, rejects on a non-2xx. */
export async function readAsUser(path: string): Promise<any> {
  const response = await fetch(`${FAKE_ORIGIN}${API_PREFIX}${path}`, {
    headers: { 'X-API-Key': USER_KEY },
  })
  const body = await response.json().catch(() => undefined)
  if (!response.ok)
    throw new Error(
      `the fake answered the test's own GET ${path} with ${response.status} ${body?.error ?? ''}`.trim(),
    )
  return body?.data
}

/** The same read, or `undefined` when the fake cannot answer it yet (the check then says why). */
export async function tryReadAsUser(path: string): Promise<any> {
  try {
    return await readAsUser(path)
  } catch {
    return undefined
  }
}

/** Signs in through the API (not the page) to check a password. */
export async function signInStatus(email: string, password: string): Promise<number> {
  const response = await fetch(`${FAKE_ORIGIN}${API_PREFIX}/auth/sign_in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { email, password } }),
  })
  return response.status
}
