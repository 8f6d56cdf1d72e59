import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, expect, it, vi } from 'vitest'
import { createVoiceableMock } from '../mock.js'
import { SCENARIOS } from '../store/scenario-names.js'
import { run } from './cli.js'

// The command line in-process, through `run(argv, io)`, as bin.ts runs it on the real process:
// its output is captured, and `stop(signal)` stands for SIGINT/SIGTERM. A handful of cases spawn
// the built bin for real (test/server/cli-process.test.ts).

vi.setConfig({ testTimeout: 20_000 })

const AUTH = { 'X-API-Key': 'your-api-key-here' }
const VERSION = (
  JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string
  }
).version
const WAIT_MS = 15_000
const tmp = mkdtempSync(join(tmpdir(), 'voiceable-mock-cli-'))
const blockers: Server[] = []
const running: Started[] = []

interface Started {
  stdout(): string
  stderr(): string
  exited: Promise<number>
  stop(signal?: string): Promise<number>
}

function start(args: readonly string[]): Started {
  const out = { stdout: '', stderr: '' }
  let requestStop: (signal: string) => void = () => undefined
  const stopRequested = new Promise<string>((resolve) => (requestStop = resolve))
  const exited = run(args, {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    stopRequested,
  })
  const started: Started = {
    stdout: () => out.stdout,
    stderr: () => out.stderr,
    exited,
    stop(signal = 'SIGTERM') {
      requestStop(signal)
      return exited
    },
  }
  running.push(started)
  return started
}

/** Runs a command line that ends by itself (--help, --version, bad input). */
async function runToExit(args: readonly string[]) {
  const started = start(args)
  const code = await started.exited
  return { code, stdout: started.stdout(), stderr: started.stderr() }
}

