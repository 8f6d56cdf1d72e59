/**
 * The control routes the inspector's page reads, beside the control API's own (`control.ts`),
 * under the same access rules: the store as a view (`GET /data`), the live events
 * (`GET /events`) and the session ids (`GET /sessions`).
 */
import { ok, type ControlRoute } from './control.js'
import { EVENT_STREAM_TYPE, streamEvents, type EventStreamSource } from './event-stream.js'
import { describeStore } from './inspector-data.js'
import { SESSION_HEADER } from './sessions.js'

const SESSION_HEADER_LOWER = SESSION_HEADER.toLowerCase()

/** The inspector's routes, as `'METHOD /path'`, over the server's sessions. */
export function createInspectorRoutes(
  sessions: EventStreamSource['sessions'],
): Record<string, ControlRoute> {
  return {
    'GET /data': (target) => ok(200, { ...describeStore(target) }),
    'GET /sessions': () => ok(200, { sessions: sessions.ids() }),
    'GET /events': (target, _body, request) => ({
      status: 200,
      body: '',
      contentType: EVENT_STREAM_TYPE,
      stream: (write, signal) =>
        streamEvents(
          { target, session: request.header(SESSION_HEADER_LOWER), sessions },
          write,
          signal,
        ),
    }),
  }
}
