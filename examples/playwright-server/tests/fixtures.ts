// Each worker works in a session of its own on the shared demo server: the page sends the session
// header with every request (extraHTTPHeaders), and `mock` controls that session only.
import { test as base } from '@playwright/test'
import { connectMockServer, type MockServerClient } from 'voiceable-mock/node'

const SESSION_HEADER = 'X-Voiceable-Mock-Session'

interface TestFixtures {
  /** The control API, for this worker's session; reset before every test. */
  mock: MockServerClient
  /** The app's URL, pointed at the demo server. */
  appUrl: string
}

interface WorkerFixtures {
  session: string
}

function serverUrl(): string {
  const url = process.env['VOICEABLE_MOCK_URL']
  if (url === undefined)
    throw new Error('VOICEABLE_MOCK_URL is not set: run through playwright.config.ts')
  return url
}

export const test = base.extend<TestFixtures, WorkerFixtures>({
  session: [
    async ({}, use, workerInfo) => use(`worker-${workerInfo.workerIndex}`),
    { scope: 'worker' },
  ],
  extraHTTPHeaders: async ({ session }, use) => use({ [SESSION_HEADER]: session }),
  mock: async ({ session }, use) => {
    const mock = connectMockServer(serverUrl(), { session })
    await mock.reset()
    await use(mock)
  },
  appUrl: async ({}, use) => use(`/?api=${encodeURIComponent(`${serverUrl()}/api/v1`)}`),
})

export { expect } from '@playwright/test'
