import { JSON_MAX_NESTING } from './defaults.js'
import { ApiError, ERROR_MESSAGES } from './envelope.js'
import { nestsDeeperThan } from './internal/json-depth.js'

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

const decoder = new TextDecoder()

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  return typeof value === 'object' && Object.keys(value).length === 0
}

/**
 * Reads the `{"<wrapper>": {...}}` object of a JSON body, as Rails' `params.require(wrapper)`
 * would: malformed JSON is 400, and a missing, empty or non-object wrapper is 422. A body sent
 * with a non-JSON `Content-Type` is not parsed at all (Rails would not parse it either), which
 * surfaces as the missing wrapper plus a hint. The size limit is checked before this, by the core.
 */
export function readWrapper(
  bytes: Uint8Array | undefined,
  contentType: string | undefined,
  wrapper: string,
): Record<string, unknown> {
  const missing = ERROR_MESSAGES.missingWrapper(wrapper)
  const size = bytes?.byteLength ?? 0
  if (contentType !== undefined && !JSON_CONTENT_TYPE.test(contentType) && size > 0) {
    throw new ApiError('validation_failed', [
      missing,
      ERROR_MESSAGES.notJsonContentType(contentType),
    ])
  }

  const text = size === 0 ? '' : decoder.decode(bytes)
  if (text.trim() === '') throw new ApiError('validation_failed', [missing])
  // @note Ruby's JSON parser refuses nesting past 100 (`max_nesting`), which Rails answers as a
  // malformed body (400). It also bounds every recursion over a body later on (casts, copies).
  if (nestsDeeperThan(text, JSON_MAX_NESTING)) {
    throw new ApiError('invalid_json', [
      ERROR_MESSAGES.invalidJson(`nesting of ${JSON_MAX_NESTING + 1} is too deep`),
    ])
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    throw new ApiError('invalid_json', [
      ERROR_MESSAGES.invalidJson(error instanceof Error ? error.message : String(error)),
    ])
  }

  const value =
    typeof body === 'object' && body !== null && !Array.isArray(body)
      ? (body as Record<string, unknown>)[wrapper]
      : undefined
  if (isBlank(value)) throw new ApiError('validation_failed', [missing])
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError('validation_failed', [ERROR_MESSAGES.wrapperNotObject(wrapper)])
  }
  return value as Record<string, unknown>
}
