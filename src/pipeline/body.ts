/**
 * Reading a request's body as Rails reads its `params`: JSON, or `multipart/form-data` (the one
 * documented non-JSON body, Create Campaign), through one entry point (`readBodyParams`). The size
 * limit is checked before this, by the core, for every content type alike.
 */
import { JSON_MAX_NESTING } from '../defaults.js'
import { nestsDeeperThan } from '../internal/json-depth.js'
import { setOwnProperty } from '../internal/own-property.js'
import { ApiError, PIPELINE_MESSAGES } from './envelope.js'

const JSON_CONTENT_TYPE = /^application\/(?:[\w.+-]+\+)?json\s*(?:;|$)/i
const MULTIPART_CONTENT_TYPE = /^multipart\/form-data\s*;/i

const decoder = new TextDecoder()

/** A body's parameters: a JSON object's fields, or a form's fields (text) and files. */
export type BodyParams = Record<string, unknown>

function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true
  if (Array.isArray(value)) return value.length === 0
  return typeof value === 'object' && Object.keys(value).length === 0
}

/** Whether a body of this content type is parsed as multipart form data. */
export function isMultipart(contentType: string | undefined): boolean {
  return contentType !== undefined && MULTIPART_CONTENT_TYPE.test(contentType)
}

/**
 * A JSON body's value: malformed JSON is 400, as Rails' `ParseError` is. @note Ruby's JSON parser
 * refuses nesting past 100 (`max_nesting`), which Rails answers as a malformed body (400). It also
 * bounds every recursion over a body later on (casts, copies).
 */
function parseJson(text: string): unknown {
  if (nestsDeeperThan(text, JSON_MAX_NESTING)) {
    throw new ApiError('invalid_json', [
      PIPELINE_MESSAGES.invalidJson(`nesting of ${JSON_MAX_NESTING + 1} is too deep`),
    ])
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ApiError('invalid_json', [
      PIPELINE_MESSAGES.invalidJson(error instanceof Error ? error.message : String(error)),
    ])
  }
}

/**
 * A form's fields as Rails' `params` holds them: each name once (the last value wins, as Rack
 * reads a repeated name), or, for a name ending in `[]` (`ids[]`), a list of every value under
 * the name without the brackets. Files stay `File`s.
 */
function toParams(form: FormData): BodyParams {
  const params: BodyParams = {}
  for (const [name, value] of form) {
    const list = name.endsWith('[]')
    const key = list ? name.slice(0, -2) : name
    const previous = Object.hasOwn(params, key) ? params[key] : undefined
    const next: unknown = list
      ? [...(Array.isArray(previous) ? (previous as unknown[]) : []), value]
      : value
    setOwnProperty(params, key, next)
  }
  return params
}

/**
 * A `multipart/form-data` body's parameters, parsed by the platform's own parser (the Fetch
 * standard's `Response.formData()`, the same in Node and browsers). A malformed body is 400.
 */
async function readForm(bytes: Uint8Array, contentType: string): Promise<BodyParams> {
  try {
    const response = new Response(bytes as Uint8Array<ArrayBuffer>, {
      headers: { 'Content-Type': contentType },
    })
    const form = await response.formData()
    return toParams(form)
  } catch (error) {
    throw new ApiError('invalid_form', [
      PIPELINE_MESSAGES.invalidForm(error instanceof Error ? error.message : String(error)),
    ])
  }
}

/**
 * The body's parameters, JSON or multipart, as Rails' `params` holds them: a JSON object's
 * fields (any other JSON value, or no body, gives none), or a form's. A body sent with another
 * content type is not parsed (Rails would not parse it either), and has no parameters.
 */
export function readBodyParams(
  bytes: Uint8Array | undefined,
  contentType: string | undefined,
): BodyParams | Promise<BodyParams> {
  if (bytes === undefined || bytes.byteLength === 0) return {}
  if (contentType !== undefined && isMultipart(contentType)) return readForm(bytes, contentType)
  if (contentType !== undefined && !JSON_CONTENT_TYPE.test(contentType)) return {}
  const text = decoder.decode(bytes)
  if (text.trim() === '') return {}
  const body = parseJson(text)
  return typeof body === 'object' && body !== null && !Array.isArray(body)
    ? (body as BodyParams)
    : {}
}

/**
 * Reads the `{"<wrapper>": {...}}` object of a JSON body, as Rails' `params.require(wrapper)`
 * would: malformed JSON is 400, and a missing, empty or non-object wrapper is 422. A body sent
 * with a non-JSON `Content-Type` is not parsed at all (Rails would not parse it either), which
 * surfaces as the missing wrapper plus a hint.
 */
export function readWrapper(
  bytes: Uint8Array | undefined,
  contentType: string | undefined,
  wrapper: string,
): Record<string, unknown> {
  const missing = PIPELINE_MESSAGES.missingWrapper(wrapper)
  const size = bytes?.byteLength ?? 0
  if (contentType !== undefined && !JSON_CONTENT_TYPE.test(contentType) && size > 0) {
    throw new ApiError('validation_failed', [
      missing,
      PIPELINE_MESSAGES.notJsonContentType(contentType),
    ])
  }
  const params = readBodyParams(bytes, undefined) as BodyParams
  const value = params[wrapper]
  if (isBlank(value)) throw new ApiError('validation_failed', [missing])
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError('validation_failed', [PIPELINE_MESSAGES.wrapperNotObject(wrapper)])
  }
  return value as Record<string, unknown>
}
