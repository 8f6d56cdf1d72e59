import { SCENARIO_HEADER, SCENARIOS } from '../store/scenario-names.js'
import type { ErrorResponse } from './wire.js'

/**
 * What an error is: its envelope code (the `error` field), HTTP status and `status.message`, and
 * what it means (the OpenAPI document's words).
 */
export interface ErrorDefinition {
  readonly code: string
  readonly status: number
  readonly message: string
  /** What it means and where that behaviour comes from, for the OpenAPI document. */
  readonly description: string
}

/** Declares a table of errors by code, each knowing its own code. */
export function defineErrors<const Table extends Record<string, Omit<ErrorDefinition, 'code'>>>(
  table: Table,
): { readonly [Code in keyof Table & string]: Table[Code] & { readonly code: Code } } {
  return Object.fromEntries(
    Object.entries(table).map(([code, error]) => [code, { ...error, code }]),
  ) as { readonly [Code in keyof Table & string]: Table[Code] & { readonly code: Code } }
}

/**
 * The pipeline's own errors: those of any endpoint of any resource. Resources declare their own
 * (`API key not found`). `unauthorized` uses the exact message the real Voiceable web client
 * checks for ("Authentication required.") so a client under test reacts as it would in production.
 */
export const PIPELINE_ERRORS = defineErrors({
  invalid_json: {
    status: 400,
    message: 'Bad Request',
    description:
      "`invalid_json`: the body is not valid JSON, or nests deeper than 100 (the docs' generic 400 example; a Rails default: `ParseError`).",
  },
  invalid_form: {
    status: 400,
    message: 'Bad Request',
    description:
      "`invalid_form`: a `multipart/form-data` body the platform's parser refuses (a broken boundary, a truncated part) (a Rails default: Rack answers 400).",
  },
  bad_request: {
    status: 400,
    message: 'Bad Request',
    description:
      "`bad_request`: an unknown `X-Voiceable-Mock-Scenario` header (the fake's own header).",
  },
  unauthorized: {
    status: 401,
    message: 'Authentication required.',
    description:
      '`unauthorized`: invalid or missing authentication (docs); `status.message` is `Authentication required.`, the string the Voiceable web app logs out on (real-client evidence).',
  },
  forbidden: {
    status: 403,
    message: 'Forbidden',
    description:
      "`forbidden`: a public API key, with the default `publicKeyAccess: 'forbidden'` (`'read-only'` allows reads, `'full-access'` everything) (our choice).",
  },
  route_not_found: {
    status: 404,
    message: 'Not Found',
    description: '`route_not_found`: no route matches the method and path (a Rails routing error).',
  },
  payload_too_large: {
    status: 413,
    message: 'Payload Too Large',
    description:
      '`payload_too_large`: a body over `maxBodyBytes` (1 MiB by default), answered before authentication (our choice).',
  },
  validation_failed: {
    status: 422,
    message: 'Validation failed',
    description:
      "`validation_failed`: a missing or empty body wrapper, a field or a query parameter that fails validation; every problem is listed in `errors` and in `status.message` (docs: 422; the messages in Rails' words).",
  },
  rate_limited: {
    status: 429,
    message: 'Rate limit exceeded',
    description:
      '`rate_limited`: past the rate limit (by default 1000 requests per 60 s per caller; anonymous requests share one bucket), with `Retry-After` (our choice).',
  },
  internal_error: {
    status: 500,
    message: 'Internal Server Error',
    description:
      '`internal_error`: a bug in the fake (never served otherwise), or an injected fault.',
  },
  bad_gateway: {
    status: 502,
    message: 'Bad Gateway',
    description: '`bad_gateway`: only an injected fault (`mock.faults.error(502)`).',
  },
  service_unavailable: {
    status: 503,
    message: 'Service Unavailable',
    description: '`service_unavailable`: only an injected fault (`mock.faults.error(503)`).',
  },
  gateway_timeout: {
    status: 504,
    message: 'Gateway Timeout',
    description: '`gateway_timeout`: only an injected fault (`mock.faults.error(504)`).',
  },
})

/** A code of the pipeline's own errors. */
export type PipelineErrorCode = keyof typeof PIPELINE_ERRORS

/** The plain-words sentences the pipeline uses in `errors`, named so that tests can assert them. */
export const PIPELINE_MESSAGES = {
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
  missingWrapper: (wrapper: string): string => `param is missing or the value is empty: ${wrapper}`,
  wrapperNotObject: (wrapper: string): string => `${wrapper} must be a JSON object of fields`,
  notJsonContentType: (contentType: string): string =>
    `The body was sent as ${contentType}; send Content-Type: application/json`,
  invalidJson: (reason: string): string => `The request body is not valid JSON: ${reason}`,
  invalidForm: (reason: string): string =>
    `The request body is not valid multipart/form-data: ${reason}`,
  payloadTooLarge: (limit: number): string => `The request body is larger than ${limit} bytes`,
  rateLimited: (limit: number, windowSeconds: number, retryAfter: number): string =>
    `Rate limit of ${limit} requests per ${windowSeconds} seconds exceeded; retry after ${retryAfter} seconds`,
  routeNotFound: (method: string, path: string): string => `No route matches ${method} ${path}`,
  unknownScenario: (name: string): string =>
    `Unknown scenario ${JSON.stringify(name.slice(0, 100))} in ${SCENARIO_HEADER}; use one of: ${SCENARIOS.join(', ')}`,
  internalError: 'The mock failed to handle this request; this is a bug in voiceable-mock',
} as const

/** What an error is: its envelope code, HTTP status and `status.message`. */
export type ErrorKind = Pick<ErrorDefinition, 'code' | 'status' | 'message'>

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
    kind: PipelineErrorCode | ErrorKind,
    errors: readonly string[],
    init: { details?: string; headers?: Record<string, string> } = {},
  ) {
    const { code, status, message } = typeof kind === 'string' ? PIPELINE_ERRORS[kind] : kind
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
    const known = Object.values(PIPELINE_ERRORS).find((entry) => entry.status === status)
    const reason = known?.message ?? REASON_PHRASES[status] ?? 'Error'
    return new ApiError({ code: known?.code ?? `http_${status}`, status, message: reason }, [
      message ?? `Injected fault: ${status} ${reason}`,
    ])
  }

  /** An answer the demo server gives HTTP it cannot parse (400, 408, 431), before the API sees it. */
  static malformedHttp(status: number, reason: string, message: string): ApiError {
    return new ApiError({ code: 'bad_request', status, message: reason }, [message])
  }

  /** A bug in the fake: the API's 500 envelope, with what went wrong in `details`. */
  static internal(error: unknown): ApiError {
    return new ApiError('internal_error', [PIPELINE_MESSAGES.internalError], {
      details: String(error),
    })
  }

  /** The body of this error: the documented generic envelope. */
  toBody(): ErrorResponse {
    return toErrorBody(this.status, this.statusMessage, this.code, this.errors, this.details)
  }
}

/**
 * A function that throws one of a resource's errors with its sentence, for `?? notFound()`.
 * @example const notFound = failWith('not_found', data.errors.not_found, 'API key not found')
 */
export function failWith(
  code: string,
  error: { readonly status: number; readonly message: string },
  sentence: string,
): () => never {
  return () => {
    throw new ApiError({ code, status: error.status, message: error.message }, [sentence])
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

/** The content type of every answer of the API: its JSON envelope. */
export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8'

/** The `status.message` of every successful read. */
export const READ_MESSAGE = 'Success'
