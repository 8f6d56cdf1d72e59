/**
 * voiceable-mock/node: the demo server as a function, for a consumer's own Playwright or e2e
 * suite. Node only; the root entry stays platform-neutral.
 */
import { launchMockServer, type MockServer, type StartMockServerOptions } from './mock-server.js'

export { connectMockServer } from './connect.js'
export type {
  ConnectMockServerOptions,
  MockServerClient,
  RemoteFault,
  RemoteFaultControls,
  RemoteJournal,
} from './connect.js'
export type { MockServer, StartMockServerOptions } from './mock-server.js'

/**
 * Starts the Voiceable fake over real HTTP, with the same core as in-process, CORS for a dev app
 * on another origin, the control API (`server.control`), isolated sessions and, with
 * `persistTo`, a data file kept in step. Rejects if the port is in use (`error.code ===
 * 'EADDRINUSE'`), the `snapshot` option does not validate (`SnapshotError`) or the `persistTo`
 * file cannot be used (an `Error` naming the file and the bad field; the file is left as it was).
 * @example
 * const server = await startMockServer()
 * await fetch(`${server.baseUrl}/api_keys/1`, { headers: { 'X-API-Key': 'your-api-key-here' } }) // 200
 * await server.control.faults.error(503, { endpoint: 'listApiKeys', times: 1 })
 * await server.close()
 */
export function startMockServer(options: StartMockServerOptions = {}): Promise<MockServer> {
  return launchMockServer(options)
}
