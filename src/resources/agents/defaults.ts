/** Agents where the docs are silent: each is a row of docs/fidelity.md. */

/** `GET /agents` page size when none is asked for, and its documented range. */
export const AGENTS_PAGE_SIZE = { default: 30, min: 1, max: 100 } as const

/** Prefix of the `elevenlabs_agent_id` of generated and created agents (documented: `agent_abc123`). */
export const ELEVENLABS_AGENT_ID_PREFIX = 'agent_'

/** `GET /agents` order when none is asked for: newest first (ties by id, in the same direction). */
export const AGENTS_DEFAULT_SORT = { by: 'created_at', direction: 'desc' } as const

/** Generated agents per user: 1–3 (beside user 1's documented agent), 3 each in `multi-tenant`. */
export const GENERATED_AGENTS_PER_USER = { min: 1, max: 3 } as const
export const MULTI_TENANT_AGENTS_PER_USER = 3

/**
 * The models generated agents run on, as the web app writes them (`{provider, model}`); each is
 * priced in the pricing catalogue. Drawn as the old string models were: one draw per agent.
 */
export const AGENT_MODELS = [
  { provider: 'openai', model: 'gpt-4o' },
  { provider: 'openai', model: 'gpt-4o-mini' },
  { provider: 'anthropic', model: 'claude-sonnet-4-5' },
  { provider: 'google', model: 'gemini-2.5-flash' },
] as const

/** The language of generated agents, as the app's language codes spell it. */
export const APP_LANGUAGE = 'en'

/** The transcriber the app's wizard writes. */
export const TRANSCRIBER_PROVIDER = 'scribe_realtime'

/** The system tools the app's wizard turns on for every assistant (`{active, description, disable_interruptions}`). */
export const APP_SYSTEM_TOOLS = {
  end_call: {
    active: true,
    description: 'End the call when the caller says goodbye or the conversation is complete.',
    disable_interruptions: false,
  },
  voicemail_detection: {
    active: true,
    description: 'Leave no message and end the call when voicemail answers.',
    disable_interruptions: false,
  },
} as const

/**
 * The greeting of the documented agent `"123"`, appended after the documented `conversation_config`
 * fields: the app's Call Script tab shows it (the docs' example has none).
 */
export const DOCUMENTED_AGENT_FIRST_MESSAGE =
  'Hello, thank you for calling customer support. How can I help you today?'
