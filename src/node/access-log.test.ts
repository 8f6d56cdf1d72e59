import { expect, it } from 'vitest'
import { formatAccessLogLine, toLoggedPath } from './access-log.js'

/** Request targets, and the path the access log writes for each. */
const LOGGED_PATHS = {
  '/api/v1/api_keys/1': '/api/v1/api_keys/1',
  // the query string may carry a secret
  '/api/v1/api_keys?api_key=sk_live_secret': '/api/v1/api_keys',
  '/a#fragment': '/a',
  // control characters and spaces cannot forge a second log line
  '/a\r\nGET /forged 200': '/a%0D%0AGET%20/forged%20200',
  '/caf\u00e9': '/caf%E9',
  '': '-',
}

it.each(Object.entries(LOGGED_PATHS))('logs the path of %j as %j', (target, expected) => {
  expect(toLoggedPath(target)).toBe(expected)
})

it('cuts a very long path', () => {
  const logged = toLoggedPath(`/${'a'.repeat(1000)}`)
  expect(logged.length).toBeLessThan(300)
  expect(logged.endsWith('…')).toBe(true)
})

it('formats method, path, outcome and milliseconds with one decimal', () => {
  expect(formatAccessLogLine('GET', '/api/v1/api_keys/1?x=1', 200, 1.234)).toBe(
    'GET /api/v1/api_keys/1 200 1.2ms',
  )
  expect(formatAccessLogLine('POST', '/api/v1/api_keys', 'aborted', 12)).toBe(
    'POST /api/v1/api_keys aborted 12.0ms',
  )
})

it('replaces a method that is not a plain token', () => {
  expect(formatAccessLogLine('G\nET', '/', 400, 0)).toBe('- / 400 0.0ms')
})
