import { expect, it } from 'vitest'
import { createRateLimiter, toRateLimitHeaders } from './rate-limit.js'

it('counts down within a window, then reports exceeded with the time left', () => {
  let time = Date.parse('2024-01-15T10:30:00Z')
  const limiter = createRateLimiter({ limit: 2, windowSeconds: 60 }, () => new Date(time))
  expect(limiter.hit('a')).toMatchObject({ remaining: 1, exceeded: false })
  expect(limiter.hit('a')).toMatchObject({ remaining: 0, exceeded: false })
  time += 15_000
  expect(limiter.hit('a')).toMatchObject({
    remaining: 0,
    exceeded: true,
    retryAfter: 45,
    reset: Date.parse('2024-01-15T10:31:00Z') / 1000,
  })
})

it('keeps separate counts per bucket and starts a new window when one ends', () => {
  let time = 0
  const limiter = createRateLimiter({ limit: 1, windowSeconds: 10 }, () => new Date(time))
  limiter.hit('a')
  expect(limiter.hit('a').exceeded).toBe(true)
  expect(limiter.hit('b').exceeded).toBe(false)
  time = 10_000
  expect(limiter.hit('a')).toMatchObject({ remaining: 0, exceeded: false })
})

it('exhausts a bucket so that its next hit is over the limit', () => {
  const limiter = createRateLimiter({ limit: 5, windowSeconds: 60 }, () => new Date(0))
  limiter.exhaust('a')
  expect(limiter.hit('a').exceeded).toBe(true)
  limiter.clear()
  expect(limiter.hit('a')).toMatchObject({ remaining: 4, exceeded: false })
})

it('renders the documented header names', () => {
  expect(
    toRateLimitHeaders({
      count: 7,
      limit: 10,
      windowSeconds: 60,
      remaining: 3,
      reset: 1705314660,
      exceeded: false,
      retryAfter: 1,
    }),
  ).toEqual({
    'X-RateLimit-Limit': '10',
    'X-RateLimit-Remaining': '3',
    'X-RateLimit-Reset': '1705314660',
  })
})
