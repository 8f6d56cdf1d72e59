/**
 * API keys: the documented resource (reference §3). Its parts, by the names `defineResource`
 * reads (`resources/resource.ts`).
 */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedApiKeys as seed } from './seed.js'
export { createApiKeysStore as store } from './store.js'
export { API_KEY_STORE_CALLS as storeCalls } from './store-calls.js'
export { fixtures } from './examples.js'
