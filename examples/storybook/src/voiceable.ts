import { createVoiceableMock } from 'voiceable-mock'

/** Same-origin base URL: the stories call `/api/v1/...` on Storybook's own origin. */
export const API_BASE_URL = '/api/v1'

/** The one fake every story talks to (installed in .storybook/preview.ts). */
export const voiceable = createVoiceableMock({ baseUrl: API_BASE_URL })
