/** Integrations (reference §4.2). Its parts, by the names `defineResource` reads (`resources/resource.ts`). */
export { default as data } from './resource.json' with { type: 'json' }
export * as schemas from './schemas.js'
export { COLLECTIONS as collections } from './collection.js'
export { resolvers } from './resolvers.js'
export { seedIntegrations as seed } from './seed.js'
export { INTEGRATIONS_STREAM as stream } from './defaults.js'
export { createIntegrationsStore as store } from './store.js'
export { INTEGRATION_STORE_CALLS as storeCalls } from './store-calls.js'
export { fixtures } from './examples.js'
