import { useCallback, useState } from 'preact/hooks'
import { control, ControlError, type Act, type Connection, type Notice } from './api.js'
import { DataView } from './data-view.js'
import { Faults } from './faults.js'
import { Header } from './header.js'
import { Requests } from './requests.js'
import { TokenPrompt } from './token-prompt.js'
import { useInspector } from './use-inspector.js'

/** Where the page keeps the control token: for the tab only (`sessionStorage`). */
const TOKEN_KEY = 'voiceable-mock.inspector.token'

function readToken(): string | undefined {
  return sessionStorage.getItem(TOKEN_KEY) ?? undefined
}

export function App() {
  const [connection, setConnection] = useState<Connection>(() => ({
    token: readToken(),
    session: undefined,
  }))
  const [notice, setNotice] = useState<Notice | undefined>(undefined)
  const { state, refresh } = useInspector(connection)

  const act = useCallback<Act>(
    async (label, method, path, body) => {
      try {
        await control(connection, method, path, body)
        setNotice({ text: label, error: false })
        refresh()
        return true
      } catch (error) {
        const text =
          error instanceof ControlError ? error.problems.join(' ') : `Failed: ${String(error)}`
        setNotice({ text, error: true })
        return false
      }
    },
    [connection, refresh],
  )

  const applyToken = (token: string): void => {
    sessionStorage.setItem(TOKEN_KEY, token)
    setConnection({ ...connection, token })
  }
  const pickSession = (session: string | undefined): void =>
    setConnection({ ...connection, session })

  return (
    <>
      <Header
        connection={connection}
        state={state}
        notice={notice}
        act={act}
        setNotice={setNotice}
        onSession={pickSession}
      />
      <main class="layout">
        {state.refused === undefined ? (
          <>
            <Requests state={state} act={act} />
            <div class="side">
              <DataView data={state.data} />
              <Faults faults={state.faults} endpoints={state.data?.endpoints ?? []} act={act} />
            </div>
          </>
        ) : (
          <TokenPrompt
            refused={state.refused}
            hadToken={connection.token !== undefined}
            onToken={applyToken}
          />
        )}
      </main>
    </>
  )
}
