/**
 * The choices the Voiceable docs leave open that hold for every resource: base URLs, the seed,
 * limits. Each resource keeps its own beside it (`resources/<name>/defaults.ts`). Each is a row of
 * docs/fidelity.md; change a behaviour here, change it there.
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

/** Rate limit: requests a caller may make per window. Generous, so ordinary suites never hit it. */
export const DEFAULT_RATE_LIMIT = 1000

/** Rate-limit window length in seconds (fixed window, starting at a caller's first request). */
export const DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 60

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
 * What a `public` key may do on the endpoints that read or change an account's resources. Docs:
 * "restricted permissions", unspecified.
 */
export const PUBLIC_KEY_ACCESS = ['forbidden', 'read-only', 'full-access'] as const
export type PublicKeyAccess = (typeof PUBLIC_KEY_ACCESS)[number]

/**
 * Public keys are embedded in web pages (the widget snippet), so by default they may not manage
 * API keys or agents at all: a leaked public key must not be able to mint private keys.
 */
export const DEFAULT_PUBLIC_KEY_ACCESS: PublicKeyAccess = 'forbidden'
