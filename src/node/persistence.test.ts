import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, expect, it, vi } from 'vitest'
import {
  createPersistence,
  DataFileError,
  PERSIST_DELAY_MS,
  readDataFile,
  removeStrayTemporaryFiles,
} from './persistence.js'

const tmp = mkdtempSync(join(tmpdir(), 'voiceable-mock-persist-'))
let files = 0

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true })
})

function fresh(): string {
  const dir = join(tmp, String(++files))
  mkdirSync(dir)
  return join(dir, 'data.json')
}

it('coalesces changes within the delay into one write of the latest state', async () => {
  const file = fresh()
  let state = 0
  const snapshot = vi.fn(() => ({ state }))
  const persistence = createPersistence(file, snapshot)
  for (state = 1; state <= 5; state++) persistence.changed()
  state = 42
  await vi.waitFor(() => expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ state: 42 }), {
    timeout: 2000,
  })
  expect(snapshot).toHaveBeenCalledTimes(1)
  await new Promise((resolve) => setTimeout(resolve, PERSIST_DELAY_MS * 2))
  expect(snapshot).toHaveBeenCalledTimes(1)
})

it('writes at once on flush, and nothing when nothing changed', async () => {
  const file = fresh()
  const snapshot = vi.fn(() => ({ n: 1 }))
  const persistence = createPersistence(file, snapshot)
  await persistence.flush()
  expect(snapshot).not.toHaveBeenCalled()
  persistence.changed()
  await persistence.flush()
  expect(snapshot).toHaveBeenCalledTimes(1)
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ n: 1 })
  // No temporary file is left beside the data file.
  expect(readdirSync(join(file, '..'))).toEqual(['data.json'])
})

it('reports a failed write, keeps the change pending and writes it once the path works', async () => {
  const dir = join(tmp, 'later')
  const file = join(dir, 'data.json')
  const errors: unknown[] = []
  const persistence = createPersistence(
    file,
    () => ({ ok: true }),
    (error) => errors.push(error),
  )
  persistence.changed()
  await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 2000 })
  await expect(persistence.flush()).rejects.toMatchObject({ code: 'ENOENT' })
  mkdirSync(dir)
  await persistence.flush()
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ ok: true })
})

it('reads a missing data file as undefined when that is allowed', () => {
  expect(readDataFile(join(tmp, 'nothing.json'), true)).toBeUndefined()
})

it.each([
  ['a missing file', () => join(tmp, 'missing.json'), 'no such file'],
  ['a directory', () => tmp, 'it is a directory, not a file'],
  [
    'a file that is not JSON',
    () => {
      const file = fresh()
      writeFileSync(file, '{"format": ')
      return file
    },
    'not valid JSON (Unexpected end of JSON input)',
  ],
])('names the problem of %s in a DataFileError', (_label, makeFile, problem) => {
  const file = makeFile()
  let error: unknown
  try {
    readDataFile(file, false)
  } catch (caught) {
    error = caught
  }
  expect(error).toBeInstanceOf(DataFileError)
  expect(error).toMatchObject({ file, action: 'load', problem })
  expect((error as Error).message).toBe(`Failed to load ${file}: ${problem}`)
})

it('removes only the temporary files of this data file whose process is gone', () => {
  const file = fresh()
  const dir = join(file, '..')
  // A pid past the kernel's default pid_max: no process has it. Our own pid, with no write of
  // ours using the file: a killed process whose pid we were given again.
  const stray = ['.data.json.4194305.1.tmp', `.data.json.${process.pid}.3.tmp`]
  const kept = [
    '.data.json.1.1.tmp',
    '.other.json.4194305.1.tmp',
    '.data.json.x.1.tmp',
    'data.json',
  ]
  for (const name of [...stray, ...kept]) writeFileSync(join(dir, name), '{')
  expect(removeStrayTemporaryFiles(file).sort()).toEqual([...stray].sort())
  // pid 1 is running (init): its file may be a write under way.
  expect(readdirSync(dir).sort()).toEqual([...kept].sort())
  expect(removeStrayTemporaryFiles(join(tmp, 'no-such-dir', 'data.json'))).toEqual([])
})
