import * as z from 'zod'
import { AGENTS_PAGE_SIZE } from './defaults.js'

/**
 * The wire format, as zod schemas: the single source of truth for every body the fake sends
 * or accepts. Types are inferred from the schema of the same name without the `Schema` suffix.
 */

/** `ISO 8601 UTC with a Z suffix and no fractional seconds`, as every documented example. */
const Timestamp = z.iso.datetime({ precision: 0 })

const Id = z.number().int().positive()

/** `private` (server-side, full access) or `public` (client-side SDK access). */
export const KeyTypeSchema = z.enum(['private', 'public'])
export type KeyType = z.infer<typeof KeyTypeSchema>

/** The `status` object that opens every response body. */
export const StatusSchema = z.strictObject({ code: z.number().int(), message: z.string() })
export type Status = z.infer<typeof StatusSchema>

/**
 * One API key as the API sends it, fields in the documented order. `key_value` is the secret
 * in the create response and `null` everywhere else.
 */
export const ApiKeySchema = z.strictObject({
  id: Id,
  key_type: KeyTypeSchema,
  name: z.string(),
  key_value: z.string().nullable(),
  allowed_origins: z.array(z.string()),
  allowed_assistants: z.array(z.string()),
  transient_assistant: z.boolean(),
  user_id: Id,
  user_email: z.string(),
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type ApiKey = z.infer<typeof ApiKeySchema>

/** An API key as read back (list, get, update): the secret is never included. */
const StoredApiKeySchema = ApiKeySchema.extend({ key_value: z.null() })
/** An API key with its secret: as created (the one time it is sent), and as the store keeps it. */
export const ApiKeyRecordSchema = ApiKeySchema.extend({ key_value: z.string().min(1) })
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>

/** `user`, `admin` or `enterprise` (the web app shows API keys to `enterprise` users only). */
export const RoleSchema = z.enum(['user', 'admin', 'enterprise'])
export type Role = z.infer<typeof RoleSchema>

/** A user's membership, as the web app types it (`AuthContext.tsx:7`). */
export const MembershipStatusSchema = z.enum([
  'trial',
  'active',
  'expired',
  'cancelled',
  'suspended',
  'free',
])
export type MembershipStatus = z.infer<typeof MembershipStatusSchema>

/**
 * A user as the API sends it (sign in, sign up, current user), fields in the order the web app
 * reads them (`AuthContext.tsx:115-133`). Never with a password.
 */
export const UserSchema = z.strictObject({
  id: Id,
  email: z.string(),
  role: RoleSchema,
  membership_status: MembershipStatusSchema,
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type User = z.infer<typeof UserSchema>

/** A user as the store and snapshots keep it: with the password (demo data, never sent). */
export const UserRecordSchema = UserSchema.extend({ password: z.string().min(1) })
export type UserRecord = z.infer<typeof UserRecordSchema>

/** A phone number attached to an agent, as the documented agent example shows it. */
export const PhoneNumberSchema = z.strictObject({
  id: Id,
  phone_number: z.string(),
  provider: z.string(),
  elevenlabs_phone_number_id: z.string(),
})
export type PhoneNumber = z.infer<typeof PhoneNumberSchema>

/** Agent ids are strings of positive integers in canonical form (documented example: `"123"`). */
export const AgentIdSchema = z.string().regex(/^[1-9]\d{0,15}$/)

const JsonObject = z.record(z.string(), z.unknown())

/**
 * One agent as the API sends it, fields in the documented order (reference §4.1).
 * `widget_config` comes after `platform_settings` once it has been set, and is absent before.
 */
export const AgentSchema = z.strictObject({
  id: AgentIdSchema,
  name: z.string(),
  tags: z.array(z.string()),
  conversation_config: JsonObject,
  platform_settings: JsonObject,
  widget_config: JsonObject.optional(),
  published: z.boolean(),
  published_at: Timestamp.nullable(),
  elevenlabs_agent_id: z.string(),
  version: z.number().int().positive(),
  phone_numbers: z.array(PhoneNumberSchema),
  user_id: Id,
  user_email: z.string(),
  created_at: Timestamp,
  updated_at: Timestamp,
})
export type Agent = z.infer<typeof AgentSchema>

/** `GET /api_keys` → 200. */
export const ListApiKeysResponseSchema = z.strictObject({
  status: StatusSchema,
  data: z.array(StoredApiKeySchema),
})
export type ListApiKeysResponse = z.infer<typeof ListApiKeysResponseSchema>

/** `GET /api_keys/{id}` → 200, and `PUT /api_keys/{id}` → 200. */
export const ApiKeyResponseSchema = z.strictObject({
  status: StatusSchema,
  data: StoredApiKeySchema,
})
export type ApiKeyResponse = z.infer<typeof ApiKeyResponseSchema>

/** `POST /api_keys` → 201. */
export const CreateApiKeyResponseSchema = z.strictObject({
  status: StatusSchema,
  data: ApiKeyRecordSchema,
})
export type CreateApiKeyResponse = z.infer<typeof CreateApiKeyResponseSchema>

/** `DELETE /api_keys/{id}` → 200: `status` only, no `data`. */
export const DeleteApiKeyResponseSchema = z.strictObject({ status: StatusSchema })
export type DeleteApiKeyResponse = z.infer<typeof DeleteApiKeyResponseSchema>

/** `POST /auth/sign_in` → 200 and `POST /auth/sign_up` → 201: the user, then the JWT. */
export const AuthResponseSchema = z.strictObject({
  status: StatusSchema,
  data: UserSchema,
  token: z.string(),
})
export type AuthResponse = z.infer<typeof AuthResponseSchema>

/** `DELETE /auth/sign_out` → 200: `status` only. */
export const SignOutResponseSchema = z.strictObject({ status: StatusSchema })
export type SignOutResponse = z.infer<typeof SignOutResponseSchema>

/** `GET /user/current` → 200. */
export const CurrentUserResponseSchema = z.strictObject({ status: StatusSchema, data: UserSchema })
export type CurrentUserResponse = z.infer<typeof CurrentUserResponseSchema>

/** `GET /agents` → 200: a page of agents, the filtered total and where the next page starts. */
export const ListAgentsResponseSchema = z.strictObject({
  status: StatusSchema,
  data: z.array(AgentSchema),
  total_count: z.number().int().nonnegative(),
  has_more: z.boolean(),
  next_offset: z.number().int().nonnegative().nullable(),
})
export type ListAgentsResponse = z.infer<typeof ListAgentsResponseSchema>

/** `GET /agents/{id}` → 200, `POST /agents` → 201 and `PUT /agents/{id}` → 200. */
export const AgentResponseSchema = z.strictObject({ status: StatusSchema, data: AgentSchema })
export type AgentResponse = z.infer<typeof AgentResponseSchema>

/** `DELETE /agents/{id}` → 200: `status` only, as documented. */
export const DeleteAgentResponseSchema = z.strictObject({ status: StatusSchema })
export type DeleteAgentResponse = z.infer<typeof DeleteAgentResponseSchema>

/**
 * Every error body: the documented generic envelope. `error` is a stable machine-readable code
 * (the real client copies it to `errorCode`), `errors` the problems in plain words.
 */
export const ErrorResponseSchema = z.strictObject({
  status: StatusSchema,
  error: z.string(),
  errors: z.array(z.string()),
  details: z.string().optional(),
})
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>

// ---------------------------------------------------------------------------------------------
// Request bodies. Messages are the plain-words sentences that end up in a 422's `errors`. The
// schemas validate the fields after strong parameters and the column casts (`permitFields`, with
// each endpoint's permit spec) and hold no transforms: they describe the wire format as it is.
// No length caps: the Rails columns have none (PostgreSQL `character varying` without a limit);
// the body size limit bounds every field.

const stringList = (label: string) => {
  const notList = `${label} must be an array of strings`
  return z.array(z.string({ error: notList }), { error: notList })
}

const Name = z
  .string({
    error: (issue) => (issue.input == null ? "Name can't be blank" : 'Name must be a string'),
  })
  .refine((name) => name.trim() !== '', "Name can't be blank")

/** The fields inside `{"api_key": {...}}` on create, once permitted and cast. */
export const CreateApiKeyFieldsSchema = z.object({
  name: Name,
  key_type: z.enum(['private', 'public'], {
    error: (issue) =>
      issue.input == null ? "Key type can't be blank" : "Key type must be 'private' or 'public'",
  }),
  allowed_origins: stringList('Allowed origins').optional(),
  allowed_assistants: stringList('Allowed assistants').optional(),
  transient_assistant: z.boolean({ error: 'Transient assistant must be true or false' }).optional(),
})
export type CreateApiKeyFields = z.infer<typeof CreateApiKeyFieldsSchema>

/** `POST /api_keys` request body. */
export const CreateApiKeyRequestSchema = z.object({ api_key: CreateApiKeyFieldsSchema })
export type CreateApiKeyRequest = z.input<typeof CreateApiKeyRequestSchema>

/**
 * The fields inside `{"api_key": {...}}` on update, once permitted and cast: only `name`,
 * `allowed_origins` and `allowed_assistants` are documented as updatable.
 */
export const UpdateApiKeyFieldsSchema = z.object({
  name: Name.optional(),
  allowed_origins: stringList('Allowed origins').optional(),
  allowed_assistants: stringList('Allowed assistants').optional(),
})
export type UpdateApiKeyFields = z.infer<typeof UpdateApiKeyFieldsSchema>

/** `PUT /api_keys/{id}` request body. */
export const UpdateApiKeyRequestSchema = z.object({ api_key: UpdateApiKeyFieldsSchema })
export type UpdateApiKeyRequest = z.input<typeof UpdateApiKeyRequestSchema>

/**
 * `POST /auth/sign_in` request body. Missing or non-string fields are not a 422 but the same 401
 * as a wrong password (Devise's `Invalid Email or password.`).
 */
export const SignInRequestSchema = z.object({
  user: z.object({ email: z.string(), password: z.string() }),
})
export type SignInRequest = z.input<typeof SignInRequestSchema>

/**
 * `POST /auth/sign_up` request body. The shape only: the endpoint validates it as Devise's
 * `validatable` does, in Devise's order, with the store's uniqueness check in the middle.
 */
export const SignUpRequestSchema = z.object({
  user: z.object({
    email: z.string(),
    password: z.string(),
    password_confirmation: z.string().optional(),
  }),
})
export type SignUpRequest = z.input<typeof SignUpRequestSchema>

/** A free-form JSON object (`conversation_config`, …), replaced as a whole on update. */
const agentConfig = (label: string) =>
  z.record(z.string(), z.unknown(), { error: `${label} must be a JSON object` })

const agentFields = {
  tags: stringList('Tags').optional(),
  conversation_config: agentConfig('Conversation config').optional(),
  platform_settings: agentConfig('Platform settings').optional(),
  widget_config: agentConfig('Widget config').optional(),
}

/** The fields inside `{"agent": {...}}` on create: `name` is required. Unknown fields are dropped. */
export const CreateAgentFieldsSchema = z.object({ name: Name, ...agentFields })
export type CreateAgentFields = z.infer<typeof CreateAgentFieldsSchema>

/** `POST /agents` request body. */
export const CreateAgentRequestSchema = z.object({ agent: CreateAgentFieldsSchema })
export type CreateAgentRequest = z.input<typeof CreateAgentRequestSchema>

/** The fields inside `{"agent": {...}}` on update, as documented; anything else is dropped. */
export const UpdateAgentFieldsSchema = z.object({ name: Name.optional(), ...agentFields })
export type UpdateAgentFields = z.infer<typeof UpdateAgentFieldsSchema>

/** `PUT /agents/{id}` request body. */
export const UpdateAgentRequestSchema = z.object({ agent: UpdateAgentFieldsSchema })
export type UpdateAgentRequest = z.input<typeof UpdateAgentRequestSchema>

const WHOLE_NUMBER = /^\d{1,15}$/

/**
 * `GET /agents` query parameters, as strings (a query has no other type). Every one is optional;
 * an empty value counts as absent.
 */
export const ListAgentsQuerySchema = z.object({
  search: z.string().optional(),
  page_size: z
    .string()
    .regex(
      /^[1-9]\d{0,2}$/,
      `Page size must be between ${AGENTS_PAGE_SIZE.min} and ${AGENTS_PAGE_SIZE.max}`,
    )
    .refine(
      (size) => Number(size) <= AGENTS_PAGE_SIZE.max,
      `Page size must be between ${AGENTS_PAGE_SIZE.min} and ${AGENTS_PAGE_SIZE.max}`,
    )
    .optional(),
  offset: z.string().regex(WHOLE_NUMBER, 'Offset must be a whole number of at least 0').optional(),
  cursor: z.string().regex(WHOLE_NUMBER, 'Cursor is not a valid cursor').optional(),
  sort_by: z
    .enum(['name', 'created_at'], { error: "Sort by must be 'name' or 'created_at'" })
    .optional(),
  sort_direction: z
    .enum(['asc', 'desc'], { error: "Sort direction must be 'asc' or 'desc'" })
    .optional(),
})
export type ListAgentsQuery = z.infer<typeof ListAgentsQuerySchema>
