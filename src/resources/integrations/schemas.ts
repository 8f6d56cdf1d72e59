/** Integrations on the wire (reference §4.2), as the docs and the web app show them. */
import * as z from 'zod'
import { Id, StatusSchema, Timestamp } from '../../pipeline/wire.js'
import { INTEGRATION_TYPES } from './catalogue.js'

/** What an integration is of: one of the catalogue's types (`elevenlabs`, `openai`, …). */
export const IntegrationTypeSchema = z.enum(INTEGRATION_TYPES)
export type IntegrationType = z.infer<typeof IntegrationTypeSchema>

/**
 * One config field as a type's `schema` describes it. The documented types keep the documented
 * `{type: "string", description}`; the web app's types say what its form needs: a widget `type`
 * (`text`, `password`, `url`, `email`, `select`, `number`), a `label`, help and a placeholder.
 */
export const ConfigFieldSchema = z.strictObject({
  type: z.string(),
  label: z.string().optional(),
  description: z.string().optional(),
  placeholder: z.string().optional(),
})

/** An integration's `schema`: the fields its type requires and accepts, and each one's config. */
export const ConfigSchemaSchema = z.strictObject({
  required: z.array(z.string()),
  optional: z.array(z.string()),
  fields: z.record(z.string(), ConfigFieldSchema),
})

/** A config value: text (the web app sends text only) or a number. */
const ConfigValue = z.union([z.string(), z.number()])

/** An integration's `config` as read: its type's fields, secrets masked (`"sk_***"`). */
export const IntegrationConfigSchema = z.record(z.string(), ConfigValue)
export type IntegrationConfig = z.infer<typeof IntegrationConfigSchema>

/** The fields every owned record ends with, in the documented order. */
const OWNERSHIP = {
  user_id: Id,
  user_email: z.string(),
  created_at: Timestamp,
  updated_at: Timestamp,
}

/**
 * One integration as the API sends it, fields in the documented order (reference §4.2): its
 * secrets masked, and the `schema` of its type.
 */
export const IntegrationSchema = z.strictObject({
  id: Id,
  integration_type: IntegrationTypeSchema,
  config: IntegrationConfigSchema,
  schema: ConfigSchemaSchema,
  ...OWNERSHIP,
})
export type Integration = z.infer<typeof IntegrationSchema>

/** An integration as the store keeps it: secrets in clear, no `schema` (its type's, read from the catalogue). */
export const IntegrationRecordSchema = IntegrationSchema.omit({ schema: true })
export type IntegrationRecord = z.infer<typeof IntegrationRecordSchema>

/** One item of `GET /integrations/schemas`: a type, its fields, and `auth_type` for OAuth types. */
export const IntegrationTypeInfoSchema = z.strictObject({
  type: IntegrationTypeSchema,
  ...ConfigSchemaSchema.shape,
  auth_type: z.enum(['oauth', 'api_key']).optional(),
})
export type IntegrationTypeInfo = z.infer<typeof IntegrationTypeInfoSchema>

/** A success body: `status`, then `data`. */
const withStatus = <Data extends z.ZodType>(data: Data) =>
  z.strictObject({ status: StatusSchema, data })

/** `GET /integrations` → 200: the caller's integrations. */
export const ListIntegrationsResponseSchema = withStatus(z.array(IntegrationSchema))
export type ListIntegrationsResponse = z.infer<typeof ListIntegrationsResponseSchema>

/** `GET /integrations/schemas` → 200: every type the fake knows. */
export const ListIntegrationSchemasResponseSchema = withStatus(z.array(IntegrationTypeInfoSchema))
export type ListIntegrationSchemasResponse = z.infer<typeof ListIntegrationSchemasResponseSchema>

/** `GET /integrations/{type}` → 200, `POST /integrations` → 201 and `PUT /integrations/{type}` → 200. */
export const IntegrationResponseSchema = withStatus(IntegrationSchema)
export type IntegrationResponse = z.infer<typeof IntegrationResponseSchema>

/** `DELETE /integrations/{type}` → 200: `status` only, as every delete. */
export const DeleteIntegrationResponseSchema = z.strictObject({ status: StatusSchema })
export type DeleteIntegrationResponse = z.infer<typeof DeleteIntegrationResponseSchema>

/** A config as sent: each field's value, or `null` (or blank text) to clear an optional one. */
const SentConfigSchema = z.record(z.string(), ConfigValue.nullable())

/** A request body: the fields inside `{"integration": {...}}`, as Rails' `params.require`. */
const wrapped = <Fields extends z.ZodType>(fields: Fields) => z.object({ integration: fields })

/**
 * The fields inside `{"integration": {...}}` on create: both required (docs). The config keeps
 * its type's fields only; each required one must be present and not blank.
 */
export const CreateIntegrationFieldsSchema = z.object({
  integration_type: IntegrationTypeSchema,
  config: SentConfigSchema,
})
export type CreateIntegrationFields = z.infer<typeof CreateIntegrationFieldsSchema>

/** `POST /integrations` request body. */
export const CreateIntegrationRequestSchema = wrapped(CreateIntegrationFieldsSchema)
export type CreateIntegrationRequest = z.input<typeof CreateIntegrationRequestSchema>

/**
 * The fields inside `{"integration": {...}}` on update: `config`, merged into the stored one
 * key by key (the web app sends only the keys that changed, or `{}`).
 */
export const UpdateIntegrationFieldsSchema = z.object({ config: SentConfigSchema.optional() })
export type UpdateIntegrationFields = z.infer<typeof UpdateIntegrationFieldsSchema>

/** `PUT /integrations/{type}` request body. */
export const UpdateIntegrationRequestSchema = wrapped(UpdateIntegrationFieldsSchema)
export type UpdateIntegrationRequest = z.input<typeof UpdateIntegrationRequestSchema>
