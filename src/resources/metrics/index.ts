/**
 * Metrics: the overview screen's figures, computed from the caller's conversations
 * (real-client evidence). Its parts, by the names `defineResource` reads (`resources/resource.ts`).
 */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedMetrics as seed } from './seed.js'
export { createMetricsStore as store } from './store.js'
export { METRICS_STORE_CALLS as storeCalls } from './store-calls.js'
