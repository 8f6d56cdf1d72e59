/**
 * The store as the library's callers reach it (`mock.store`): every argument is checked before
 * anything changes. A change with a bad argument throws a `TypeError` that names it; a lookup
 * with an id that cannot exist finds nothing, as a lookup of a missing id does. The core calls
 * the store behind it directly: a request was cast and validated as Rails would, and a problem
 * with it is the API's 422, not an exception.
 */
import { checkInput } from './input-validation.js'
import { describeValue } from './internal/describe-value.js'
import type { VoiceableStore } from './store.js'
import {
  CreateUserInitSchema,
  IssueTokenOptionsSchema,
  KeyCountSchema,
  RecordIdSchema,
  RevealOptionsSchema,
  SignUpFieldsSchema,
  StrictCreateAgentFieldsSchema,
  StrictCreateApiKeyFieldsSchema,
  StrictUpdateAgentFieldsSchema,
  StrictUpdateApiKeyFieldsSchema,
  TextIdSchema,
} from './store-call-schemas.js'
import { ScenarioSchema } from './toolkit-schemas.js'

/**
 * Wraps a store so that every call is checked first.
 * @example
 * const store = createCheckedStore(createStore())
 * store.createUser({ email: 'nope' })
 * // TypeError: Failed to create user: email must be an email address: one '@' and no spaces, got 'nope'
 */
export function createCheckedStore(store: VoiceableStore): VoiceableStore {
  const userId = (value: unknown, failure: string): number =>
    checkInput(RecordIdSchema, value, failure, 'userId')

  /** A user to give something to: well formed, and in the store. */
  function existingUserId(value: unknown, failure: string): number {
    const id = userId(value, failure)
    if (store.getUser(id) === undefined)
      throw new TypeError(`${failure}: userId must be the id of a user in the store, got ${id}`)
    return id
  }

  function requireFreeEmail(email: string, failure: string): void {
    const owner = store.findUserByEmail(email)
    if (owner !== undefined)
      throw new TypeError(
        `${failure}: email must not be taken (compared case-insensitively), got ${describeValue(email)}, which user ${owner.id} has`,
      )
  }

  return {
    createUser(init) {
      const failure = 'Failed to create user'
      const fields = checkInput(CreateUserInitSchema, init, failure, 'init')
      if (fields?.email !== undefined) requireFreeEmail(fields.email, failure)
      return store.createUser(fields)
    },
    getUser: (id) => store.getUser(id),
    listUsers: () => store.listUsers(),
    findUserByEmail: (email) =>
      typeof email === 'string' ? store.findUserByEmail(email) : undefined,
    authenticatePassword: (email, password) =>
      typeof email === 'string' && typeof password === 'string'
        ? store.authenticatePassword(email, password)
        : undefined,
    signUp(fields) {
      const failure = 'Failed to sign up'
      const checked = checkInput(SignUpFieldsSchema, fields, failure, 'fields')
      requireFreeEmail(checked.email, failure)
      return store.signUp(checked)
    },
    // @note Async, so that a bad argument rejects the promise like every other failure of it.
    async issueToken(id, options) {
      const failure = 'Failed to issue a token'
      const user = existingUserId(id, failure)
      return store.issueToken(
        user,
        checkInput(IssueTokenOptionsSchema, options, failure, 'options'),
      )
    },
    revokeTokenId(tokenId) {
      store.revokeTokenId(checkInput(TextIdSchema, tokenId, 'Failed to revoke token', 'tokenId'))
    },

    listApiKeys(owner, options) {
      const reveal = checkInput(RevealOptionsSchema, options, 'Failed to list API keys', 'options')
      return store.listApiKeys(owner, reveal)
    },
    getApiKey(owner, id, options) {
      const reveal = checkInput(RevealOptionsSchema, options, 'Failed to get API key', 'options')
      return store.getApiKey(owner, id, reveal)
    },
    createApiKey(owner, fields) {
      const failure = 'Failed to create API key'
      const user = existingUserId(owner, failure)
      return store.createApiKey(
        user,
        checkInput(StrictCreateApiKeyFieldsSchema, fields, failure, 'fields'),
      )
    },
    updateApiKey(owner, id, fields) {
      const failure = 'Failed to update API key'
      const user = userId(owner, failure)
      const key = checkInput(RecordIdSchema, id, failure, 'id')
      return store.updateApiKey(
        user,
        key,
        checkInput(StrictUpdateApiKeyFieldsSchema, fields, failure, 'fields'),
      )
    },
    deleteApiKey(owner, id) {
      const failure = 'Failed to delete API key'
      return store.deleteApiKey(
        userId(owner, failure),
        checkInput(RecordIdSchema, id, failure, 'id'),
      )
    },
    generateApiKeys(owner, count) {
      // @note Checked once per call, never per key: a million keys take seconds (bench/).
      const failure = 'Failed to generate API keys'
      const user = existingUserId(owner, failure)
      store.generateApiKeys(user, checkInput(KeyCountSchema, count, failure, 'count'))
    },
    countApiKeys: () => store.countApiKeys(),

    listAgents: (owner) => store.listAgents(owner),
    getAgent: (owner, id) => store.getAgent(owner, id),
    createAgent(owner, fields) {
      const failure = 'Failed to create agent'
      const user = existingUserId(owner, failure)
      return store.createAgent(
        user,
        checkInput(StrictCreateAgentFieldsSchema, fields, failure, 'fields'),
      )
    },
    updateAgent(owner, id, fields) {
      const failure = 'Failed to update agent'
      const user = userId(owner, failure)
      const agent = checkInput(TextIdSchema, id, failure, 'id')
      return store.updateAgent(
        user,
        agent,
        checkInput(StrictUpdateAgentFieldsSchema, fields, failure, 'fields'),
      )
    },
    deleteAgent(owner, id) {
      const failure = 'Failed to delete agent'
      return store.deleteAgent(userId(owner, failure), checkInput(TextIdSchema, id, failure, 'id'))
    },
    countAgents: () => store.countAgents(),

    authenticateKeyValue: (keyValue) =>
      typeof keyValue === 'string' ? store.authenticateKeyValue(keyValue) : undefined,
    authenticateToken: (token) =>
      typeof token === 'string'
        ? store.authenticateToken(token)
        : Promise.resolve({ ok: false, reason: 'malformed' }),

    snapshot: () => store.snapshot(),
    restore: (snapshot) => store.restore(snapshot),
    reset: () => store.reset(),
    useScenario(scenario) {
      store.useScenario(
        checkInput(ScenarioSchema, scenario, 'Failed to switch scenario', 'scenario'),
      )
    },
    get scenario() {
      return store.scenario
    },
  }
}
