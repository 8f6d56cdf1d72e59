import { DOCUMENTED_USER } from '../accounts/documented.js'
import type { ApiKeyRecord } from './schemas.js'

/** The secret every documented request example sends in `X-API-Key`. */
export const DOCUMENTED_KEY_VALUE = 'your-api-key-here'

/**
 * Key 1 exactly as the "Get API Key" page shows it, with its secret filled in: `your-api-key-here`
 * (the secret every example sends) is key 1's own, so deleting key 1 revokes it.
 */
export const DOCUMENTED_API_KEY: Readonly<ApiKeyRecord> = Object.freeze({
  id: 1,
  key_type: 'private',
  name: 'Production API Key',
  key_value: DOCUMENTED_KEY_VALUE,
  allowed_origins: ['https://example.com'],
  allowed_assistants: ['123'],
  transient_assistant: false,
  user_id: DOCUMENTED_USER.id,
  user_email: DOCUMENTED_USER.email,
  created_at: '2024-01-10T08:00:00Z',
  updated_at: '2024-01-10T08:00:00Z',
})
