import { getResponse, type HttpHandler } from 'msw'
import { setupWorker } from 'msw/browser'
import { setupServer } from 'msw/node'
import { expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import {
  createVoiceableMock,
  type Agent,
  type ApiKey,
  type ApiKeyResponse,
  type AuthResponse,
  type CreateApiKeyResponse,
  type CreatedUser,
  type DeleteApiKeyResponse,
  type ErrorResponse,
  type ListApiKeysResponse,
  type ListAgentsResponse,
  type JournalEntry,
  type Snapshot,
  type User,
  type VoiceableMockOptions,
} from 'voiceable-mock'
import type {
  ApiKeyResponseSchema,
  CreateApiKeyResponseSchema,
  ErrorResponseSchema,
  ListApiKeysResponseSchema,
} from 'voiceable-mock/schemas'
import {
  connectMockServer,
  formatVerifyReport,
  startMockServer,
  verifyBackend,
  type VerifyError,
  type MockServer,
  type MockServerClient,
  type RemoteFault,
  type VerifyFinding,
  type VerifyResult,
} from 'voiceable-mock/node'

// Type tests: checked by tsc, never run. Both CI legs check them, so `setupServer`,
// `setupWorker` and `getResponse` below are msw 2's on one leg and msw 3's on the other.

const mock = createVoiceableMock()

it('accepts the handlers in setupServer, setupWorker and getResponse', () => {
  expectTypeOf(mock.handlers).toExtend<Parameters<typeof setupServer>>()
  expectTypeOf(mock.handlers).toExtend<Parameters<typeof setupWorker>>()
  expectTypeOf(mock.handlers).toExtend<Parameters<typeof getResponse>[0]>()
  expectTypeOf(setupServer(...mock.handlers).use).toBeCallableWith(...mock.handlers)
  expectTypeOf(setupWorker(...mock.handlers).use).toBeCallableWith(...mock.handlers)
  expectTypeOf(
    getResponse(mock.handlers, new Request('https://api.example.com/api/v1/api_keys')),
  ).resolves.toEqualTypeOf<Response | undefined>()
})

it('keys the handler record by endpoint name', () => {
  expectTypeOf(mock.handlersByEndpoint.getApiKey).toEqualTypeOf<HttpHandler[]>()
  expectTypeOf(Object.values(mock.handlersByEndpoint).flat()).toExtend<
    Parameters<typeof setupServer>
  >()
  // @ts-expect-error the endpoint is named getApiKey
  void mock.handlersByEndpoint.getApiKeys
})

it('types mock.fetch as the global fetch, so it drops into any client that takes one', () => {
  expectTypeOf(mock.fetch).toEqualTypeOf<typeof fetch>()
})

it('rejects a misspelled option at compile time', () => {
  // @ts-expect-error `sed` is not an option (`seed` is)
  createVoiceableMock({ sed: 1 })
  // @ts-expect-error not a scenario name
  createVoiceableMock({ scenario: 'documentd' })
  // @ts-expect-error unknownRoutes is 'not-found' or 'passthrough'
  createVoiceableMock({ unknownRoutes: 'ignore' })
  // @ts-expect-error not an endpoint name
  mock.faults.error(503, { endpoint: 'getApiKeys' })
  // @ts-expect-error `rateLimit` takes `limit`, not `max`
  createVoiceableMock({ rateLimit: { max: 5 } })
})

it('accepts one base URL or several', () => {
  expectTypeOf(createVoiceableMock).toBeCallableWith({ baseUrl: '/api/v1' })
  expectTypeOf(createVoiceableMock).toBeCallableWith({
    baseUrl: ['https://a.test/api/v1', '/api/v1'] as const,
  })
  expectTypeOf<VoiceableMockOptions['rateLimit']>().toEqualTypeOf<
    { limit?: number; windowSeconds?: number } | false | undefined
  >()
})

it('types an API key with the documented fields', () => {
  expectTypeOf<ApiKey>().toEqualTypeOf<{
    id: number
    key_type: 'private' | 'public'
    name: string
    key_value: string | null
    allowed_origins: string[]
    allowed_assistants: string[]
    transient_assistant: boolean
    user_id: number
    user_email: string
    created_at: string
    updated_at: string
  }>()
})

it('types response bodies from the zod schemas', () => {
  expectTypeOf<ApiKeyResponse>().toEqualTypeOf<z.infer<typeof ApiKeyResponseSchema>>()
  expectTypeOf<CreateApiKeyResponse>().toEqualTypeOf<z.infer<typeof CreateApiKeyResponseSchema>>()
  expectTypeOf<ListApiKeysResponse>().toEqualTypeOf<z.infer<typeof ListApiKeysResponseSchema>>()
  expectTypeOf<ErrorResponse>().toEqualTypeOf<z.infer<typeof ErrorResponseSchema>>()
  // The secret is only ever in the create response.
  expectTypeOf<CreateApiKeyResponse['data']['key_value']>().toEqualTypeOf<string>()
  expectTypeOf<ApiKeyResponse['data']['key_value']>().toEqualTypeOf<null>()
  expectTypeOf<ListApiKeysResponse['data'][number]['key_value']>().toEqualTypeOf<null>()
  expectTypeOf<DeleteApiKeyResponse>().toEqualTypeOf<{
    status: { code: number; message: string }
  }>()
  expectTypeOf<ErrorResponse['details']>().toEqualTypeOf<string | undefined>()
})

it('types the store methods tests call most', () => {
  const store = mock.store
  expectTypeOf(store.createUser()).toEqualTypeOf<CreatedUser>()
  expectTypeOf<CreatedUser>().toEqualTypeOf<{ id: number; email: string; apiKey: string }>()
  // eslint-disable-next-line @typescript-eslint/unbound-method -- only the method's type is read; it is never called
  expectTypeOf(store.issueToken).returns.toEqualTypeOf<Promise<string>>()
  // eslint-disable-next-line @typescript-eslint/unbound-method -- only the method's type is read; it is never called
  expectTypeOf(mock.store.issueToken).toBeCallableWith(1, { expiresInSeconds: 60 })
  expectTypeOf(store.getApiKey(1, 1)).toEqualTypeOf<ApiKey | undefined>()
})

it('types the control client as the in-process toolkit made async', () => {
  const client = connectMockServer('http://127.0.0.1:3000', { token: 't', session: 's' })
  expectTypeOf(client).toEqualTypeOf<MockServerClient>()
  expectTypeOf<MockServer['control']>().toEqualTypeOf<MockServerClient>()
  expectTypeOf(startMockServer).toBeCallableWith({ control: false })
  expectTypeOf(startMockServer).toBeCallableWith({ controlToken: 't', persistTo: 'data.json' })
  expectTypeOf(client.reset()).toEqualTypeOf<Promise<void>>()
  expectTypeOf(client.snapshot()).toEqualTypeOf<Promise<Snapshot>>()
  expectTypeOf(client.faults.error(503, { endpoint: 'listApiKeys', times: 1 })).toEqualTypeOf<
    Promise<RemoteFault>
  >()
  expectTypeOf<RemoteFault['hits']>().returns.toEqualTypeOf<Promise<number>>()
  expectTypeOf(client.journal.last({ userId: null })).toEqualTypeOf<
    Promise<JournalEntry | undefined>
  >()
  // @ts-expect-error: a scenario the library does not have
  void client.useScenario('crowded')
})

it("types verifyBackend for a scheduled job of the user's own", () => {
  expectTypeOf(verifyBackend).toBeCallableWith({ baseUrl: 'https://b.test/api/v1', apiKey: 'k' })
  expectTypeOf(verifyBackend).toBeCallableWith({
    baseUrl: 'https://api.voiceable.dev/voiceable-api',
    apiKey: 'k',
    write: true,
    onProgress: (line: string) => void line,
  })
  expectTypeOf(verifyBackend).returns.toEqualTypeOf<Promise<VerifyResult>>()
  expectTypeOf<VerifyResult['findings'][number]>().toEqualTypeOf<VerifyFinding>()
  expectTypeOf<VerifyFinding['line']>().toEqualTypeOf<string>()
  expectTypeOf(formatVerifyReport).returns.toEqualTypeOf<string>()
  expectTypeOf<VerifyError['reason']>().toEqualTypeOf<'unreachable' | 'refused' | 'not-api'>()
  // @ts-expect-error: the API key is required
  void verifyBackend({ baseUrl: 'https://b.test/api/v1' })
})

it('types accounts and agents as the web app reads them', () => {
  expectTypeOf<User>().toEqualTypeOf<{
    id: number
    email: string
    role: 'user' | 'admin' | 'enterprise'
    membership_status: 'trial' | 'active' | 'expired' | 'cancelled' | 'suspended' | 'free'
    created_at: string
    updated_at: string
  }>()
  expectTypeOf<AuthResponse['token']>().toEqualTypeOf<string>()
  expectTypeOf<Agent['id']>().toEqualTypeOf<string>()
  expectTypeOf<Agent['widget_config']>().toEqualTypeOf<Record<string, unknown> | undefined>()
  expectTypeOf<ListAgentsResponse['next_offset']>().toEqualTypeOf<number | null>()
  expectTypeOf(createVoiceableMock).toBeCallableWith({ revealKeyValues: true })
  // eslint-disable-next-line @typescript-eslint/unbound-method -- only the method's type is read; it is never called
  expectTypeOf(mock.store.createUser).toBeCallableWith({
    password: 'secret1',
    role: 'admin',
    membershipStatus: 'trial',
  })
  // @ts-expect-error not a role
  createStore().createUser({ role: 'owner' })
  expectTypeOf(mock.handlersByEndpoint.signIn).toEqualTypeOf<HttpHandler[]>()
  // @ts-expect-error the endpoint is named getCurrentUser
  void mock.handlersByEndpoint.currentUser
})
