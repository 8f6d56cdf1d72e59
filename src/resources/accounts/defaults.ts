/**
 * Accounts where the docs are silent: Devise's defaults (the real Rails backend uses Devise) and
 * the demo data's choices. Each is a row of docs/fidelity.md.
 */

/** Every user's password unless `createUser({ password })` says otherwise: demo data, not a secret. */
export const DEFAULT_PASSWORD = 'password'

/** Role of built-in, generated and `createUser` users: the API-keys screen is for Enterprise only. */
export const DEFAULT_ROLE = 'enterprise'

/** Membership status of built-in, generated and `createUser` users. */
export const DEFAULT_MEMBERSHIP_STATUS = 'active'

/** Role and membership of a user who signs up through `POST /auth/sign_up`. */
export const SIGN_UP_ROLE = 'user'
export const SIGN_UP_MEMBERSHIP_STATUS = 'free'

/** Devise's `password_length` default: 6 to 128 characters. */
export const PASSWORD_LENGTH = { min: 6, max: 128 } as const

/**
 * Devise's default `email_regexp` (`/\A[^@\s]+@[^@\s]+\z/`): one `@`, no whitespace. Ruby's `\s`
 * is ASCII whitespace only, so it is spelled out.
 */
export const EMAIL_FORMAT = /^[^@ \t\r\n\f\v]+@[^@ \t\r\n\f\v]+$/

/** Lifetime of JWTs issued by `store.issueToken` (devise-jwt style sessions last a day). */
export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 60 * 60

/** How many generated users the `documented` scenario adds beside user 1. */
export const DEFAULT_GENERATED_USERS = 4

/** Users in the `multi-tenant` scenario, user 1 included. */
export const MULTI_TENANT_USERS = 5

/**
 * Whether a user starts with the assistant page's product tour completed: no, as a new user of
 * the web app (`assistant_detail_tour_completed`; real-client evidence, `AssistantDetail.tsx:827-868`).
 */
export const TOUR_COMPLETED_AT_START = false
