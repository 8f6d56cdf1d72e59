import { definePreview } from '@storybook/react-vite'
import { setupWorker } from 'msw/browser'
import addonMsw from 'msw-storybook-addon'
import { voiceable } from '../src/voiceable.ts'

// msw 2 reads `onUnhandledRequest` and msw 3 `onUnhandledFrame`; each ignores the other's key.
// A variable, not a literal in the call, passes TypeScript's excess-property check on both.
const startOptions = {
  quiet: true,
  onUnhandledRequest: 'bypass',
  onUnhandledFrame: 'bypass',
} as const

export default definePreview({
  addons: [
    // The addon's default setup passes only `onUnhandledRequest`, which msw 3 ignores: msw 3
    // would then warn about requests the fake does not answer. This one works on msw 2 and 3.
    addonMsw(async () => {
      const worker = setupWorker()
      await worker.start(startOptions)
      return worker
    }),
  ],
  // Every story starts from the documented data, with no faults and an empty journal, and with
  // the whole fake in front of the network; the addon removes the handlers after each story.
  beforeEach({ msw }) {
    voiceable.reset()
    msw.use(...voiceable.handlers)
  },
})
