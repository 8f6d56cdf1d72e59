/**
 * How `verify` talks to the backend: one request at a time, paced under the rate limit the
 * backend announces (`X-RateLimit-*`), waiting out a 429 (`Retry-After`) a few times before
 * reporting it as a 429. A backend that cannot be reached ends the run (`VerifyError`).
 */
import { sleep } from '../../internal/sleep.js'
import { displayUrl } from './redact.js'

/** Why a run could not be made: exit code 2. */
export class VerifyError extends Error {
  /** `unreachable`: no answer; `refused`: the API key was refused; `not-api`: no Voiceable API at the base URL. */
  readonly reason: 'unreachable' | 'refused' | 'not-api'
  /** What `write` had created and could not delete when the run ended, one sentence each. */
  leftBehind: readonly string[] = []

  constructor(reason: VerifyError['reason'], message: string, options?: ErrorOptions) {
    super(message, options)
    this.name = 'VerifyError'
    this.reason = reason
  }
}

/** One request as `verify` sends it. */
export interface OutgoingRequest {
  readonly method: string
  /** Under the base URL: `/api_keys/1`. */
  readonly path: string
  readonly headers: Readonly<Record<string, string>>
  /** A JSON body, sent with `Content-Type: application/json`. */
  readonly body?: unknown
  /** The rate-limit bucket it counts in: the caller's, or the one shared by requests without a valid credential. */
  readonly bucket: 'caller' | 'anonymous'
}

/** A backend's answer. */
export interface BackendAnswer {
  readonly status: number
  readonly headers: Headers
  readonly text: string
  /** Still 429 after waiting (`rateLimitWaits` times): not checked. */
  readonly rateLimited: boolean
  /** How long it waited on 429s for this request, in ms. */
  readonly waitedMs: number
}

export interface ClientOptions {
  readonly baseUrl: string
  readonly fetch: typeof fetch
  readonly timeoutMs: number
  /** The longest wait on one 429 before it is reported instead. */
  readonly maxRateLimitWaitMs: number
  readonly onWait?: ((ms: number, why: string) => void) | undefined
}

/** How many times a 429 is waited out before it is reported. */
const RATE_LIMIT_RETRIES = 3

/** `X-RateLimit-Reset` above this is epoch seconds; at or below, seconds from now. */
const EPOCH_SECONDS_FROM = 1_000_000_000

/** Where a rate-limit bucket stands, from the last answer's headers. */
interface BucketState {
  remaining: number
  resetAt: number
}

function headerNumber(headers: Headers, name: string): number | undefined {
  const raw = headers.get(name)
  return raw !== null && /^\s*\d+\s*$/.test(raw) ? Number(raw) : undefined
}

/** When a bucket's window ends, in epoch ms, from `X-RateLimit-Reset` (epoch seconds or seconds from now). */
function resetTime(headers: Headers, now: number): number | undefined {
  const reset = headerNumber(headers, 'X-RateLimit-Reset')
  if (reset === undefined) return undefined
  return reset > EPOCH_SECONDS_FROM ? reset * 1000 : now + reset * 1000
}

/** How long a 429 asks to wait, in ms: `Retry-After` (seconds or a date), else until the reset. */
function retryDelay(headers: Headers, now: number): number {
  const retryAfter = headers.get('Retry-After')
  if (retryAfter !== null && /^\s*\d+\s*$/.test(retryAfter)) return Number(retryAfter) * 1000
  const date = retryAfter === null ? Number.NaN : Date.parse(retryAfter)
  if (!Number.isNaN(date)) return Math.max(0, date - now)
  const reset = resetTime(headers, now)
  return reset === undefined ? 1000 : Math.max(0, reset - now)
}

/** Sends requests to a backend, paced under its announced rate limit. */
export class BackendClient {
  readonly #options: ClientOptions
  readonly #buckets = new Map<string, BucketState>()
  /** Requests sent, retries included. */
  sent = 0

  constructor(options: ClientOptions) {
    this.#options = options
  }

  /**
   * Waits until the bucket has a request left, when the last answer said it has none; a wait
   * longer than `maxRateLimitWaitMs` is not made (the request goes, and a 429 is reported).
   */
  async #pace(bucket: string): Promise<void> {
    const state = this.#buckets.get(bucket)
    const now = Date.now()
    if (state === undefined || state.remaining > 0 || state.resetAt <= now) return
    const ms = state.resetAt - now
    if (ms > this.#options.maxRateLimitWaitMs) return
    this.#options.onWait?.(ms, 'the rate limit (X-RateLimit-Remaining: 0)')
    await sleep(ms)
  }

  #learn(bucket: string, headers: Headers): void {
    const remaining = headerNumber(headers, 'X-RateLimit-Remaining')
    const resetAt = resetTime(headers, Date.now())
    if (remaining !== undefined && resetAt !== undefined)
      this.#buckets.set(bucket, { remaining, resetAt })
  }

  async #once(request: OutgoingRequest): Promise<Response> {
    const { baseUrl, timeoutMs } = this.#options
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers }
    if (request.body !== undefined) headers['Content-Type'] = 'application/json'
    this.sent++
    try {
      return await this.#options.fetch(`${baseUrl}${request.path}`, {
        method: request.method,
        headers,
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        redirect: 'manual',
        signal: AbortSignal.timeout(timeoutMs),
      })
    } catch (error) {
      const cause = error instanceof Error ? (error.cause ?? error) : error
      const why = cause instanceof Error ? cause.message : String(cause)
      throw new VerifyError(
        'unreachable',
        `cannot reach ${displayUrl(baseUrl)}: ${request.method} ${request.path} failed: ${why}`,
        { cause: error },
      )
    }
  }

  /** Sends one request; waits out a 429 up to `RATE_LIMIT_RETRIES` times. Rejects with `VerifyError` when unreachable. */
  async send(request: OutgoingRequest): Promise<BackendAnswer> {
    let waitedMs = 0
    for (let attempt = 0; ; attempt++) {
      await this.#pace(request.bucket)
      const response = await this.#once(request)
      const text = await response.text()
      this.#learn(request.bucket, response.headers)
      const answer = { status: response.status, headers: response.headers, text, waitedMs }
      if (response.status !== 429) return { ...answer, rateLimited: false }
      const ms = retryDelay(response.headers, Date.now())
      if (attempt >= RATE_LIMIT_RETRIES || ms > this.#options.maxRateLimitWaitMs)
        return { ...answer, rateLimited: true }
      this.#options.onWait?.(ms, `a 429 to ${request.method} ${request.path} (Retry-After)`)
      await sleep(ms)
      waitedMs += ms
    }
  }
}
