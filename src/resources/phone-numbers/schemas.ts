/**
 * Phone numbers on the wire, as the Voiceable web app reads and sends them (no docs page: the app
 * is the evidence; the agent example documents the part an agent shows, `AgentPhoneNumber`).
 */
import * as z from 'zod'
import { envelopeOf, statusOnly } from '../../pipeline/wire.js'
import { Id, presentText, Timestamp } from '../../pipeline/wire.js'

/** Where a number comes from: bought through Twilio, entered by hand, or ElevenLabs' own (documented example). */
export const PhoneNumberProviderSchema = z.enum(['twilio', 'manual', 'elevenlabs'])

/**
 * One phone number as the API sends it, fields in the order of the web app's type: the agent it
 * is attached to (`agent_id` as the integer the app compares with `Number(agent.id)`, and its
 * name), or `null` for both when it is unassigned.
 */
export const PhoneNumberSchema = z.strictObject({
  id: Id,
  phone_number: z.string(),
  label: z.string(),
  provider: PhoneNumberProviderSchema,
  elevenlabs_phone_number_id: z.string(),
  agent_id: Id.nullable(),
  agent_name: z.string().nullable(),
  created_at: Timestamp,
  updated_at: Timestamp,
})

/** A phone number as the store keeps it: the wire's fields but the agent's name, and its owner. */
export const PhoneNumberRecordSchema = PhoneNumberSchema.omit({ agent_name: true }).extend({
  user_id: Id,
})

/** A phone number as an agent lists it (the documented agent example). */
export const AgentPhoneNumberSchema = z.strictObject({
  id: Id,
  phone_number: z.string(),
  provider: z.string(),
  elevenlabs_phone_number_id: z.string(),
})

/** A number that could be added: in the user's Twilio account, or for sale. */
export const AvailablePhoneNumberSchema = z.strictObject({
  phone_number: z.string(),
  friendly_name: z.string(),
  region: z.string(),
  iso_country: z.string(),
  capabilities: z.strictObject({ voice: z.boolean(), sms: z.boolean(), mms: z.boolean() }),
  monthly_price: z.string(),
})

/** `GET /phone_numbers` → 200. */
export const ListPhoneNumbersResponseSchema = envelopeOf(z.array(PhoneNumberSchema))

/** `GET`, `POST` and `PUT /phone_numbers/{id}` → 200 or 201. */
export const PhoneNumberResponseSchema = envelopeOf(PhoneNumberSchema)

/** `DELETE /phone_numbers/{id}` → 200: `status` only. */
export const DeletePhoneNumberResponseSchema = statusOnly()

/** `GET /phone_numbers/account` and `/phone_numbers/available` → 200. */
export const ListAvailablePhoneNumbersResponseSchema = envelopeOf(
  z.array(AvailablePhoneNumberSchema),
)

/** E.164 as the web app checks it: `+`, then 7 to 15 digits, the first not 0. */
const E164 = /^\+[1-9]\d{6,14}$/

/** An agent id as a body sends it: text (`"123"`), a number, or `""`/`null` for none. */
const AgentRef = z.union([z.string(), z.null()]).optional()

/**
 * The fields of `POST /phone_numbers`, at the body's top level (the web app sends no wrapper),
 * once permitted and cast.
 */
export const CreatePhoneNumberRequestSchema = z.object({
  phone_number: presentText('Phone number').refine(
    (number) => E164.test(number.trim()) || number.trim() === '',
    'Phone number is invalid',
  ),
  label: presentText('Label'),
  provider: z.enum(PhoneNumberProviderSchema.options, {
    error: (issue) =>
      issue.input == null ? "Provider can't be blank" : 'Provider is not included in the list',
  }),
  agent_id: AgentRef,
  language: z.string().optional(),
})

/** The fields of `PUT /phone_numbers/{id}`: the agent (`""` detaches it) and the label. */
export const UpdatePhoneNumberRequestSchema = z.object({
  agent_id: AgentRef,
  label: presentText('Label').optional(),
})

/** `GET /phone_numbers/available` query parameters. */
export const AvailablePhoneNumbersQuerySchema = z.object({
  country_code: z
    .enum(['US', 'CA', 'GB', 'AU'], { error: "Country code must be 'US', 'CA', 'GB' or 'AU'" })
    .optional(),
  area_code: z
    .string()
    .regex(/^\d{3}$/, 'Area code must be three digits')
    .optional(),
})

// The types, each inferred from the schema of its name.
export type PhoneNumberProvider = z.infer<typeof PhoneNumberProviderSchema>
export type PhoneNumber = z.infer<typeof PhoneNumberSchema>
export type PhoneNumberRecord = z.infer<typeof PhoneNumberRecordSchema>
export type AgentPhoneNumber = z.infer<typeof AgentPhoneNumberSchema>
export type AvailablePhoneNumber = z.infer<typeof AvailablePhoneNumberSchema>
export type ListPhoneNumbersResponse = z.infer<typeof ListPhoneNumbersResponseSchema>
export type PhoneNumberResponse = z.infer<typeof PhoneNumberResponseSchema>
export type DeletePhoneNumberResponse = z.infer<typeof DeletePhoneNumberResponseSchema>
export type ListAvailablePhoneNumbersResponse = z.infer<
  typeof ListAvailablePhoneNumbersResponseSchema
>
export type CreatePhoneNumberRequest = z.input<typeof CreatePhoneNumberRequestSchema>
export type UpdatePhoneNumberRequest = z.input<typeof UpdatePhoneNumberRequestSchema>
export type AvailablePhoneNumbersQuery = z.infer<typeof AvailablePhoneNumbersQuerySchema>
