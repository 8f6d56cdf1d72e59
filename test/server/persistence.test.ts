import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, expect, it, vi } from 'vitest'
import { createVoiceableMock, type Snapshot } from 'voiceable-mock'
import { startMockServer, type MockServer, type StartMockServerOptions } from 'voiceable-mock/node'
import { killAllClis, startCli } from '../support/cli-process.js'
import { DOCUMENTED_API_KEY } from '../support/documented.js'

// Persistence of the default store (`persistTo`, `--data <file> --persist`): across a restart,
// through a kill, and never over a file it cannot read.

vi.setConfig({ testTimeout: 30_000 })

const AUTH = { 'X-API-Key': DOCUMENTED_API_KEY.key_value }
const tmp = mkdtempSync(join(tmpdir(), 'voiceable-mock-persist-'))
const started: MockServer[] = []
let files = 0

async function start(options: StartMockServerOptions): Promise<MockServer> {
  const server = await startMockServer(options)
  started.push(server)
  return server
}

afterEach(async () => {
  killAllClis()
  await Promise.all(started.splice(0).map((server) => server.close()))
})

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

function dataFile(): string {
  return join(tmp, `data-${++files}.json`)
}

function readSnapshot(file: string): Snapshot {
  return JSON.parse(readFileSync(file, 'utf8')) as Snapshot
}

function createKey(baseUrl: string, name: string, headers: Record<string, string> = AUTH) {
  return fetch(`${baseUrl}/api_keys`, {
    method: 'POST',
    headers: { ...headers, 'Content-Type': 'application/json' },
    body: JSON.stringify({ api_key: { name, key_type: 'private' } }),
  })
}

it('keeps users, keys, secrets, id counters and tokens across a stop and a start', async () => {
  const file = dataFile()
  const first = await start({ persistTo: file })
  const created = (await (await createKey(first.baseUrl, 'Survives')).json()).data
  const user = first.mock.store.createUser({ email: 'kept@example.com' })
  const token = await first.mock.store.issueToken(user.id)
  await first.close()

  const second = await start({ persistTo: file })
  const byItsSecret = await fetch(`${second.baseUrl}/api_keys/${created.id as number}`, {
    headers: { 'X-API-Key': created.key_value },
  })
  expect(byItsSecret.status).toBe(200)
  expect((await byItsSecret.json()).data).toEqual({ ...created, key_value: null })
  const byToken = await fetch(`${second.baseUrl}/api_keys`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(byToken.status).toBe(200)
  expect((await byToken.json()).data.map((key: { user_email: string }) => key.user_email)).toEqual([
    'kept@example.com',
  ])
  // The id counter carried over: the next key gets the next id (createUser made one key too).
  const next = (await (await createKey(second.baseUrl, 'Next')).json()).data
  expect(next.id).toBe((created.id as number) + 2)
  expect(second.mock.snapshot()).toMatchObject({ token_secret: first.mock.snapshot().token_secret })
})

it('keeps signed-up users with their passwords, agents and signed-out tokens across a restart', async () => {
  const file = dataFile()
  const first = await start({ persistTo: file })
  const json = { 'Content-Type': 'application/json' }
  const signUp = await fetch(`${first.baseUrl}/auth/sign_up`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ user: { email: 'new@example.com', password: 'secret1' } }),
  })
  expect(signUp.status).toBe(201)
  const { token } = (await signUp.json()) as { token: string }
  const bearer = { ...json, Authorization: `Bearer ${token}` }
  const agent = await fetch(`${first.baseUrl}/agents`, {
    method: 'POST',
    headers: bearer,
    body: JSON.stringify({ agent: { name: 'Night Shift' } }),
  })
  expect(agent.status).toBe(201)
  const signOut = await fetch(`${first.baseUrl}/auth/sign_out`, {
    method: 'DELETE',
    headers: bearer,
  })
  expect(signOut.status).toBeLessThan(300)
  // Each of these writes is a change: the file has them before any stop.
  await vi.waitFor(() => expect(readSnapshot(file)).toEqual(first.mock.snapshot()), {
    timeout: 2000,
  })
  await first.close()

  const second = await start({ persistTo: file })
  // The signed-out token stays revoked.
  const revoked = await fetch(`${second.baseUrl}/agents`, { headers: bearer })
  expect(revoked.status).toBe(401)
  // The password still signs in, and the agent is still theirs.
  const signIn = await fetch(`${second.baseUrl}/auth/sign_in`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ user: { email: 'new@example.com', password: 'secret1' } }),
  })
  expect(signIn.status).toBe(200)
  const { token: fresh } = (await signIn.json()) as { token: string }
  const agents = await fetch(`${second.baseUrl}/agents`, {
    headers: { Authorization: `Bearer ${fresh}` },
  })
  expect(agents.status).toBe(200)
  expect(JSON.stringify(await agents.json())).toContain('Night Shift')
})

