import { ApiError, ERROR_MESSAGES } from './errors.js'

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  return typeof value === 'object' && Object.keys(value).length === 0
}

/**
 * Reads the `{"api_key": {...}}` wrapper of a JSON body, as Rails' `params.require(:api_key)`
 * would: a body over the limit is 413, malformed JSON is 400, and a missing, empty or
 * non-object wrapper is 422. A body sent with a non-JSON `Content-Type` is not parsed at all
 * (Rails would not parse it either), which surfaces as the missing wrapper plus a hint.
 */
export async function readApiKeyFields(request: Request, maxBytes: number): Promise<Record<string, unknown>> {
  const declared = Number(request.headers.get('content-length'))
  if (declared > maxBytes) throw new ApiError('payload_too_large', [ERROR_MESSAGES.payloadTooLarge(maxBytes)])
  const bytes = new Uint8Array(await request.arrayBuffer())
  if (bytes.byteLength > maxBytes) throw new ApiError('payload_too_large', [ERROR_MESSAGES.payloadTooLarge(maxBytes)])

  const contentType = request.headers.get('content-type')
  if (contentType !== null && !JSON_CONTENT_TYPE.test(contentType) && bytes.byteLength > 0) {
    throw new ApiError('validation_failed', [ERROR_MESSAGES.missingWrapper, ERROR_MESSAGES.notJsonContentType(contentType)])
  }

  const text = new TextDecoder().decode(bytes)
  if (text.trim() === '') throw new ApiError('validation_failed', [ERROR_MESSAGES.missingWrapper])
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch (error) {
    throw new ApiError('invalid_json', [ERROR_MESSAGES.invalidJson(error instanceof Error ? error.message : String(error))])
  }

  const wrapper = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>)['api_key'] : undefined
  if (isBlank(wrapper)) throw new ApiError('validation_failed', [ERROR_MESSAGES.missingWrapper])
  if (typeof wrapper !== 'object' || Array.isArray(wrapper)) throw new ApiError('validation_failed', [ERROR_MESSAGES.wrapperNotObject])
  return wrapper as Record<string, unknown>
}
