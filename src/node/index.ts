/**
 * voiceable-mock/node: the demo server as a function, for a consumer's own Playwright or e2e
 * suite. Node only; the root entry stays platform-neutral.
 */
export { startMockServer } from './mock-server.js'
export { connectMockServer } from './connect.js'
export type {
  ConnectMockServerOptions,
  MockServerClient,
  RemoteFault,
  RemoteFaultControls,
  RemoteJournal,
} from './connect.js'
export type { MockServer, StartMockServerOptions } from './mock-server.js'
