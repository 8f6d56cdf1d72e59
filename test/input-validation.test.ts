import { createServer } from 'node:net'
import { expect, it } from 'vitest'
import { createVoiceableMock, DOCUMENTED_KEY_VALUE, type VoiceableMock } from 'voiceable-mock'
import { startMockServer, type MockServer } from 'voiceable-mock/node'

// Bad input from the library's own callers, called as a JavaScript caller would (no compiler to
// catch it): every row is one mistake, the TypeError it throws word for word, and a check that
// nothing changed.

/** A function as a JavaScript caller sees it: any arguments go. */
type Untyped<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => infer R
    ? (...args: unknown[]) => R
    : T[K] extends object
      ? Untyped<T[K]>
      : T[K]
}

const create = createVoiceableMock as (options?: unknown) => VoiceableMock
const start = startMockServer as (options?: unknown) => Promise<MockServer>

const SCENARIOS = "'documented', 'empty', 'many-keys', 'multi-tenant'"
/** The endpoint table's names, as every message about an endpoint lists them. */
const ENDPOINTS =
  "'listApiKeys', 'createApiKey', 'getApiKey', 'updateApiKey', 'deleteApiKey', 'signIn', 'signUp', 'signOut', 'getCurrentUser', 'completeTour', 'changePassword', 'listAgents', 'createAgent', 'getAgent', 'updateAgent', 'deleteAgent', 'publishAgent', 'listPhoneNumbers', 'listAccountPhoneNumbers', 'listAvailablePhoneNumbers', 'createPhoneNumber', 'getPhoneNumber', 'updatePhoneNumber', 'deletePhoneNumber', 'listConversations', 'getConversation', 'getConversationAudio', 'listIntegrations', 'listIntegrationSchemas', 'createIntegration', 'getIntegration', 'updateIntegration', 'deleteIntegration', 'listCampaigns', 'createCampaign', 'getCampaign', 'listVoices', 'getVoice', 'listAgentTemplates', 'listAgentBehaviours', 'getAgentBehaviour', 'listPricingSettings', 'getCommissionMarkup', 'getOutcomeDefinition', 'createOutcomeDefinition', 'updateOutcomeDefinition', 'listAgentFunctions', 'listEscalations', 'getEscalation', 'updateEscalation', 'getMetrics', 'listAgentFiles', 'createAgentFile', 'getAgentFileUsage', 'deleteAgentFile', 'deleteAgentAgentFile', 'createDirectUpload', 'uploadObject', 'unknownRoute'"
const MOCK_OPTIONS =
  'baseUrl, generateKeyValue, generateTokenId, journal, maxBodyBytes, now, publicKeyAccess, rateLimit, revealKeyValues, scenario, seed, snapshot, tokenTtlSeconds, unknownRoutes'
const SERVER_OPTIONS =
  'baseUrl, control, controlToken, delayMs, generateKeyValue, generateTokenId, host, journal, log, maxBodyBytes, now, persistTo, port, publicKeyAccess, rateLimit, revealKeyValues, scenario, seed, snapshot, tokenTtlSeconds, unknownRoutes'
const BASE_URL_RULE =
  "must be an absolute http(s) URL or a path starting with '/', without a query or hash"
const HTTP_STATUS = 'must be an HTTP status, or 0 for an injected network error'
const API_KEY = { name: 'CI', key_type: 'private' }
const CAMPAIGN = {
  name: 'Q2',
  agent_id: '123',
  phone_number_ids: [1],
  recipients_count: 1,
  send_immediately: true,
}

/** The faults a mock holds, as the control API lists them (`GET /__voiceable/faults`). */
function listFaults(mock: VoiceableMock): unknown[] {
  return (mock.faults as unknown as { describe(): unknown[] }).describe()
}

/** Everything a bad call must leave as it was: data, scenario, journal and faults. */
function stateOf(mock: VoiceableMock) {
  return {
    snapshot: mock.snapshot(),
    scenario: mock.store.scenario,
    journal: mock.journal.entries(),
    faults: listFaults(mock),
  }
}

/** A mock with something in every part of its state: a journaled request and a fault. */
async function createBusyMock(): Promise<VoiceableMock> {
  const mock = createVoiceableMock()
  const answer = await mock.fetch('https://api.example.com/api/v1/api_keys/1', {
    headers: { 'X-API-Key': DOCUMENTED_KEY_VALUE },
  })
  expect(answer.status).toBe(200)
  mock.faults.latency(0, { endpoint: 'deleteAgent', times: 3 })
  return mock
}

