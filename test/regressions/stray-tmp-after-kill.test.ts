// Named in round 2's notes, pinned in round 3: a SIGKILL between a persist write's open and its
// rename left `.data.json.<pid>.<n>.tmp` beside the data file, and nothing ever removed it; each
// killed write added one more. A server now removes the temporary files of processes no longer
// running when it starts persisting (src/node/persistence.ts, `removeStrayTemporaryFiles`).
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it } from 'vitest'
import { createVoiceableMock } from 'voiceable-mock'
import { startMockServer } from 'voiceable-mock/node'
import { killAllClis, startCli } from '../support/cli-process.js'

const tmp = mkdtempSync(join(tmpdir(), 'voiceable-mock-stray-'))

afterAll(() => {
  killAllClis()
  rmSync(tmp, { recursive: true, force: true })
})

/** A pid no process has: past the kernel's default `pid_max`. */
const DEAD_PID = 4_194_305

it('removes the temporary file a killed write left, and keeps everything else', async () => {
  const dir = mkdtempSync(join(tmp, 'a-'))
  const file = join(dir, 'data.json')
  writeFileSync(file, JSON.stringify(createVoiceableMock().snapshot()))
  writeFileSync(join(dir, `.data.json.${DEAD_PID}.7.tmp`), '{"format":')
  writeFileSync(join(dir, '.other.json.1.1.tmp'), 'not ours')
  writeFileSync(join(dir, 'notes.tmp'), 'not ours')
  const server = await startMockServer({ persistTo: file })
  await server.close()
  expect(readdirSync(dir).sort()).toEqual(['.other.json.1.1.tmp', 'data.json', 'notes.tmp'])
})

it('leaves the temporary file of a server still running alone', async () => {
  const dir = mkdtempSync(join(tmp, 'b-'))
  const file = join(dir, 'data.json')
  const running = await startCli(['--data', file, '--persist', '--quiet'])
  const pid = running.child.pid as number
  const inFlight = `.data.json.${pid}.99.tmp`
  writeFileSync(join(dir, inFlight), '{}')
  const second = await startMockServer({ persistTo: file })
  await second.close()
  expect(readdirSync(dir)).toContain(inFlight)
  await running.stop('SIGKILL')
  const third = await startMockServer({ persistTo: file })
  await third.close()
  expect(readdirSync(dir)).not.toContain(inFlight)
})
