import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { compileErrors, dereference, validate } from '@readme/openapi-parser'
import { Ajv2020 } from 'ajv/dist/2020.js'
import ajvFormats, { type FormatsPlugin } from 'ajv-formats'
import { createVoiceableMock } from 'voiceable-mock'
import { ListAgentsQuerySchema } from 'voiceable-mock/schemas'
import { expect, it } from 'vitest'
import { ENDPOINTS } from '../src/resources/index.js'
import { createOpenApiDocument, DOCUMENTED_SERVERS } from '../src/openapi/document.js'
import { toEndpointMethods } from '../src/pipeline/router.js'
import { fixture, FIXTURE_FILES } from './support/fixtures.js'
import { REPO_ROOT } from './support/cli-process.js'
import { countCheckedResponses } from './support/openapi-responses.js'

type Json = Record<string, any>

const pkg = JSON.parse(readFileSync(`${REPO_ROOT}package.json`, 'utf8')) as { version: string }
const document = createOpenApiDocument({ version: pkg.version }) as Json

/** Every operation of the document: its path, method and the operation itself. */
function operations(doc: Json = document): { path: string; method: string; operation: Json }[] {
  return Object.entries(doc['paths'] as Record<string, Json>).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ path, method, operation })),
  )
}

/** A `$ref` inside the document, followed. */
function follow(node: Json): Json {
  if (typeof node['$ref'] !== 'string') return node
  return node['$ref']
    .slice(2)
    .split('/')
    .reduce<Json>((at, key) => at[key.replaceAll('~1', '/')], document)
}

it('validates as an OpenAPI 3.1 document with @readme/openapi-parser, with no warnings', async () => {
  expect(document['openapi']).toMatch(/^3\.1\./)
  const result = await validate(structuredClone(document) as never)
  expect(result.valid ? [] : compileErrors(result)).toEqual([])
  expect(result.warnings).toEqual([])
})

it('ships the generated document as voiceable-mock/openapi.json, byte for byte what the generator makes', () => {
  const file = createRequire(import.meta.url).resolve('voiceable-mock/openapi.json')
  expect(file).toBe(`${REPO_ROOT}dist/openapi.json`)
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(document)
})

it('lists every endpoint of the table with each method it is routed by, PATCH included, HEAD and .json not', () => {
  const expected = ENDPOINTS.flatMap((endpoint) =>
    toEndpointMethods(endpoint)
      .filter((method) => method !== 'HEAD')
      .map((method) => `${method} ${endpoint.path.replace(/:(\w+)/g, '{$1}')}`),
  )
  const listed = operations().map(({ path, method }) => `${method.toUpperCase()} ${path}`)
  expect(listed.sort()).toEqual(expected.sort())
  expect(listed).toContain('PATCH /api_keys/{keyId}')
  expect(listed).toContain('PATCH /agents/{agentId}')
  expect(listed.filter((route) => route.startsWith('HEAD') || route.includes('.json'))).toEqual([])
})

it('names each operation after its endpoint, and the PATCH twin of an update after it too', () => {
  const ids = operations().map(({ operation }) => operation['operationId'] as string)
  expect(ids.sort()).toEqual(
    [
      ...ENDPOINTS.map((endpoint) => endpoint.name),
      ...ENDPOINTS.filter(({ method, path }) => method === 'PUT' && path.includes('/:')).map(
        (endpoint) => `${endpoint.name}Patch`,
      ),
    ].sort(),
  )
})

it('gives the package version and the documented base URLs', () => {
  expect(document['info'].version).toBe(pkg.version)
  expect(document['servers']).toEqual(DOCUMENTED_SERVERS)
  expect(document['servers'].map((server: Json) => server['url'])).toEqual([
    'https://api.example.com/api/v1',
    'http://localhost:3000/api/v1',
  ])
})

