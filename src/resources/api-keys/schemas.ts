/** API keys on the wire, as documented (reference §3): the key, its bodies and their requests. */
import * as z from 'zod'
import { envelopeOf, statusOnly } from '../../pipeline/wire.js'
import { Id, presentText, stringList, Timestamp } from '../../pipeline/wire.js'

/** `private` (server-side, full access) or `public` (client-side SDK access). */
export const KeyTypeSchema = z.enum(['private', 'public'])

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

/** An API key as read back (list, get, update): the secret is never included. */
export const StoredApiKeySchema = ApiKeySchema.extend({ key_value: z.null() })
/** An API key with its secret: as created (the one time it is sent), and as the store keeps it. */
export const ApiKeyRecordSchema = ApiKeySchema.extend({ key_value: z.string().min(1) })

/** `GET /api_keys` → 200. */
export const ListApiKeysResponseSchema = envelopeOf(z.array(StoredApiKeySchema))

/** `GET /api_keys/{id}` → 200, and `PUT /api_keys/{id}` → 200. */
export const ApiKeyResponseSchema = envelopeOf(StoredApiKeySchema)

/** `POST /api_keys` → 201. */
export const CreateApiKeyResponseSchema = envelopeOf(ApiKeyRecordSchema)

/** `DELETE /api_keys/{id}` → 200: `status` only, no `data`. */
export const DeleteApiKeyResponseSchema = statusOnly()

/** The fields inside `{"api_key": {...}}` on create, once permitted and cast. */
export const CreateApiKeyFieldsSchema = z.object({
  name: presentText('Name'),
  key_type: z.enum(['private', 'public'], {
    error: (issue) =>
      issue.input == null ? "Key type can't be blank" : "Key type must be 'private' or 'public'",
  }),
  allowed_origins: stringList('Allowed origins').optional(),
  allowed_assistants: stringList('Allowed assistants').optional(),
  transient_assistant: z.boolean({ error: 'Transient assistant must be true or false' }).optional(),
})

/** `POST /api_keys` request body. */
export const CreateApiKeyRequestSchema = z.object({ api_key: CreateApiKeyFieldsSchema })

/**
 * The fields inside `{"api_key": {...}}` on update, once permitted and cast: only `name`,
 * `allowed_origins` and `allowed_assistants` are documented as updatable.
 */
export const UpdateApiKeyFieldsSchema = z.object({
  name: presentText('Name').optional(),
  allowed_origins: stringList('Allowed origins').optional(),
  allowed_assistants: stringList('Allowed assistants').optional(),
})

/** `PUT /api_keys/{id}` request body. */
export const UpdateApiKeyRequestSchema = z.object({ api_key: UpdateApiKeyFieldsSchema })

// The types, each inferred from the schema of its name.
export type KeyType = z.infer<typeof KeyTypeSchema>
export type ApiKey = z.infer<typeof ApiKeySchema>
export type ApiKeyRecord = z.infer<typeof ApiKeyRecordSchema>
export type ListApiKeysResponse = z.infer<typeof ListApiKeysResponseSchema>
export type ApiKeyResponse = z.infer<typeof ApiKeyResponseSchema>
export type CreateApiKeyResponse = z.infer<typeof CreateApiKeyResponseSchema>
export type DeleteApiKeyResponse = z.infer<typeof DeleteApiKeyResponseSchema>
export type CreateApiKeyFields = z.infer<typeof CreateApiKeyFieldsSchema>
export type CreateApiKeyRequest = z.input<typeof CreateApiKeyRequestSchema>
export type UpdateApiKeyFields = z.infer<typeof UpdateApiKeyFieldsSchema>
export type UpdateApiKeyRequest = z.input<typeof UpdateApiKeyRequestSchema>
