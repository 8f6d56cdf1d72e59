/**
 * One backend answer against what the fake would answer: the HTTP status, the envelope, the
 * body by the wire schema in strict mode (`wire-diff.ts`), `status.message` and `error` against
 * the fake's constants, and the headers the fake promises (`Content-Type`, `X-RateLimit-*`).
 */
import type * as z from 'zod'
import { JSON_CONTENT_TYPE } from '../../pipeline/envelope.js'
import { ErrorResponseSchema } from '../../pipeline/wire.js'
import { quote } from './describe.js'
import { diffWire, type WireDifferenceKind } from './wire-diff.js'

/** What the fake answers a request with. */
export interface Expectation {
  readonly status: number
  /** `status.message`. */
  readonly message: string
  /** The envelope's `error` code, for an error. */
  readonly errorCode?: string | undefined
  /** The wire schema of the endpoint's success body (an error body has the error envelope's). */
  readonly successSchema: z.ZodType
  /** The success body's media type where it is not JSON (a recording's `audio/wav`). */
  readonly mediaType?: string | undefined
}

/** What kind of difference a finding names. */
export type DifferenceKind =
  WireDifferenceKind | 'status' | 'envelope' | 'message' | 'error-code' | 'header'

/** One difference in one answer: where, what kind, and what, in words. */
export interface Difference {
  /** `data.user_email`, `status.message`, `header Content-Type`; `''` for the HTTP status. */
  readonly at: string
  readonly kind: DifferenceKind
  readonly text: string
  readonly alsoAt?: readonly string[] | undefined
}

/** The rate-limit headers the fake sends with every answer of the API. */
const RATE_LIMIT_HEADERS = ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset']

/** `X-RateLimit-Reset` at or below this is not epoch seconds (2001-09-09). */
const EPOCH_SECONDS_FROM = 1_000_000_000

function normalizeMediaType(value: string): string {
  return value.toLowerCase().replace(/\s+/g, '')
}

/** The headers the fake promises, as the backend sent them; `mediaType` the expected type. */
function checkHeaders(headers: Headers, mediaType: string): Difference[] {
  const found: Difference[] = []
  const contentType = headers.get('Content-Type')
  if (contentType === null)
    found.push({
      at: 'header Content-Type',
      kind: 'header',
      text: `missing (the fake sends ${quote(mediaType)})`,
    })
  else if (normalizeMediaType(contentType) !== normalizeMediaType(mediaType))
    found.push({
      at: 'header Content-Type',
      kind: 'header',
      text: `${quote(contentType)}, the fake sends ${quote(mediaType)}`,
    })
  for (const name of RATE_LIMIT_HEADERS) {
    const value = headers.get(name)
    const at = `header ${name}`
    if (value === null) found.push({ at, kind: 'header', text: 'missing (the fake sends it)' })
    else if (!/^\d+$/.test(value.trim()))
      found.push({ at, kind: 'header', text: `${quote(value)}, the fake sends a whole number` })
    else if (name === 'X-RateLimit-Reset' && Number(value) <= EPOCH_SECONDS_FROM)
      found.push({
        at,
        kind: 'header',
        text: `${quote(value)}, the fake sends the window's end in epoch seconds`,
      })
  }
  return found
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown }
  } catch {
    return { ok: false }
  }
}

/** The envelope's `status`, where the schema found it well-formed. */
function statusOf(body: unknown): { code?: unknown; message?: unknown } {
  const status = (body as { status?: unknown } | null)?.status
  return typeof status === 'object' && status !== null ? status : {}
}

/**
 * Every difference between a backend's answer and the fake's, each its own entry. When the
 * status differs, the body is checked by the schema its status calls for (the endpoint's for a
 * 2xx, the error envelope otherwise), and the messages are not compared.
 * @returns the differences, and the parsed body (`undefined` when it is not JSON).
 */
export function checkAnswer(
  expected: Expectation,
  answer: { readonly status: number; readonly headers: Headers; readonly text: string },
): { differences: Difference[]; body: unknown } {
  const differences: Difference[] = []
  const sameStatus = answer.status === expected.status
  if (!sameStatus)
    differences.push({
      at: '',
      kind: 'status',
      text: `HTTP status ${answer.status}, the fake answers ${expected.status}`,
    })
  // A success that is not JSON (a recording) is checked by its type and a non-empty body.
  if (sameStatus && expected.mediaType !== undefined && answer.status < 300) {
    differences.push(...checkHeaders(answer.headers, expected.mediaType))
    if (answer.text === '')
      differences.push({ at: 'body', kind: 'envelope', text: 'empty, the fake sends the file' })
    return { differences, body: undefined }
  }
  differences.push(...checkHeaders(answer.headers, JSON_CONTENT_TYPE))
  const parsed = parseJson(answer.text)
  if (!parsed.ok) {
    const type = answer.headers.get('Content-Type') ?? 'no Content-Type'
    differences.push({
      at: 'body',
      kind: 'envelope',
      text: `not JSON (${answer.text === '' ? 'empty' : type}), the fake sends the JSON envelope`,
    })
    return { differences, body: undefined }
  }
  const body = parsed.value
  const success = answer.status >= 200 && answer.status < 300
  differences.push(...diffWire(success ? expected.successSchema : ErrorResponseSchema, body))
  const status = statusOf(body)
  if (typeof status.code === 'number' && status.code !== answer.status)
    differences.push({
      at: 'status.code',
      kind: 'envelope',
      text: `${status.code}, the HTTP status is ${answer.status} (the fake repeats it)`,
    })
  if (sameStatus && typeof status.message === 'string' && status.message !== expected.message)
    differences.push({
      at: 'status.message',
      kind: 'message',
      text: `${JSON.stringify(status.message)}, the fake says ${JSON.stringify(expected.message)}`,
    })
  const code = (body as { error?: unknown } | null)?.error
  if (
    sameStatus &&
    expected.errorCode !== undefined &&
    typeof code === 'string' &&
    code !== expected.errorCode
  )
    differences.push({
      at: 'error',
      kind: 'error-code',
      text: `${JSON.stringify(code)}, the fake says ${JSON.stringify(expected.errorCode)}`,
    })
  return { differences, body }
}
