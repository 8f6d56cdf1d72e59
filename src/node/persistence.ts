/**
 * Persistence of the demo server's default store (`--data <file> --persist`, `persistTo`): after
 * a change the whole store is written to a temporary file beside the data file and renamed over
 * it, so the file is whole JSON even if the process is killed mid-write. Writes are coalesced.
 */
import { readFileSync } from 'node:fs'
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

/** Writes `text` to a temporary file beside `file`, flushes it to disk, then renames it over `file`. */
async function writeAtomically(file: string, text: string): Promise<void> {
  const temporary = join(dirname(file), `.${basename(file)}.${process.pid}.${++temporaryFiles}.tmp`)
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
 * and retried with the next change or flush.
 */
export function createPersistence(
  file: string,
  snapshot: () => unknown,
  onError: (error: unknown) => void = () => undefined,
): Persistence {
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
