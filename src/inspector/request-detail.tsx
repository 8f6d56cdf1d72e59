import type { JournalEntry } from '../toolkit/journal.js'
import { credentialLabel, formatDuration, formatTime, statusClassOf } from './view.js'

/** A body as the detail shows it: JSON, indented; text as it is; none as a dash. */
function showBody(body: unknown): string {
  if (body === null || body === undefined) return '—'
  return typeof body === 'string' ? body : JSON.stringify(body, null, 2)
}

/** One request: why it was answered so, what was sent and what came back (secrets masked). */
export function RequestDetail(props: { entry: JournalEntry; onClose: () => void }) {
  const { entry } = props
  const params = Object.entries(entry.params)
  return (
    <section class="detail" aria-labelledby="detail-title">
      <div class="detail-head">
        <h3 id="detail-title">
          <span class="seq">#{entry.seq}</span> {entry.method} {entry.path}
        </h3>
        <button type="button" class="close" aria-label="Close the request" onClick={props.onClose}>
          ×
        </button>
      </div>
      <p class={`reason s${statusClassOf(entry.status)}`}>
        {entry.reason ?? 'No reason was recorded for this request.'}
      </p>
      <dl class="facts">
        <dt>Endpoint</dt>
        <dd>{entry.endpoint}</dd>
        <dt>Status</dt>
        <dd>{entry.status === 0 ? 'network error (connection reset)' : entry.status}</dd>
        <dt>User</dt>
        <dd>{entry.userId ?? 'none'}</dd>
        <dt>Credential</dt>
        <dd>{credentialLabel(entry.credential)}</dd>
        <dt>Time</dt>
        <dd>{formatTime(entry.time)}</dd>
        <dt>Duration</dt>
        <dd>{formatDuration(entry.durationMs)}</dd>
        {params.length > 0 && (
          <>
            <dt>Path parameters</dt>
            <dd>
              {params.map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join(', ')}
            </dd>
          </>
        )}
      </dl>
      <div class="bodies">
        <figure>
          <figcaption>Request body</figcaption>
          <pre tabIndex={0}>{showBody(entry.body)}</pre>
        </figure>
        <figure>
          <figcaption>Response body</figcaption>
          <pre tabIndex={0}>{showBody(entry.response)}</pre>
        </figure>
      </div>
    </section>
  )
}
