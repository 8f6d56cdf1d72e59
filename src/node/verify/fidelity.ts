/**
 * The row of docs/fidelity.md a difference affects: what the fake does there, and why, is what a
 * difference from the real backend puts in question. Rows are named by their first cell, with
 * their anchor where they have one; a test keeps every name here in the document.
 */
import type { AnyEndpoint } from '../../pipeline/endpoint.js'
import type { Difference, Expectation } from './check.js'

/** A row of docs/fidelity.md: its first cell, and its anchor where it has one. */
export interface FidelityRow {
  readonly row: string
  readonly anchor?: string
}

const ROWS = {
  endpoints: { row: 'Endpoints' },
  statuses: { row: 'Statuses and messages' },
  keyObject: { row: 'Key object' },
  keyValue: { row: '`key_value`' },
  errorEnvelope: { row: 'Error envelope, rate-limit headers' },
  missing: { row: 'Foreign and missing keys', anchor: 'f-ids' },
  auth: { row: '401', anchor: 'f-auth' },
  errorCodes: { row: 'Error codes' },
  validation: { row: 'Validation', anchor: 'f-validation' },
  contentType: { row: 'Content type' },
  rateLimit: { row: 'Rate limit', anchor: 'f-rate-limit' },
  signIn: { row: 'Sign-in failure', anchor: 'f-sign-in' },
  signUp: { row: 'Sign-up validation', anchor: 'f-sign-up' },
  signOut: { row: 'Sign-out' },
  currentUser: { row: '`GET /user/current`' },
  jwts: { row: 'JWTs' },
  agentObject: { row: 'Agent object', anchor: 'f-agent-object' },
  agentPaging: { row: 'Agent list paging', anchor: 'f-agent-paging' },
  userObject: { row: 'User object', anchor: 'f-user-object' },
  conversationObject: { row: 'Conversation object' },
  conversationPaging: { row: 'Conversation list paging', anchor: 'f-conversation-paging' },
  conversationIds: { row: 'Foreign and missing conversations', anchor: 'f-conversation-ids' },
  integrationObject: { row: 'Integration object' },
} as const satisfies Record<string, FidelityRow>

/** Every row named here, for the test that keeps them in docs/fidelity.md. */
export const FIDELITY_ROWS: readonly FidelityRow[] = Object.values(ROWS)

/**
 * The row of each resource's records on the wire (the fields under `data`), by resource name. A
 * resource without one here is reported under `Endpoints`; add its row to docs/fidelity.md and
 * here.
 */
const RECORD_ROWS: Readonly<Record<string, FidelityRow>> = {
  apiKeys: ROWS.keyObject,
  agents: ROWS.agentObject,
  accounts: ROWS.userObject,
  conversations: ROWS.conversationObject,
  integrations: ROWS.integrationObject,
}

/** The row of a resource's missing (and foreign) records, by resource name, over the API keys' one. */
const MISSING_ROWS: Readonly<Record<string, FidelityRow>> = {
  conversations: ROWS.conversationIds,
}

/** Rows of one endpoint's statuses and messages, by endpoint name, over `Statuses and messages`. */
const ENDPOINT_ROWS: Readonly<Record<string, FidelityRow>> = {
  signIn: ROWS.signIn,
  signUp: ROWS.signUp,
  signOut: ROWS.signOut,
  getCurrentUser: ROWS.currentUser,
}

/** Rows of the fields beside `data` (`total_count`, `token`), by endpoint name. */
const BESIDE_DATA_ROWS: Readonly<Record<string, FidelityRow>> = {
  listAgents: ROWS.agentPaging,
  listConversations: ROWS.conversationPaging,
  signIn: ROWS.jwts,
  signUp: ROWS.jwts,
}

const WIRE_KINDS: ReadonlySet<string> = new Set([
  'missing',
  'extra',
  'renamed',
  'order',
  'type',
  'null',
  'value',
  'envelope',
])

function errorRow(
  endpoint: AnyEndpoint,
  resource: string | undefined,
  expected: Expectation,
): FidelityRow {
  const own = ENDPOINT_ROWS[endpoint.name]
  if (own !== undefined && (endpoint.name === 'signIn' || endpoint.name === 'signUp')) return own
  if (expected.errorCode === 'unauthorized') return ROWS.auth
  if (expected.status === 404) return MISSING_ROWS[resource ?? ''] ?? ROWS.missing
  if (expected.status === 422) return ROWS.validation
  return own ?? ROWS.statuses
}

/**
 * The docs/fidelity.md row a difference in the answer to an endpoint's request affects.
 * @param resource the name of the resource the endpoint belongs to (`apiKeys`)
 * @param sentStatus the status the backend answered with
 */
export function fidelityRow(
  endpoint: AnyEndpoint,
  resource: string | undefined,
  expected: Expectation,
  sentStatus: number,
  difference: Difference,
): FidelityRow {
  const { kind, at } = difference
  if (kind === 'header') return at.includes('RateLimit') ? ROWS.rateLimit : ROWS.contentType
  if (kind === 'error-code') return ROWS.errorCodes
  if (!WIRE_KINDS.has(kind) || at === 'status.code')
    return expected.status >= 300
      ? errorRow(endpoint, resource, expected)
      : (ENDPOINT_ROWS[endpoint.name] ?? ROWS.statuses)
  if (sentStatus >= 300) return ROWS.errorEnvelope
  if (/^data\b/.test(at))
    return /\.key_value$/.test(at) ? ROWS.keyValue : (RECORD_ROWS[resource ?? ''] ?? ROWS.endpoints)
  if (at === 'body' || at.startsWith('status')) return ROWS.statuses
  return BESIDE_DATA_ROWS[endpoint.name] ?? ROWS.endpoints
}
