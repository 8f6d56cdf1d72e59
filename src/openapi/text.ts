/**
 * The words of the OpenAPI document: each operation's summary, description and provenance, and
 * what each error code means. Where the fake follows the real web app's evidence or a Rails
 * default rather than the docs, the provenance says so, as docs/fidelity.md does.
 * Keyed by endpoint name and by error code: a new endpoint or code fails to compile until it is
 * described here.
 */
import type { ENDPOINTS } from '../endpoints/table.js'
import { SUCCESS_MESSAGES, type ErrorCode } from '../envelope.js'

/** Text in backticks: code, in the document's Markdown. */
const code = (text: string): string => `\`${text}\``

export type OperationName = (typeof ENDPOINTS)[number]['name']

export interface OperationText {
  /** The resource, as the docs group it. */
  tag: 'API keys' | 'Accounts' | 'Agents'
  summary: string
  description: string
  /** The success response: its `status.message`, and what it holds. */
  success: string
  /** Where the behaviour comes from: the docs, real-client evidence, a Rails default or ours. */
  provenance: string
}

/** The tags, in the order the document lists them. */
export const TAGS: readonly { name: OperationText['tag']; description: string }[] = [
  { name: 'API keys', description: 'The documented API-keys resource (reference §3).' },
  {
    name: 'Accounts',
    description:
      'Sign in, sign up, sign out and the current user, as the Voiceable web app calls them (real-client evidence; not in the docs).',
  },
  { name: 'Agents', description: 'The agents resource (reference §4.1).' },
]

export const OPERATION_TEXT: Readonly<Record<OperationName, OperationText>> = {
  listApiKeys: {
    tag: 'API keys',
    summary: 'List API keys',
    description:
      "The caller's API keys, in id order. `key_value` is `null` in every item, as documented (`revealKeyValues: true` returns the secrets instead, as the Voiceable web app expects; that variant is not described here).",
    success: code(SUCCESS_MESSAGES.read) + ": the caller's keys.",
    provenance: 'the docs (List API Keys). The order (by id) is our choice.',
  },
  createApiKey: {
    tag: 'API keys',
    summary: 'Create an API key',
    description:
      'Creates a key for the caller. `key_value` holds the secret in this response only. `transient_assistant` defaults to `false`, the arrays to `[]`.',
    success: code(SUCCESS_MESSAGES.created) + ': the key, with its secret in `key_value`.',
    provenance:
      'the docs (Create API Key). Where they are silent, Rails defaults: the body is read as `params.require(:api_key).permit(...)` (unknown fields dropped, fields cast as their columns cast: a number `name` becomes its string, `"0"` is `false`), and a 422 lists every problem in Rails\' words.',
  },
  getApiKey: {
    tag: 'API keys',
    summary: 'Get an API key',
    description:
      "One of the caller's keys; `key_value` is `null`. Another user's key is the same 404 as a missing one.",
    success: code(SUCCESS_MESSAGES.read) + ': the key.',
    provenance:
      'the docs (Get API Key; the 404 for a foreign key is inferred from "automatically filter results"). A Rails default: the id is cast as ActiveRecord casts it (`01` and `1abc` name key 1).',
  },
  updateApiKey: {
    tag: 'API keys',
    summary: 'Update an API key',
    description:
      'Replaces `name`, `allowed_origins` and `allowed_assistants` (arrays replaced, not merged); `key_type` and `transient_assistant` are ignored. `updated_at` moves only when a field changes.',
    success: code(SUCCESS_MESSAGES.updated) + ': the key as updated.',
    provenance:
      'the docs (Update API Key: PUT). Rails defaults: PATCH is routed to the same update (`resources`); the key is looked up before the body is read, so a 404 wins over a 422 (`before_action`); the body is permitted and cast as on create.',
  },
  deleteApiKey: {
    tag: 'API keys',
    summary: 'Delete an API key',
    description:
      "Deletes (revokes) one of the caller's keys: its secret stops authenticating at once. The response has `status` only.",
    success: code(SUCCESS_MESSAGES.deleted) + ': `status` only.',
    provenance: 'the docs (Delete API Key). A hard delete is our choice.',
  },
  signIn: {
    tag: 'Accounts',
    summary: 'Sign in',
    description:
      'Signs in with an email and a password and answers the user and a JWT in `token` (send it as `Authorization: Bearer <token>`). Any credential sent with it is ignored, as the web app still sends its old token. A wrong email, a wrong password and missing fields all answer the same 401.',
    success: code(SUCCESS_MESSAGES.signedIn) + ': the user in `data`, then the JWT in `token`.',
    provenance:
      'real-client evidence (the Voiceable web app\'s login: `POST /auth/sign_in` with `{"user": {...}}`, reading `token`; not in the docs). Rails defaults (Devise): the 401\'s message `Invalid Email or password.`, emails matched case-insensitively with surrounding spaces ignored.',
  },
  signUp: {
    tag: 'Accounts',
    summary: 'Sign up',
    description:
      'Creates a user (role `user`, membership `free`, no API key) and signs them in, answering as sign-in does. Any credential sent with it is ignored.',
    success: code(SUCCESS_MESSAGES.signedUp) + ': the new user in `data`, then the JWT in `token`.',
    provenance:
      "real-client evidence (the web app's `POST /auth/sign_up`; not in the docs). Rails defaults (Devise's `validatable`): the 422 lists every problem in Devise's order and words; the email is stored stripped and lower-cased.",
  },
  signOut: {
    tag: 'Accounts',
    summary: 'Sign out',
    description:
      "Revokes the JWT it is sent with (the user's other tokens and API keys keep working). Always 200: with no token, a bad one or an API key there is nothing to revoke.",
    success: code(SUCCESS_MESSAGES.signedOut) + ': `status` only.',
    provenance:
      "real-client evidence (the web app's `DELETE /auth/sign_out`; not in the docs). A Rails default: devise-jwt's revocation, always 200.",
  },
  getCurrentUser: {
    tag: 'Accounts',
    summary: 'Get the current user',
    description: 'The user the credential belongs to. Any valid credential, public keys included.',
    success: code(SUCCESS_MESSAGES.read) + ': the user.',
    provenance:
      "real-client evidence (the web app's `GET /user/current`, read after sign-in; not in the docs).",
  },
  listAgents: {
    tag: 'Agents',
    summary: 'List agents',
    description:
      "A page of the caller's agents: filtered by `search` (a case-insensitive substring of the name or a tag), sorted (`created_at` descending by default; ties by id), from `cursor` or `offset` (the cursor wins). `next_offset` is `null` on the last page.",
    success:
      code(SUCCESS_MESSAGES.read) +
      ': a page of agents, the filtered total and where the next page starts.',
    provenance:
      "the docs (List Agents: `search`, `page_size`, `total_count`, `has_more`); real-client evidence for `sort_by`, `sort_direction`, `cursor`, `offset` and `next_offset` (the web app sends and reads them). Rails defaults: an empty parameter counts as absent, and a repeated one's last value wins.",
  },
  createAgent: {
    tag: 'Agents',
    summary: 'Create an agent',
    description:
      'Creates an agent for the caller: `name` is required; `tags` default to `[]`, the configs to `{}`; unpublished, `version` 1, no phone numbers.',
    success: code(SUCCESS_MESSAGES.agentCreated) + ': the agent.',
    provenance:
      "real-client evidence (the web app creates agents; the docs name `POST /agents` but have no page for it); the field set is the docs'. Rails defaults: the body is permitted and cast as for API keys.",
  },
  getAgent: {
    tag: 'Agents',
    summary: 'Get an agent',
    description:
      "One of the caller's agents. Another user's agent is the same 404 as a missing one.",
    success: code(SUCCESS_MESSAGES.read) + ': the agent.',
    provenance:
      'the docs (Get Agent; the 404 message is the one Delete Agent documents). A Rails default: the id is cast as ActiveRecord casts it.',
  },
  updateAgent: {
    tag: 'Agents',
    summary: 'Update an agent',
    description:
      'Replaces each field sent (`name`, `tags`, `conversation_config`, `platform_settings`, `widget_config`) as a whole; others are ignored. `version` is unchanged.',
    success: code(SUCCESS_MESSAGES.agentUpdated) + ': the agent as updated.',
    provenance:
      'the docs (Update Agent: PUT, the body). Rails defaults: PATCH is routed to the same update; 404 wins over 422; the body is permitted and cast.',
  },
  deleteAgent: {
    tag: 'Agents',
    summary: 'Delete an agent',
    description: "Deletes one of the caller's agents. The response has `status` only.",
    success: code(SUCCESS_MESSAGES.agentDeleted) + ': `status` only.',
    provenance: 'the docs (Delete Agent).',
  },
}

