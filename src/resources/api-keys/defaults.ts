/** API keys where the docs are silent: each is a row of docs/fidelity.md. */

/** Prefix of generated secrets: the documented example is `sk_live_abc123xyz789` (private). */
export const KEY_VALUE_PREFIX = { private: 'sk_live_', public: 'pk_live_' } as const

/** Length of the random part of a generated secret. */
export const KEY_VALUE_RANDOM_LENGTH = 24

/** How many keys user 1 owns in the `many-keys` scenario. */
export const MANY_KEYS_COUNT = 500

/** Keys per user in the `multi-tenant` scenario. */
export const MULTI_TENANT_KEYS_PER_USER = 6

/** Generated keys of each generated user in the `documented` scenario. */
export const GENERATED_KEYS_PER_USER = { min: 1, max: 4 } as const