it('creates a missing file from the starting scenario before it listens', async () => {
  const file = dataFile()
  const server = await start({ persistTo: file, scenario: 'multi-tenant' })
  expect(readSnapshot(file)).toEqual(createVoiceableMock({ scenario: 'multi-tenant' }).snapshot())
  expect(readSnapshot(file)).toEqual(server.mock.snapshot())
})

it('writes every kind of change within about 100 ms: API writes, scenario switches, resets and restores', async () => {
  const file = dataFile()
  const server = await start({ persistTo: file })
  const written = async () =>
    vi.waitFor(() => expect(readSnapshot(file)).toEqual(server.mock.snapshot()), {
      timeout: 2000,
      interval: 20,
    })
  await createKey(server.baseUrl, 'Written')
  await written()
  await fetch(`${server.baseUrl}/api_keys/1`, { method: 'DELETE', headers: AUTH })
  await written()
  await fetch(`${server.baseUrl}/api_keys`, { headers: { 'X-Voiceable-Mock-Scenario': 'empty' } })
  await written()
  expect(readSnapshot(file).api_keys).toEqual([])
  await server.control.reset()
  await written()
  const saved = createVoiceableMock({ scenario: 'many-keys' }).snapshot()
  await server.control.restore(saved)
  await written()
  expect(readSnapshot(file)).toEqual(saved)
})

it('persists no failed write, no read and nothing a session does', async () => {
  const file = dataFile()
  const server = await start({ persistTo: file })
  const before = readFileSync(file, 'utf8')
  await fetch(`${server.baseUrl}/api_keys/999`, { method: 'DELETE', headers: AUTH })
  await fetch(`${server.baseUrl}/api_keys`, { headers: AUTH })
  await createKey(server.baseUrl, 'In a session', { ...AUTH, 'X-Voiceable-Mock-Session': 's' })
  await new Promise((resolve) => setTimeout(resolve, 300))
  expect(readFileSync(file, 'utf8')).toBe(before)
})

it('loads an existing file over the scenario option, and resets to the scenario (persisting that)', async () => {
  const file = dataFile()
  const saved = createVoiceableMock({ scenario: 'many-keys' }).snapshot()
  writeFileSync(file, JSON.stringify(saved))
  const server = await start({ persistTo: file, scenario: 'empty' })
  expect(server.mock.snapshot()).toEqual(saved)
  await server.control.reset()
  const empty = createVoiceableMock({ scenario: 'empty' }).snapshot()
  expect(server.mock.snapshot()).toEqual(empty)
  await vi.waitFor(() => expect(readSnapshot(file)).toEqual(empty), { timeout: 2000 })
})

it('refuses an invalid file naming the file and the bad field, and leaves it untouched', async () => {
  const file = dataFile()
  const snapshot = createVoiceableMock().snapshot()
  const text = JSON.stringify({ ...snapshot, next_api_key_id: 1 })
  writeFileSync(file, text)
  await expect(startMockServer({ persistTo: file })).rejects.toThrow(
    `Failed to load ${file}: next_api_key_id: must be greater than API key id 1`,
  )
  expect(readFileSync(file, 'utf8')).toBe(text)
})

it('writes the last changes on SIGTERM, before the 100 ms have passed', async () => {
  const file = dataFile()
  const cli = await startCli(['--data', file, '--persist', '--quiet'])
  const created = await createKey(cli.baseUrl, 'Just before the signal')
  expect(created.status).toBe(201)
  expect((await cli.stop('SIGTERM')).code).toBe(0)
  expect(readSnapshot(file).api_keys.map((key) => key.name)).toContain('Just before the signal')
})

it('leaves a valid file when killed with SIGKILL during a burst of writes', async () => {
  // @note The kill comes after a number of created keys, not after a number of milliseconds: on
  // a loaded machine a fixed delay could pass before the first write (and the test then failed).
  for (const killAfterCreated of [3, 25, 80]) {
    const file = dataFile()
    // many-keys: a file of a few hundred kB, so a write takes long enough to be cut into.
    const cli = await startCli(['--data', file, '--persist', '--scenario', 'many-keys', '--quiet'])
    let created = 0
    let reached: () => void = () => undefined
    const enough = new Promise<void>((resolve) => (reached = resolve))
    // Four clients write as fast as they can until the process dies under them.
    const writers = Array.from({ length: 4 }, async (_, writer) => {
      for (let i = 0; ; i++) {
        try {
          if ((await createKey(cli.baseUrl, `w${writer}-${i}`)).status === 201) created++
        } catch {
          return
        }
        if (created >= killAfterCreated) reached()
      }
    })
    await enough
    const exit = await cli.stop('SIGKILL')
    await Promise.all(writers)
    expect(exit.signal).toBe('SIGKILL')
    // Whole JSON, and a snapshot the server accepts: a restart from it works.
    const saved = readSnapshot(file)
    expect(() => createVoiceableMock({ snapshot: saved })).not.toThrow()
    const restarted = await start({ persistTo: file })
    expect(restarted.mock.snapshot()).toEqual(saved)
  }
})
