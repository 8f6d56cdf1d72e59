/** Voices on the wire: the web app's `Voice` type (real-client evidence; the docs have no page). */
import * as z from 'zod'
import { envelopeOf } from '../../pipeline/wire.js'

/** A voice's labels: lower-case strings the voice library filters on and upper-cases for display. */
export const VoiceLabelsSchema = z.strictObject({
  gender: z.enum(['male', 'female']),
  accent: z.string(),
  age: z.string(),
  use_case: z.string(),
})

/** One voice, fields in the order of the app's `Voice` type. `id` is an ElevenLabs voice id. */
export const VoiceSchema = z.strictObject({
  id: z.string().min(1),
  name: z.string(),
  category: z.string(),
  description: z.string(),
  preview_url: z.string(),
  labels: VoiceLabelsSchema,
})

/** `GET /voices` → 200: every matching voice, a plain array (no paging keys). */
export const ListVoicesResponseSchema = envelopeOf(z.array(VoiceSchema))

/** `GET /voices/{id}` → 200. */
export const VoiceResponseSchema = envelopeOf(VoiceSchema)

/**
 * `GET /voices` query: each optional; `search` is a case-insensitive substring of the name or the
 * description, the others match a label (or the category) regardless of case.
 */
export const ListVoicesQuerySchema = z.object({
  search: z.string().optional(),
  gender: z.string().optional(),
  accent: z.string().optional(),
  category: z.string().optional(),
})

export type Voice = z.infer<typeof VoiceSchema>
export type ListVoicesQuery = z.infer<typeof ListVoicesQuerySchema>
export type ListVoicesResponse = z.infer<typeof ListVoicesResponseSchema>
export type VoiceResponse = z.infer<typeof VoiceResponseSchema>