async function waitForOutput(started: Started, text: string | RegExp): Promise<string> {
  const deadline = Date.now() + WAIT_MS
  let finished = false
  void started.exited.finally(() => (finished = true))
  for (;;) {
    const stdout = started.stdout()
    if (typeof text === 'string' ? stdout.includes(text) : text.test(stdout)) return stdout
    if (finished)
      throw new Error(`The CLI ended before printing ${String(text)}: ${started.stderr()}`)
    if (Date.now() > deadline)
      throw new Error(`The CLI did not print ${String(text)} in ${WAIT_MS} ms`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Starts the server on a free port and resolves once it listens. */
async function startServer(args: readonly string[] = []) {
  const started = start(['--port', '0', ...args])
  const url = /listening on (http:\/\/\S+)\n/.exec(
    await waitForOutput(started, /listening on (http:\/\/\S+)\n/),
  )?.[1] as string
  return { ...started, url, baseUrl: `${url}/api/v1` }
}

afterEach(async () => {
  await Promise.all(running.splice(0).map((started) => started.stop()))
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

it('prints the usage, naming every flag, and exits 0 for --help and -h', async () => {
  for (const flag of ['--help', '-h']) {
    const result = await runToExit([flag])
    expect(result.code).toBe(0)
    expect(result.stdout).toMatch(/^Usage: voiceable-mock \[options\]\n/)
    for (const option of [
      '--port',
      '--host',
      '--seed',
      '--scenario',
      '--data',
      '--persist',
      '--control-token',
      '--no-control',
      '--delay',
      '--quiet',
      '--help',
      '--version',
    ])
      expect(result.stdout).toContain(option)
    expect(result.stderr).toBe('')
  }
})

it("prints the package's version and exits 0 for --version and -v", async () => {
  expect(await runToExit(['--version'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
  expect(await runToExit(['-v'])).toEqual({ code: 0, stdout: `${VERSION}\n`, stderr: '' })
})

it.each([
  [['--bogus'], "Unknown option '--bogus'"],
  [['serve'], "Unexpected argument 'serve'"],
  [['--port'], "Option '-p, --port <value>' argument missing"],
  [['--port', 'abc'], '--port must be a whole number from 0 to 65535, got "abc"'],
  [['--port', '65536'], '--port must be a whole number from 0 to 65535, got "65536"'],
  [['--port', '-1'], "Option '--port' argument is ambiguous."],
  [['--delay', '1.5'], '--delay must be a whole number from 0 to 600000, got "1.5"'],
  [['--seed', '1.5'], '--seed must be a whole number from 0 to 4294967295, got "1.5"'],
  [['--host', ''], '--host must not be empty'],
  [['--host', 'local host'], '--host must be a host name or an IP address, got "local host"'],
  [['--scenario', 'crowded'], `--scenario must be one of ${SCENARIOS.join(', ')}, got "crowded"`],
  [
    ['--scenario', 'empty', '--data', 'x.json'],
    '--data and --scenario cannot be combined: the file is the whole starting state (with --persist, --scenario is the state of a new file and of a reset)',
  ],
  [['--persist'], '--persist needs --data <file.json>: the file to keep the store in'],
  [['--control-token', 'x', '--no-control'], '--control-token and --no-control cannot be combined'],
  [['--control-token', ''], '--control-token must not be empty or contain spaces'],
  [['--control-token', 'a b'], '--control-token must not be empty or contain spaces'],
])('rejects %j with its message and the usage on stderr, exit code 2', async (args, message) => {
  const result = await runToExit(args)
  expect(result.code).toBe(2)
  expect(result.stderr.startsWith(`voiceable-mock: ${message}`)).toBe(true)
  expect(result.stderr).toContain('\n\nUsage: voiceable-mock [options]\n')
  expect(result.stdout).toBe('')
})

it('says which port is in use and suggests --port 0, exit code 1', async () => {
  const blocker = createServer()
  blockers.push(blocker)
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const port = (blocker.address() as { port: number }).port
  expect(await runToExit(['--port', String(port)])).toEqual({
    code: 1,
    stdout: '',
    stderr: `voiceable-mock: port ${port} is already in use on 127.0.0.1; stop the other server or try --port 0 to pick a free port\n`,
  })
})

it('says a host is no local address, exit code 1', async () => {
  const result = await runToExit(['--port', '0', '--host', '192.0.2.1'])
  expect(result).toEqual({
    code: 1,
    stdout: '',
    stderr:
      'voiceable-mock: cannot listen on host 192.0.2.1: no such local address; try --host 127.0.0.1\n',
  })
})

it.each([
  [
    'a missing file',
    () => join(tmp, 'missing.json'),
    (file: string) => `cannot load --data ${file}: no such file`,
  ],
  [
    'a directory',
    () => tmp,
    (file: string) => `cannot load --data ${file}: it is a directory, not a file`,
  ],
  [
    'a file that is not JSON',
    () => writeTemp('broken.json', '{"format": '),
    (file: string) => `cannot load --data ${file}: not valid JSON (Unexpected end of JSON input)`,
  ],
  [
    'a snapshot with a bad field',
    () => {
      const snapshot = createVoiceableMock().snapshot()
      return writeTemp(
        'bad-snapshot.json',
        JSON.stringify({ ...snapshot, api_keys: [{ ...snapshot.api_keys[0], user_id: 999 }] }),
      )
    },
    (file: string) => `cannot load --data ${file}: api_keys[0].user_id: user 999 does not exist`,
  ],
])(
  'names the file and the problem for --data with %s, exit code 1',
  async (_label, makeFile, message) => {
    const file = makeFile()
    expect(await runToExit(['--port', '0', '--data', file])).toEqual({
      code: 1,
      stdout: '',
      stderr: `voiceable-mock: ${message(file)}\n`,
    })
  },
)

it('starts from a --data snapshot: its users and keys, not the built-in data', async () => {
  const source = createVoiceableMock({ scenario: 'empty' })
  const { apiKey } = source.store.createUser({ email: 'saved@example.com' })
  const file = writeTemp('saved.json', JSON.stringify(source.snapshot()))
  const server = await startServer(['--data', file])
  expect(server.stdout()).toContain(`  Data       snapshot ${file}\n`)
  const mine = await fetch(`${server.baseUrl}/api_keys`, { headers: { 'X-API-Key': apiKey } })
  expect((await mine.json()).data.map((key: { user_email: string }) => key.user_email)).toEqual([
    'saved@example.com',
  ])
  // User 1 of the snapshot has no key, so the documented secret authenticates nobody.
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(401)
})

it('resets to the --data snapshot after a scenario switch', async () => {
  const source = createVoiceableMock({ scenario: 'empty' })
  const { apiKey } = source.store.createUser({ email: 'saved@example.com' })
  const file = writeTemp('reset.json', JSON.stringify(source.snapshot()))
  const server = await startServer(['--data', file])
  const control = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}/__voiceable${path}`, {
      method,
      headers: { 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
  expect((await control('PUT', '/scenario', { name: 'many-keys' })).status).toBe(200)
  const mine = () => fetch(`${server.baseUrl}/api_keys`, { headers: { 'X-API-Key': apiKey } })
  expect((await mine()).status).toBe(401)
  expect((await control('POST', '/reset')).status).toBe(200)
  expect((await mine()).status).toBe(200)
})

it('prints the banner: version and URL, the base URLs, every built-in user with their key, a curl line', async () => {
  const server = await startServer()
  const origin = server.url.replace('127.0.0.1', 'localhost')
  const users = createVoiceableMock().store.listUsers()
  expect(users.length).toBeGreaterThan(1)
  expect(server.stdout()).toBe(
    [
      `voiceable-mock ${VERSION} listening on ${server.url}`,
      '',
      `  Base URL   ${origin}/api/v1`,
      `  Also at    ${origin}/voiceable-api   (the real backend's prefix)`,
      '  Data       scenario "documented", seed 1',
      `  Control    ${origin}/__voiceable/ from this machine only, never from a web page (--control-token admits others)`,
      '  Sessions   X-Voiceable-Mock-Session: <id> gives a client a store of its own, in memory',
      '             (at most 1000: past that the least recently used is dropped)',
      '',
      '  Users and their credentials:',
      ...users.map(
        (user) =>
          `    ${String(user.id).padStart(3)}  ${user.email.padEnd(32)}  X-API-Key: ${user.apiKey}`,
      ),
      '',
      "  Sign in    user@example.com / password   (POST /auth/sign_in, as a web app's login does)",
      '  Running a web app (the Voiceable web app)? Restart with --reveal-key-values: it reads key_value from GET /api_keys',
      '',
      '  Try it:',
      `    curl -X GET "${origin}/api/v1/api_keys/1" -H "X-API-Key: your-api-key-here"`,
      '',
      '  Access log below (method, path, status, time). Press Ctrl+C to stop.',
      '',
      '',
    ].join('\n'),
  )
})

it('prints a JWT for a user without an API key (scenario empty), and that token authenticates', async () => {
  const server = await startServer(['--scenario', 'empty'])
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
})

it('serves the data of --seed and --scenario', async () => {
  const expected = createVoiceableMock({ seed: 7, scenario: 'multi-tenant' }).store.listUsers()
  const server = await startServer(['--seed', '7', '--scenario', 'multi-tenant'])
  expect(server.stdout()).toContain('  Data       scenario "multi-tenant", seed 7\n')
  for (const user of expected) expect(server.stdout()).toContain(`X-API-Key: ${user.apiKey}`)
  const last = expected.at(-1) as { email: string; apiKey: string }
  const response = await fetch(`${server.baseUrl}/api_keys`, {
    headers: { 'X-API-Key': last.apiKey },
  })
  const emails = (await response.json()).data.map((key: { user_email: string }) => key.user_email)
  expect(emails.length).toBeGreaterThan(0)
  expect(new Set(emails)).toEqual(new Set([last.email]))
})

it('waits --delay milliseconds before each answer', async () => {
  const server = await startServer(['--delay', '300'])
  const started = performance.now()
  expect((await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).status).toBe(200)
  expect(performance.now() - started).toBeGreaterThanOrEqual(295)
})

it('writes one access-log line per request, with no secrets and no query strings', async () => {
  const server = await startServer()
  const bannerEnd = server.stdout().length
  await fetch(`${server.baseUrl}/api_keys/1?api_key=your-api-key-here`, { headers: AUTH })
  await fetch(`${server.baseUrl}/api_keys/2`, {
    method: 'DELETE',
    headers: { Authorization: 'Bearer your-api-key-here' },
  })
  await fetch(`${server.url}/favicon.ico`)
  await waitForOutput(server, /GET \/favicon\.ico 404/)
  const log = server.stdout().slice(bannerEnd)
  const lines = log.trimEnd().split('\n')
  expect(lines).toHaveLength(3)
  expect(lines[0]).toMatch(/^GET \/api\/v1\/api_keys\/1 200 \d+\.\dms$/)
  expect(lines[1]).toMatch(/^DELETE \/api\/v1\/api_keys\/2 404 \d+\.\dms$/)
  expect(lines[2]).toMatch(/^GET \/favicon\.ico 404 \d+\.\dms$/)
  expect(log).not.toContain('your-api-key-here')
})

it('prints only the listening line, no access log and no stop line with --quiet', async () => {
  const server = await startServer(['--quiet'])
  await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })
  expect(await server.stop('SIGINT')).toBe(0)
  expect(server.stdout()).toBe(`voiceable-mock ${VERSION} listening on ${server.url}\n`)
})

it('says which signal stopped it, closes the server and exits 0', async () => {
  const server = await startServer()
  expect(await server.stop('SIGTERM')).toBe(0)
  expect(server.stdout().endsWith('voiceable-mock: SIGTERM received, stopping\n')).toBe(true)
  await expect(fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })).rejects.toThrow()
})

it('listens on port 3000 by default, the documented development base URL', async (context) => {
  // Only when 3000 is free here: a shared machine may have something else on it.
  const probe = createServer()
  const free = await new Promise<boolean>((resolve) =>
    probe.once('error', () => resolve(false)).listen(3000, '127.0.0.1', () => resolve(true)),
  )
  if (!free) context.skip('port 3000 is in use on this machine')
  await new Promise<void>((resolve) => probe.close(() => resolve()))
  const started = start(['--quiet'])
  await waitForOutput(started, 'listening on http://127.0.0.1:3000\n')
  expect((await fetch('http://127.0.0.1:3000/api/v1/api_keys/1', { headers: AUTH })).status).toBe(
    200,
  )
})

it('serves the OpenAPI document with --no-control: the public route stays when the control API is off', async () => {
  const off = await startServer(['--no-control'])
  const response = await fetch(`${off.url}/__voiceable/openapi.json`, {
    headers: { Origin: 'http://localhost:5173' },
  })
  expect(response.status).toBe(200)
  expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173')
  expect((await response.json()).servers[0].url).toBe(off.baseUrl)
})

it('says where the control API is, and that sessions are bounded, in the banner', async () => {
  const off = await startServer(['--no-control'])
  expect(off.stdout()).toContain('\n  Control    off (--no-control)\n')
  expect((await fetch(`${off.url}/__voiceable/journal`)).status).toBe(404)
  const withToken = await startServer(['--control-token', 'sesame-123'])
  const origin = withToken.url.replace('127.0.0.1', 'localhost')
  expect(withToken.stdout()).toContain(
    `\n  Control    ${origin}/__voiceable/ from this machine, or from anywhere with Authorization: Bearer <--control-token>\n`,
  )
  expect(withToken.stdout()).not.toContain('sesame-123')
  const journal = await fetch(`${withToken.url}/__voiceable/journal`, {
    headers: { Origin: 'http://localhost:5173', Authorization: 'Bearer sesame-123' },
  })
  expect(journal.status).toBe(200)
})

it('creates a missing --data file with --persist from --scenario, and says so', async () => {
  const file = join(tmp, 'persisted-new.json')
  const server = await startServer([
    '--data',
    file,
    '--persist',
    '--scenario',
    'empty',
    '--seed',
    '3',
  ])
  expect(server.stdout()).toContain(
    `\n  Data       scenario "empty", seed 3, saved in ${file} (new), written back after every change\n`,
  )
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(
    createVoiceableMock({ scenario: 'empty', seed: 3 }).snapshot(),
  )
})

it('loads an existing --data file with --persist over --scenario, says so, and saves changes on stop', async () => {
  const source = createVoiceableMock({ scenario: 'multi-tenant' })
  const file = writeTemp('persisted-old.json', JSON.stringify(source.snapshot()))
  const server = await startServer(['--data', file, '--persist', '--scenario', 'empty'])
  expect(server.stdout()).toContain(
    `\n  Data       saved in ${file}, written back after every change (the file wins over --scenario empty; a reset goes back to it)\n`,
  )
  const response = await fetch(`${server.baseUrl}/api_keys/1`, { method: 'DELETE', headers: AUTH })
  expect(response.status).toBe(200)
  expect(await server.stop('SIGINT')).toBe(0)
  const saved = JSON.parse(readFileSync(file, 'utf8')) as { api_keys: { id: number }[] }
  expect(saved.api_keys.map((key) => key.id)).not.toContain(1)
  expect(saved.api_keys).toHaveLength(source.snapshot().api_keys.length - 1)
})

it('refuses an invalid --persist file in one line naming the file and the field, exit code 1, file untouched', async () => {
  const snapshot = createVoiceableMock().snapshot()
  const text = JSON.stringify({ ...snapshot, users: [{ ...snapshot.users[0], email: 42 }] })
  const file = writeTemp('persisted-bad.json', text)
  expect(await runToExit(['--port', '0', '--data', file, '--persist'])).toEqual({
    code: 1,
    stdout: '',
    stderr: `voiceable-mock: cannot load --data ${file}: users[0].email: Invalid input: expected string, received number\n`,
  })
  expect(readFileSync(file, 'utf8')).toBe(text)
})

it('says it cannot create a --persist file in a missing folder, exit code 1', async () => {
  const file = join(tmp, 'no-such-folder', 'data.json')
  const result = await runToExit(['--port', '0', '--data', file, '--persist'])
  expect(result.code).toBe(1)
  expect(result.stderr).toMatch(
    new RegExp(`^voiceable-mock: cannot save --data ${file}: Error: ENOENT[^\n]*\n$`),
  )
})

it('prints the email and password to sign in with, and tells a web-app user to add --reveal-key-values', async () => {
  const server = await startServer()
  const banner = server.stdout()
  expect(banner).toContain(
    "  Sign in    user@example.com / password   (POST /auth/sign_in, as a web app's login does)\n",
  )
  expect(banner).toContain(
    '  Running a web app (the Voiceable web app)? Restart with --reveal-key-values: it reads key_value from GET /api_keys\n',
  )
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
  await waitForOutput(server, /POST \/voiceable-api\/auth\/sign_in 200/)
  expect(server.stdout().slice(banner.length)).not.toContain('password')
})

it('returns key secrets in the list and get with --reveal-key-values, and says so', async () => {
  const server = await startServer(['--reveal-key-values'])
  expect(server.stdout()).toContain(
    '  Key values revealed in GET /api_keys (--reveal-key-values), as the Voiceable web app expects\n',
  )
  const list = await fetch(`${server.baseUrl}/api_keys`, { headers: AUTH })
  expect((await list.json()).data[0].key_value).toBe('your-api-key-here')
  const one = await fetch(`${server.baseUrl}/api_keys/1`, { headers: AUTH })
  expect((await one.json()).data.key_value).toBe('your-api-key-here')
})
