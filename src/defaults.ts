/**
 * Every choice the Voiceable docs leave open, in one place. Each constant is listed in the
 * README's "Fidelity and limitations" section; change a behaviour here, change it there.
 */

/** The documented production base URL (a placeholder host used by every cURL example). */
export const DOCUMENTED_BASE_URL = 'https://api.example.com/api/v1'

/**
 * The real backend's origin and prefix (real-client evidence: Rails routes are mounted under
 * `/voiceable-api`, production origin `https://api.voiceable.dev`).
 */
export const REAL_BACKEND_BASE_URL = 'https://api.voiceable.dev/voiceable-api'

/** The documented development base URL (the Rails server on its default port). */
export const DOCUMENTED_DEVELOPMENT_BASE_URL = 'http://localhost:3000/api/v1'

/**
 * Where the Voiceable web app sends its requests when nothing configures it and its page runs on
 * `localhost` (real-client evidence: `src/lib/api.ts:130-149`).
 */
export const CLIENT_DEVELOPMENT_BASE_URL = 'http://localhost:3000/voiceable-api'

/**
 * Base URLs the handlers answer on when no `baseUrl` option is given: the documented production
 * and development URLs, the real backend's, and the web app's local default, so a Storybook or
 * dev-server page that runs the app's own API client under msw's worker needs no configuration.
 */
export const DEFAULT_BASE_URLS: readonly string[] = [
  DOCUMENTED_BASE_URL,
  REAL_BACKEND_BASE_URL,
  DOCUMENTED_DEVELOPMENT_BASE_URL,
  CLIENT_DEVELOPMENT_BASE_URL,
]

/** Seed of the built-in generated data when no `seed` option is given. */
export const DEFAULT_SEED = 1

/**
 * Reference date of generated data: the newest documented timestamp, so generated keys read as
 * created between the documented key 1 (2024-01-10) and this moment.
 */
export const DEFAULT_REF_DATE = '2024-01-15T10:30:00Z'

/** How many generated users the `documented` scenario adds beside user 1. */
export const DEFAULT_GENERATED_USERS = 4

/** Rate limit: requests a caller may make per window. Generous, so ordinary suites never hit it. */
export const DEFAULT_RATE_LIMIT = 1000

/** Rate-limit window length in seconds (fixed window, starting at a caller's first request). */
export const DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 60

/** Lifetime of JWTs issued by `store.issueToken` (devise-jwt style sessions last a day). */
export const DEFAULT_TOKEN_TTL_SECONDS = 24 * 60 * 60

/**
 * Request bodies larger than this get 413 (same limit in-process and in the demo server). It is
 * the only bound on field sizes: Rails puts no default limit on a PostgreSQL string column.
 */
export const MAX_BODY_BYTES = 1024 * 1024

/**
 * Deepest JSON nesting a request body may have: Ruby's JSON parser default (`max_nesting`), past
 * which Rails answers the body as malformed (400).
 */
export const JSON_MAX_NESTING = 100

/**
 * What a `public` key may do on the API-keys and agents endpoints. Docs: "restricted
 * permissions", unspecified.
 */
export const PUBLIC_KEY_ACCESS = ['forbidden', 'read-only', 'full-access'] as const
export type PublicKeyAccess = (typeof PUBLIC_KEY_ACCESS)[number]

/**
 * Public keys are embedded in web pages (the widget snippet), so by default they may not manage
 * API keys or agents at all: a leaked public key must not be able to mint private keys.
 */
export const DEFAULT_PUBLIC_KEY_ACCESS: PublicKeyAccess = 'forbidden'

/** Prefix of generated secrets: the documented example is `sk_live_abc123xyz789` (private). */
export const KEY_VALUE_PREFIX = { private: 'sk_live_', public: 'pk_live_' } as const

/** Length of the random part of a generated secret. */
export const KEY_VALUE_RANDOM_LENGTH = 24

// ---------------------------------------------------------------------------------------------
// Accounts (sign in, sign up): Devise's defaults, as the real Rails backend uses Devise.

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

// ---------------------------------------------------------------------------------------------
// Agents

/** `GET /agents` page size when none is asked for, and its documented range. */
export const AGENTS_PAGE_SIZE = { default: 30, min: 1, max: 100 } as const

/** Prefix of the `elevenlabs_agent_id` of generated and created agents (documented: `agent_abc123`). */
export const ELEVENLABS_AGENT_ID_PREFIX = 'agent_'

/** `GET /agents` order when none is asked for: newest first (ties by id, in the same direction). */
export const AGENTS_DEFAULT_SORT = { by: 'created_at', direction: 'desc' } as const
