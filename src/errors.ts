import { SCENARIO_HEADER, SCENARIOS } from './scenarios.js'
import type { ErrorResponse } from './schemas.js'

/**
 * Error codes (the envelope's `error` field) and the `status.message` each one carries.
 * `unauthorized` uses the exact message the real Voiceable web client checks for
 * ("Authentication required.") so a client under test reacts as it would in production.
 */
export const ERROR_STATUS = {
  invalid_json: { status: 400, message: 'Bad Request' },
  bad_request: { status: 400, message: 'Bad Request' },
  unauthorized: { status: 401, message: 'Authentication required.' },
  forbidden: { status: 403, message: 'Forbidden' },
  not_found: { status: 404, message: 'API key not found' },
  route_not_found: { status: 404, message: 'Not Found' },
  payload_too_large: { status: 413, message: 'Payload Too Large' },
  validation_failed: { status: 422, message: 'Validation failed' },
  rate_limited: { status: 429, message: 'Rate limit exceeded' },
  internal_error: { status: 500, message: 'Internal Server Error' },
  bad_gateway: { status: 502, message: 'Bad Gateway' },
  service_unavailable: { status: 503, message: 'Service Unavailable' },
  gateway_timeout: { status: 504, message: 'Gateway Timeout' },
} as const

export type ErrorCode = keyof typeof ERROR_STATUS

/** The plain-words sentences used in `errors`, named so that tests can assert them. */
export const ERROR_MESSAGES = {
  missingCredentials:
    'Invalid or missing authentication: send X-API-Key: <key> or Authorization: Bearer <key or JWT>',
  invalidApiKey: 'Invalid or missing authentication: the API key is not valid or has been revoked',
  malformedAuthorization:
    'Invalid or missing authentication: the Authorization header must read "Bearer <key or JWT>"',
  invalidToken: 'Invalid or missing authentication: the token is malformed or its signature does not match',
  expiredToken: 'Invalid or missing authentication: the token has expired; sign in again',
  conflictingCredentials:
    'Invalid or missing authentication: X-API-Key and Authorization identify different users; send one credential',
  publicKeyForbidden: 'Public API keys cannot manage API keys; use a private API key or a JWT',
  publicKeyReadOnly: 'Public API keys may only read API keys; use a private API key or a JWT',
  apiKeyNotFound: 'API key not found',
  missingWrapper: 'param is missing or the value is empty: api_key',
  wrapperNotObject: 'api_key must be an object of API key fields',
  notJsonContentType: (contentType: string): string =>
    `The body was sent as ${contentType}; send Content-Type: application/json`,
  invalidJson: (reason: string): string => `The request body is not valid JSON: ${reason}`,
  payloadTooLarge: (limit: number): string => `The request body is larger than ${limit} bytes`,
  rateLimited: (limit: number, windowSeconds: number, retryAfter: number): string =>
    `Rate limit of ${limit} requests per ${windowSeconds} seconds exceeded; retry after ${retryAfter} seconds`,
  routeNotFound: (method: string, path: string): string => `No route matches ${method} ${path}`,
  unknownScenario: (name: string): string =>
    `Unknown scenario ${JSON.stringify(name.slice(0, 100))} in ${SCENARIO_HEADER}; use one of: ${SCENARIOS.join(', ')}`,
  internalError: 'The mock failed to handle this request; this is a bug in voiceable-mock',
} as const

/** A failure a handler reports by throwing; the endpoint wrapper turns it into the envelope. */
export class ApiError extends Error {
  /** The envelope's `error`: one of `ERROR_STATUS`'s codes, or a fault's own. */
  readonly code: string
  readonly status: number
  readonly statusMessage: string
  readonly errors: readonly string[]
  readonly details: string | undefined
  readonly headers: Readonly<Record<string, string>>

  constructor(
    code: ErrorCode,
    errors: readonly string[],
    init: { details?: string; headers?: Record<string, string>; status?: number; statusMessage?: string; code?: string } = {},
  ) {
    super(`Failed with ${code}: ${errors.join('; ')}`)
    this.name = 'ApiError'
    this.code = init.code ?? code
    this.status = init.status ?? ERROR_STATUS[code].status
    const message = init.statusMessage ?? ERROR_STATUS[code].message
    this.statusMessage = code === 'validation_failed' ? `${message}: ${errors.join(', ')}` : message
    this.errors = errors
    this.details = init.details
    this.headers = init.headers ?? {}
  }

  /** The body of this error: the documented generic envelope. */
  toBody(): ErrorResponse {
    return toErrorBody(this.status, this.statusMessage, this.code, this.errors, this.details)
  }
}

/**
 * The one place an error body is written: `status`, `error`, `errors`, then `details` when there
 * is something to add, in the order of the documented generic envelope.
 */
export function toErrorBody(
  status: number,
  message: string,
  code: string,
  errors: readonly string[],
  details?: string,
): ErrorResponse {
  const body: ErrorResponse = { status: { code: status, message }, error: code, errors: [...errors] }
  if (details !== undefined) body.details = details
  return body
}
