/**
 * THE list of resources. The endpoint table, the store and its `mock.store` methods, the snapshot
 * format, the scenarios, the messages and the OpenAPI document are all derived from it: adding a
 * resource is adding its folder and one line here.
 */
import { UNKNOWN_ROUTE, type AnyEndpoint } from '../pipeline/endpoint.js'
import * as accounts from './accounts/index.js'
import { USERS } from './accounts/users.js'
import * as agents from './agents/index.js'
import * as apiKeys from './api-keys/index.js'
import * as phoneNumbers from './phone-numbers/index.js'
import * as conversations from './conversations/index.js'
import * as integrations from './integrations/index.js'
import * as campaigns from './campaigns/index.js'
import * as voices from './voices/index.js'
import * as agentTemplates from './agent-templates/index.js'
import * as agentBehaviours from './agent-behaviours/index.js'
import * as pricingSettings from './pricing-settings/index.js'
import * as outcomeDefinitions from './outcome-definitions/index.js'
import * as agentFunctions from './agent-functions/index.js'
import * as escalations from './escalations/index.js'
import * as metrics from './metrics/index.js'
import * as agentFiles from './agent-files/index.js'
import { defineResource } from './resource.js'

/** Every resource, in the endpoint table's order (journal names, fault scopes, CORS methods follow it). */
export const RESOURCES = [
  defineResource(apiKeys),
  defineResource(accounts),
  defineResource(agents),
  defineResource(phoneNumbers),
  defineResource(conversations),
  defineResource(integrations),
  defineResource(campaigns),
  defineResource(voices),
  defineResource(agentTemplates),
  defineResource(agentBehaviours),
  defineResource(pricingSettings),
  defineResource(outcomeDefinitions),
  defineResource(agentFunctions),
  defineResource(escalations),
  defineResource(metrics),
  defineResource(agentFiles),
] as const

/**
 * The collection whose records own every other record: users. Its resource seeds first (every
 * other record needs an owner), and snapshots are checked against it.
 */
export const OWNERS = USERS

/**
 * THE endpoint table: every endpoint the fake serves, one entry each. The msw handlers, the
 * demo server, `mock.fetch`, the journal's endpoint names, fault scopes and `handlersByEndpoint`
 * all come from it.
 */
export const ENDPOINTS: readonly AnyEndpoint[] = RESOURCES.flatMap(
  (resource): readonly AnyEndpoint[] => resource.endpoints,
)

/** An endpoint's name, as the journal, fault scopes and `handlersByEndpoint` use it. */
export type EndpointName =
  (typeof RESOURCES)[number]['endpoints'][number]['name'] | typeof UNKNOWN_ROUTE

/** Every endpoint name, plus `unknownRoute`. */
export const ENDPOINT_NAMES: readonly EndpointName[] = [
  ...ENDPOINTS.map((endpoint) => endpoint.name as EndpointName),
  UNKNOWN_ROUTE,
]

/** The resources in seeding order: the owners' first, then the rest in list order. */
export const SEED_ORDER: readonly (typeof RESOURCES)[number][] = [
  ...RESOURCES.filter((resource) => resource.collections.some((c) => c === OWNERS)),
  ...RESOURCES.filter((resource) => !resource.collections.some((c) => c === OWNERS)),
]
