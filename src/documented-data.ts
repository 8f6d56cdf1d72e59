import { DEFAULT_MEMBERSHIP_STATUS, DEFAULT_ROLE } from './defaults.js'
import type { Agent, ApiKeyRecord, User } from './schemas.js'

/**
 * The documented example, reproduced as built-in data: user 1 owns key 1 exactly as the
 * "Get API Key" page shows it, and `your-api-key-here` (the secret every example sends) is
 * key 1's own secret, so deleting key 1 revokes it. User 1 also owns agent `"123"`, the one
 * key 1's `allowed_assistants` names, exactly as the "List Agents" page shows it.
 */
export const DOCUMENTED_USER: Readonly<User> = Object.freeze({
  id: 1,
  email: 'user@example.com',
  role: DEFAULT_ROLE,
  membership_status: DEFAULT_MEMBERSHIP_STATUS,
  // @note Not documented: the timestamp of the user's documented key, the oldest in the docs.
  created_at: '2024-01-10T08:00:00Z',
  updated_at: '2024-01-10T08:00:00Z',
})

/** The secret every documented request example sends in `X-API-Key`. */
export const DOCUMENTED_KEY_VALUE = 'your-api-key-here'

/** Key 1 as the Get example shows it, with its secret filled in. */
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

/** Agent `"123"` as the List Agents example shows it (reference §4.1, `fixtures/agent.example.json`). */
export const DOCUMENTED_AGENT: Readonly<Agent> = Object.freeze({
  id: '123',
  name: 'Customer Support Agent',
  tags: ['support', 'voice'],
  conversation_config: { temperature: 0.7, model: 'gpt-4' },
  platform_settings: {},
  published: true,
  published_at: '2024-01-15T10:30:00Z',
  elevenlabs_agent_id: 'agent_abc123',
  version: 1,
  phone_numbers: [
    {
      id: 1,
      phone_number: '+1234567890',
      provider: 'elevenlabs',
      elevenlabs_phone_number_id: 'phone_xyz',
    },
  ],
  user_id: DOCUMENTED_USER.id,
  user_email: DOCUMENTED_USER.email,
  created_at: '2024-01-10T08:00:00Z',
  updated_at: '2024-01-15T10:30:00Z',
})