/** The error a call throws, or the error its promise rejects with. */
async function errorOf(call: () => unknown): Promise<unknown> {
  try {
    await call()
  } catch (error) {
    return error
  }
  return undefined
}

type Row = [call: string, run: (mock: Untyped<VoiceableMock>) => unknown, message: string]

const rows: Row[] = [
  // createVoiceableMock: every option, and the options object itself
  [
    "createVoiceableMock({ scenario: 'nope' })",
    () => create({ scenario: 'nope' }),
    `Failed to create the mock: scenario must be one of ${SCENARIOS}, got 'nope'`,
  ],
  [
    "createVoiceableMock({ baseUrl: 'not a url' })",
    () => create({ baseUrl: 'not a url' }),
    `Failed to create the mock: baseUrl ${BASE_URL_RULE}, got 'not a url'`,
  ],
  [
    'createVoiceableMock({ baseUrl: <with a query> })',
    () => create({ baseUrl: 'https://api.example.com/api/v1?v=1' }),
    `Failed to create the mock: baseUrl ${BASE_URL_RULE}, got 'https://api.example.com/api/v1?v=1'`,
  ],
  [
    "createVoiceableMock({ baseUrl: '/api/v1#top' })",
    () => create({ baseUrl: '/api/v1#top' }),
    `Failed to create the mock: baseUrl ${BASE_URL_RULE}, got '/api/v1#top'`,
  ],
  [
    "createVoiceableMock({ baseUrl: 'ftp://example.com/api' })",
    () => create({ baseUrl: 'ftp://example.com/api' }),
    `Failed to create the mock: baseUrl ${BASE_URL_RULE}, got 'ftp://example.com/api'`,
  ],
  [
    "createVoiceableMock({ baseUrl: ['/api/v1', 'api/v2'] })",
    () => create({ baseUrl: ['/api/v1', 'api/v2'] }),
    `Failed to create the mock: baseUrl[1] ${BASE_URL_RULE}, got 'api/v2'`,
  ],
  [
    'createVoiceableMock({ baseUrl: [] })',
    () => create({ baseUrl: [] }),
    'Failed to create the mock: baseUrl must not be an empty list, got []',
  ],
  [
    'createVoiceableMock({ baseUrl: 5 })',
    () => create({ baseUrl: 5 }),
    `Failed to create the mock: baseUrl ${BASE_URL_RULE}, or a non-empty list of them, got 5`,
  ],
  [
    "createVoiceableMock({ seed: 'abc' })",
    () => create({ seed: 'abc' }),
    "Failed to create the mock: seed must be a safe integer, got 'abc'",
  ],
  [
    'createVoiceableMock({ seed: 1.5 })',
    () => create({ seed: 1.5 }),
    'Failed to create the mock: seed must be a safe integer, got 1.5',
  ],
  [
    'createVoiceableMock({ seed: 2 ** 53 })',
    () => create({ seed: 2 ** 53 }),
    'Failed to create the mock: seed must be a safe integer, got 9007199254740992',
  ],
  [
    'createVoiceableMock({ rateLimit: { limit: -5 } })',
    () => create({ rateLimit: { limit: -5 } }),
    'Failed to create the mock: rateLimit.limit must be a positive integer, got -5',
  ],
  [
    'createVoiceableMock({ rateLimit: { windowSeconds: 0 } })',
    () => create({ rateLimit: { windowSeconds: 0 } }),
    'Failed to create the mock: rateLimit.windowSeconds must be a positive integer, got 0',
  ],
  [
    "createVoiceableMock({ rateLimit: { limit: '10' } })",
    () => create({ rateLimit: { limit: '10' } }),
    "Failed to create the mock: rateLimit.limit must be a positive integer, got '10'",
  ],
  [
    'createVoiceableMock({ rateLimit: true })',
    () => create({ rateLimit: true }),
    'Failed to create the mock: rateLimit must be false, or an object with limit and windowSeconds, got true',
  ],
  [
    'createVoiceableMock({ rateLimit: { max: 5 } })',
    () => create({ rateLimit: { max: 5 } }),
    "Failed to create the mock: unknown option 'rateLimit.max'; the options of rateLimit are limit, windowSeconds",
  ],
  [
    'createVoiceableMock({ maxBodyBytes: 0 })',
    () => create({ maxBodyBytes: 0 }),
    'Failed to create the mock: maxBodyBytes must be a positive integer, got 0',
  ],
  [
    "createVoiceableMock({ maxBodyBytes: '1mb' })",
    () => create({ maxBodyBytes: '1mb' }),
    "Failed to create the mock: maxBodyBytes must be a positive integer, got '1mb'",
  ],
  [
    'createVoiceableMock({ journal: { maxEntries: -1 } })',
    () => create({ journal: { maxEntries: -1 } }),
    'Failed to create the mock: journal.maxEntries must be a whole number of at least 0 (0 keeps none), got -1',
  ],
  [
    'createVoiceableMock({ journal: { maxEntries: NaN } })',
    () => create({ journal: { maxEntries: Number.NaN } }),
    'Failed to create the mock: journal.maxEntries must be a whole number of at least 0 (0 keeps none), got NaN',
  ],
  [
    'createVoiceableMock({ journal: true })',
    () => create({ journal: true }),
    'Failed to create the mock: journal must be false, or an object with maxEntries, got true',
  ],
  [
    "createVoiceableMock({ publicKeyAccess: 'readonly' })",
    () => create({ publicKeyAccess: 'readonly' }),
    "Failed to create the mock: publicKeyAccess must be one of 'forbidden', 'read-only', 'full-access', got 'readonly'",
  ],
  [
    "createVoiceableMock({ unknownRoutes: 'ignore' })",
    () => create({ unknownRoutes: 'ignore' }),
    "Failed to create the mock: unknownRoutes must be one of 'not-found', 'passthrough', got 'ignore'",
  ],
  [
    "createVoiceableMock({ revealKeyValues: 'yes' })",
    () => create({ revealKeyValues: 'yes' }),
    "Failed to create the mock: revealKeyValues must be true or false, got 'yes'",
  ],
  [
    'createVoiceableMock({ now: new Date() })',
    () => create({ now: new Date('2024-01-15T10:30:00Z') }),
    'Failed to create the mock: now must be a function () => Date, got a Date',
  ],
  [
    "createVoiceableMock({ generateKeyValue: 'sk_live_x' })",
    () => create({ generateKeyValue: 'sk_live_x' }),
    "Failed to create the mock: generateKeyValue must be a function (keyType) => string, got 'sk_live_x'",
  ],
  [
    'createVoiceableMock({ generateTokenId: 42 })',
    () => create({ generateTokenId: 42 }),
    'Failed to create the mock: generateTokenId must be a function () => string, got 42',
  ],
  [
    'createVoiceableMock({ tokenTtlSeconds: -1 })',
    () => create({ tokenTtlSeconds: -1 }),
    'Failed to create the mock: tokenTtlSeconds must be a whole number of at least 0, got -1',
  ],
  [
    'createVoiceableMock({ sead: 1 })',
    () => create({ sead: 1 }),
    `Failed to create the mock: unknown option 'sead'; the options are ${MOCK_OPTIONS}`,
  ],
  [
    'createVoiceableMock({ port: 3000 }), a server option',
    () => create({ port: 3000 }),
    `Failed to create the mock: unknown option 'port'; the options are ${MOCK_OPTIONS}`,
  ],
  [
    'createVoiceableMock(null)',
    () => create(null),
    'Failed to create the mock: options must be an object, got null',
  ],
  [
    "createVoiceableMock({ seed: 'x', scenario: 'y' }), every problem at once",
    () => create({ seed: 'x', scenario: 'y' }),
    `Failed to create the mock: seed must be a safe integer, got 'x'; scenario must be one of ${SCENARIOS}, got 'y'`,
  ],

  // Scenarios
  [
    "mock.useScenario('zzz')",
    (mock) => mock.useScenario('zzz'),
    `Failed to switch scenario: scenario must be one of ${SCENARIOS}, got 'zzz'`,
  ],
  [
    "mock.store.useScenario('Empty')",
    (mock) => mock.store.useScenario('Empty'),
    `Failed to switch scenario: scenario must be one of ${SCENARIOS}, got 'Empty'`,
  ],

  // Users
  [
    "store.createUser({ email: 'user@example.com' })",
    (mock) => mock.store.createUser({ email: 'user@example.com' }),
    "Failed to create user: email must not be taken (compared case-insensitively), got 'user@example.com', which user 1 has",
  ],
  [
    "store.createUser({ email: 'USER@Example.com' })",
    (mock) => mock.store.createUser({ email: 'USER@Example.com' }),
    "Failed to create user: email must not be taken (compared case-insensitively), got 'USER@Example.com', which user 1 has",
  ],
  [
    "store.createUser({ email: 'nope' })",
    (mock) => mock.store.createUser({ email: 'nope' }),
    "Failed to create user: email must be an email address: one '@' and no spaces, got 'nope'",
  ],
  [
    "store.createUser({ email: 'ada lovelace@example.com' })",
    (mock) => mock.store.createUser({ email: 'ada lovelace@example.com' }),
    "Failed to create user: email must be an email address: one '@' and no spaces, got 'ada lovelace@example.com'",
  ],
  [
    "store.createUser({ password: 'abc' }), never repeated in the message",
    (mock) => mock.store.createUser({ password: 'abc' }),
    'Failed to create user: password must be 6 to 128 characters long, not blank, got a string of 3 characters',
  ],
  [
    'store.createUser({ password: <six spaces> })',
    (mock) => mock.store.createUser({ password: '      ' }),
    'Failed to create user: password must be 6 to 128 characters long, not blank, got a string of 6 characters',
  ],
  [
    "store.createUser({ role: 'owner' })",
    (mock) => mock.store.createUser({ role: 'owner' }),
    "Failed to create user: role must be one of 'user', 'admin', 'enterprise', got 'owner'",
  ],
  [
    "store.createUser({ membershipStatus: 'gold' })",
    (mock) => mock.store.createUser({ membershipStatus: 'gold' }),
    "Failed to create user: membershipStatus must be one of 'trial', 'active', 'expired', 'cancelled', 'suspended', 'free', got 'gold'",
  ],
  [
    "store.createUser({ emial: 'ada@example.com' })",
    (mock) => mock.store.createUser({ emial: 'ada@example.com' }),
    "Failed to create user: unknown field 'emial'; the fields are email, membershipStatus, password, role",
  ],
  [
    "store.createUser('ada@example.com')",
    (mock) => mock.store.createUser('ada@example.com'),
    "Failed to create user: init must be an object, got 'ada@example.com'",
  ],
  [
    "store.signUp({ email: 'user@example.com', password: 'secret1' })",
    (mock) => mock.store.signUp({ email: 'user@example.com', password: 'secret1' }),
    "Failed to sign up: email must not be taken (compared case-insensitively), got 'user@example.com', which user 1 has",
  ],
  [
    "store.signUp({ email: 'ada@example.com' })",
    (mock) => mock.store.signUp({ email: 'ada@example.com' }),
    'Failed to sign up: password must be 6 to 128 characters long, not blank, got undefined',
  ],
  [
    "store.revokeTokenId('')",
    (mock) => mock.store.revokeTokenId(''),
    "Failed to revoke token: tokenId must be a non-empty string, got ''",
  ],
  [
    "store.issueToken('1'), rejected",
    (mock) => mock.store.issueToken('1'),
    "Failed to issue a token: userId must be a positive integer, got '1'",
  ],
  [
    'store.issueToken(99), rejected',
    (mock) => mock.store.issueToken(99),
    'Failed to issue a token: userId must be the id of a user in the store, got 99',
  ],
  [
    'store.issueToken(1, { expiresIn: 60 }), rejected',
    (mock) => mock.store.issueToken(1, { expiresIn: 60 }),
    "Failed to issue a token: unknown option 'expiresIn'; the options are expiresInSeconds",
  ],
  [
    'store.issueToken(1, { expiresInSeconds: -1 }), rejected',
    (mock) => mock.store.issueToken(1, { expiresInSeconds: -1 }),
    'Failed to issue a token: expiresInSeconds must be a whole number of at least 0, got -1',
  ],

  // API keys
  [
    "store.createApiKey(1, { name: '  ', key_type: 'private' })",
    (mock) => mock.store.createApiKey(1, { name: '  ', key_type: 'private' }),
    "Failed to create API key: name can't be blank, got '  '",
  ],
  [
    "store.createApiKey(1, { name: 'CI', key_type: 'secret' })",
    (mock) => mock.store.createApiKey(1, { name: 'CI', key_type: 'secret' }),
    "Failed to create API key: key_type must be 'private' or 'public', got 'secret'",
  ],
  [
    "store.createApiKey(1, { name: 'CI' })",
    (mock) => mock.store.createApiKey(1, { name: 'CI' }),
    "Failed to create API key: key_type can't be blank, got undefined",
  ],
  [
    "store.createApiKey(1, { …, allowed_origins: 'https://a.test' })",
    (mock) => mock.store.createApiKey(1, { ...API_KEY, allowed_origins: 'https://a.test' }),
    "Failed to create API key: allowed_origins must be an array of strings, got 'https://a.test'",
  ],
  [
    'store.createApiKey(1, { …, allowed_assistants: [123] }), not cast as a request is',
    (mock) => mock.store.createApiKey(1, { ...API_KEY, allowed_assistants: [123] }),
    'Failed to create API key: allowed_assistants must be an array of strings, got [123]',
  ],
  [
    "store.createApiKey(1, { …, transient_assistant: 'true' }), not cast as a request is",
    (mock) => mock.store.createApiKey(1, { ...API_KEY, transient_assistant: 'true' }),
    "Failed to create API key: transient_assistant must be true or false, got 'true'",
  ],
  [
    'store.createApiKey(1, { …, user_id: 2 })',
    (mock) => mock.store.createApiKey(1, { ...API_KEY, user_id: 2 }),
    "Failed to create API key: unknown field 'user_id'; the fields are allowed_assistants, allowed_origins, key_type, name, transient_assistant",
  ],
  [
    "store.createApiKey('1', …)",
    (mock) => mock.store.createApiKey('1', API_KEY),
    "Failed to create API key: userId must be a positive integer, got '1'",
  ],
  [
    'store.createApiKey(99, …)',
    (mock) => mock.store.createApiKey(99, API_KEY),
    'Failed to create API key: userId must be the id of a user in the store, got 99',
  ],
  [
    "store.updateApiKey(1, 1, { key_type: 'public' })",
    (mock) => mock.store.updateApiKey(1, 1, { key_type: 'public' }),
    "Failed to update API key: unknown field 'key_type'; the fields are allowed_assistants, allowed_origins, name",
  ],
  [
    'store.updateApiKey(1, 1, { name: 42 })',
    (mock) => mock.store.updateApiKey(1, 1, { name: 42 }),
    'Failed to update API key: name must be a string, got 42',
  ],
  [
    "store.updateApiKey(1, '1', { name: 'CI' })",
    (mock) => mock.store.updateApiKey(1, '1', { name: 'CI' }),
    "Failed to update API key: id must be a positive integer, got '1'",
  ],
  [
    'store.deleteApiKey(1, 0)',
    (mock) => mock.store.deleteApiKey(1, 0),
    'Failed to delete API key: id must be a positive integer, got 0',
  ],
  [
    'store.deleteApiKey(1.5, 1)',
    (mock) => mock.store.deleteApiKey(1.5, 1),
    'Failed to delete API key: userId must be a positive integer, got 1.5',
  ],
  [
    'store.generateApiKeys(1, -1)',
    (mock) => mock.store.generateApiKeys(1, -1),
    'Failed to generate API keys: count must be a whole number of at least 0, got -1',
  ],
  [
    "store.generateApiKeys(1, '10')",
    (mock) => mock.store.generateApiKeys(1, '10'),
    "Failed to generate API keys: count must be a whole number of at least 0, got '10'",
  ],
  [
    'store.generateApiKeys(42, 10)',
    (mock) => mock.store.generateApiKeys(42, 10),
    'Failed to generate API keys: userId must be the id of a user in the store, got 42',
  ],
  [
    'store.listApiKeys(1, { reveal: true })',
    (mock) => mock.store.listApiKeys(1, { reveal: true }),
    "Failed to list API keys: unknown option 'reveal'; the options are revealKeyValues",
  ],
  [
    "store.getApiKey(1, 1, { revealKeyValues: 'yes' })",
    (mock) => mock.store.getApiKey(1, 1, { revealKeyValues: 'yes' }),
    "Failed to get API key: revealKeyValues must be true or false, got 'yes'",
  ],

  // Agents
  [
    "store.createAgent(1, { tags: ['support'] })",
    (mock) => mock.store.createAgent(1, { tags: ['support'] }),
    "Failed to create agent: name can't be blank, got undefined",
  ],
  [
    "store.createAgent(1, { name: 'Bot', tags: 'support' })",
    (mock) => mock.store.createAgent(1, { name: 'Bot', tags: 'support' }),
    "Failed to create agent: tags must be an array of strings, got 'support'",
  ],
  [
    "store.createAgent(1, { name: 'Bot', conversation_config: [] })",
    (mock) => mock.store.createAgent(1, { name: 'Bot', conversation_config: [] }),
    'Failed to create agent: conversation_config must be a JSON object, got []',
  ],
  [
    "store.createAgent(1, { name: 'Bot', widget_config: { since: new Date() } })",
    (mock) => mock.store.createAgent(1, { name: 'Bot', widget_config: { since: new Date(0) } }),
    'Failed to create agent: widget_config must be a JSON object, got { since: a Date }',
  ],
  [
    "store.createAgent(1, { name: 'Bot', published: true })",
    (mock) => mock.store.createAgent(1, { name: 'Bot', published: true }),
    "Failed to create agent: unknown field 'published'; the fields are conversation_config, name, platform_settings, tags, widget_config",
  ],
  [
    "store.createAgent(0, { name: 'Bot' })",
    (mock) => mock.store.createAgent(0, { name: 'Bot' }),
    'Failed to create agent: userId must be a positive integer, got 0',
  ],
  [
    "store.updateAgent(1, 123, { name: 'Bot' })",
    (mock) => mock.store.updateAgent(1, 123, { name: 'Bot' }),
    'Failed to update agent: id must be a non-empty string, got 123',
  ],
  [
    "store.updateAgent(1, '123', { name: '' })",
    (mock) => mock.store.updateAgent(1, '123', { name: '' }),
    "Failed to update agent: name can't be blank, got ''",
  ],
  [
    "store.deleteAgent(1, '')",
    (mock) => mock.store.deleteAgent(1, ''),
    "Failed to delete agent: id must be a non-empty string, got ''",
  ],

  // Faults
  [
    "faults.error(500, { endpoint: 'listKeys' })",
    (mock) => mock.faults.error(500, { endpoint: 'listKeys' }),
    `Failed to add fault: endpoint must be one of ${ENDPOINTS}, or a non-empty list of them, got 'listKeys'`,
  ],
  [
    "faults.error(500, { endpoint: ['listApiKeys', 'getKey'] })",
    (mock) => mock.faults.error(500, { endpoint: ['listApiKeys', 'getKey'] }),
    `Failed to add fault: endpoint[1] must be one of ${ENDPOINTS}, got 'getKey'`,
  ],
  [
    'faults.error(500, { endpoint: [] })',
    (mock) => mock.faults.error(500, { endpoint: [] }),
    'Failed to add fault: endpoint must be a non-empty list of endpoint names, got []',
  ],
  [
    'faults.error(42)',
    (mock) => mock.faults.error(42),
    'Failed to add fault: status must be an error status (400–599), got 42',
  ],
  [
    "faults.error('503')",
    (mock) => mock.faults.error('503'),
    "Failed to add fault: status must be an error status (400–599), got '503'",
  ],
  [
    'faults.error(503, { times: 0 })',
    (mock) => mock.faults.error(503, { times: 0 }),
    'Failed to add fault: times must be a positive integer, got 0',
  ],
  [
    'faults.error(503, { times: 1.5 })',
    (mock) => mock.faults.error(503, { times: 1.5 }),
    'Failed to add fault: times must be a positive integer, got 1.5',
  ],
  [
    "faults.error(503, { message: '' })",
    (mock) => mock.faults.error(503, { message: '' }),
    "Failed to add fault: message must be text of 1 to 1000 characters, got ''",
  ],
  [
    'faults.networkError({ probability: 1.5 })',
    (mock) => mock.faults.networkError({ probability: 1.5 }),
    'Failed to add fault: probability must be a number from 0 to 1, got 1.5',
  ],
  [
    "faults.networkError({ userId: 'me' })",
    (mock) => mock.faults.networkError({ userId: 'me' }),
    "Failed to add fault: userId must be a positive integer, got 'me'",
  ],
  [
    'faults.networkError({ status: 500 })',
    (mock) => mock.faults.networkError({ status: 500 }),
    "Failed to add fault: unknown field 'status'; the fields are endpoint, probability, times, userId",
  ],
  [
    'faults.latency(-1)',
    (mock) => mock.faults.latency(-1),
    'Failed to add fault: ms must be a number of milliseconds from 0 to 600000, got -1',
  ],
  [
    'faults.latency({ min: 500, max: 100 })',
    (mock) => mock.faults.latency({ min: 500, max: 100 }),
    'Failed to add fault: max must not be less than min (500), got 100',
  ],
  [
    'faults.latency({ min: 100 })',
    (mock) => mock.faults.latency({ min: 100 }),
    'Failed to add fault: max must be given (a latency is ms, or both min and max), got undefined',
  ],
  [
    "faults.latency(100, { endpoint: 'getKey' })",
    (mock) => mock.faults.latency(100, { endpoint: 'getKey' }),
    `Failed to add fault: endpoint must be one of ${ENDPOINTS}, or a non-empty list of them, got 'getKey'`,
  ],
  [
    'faults.exhaustRateLimit({ userId: 0 })',
    (mock) => mock.faults.exhaustRateLimit({ userId: 0 }),
    'Failed to exhaust the rate limit: userId must be a positive integer, got 0',
  ],
  [
    'faults.exhaustRateLimit()',
    (mock) => mock.faults.exhaustRateLimit(),
    'Failed to exhaust the rate limit: scope must be an object, got undefined',
  ],

  // Campaigns: the agent and numbers are the user's own, every field checked
  [
    "store.createCampaign(1, { ...campaign, agent_id: '999' })",
    (mock) => mock.store.createCampaign(1, { ...CAMPAIGN, agent_id: '999' }),
    "Failed to create campaign: agent_id and phone_number_ids must name user 1's own agent and numbers, got agent '999' and numbers [1]",
  ],
  [
    'store.createCampaign(1, { ...campaign, phone_number_ids: [] })',
    (mock) => mock.store.createCampaign(1, { ...CAMPAIGN, phone_number_ids: [] }),
    'Failed to create campaign: phone_number_ids must be a non-empty array of phone number ids, got []',
  ],
  [
    "store.createCampaign(1, { ...campaign, scheduled_at: '2024-02-01 10:00' })",
    (mock) => mock.store.createCampaign(1, { ...CAMPAIGN, scheduled_at: '2024-02-01 10:00' }),
    "Failed to create campaign: scheduled_at must be an ISO time such as '2024-02-01T10:00:00Z', got '2024-02-01 10:00'",
  ],
  [
    "store.createCampaign(1, { ...campaign, status: 'running' })",
    (mock) => mock.store.createCampaign(1, { ...CAMPAIGN, status: 'running' }),
    "Failed to create campaign: unknown field 'status'; the fields are agent_id, name, phone_number_ids, recipients_count, scheduled_at, send_immediately",
  ],
  [
    "store.createPhoneNumber(1, { phone_number: '555', label: 'x', provider: 'twilio' })",
    (mock) =>
      mock.store.createPhoneNumber(1, { phone_number: '555', label: 'x', provider: 'twilio' }),
    "Failed to create phone number: phone_number must be a phone number in E.164 form, such as '+15550100', got '555'",
  ],

  // Journal queries
  [
    "journal.entries({ endpoint: 'listKeys' })",
    (mock) => mock.journal.entries({ endpoint: 'listKeys' }),
    `Failed to query the journal: endpoint must be one of ${ENDPOINTS}, got 'listKeys'`,
  ],
  [
    "journal.count({ status: '200' })",
    (mock) => mock.journal.count({ status: '200' }),
    `Failed to query the journal: status ${HTTP_STATUS}, got '200'`,
  ],
  [
    'journal.last({ user_id: 1 })',
    (mock) => mock.journal.last({ user_id: 1 }),
    "Failed to query the journal: unknown field 'user_id'; the fields are agentId, endpoint, keyId, method, status, userId",
  ],
  [
    'journal.entries({ agentId: 123 })',
    (mock) => mock.journal.entries({ agentId: 123 }),
    "Failed to query the journal: agentId must be an agent id: a positive integer as a string, such as '123', got 123",
  ],
  [
    'journal.count({ keyId: -1 })',
    (mock) => mock.journal.count({ keyId: -1 }),
    'Failed to query the journal: keyId must be a positive integer, got -1',
  ],
  [
    "journal.entries('listApiKeys')",
    (mock) => mock.journal.entries('listApiKeys'),
    "Failed to query the journal: query must be an object, got 'listApiKeys'",
  ],
]

