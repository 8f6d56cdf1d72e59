import type { EndpointDefinition } from '../endpoint.js'
import { AGENT_ENDPOINTS } from './agents.js'
import { API_KEY_ENDPOINTS } from './api-keys.js'
import { AUTH_ENDPOINTS } from './auth.js'

/**
 * THE endpoint table: every endpoint the fake serves, one entry each. The msw handlers, the
 * demo server, `mock.fetch`, the journal's endpoint names, fault scopes and `handlersByEndpoint`
 * all come from it; adding an endpoint is adding an entry to one of the resource files.
 */
export const ENDPOINTS = [
  ...API_KEY_ENDPOINTS,
  ...AUTH_ENDPOINTS,
  ...AGENT_ENDPOINTS,
] as const satisfies readonly EndpointDefinition[]

/** The name of a request no endpoint matched (answered with the API's 404 `route_not_found`). */
export const UNKNOWN_ROUTE = 'unknownRoute'

/** Every endpoint name, as used by the journal, fault scopes and `handlersByEndpoint`, plus `unknownRoute`. */
export const ENDPOINT_NAMES: readonly EndpointName[] = [
  ...ENDPOINTS.map((endpoint) => endpoint.name),
  UNKNOWN_ROUTE,
]
export type EndpointName = (typeof ENDPOINTS)[number]['name'] | typeof UNKNOWN_ROUTE
