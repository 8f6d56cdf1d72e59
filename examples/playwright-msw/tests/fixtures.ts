// One fake per test, answering the page's API calls from this process through page.route
// (@msw/playwright): no API server, no service worker.
import { defineNetworkFixture, type NetworkFixture } from '@msw/playwright'
import { test as base } from '@playwright/test'
import { createVoiceableMock, type VoiceableMock } from 'voiceable-mock'

interface Fixtures {
  mock: VoiceableMock
  network: NetworkFixture
}

export const test = base.extend<Fixtures>({
  // The app calls its own origin's /api/v1: the fake answers there.
  mock: async ({ baseURL }, use) => {
    await use(createVoiceableMock({ baseUrl: new URL('/api/v1', baseURL).href }))
  },
  network: [
    async ({ context, mock }, use) => {
      const network = defineNetworkFixture({
        context,
        handlers: mock.handlers,
        // The app's own files come from the web server.
        onUnhandledRequest: 'bypass',
      })
      await network.enable()
      await use(network)
      await network.disable()
    },
    { auto: true },
  ],
})

export { expect } from '@playwright/test'
