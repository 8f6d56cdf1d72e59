/** Pricing settings on the wire: the web app's `PricingSetting` type (real-client evidence). */
import * as z from 'zod'
import { envelopeOf, Id } from '../../pipeline/wire.js'

/** What a price is for: the model, speech out, speech in, the phone line, the platform. */
export const PricingCategorySchema = z.enum(['llm', 'tts', 'stt', 'transport', 'hosting'])

/**
 * One price, fields in the order of the app's type. Costs are JSON numbers in US dollars (the
 * app multiplies them); `model_id` is `null` for prices that are not a model's.
 */
export const PricingSettingSchema = z.strictObject({
  id: Id,
  category: PricingCategorySchema,
  provider: z.string(),
  model_id: z.string().nullable(),
  name: z.string(),
  cost_per_minute: z.number().nonnegative(),
  cost_per_million_tokens: z.number().nonnegative().nullable(),
  active: z.boolean(),
  display_order: z.number().int().positive(),
})

/** `GET /pricing_settings` → 200: every matching active price, by display order. */
export const ListPricingSettingsResponseSchema = envelopeOf(z.array(PricingSettingSchema))

/** `GET /pricing_settings/commission_markup` → 200: the markup on every cost (0.7 is 70%). */
export const CommissionMarkupResponseSchema = envelopeOf(
  z.strictObject({ commission_markup: z.number().nonnegative() }),
)

/** `GET /pricing_settings` query: `category` and `provider`, each optional, matched exactly. */
export const ListPricingSettingsQuerySchema = z.object({
  category: z.string().optional(),
  provider: z.string().optional(),
})

export type PricingSetting = z.infer<typeof PricingSettingSchema>
export type ListPricingSettingsQuery = z.infer<typeof ListPricingSettingsQuerySchema>
export type ListPricingSettingsResponse = z.infer<typeof ListPricingSettingsResponseSchema>
export type CommissionMarkupResponse = z.infer<typeof CommissionMarkupResponseSchema>
