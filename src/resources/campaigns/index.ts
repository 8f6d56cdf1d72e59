/** Campaigns (reference §4.4). Its parts, by the names `defineResource` reads (`resources/resource.ts`). */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedCampaigns as seed } from './seed.js'
export { CAMPAIGNS_STREAM as stream } from './defaults.js'
export { createCampaignsStore as store } from './store.js'
export { CAMPAIGN_STORE_CALLS as storeCalls } from './store-calls.js'
export { fixtures } from './examples.js'
