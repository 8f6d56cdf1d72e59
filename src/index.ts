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

// Scenarios: their names, the request header that switches them, and a page URL's choice
export { SCENARIOS, SCENARIO_HEADER, scenarioFromUrl } from './scenarios.js'
export type { Scenario } from './scenarios.js'

// Snapshots: `mock.snapshot()` writes one; `restore` and the `snapshot` option throw this on a bad one
export { SnapshotError } from './snapshot.js'
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

// Messages and codes, for assertions; the secret every documented request example sends
export { ERROR_MESSAGES, ERROR_STATUS, SIGN_UP_MESSAGES, SUCCESS_MESSAGES } from './envelope.js'
export type { ErrorCode } from './envelope.js'
export { DOCUMENTED_KEY_VALUE } from './documented-data.js'

// Types of the members of a mock: its store, journal, faults and handlers
export type {
  CreatedUser,
  CreateUserInit,
  Principal,
  RevealOptions,
  UserSummary,
  VoiceableStore,
} from './store.js'
export type { JournalEntry, JournalQuery, RequestJournal } from './journal.js'
export type { Fault, FaultControls, FaultScope } from './faults.js'
export type { HandlerRecord } from './adapters/msw.js'
export type { EndpointName } from './endpoints/table.js'
export type { PublicKeyAccess } from './defaults.js'

// Deliberately not exported:
// - the defaults, scenario sizes and format strings: documented in tables (README), not promised
//   as constants;
// - the builders behind the mock (`createStore`, `parseSnapshot`, the snapshot schema): use
//   `createVoiceableMock`, `mock.store`, `mock.snapshot()` and `mock.restore()`;
// - the endpoint table, the core, credential parsing and the JWT signer: use the handlers,
//   `mock.fetch` and `store.issueToken`.
