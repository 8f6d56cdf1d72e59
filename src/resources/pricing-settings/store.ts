/** The pricing part of the store: the catalogue, the same for every user. */
import { COMMISSION_MARKUP, PRICING_SETTINGS } from './catalogue.js'
import type { ListPricingSettingsQuery, PricingSetting } from './schemas.js'

/** Pricing settings, as `mock.store` offers them. */
export interface PricingSettingsStore {
  /** The prices matching `query` (every one without it), by display order. */
  listPricingSettings(query?: ListPricingSettingsQuery): PricingSetting[]
  /** The commission on every cost (0.7 is 70%). */
  getCommissionMarkup(): number
}

/** The pricing store methods: a read-only catalogue, so no collection and no context. */
export function createPricingSettingsStore(): PricingSettingsStore {
  return {
    listPricingSettings: (query = {}) =>
      PRICING_SETTINGS.filter(
        (setting) =>
          (query.category === undefined || setting.category === query.category) &&
          (query.provider === undefined || setting.provider === query.provider),
      ).map((setting) => ({ ...setting })),
    getCommissionMarkup: () => COMMISSION_MARKUP,
  }
}
