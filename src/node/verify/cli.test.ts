import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest'
import { run } from '../cli.js'
import { startMockServer, type MockServer } from '../mock-server.js'
import { VERIFY_HELP } from './cli.js'
import { WRITE_CYCLE_RESOURCES } from './write-cycle.js'

// `voiceable-mock verify` in-process, through `run(argv, io)` as bin.ts runs it, against the
// demo server (which answers as the fake does) with faults injected for differences and 429s.

vi.setConfig({ testTimeout: 30_000 })

const API_KEY = 'your-api-key-here'
const SECRET = 'sk_live_VerifySecretNeverPrinted'
const tmp = mkdtempSync(join(tmpdir(), 'voiceable-mock-verify-'))
const servers: MockServer[] = []

afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

async function serve(): Promise<MockServer> {
  const server = await startMockServer({ port: 0, generateKeyValue: () => SECRET })
  servers.push(server)
  return server
}

async function verify(argv: readonly string[], env: Record<string, string> = {}) {
  const out = { stdout: '', stderr: '' }
  const code = await run(['verify', ...argv], {
    stdout: (text) => void (out.stdout += text),
    stderr: (text) => void (out.stderr += text),
    stopRequested: new Promise(() => undefined),
    env,
  })
  return { code, ...out }
}

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}

describe('voiceable-mock verify: the command line', () => {
  it('prints its usage for --help, and the main usage names it', async () => {
    expect(await verify(['--help'])).toEqual({ code: 0, stdout: VERIFY_HELP, stderr: '' })
    expect(VERIFY_HELP).toMatch(/^Usage: voiceable-mock verify --base-url <url> --api-key <key>/)
    let main = ''
    await run(['--help'], {
      stdout: (text) => void (main += text),
      stderr: () => undefined,
      stopRequested: new Promise(() => undefined),
    })
    expect(main).toContain('voiceable-mock verify --base-url <url> --api-key <key>')
    expect(main).toContain('(voiceable-mock verify --help)')
  })

  it.each([
    [[], '--base-url is required: the backend to check'],
    [
      ['--base-url', 'x'],
      '--base-url must be an http(s) URL, e.g. https://api.voiceable.dev/voiceable-api',
    ],
    [
      ['--base-url', 'https://api.voiceable.dev'],
      '--base-url must end with the API prefix: /voiceable-api (the real backend) or /api/v1 (as documented)',
    ],
    [
      ['--base-url', 'https://b.test/api/v1'],
      '--api-key is required (or set VOICEABLE_API_KEY): a private API key of a test account',
    ],
    [
      ['--base-url', 'https://b.test/api/v1', '--api-key', 'k', '--timeout', 'soon'],
      '--timeout must be a whole number from 1 to 600000, got "soon"',
    ],
    [
      ['--base-url', 'https://b.test/api/v1', '--api-key', 'k', '--report', '/no/such/folder/r.md'],
      '--report /no/such/folder/r.md: not a file in an existing folder',
    ],
    [['--bogus'], "Unknown option '--bogus'"],
  ])('exits 2 with the problem and the usage for %j', async (argv, problem) => {
    const result = await verify(argv)
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr.split('\n')[0]).toContain(`voiceable-mock verify: ${problem}`)
    expect(result.stderr).toContain(VERIFY_HELP)
  })

  it('exits 2 with one line when the backend cannot be reached, or refuses the key', async () => {
    const unreachable = await verify([
      '--base-url',
      `http://127.0.0.1:${await closedPort()}/api/v1`,
      '--api-key',
      API_KEY,
    ])
    expect(unreachable.code).toBe(2)
    expect(unreachable.stderr).toMatch(
      /^voiceable-mock verify: cannot reach http:\/\/127\.0\.0\.1:\d+\/api\/v1: GET \/api_keys failed: .+\n$/,
    )
    const server = await serve()
    const refused = await verify([
      '--base-url',
      server.baseUrl,
      '--api-key',
      'sk_live_NotAKeyOfTheServer',
    ])
    expect(refused).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'voiceable-mock verify: the backend refused the API key (GET /api_keys answered 401): give a valid private key of a test account\n',
    })
  })
})