it('lists, per operation, every status it answers when no fault is injected', () => {
  const statuses = Object.fromEntries(
    operations().map(({ operation }) => [
      operation['operationId'],
      Object.keys(operation['responses']).join(' '),
    ]),
  )
  // 400: an unknown scenario header anywhere, malformed JSON with a body; 401 where a credential
  // is required; 403 for public keys on API keys and agents; 413 and 429 on every request.
  expect(statuses).toEqual({
    changePassword: '200 400 401 413 422 429',
    completeTour: '200 400 401 413 429',
    createAgentFile: '201 400 401 403 404 413 422 429',
    createDirectUpload: '200 400 401 403 413 422 429',
    deleteAgentAgentFile: '200 400 401 403 404 413 429',
    deleteAgentFile: '200 400 401 403 404 413 429',
    getAgentFileUsage: '200 400 401 403 404 413 429',
    getConversationAudio: '200 400 401 403 404 413 429 502',
    getEscalation: '200 400 401 403 404 413 429',
    getMetrics: '200 400 401 403 413 422 429',
    listAgentFiles: '200 400 401 403 413 429',
    listEscalations: '200 400 401 403 413 422 429',
    updateEscalation: '200 400 401 403 404 413 422 429',
    uploadObject: '200 400 403 413 422 429',
    uploadObjectPatch: '200 400 403 413 422 429',
    listApiKeys: '200 400 401 403 413 429',
    createApiKey: '201 400 401 403 413 422 429',
    getApiKey: '200 400 401 403 404 413 429',
    updateApiKey: '200 400 401 403 404 413 422 429',
    updateApiKeyPatch: '200 400 401 403 404 413 422 429',
    deleteApiKey: '200 400 401 403 404 413 429',
    signIn: '200 400 401 413 422 429',
    signUp: '201 400 413 422 429',
    signOut: '200 400 413 429',
    getCurrentUser: '200 400 401 413 429',
    listAgents: '200 400 401 403 413 422 429',
    createAgent: '201 400 401 403 413 422 429',
    getAgent: '200 400 401 403 404 413 429',
    updateAgent: '200 400 401 403 404 413 422 429',
    updateAgentPatch: '200 400 401 403 404 413 422 429',
    deleteAgent: '200 400 401 403 404 413 429',
    publishAgent: '200 400 401 403 404 413 429',
    listPhoneNumbers: '200 400 401 403 413 429',
    listAccountPhoneNumbers: '200 400 401 403 413 429',
    listAvailablePhoneNumbers: '200 400 401 403 413 422 429',
    createPhoneNumber: '201 400 401 403 404 413 422 429',
    getPhoneNumber: '200 400 401 403 404 413 429',
    updatePhoneNumber: '200 400 401 403 404 413 422 429',
    updatePhoneNumberPatch: '200 400 401 403 404 413 422 429',
    deletePhoneNumber: '200 400 401 403 404 413 429',
    listConversations: '200 400 401 403 413 422 429 502',
    getConversation: '200 400 401 403 404 413 429 502',
    listIntegrations: '200 400 401 403 413 429',
    listIntegrationSchemas: '200 400 401 403 413 429',
    createIntegration: '201 400 401 403 413 422 429',
    getIntegration: '200 400 401 403 404 413 429',
    updateIntegration: '200 400 401 403 404 413 422 429',
    updateIntegrationPatch: '200 400 401 403 404 413 422 429',
    deleteIntegration: '200 400 401 403 404 413 429',
    listCampaigns: '200 400 401 403 413 422 429',
    createCampaign: '201 400 401 403 404 413 422 429',
    getCampaign: '200 400 401 403 404 413 429',
    listVoices: '200 400 401 403 413 422 429',
    getVoice: '200 400 401 403 404 413 429',
    listAgentTemplates: '200 400 401 403 413 429',
    listAgentBehaviours: '200 400 401 403 413 429',
    getAgentBehaviour: '200 400 401 403 404 413 429',
    listPricingSettings: '200 400 401 403 413 422 429',
    getCommissionMarkup: '200 400 401 403 413 429',
    getOutcomeDefinition: '200 400 401 403 404 413 429',
    createOutcomeDefinition: '201 400 401 403 404 413 422 429',
    updateOutcomeDefinition: '200 400 401 403 404 413 422 429',
    updateOutcomeDefinitionPatch: '200 400 401 403 404 413 422 429',
    listAgentFunctions: '200 400 401 403 404 413 429',
  })
})

it('names the error codes of each error status, and sends the rate-limit headers with every response', () => {
  for (const { operation } of operations()) {
    for (const [status, reference] of Object.entries(operation['responses'] as Json)) {
      const response = follow(reference)
      expect(Object.keys(response['headers'])).toEqual(
        status === '429'
          ? ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset', 'Retry-After']
          : ['X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'],
      )
      if (Number(status) >= 400) {
        expect(response['content']['application/json'].schema).toEqual({
          $ref: '#/components/schemas/ErrorResponse',
        })
        expect(response['x-error-codes'].length).toBeGreaterThan(0)
      }
    }
  }
  expect(follow(document['paths']['/auth/sign_in'].post.responses['401'])['x-error-codes']).toEqual(
    ['invalid_credentials'],
  )
  // A body documented as JSON may come as a broken form too (test/regressions/).
  expect(follow(document['paths']['/api_keys'].post.responses['400'])['x-error-codes']).toEqual([
    'bad_request',
    'invalid_json',
    'invalid_form',
  ])
})

/** The operations the reference (voiceable-api.md) documents, each by its operation id. */
const DOCUMENTED_OPERATIONS = [
  ...['listApiKeys', 'createApiKey', 'getApiKey', 'updateApiKey', 'deleteApiKey'],
  ...['listAgents', 'getAgent', 'updateAgent', 'deleteAgent'],
  ...['listIntegrations', 'createIntegration', 'getIntegration', 'updateIntegration'],
  ...['listConversations', 'getConversation'],
  ...['listCampaigns', 'getCampaign', 'createCampaign'],
]

it("marks each operation with what it rests on: the docs, or the web app's code", () => {
  const evidence = new Map(
    operations().map(({ operation }) => [
      String(operation['operationId']).replace(/Patch$/, ''),
      operation['x-evidence'],
    ]),
  )
  for (const [id, kind] of evidence)
    expect([id, kind]).toEqual([id, DOCUMENTED_OPERATIONS.includes(id) ? 'docs' : 'client'])
})

