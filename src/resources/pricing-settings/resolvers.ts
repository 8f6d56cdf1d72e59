/** The code behind the two pricing endpoints (`resource.json`). */
import type { EndpointContext } from '../../pipeline/endpoint.js'
import { readQuery } from '../../pipeline/fields.js'
import type { Resolver } from '../resource.js'
import { ListPricingSettingsQuerySchema } from './schemas.js'
import type { PricingSettingsStore } from './store.js'

type Context = EndpointContext<PricingSettingsStore>

export const resolvers = {
  listPricingSettings: (context: Context) => ({
    data: context.store.listPricingSettings(readQuery(context, ListPricingSettingsQuerySchema)),
  }),
  getCommissionMarkup: (context: Context) => ({
    data: { commission_markup: context.store.getCommissionMarkup() },
  }),
} satisfies Record<string, Resolver<PricingSettingsStore>>
