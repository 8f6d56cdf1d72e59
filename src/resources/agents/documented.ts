import { DOCUMENTED_USER } from '../accounts/documented.js'
import type { Agent } from './schemas.js'

/**
 * Agent `"123"` as the List Agents example shows it (reference §4.1, `fixtures/agent.example.json`):
 * the agent key 1's `allowed_assistants` names, owned by user 1.
 */
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
