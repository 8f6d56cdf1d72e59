/**
 * Persistence of the demo server's default store (`--data <file> --persist`, `persistTo`): after
 * a change the whole store is written to a temporary file beside the data file and renamed over
 * it, so the file is whole JSON even if the process is killed mid-write. Writes are coalesced.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { open, rename, rm } from 'node:fs/promises'
import { basename, dirname, join } from 'node:path'

/** Changes within this many milliseconds of the first are written together. */
export const PERSIST_DELAY_MS = 100

/** A data file that cannot be loaded or created; `problem` says why, down to the field. */
export class DataFileError extends Error {
  readonly file: string
  readonly action: 'load' | 'save'
  readonly problem: string

  constructor(
    file: string,
    action: 'load' | 'save',
    problem: string,
    options?: { cause?: unknown },
  ) {
    super(`Failed to ${action} ${file}: ${problem}`, options)
    this.name = 'DataFileError'
    this.file = file
    this.action = action
    this.problem = problem
  }
}

/**
 * Reads a data file as JSON: `undefined` when it does not exist (and `missingOk`), else the
 * parsed value (validated as a snapshot by whoever loads it).
 * @throws DataFileError naming the problem: a directory, no permission, not JSON, or missing.
 */
export function readDataFile(file: string, missingOk: boolean): unknown {
  let text: string
  try {
    text = readFileSync(file, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT' && missingOk) return undefined
    const problem =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory, not a file'
          : code === 'EACCES'
            ? 'permission denied'
            : String(error)
    throw new DataFileError(file, 'load', problem, { cause: error })
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new DataFileError(
      file,
      'load',
      `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    )
  }
}

let temporaryFiles = 0
/** This process's writes under way, by temporary file: never stray, even under a reused pid. */
const writing = new Set<string>()

/** The temporary file of one write: `.<name>.<pid>.<n>.tmp` beside `file`. */
function temporaryFileOf(file: string, pid: number, n: number): string {
  return join(dirname(file), `.${basename(file)}.${pid}.${n}.tmp`)
}

/** Whether a process with this id is running (one we may not signal still counts). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/**
 * Removes the temporary files a killed write left beside `file` (a SIGKILL between the open and
 * the rename leaves one behind). @note Only those of processes no longer running: another server
 * persisting to the same file may be mid-write; a file of this process's own pid is stray when
 * no write of this process is using it (pids are reused, e.g. in a container). Returns the names removed.
 */
export function removeStrayTemporaryFiles(file: string): string[] {
  const prefix = `.${basename(file)}.`
  let names: string[]
  try {
    names = readdirSync(dirname(file))
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    if (!name.startsWith(prefix)) continue
    const match = /^(\d+)\.(\d+)\.tmp$/.exec(name.slice(prefix.length))
    if (match === null) continue
    const pid = Number(match[1])
    const path = join(dirname(file), name)
    if (pid === process.pid ? writing.has(path) : isRunning(pid)) continue
    rmSync(path, { force: true })
    removed.push(name)
  }
  return removed
}

/** Writes `text` to a temporary file beside `file`, flushes it to disk, then renames it over `file`. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = temporaryFileOf(file, process.pid, ++temporaryFiles)
  writing.add(temporary)
  try {
    const handle = await open(temporary, 'w')
    try {
      await handle.writeFile(text)
      await handle.sync()
    } finally {
      await handle.close()
    }
    // @note rename(2) replaces the file in one step: a reader, or a restart after SIGKILL, sees
    // the old file or the new one, never half of one.
    await rename(temporary, file)
  } catch (error) {
    await rm(temporary, { force: true })
    throw error
  } finally {
    writing.delete(temporary)
  }
}

export interface Persistence {
  /** Marks the store changed: it is written within `PERSIST_DELAY_MS`. */
  changed(): void
  /** Writes now if anything changed since the last write; rejects if that write fails. */
  flush(): Promise<void>
}

/**
 * Keeps `file` in step with `snapshot()`: one write at a time, each taking the snapshot when it
 * starts; changes during a write are written after it. A failed write is reported to `onError`
 * and retried with the next change or flush. Temporary files a killed process left are removed first.
 */
export function createPersistence(
  file: string,
  snapshot: () => unknown,
  onError: (error: unknown) => void = () => undefined,
): Persistence {
  removeStrayTemporaryFiles(file)
  let pending = false
  let timer: NodeJS.Timeout | undefined
  let queue: Promise<void> = Promise.resolve()

  function write(): Promise<void> {
    const next = queue.then(async () => {
      if (!pending) return
      pending = false
      try {
        await writeAtomically(file, JSON.stringify(snapshot()))
      } catch (error) {
        pending = true
        throw error
      }
    })
    queue = next.catch(() => undefined)
    return next
  }

  return {
    changed() {
      pending = true
      timer ??= setTimeout(() => {
        timer = undefined
        write().catch(onError)
      }, PERSIST_DELAY_MS)
    },
    flush() {
      clearTimeout(timer)
      timer = undefined
      return write()
    },
  }
}
