/**
 * Reads the control API's server-sent events (`GET /__voiceable/events`) with `fetch`, not
 * `EventSource`: `fetch` can send the control token and the session header, which an
 * `EventSource` cannot. Reconnects after a second when the stream ends or breaks.
 */
import type { InspectorEventName } from '../node/event-stream.js'
import { checkAnswer, ControlError, headersFor, type Connection } from './api.js'

export interface StreamEvent {
  name: InspectorEventName
  data: unknown
}

/**
 * Splits a stream's text into events: each block ends with a blank line; `event:` names it,
 * `data:` lines are its JSON. Comment lines (`: heartbeat`) and `retry:` are skipped. Returns the
 * events and the unfinished rest.
 */
export function parseEvents(text: string): { events: StreamEvent[]; rest: string } {
  const blocks = text.split('\n\n')
  const rest = blocks.pop() ?? ''
  const events: StreamEvent[] = []
  for (const block of blocks) {
    let name: string | undefined
    const data: string[] = []
    for (const line of block.split('\n')) {
      if (line.startsWith('event:')) name = line.slice(6).trim()
      else if (line.startsWith('data:')) data.push(line.slice(5).trimStart())
    }
    if (name === undefined || data.length === 0) continue
    events.push({ name: name as InspectorEventName, data: JSON.parse(data.join('\n')) as unknown })
  }
  return { events, rest }
}

/** How the stream stands, for the page's live indicator. */
export type StreamState = 'connecting' | 'live' | 'offline'

export interface StreamHandlers {
  onEvent(event: StreamEvent): void
  onState(state: StreamState): void
  /** The server refused the stream (403 without a token, say): no retry. */
  onRefused(error: ControlError): void
}

const RETRY_MS = 1000

async function readOnce(connection: Connection, handlers: StreamHandlers, signal: AbortSignal) {
  const response = await checkAnswer(
    await fetch('events', { headers: headersFor(connection), cache: 'no-store', signal }),
  )
  if (response.body === null) return
  handlers.onState('live')
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffered = ''
  for (;;) {
    const { value, done } = await reader.read()
    if (done) return
    const { events, rest } = parseEvents(buffered + value.replaceAll('\r\n', '\n'))
    buffered = rest
    for (const event of events) handlers.onEvent(event)
  }
}

/** Follows the stream until `signal` aborts. */
export async function followEvents(
  connection: Connection,
  handlers: StreamHandlers,
  signal: AbortSignal,
): Promise<void> {
  while (!signal.aborted) {
    handlers.onState('connecting')
    try {
      await readOnce(connection, handlers, signal)
    } catch (error) {
      if (signal.aborted) return
      if (error instanceof ControlError && error.status !== 503) {
        handlers.onRefused(error)
        return
      }
    }
    if (signal.aborted) return
    handlers.onState('offline')
    await new Promise((resolve) => setTimeout(resolve, RETRY_MS))
  }
}
