/** Integrations where the docs are silent: each is a row of docs/fidelity.md. */

/** What replaces a secret on every read: the documented example shows `"api_key": "sk_***"`. */
export const SECRET_MASK = '***'

/** The part of a secret a read keeps: a leading run of letters and its underscore (`sk_`). */
export const SECRET_PREFIX = /^[A-Za-z]+_/

/** The seeded stream generated integrations draw from (no other resource's). */
export const INTEGRATIONS_STREAM = 4

/** Integrations of other types (than `elevenlabs`) each generated user has, beside it. */
export const OTHER_INTEGRATIONS_PER_USER = { min: 0, max: 2 } as const

/**
 * An update that sends a secret back as its mask (`"sk_***"`, as every read shows it) keeps the
 * stored secret rather than storing the mask: a client that sends back what it read changes nothing.
 */
export const MASK_SENT_BACK_KEEPS_SECRET = true
