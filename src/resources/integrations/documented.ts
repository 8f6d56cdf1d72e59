import { DOCUMENTED_USER } from '../accounts/documented.js'
import type { IntegrationRecord } from './schemas.js'

/** User 1's ElevenLabs key: the one the Create Integration example sends. */
export const DOCUMENTED_ELEVENLABS_KEY = 'sk_your_elevenlabs_key'

/**
 * Integration 1 exactly as the docs show it (reference §4.2, `fixtures/integration.example.json`),
 * with its secret filled in: reads show it as `sk_***`.
 */
export const DOCUMENTED_INTEGRATION: Readonly<IntegrationRecord> = Object.freeze({
  id: 1,
  integration_type: 'elevenlabs',
  config: Object.freeze({ api_key: DOCUMENTED_ELEVENLABS_KEY }),
  user_id: DOCUMENTED_USER.id,
  user_email: DOCUMENTED_USER.email,
  created_at: '2024-01-10T08:00:00Z',
  updated_at: '2024-01-10T08:00:00Z',
})
