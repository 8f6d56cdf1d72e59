/**
 * `GET /__voiceable/events`: what happens to a mock, as server-sent events, for the inspector's
 * page. Events are batched (one write per `EVENT_FLUSH_MS` at most), and a burst larger than a
 * page should take is replaced by one `overflow` event (the page reads the journal again).
 */
import type { MockInternals } from '../mock.js'
import type { MockEvent } from '../toolkit/events.js'
import { materialize, type JournalRecord } from '../toolkit/journal.js'

/** Events are written at most this often, in one write. */
export const EVENT_FLUSH_MS = 50

/** More requests than this within one flush are sent as one `overflow` event instead. */
export const EVENT_MAX_BATCH = 500

/** A comment line is written this often, so that a dead connection is noticed and closed. */
export const EVENT_HEARTBEAT_MS = 15_000

/** The content type of the stream. */
export const EVENT_STREAM_TYPE = 'text/event-stream; charset=utf-8'

/**
 * The events, each `event: <name>` with a JSON `data:` line:
 * - `ready` once, first: `{ session }` (`null` for the default store);
 * - `request`: a journal entry, masked as the journal masks it;
 * - `journal-cleared`: the journal was emptied (a clear, a reset, a scenario switch);
 * - `changed`: the store may have changed (read `GET /__voiceable/data` again);
 * - `faults`: a fault was added or removed (read `GET /__voiceable/faults` again);
 * - `sessions`: a session was made or dropped: `{ sessions: [ids] }`;
 * - `overflow`: more requests than `EVENT_MAX_BATCH` at once; read the journal instead.
 */
export type InspectorEventName =
  'ready' | 'request' | 'journal-cleared' | 'changed' | 'faults' | 'sessions' | 'overflow'

function format(name: InspectorEventName, data: unknown): string {
  return `event: ${name}\ndata: ${JSON.stringify(data)}\n\n`
}

export interface EventStreamSource {
  target: MockInternals
  /** The session the stream follows, or `undefined` for the default store. */
  session: string | undefined
  /** The ids of the sessions, and how to hear when they change. */
  sessions: { ids(): string[]; watch(listener: () => void): () => void }
}

/** Writes a mock's events to `write` until `signal` aborts. */
export function streamEvents(
  { target, session, sessions }: EventStreamSource,
  write: (chunk: string) => void,
  signal: AbortSignal,
): void {
  /** Requests and clearings, in order; the others are sent once per flush, after them. */
  let queue: (JournalRecord | 'journal-cleared')[] = []
  let requests = 0
  let changed = false
  let faultsChanged = false
  let sessionsChanged = false
  let timer: ReturnType<typeof setTimeout> | undefined

  function flush(): void {
    timer = undefined
    let text = ''
    if (requests > EVENT_MAX_BATCH) text += format('overflow', { dropped: requests })
    else
      for (const item of queue)
        text += item === 'journal-cleared' ? format(item, {}) : format('request', materialize(item))
    if (changed) text += format('changed', {})
    if (faultsChanged) text += format('faults', {})
    if (sessionsChanged) text += format('sessions', { sessions: sessions.ids() })
    queue = []
    requests = 0
    changed = faultsChanged = sessionsChanged = false
    write(text)
  }
  const schedule = (): void => {
    timer ??= setTimeout(flush, EVENT_FLUSH_MS)
  }
  function onEvent(event: MockEvent): void {
    if (event.kind === 'changed') changed = true
    else if (event.kind === 'faults-changed') faultsChanged = true
    else if (event.kind === 'journal-cleared') {
      queue = ['journal-cleared']
      requests = 0
    } else if (++requests <= EVENT_MAX_BATCH) queue.push(event.record)
    else queue = []
    schedule()
  }

  const stopEvents = target.watch(onEvent)
  const stopSessions = sessions.watch(() => {
    sessionsChanged = true
    schedule()
  })
  const heartbeat = setInterval(() => write(': heartbeat\n\n'), EVENT_HEARTBEAT_MS)
  heartbeat.unref()
  signal.addEventListener(
    'abort',
    () => {
      stopEvents()
      stopSessions()
      clearInterval(heartbeat)
      if (timer !== undefined) clearTimeout(timer)
    },
    { once: true },
  )
  write(`retry: 1000\n\n${format('ready', { session: session ?? null })}`)
}
