import { control, ControlError, headersFor, type Act, type Connection, type Notice } from './api.js'
import { Choice } from './fields.js'
import type { InspectorState } from './use-inspector.js'

const STREAM_WORDS = { connecting: 'Connecting…', live: 'Live', offline: 'Offline' } as const

/** Saves the store's snapshot as a file, through the control API. */
async function downloadSnapshot(connection: Connection): Promise<void> {
  const response = await fetch('snapshot', { headers: headersFor(connection), cache: 'no-store' })
  if (!response.ok) throw new ControlError(response.status, [`GET snapshot: ${response.status}`])
  const url = URL.createObjectURL(await response.blob())
  const link = document.createElement('a')
  link.href = url
  link.download = `voiceable-mock-snapshot${connection.session === undefined ? '' : `-${connection.session}`}.json`
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** The top bar: the page's name, whether it is live, and the controls that act on the store. */
export function Header(props: {
  connection: Connection
  state: InspectorState
  notice: Notice | undefined
  act: Act
  setNotice: (notice: Notice) => void
  onSession: (session: string | undefined) => void
}) {
  const { connection, state, act, setNotice } = props
  const { data } = state
  const session = connection.session
  const sessions =
    session === undefined || state.sessions.includes(session)
      ? state.sessions
      : [...state.sessions, session]
  const fail = (error: unknown): void =>
    setNotice({
      text: error instanceof ControlError ? error.problems.join(' ') : String(error),
      error: true,
    })
  return (
    <header class="topbar">
      <h1>
        voiceable-mock <span>inspector</span>
      </h1>
      <p class={`live ${state.stream}`}>
        <span class="dot" aria-hidden="true" />
        {STREAM_WORDS[state.stream]}
      </p>
      <div class="controls" role="group" aria-label="Store controls">
        {sessions.length > 0 && (
          <Choice
            label="Session"
            value={session ?? ''}
            onChange={(value) => props.onSession(value === '' ? undefined : value)}
            options={[{ value: '', label: 'Default store' }, ...sessions]}
          />
        )}
        <Choice
          label="Scenario"
          value={data?.scenario ?? ''}
          disabled={data === undefined}
          onChange={(name) => void act(`Switched to scenario ${name}`, 'PUT', 'scenario', { name })}
          options={[
            ...(data?.scenario === null ? [{ value: '', label: '(a snapshot)' }] : []),
            ...(data?.scenarios ?? []),
          ]}
        />
        <button
          type="button"
          onClick={() => void act('Reset to the starting state', 'POST', 'reset')}
        >
          Reset
        </button>
        <button type="button" onClick={() => void downloadSnapshot(connection).catch(fail)}>
          Download snapshot
        </button>
        <label class="button">
          Upload snapshot
          <input
            class="visually-hidden"
            type="file"
            accept="application/json,.json"
            onChange={(event) => {
              const input = event.currentTarget
              const file = input.files?.[0]
              input.value = ''
              if (file !== undefined)
                void file
                  .text()
                  .then((text) => control(connection, 'PUT', 'snapshot', text))
                  .then(() => setNotice({ text: `Restored ${file.name}`, error: false }), fail)
            }}
          />
        </label>
      </div>
      <p class={`notice${props.notice?.error === true ? ' error' : ''}`} role="status">
        {props.notice?.text ?? ''}
      </p>
    </header>
  )
}
