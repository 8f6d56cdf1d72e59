import { SCENARIO_HEADER, SCENARIOS } from './scenarios.js'
import type { ErrorResponse, Status } from './schemas.js'

/**
 * Error codes (the envelope's `error` field) and the `status.message` each one carries.
 * `unauthorized` uses the exact message the real Voiceable web client checks for
 * ("Authentication required.") so a client under test reacts as it would in production.
 */
export const ERROR_STATUS = {
  invalid_json: { status: 400, message: 'Bad Request' },
  bad_request: { status: 400, message: 'Bad Request' },
  unauthorized: { status: 401, message: 'Authentication required.' },
  // @note Devise's own wording (`devise.failure.invalid`), and deliberately not the message above:
  // on "Authentication required." the web app logs out instead of showing the error.
  invalid_credentials: { status: 401, message: 'Invalid Email or password.' },
  forbidden: { status: 403, message: 'Forbidden' },
  not_found: { status: 404, message: 'API key not found' },
  agent_not_found: { status: 404, message: 'Agent not found' },
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
  invalidToken:
    'Invalid or missing authentication: the token is malformed or its signature does not match',
  expiredToken: 'Invalid or missing authentication: the token has expired; sign in again',
  revokedToken:
    'Invalid or missing authentication: the token was revoked by signing out; sign in again',
  conflictingCredentials:
    'Invalid or missing authentication: X-API-Key and Authorization identify different users; send one credential',
  publicKeyForbidden:
    'Public API keys cannot manage API keys or agents; use a private API key or a JWT',
  publicKeyReadOnly:
    'Public API keys may only read API keys and agents; use a private API key or a JWT',
  apiKeyNotFound: 'API key not found',
  agentNotFound: 'Agent not found',
  /** Devise's `devise.failure.invalid`, for a wrong email or password alike. */
  invalidCredentials: 'Invalid Email or password.',
  missingWrapper: (wrapper: string): string => `param is missing or the value is empty: ${wrapper}`,
  wrapperNotObject: (wrapper: string): string => `${wrapper} must be a JSON object of fields`,
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

/** What an error is: its envelope code, HTTP status and `status.message`. */
export interface ErrorKind {
  code: string
  status: number
  message: string
}

/** A failure the pipeline reports by throwing; the core turns it into the envelope. */
export class ApiError extends Error {
  /** The envelope's `error`: one of `ERROR_STATUS`'s codes, or a fault's own. */
  readonly code: string
  readonly status: number
  readonly statusMessage: string
  readonly errors: readonly string[]
  readonly details: string | undefined
  readonly headers: Readonly<Record<string, string>>

  constructor(
    kind: ErrorCode | ErrorKind,
    errors: readonly string[],
    init: { details?: string; headers?: Record<string, string> } = {},
  ) {
    const { code, status, message } =
      typeof kind === 'string' ? { code: kind, ...ERROR_STATUS[kind] } : kind
    super(`Failed with ${code}: ${errors.join('; ')}`)
    this.name = 'ApiError'
    this.code = code
    this.status = status
    // @note Rails' `errors.full_messages` joined into the message, so a client that shows only
    // `status.message` (the Voiceable web app does) still tells the user what to fix.
    this.statusMessage = code === 'validation_failed' ? `${message}: ${errors.join(', ')}` : message
    this.errors = errors
    this.details = init.details
    this.headers = init.headers ?? {}
  }

  /** An injected fault's answer: any error status, with its reason phrase and code. */
  static injected(status: number, message: string | undefined): ApiError {
    const known = Object.entries(ERROR_STATUS).find(([, entry]) => entry.status === status)
    const reason = known?.[1].message ?? REASON_PHRASES[status] ?? 'Error'
    return new ApiError({ code: known?.[0] ?? `http_${status}`, status, message: reason }, [
      message ?? `Injected fault: ${status} ${reason}`,
    ])
  }

  /** An answer the demo server gives HTTP it cannot parse (400, 408, 431), before the API sees it. */
  static malformedHttp(status: number, reason: string, message: string): ApiError {
    return new ApiError({ code: 'bad_request', status, message: reason }, [message])
  }

  /** A bug in the fake: the API's 500 envelope, with what went wrong in `details`. */
  static internal(error: unknown): ApiError {
    return new ApiError('internal_error', [ERROR_MESSAGES.internalError], {
      details: String(error),
    })
  }

  /** The body of this error: the documented generic envelope. */
  toBody(): ErrorResponse {
    return toErrorBody(this.status, this.statusMessage, this.code, this.errors, this.details)
  }
}

/** Reason phrases of the statuses an injected fault may use beyond `ERROR_STATUS`. */
const REASON_PHRASES: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  422: 'Unprocessable Entity',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  502: 'Bad Gateway',
  503: 'Service Unavailable',
  504: 'Gateway Timeout',
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
  const body: ErrorResponse = {
    status: { code: status, message },
    error: code,
    errors: [...errors],
  }
  if (details !== undefined) body.details = details
  return body
}

/**
 * Devise's validation messages for sign-up (`validatable`, Rails' `errors.full_messages`), in the
 * order Devise runs them.
 */
export const SIGN_UP_MESSAGES = {
  emailBlank: "Email can't be blank",
  emailTaken: 'Email has already been taken',
  emailInvalid: 'Email is invalid',
  passwordBlank: "Password can't be blank",
  confirmationMismatch: "Password confirmation doesn't match Password",
  passwordTooShort: (min: number): string => `Password is too short (minimum is ${min} characters)`,
  passwordTooLong: (max: number): string => `Password is too long (maximum is ${max} characters)`,
} as const

/** The documented `status.message` of each successful response; Devise's for sign in and out. */
export const SUCCESS_MESSAGES = {
  read: 'Success',
  created: 'API key created successfully',
  updated: 'API key updated successfully',
  deleted: 'API key deleted successfully',
  signedIn: 'Signed in successfully.',
  signedUp: 'Signed up successfully.',
  signedOut: 'Signed out successfully.',
  agentCreated: 'Agent created successfully',
  agentUpdated: 'Agent updated successfully',
  agentDeleted: 'Agent deleted successfully',
} as const

/** A success body: `status`, then `data` when there is any (deletes send `status` only). */
export function toSuccessBody(
  code: number,
  message: string,
  data?: unknown,
): { status: Status; data?: unknown } {
  return data === undefined ? { status: { code, message } } : { status: { code, message }, data }
}
