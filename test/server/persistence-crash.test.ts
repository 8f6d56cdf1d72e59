/**
 * Crash safety of `--data <file> --persist`: the CLI is killed with SIGKILL at random points
 * during 100 writes (seeded: `CRASH_SEED`), and restarted after each kill. Every time, the file
 * loads, and it holds the state before the last write or the state after it, never anything
 * else; no temporary file outlives the restart.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { Agent } from 'node:http'
import { tmpdir } from 'node:os'
import { basename, dirname, join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE, type Snapshot } from 'voiceable-mock'
import { killAllClis, startCli, type RunningCli } from '../support/cli-process.js'
import { sendHttp, type HttpOutcome } from './support.js'

const WRITES = 100
/** About one write in five is cut short by a kill. */
const KILL_CHANCE = 0.2
/** The longest a kill waits after the request is sent: past the persist delay and a write. */
const KILL_WITHIN_MS = 400
const SEED = Number(process.env['CRASH_SEED'] ?? 29)

const tmp = mkdtempSync(join(tmpdir(), 'voiceable-mock-crash-'))

afterAll(() => {
  killAllClis()
  rmSync(tmp, { recursive: true, force: true })
})

/** mulberry32: a small seeded generator, so a failing run can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function load(file: string): Snapshot {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Snapshot
  // The server accepts it as it is.
  createVoiceableMock({ snapshot: saved })
  return saved
}

/** The state after creating one key named `name` on top of `before`, ignoring the key itself. */
function withoutKey(saved: Snapshot, name: string): Snapshot {
  return {
    ...saved,
    next_api_key_id: saved.next_api_key_id - 1,
    api_keys: saved.api_keys.filter((key) => key.name !== name),
  }
}

/**
 * @note A connection per request: a restarted server may get the killed one's port, and a pooled
 * connection to the dead process would fail the next request.
 */
const noKeepAlive = new Agent({ keepAlive: false })

function createKey(cli: RunningCli, name: string): Promise<HttpOutcome> {
  return sendHttp(`${cli.baseUrl}/api_keys`, {
    method: 'POST',
    headers: [
      ['X-API-Key', DOCUMENTED_KEY_VALUE],
      ['Content-Type', 'application/json'],
    ],
    body: JSON.stringify({ api_key: { name, key_type: 'private' } }),
    agent: noKeepAlive,
  })
}

/** The names of the keys the file holds: parsed, not restored (polling stays cheap). */
function savedNames(file: string): Set<string> {
  const saved = JSON.parse(readFileSync(file, 'utf8')) as Snapshot
  return new Set(saved.api_keys.map((key) => key.name))
}

/** Resolves once the file holds every key in `written`. */
async function waitForWrites(file: string, written: readonly string[]): Promise<void> {
  const deadline = Date.now() + 5000
  while (!written.every((name) => savedNames(file).has(name))) {
    if (Date.now() > deadline) throw new Error('Failed to see the last write within 5 s')
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

it(`holds the state before or after the last write when killed at random points during ${WRITES} writes (seed ${SEED})`, async () => {
  const next = random(SEED)
  const file = join(tmp, 'data.json')
  // many-keys: a file of a few hundred kB, so a write takes long enough to be cut into.
  const args = ['--data', file, '--persist', '--quiet']
  let cli = await startCli([...args, '--scenario', 'many-keys'])
  const written: string[] = []
  const outcomes = { kills: 0, before: 0, after: 0 }
  const names = (saved: Snapshot) => new Set(saved.api_keys.map((key) => key.name))
  for (let i = 0; i < WRITES; i++) {
    // The file holds every write so far: that is the state before this one.
    await waitForWrites(file, written)
    const before = load(file)
    const name = `write-${i}`
    if (next() >= KILL_CHANCE) {
      expect((await createKey(cli, name)).status).toBe(201)
      written.push(name)
      continue
    }
    const answered = createKey(cli, name).then(
      (response) => response.status,
      () => 0,
    )
    await new Promise((resolve) => setTimeout(resolve, next() * KILL_WITHIN_MS))
    expect((await cli.stop('SIGKILL')).signal).toBe('SIGKILL')
    await answered
    outcomes.kills++
    const saved = load(file)
    if (names(saved).has(name)) {
      expect(withoutKey(saved, name)).toEqual(before)
      written.push(name)
      outcomes.after++
    } else {
      expect(saved).toEqual(before)
      outcomes.before++
    }
    cli = await startCli(args)
    // A write the kill cut short left nothing behind once the server is up again.
    expect(readdirSync(dirname(file))).toEqual([basename(file)])
  }
  await waitForWrites(file, written)
  await cli.stop('SIGKILL')
  expect(load(file).api_keys.filter((key) => key.name.startsWith('write-')).length).toBe(
    written.length,
  )
  // The seed must really have cut writes both ways, or the test proved little.
  expect(outcomes.kills).toBeGreaterThan(10)
  expect(outcomes.before).toBeGreaterThan(0)
  expect(outcomes.after).toBeGreaterThan(0)
}, 240_000)
