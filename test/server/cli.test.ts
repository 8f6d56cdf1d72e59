import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, expect, it, vi } from 'vitest'
import { createVoiceableMock } from '../../src/mock.js'
import { SCENARIOS } from '../../src/scenarios.js'
import { killAllClis, REPO_ROOT, runCli, startCli } from '../support/cli-process.js'

vi.setConfig({ testTimeout: 20_000 })

const AUTH = { 'X-API-Key': 'your-api-key-here' }
const VERSION = (
  JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }
).version
const tmp = mkdtempSync(join(tmpdir(), 'voiceable-mock-cli-'))
const blockers: Server[] = []

afterEach(async () => {
  killAllClis()
  await Promise.all(
    blockers
      .splice(0)
      .map((server) => new Promise<void>((resolve) => server.close(() => resolve()))),
  )
})

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

function writeTemp(name: string, content: string): string {
  const file = join(tmp, name)
  writeFileSync(file, content)
  return file
}

it('prints the usage and exits 0 for --help', async () => {
  const result = await runCli(['--help'])
  expect(result.code).toBe(0)
  expect(result.stdout).toMatch(/^Usage: voiceable-mock \[options\]/)
  for (const flag of [
    '--port',
    '--host',
    '--seed',
    '--scenario',
    '--data',
    '--delay',
    '--reveal-key-values',
    '--quiet',
    '--help',
    '--version',
  ])
    expect(result.stdout).toContain(flag)
  expect(result.stderr).toBe('')
})

it("prints the package's version and exits 0 for --version", async () => {
  const result = await runCli(['--version'])
  expect(result).toMatchObject({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
})

it.each([
  [['--bogus'], /Unknown option '--bogus'/],
  [['serve'], /Unexpected argument 'serve'/],
  [['--port', 'abc'], /--port must be a whole number from 0 to 65535, got "abc"/],
  [['--port', '65536'], /--port must be a whole number/],
  [['--delay', '-5'], /--delay/],
  [['--seed', '1.5'], /--seed must be a whole number/],
  [
    ['--scenario', 'crowded'],
    new RegExp(`--scenario must be one of ${SCENARIOS.join(', ')}, got "crowded"`),
  ],
  [['--scenario', 'empty', '--data', 'x.json'], /--data and --scenario cannot be combined/],
])('rejects %j with a message and the usage on stderr, exit code 2', async (args, message) => {
  const result = await runCli(args)
  expect(result.code).toBe(2)
  expect(result.stderr).toMatch(message)
  expect(result.stderr).toContain('Usage: voiceable-mock [options]')
  expect(result.stdout).toBe('')
})

it('prints one line naming the port and suggesting --port 0 when the port is in use, exit code 1', async () => {
  const blocker = createServer()
  blockers.push(blocker)
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const port = (blocker.address() as { port: number }).port
  const result = await runCli(['--port', String(port)])
  expect(result.code).toBe(1)
  expect(result.stdout).toBe('')
  expect(result.stderr).toBe(
    `voiceable-mock: port ${port} is already in use on 127.0.0.1; stop the other server or try --port 0 to pick a free port\n`,
  )
})

it('names the file and the problem when --data does not exist, exit code 1', async () => {
  const file = join(tmp, 'missing.json')
  const result = await runCli(['--data', file])
  expect(result.code).toBe(1)
  expect(result.stderr).toBe(`voiceable-mock: cannot load --data ${file}: no such file\n`)
})

it('names the file and the problem when --data is not JSON, exit code 1', async () => {
  const file = writeTemp('broken.json', '{"format": ')
  const result = await runCli(['--data', file])
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(
    new RegExp(`^voiceable-mock: cannot load --data ${file}: not valid JSON \\(.+\\)\\n$`),
  )
})

it('names the file and the bad field when --data is not a valid snapshot, exit code 1', async () => {
  const snapshot = createVoiceableMock().snapshot()
  const file = writeTemp(
    'bad-snapshot.json',
    JSON.stringify({ ...snapshot, api_keys: [{ ...snapshot.api_keys[0], user_id: 999 }] }),
  )
  const result = await runCli(['--data', file])
  expect(result.code).toBe(1)
  expect(result.stderr).toBe(
    `voiceable-mock: cannot load --data ${file}: api_keys[0].user_id: user 999 does not exist\n`,
  )
})

it('starts from a --data snapshot: its users and keys, not the built-in data', async () => {
  const source = createVoiceableMock({ scenario: 'empty' })
  const { apiKey } = source.store.createUser({ email: 'saved@example.com' })
  const file = writeTemp('saved.json', JSON.stringify(source.snapshot()))
  const server = await startCli(['--data', file])
  expect(server.stdout()).toContain(`Data       snapshot ${file}`)
  const mine = await fetch(`${server.baseUrl}/api_keys`, { headers: { 'X-API-Key': apiKey } })
  expect((await mine.json()).data.map((key: { user_email: string }) => key.user_email)).toEqual([
    'saved@example.com',
  ])
  // user 1 of the snapshot has no key, so the documented secret authenticates nobody
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(401)
  await server.stop()
})

it('prints the base URL, every built-in user with their key, and a ready-to-paste curl line', async () => {
  const server = await startCli()
  const banner = server.stdout()
  const origin = server.url.replace('127.0.0.1', 'localhost')
  expect(banner).toContain(`Base URL   ${origin}/api/v1`)
  expect(banner).toContain(`${origin}/voiceable-api`)
  const users = createVoiceableMock().store.listUsers()
  expect(users.length).toBeGreaterThan(1)
  for (const user of users)
    expect(banner).toContain(`${user.email.padEnd(32)}  X-API-Key: ${user.apiKey}`)
  expect(banner).toContain(
    `curl -X GET "${origin}/api/v1/api_keys/1" -H "X-API-Key: your-api-key-here"`,
  )
  await server.stop()
})

it('prints a JWT for a user without an API key (scenario empty), and that token authenticates', async () => {
  const server = await startCli(['--scenario', 'empty'])
  const token = /Authorization: Bearer (\S+)/.exec(server.stdout())?.[1]
  expect(token).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/)
  expect(server.stdout()).toContain(
    `curl -X GET "${server.url.replace('127.0.0.1', 'localhost')}/api/v1/api_keys" -H "Authorization: Bearer ${token}"`,
  )
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  expect(response.status).toBe(200)
  expect((await response.json()).data).toEqual([])
  await server.stop()
})

it('serves the data of --seed and --scenario', async () => {
  const expected = createVoiceableMock({ seed: 7, scenario: 'multi-tenant' }).store.listUsers()
  const server = await startCli(['--seed', '7', '--scenario', 'multi-tenant'])
  expect(server.stdout()).toContain('scenario "multi-tenant", seed 7')
  const last = expected.at(-1) as { email: string; apiKey: string }
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    headers: { 'X-API-Key': last.apiKey },
  })
  expect(response.status).toBe(200)
  expect(
    (await response.json()).data.every(
      (key: { user_email: string }) => key.user_email === last.email,
    ),
  ).toBe(true)
  await server.stop()
})

