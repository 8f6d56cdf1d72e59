/**
 * `connectMockServer`: the in-process toolkit's shape, made async, over the demo server's control
 * API, for an e2e suite whose API runs in another process (a Playwright global setup, `npx
 * voiceable-mock`).
 */
import type { FaultScope } from '../toolkit/faults.js'
import type { JournalEntry, JournalQuery } from '../toolkit/journal.js'
import type { Scenario } from '../store/scenario-names.js'
import type { Snapshot } from '../store/snapshot.js'
import type { FaultSpec } from '../toolkit/fault-schemas.js'
import { CONTROL_PATH } from './control.js'
import { SESSION_HEADER } from './sessions.js'

export interface ConnectMockServerOptions {
  /** The server's `--control-token` (`controlToken`), sent as `Authorization: Bearer <token>`. */
  token?: string | undefined
  /** Act on this session only (`X-Voiceable-Mock-Session`), as the pages that send it do. */
  session?: string | undefined
}

/** A fault added over HTTP. */
export interface RemoteFault {
  readonly id: string
  /** Matching requests this fault has affected so far (0 once it was removed or cleared). */
  hits(): Promise<number>
  /** Removes the fault; a fault already gone is no error. */
  remove(): Promise<void>
}

export interface RemoteFaultControls {
  /** Answer matching requests with `status` in the API's error envelope. */
  error(status: number, scope?: FaultScope & { message?: string }): Promise<RemoteFault>
  /** Reset the connection of matching requests (`fetch` rejects). */
  networkError(scope?: FaultScope): Promise<RemoteFault>
  /** Delay matching requests by `ms`, or by a seeded-random time within `{ min, max }`. */
  latency(ms: number | { min: number; max: number }, scope?: FaultScope): Promise<RemoteFault>
  /** Answer matching requests with 429 and `Retry-After`, as a used-up rate-limit window would. */
  exhaustRateLimit(scope?: FaultScope): Promise<RemoteFault>
  /** Removes every fault. */
  clear(): Promise<void>
}

export interface RemoteJournal {
  entries(query?: JournalQuery): Promise<JournalEntry[]>
  count(query?: JournalQuery): Promise<number>
  last(query?: JournalQuery): Promise<JournalEntry | undefined>
  clear(): Promise<void>
}

/** The control API of one demo server (and one session of it), as async methods. */
export interface MockServerClient {
  /** Back to the starting state: data, rate-limit counts, faults and journal. */
  reset(): Promise<void>
  /** Switches to a named scenario and resets to it. */
  useScenario(scenario: Scenario): Promise<void>
  /** The whole store as plain JSON, secrets included, as `mock.snapshot()` writes it. */
  snapshot(): Promise<Snapshot>
  /** Replaces the store with a snapshot; rejects naming the bad field, and the store is unchanged. */
  restore(snapshot: unknown): Promise<void>
  readonly faults: RemoteFaultControls
  readonly journal: RemoteJournal
  /** Drops every session of the server (whichever session this client acts on). */
  clearSessions(): Promise<void>
}

interface ControlError {
  status?: { code?: number }
  error?: string
  errors?: string[]
}

/** The body of a failed control answer as one sentence. */
function describeFailure(origin: string, status: number, body: unknown): string {
  const { error, errors = [] } = (
    typeof body === 'object' && body !== null ? body : {}
  ) as ControlError
  if (status === 404 && error === 'route_not_found')
    return `Failed to reach the control API of ${origin}: it is off (the server was started with --no-control or control: false)`
  if (status === 403)
    return `The control API of ${origin} refused the request: ${errors.join('; ') || 'forbidden'}`
  return `The control API of ${origin} answered ${status}${error === undefined ? '' : ` ${error}`}: ${errors.join('; ') || 'no reason given'}`
}

function toSearch(query: JournalQuery = {}): string {
  const params = new URLSearchParams()
  for (const [name, value] of Object.entries(query) as [string, string | number | null][])
    if (value !== undefined) params.set(name, String(value))
  const search = params.toString()
  return search === '' ? '' : `?${search}`
}

/**
 * A client for a demo server's control API. Calls reject with the network error when the server
 * cannot be reached, and with an `Error` saying so when control is off or the token is refused.
 * @param origin The server's origin (`server.url`, e.g. `http://127.0.0.1:51234`); a path is ignored.
 * @example
 * const mock = connectMockServer(process.env.MOCK_URL, { session: `worker-${workerIndex}` })
 * await mock.reset()
 * await mock.faults.error(503, { endpoint: 'listApiKeys', times: 1 })
 * expect(await mock.journal.count({ endpoint: 'listApiKeys' })).toBe(1)
 */
export function connectMockServer(
  origin: string,
  options: ConnectMockServerOptions = {},
): MockServerClient {
  const base = new URL(origin).origin
  const headers: Record<string, string> = {}
  if (options.token !== undefined) headers['Authorization'] = `Bearer ${options.token}`
  if (options.session !== undefined) headers[SESSION_HEADER] = options.session

  async function call(method: string, path: string, body?: unknown): Promise<unknown> {
    const response = await fetch(`${base}${CONTROL_PATH}${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await response.text()
    let parsed: unknown
    try {
      parsed = text === '' ? undefined : JSON.parse(text)
    } catch {
      parsed = undefined
    }
    if (!response.ok) throw new Error(describeFailure(base, response.status, parsed))
    return parsed
  }

  async function addFault(spec: FaultSpec): Promise<RemoteFault> {
    const { id } = (await call('POST', '/faults', spec)) as { id: string }
    return {
      id,
      async hits() {
        const { faults } = (await call('GET', '/faults')) as {
          faults: { id: string; hits: number }[]
        }
        return faults.find((fault) => fault.id === id)?.hits ?? 0
      },
      async remove() {
        await call('DELETE', `/faults/${encodeURIComponent(id)}`)
      },
    }
  }

  const entries = async (query?: JournalQuery): Promise<JournalEntry[]> =>
    ((await call('GET', `/journal${toSearch(query)}`)) as { entries: JournalEntry[] }).entries

  return {
    reset: async () => void (await call('POST', '/reset')),
    useScenario: async (scenario) => void (await call('PUT', '/scenario', { name: scenario })),
    snapshot: async () => (await call('GET', '/snapshot')) as Snapshot,
    restore: async (snapshot) => void (await call('PUT', '/snapshot', snapshot)),
    faults: {
      error: (status, scope = {}) => addFault({ kind: 'error', status, ...scope }),
      networkError: (scope = {}) => addFault({ kind: 'network', ...scope }),
      latency: (ms, scope = {}) =>
        addFault(
          typeof ms === 'number'
            ? { kind: 'latency', ms, ...scope }
            : { kind: 'latency', min: ms.min, max: ms.max, ...scope },
        ),
      exhaustRateLimit: (scope = {}) => addFault({ kind: 'rate-limit', ...scope }),
      clear: async () => void (await call('DELETE', '/faults')),
    },
    journal: {
      entries,
      count: async (query) => (await entries(query)).length,
      last: async (query) => (await entries(query)).at(-1),
      clear: async () => void (await call('DELETE', '/journal')),
    },
    clearSessions: async () => void (await call('DELETE', '/sessions')),
  }
}