describe('voiceable-mock verify: against the demo server', () => {
  it('exits 0 against the demo server, with --write too, reading the key from VOICEABLE_API_KEY', async () => {
    const server = await serve()
    const reads = await verify(['--base-url', server.baseUrl], { VOICEABLE_API_KEY: API_KEY })
    expect(reads).toMatchObject({ code: 0, stdout: '' })
    expect(reads.stderr).toMatch(
      /^voiceable-mock verify: http:\/\/127\.0\.0\.1:\d+\/api\/v1: \d+ requests, 0 differences\n$/,
    )
    // The plan is printed before the first request is sent.
    server.mock.journal.clear()
    let journaledAtPlan: number | undefined
    const out: string[] = []
    const code = await run(
      ['verify', '--base-url', server.baseUrl, '--api-key', API_KEY, '--write'],
      {
        stdout: (text) => out.push(text),
        stderr: (text) => {
          journaledAtPlan ??= text.includes('--write:') ? server.mock.journal.count() : undefined
          out.push(text)
        },
        stopRequested: new Promise(() => undefined),
      },
    )
    expect(code).toBe(0)
    expect(journaledAtPlan).toBe(0)
    expect(out.join('')).toContain(
      'voiceable-mock verify:   an API key named "voiceable-mock verify ',
    )
    // Five more requests for each resource that opts in: create, read, update, delete, read.
    const count = (text: string) => Number(/: (\d+) requests/.exec(text)?.[1])
    expect(count(out.at(-1) ?? '')).toBe(count(reads.stderr) + 5 * WRITE_CYCLE_RESOURCES.length)
  })

  it('exits 1 with one line per difference, as JSON with --json, and writes the report, never a secret', async () => {
    const server = await serve()
    server.mock.faults.error(503, { endpoint: 'listAgents' })
    const report = join(tmp, 'report.md')
    const text = await verify([
      '--base-url',
      server.baseUrl,
      '--api-key',
      API_KEY,
      '--write',
      '--report',
      report,
    ])
    expect(text.code).toBe(1)
    expect(text.stdout.split('\n')).toContain('GET /agents: HTTP status 503, the fake answers 200')
    expect(text.stderr).toContain('not checked: GET /agents/{agentId}: GET /agents answered 503')
    const markdown = readFileSync(report, 'utf8')
    expect(markdown).toMatch(/^# voiceable-mock verify: \d+ differences\n/)
    expect(markdown).toContain(
      '1. `GET /agents`: HTTP status 503, the fake answers 200\n   - request: `GET /agents` with the API key (endpoint `listAgents`); the backend answered 503\n   - docs/fidelity.md row: Statuses and messages',
    )
    const json = await verify(['--base-url', server.baseUrl, '--api-key', API_KEY, '--json'])
    expect(json.code).toBe(1)
    const parsed = JSON.parse(json.stdout)
    expect(parsed.findings[0]).toMatchObject({
      line: 'GET /agents: HTTP status 503, the fake answers 200',
      kind: 'status',
      request: {
        endpoint: 'listAgents',
        method: 'GET',
        path: '/agents',
        credential: 'caller',
        status: 503,
      },
      fidelity: { row: 'Statuses and messages' },
    })
    for (const output of [text.stdout, text.stderr, markdown, json.stdout, json.stderr]) {
      expect(output).not.toContain(API_KEY)
      expect(output).not.toContain(SECRET.slice('sk_live_'.length))
    }
  })

  it('reports a 429 it could not wait out as a 429, not a difference: exit 2', async () => {
    const server = await serve()
    await server.control.faults.exhaustRateLimit({ endpoint: 'getCurrentUser' })
    const result = await verify([
      '--base-url',
      server.baseUrl,
      '--api-key',
      API_KEY,
      '--max-wait',
      '0',
    ])
    expect(result).toMatchObject({ code: 2, stdout: '' })
    expect(result.stderr).toContain(
      'voiceable-mock verify: GET /user/current: 429 rate limited, not a difference: not checked\n',
    )
    expect(result.stderr).toMatch(/: \d+ requests, 0 differences, 1 rate-limited \(429\)\n$/)
  })
})
