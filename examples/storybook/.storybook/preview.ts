import type { Preview } from '@storybook/html-vite'
import { initialize, mswLoader } from 'msw-storybook-addon'
import { voiceable } from '../src/voiceable.ts'

// Registers msw's service worker once for the whole Storybook.
initialize({ onUnhandledRequest: 'bypass', quiet: true })

const preview: Preview = {
  loaders: [mswLoader],
  parameters: {
    // A record keyed by endpoint name: a story overrides one key (say `listApiKeys`) and keeps
    // the rest, because Storybook merges parameter objects key by key.
    msw: { handlers: voiceable.handlersByEndpoint },
  },
  // Every story starts from the seeded data, with no faults left over from the previous one.
  beforeEach: () => {
    voiceable.reset()
  },
}

export default preview
