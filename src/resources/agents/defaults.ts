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
