import { expect, it } from 'vitest'
import { reachesRouteLiterally } from './literal-route.js'

it.each([
  // [raw pathname, route, reaches]
  ['/api/v1/api_keys/1', '/api_keys/:id', true],
  ['/api/v1/api_keys/1/', '/api_keys/:id', true], // msw tolerates one trailing slash
  ['/api/v1/api_keys', '/api_keys', true],
  ['/api/v1/api_keys/', '/api_keys', true],
  ['/api/v1/api_keys/..%2F1', '/api_keys/:id', true], // the encoded slash is inside the id
  ['/api/v1/api_keys/1%2f2', '/api_keys/:id', true],
  ['/api/v1/api_keys%2F1', '/api_keys/:id', false], // msw 3 would read this as /api_keys/1
  ['/api/v1/api_keys%2f1', '/api_keys/:id', false],
  ['/api/v1%2Fapi_keys/1', '/api_keys/:id', false], // the encoded slash is in the base path
  ['/api%2Fv1/api_keys', '/api_keys', false],
  ['/api/v1/api_keys%2F', '/api_keys', false],
  ['/api/v1/api_keys/%E0%A4%A', '/api_keys/:id', true], // a malformed escape is still an id
])('%s against %s reaches it: %s', (raw, route, reaches) => {
  expect(reachesRouteLiterally(raw, route)).toBe(reaches)
})
