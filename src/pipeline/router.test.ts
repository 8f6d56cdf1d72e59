import { expect, it } from 'vitest'
import { ENDPOINTS } from '../resources/index.js'
import { createRouter, toRoutedMethods } from './router.js'

const router = createRouter(ENDPOINTS)
const route = (method: string, path: string) => {
  const match = router.match(method, path)
  return match === undefined ? undefined : { name: match.endpoint.name, params: match.params }
}

it.each([
  // [method, path, endpoint, params]
  ['GET', '/api_keys', 'listApiKeys', {}],
  ['GET', '/api_keys/1', 'getApiKey', { keyId: '1' }],
  // Repeated and trailing slashes say nothing.
  ['GET', '//api_keys//1/', 'getApiKey', { keyId: '1' }],
  // Parameters are percent-decoded.
  ['GET', '/api_keys/%31', 'getApiKey', { keyId: '1' }],
  // HEAD is routed to every GET route.
  ['HEAD', '/api_keys', 'listApiKeys', {}],
  ['HEAD', '/api_keys/7', 'getApiKey', { keyId: '7' }],
  // PATCH is routed to every PUT route with a path parameter (`resources`' update).
  ['PATCH', '/api_keys/7', 'updateApiKey', { keyId: '7' }],
  // Rails' `(.:format)` on every route: the format is split off the last segment.
  ['GET', '/api_keys.json', 'listApiKeys', {}],
  ['POST', '/api_keys.json', 'createApiKey', {}],
  ['GET', '/api_keys/1.json', 'getApiKey', { keyId: '1' }],
  ['PATCH', '/api_keys/1.json', 'updateApiKey', { keyId: '1' }],
  // A segment ends at its first literal dot: `1.5` is the id `1` with the format `5`.
  ['GET', '/api_keys/1.5', 'getApiKey', { keyId: '1' }],
  ['GET', '/api_keys/1.xml', 'getApiKey', { keyId: '1' }],
  // An encoded dot is part of the id.
  ['DELETE', '/api_keys/1%2E5', 'deleteApiKey', { keyId: '1.5' }],
  // An empty id before a format is an id that names no key (the resolver's 404).
  ['GET', '/api_keys/.json', 'getApiKey', { keyId: '' }],
])('routes %s %s to %s', (method, path, name, params) => {
  expect(route(method, path)).toEqual({ name, params })
})

it.each([
  // Case-sensitive, as Rails' router is.
  ['GET', '/API_KEYS'],
  ['GET', '/Api_Keys/1'],
  ['HEAD', '/API_KEYS'],
  // No PATCH on the collection, no HEAD for other methods' routes, no POST on a member.
  ['PATCH', '/api_keys'],
  ['POST', '/api_keys/1'],
  ['PUT', '/api_keys'],
  ['OPTIONS', '/api_keys'],
  // A format is one run without dots, after a non-empty segment.
  ['GET', '/api_keys/1.5.json'],
  ['GET', '/api_keys/1.'],
  ['GET', '/api_keys.'],
  ['GET', '/api_keys.json.json'],
  ['GET', '/api_keys.json/1'],
  ['GET', '/api_keys/1/extra'],
])('routes %s %s nowhere', (method, path) => {
  expect(route(method, path)).toBeUndefined()
})

it('lists every routed method once, in table order, HEAD after GET and PATCH after PUT', () => {
  expect(toRoutedMethods(ENDPOINTS)).toEqual(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'])
})

it('derives HEAD and PATCH for any table, not just the API keys', () => {
  const table = [
    { name: 'listAgents', method: 'GET', path: '/agents' },
    { name: 'updateAgent', method: 'PUT', path: '/agents/:agentId' },
    { name: 'signOut', method: 'DELETE', path: '/auth/sign_out' },
    { name: 'replaceSettings', method: 'PUT', path: '/settings' },
  ] as const
  const agents = createRouter(table)
  expect(agents.match('HEAD', '/agents.json')?.endpoint.name).toBe('listAgents')
  expect(agents.match('PATCH', '/agents/abc')?.endpoint.name).toBe('updateAgent')
  // A PUT without a path parameter is not a resource's update: no PATCH.
  expect(agents.match('PATCH', '/settings')).toBeUndefined()
  expect(toRoutedMethods(table)).toEqual(['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE'])
})
