/**
 * What the README and the docs promise, written down once for the tests: the documented key
 * record (the Get example with its secret) and the defaults the option tables state. Tests pin
 * these values; the library no longer exports them as constants.
 */
import { DOCUMENTED_KEY_VALUE, type Agent, type ApiKey, type User } from 'voiceable-mock'
import { fixture } from './fixtures.js'

/** Key 1 as the "Get API Key" example shows it, with the secret every example sends. */
export const DOCUMENTED_API_KEY: ApiKey & { key_value: string } = {
  ...(fixture('get-api-key.response.json') as { data: ApiKey }).data,
  key_value: DOCUMENTED_KEY_VALUE,
}

/** User 1 as sign-in and `GET /user/current` show them (the numbers; the docs show no user). */
export const DOCUMENTED_USER: User = {
  id: 1,
  email: 'user@example.com',
  role: 'enterprise',
  membership_status: 'active',
  created_at: '2024-01-10T08:00:00Z',
  updated_at: '2024-01-10T08:00:00Z',
}

/** Agent "123" as the documented list item shows it (reference §4.1). */
export const DOCUMENTED_AGENT_EXAMPLE: Agent = fixture('list-agents.item.json') as Agent

/** The greeting the fake adds after the documented `conversation_config` (the app's Call Script shows it). */
export const DOCUMENTED_AGENT_FIRST_MESSAGE =
  'Hello, thank you for calling customer support. How can I help you today?'

/**
 * Agent "123" as the fake serves it: the documented item, every field in its place and type, and
 * `first_message` after the documented `conversation_config` fields (a superset, docs/fidelity.md).
 */
export const DOCUMENTED_AGENT: Agent = {
  ...DOCUMENTED_AGENT_EXAMPLE,
  conversation_config: {
    ...DOCUMENTED_AGENT_EXAMPLE.conversation_config,
    first_message: DOCUMENTED_AGENT_FIRST_MESSAGE,
  },
}

/** Bodies over this many bytes get 413 (option `maxBodyBytes`). */
export const MAX_BODY_BYTES = 1024 * 1024

/** The `many-keys` scenario: user 1 owns this many keys. */
export const MANY_KEYS_COUNT = 500

/** The `multi-tenant` scenario: this many users, each with this many keys. */
export const MULTI_TENANT_USERS = 5
export const MULTI_TENANT_KEYS_PER_USER = 6

/** The `multi-tenant` scenario: every user owns this many agents. */
export const MULTI_TENANT_AGENTS_PER_USER = 3

/** The `format` of snapshots this version writes. */
export const SNAPSHOT_FORMAT = 'voiceable-mock/snapshot@2'
