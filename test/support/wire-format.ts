import type { EndpointName, JournalEntry, VoiceableMock } from 'voiceable-mock'
import {
  AgentResponseSchema,
  ApiKeyResponseSchema,
  AuthResponseSchema,
  ChangePasswordResponseSchema,
  AgentFileResponseSchema,
  AgentFileUsageResponseSchema,
  DeleteAgentFileResponseSchema,
  DirectUploadResponseSchema,
  ListAgentFilesResponseSchema,
  UploadResponseSchema,
  MetricsResponseSchema,
  EscalationResponseSchema,
  ListEscalationsResponseSchema,
  TourCompletionResponseSchema,
  ConversationResponseSchema,
  CreateApiKeyResponseSchema,
  CurrentUserResponseSchema,
  DeleteAgentResponseSchema,
  DeleteApiKeyResponseSchema,
  ErrorResponseSchema,
  ListAgentsResponseSchema,
  ListApiKeysResponseSchema,
  ListConversationsResponseSchema,
  SignOutResponseSchema,
  ListPhoneNumbersResponseSchema,
  PhoneNumberResponseSchema,
  DeletePhoneNumberResponseSchema,
  ListAvailablePhoneNumbersResponseSchema,
  DeleteIntegrationResponseSchema,
  IntegrationResponseSchema,
  ListIntegrationSchemasResponseSchema,
  ListIntegrationsResponseSchema,
  CampaignResponseSchema,
  ListCampaignsResponseSchema,
  ListVoicesResponseSchema,
  VoiceResponseSchema,
  ListAgentTemplatesResponseSchema,
  ListAgentBehavioursResponseSchema,
  AgentBehaviourResponseSchema,
  ListPricingSettingsResponseSchema,
  CommissionMarkupResponseSchema,
  OutcomeDefinitionOrNullResponseSchema,
  OutcomeDefinitionResponseSchema,
  ListAgentFunctionsResponseSchema,
} from 'voiceable-mock/schemas'
import { z } from 'zod'

/** The schema a response body must parse with, chosen by endpoint and status. */
export function schemaFor(endpoint: EndpointName, status: number): z.ZodType {
  if (status >= 400) return ErrorResponseSchema
  switch (endpoint) {
    case 'listApiKeys':
      return ListApiKeysResponseSchema
    case 'createApiKey':
      return CreateApiKeyResponseSchema
    case 'getApiKey':
    case 'updateApiKey':
      return ApiKeyResponseSchema
    case 'deleteApiKey':
      return DeleteApiKeyResponseSchema
    case 'signIn':
    case 'signUp':
      return AuthResponseSchema
    case 'signOut':
      return SignOutResponseSchema
    case 'getCurrentUser':
      return CurrentUserResponseSchema
    case 'listAgents':
      return ListAgentsResponseSchema
    case 'getAgent':
    case 'createAgent':
    case 'updateAgent':
      return AgentResponseSchema
    case 'deleteAgent':
      return DeleteAgentResponseSchema
    case 'publishAgent':
      return AgentResponseSchema
    case 'listPhoneNumbers':
      return ListPhoneNumbersResponseSchema
    case 'getPhoneNumber':
    case 'createPhoneNumber':
    case 'updatePhoneNumber':
      return PhoneNumberResponseSchema
    case 'deletePhoneNumber':
      return DeletePhoneNumberResponseSchema
    case 'listAccountPhoneNumbers':
    case 'listAvailablePhoneNumbers':
      return ListAvailablePhoneNumbersResponseSchema
    case 'listConversations':
      return ListConversationsResponseSchema
    case 'getConversation':
      return ConversationResponseSchema
    case 'listIntegrations':
      return ListIntegrationsResponseSchema
    case 'listIntegrationSchemas':
      return ListIntegrationSchemasResponseSchema
    case 'createIntegration':
    case 'getIntegration':
    case 'updateIntegration':
      return IntegrationResponseSchema
    case 'deleteIntegration':
      return DeleteIntegrationResponseSchema
    case 'listCampaigns':
      return ListCampaignsResponseSchema
    case 'createCampaign':
    case 'getCampaign':
      return CampaignResponseSchema
    case 'listVoices':
      return ListVoicesResponseSchema
    case 'getVoice':
      return VoiceResponseSchema
    case 'listAgentTemplates':
      return ListAgentTemplatesResponseSchema
    case 'listAgentBehaviours':
      return ListAgentBehavioursResponseSchema
    case 'getAgentBehaviour':
      return AgentBehaviourResponseSchema
    case 'listPricingSettings':
      return ListPricingSettingsResponseSchema
    case 'getCommissionMarkup':
      return CommissionMarkupResponseSchema
    case 'getOutcomeDefinition':
      return OutcomeDefinitionOrNullResponseSchema
    case 'createOutcomeDefinition':
    case 'updateOutcomeDefinition':
      return OutcomeDefinitionResponseSchema
    case 'listAgentFunctions':
      return ListAgentFunctionsResponseSchema
    case 'completeTour':
      return TourCompletionResponseSchema
    case 'changePassword':
      return ChangePasswordResponseSchema
    case 'listEscalations':
      return ListEscalationsResponseSchema
    case 'getEscalation':
    case 'updateEscalation':
      return EscalationResponseSchema
    case 'getMetrics':
      return MetricsResponseSchema
    case 'listAgentFiles':
      return ListAgentFilesResponseSchema
    case 'createAgentFile':
      return AgentFileResponseSchema
    case 'getAgentFileUsage':
      return AgentFileUsageResponseSchema
    case 'deleteAgentFile':
    case 'deleteAgentAgentFile':
      return DeleteAgentFileResponseSchema
    case 'createDirectUpload':
      return DirectUploadResponseSchema
    case 'uploadObject':
      return UploadResponseSchema
    case 'getConversationAudio':
      // The journal keeps what the WAV was, not its bytes (`RawReply`).
      return z.strictObject({ content_type: z.literal('audio/wav'), byte_length: z.number() })
    case 'unknownRoute':
      return ErrorResponseSchema
  }
}

/** Throws unless `body` parses with the wire schema of its endpoint and status. */
export function assertWireFormat(endpoint: EndpointName, status: number, body: unknown): void {
  const result = schemaFor(endpoint, status).safeParse(body)
  if (!result.success) {
    throw new Error(
      `${endpoint} ${status} response does not match the wire format: ${result.error.message}\n${JSON.stringify(body)}`,
    )
  }
}

/** Checks every response the mock has journaled (injected network errors have no body). */
export function assertJournalWireFormat(mock: VoiceableMock): void {
  for (const entry of mock.journal.entries()) assertEntry(entry)
}

function assertEntry(entry: JournalEntry): void {
  if (entry.status !== 0) assertWireFormat(entry.endpoint, entry.status, entry.response)
}
