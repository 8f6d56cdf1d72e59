/**
 * Campaigns on the wire (reference §4.4): the object in its documented field order, and the
 * `multipart/form-data` fields of Create Campaign as the docs and the web app send them.
 */
import * as z from 'zod'
import { envelopeOf, Id, Timestamp } from '../../pipeline/wire.js'

/**
 * One campaign as the API sends it, fields in the documented order. There is no `updated_at` and
 * no `user_*` field (documented).
 */
export const CampaignSchema = z.strictObject({
  id: Id,
  name: z.string(),
  status: z.string(),
  elevenlabs_batch_call_id: z.string().nullable(),
  recipients_count: z.number().int().nonnegative(),
  scheduled_at: Timestamp.nullable(),
  send_immediately: z.boolean(),
  created_at: Timestamp,
})

/**
 * A campaign as the store keeps it: the wire's fields, then the agent it calls with, the numbers it
 * calls from (the app sends several caller IDs, the docs one) and its owner.
 */
export const CampaignRecordSchema = CampaignSchema.extend({
  agent_id: z.string(),
  phone_number_ids: z.array(Id),
  user_id: Id,
})

/** `GET /campaigns` → 200: every campaign of the caller, no paging (documented: an array). */
export const ListCampaignsResponseSchema = envelopeOf(z.array(CampaignSchema))

/** `GET /campaigns/{id}` → 200 and `POST /campaigns` → 201. */
export const CampaignResponseSchema = envelopeOf(CampaignSchema)

/** `GET /campaigns` query: `include_details`, which the web app always sends (undocumented). */
export const ListCampaignsQuerySchema = z.object({
  include_details: z
    .string()
    .describe('`true` from the web app; accepted, and the list is the same (no calls are made).')
    .optional(),
})

/**
 * The parts of `POST /campaigns` (`multipart/form-data`): the documented ones (`phone_number_id`,
 * `recipients_file`) and the web app's (`phone_number_ids[]`, `manual_phone_numbers`). Every part
 * is text but the file; the resolver casts and validates them.
 */
export const CreateCampaignRequestSchema = z.object({
  name: z.string().describe('Required.'),
  phone_number_id: z
    .string()
    .describe("The number to call from: one of the caller's (documented).")
    .optional(),
  'phone_number_ids[]': z
    .array(z.string())
    .describe('The numbers to call from, one part each (the web app).')
    .optional(),
  agent_id: z.string().describe("The agent that calls: one of the caller's. Required."),
  recipients_file: z
    .file()
    .describe(
      'CSV: one number per line, or a header row with a `phone_number` column (documented).',
    )
    .optional(),
  manual_phone_numbers: z
    .string()
    .describe(
      'JSON array of `{"name","phone_number","language"}` (the web app), counted beside the file.',
    )
    .optional(),
  send_immediately: z.string().describe('`true` or `false`. Required.'),
  schedule_date: z.string().describe('`YYYY-MM-DD`, when `send_immediately` is false.').optional(),
  schedule_time: z
    .string()
    .describe('`HH:MM:SS` (documented) or `HH:MM` (the web app), UTC.')
    .optional(),
})

/** One manual recipient as the web app sends it in `manual_phone_numbers`. */
export const ManualRecipientSchema = z.object({
  name: z.string().optional(),
  phone_number: z.string(),
  language: z.string().optional(),
})

// The types, each inferred from the schema of its name.
export type Campaign = z.infer<typeof CampaignSchema>
export type CampaignRecord = z.infer<typeof CampaignRecordSchema>
export type ListCampaignsResponse = z.infer<typeof ListCampaignsResponseSchema>
export type CampaignResponse = z.infer<typeof CampaignResponseSchema>
export type ListCampaignsQuery = z.infer<typeof ListCampaignsQuerySchema>
export type CreateCampaignRequest = z.input<typeof CreateCampaignRequestSchema>
