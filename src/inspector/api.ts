/**
 * The inspector's calls to the control API, on the page's own origin (the page is served at
 * `/__voiceable/`, so `data` is `/__voiceable/data`): with the control token when the page has
 * one, and the session header when a session is picked.
 */

/** What every call sends beside its own: the token (kept for the tab) and the session. */
export interface Connection {
  readonly token: string | undefined
  readonly session: string | undefined
}

/** A line the page shows after an action: what it did, or why it failed. */
export interface Notice {
  text: string
  error: boolean
}

/** Runs one control call for a button: `label` on success, the server's words on failure. */
export type Act = (label: string, method: string, path: string, body?: unknown) => Promise<boolean>

/** The request header that names a session (`X-Voiceable-Mock-Session`). */
const SESSION_HEADER = 'X-Voiceable-Mock-Session'

/** A control call the server refused: its status and its `errors` sentences. */
export class ControlError extends Error {
  readonly status: number
  readonly problems: readonly string[]

  constructor(status: number, problems: readonly string[]) {
    super(problems.join('; ') || `The server answered ${status}`)
    this.name = 'ControlError'
    this.status = status
    this.problems = problems
  }
}

export function headersFor(connection: Connection, json = false): Record<string, string> {
  const headers: Record<string, string> = {}
  if (connection.token !== undefined) headers['Authorization'] = `Bearer ${connection.token}`
  if (connection.session !== undefined) headers[SESSION_HEADER] = connection.session
  if (json) headers['Content-Type'] = 'application/json'
  return headers
}

/** The `errors` of an error envelope, or the status line when the body is no envelope. */
async function problemsOf(response: Response): Promise<string[]> {
  try {
    const body = (await response.json()) as { errors?: unknown }
    if (Array.isArray(body.errors)) return body.errors.map(String)
  } catch {
    // Not JSON: the status says it all.
  }
  return [`The server answered ${response.status} ${response.statusText}`.trim()]
}

/** Throws a `ControlError` for an answer that is not 2xx. */
export async function checkAnswer(response: Response): Promise<Response> {
  if (!response.ok) throw new ControlError(response.status, await problemsOf(response))
  return response
}

/**
 * One control call: `GET data`, `POST reset`, `PUT scenario` with a JSON body; resolves with the
 * parsed answer, or rejects with a `ControlError`.
 */
export async function control<T = unknown>(
  connection: Connection,
  method: string,
  path: string,
  body?: unknown,
): Promise<T> {
  const response = await fetch(path, {
    method,
    headers: headersFor(connection, body !== undefined),
    cache: 'no-store',
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  })
  return (await (await checkAnswer(response)).json()) as T
}
