/**
 * The platform's prices, kept as data (`catalogue.json`): the same for everyone and in every
 * scenario. `llm` rows carry the model ids the app's model picker offers; the markup is the one
 * the app falls back to itself.
 */
import catalogue from './catalogue.json' with { type: 'json' }
import { PricingSettingSchema, type PricingSetting } from './schemas.js'

/** Every price, by display order (its id), as the wire shows it. */
export const PRICING_SETTINGS: readonly PricingSetting[] = catalogue.settings.map(
  (setting, index) =>
    PricingSettingSchema.parse({
      id: index + 1,
      ...setting,
      active: true,
      display_order: index + 1,
    }),
)

/** The commission on every cost: the displayed price is cost × (1 + markup). */
export const COMMISSION_MARKUP: number = catalogue.commission_markup