it('asks for an API key or a Bearer token per operation: none for sign-in and sign-up, optional for sign-out', () => {
  const security = Object.fromEntries(
    operations().map(({ operation }) => [operation['operationId'], operation['security']]),
  )
  const required = [{ ApiKey: [] }, { Bearer: [] }]
  expect(security['signIn']).toEqual([])
  expect(security['signUp']).toEqual([])
  expect(security['signOut']).toEqual([...required, {}])
  for (const id of ['listApiKeys', 'createApiKey', 'getCurrentUser', 'updateAgentPatch'])
    expect(security[id]).toEqual(required)
  expect(document['components'].securitySchemes).toMatchObject({
    ApiKey: { type: 'apiKey', in: 'header', name: 'X-API-Key' },
    Bearer: { type: 'http', scheme: 'bearer' },
  })
  expect(document['security']).toBeUndefined()
})

it('documents the path parameters and the query of List Agents from their zod schemas', () => {
  const parameters = (path: string, method: string): Json[] =>
    (document['paths'][path][method].parameters as Json[]).map(follow)
  expect(parameters('/api_keys/{keyId}', 'get')[0]).toMatchObject({
    name: 'keyId',
    in: 'path',
    required: true,
    schema: { type: 'integer' },
  })
  expect(parameters('/agents/{agentId}', 'delete')[0]).toMatchObject({
    name: 'agentId',
    in: 'path',
    schema: { type: 'string', pattern: '^[1-9]\\d{0,15}$' },
  })
  const query = parameters('/agents', 'get').filter((parameter) => parameter['in'] === 'query')
  expect(query.map((parameter) => parameter['name'])).toEqual(
    Object.keys(ListAgentsQuerySchema.shape),
  )
  expect(query.every((parameter) => parameter['required'] === false)).toBe(true)
  expect(parameters('/agents', 'get').at(-1)).toMatchObject({
    name: 'X-Voiceable-Mock-Scenario',
    in: 'header',
  })
})

it('shows every documented example of fixtures/, verbatim, and each validates against its schema', async () => {
  const resolved = (await dereference(structuredClone(document) as never)) as Json
  const ajv = new Ajv2020({ strict: true, allowUnionTypes: true })
  const plugin = ajvFormats as unknown as FormatsPlugin & { default?: FormatsPlugin }
  ;(plugin.default ?? plugin)(ajv)
  const shown: unknown[] = []
  const check = (schema: Json, value: unknown): void => {
    const validateExample = ajv.compile(schema)
    expect(validateExample(value), JSON.stringify(validateExample.errors)).toBe(true)
    shown.push(value)
  }
  for (const { operation } of operations(resolved)) {
    const request = operation['requestBody']?.content['application/json']
    if (request?.examples !== undefined) check(request.schema, request.examples.documented.value)
    for (const response of Object.values(operation['responses'] as Json)) {
      // A recording is not JSON, and has no example.
      const media = response['content']['application/json']
      if (media?.examples !== undefined) check(media.schema, media.examples.documented.value)
    }
  }
  for (const part of ['Agent', 'Conversation', 'Integration', 'Campaign']) {
    const schema = resolved['components'].schemas[part]
    for (const example of schema.examples) check(schema, example)
  }
  for (const file of FIXTURE_FILES) expect(shown).toContainEqual(fixture(file))
})

it("says, operation by operation, where the fake follows the web app's evidence or a Rails default", () => {
  const provenance = Object.fromEntries(
    operations().map(({ operation }) => [
      operation['operationId'],
      /Provenance: (.*)$/s.exec(operation['description'] as string)?.[1] ?? '',
    ]),
  )
  for (const id of ['signIn', 'signUp', 'signOut', 'getCurrentUser', 'listAgents', 'createAgent'])
    expect(provenance[id]).toContain('real-client evidence')
  for (const id of ['createApiKey', 'getApiKey', 'updateApiKey', 'signIn', 'updateAgentPatch'])
    expect(provenance[id]).toMatch(/Rails default/)
  expect(provenance['deleteAgent']).toBe('the docs (Delete Agent).')
  expect(document['paths']['/api_keys/{keyId}'].patch.description).toContain(
    'journaled as `updateApiKey`',
  )
})

it('checks every response of a mock a test creates against the document, faults aside', async () => {
  const before = countCheckedResponses()
  const mock = createVoiceableMock()
  const base = 'https://api.example.com/api/v1'
  const headers = { 'X-API-Key': 'your-api-key-here' }
  expect((await mock.fetch(`${base}/api_keys/1`, { headers })).status).toBe(200)
  expect((await mock.fetch(`${base}/no_such_route`, { headers })).status).toBe(404)
  mock.faults.error(503, { endpoint: 'listApiKeys', times: 1 })
  expect((await mock.fetch(`${base}/api_keys`, { headers })).status).toBe(503)
  expect(countCheckedResponses() - before).toBe(2)
})