it.each(rows)(
  'refuses %s with a TypeError naming the problem, changing nothing',
  async (_, run, message) => {
    const mock = await createBusyMock()
    const before = stateOf(mock)
    const error = await errorOf(() => run(mock as unknown as Untyped<VoiceableMock>))
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe(message)
    expect(stateOf(mock)).toEqual(before)
  },
)

/** A port nothing listens on now. */
async function freePort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as { port: number }
  await new Promise((resolve) => server.close(resolve))
  return port
}

const SERVER_ROWS: [call: string, options: Record<string, unknown>, message: string][] = [
  [
    "{ baseUrl: 'https://api.example.com/api/v1' }",
    { baseUrl: 'https://api.example.com/api/v1' },
    "baseUrl must be a path starting with '/' (the server answers on its own origin), without a query or hash, got 'https://api.example.com/api/v1'",
  ],
  [
    '{ port: 70000 }',
    { port: 70000 },
    'port must be a port number from 0 to 65535 (0 picks a free one), got 70000',
  ],
  ["{ host: '' }", { host: '' }, "host must be a host name or an IP address, got ''"],
  [
    '{ delayMs: -1 }',
    { delayMs: -1 },
    'delayMs must be a number of milliseconds from 0 to 600000, got -1',
  ],
  [
    '{ delayMs: 600001 }',
    { delayMs: 600_001 },
    'delayMs must be a number of milliseconds from 0 to 600000, got 600001',
  ],
  ['{ log: true }', { log: true }, 'log must be a function (line) => void, or false, got true'],
  ["{ control: 'off' }", { control: 'off' }, "control must be true or false, got 'off'"],
  [
    "{ controlToken: 'a b' }",
    { controlToken: 'a b' },
    "controlToken must be a non-empty string without spaces, got 'a b'",
  ],
  ["{ persistTo: '' }", { persistTo: '' }, "persistTo must be a file path, got ''"],
  [
    "{ scenario: 'crowded' }",
    { scenario: 'crowded' },
    `scenario must be one of ${SCENARIOS}, got 'crowded'`,
  ],
  ['{ prot: 0 }', { prot: 0 }, `unknown option 'prot'; the options are ${SERVER_OPTIONS}`],
]

