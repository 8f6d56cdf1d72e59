import * as root from 'voiceable-mock'
import * as node from 'voiceable-mock/node'
import * as schemas from 'voiceable-mock/schemas'
import { expect, it } from 'vitest'

// The public surface, value by value: each one is a promise to keep (CHANGELOG.md says what
// 0.2.0 removed). Types are pinned in public-api.test-d.ts.

it('exports exactly these values from voiceable-mock', () => {
  expect(Object.keys(root).sort()).toEqual(
    [
      'createVoiceableMock',
      'DEFAULT_BASE_URLS',
      'scenarioFromUrl',
      'SCENARIOS',
      'SCENARIO_HEADER',
      'SnapshotError',
      'ERROR_MESSAGES',
      'ERROR_STATUS',
      'SIGN_UP_MESSAGES',
      'SUCCESS_MESSAGES',
      'DOCUMENTED_KEY_VALUE',
    ].sort(),
  )
})

// 0.3.0 moved the wire schemas from the root entry to `voiceable-mock/schemas` (CHANGELOG.md):
// the same schemas, by the same names.
it('exports exactly these wire schemas from voiceable-mock/schemas', () => {
  expect(Object.keys(schemas).sort()).toEqual(
    [
      'ApiKeySchema',
      'ApiKeyResponseSchema',
      'CreateApiKeyRequestSchema',
      'CreateApiKeyResponseSchema',
      'DeleteApiKeyResponseSchema',
      'ErrorResponseSchema',
      'KeyTypeSchema',
      'ListApiKeysResponseSchema',
      'StatusSchema',
      'UpdateApiKeyRequestSchema',
      'AgentResponseSchema',
      'AgentSchema',
      'AuthResponseSchema',
      'CreateAgentRequestSchema',
      'CurrentUserResponseSchema',
      'DeleteAgentResponseSchema',
      'ListAgentsQuerySchema',
      'ListAgentsResponseSchema',
      'MembershipStatusSchema',
      'RoleSchema',
      'SignInRequestSchema',
      'SignOutResponseSchema',
      'SignUpRequestSchema',
      'UpdateAgentRequestSchema',
      'UserSchema',
      'CurrentUserSchema',
      'ChangePasswordRequestSchema',
      'ChangePasswordResponseSchema',
      'TourCompletionResponseSchema',
      'ConversationAudioSchema',
      'EscalationResponseSchema',
      'EscalationSchema',
      'HandoffStatusSchema',
      'ListEscalationsQuerySchema',
      'ListEscalationsResponseSchema',
      'UpdateEscalationRequestSchema',
      'MetricsQuerySchema',
      'MetricsResponseSchema',
      'MetricsSchema',
      'PeriodMetricsSchema',
      'AgentFileResponseSchema',
      'AgentFileSchema',
      'AgentFileUsageResponseSchema',
      'CreateAgentFileRequestSchema',
      'DeleteAgentFileResponseSchema',
      'DirectUploadRequestSchema',
      'DirectUploadResponseSchema',
      'ListAgentFilesResponseSchema',
      'UploadResponseSchema',
      'AgentPhoneNumberSchema',
      'AvailablePhoneNumberSchema',
      'AvailablePhoneNumbersQuerySchema',
      'CreatePhoneNumberRequestSchema',
      'DeletePhoneNumberResponseSchema',
      'ListAvailablePhoneNumbersResponseSchema',
      'ListPhoneNumbersResponseSchema',
      'PhoneNumberResponseSchema',
      'PhoneNumberSchema',
      'UpdatePhoneNumberRequestSchema',
      'ConversationListItemSchema',
      'ConversationMessageSchema',
      'ConversationResponseSchema',
      'ConversationSchema',
      'ListConversationsQuerySchema',
      'ListConversationsResponseSchema',
      'CreateIntegrationRequestSchema',
      'DeleteIntegrationResponseSchema',
      'IntegrationResponseSchema',
      'IntegrationSchema',
      'IntegrationTypeInfoSchema',
      'IntegrationTypeSchema',
      'ListIntegrationSchemasResponseSchema',
      'ListIntegrationsResponseSchema',
      'UpdateIntegrationRequestSchema',
    ].sort(),
  )
})

it('exports exactly startMockServer and connectMockServer from voiceable-mock/node', () => {
  expect(Object.keys(node).sort()).toEqual(['connectMockServer', 'startMockServer'])
})
