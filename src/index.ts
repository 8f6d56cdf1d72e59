/**
 * voiceable-mock: the public surface. Everything a user may import is named here; anything not
 * listed is internal and may change without notice. This entry is platform-neutral: it imports
 * only the `msw` root (never `msw/node` or `msw/browser`) and no `node:` modules.
 *
 * Architecture: one endpoint table (`endpoints/`) → one transport-neutral core (`core.ts`: plain
 * request in, plain answer out) → thin adapters (`adapters/msw.ts`, `adapters/fetch.ts`, and the
 * demo server in `node/server.ts`).
 */

// The fake
export { createVoiceableMock } from './mock.js'
export type { VoiceableMock, VoiceableMockOptions } from './mock.js'

// Test-author toolkit: request journal and fault injection
export { JOURNAL_MAX_ENTRIES, JOURNAL_WITHHELD_BODY, maskSecret } from './journal.js'
export type { JournalEntry, JournalQuery, RequestJournal } from './journal.js'
export type { Fault, FaultControls, FaultScope } from './faults.js'

// The store, for building data outside the handlers
export { createStore } from './store.js'
export type {
  CreatedUser,
  CreateUserInit,
  Principal,
  RevealOptions,
  StoreOptions,
  UserSummary,
  VoiceableStore,
} from './store.js'

// Scenarios and snapshots
export {
  SCENARIOS,
  SCENARIO_HEADER,
  SCENARIO_QUERY_PARAMETER,
  MANY_KEYS_COUNT,
  MULTI_TENANT_USERS,
  MULTI_TENANT_KEYS_PER_USER,
  GENERATED_AGENTS_PER_USER,
  MULTI_TENANT_AGENTS_PER_USER,
  isScenario,
  scenarioFromUrl,
} from './scenarios.js'
export type { Scenario } from './scenarios.js'
export { SNAPSHOT_FORMAT, SnapshotSchema, SnapshotError, parseSnapshot } from './snapshot.js'
export type { Snapshot } from './snapshot.js'

// Wire format: zod schemas and the types inferred from them
export {
  ApiKeySchema,
  ApiKeyResponseSchema,
  CreateApiKeyRequestSchema,
  CreateApiKeyResponseSchema,
  DeleteApiKeyResponseSchema,
  ErrorResponseSchema,
  KeyTypeSchema,
  ListApiKeysResponseSchema,
  StatusSchema,
  UpdateApiKeyRequestSchema,
} from './schemas.js'
export type {
  ApiKey,
  ApiKeyResponse,
  CreateApiKeyRequest,
  CreateApiKeyResponse,
  DeleteApiKeyResponse,
  ErrorResponse,
  KeyType,
  ListApiKeysResponse,
  Status,
  UpdateApiKeyRequest,
} from './schemas.js'

// Wire format of accounts (sign in, sign up, current user) and agents
export {
  AgentResponseSchema,
  AgentSchema,
  AuthResponseSchema,
  CreateAgentRequestSchema,
  CurrentUserResponseSchema,
  DeleteAgentResponseSchema,
  ListAgentsQuerySchema,
  ListAgentsResponseSchema,
  MembershipStatusSchema,
  RoleSchema,
  SignInRequestSchema,
  SignOutResponseSchema,
  SignUpRequestSchema,
  UpdateAgentRequestSchema,
  UserSchema,
} from './schemas.js'
export type {
  Agent,
  AgentResponse,
  AuthResponse,
  CreateAgentRequest,
  CurrentUserResponse,
  DeleteAgentResponse,
  ListAgentsQuery,
  ListAgentsResponse,
  MembershipStatus,
  Role,
  SignInRequest,
  SignOutResponse,
  SignUpRequest,
  UpdateAgentRequest,
  User,
} from './schemas.js'

// Messages, codes and built-in data, for assertions
export { ERROR_MESSAGES, ERROR_STATUS, SIGN_UP_MESSAGES, SUCCESS_MESSAGES } from './envelope.js'
export type { ErrorCode } from './envelope.js'
export type { HandlerRecord } from './adapters/msw.js'
export { ENDPOINT_NAMES } from './endpoints/table.js'
export type { EndpointName } from './endpoints/table.js'
export {
  DOCUMENTED_AGENT,
  DOCUMENTED_API_KEY,
  DOCUMENTED_KEY_VALUE,
  DOCUMENTED_USER,
} from './documented-data.js'

// Every choice the docs leave open (see the README's fidelity section)
export {
  AGENTS_DEFAULT_SORT,
  AGENTS_PAGE_SIZE,
  CLIENT_DEVELOPMENT_BASE_URL,
  DEFAULT_BASE_URLS,
  DEFAULT_MEMBERSHIP_STATUS,
  DEFAULT_PASSWORD,
  DEFAULT_PUBLIC_KEY_ACCESS,
  DEFAULT_RATE_LIMIT,
  DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
  DEFAULT_REF_DATE,
  DEFAULT_ROLE,
  DEFAULT_SEED,
  DEFAULT_TOKEN_TTL_SECONDS,
  DOCUMENTED_BASE_URL,
  DOCUMENTED_DEVELOPMENT_BASE_URL,
  MAX_BODY_BYTES,
  PASSWORD_LENGTH,
  REAL_BACKEND_BASE_URL,
  SIGN_UP_MEMBERSHIP_STATUS,
  SIGN_UP_ROLE,
} from './defaults.js'
export type { PublicKeyAccess } from './defaults.js'

// Deliberately not exported: the endpoint table, the core, credential parsing and the JWT signer
// are internals; use `store.issueToken`, the handlers and `mock.fetch` instead.