it.each(SERVER_ROWS)(
  'refuses startMockServer(%s) with a TypeError naming the problem, listening on nothing',
  async (_, options, message) => {
    const port = await freePort()
    const error = await errorOf(() => start({ port, ...options }))
    expect(error).toBeInstanceOf(TypeError)
    expect((error as TypeError).message).toBe(`Failed to start the mock server: ${message}`)
    // The port is still free: the server never started.
    const probe = createServer()
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject)
      probe.listen(port, '127.0.0.1', resolve)
    })
    await new Promise((resolve) => probe.close(resolve))
  },
)

it('finds nothing for a lookup with an id that cannot exist, rather than throwing', async () => {
  const mock = (await createBusyMock()) as unknown as Untyped<VoiceableMock>
  expect(mock.store.getUser('1')).toBeUndefined()
  expect(mock.store.getApiKey(1, -1)).toBeUndefined()
  expect(mock.store.getApiKey('1', 1)).toBeUndefined()
  expect(mock.store.getAgent(1, 123)).toBeUndefined()
  expect(mock.store.listApiKeys('1')).toEqual([])
  expect(mock.store.listAgents(0)).toEqual([])
  expect(mock.store.findUserByEmail(42)).toBeUndefined()
  expect(mock.store.authenticateKeyValue(null)).toBeUndefined()
  expect(await mock.store.authenticateToken(42)).toEqual({ ok: false, reason: 'malformed' })
})

it('answers the control API with the same words as the toolkit, in a 422', async () => {
  const server = await start({ port: 0 })
  try {
    const mock = server.mock as unknown as Untyped<VoiceableMock>
    const scope = { endpoint: 'listKeys', times: 0 }
    const inProcess = await errorOf(() => mock.faults.error(503, scope))
    const answer = await fetch(`${server.url}/__voiceable/faults`, {
      method: 'POST',
      body: JSON.stringify({ kind: 'error', status: 503, ...scope }),
    })
    expect(answer.status).toBe(422)
    const { errors } = (await answer.json()) as { errors: string[] }
    expect((inProcess as TypeError).message).toBe(`Failed to add fault: ${errors.join('; ')}`)
    expect(errors).toEqual([
      `endpoint must be one of ${ENDPOINTS}, or a non-empty list of them, got 'listKeys'`,
      'times must be a positive integer, got 0',
    ])
  } finally {
    await server.close()
  }
})