it('answers normally with --delay', async () => {
  const server = await startCli(['--delay', '50'])
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(200)
  await server.stop()
})

it('writes one access-log line per request, with no secrets and no query strings', async () => {
  const server = await startCli()
  const bannerEnd = server.stdout().length
  await fetch(`${server.baseUrl}/api_keys/1?api_key=your-api-key-here`, { headers: AUTH })
  await fetch(`${server.baseUrl}/api_keys/2`, {
    method: 'DELETE',
    headers: { Authorization: 'Bearer your-api-key-here' },
  })
  await fetch(`${server.url}/favicon.ico`)
  await server.waitForOutput(/GET \/favicon\.ico 404/)
  const log = server.stdout().slice(bannerEnd)
  const lines = log.trimEnd().split('\n')
  expect(lines).toHaveLength(3)
  expect(lines[0]).toMatch(/^GET \/api\/v1\/api_keys\/1 200 \d+\.\dms$/)
  expect(lines[1]).toMatch(/^DELETE \/api\/v1\/api_keys\/2 404 \d+\.\dms$/)
  expect(lines[2]).toMatch(/^GET \/favicon\.ico 404 \d+\.\dms$/)
  expect(log).not.toContain('your-api-key-here')
  await server.stop()
})

it('prints only the listening line and no access log with --quiet', async () => {
  const server = await startCli(['--quiet'])
  await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })
  const result = await server.stop('SIGINT')
  expect(result.stdout).toBe(`voiceable-mock ${VERSION} listening on ${server.url}\n`)
})

it.each(['SIGINT', 'SIGTERM'] as const)(
  'closes cleanly on %s, with open keep-alive connections, exit code 0',
  async (signal) => {
    const server = await startCli()
    // A keep-alive connection stays open after this request; the server must not wait for it.
    expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(200)
    const result = await server.stop(signal)
    expect(result).toMatchObject({ code: 0, signal: null, stderr: '' })
    expect(result.stdout).toContain(`voiceable-mock: ${signal} received, stopping\n`)
  },
)

it('listens on port 3000 by default, the documented development base URL', async (context) => {
  // Only when 3000 is free here: a shared machine may have something else on it.
  const probe = createServer()
  const free = await new Promise<boolean>((resolve) =>
    probe.once('error', () => resolve(false)).listen(3000, '127.0.0.1', () => resolve(true)),
  )
  if (!free) context.skip('port 3000 is in use on this machine')
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  const server = await startCli(['--quiet'], { defaultPort: true })
  expect(server.url).toBe('http://127.0.0.1:3000')
  expect((await fetch('http://127.0.0.1:3000/api/v1/api_keys/1', { headers: AUTH })).status).toBe(
    200,
  )
  await server.stop()
})

it('prints the email and password to sign in with, and tells a web-app user to add --reveal-key-values', async () => {
  const server = await startCli()
  const banner = server.stdout()
  expect(banner).toContain('Sign in    user@example.com / password')
  expect(banner).toContain('--reveal-key-values')
  const signIn = await fetch(`${server.url}/voiceable-api/auth/sign_in`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ user: { email: 'user@example.com', password: 'password' } }),
  })
  expect(signIn.status).toBe(200)
  // The documented null, without the flag.
  const list = await fetch(`${server.baseUrl}/api_keys`, { headers: AUTH })
  expect((await list.json()).data[0].key_value).toBeNull()
  // No password in the access log: only the banner prints one.
  await server.waitForOutput(/POST \/voiceable-api\/auth\/sign_in 200/)
  expect(server.stdout().slice(banner.length)).not.toContain('password')
  await server.stop()
})

it('returns key secrets in the list and get with --reveal-key-values, and says so', async () => {
  const server = await startCli(['--reveal-key-values'])
  expect(server.stdout()).toContain('Key values revealed in GET /api_keys (--reveal-key-values)')
  const list = await fetch(`${server.baseUrl}/api_keys`, { headers: AUTH })
  expect((await list.json()).data[0].key_value).toBe('your-api-key-here')
  const one = await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })
  expect((await one.json()).data.key_value).toBe('your-api-key-here')
  await server.stop()
})
