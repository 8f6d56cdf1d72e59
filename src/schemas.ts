/**
 * voiceable-mock/schemas: the wire format as zod schemas, the single source of truth for every
 * body the fake sends or accepts, and the types inferred from them (each type is named after its
 * schema without the `Schema` suffix). The root entry re-exports the types only.
 */

// The envelope every response shares
export { ErrorResponseSchema, StatusSchema } from './pipeline/wire.js'
export type { ErrorResponse, Status } from './pipeline/wire.js'

// API keys (reference §3)
export {
  ApiKeyResponseSchema,
  ApiKeySchema,
  CreateApiKeyRequestSchema,
  CreateApiKeyResponseSchema,
  DeleteApiKeyResponseSchema,
  KeyTypeSchema,
  ListApiKeysResponseSchema,
  UpdateApiKeyRequestSchema,
} from './resources/api-keys/schemas.js'
export type {
  ApiKey,
  ApiKeyResponse,
  CreateApiKeyRequest,
  CreateApiKeyResponse,
  DeleteApiKeyResponse,
  KeyType,
  ListApiKeysResponse,
  UpdateApiKeyRequest,
} from './resources/api-keys/schemas.js'

// Accounts: sign in, sign up, sign out, the current user
export {
  AuthResponseSchema,
  ChangePasswordRequestSchema,
  ChangePasswordResponseSchema,
  CurrentUserResponseSchema,
  CurrentUserSchema,
  MembershipStatusSchema,
  RoleSchema,
  SignInRequestSchema,
  SignOutResponseSchema,
  SignUpRequestSchema,
  TourCompletionResponseSchema,
  UserSchema,
} from './resources/accounts/schemas.js'
export type {
  AuthResponse,
  ChangePasswordRequest,
  CurrentUser,
  CurrentUserResponse,
  MembershipStatus,
  Role,
  SignInRequest,
  SignOutResponse,
  SignUpRequest,
  User,
} from './resources/accounts/schemas.js'

// Agents (reference §4.1)
export {
  AgentResponseSchema,
  AgentSchema,
  CreateAgentRequestSchema,
  DeleteAgentResponseSchema,
  ListAgentsQuerySchema,
  ListAgentsResponseSchema,
  UpdateAgentRequestSchema,
} from './resources/agents/schemas.js'
export type {
  Agent,
  AgentResponse,
  CreateAgentRequest,
  DeleteAgentResponse,
  ListAgentsQuery,
  ListAgentsResponse,
  UpdateAgentRequest,
} from './resources/agents/schemas.js'

// Phone numbers (real-client evidence; the docs show them inside an agent)
export {
  AgentPhoneNumberSchema,
  AvailablePhoneNumberSchema,
  AvailablePhoneNumbersQuerySchema,
  CreatePhoneNumberRequestSchema,
  DeletePhoneNumberResponseSchema,
  ListAvailablePhoneNumbersResponseSchema,
  ListPhoneNumbersResponseSchema,
  PhoneNumberResponseSchema,
  PhoneNumberSchema,
  UpdatePhoneNumberRequestSchema,
} from './resources/phone-numbers/schemas.js'
export type {
  AgentPhoneNumber,
  AvailablePhoneNumber,
  CreatePhoneNumberRequest,
  DeletePhoneNumberResponse,
  AvailablePhoneNumbersQuery,
  ListAvailablePhoneNumbersResponse,
  ListPhoneNumbersResponse,
  PhoneNumber,
  PhoneNumberResponse,
  UpdatePhoneNumberRequest,
} from './resources/phone-numbers/schemas.js'
// Conversations (reference §4.3)
export {
  ConversationAudioSchema,
  ConversationListItemSchema,
  ConversationMessageSchema,
  ConversationResponseSchema,
  ConversationSchema,
  ListConversationsQuerySchema,
  ListConversationsResponseSchema,
} from './resources/conversations/schemas.js'
export type {
  Conversation,
  ConversationListItem,
  ConversationMessage,
  ConversationResponse,
  ListConversationsQuery,
  ListConversationsResponse,
} from './resources/conversations/schemas.js'
// Integrations (reference §4.2)
export {
  CreateIntegrationRequestSchema,
  DeleteIntegrationResponseSchema,
  IntegrationResponseSchema,
  IntegrationSchema,
  IntegrationTypeInfoSchema,
  IntegrationTypeSchema,
  ListIntegrationSchemasResponseSchema,
  ListIntegrationsResponseSchema,
  UpdateIntegrationRequestSchema,
} from './resources/integrations/schemas.js'
export type {
  CreateIntegrationRequest,
  DeleteIntegrationResponse,
  Integration,
  IntegrationResponse,
  IntegrationType,
  IntegrationTypeInfo,
  ListIntegrationSchemasResponse,
  ListIntegrationsResponse,
  UpdateIntegrationRequest,
} from './resources/integrations/schemas.js'