/** What each error code means, and where that behaviour comes from. */
export const ERROR_TEXT: Readonly<Record<ErrorCode, string>> = {
  invalid_json:
    "`invalid_json`: the body is not valid JSON, or nests deeper than 100 (the docs' generic 400 example; a Rails default: `ParseError`).",
  bad_request:
    "`bad_request`: an unknown `X-Voiceable-Mock-Scenario` header (the fake's own header).",
  unauthorized:
    '`unauthorized`: invalid or missing authentication (docs); `status.message` is `Authentication required.`, the string the Voiceable web app logs out on (real-client evidence).',
  invalid_credentials:
    "`invalid_credentials`: a wrong email or password, or missing fields; `status.message` is Devise's `Invalid Email or password.` (a Rails default).",
  forbidden:
    "`forbidden`: a public API key, with the default `publicKeyAccess: 'forbidden'` (`'read-only'` allows reads, `'full-access'` everything) (our choice).",
  not_found: "`not_found`: API key not found; another user's key too (docs).",
  agent_not_found: "`agent_not_found`: Agent not found; another user's agent too (docs).",
  route_not_found:
    '`route_not_found`: no route matches the method and path (a Rails routing error).',
  payload_too_large:
    '`payload_too_large`: a body over `maxBodyBytes` (1 MiB by default), answered before authentication (our choice).',
  validation_failed:
    "`validation_failed`: a missing or empty body wrapper, a field or a query parameter that fails validation; every problem is listed in `errors` and in `status.message` (docs: 422; the messages in Rails' words).",
  rate_limited:
    '`rate_limited`: past the rate limit (by default 1000 requests per 60 s per caller; anonymous requests share one bucket), with `Retry-After` (our choice).',
  internal_error:
    '`internal_error`: a bug in the fake (never served otherwise), or an injected fault.',
  bad_gateway: '`bad_gateway`: only an injected fault (`mock.faults.error(502)`).',
  service_unavailable: '`service_unavailable`: only an injected fault (`mock.faults.error(503)`).',
  gateway_timeout: '`gateway_timeout`: only an injected fault (`mock.faults.error(504)`).',
}
