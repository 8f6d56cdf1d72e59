import { expect, it } from 'vitest'
import {
  CORS_ALLOWED_HEADERS,
  CORS_ALLOWED_METHODS,
  CORS_EXPOSED_HEADERS,
  isPreflight,
  toCorsHeaders,
} from './cors.js'

it.each([
  ['OPTIONS', { origin: 'http://localhost:5173', 'access-control-request-method': 'POST' }, true],
  // no Origin: a plain OPTIONS, for the API to answer
  ['OPTIONS', { 'access-control-request-method': 'POST' }, false],
  // no requested method: not a preflight either
  ['OPTIONS', { origin: 'http://localhost:5173' }, false],
  ['GET', { origin: 'http://localhost:5173', 'access-control-request-method': 'GET' }, false],
])('tells a preflight from other requests: %s %j → %s', (method, headers, expected) => {
  expect(isPreflight(method, headers)).toBe(expected)
})

it('reflects the Origin with credentials and exposes the rate-limit headers on an actual request', () => {
  expect(toCorsHeaders({ origin: 'http://localhost:5173' }, false)).toEqual({
    'Access-Control-Allow-Origin': 'http://localhost:5173',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': CORS_EXPOSED_HEADERS.join(', '),
    Vary: 'Origin',
  })
})

it('sends only Vary to a request without an Origin', () => {
  expect(toCorsHeaders({}, false)).toEqual({ Vary: 'Origin' })
})

it('allows the credential headers and any well-formed header the preflight asks for, once each', () => {
  const headers = toCorsHeaders(
    {
      origin: 'null',
      'access-control-request-method': 'PUT',
      'access-control-request-headers': 'x-api-key, X-Request-Id, bad header, ,content-type',
    },
    true,
  )
  expect(headers['Access-Control-Allow-Origin']).toBe('null')
  expect(headers['Access-Control-Allow-Headers']).toBe(
    [...CORS_ALLOWED_HEADERS, 'X-Request-Id'].join(', '),
  )
  expect(headers['Access-Control-Allow-Methods']).toBe(CORS_ALLOWED_METHODS.join(', '))
  // Ten minutes: a browser asks again after that, so a changed server is seen soon.
  expect(headers['Access-Control-Max-Age']).toBe('600')
})

it('allows exactly the methods the router answers, HEAD and PATCH included', () => {
  expect(CORS_ALLOWED_METHODS).toEqual(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])
})
