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
export { verifyBackend, VerifyError } from './verify/verify.js'
export { formatVerifyReport } from './verify/report.js'
export type {
  NotChecked,
  VerifyFinding,
  VerifyOptions,
  VerifyRequest,
  VerifyResult,
} from './verify/verify.js'
