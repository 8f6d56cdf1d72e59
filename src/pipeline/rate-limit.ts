/**
 * A fixed-window rate limiter, counted per caller. The window starts at a caller's first
 * request; `X-RateLimit-Reset` is the window's end in Unix epoch seconds.
 */

export interface RateLimitOptions {
  /** Requests per window. */
  limit: number
  /** Window length in seconds. */
  windowSeconds: number
}

export interface RateLimitState {
  /** Requests counted in the current window, this one included. */
  count: number
  limit: number
  windowSeconds: number
  remaining: number
  /** End of the window, Unix epoch seconds. */
  reset: number
  exceeded: boolean
  /** Whole seconds until the window ends (at least 1), for `Retry-After`. */
  retryAfter: number
}

export interface RateLimiter {
  /** Counts one request for `bucket` at `time` (epoch ms; default now) and says where it stands. */
  hit(bucket: string, time?: number): RateLimitState
  /** Sets `bucket` as if it had used up its window (for fault injection). */
  exhaust(bucket: string): void
  clear(): void
}

export function createRateLimiter(options: RateLimitOptions, now: () => Date): RateLimiter {
  const windowMs = options.windowSeconds * 1000
  const buckets = new Map<string, { start: number; count: number }>()

  function current(bucket: string, time: number): { start: number; count: number } {
    let entry = buckets.get(bucket)
    if (entry === undefined || time >= entry.start + windowMs) {
      entry = { start: time, count: 0 }
      buckets.set(bucket, entry)
    }
    return entry
  }

  return {
    hit(bucket, time = now().getTime()) {
      const entry = current(bucket, time)
      entry.count++
      const end = entry.start + windowMs
      return {
        count: entry.count,
        limit: options.limit,
        windowSeconds: options.windowSeconds,
        remaining: Math.max(0, options.limit - entry.count),
        reset: Math.ceil(end / 1000),
        exceeded: entry.count > options.limit,
        retryAfter: Math.max(1, Math.ceil((end - time) / 1000)),
      }
    },
    exhaust(bucket) {
      current(bucket, now().getTime()).count = options.limit
    },
    clear() {
      buckets.clear()
    },
  }
}

/** The documented rate-limit headers for a state. */
export function toRateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    'X-RateLimit-Limit': String(state.limit),
    'X-RateLimit-Remaining': String(state.remaining),
    'X-RateLimit-Reset': String(state.reset),
  }
}
