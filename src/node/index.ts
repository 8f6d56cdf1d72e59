/**
 * voiceable-mock/node: the demo server as a function, for a consumer's own Playwright or e2e
 * suite. Node only; the root entry stays platform-neutral.
 */
import type { AddressInfo } from 'node:net'
import { normalizeBaseUrl } from '../adapters/base-url.js'
import { MAX_BODY_BYTES } from '../defaults.js'
import { createMockInternals, type VoiceableMock, type VoiceableMockOptions } from '../mock.js'
import { DEFAULT_HOST, SERVER_BASE_PATHS } from './server-defaults.js'
import { createMockHttpServer } from './server.js'

/** `createVoiceableMock`'s options (`baseUrl`: same-origin paths only, default `SERVER_BASE_PATHS`) plus the server's own. */
export interface StartMockServerOptions extends VoiceableMockOptions {
  /** Port to listen on. Default 0: a free port (read it from `url`). The CLI's default is 3000. */
  port?: number
  /** Interface to bind. Default `127.0.0.1`. */
  host?: string
  /** Wait this long before answering each request. Default 0. */
  delayMs?: number
  /** Receives one access-log line per request (`GET /api/v1/api_keys/1 200 1.2ms`). Default `false`: no log. */
  log?: ((line: string) => void) | false
}

export interface MockServer {
  /** The origin the server listens on, e.g. `http://127.0.0.1:51234`. */
  readonly url: string
  /** `url` + `/api/v1` (or the first `baseUrl` path given): the base URL to configure the app under test with. */
  readonly baseUrl: string
  /** The fake behind the server: its store, journal and faults, as in-process. */
  readonly mock: VoiceableMock
  /** Stops the server and drops open connections. Safe to call more than once. */
  close(): Promise<void>
}

/** The origin to reach a bound address at: a wildcard bind is reached on loopback. */
function toOrigin(address: AddressInfo): string {
  const host =
    address.address === '0.0.0.0' ? '127.0.0.1' : address.address === '::' ? '::1' : address.address
  return `http://${host.includes(':') ? `[${host}]` : host}:${address.port}`
}

/**
 * Starts the Voiceable fake over real HTTP, with the same core as in-process, CORS for a
 * dev app on another origin and the demo server's body limit. Rejects if the port is in use
 * (`error.code === 'EADDRINUSE'`) or the `snapshot` option does not validate (`SnapshotError`).
 * @example
 * const server = await startMockServer()
 * await fetch(`${server.baseUrl}/api_keys/1`, { headers: { 'X-API-Key': 'your-api-key-here' } }) // 200
 * await server.close()
 */
export async function startMockServer(options: StartMockServerOptions = {}): Promise<MockServer> {
  const { port = 0, host = DEFAULT_HOST, delayMs = 0, log = false, ...mockOptions } = options
  const basePaths =
    typeof mockOptions.baseUrl === 'string'
      ? [mockOptions.baseUrl]
      : (mockOptions.baseUrl ?? SERVER_BASE_PATHS)
  const absolute = basePaths.find((base) => !base.startsWith('/'))
  if (absolute !== undefined) {
    // @note An absolute base URL would match no request the server receives: every answer would be a 404.
    throw new TypeError(
      `Failed to start the mock server: baseUrl must be same-origin paths such as '/api/v1', got '${absolute}'`,
    )
  }
  const { mock, core } = createMockInternals({ ...mockOptions, baseUrl: basePaths })
  const closing = new AbortController()
  const server = createMockHttpServer({
    core,
    basePaths: basePaths.map(normalizeBaseUrl),
    maxBodyBytes: mockOptions.maxBodyBytes ?? MAX_BODY_BYTES,
    delayMs,
    signal: closing.signal,
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
    close() {
      closed ??= new Promise<void>((resolve) => {
        closing.abort()
        server.close(() => resolve())
        server.closeAllConnections()
      })
      return closed
    },
  }
}
