/**
 * The parts of the wire format every resource shares, as zod schemas: the envelope's `status`,
 * the error body, timestamps, ids, and the field rules Rails words the same way for every model.
 * Types are inferred from the schema of the same name without the `Schema` suffix.
 */
import * as z from 'zod'

/** `ISO 8601 UTC with a Z suffix and no fractional seconds`, as every documented example. */
export const Timestamp = z.iso.datetime({ precision: 0 })

/** An integer record id (API keys, users, integrations, campaigns, phone numbers). */
export const Id = z.number().int().positive()

/** The `status` object that opens every response body. */
export const StatusSchema = z.strictObject({ code: z.number().int(), message: z.string() })
export type Status = z.infer<typeof StatusSchema>

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

/** A success body: `status`, then `data`, then any other fields (`total_count`, `token`). */
export function envelopeOf<
  Data extends z.ZodType,
  Extra extends z.ZodRawShape = Record<never, never>,
>(data: Data, extra?: Extra) {
  return z.strictObject({ status: StatusSchema, data, ...(extra as Extra) })
}

/** A success body of `status` only: what deletes and sign-out answer. */
export function statusOnly() {
  return z.strictObject({ status: StatusSchema })
}

/** A free-form JSON object (an agent's `conversation_config`, an integration's `config`). */
export const JsonObject = z.record(z.string(), z.unknown())

// ---------------------------------------------------------------------------------------------
// Request fields. Messages are the plain-words sentences that end up in a 422's `errors`, in
// Rails' full-message form. The schemas validate fields after strong parameters and the column
// casts (`strong-params.ts`) and hold no transforms: they describe the wire format as it is. No
// length caps: the Rails columns have none; the body size limit bounds every field.

/** An array of strings, or the 422 `<Label> must be an array of strings`. */
export function stringList(label: string) {
  const notList = `${label} must be an array of strings`
  return z.array(z.string({ error: notList }), { error: notList })
}

/** A required text field that must not be blank: `Name can't be blank`. */
export function presentText(label: string) {
  return z
    .string({
      error: (issue) =>
        issue.input == null ? `${label} can't be blank` : `${label} must be a string`,
    })
    .refine((text) => text.trim() !== '', `${label} can't be blank`)
}

/** A free-form JSON object field, replaced as a whole on update: `<Label> must be a JSON object`. */
export function jsonObjectField(label: string) {
  return z.record(z.string(), z.unknown(), { error: `${label} must be a JSON object` })
}
