// The types openapi-typescript generates from the OpenAPI document (test/generated/openapi.ts,
// written by `npm run pretypecheck` and by the types project's global setup) agree with the
// exported zod types, operation by operation: request body, path and query parameters, and the
// body of every status, each pair mutually assignable. A new operation fails to compile until
// `Expected` names its types.
import type {
  AgentResponse,
  ApiKey,
  ApiKeyResponse,
  AuthResponse,
  CreateAgentRequest,
  CreateApiKeyRequest,
  CreateApiKeyResponse,
  CurrentUserResponse,
  DeleteAgentResponse,
  DeleteApiKeyResponse,
  ErrorResponse,
  ListAgentsQuery,
  ListAgentsResponse,
  ListApiKeysResponse,
  SignInRequest,
  SignOutResponse,
  SignUpRequest,
  UpdateAgentRequest,
  UpdateApiKeyRequest,
} from 'voiceable-mock'
import type {
  AvailablePhoneNumbersQuery,
  CreatePhoneNumberRequest,
  DeletePhoneNumberResponse,
  ListAvailablePhoneNumbersResponse,
  ListPhoneNumbersResponse,
  PhoneNumberResponse,
  UpdatePhoneNumberRequest,
  ConversationResponse,
  ListConversationsQuery,
  ListConversationsResponse,
  CreateIntegrationRequest,
  DeleteIntegrationResponse,
  IntegrationResponse,
  ListIntegrationSchemasResponse,
  ListIntegrationsResponse,
  UpdateIntegrationRequest,
  CampaignResponse,
  CreateCampaignRequest,
  ListCampaignsQuery,
  ListCampaignsResponse,
  AgentBehaviourResponse,
  CommissionMarkupResponse,
  CreateOutcomeDefinitionRequest,
  ListAgentBehavioursResponse,
  ListAgentFunctionsResponse,
  ListAgentTemplatesResponse,
  ListPricingSettingsQuery,
  ListPricingSettingsResponse,
  ListVoicesQuery,
  ListVoicesResponse,
  OutcomeDefinitionOrNullResponse,
  OutcomeDefinitionResponse,
  UpdateOutcomeDefinitionRequest,
  VoiceResponse,
  AgentFileResponse,
  AgentFileUsageResponse,
  ChangePasswordRequest,
  CreateAgentFileRequest,
  DirectUploadRequest,
  DirectUploadResponse,
  EscalationResponse,
  ListAgentFilesResponse,
  ListEscalationsQuery,
  ListEscalationsResponse,
  MetricsQuery,
  MetricsResponse,
  UpdateEscalationRequest,
} from 'voiceable-mock/schemas'
import type {
  ChangePasswordResponseSchema,
  DeleteAgentFileResponseSchema,
  TourCompletionResponseSchema,
  UploadResponseSchema,
} from 'voiceable-mock/schemas'
import { expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import type { operations } from './generated/openapi.js'

/**
 * What JSON carries of a zod type: zod types an optional field `?: T | undefined`, and JSON has
 * no `undefined`, so the field is `?: T` (as openapi-typescript writes it, under
 * `exactOptionalPropertyTypes`).
 */
type Wire<T> = T extends readonly (infer Item)[]
  ? Wire<Item>[]
  : T extends object
    ? { [K in keyof T]: Wire<Exclude<T[K], undefined>> }
    : T

/**
 * What a `multipart/form-data` form carries of a zod type: text parts as JSON would, and a file
 * as openapi-typescript writes `format: binary` (a string).
 */
type Form<T> = {
  [K in keyof T]: Exclude<T[K], undefined> extends File ? string : Wire<Exclude<T[K], undefined>>
}

type Mutual<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false

/** The zod types of each operation: its success body, and its request body and parameters if any. */
interface Expected {
  listApiKeys: { success: ListApiKeysResponse }
  createApiKey: { success: CreateApiKeyResponse; body: CreateApiKeyRequest }
  getApiKey: { success: ApiKeyResponse; path: { keyId: ApiKey['id'] } }
  updateApiKey: {
    success: ApiKeyResponse
    body: UpdateApiKeyRequest
    path: { keyId: ApiKey['id'] }
  }
  updateApiKeyPatch: Expected['updateApiKey']
  deleteApiKey: { success: DeleteApiKeyResponse; path: { keyId: ApiKey['id'] } }
  signIn: { success: AuthResponse; body: SignInRequest }
  signUp: { success: AuthResponse; body: SignUpRequest }
  signOut: { success: SignOutResponse }
  getCurrentUser: { success: CurrentUserResponse }
  completeTour: { success: z.infer<typeof TourCompletionResponseSchema> }
  changePassword: {
    success: z.infer<typeof ChangePasswordResponseSchema>
    body: ChangePasswordRequest
  }
  listAgents: { success: ListAgentsResponse; query: ListAgentsQuery }
  createAgent: { success: AgentResponse; body: CreateAgentRequest }
  getAgent: { success: AgentResponse; path: { agentId: string } }
  updateAgent: { success: AgentResponse; body: UpdateAgentRequest; path: { agentId: string } }
  updateAgentPatch: Expected['updateAgent']
  deleteAgent: { success: DeleteAgentResponse; path: { agentId: string } }
  listPhoneNumbers: { success: ListPhoneNumbersResponse }
  listAccountPhoneNumbers: { success: ListAvailablePhoneNumbersResponse }
  listAvailablePhoneNumbers: {
    success: ListAvailablePhoneNumbersResponse
    query: AvailablePhoneNumbersQuery
  }
  createPhoneNumber: { success: PhoneNumberResponse; body: CreatePhoneNumberRequest }
  getPhoneNumber: { success: PhoneNumberResponse; path: { phoneNumberId: number } }
  updatePhoneNumber: {
    success: PhoneNumberResponse
    body: UpdatePhoneNumberRequest
    path: { phoneNumberId: number }
  }
  updatePhoneNumberPatch: Expected['updatePhoneNumber']
  deletePhoneNumber: { success: DeletePhoneNumberResponse; path: { phoneNumberId: number } }
  listConversations: { success: ListConversationsResponse; query: ListConversationsQuery }
  getConversation: { success: ConversationResponse; path: { conversationId: string } }
  // A WAV file: no JSON body to compare.
  getConversationAudio: { success: never; path: { conversationId: string } }
  listEscalations: { success: ListEscalationsResponse; query: ListEscalationsQuery }
  getEscalation: { success: EscalationResponse; path: { escalationId: number } }
  updateEscalation: {
    success: EscalationResponse
    body: UpdateEscalationRequest
    path: { escalationId: number }
  }
  getMetrics: { success: MetricsResponse; query: MetricsQuery }
  listAgentFiles: { success: ListAgentFilesResponse }
  createAgentFile: { success: AgentFileResponse; body: CreateAgentFileRequest }
  getAgentFileUsage: { success: AgentFileUsageResponse; path: { fileId: number } }
  deleteAgentFile: {
    success: z.infer<typeof DeleteAgentFileResponseSchema>
    path: { fileId: number }
  }
  deleteAgentAgentFile: {
    success: z.infer<typeof DeleteAgentFileResponseSchema>
    path: { agentId: string; fileId: number }
  }
  createDirectUpload: { success: DirectUploadResponse; body: DirectUploadRequest }
  uploadObject: {
    success: z.infer<typeof UploadResponseSchema>
    path: { uploadKey: string }
    query: { 'X-Mock-Signature'?: string }
  }
  uploadObjectPatch: Expected['uploadObject']
  listIntegrations: { success: ListIntegrationsResponse }
  listIntegrationSchemas: { success: ListIntegrationSchemasResponse }
  createIntegration: { success: IntegrationResponse; body: CreateIntegrationRequest }
  getIntegration: { success: IntegrationResponse; path: { integrationType: string } }
  updateIntegration: {
    success: IntegrationResponse
    body: UpdateIntegrationRequest
    path: { integrationType: string }
  }
  updateIntegrationPatch: Expected['updateIntegration']
  deleteIntegration: { success: DeleteIntegrationResponse; path: { integrationType: string } }
  listCampaigns: { success: ListCampaignsResponse; query: ListCampaignsQuery }
  createCampaign: { success: CampaignResponse; form: CreateCampaignRequest }
  getCampaign: { success: CampaignResponse; path: { campaignId: number } }
  publishAgent: { success: AgentResponse; path: { agentId: string } }
  listVoices: { success: ListVoicesResponse; query: ListVoicesQuery }
  getVoice: { success: VoiceResponse; path: { voiceId: string } }
  listAgentTemplates: { success: ListAgentTemplatesResponse }
  listAgentBehaviours: { success: ListAgentBehavioursResponse }
  getAgentBehaviour: { success: AgentBehaviourResponse; path: { behaviourId: number } }
  listPricingSettings: { success: ListPricingSettingsResponse; query: ListPricingSettingsQuery }
  getCommissionMarkup: { success: CommissionMarkupResponse }
  getOutcomeDefinition: { success: OutcomeDefinitionOrNullResponse; path: { agentId: string } }
  createOutcomeDefinition: {
    success: OutcomeDefinitionResponse
    body: CreateOutcomeDefinitionRequest
    path: { agentId: string }
  }
  updateOutcomeDefinition: {
    success: OutcomeDefinitionResponse
    body: UpdateOutcomeDefinitionRequest
    path: { agentId: string }
  }
  updateOutcomeDefinitionPatch: Expected['updateOutcomeDefinition']
  listAgentFunctions: { success: ListAgentFunctionsResponse; path: { agentId: string } }
}

type JsonOf<T> = T extends { content: { 'application/json': infer Body } } ? Body : never
type Responses<Name extends keyof operations> = operations[Name]['responses']

/** `true` when every status's body agrees: the success with its type, every error with `ErrorResponse`. */
type ResponsesAgree<Name extends keyof operations & keyof Expected> = {
  [Status in keyof Responses<Name>]: Status extends 200 | 201
    ? Mutual<JsonOf<Responses<Name>[Status]>, Wire<Expected[Name]['success']>>
    : Mutual<JsonOf<Responses<Name>[Status]>, Wire<ErrorResponse>>
}[keyof Responses<Name>]

/** `true` when the request body, the path and the query agree (absent ones on both sides). */
type RequestAgrees<Name extends keyof operations & keyof Expected> = [
  operations[Name]['requestBody'] extends { content: { 'application/json': infer Body } }
    ? Expected[Name] extends { body: infer Zod }
      ? Mutual<Body, Wire<Zod>>
      : false
    : operations[Name]['requestBody'] extends {
          content: { 'multipart/form-data': infer Parts }
        }
      ? Expected[Name] extends { form: infer Zod }
        ? Mutual<Parts, Form<Zod>>
        : false
      : Expected[Name] extends { body: unknown } | { form: unknown }
        ? false
        : true,
  Expected[Name] extends { path: infer Path }
    ? Mutual<operations[Name]['parameters']['path'], Path>
    : operations[Name]['parameters']['path'] extends undefined
      ? true
      : false,
  Expected[Name] extends { query: infer Query }
    ? Mutual<NonNullable<operations[Name]['parameters']['query']>, Wire<Query>>
    : operations[Name]['parameters']['query'] extends undefined
      ? true
      : false,
]

type Agreement = {
  [Name in keyof operations]: Name extends keyof Expected
    ? [ResponsesAgree<Name>, ...RequestAgrees<Name>]
    : 'an operation with no Expected entry'
}

it('describes every operation the zod types describe, and no other', () => {
  expectTypeOf<keyof operations>().toEqualTypeOf<keyof Expected>()
})

it('agrees with the zod types on every body and parameter of every operation', () => {
  expectTypeOf<Agreement>().toEqualTypeOf<{
    [Name in keyof operations]: [true, true, true, true]
  }>()
})
