import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type Server } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, afterEach, expect, it, vi } from 'vitest'
import { killAllClis, REPO_ROOT, runCli, startCli } from '../support/cli-process.js'

// The few things only a real process shows: the built bin's exit codes and streams, signals,
// and `npx voiceable-mock`. Everything else about the command line is tested in-process
// (src/node/cli.test.ts).

vi.setConfig({ testTimeout: 30_000 })

const AUTH = { 'X-API-Key': 'your-api-key-here' }
const blockers: Server[] = []
const tmp = mkdtempSync(join(tmpdir(), 'voiceable-mock-npx-'))

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

it('prints the usage on stdout and exits 0 for --help', async () => {
  const result = await runCli(['--help'])
  expect(result).toMatchObject({ code: 0, signal: null, stderr: '' })
  expect(result.stdout).toMatch(/^Usage: voiceable-mock \[options\]\n/)
})

it('exits 2 with the message and the usage on stderr for a bad command line', async () => {
  const result = await runCli(['--bogus'])
  expect(result).toMatchObject({ code: 2, stdout: '' })
  expect(result.stderr).toMatch(/^voiceable-mock: Unknown option '--bogus'/)
  expect(result.stderr).toContain('Usage: voiceable-mock [options]')
})

it('exits 1 with one line on stderr when the port is in use', async () => {
  const blocker = createServer()
  blockers.push(blocker)
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve))
  const port = (blocker.address() as { port: number }).port
  const result = await runCli(['--port', String(port)])
  expect(result).toMatchObject({ code: 1, stdout: '' })
  expect(result.stderr.trimEnd().split('\n')).toEqual([
    `voiceable-mock: port ${port} is already in use on 127.0.0.1; stop the other server or try --port 0 to pick a free port`,
  ])
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

it('runs `verify` to its end, with its exit code: 0 against the demo server', async () => {
  const server = await startCli()
  const result = await runCli([
    'verify',
    '--base-url',
    server.baseUrl,
    '--api-key',
    AUTH['X-API-Key'],
  ])
  expect(result).toMatchObject({ code: 0, signal: null, stdout: '' })
  expect(result.stderr).toMatch(
    /^voiceable-mock verify: http:\/\/\S+\/api\/v1: \d+ requests, 0 differences\n$/,
  )
  await server.stop()
})

it('runs as `npx voiceable-mock` from a project that installed the package', () => {
  writeFileSync(join(tmp, 'package.json'), '{"name":"npx-check","private":true}\n')
  // A folder install links the repository (its dist/ and node_modules) and its bin, offline.
  execFileSync(
    'npm',
    ['install', '--offline', '--no-audit', '--no-fund', '--loglevel=error', REPO_ROOT],
    {
      cwd: tmp,
      stdio: 'pipe',
      timeout: 60_000,
    },
  )
  const version = execFileSync('npx', ['--offline', 'voiceable-mock', '--version'], {
    cwd: tmp,
    encoding: 'utf8',
    timeout: 30_000,
  })
  expect(version).toMatch(/^\d+\.\d+\.\d+\n$/)
  const help = execFileSync('npx', ['--offline', 'voiceable-mock', '--help'], {
    cwd: tmp,
    encoding: 'utf8',
  })
  expect(help).toMatch(/^Usage: voiceable-mock \[options\]\n/)
})
