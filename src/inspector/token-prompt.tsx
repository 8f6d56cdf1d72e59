import { useState } from 'preact/hooks'
import type { ControlError } from './api.js'
import { Field } from './fields.js'

/**
 * Shown when the control API refuses the page: from another machine the page needs the
 * `--control-token`; it asks once and keeps it for the tab.
 */
export function TokenPrompt(props: {
  refused: ControlError
  hadToken: boolean
  onToken: (token: string) => void
}) {
  const [token, setToken] = useState('')
  return (
    <section class="panel token" aria-labelledby="token-title">
      <h2 id="token-title">This server needs its control token</h2>
      <p>
        {props.hadToken
          ? 'The server refused the token this tab holds.'
          : 'The control API refused this page.'}{' '}
        The server said: <q>{props.refused.problems.join(' ')}</q>
      </p>
      <p>
        Enter the token the server was started with (<code>--control-token</code>). The page keeps
        it for this tab only.
      </p>
      <form
        onSubmit={(event) => {
          event.preventDefault()
          if (token.trim() !== '') props.onToken(token.trim())
        }}
      >
        <Field label="Control token" type="password" value={token} onChange={setToken} />
        <button type="submit">Use token</button>
      </form>
    </section>
  )
}
