/**
 * The demo server as a function (`startMockServer`), behind `voiceable-mock/node` and the CLI:
 * the core over `node:http`, with the control API, sessions and persistence around it.
 */
import type { AddressInfo } from 'node:net'
import { normalizeBaseUrl } from '../adapters/base-url.js'
import { MAX_BODY_BYTES } from '../defaults.js'
import { createMockInternals, type VoiceableMock, type VoiceableMockOptions } from '../mock.js'
import { SnapshotError } from '../snapshot.js'
import { connectMockServer, type MockServerClient } from './connect.js'
import { createControlApi } from './control.js'
import { createPersistence, DataFileError, readDataFile, type Persistence } from './persistence.js'
import { DEFAULT_HOST, SERVER_BASE_PATHS } from './server-defaults.js'
import { createMockHttpServer } from './server.js'
import { createSessions } from './sessions.js'

/** `createVoiceableMock`'s options (`baseUrl`: same-origin paths only, default `SERVER_BASE_PATHS`) plus the server's own. */
export interface StartMockServerOptions extends VoiceableMockOptions {
  /** Port to listen on. Default 0: a free port (read it from `url`). The CLI's default is 3000. */
  port?: number
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string
  /** Wait this long before answering each API request. Default 0. */
  delayMs?: number
  /** Receives one access-log line per request (`GET /api/v1/api_keys/1 200 1.2ms`). Default `false`: no log. */
  log?: ((line: string) => void) | false
  /**
   * The control API under `/__voiceable/` (reset, scenario, snapshot, faults, journal, sessions).
   * Default `true`: from loopback without an `Origin` header, or anywhere with `controlToken`.
   * `false` answers those paths with the API's 404.
   */
  control?: boolean
  /** Admits control requests from any address that send `Authorization: Bearer <controlToken>`. */
  controlToken?: string
  /**
   * Keep the default store in this JSON file: loaded at start when it exists (it wins over
   * `scenario`), created from the starting state when it does not, and rewritten after every
   * change (coalesced within about 100 ms, and on `close()`).
   */
  persistTo?: string
}

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

/** What the command line hears of a running server beyond `MockServer`. */
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

function toBasePaths(baseUrl: VoiceableMockOptions['baseUrl']): readonly string[] {
  const basePaths = typeof baseUrl === 'string' ? [baseUrl] : (baseUrl ?? SERVER_BASE_PATHS)
  const absolute = basePaths.find((base) => !base.startsWith('/'))
  if (absolute !== undefined) {
    // @note An absolute base URL would match no request the server receives: every answer would be a 404.
    throw new TypeError(
      `Failed to start the mock server: baseUrl must be same-origin paths such as '/api/v1', got '${absolute}'`,
    )
  }
  return basePaths
}

/**
 * Starts the server (`startMockServer`, and the CLI with its hooks). With `persistTo`, the file is
 * loaded (or created) before the server listens; a bad file rejects with `DataFileError` and is
 * left as it was.
 */
export async function launchMockServer(
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
  } = options
  if (controlToken !== undefined && (controlToken.trim() === '' || /\s/.test(controlToken)))
    throw new TypeError(
      'Failed to start the mock server: controlToken must be a non-empty string without spaces',
    )
  const basePaths = toBasePaths(mockOptions.baseUrl)
  const sessionOptions = { ...mockOptions, baseUrl: basePaths }
  let persistence: Persistence | undefined
  const { mock, core, faults } = createMockInternals(sessionOptions, {
    onChange: () => persistence?.changed(),
  })
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
  const defaultInternals = { mock, core, faults }
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
            target: (session) => (session === undefined ? defaultInternals : sessions.get(session)),
            clearSessions: () => sessions.clear(),
          }),
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
    baseUrl: `${url}${(basePaths[0] ?? '').replace(/\/+$/, '')}`,
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