// Campaigns (reference §4.4)
export {
  CampaignResponseSchema,
  CampaignSchema,
  CreateCampaignRequestSchema,
  ListCampaignsQuerySchema,
  ListCampaignsResponseSchema,
} from './resources/campaigns/schemas.js'
export type {
  Campaign,
  CampaignResponse,
  CreateCampaignRequest,
  ListCampaignsQuery,
  ListCampaignsResponse,
} from './resources/campaigns/schemas.js'
// Voices (real-client evidence)
export {
  ListVoicesQuerySchema,
  ListVoicesResponseSchema,
  VoiceResponseSchema,
  VoiceSchema,
} from './resources/voices/schemas.js'
export type {
  ListVoicesQuery,
  ListVoicesResponse,
  Voice,
  VoiceResponse,
} from './resources/voices/schemas.js'
// Agent templates and behaviours (real-client evidence)
export {
  AgentTemplateSchema,
  ListAgentTemplatesResponseSchema,
} from './resources/agent-templates/schemas.js'
export type {
  AgentTemplate,
  ListAgentTemplatesResponse,
} from './resources/agent-templates/schemas.js'
export {
  AgentBehaviourResponseSchema,
  AgentBehaviourSchema,
  AgentBehaviourSectionSchema,
  ListAgentBehavioursResponseSchema,
} from './resources/agent-behaviours/schemas.js'
export type {
  AgentBehaviour,
  AgentBehaviourResponse,
  ListAgentBehavioursResponse,
} from './resources/agent-behaviours/schemas.js'
// Pricing settings (real-client evidence)
export {
  CommissionMarkupResponseSchema,
  ListPricingSettingsQuerySchema,
  ListPricingSettingsResponseSchema,
  PricingSettingSchema,
} from './resources/pricing-settings/schemas.js'
export type {
  CommissionMarkupResponse,
  ListPricingSettingsQuery,
  ListPricingSettingsResponse,
  PricingSetting,
} from './resources/pricing-settings/schemas.js'
// Outcome definitions and agent functions, under /agents/{id} (real-client evidence)
export {
  CreateOutcomeDefinitionRequestSchema,
  OutcomeDefinitionOrNullResponseSchema,
  OutcomeDefinitionResponseSchema,
  OutcomeDefinitionSchema,
  UpdateOutcomeDefinitionRequestSchema,
} from './resources/outcome-definitions/schemas.js'
export type {
  CreateOutcomeDefinitionRequest,
  OutcomeDefinition,
  OutcomeDefinitionOrNullResponse,
  OutcomeDefinitionResponse,
  UpdateOutcomeDefinitionRequest,
} from './resources/outcome-definitions/schemas.js'
export {
  AgentFunctionSchema,
  IntegrationFunctionSchema,
  ListAgentFunctionsResponseSchema,
} from './resources/agent-functions/schemas.js'
export type {
  AgentFunction,
  IntegrationFunction,
  ListAgentFunctionsResponse,
} from './resources/agent-functions/schemas.js'
// Escalations (real-client evidence: the web app's `/escalations` screen)
export {
  EscalationResponseSchema,
  EscalationSchema,
  HandoffStatusSchema,
  ListEscalationsQuerySchema,
  ListEscalationsResponseSchema,
  UpdateEscalationRequestSchema,
} from './resources/escalations/schemas.js'
export type {
  Escalation,
  EscalationResponse,
  HandoffStatus,
  ListEscalationsQuery,
  ListEscalationsResponse,
  UpdateEscalationRequest,
} from './resources/escalations/schemas.js'
// Metrics (real-client evidence: the web app's `/overview` screen)
export {
  MetricsQuerySchema,
  MetricsResponseSchema,
  MetricsSchema,
  PeriodMetricsSchema,
} from './resources/metrics/schemas.js'
export type {
  Metrics,
  MetricsQuery,
  MetricsResponse,
  PeriodMetrics,
} from './resources/metrics/schemas.js'
// Knowledge-base files and the upload URL (real-client evidence: the web app's `/files` screen)
export {
  AgentFileResponseSchema,
  AgentFileSchema,
  AgentFileUsageResponseSchema,
  CreateAgentFileRequestSchema,
  DeleteAgentFileResponseSchema,
  DirectUploadRequestSchema,
  DirectUploadResponseSchema,
  ListAgentFilesResponseSchema,
  UploadResponseSchema,
} from './resources/agent-files/schemas.js'
export type {
  AgentFile,
  AgentFileResponse,
  AgentFileUsageResponse,
  CreateAgentFileRequest,
  DirectUploadRequest,
  DirectUploadResponse,
  ListAgentFilesResponse,
} from './resources/agent-files/schemas.js'
