// Starts the demo server once for the whole run, in the runner's process, on a free port. Tests
// read its origin from VOICEABLE_MOCK_URL (set here, inherited by the workers).
import { startMockServer } from 'voiceable-mock/node'

export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await startMockServer({ port: 0 })
  process.env['VOICEABLE_MOCK_URL'] = server.url
  // Returned teardown: Playwright calls it after the last test.
  return () => server.close()
}
