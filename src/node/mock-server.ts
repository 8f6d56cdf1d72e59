/**
 * The demo server as a function (`startMockServer`), behind `voiceable-mock/node` and the CLI:
 * the core over `node:http`, with the control API, sessions and persistence around it.
 */
import type { AddressInfo } from 'node:net'
import { normalizeBaseUrl } from '../adapters/base-url.js'
import { MAX_BODY_BYTES } from '../defaults.js'
import { checkInput } from '../internal/input-validation.js'
import { createMockInternals, type VoiceableMock } from '../mock.js'
import { SnapshotError } from '../store/snapshot.js'
import { connectMockServer, type MockServerClient } from './connect.js'
import { createControlApi } from './control.js'
import { createInspectorFiles } from './inspector-files.js'
import { createInspectorRoutes } from './inspector-routes.js'
import { createPersistence, DataFileError, readDataFile, type Persistence } from './persistence.js'
import { DEFAULT_HOST, SERVER_BASE_PATHS } from './server-defaults.js'
import { createMockHttpServer } from './server.js'
import { StartMockServerOptionsSchema, type StartMockServerOptions } from './server-options.js'
import { createSessions } from './sessions.js'

export interface MockServer {
  /** The origin the server listens on, e.g. `http://127.0.0.1:51234`. */
  readonly url: string
  /** `url` + `/api/v1` (or the first `baseUrl` path given): the base URL to configure the app under test with. */
  readonly baseUrl: string
  /** The fake behind the server's default store: its store, journal and faults, as in-process. */
  readonly mock: VoiceableMock
  /** A `connectMockServer` client of this server's control API (default store, `controlToken` sent). */
  readonly control: MockServerClient
  /** Stops the server, drops open connections and writes `persistTo` a last time. Safe to call more than once. */
  close(): Promise<void>
}

export type { StartMockServerOptions }

/** What the command line hears of a running server beyond `MockServer` (not public). */
export interface MockServerHooks {
  /** A write of `persistTo` failed (it is retried with the next change). */
  onPersistError?: (error: unknown) => void
}

/** The origin to reach a bound address at: a wildcard bind is reached on loopback. */
function toOrigin(address: AddressInfo): string {
  const host =
    address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
}

/**
 * Starts the Voiceable fake over real HTTP, with the same core as in-process, CORS for a dev app
 * on another origin, the control API (`server.control`), isolated sessions and, with
 * `persistTo`, a data file kept in step (loaded, or created, before the server listens). Rejects
 * with a `TypeError` naming the option for an unknown option or a value it does not accept
 * (`Failed to start the mock server: port must be …`), if the port is in use
 * (`error.code === 'EADDRINUSE'`), the `snapshot` option does not validate (`SnapshotError`) or
 * the `persistTo` file cannot be used (a `DataFileError` naming the file and the bad field; the
 * file is left as it was). `hooks` are the command line's.
 * @example
 * const server = await startMockServer()
 * await fetch(`${server.baseUrl}/api_keys/1`, { headers: { 'X-API-Key': 'your-api-key-here' } }) // 200
 * await server.control.faults.error(503, { endpoint: 'listApiKeys', times: 1 })
 * await server.close()
 */
export async function startMockServer(
  options: StartMockServerOptions = {},
  hooks: MockServerHooks = {},
): Promise<MockServer> {
  const {
    port = 0,
    host = DEFAULT_HOST,
    delayMs = 0,
    log = false,
    control = true,
    controlToken,
    persistTo,
    ...mockOptions
  } = checkInput(
    StartMockServerOptionsSchema,
    options,
    'Failed to start the mock server',
    'options',
  )
  const basePaths =
    typeof mockOptions.baseUrl === 'string'
      ? [mockOptions.baseUrl]
      : (mockOptions.baseUrl ?? SERVER_BASE_PATHS)
  const sessionOptions = { ...mockOptions, baseUrl: basePaths }
  let persistence: Persistence | undefined
  const internals = createMockInternals(sessionOptions, {
    onChange: () => persistence?.changed(),
  })
  const { mock, core } = internals
  if (persistTo !== undefined) {
    const saved = readDataFile(persistTo, true)
    if (saved !== undefined) {
      try {
        mock.restore(saved)
      } catch (error) {
        if (error instanceof SnapshotError)
          throw new DataFileError(persistTo, 'load', error.problems.join('; '), { cause: error })
        throw error
      }
    }
    persistence = createPersistence(persistTo, () => mock.snapshot(), hooks.onPersistError)
    if (saved === undefined) {
      persistence.changed()
      await persistence.flush().catch((error: unknown) => {
        throw new DataFileError(persistTo, 'save', String(error), { cause: error })
      })
    }
  }
  // @note Sessions start from the server's starting state (its scenario or `snapshot`), never
  // from the persisted file, and are never persisted.
  const sessions = createSessions(() => createMockInternals(sessionOptions))
  const closing = new AbortController()
  const server = createMockHttpServer({
    core,
    basePaths: basePaths.map(normalizeBaseUrl),
    maxBodyBytes: mockOptions.maxBodyBytes ?? MAX_BODY_BYTES,
    delayMs,
    signal: closing.signal,
    sessionCore: (id) => sessions.get(id).core,
    ...(control
      ? {
          control: createControlApi({
            policy: { token: controlToken },
            target: (session) => (session === undefined ? internals : sessions.get(session)),
            clearSessions: () => sessions.clear(),
            routes: createInspectorRoutes(sessions),
          }),
          inspector: createInspectorFiles(),
        }
      : {}),
    ...(log === false ? {} : { log }),
  })

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, host, () => {
      server.off('error', reject)
      resolve()
    })
  })

  const url = toOrigin(server.address() as AddressInfo)
  let closed: Promise<void> | undefined
  return {
    url,
    baseUrl: `${url}${normalizeBaseUrl(basePaths[0] ?? '')}`,
    mock,
    control: connectMockServer(url, { token: controlToken }),
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort()
        server.close(() => resolve())
        server.closeAllConnections()
      }).then(() => {
        // @note A last write catches changes made through `mock.store` directly, which no
        // request reported.
        persistence?.changed()
        return persistence?.flush()
      })
      return closed
    },
  }
}
