/**
 * voiceable-mock: the public surface. Everything a user may import is named here; anything not
 * listed is internal and may change without notice. This entry is platform-neutral: it imports
 * only the `msw` root (never `msw/node` or `msw/browser`) and no `node:` modules.
 *
 * Architecture: one list of resources (`resources/`) → one endpoint table → one transport-neutral
 * core (`pipeline/core.ts`: plain request in, plain answer out) → thin adapters
 * (`adapters/msw.ts`, `adapters/fetch.ts`, and the demo server in `node/server.ts`).
 * The wire format's zod schemas are the `voiceable-mock/schemas` entry (`schemas.ts`).
 */

// The fake
export { createVoiceableMock } from './mock.js'
export type { VoiceableMock, VoiceableMockOptions } from './mock.js'

// Where the fake answers when no `baseUrl` is given
export { DEFAULT_BASE_URLS } from './defaults.js'
export type { PublicKeyAccess } from './defaults.js'

// Scenarios: their names, the request header that switches them, and a page URL's choice
export { SCENARIOS, SCENARIO_HEADER, scenarioFromUrl } from './store/scenario-names.js'
export type { Scenario } from './store/scenario-names.js'

// Snapshots: `mock.snapshot()` writes one; `restore` and the `snapshot` option throw this on a bad one
export { SnapshotError } from './store/snapshot.js'
export type { Snapshot } from './store/snapshot.js'

// Messages and codes, for assertions; the secret every documented request example sends
export { ERROR_MESSAGES, ERROR_STATUS, SIGN_UP_MESSAGES, SUCCESS_MESSAGES } from './messages.js'
export type { ErrorCode } from './messages.js'
export { DOCUMENTED_KEY_VALUE } from './resources/api-keys/documented.js'

// Wire types (their zod schemas: `voiceable-mock/schemas`)
export type {
  Agent,
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
  KeyType,
  ListAgentsQuery,
  ListAgentsResponse,
  ListApiKeysResponse,
  MembershipStatus,
  Role,
  SignInRequest,
  SignOutResponse,
  SignUpRequest,
  Status,
  UpdateAgentRequest,
  UpdateApiKeyRequest,
  User,
} from './schemas.js'

// Types of the members of a mock: its store, journal, faults and handlers
export type { VoiceableStore } from './store/store.js'
export type { CreatedUser, CreateUserInit, UserSummary } from './resources/accounts/store.js'
export type { RevealOptions } from './resources/api-keys/store.js'
export type { Principal } from './pipeline/principal.js'
export type { JournalEntry, JournalQuery, RequestJournal } from './toolkit/journal.js'
export type { Fault, FaultControls, FaultScope } from './toolkit/faults.js'
export type { HandlerRecord } from './adapters/msw.js'
export type { EndpointName } from './resources/index.js'

// Deliberately not exported:
// - the other defaults, scenario sizes and format strings: documented in tables (docs/), not
//   promised as constants;
// - the builders behind the mock (`createStore`, `parseSnapshot`, the snapshot schema): use
//   `createVoiceableMock`, `mock.store`, `mock.snapshot()` and `mock.restore()`;
// - the resource list, the endpoint table, the core, credential parsing and the JWT signer: use
//   the handlers, `mock.fetch` and `store.issueToken`.
