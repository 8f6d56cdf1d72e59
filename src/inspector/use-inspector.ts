/**
 * The inspector's state, kept live: the journal, the store, the faults and the sessions, read
 * through the control API when the event stream (re)starts (`ready`) and kept in step by its
 * events after that.
 */
import { useCallback, useEffect, useRef, useState } from 'preact/hooks'
import type { InspectorData } from '../node/inspector-data.js'
import type { FaultDescription } from '../toolkit/faults.js'
import type { JournalEntry } from '../toolkit/journal.js'
import { control, ControlError, type Connection } from './api.js'
import { followEvents, type StreamEvent, type StreamState } from './events.js'

/** Requests the page keeps (the journal keeps more: `GET /journal`). */
export const PAGE_MAX_ENTRIES = 1000

/** Reads caused by a burst of events wait this long, so that the burst costs one read. */
const SETTLE_MS = 150

export interface InspectorState {
  entries: JournalEntry[]
  data: InspectorData | undefined
  faults: FaultDescription[]
  sessions: string[]
  stream: StreamState
  /** The control API refused the page (a token is needed, or the wrong one was given). */
  refused: ControlError | undefined
  /** The last read that failed for another reason. */
  problem: string | undefined
}

const INITIAL: InspectorState = {
  entries: [],
  data: undefined,
  faults: [],
  sessions: [],
  stream: 'connecting',
  refused: undefined,
  problem: undefined,
}

/** `entries` with `entry` appended (once: the stream and a read of the journal may overlap). */
function appendEntry(entries: JournalEntry[], entry: JournalEntry): JournalEntry[] {
  const last = entries.at(-1)
  if (last !== undefined && entry.seq <= last.seq) return entries
  const next = [...entries, entry]
  return next.length > PAGE_MAX_ENTRIES ? next.slice(-PAGE_MAX_ENTRIES) : next
}

/**
 * A function that runs `task` `SETTLE_MS` after the first of a burst of calls, once for the
 * burst (never starved by steady traffic, as a debounce would be).
 */
function settled(task: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined
  return () => {
    timer ??= setTimeout(() => {
      timer = undefined
      task()
    }, SETTLE_MS)
  }
}

/**
 * The state, and `refresh()`: reads the store and the faults again (after the page changed them:
 * an added fault tells no event).
 */
export function useInspector(connection: Connection): {
  state: InspectorState
  refresh: () => void
} {
  const [state, setState] = useState<InspectorState>(INITIAL)
  const refresh = useRef<() => void>(() => undefined)
  useEffect(() => {
    const abort = new AbortController()
    const update = (change: Partial<InspectorState>): void => {
      if (!abort.signal.aborted) setState((previous) => ({ ...previous, ...change }))
    }
    const read = <T>(path: string, apply: (body: T) => Partial<InspectorState>) =>
      void control<T>(connection, 'GET', path).then(
        (body) => update({ ...apply(body), problem: undefined }),
        (error: unknown) =>
          error instanceof ControlError && error.status === 403
            ? update({ refused: error })
            : update({ problem: error instanceof Error ? error.message : String(error) }),
      )
    const readJournal = () =>
      read<{ entries: JournalEntry[] }>('journal', ({ entries }) => ({
        entries: entries.slice(-PAGE_MAX_ENTRIES),
      }))
    const readData = settled(() => read<InspectorData>('data', (data) => ({ data })))
    const readFaults = settled(() =>
      read<{ faults: FaultDescription[] }>('faults', ({ faults }) => ({ faults })),
    )
    const readSessions = () =>
      read<{ sessions: string[] }>('sessions', ({ sessions }) => ({ sessions }))
    function onEvent({ name, data }: StreamEvent): void {
      switch (name) {
        case 'ready':
          readJournal()
          readData()
          readFaults()
          readSessions()
          break
        case 'request':
          setState((previous) => ({
            ...previous,
            entries: appendEntry(previous.entries, data as JournalEntry),
          }))
          readFaults()
          break
        case 'journal-cleared':
          update({ entries: [] })
          break
        case 'changed':
          readData()
          readFaults()
          break
        case 'faults':
          readFaults()
          break
        case 'sessions':
          update({ sessions: (data as { sessions: string[] }).sessions })
          break
        case 'overflow':
          readJournal()
          break
      }
    }
    refresh.current = () => {
      readData()
      readFaults()
    }
    setState({ ...INITIAL })
    void followEvents(
      connection,
      {
        onEvent,
        onState: (stream) => update({ stream }),
        onRefused: (refused) => update({ refused, stream: 'offline' }),
      },
      abort.signal,
    )
    return () => abort.abort()
  }, [connection])
  return { state, refresh: useCallback(() => refresh.current(), []) }
}
